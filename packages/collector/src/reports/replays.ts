import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { decodeReplay } from '@vitrine/schema/replay';
import type { EventStore } from '../store.js';
import { escapeXml, toCsv } from './output.js';
import { coverage, eventSpan, rangeWhere, type Coverage, type ReportRange } from './range.js';

/** One recorded session. */
export interface RecordedSession {
  site: string;
  sessionId: string;
  visitorId: string;
  device: string;
  /** First and last event of the session (any type), ms since the epoch. */
  started: number;
  ended: number;
  /** Recording chunks stored, page views, clicks and funnel steps in the session. */
  chunks: number;
  pageviews: number;
  clicks: number;
  funnelSteps: number;
  /** Path of the session's first page view (or first event). */
  entry: string;
}

export interface ReplaysReport {
  coverage: Coverage;
  sessions: RecordedSession[];
}

/**
 * The sessions that have a recording (`replay` events) in `range`, newest first, with what
 * happened in each: how long, how many pages, clicks and funnel steps, on which device.
 */
export async function replaysReport(
  store: EventStore,
  options: { range?: ReportRange; limit?: number } = {},
): Promise<ReplaysReport> {
  const range = options.range ?? {};
  const limit = Math.max(1, Math.min(10_000, Math.trunc(options.limit ?? 100)));
  const recorded = rangeWhere(range, `type = 'replay'`);
  const ch = store.kind === 'clickhouse';
  const countIf = (cond: string) => (ch ? `countIf(${cond})` : `count(*) FILTER (WHERE ${cond})`);
  const any = ch ? 'any' : 'any_value';
  const argMin = ch ? 'argMin' : 'arg_min';
  // (Aliases differ from column names: ClickHouse would read an alias into the WHERE.)
  const [rows, stats] = await Promise.all([
    store.query<{
      first_site: string;
      session_id: string;
      visitor: string;
      dev: string | null;
      started: number;
      ended: number;
      chunks: number;
      pageviews: number;
      clicks: number;
      steps: number;
      entry: string;
    }>(
      `SELECT ${any}(site) AS first_site, session_id, ${any}(visitor_id) AS visitor, ${any}(device) AS dev,
         min(ts) AS started, max(ts) AS ended, ${countIf(`type = 'replay'`)} AS chunks,
         ${countIf(`type = 'pageview'`)} AS pageviews, ${countIf(`type = 'click'`)} AS clicks,
         ${countIf(`type = 'funnel'`)} AS steps, ${argMin}(path, ts) AS entry
       FROM events
       WHERE session_id IN (SELECT session_id FROM events WHERE ${recorded})
       GROUP BY session_id ORDER BY started DESC, session_id LIMIT ${limit}`,
    ),
    eventSpan(store, recorded),
  ]);
  return {
    coverage: coverage(range, stats),
    sessions: rows.map((r) => ({
      site: r.first_site,
      sessionId: r.session_id,
      visitorId: r.visitor,
      device: r.dev || 'unknown',
      started: Number(r.started),
      ended: Number(r.ended),
      chunks: Number(r.chunks),
      pageviews: Number(r.pageviews),
      clicks: Number(r.clicks),
      funnelSteps: Number(r.steps),
      entry: r.entry,
    })),
  };
}

/** The list as CSV, the data range on the first line. */
export function replaysCsv(report: ReplaysReport): string {
  return toCsv(
    [
      'site',
      'session',
      'visitor',
      'device',
      'started',
      'seconds',
      'chunks',
      'pageviews',
      'clicks',
      'funnel_steps',
      'entry',
    ],
    report.sessions.map((s) => [
      s.site,
      s.sessionId,
      s.visitorId,
      s.device,
      new Date(s.started).toISOString(),
      Math.round((s.ended - s.started) / 1000),
      s.chunks,
      s.pageviews,
      s.clicks,
      s.funnelSteps,
      s.entry,
    ]),
    report.coverage,
  );
}

const require = createRequire(import.meta.url);
/** Text for inside a `<script>`: no `</script` or `<!--` can end it early. */
const scriptSafe = (code: string) => code.replace(/<(\/script|!--)/gi, '<\\$1');

/**
 * One recording as a self-contained HTML file: rrweb's own `Replayer` (its UMD build and style
 * sheet inlined) and the decoded events, playable offline by double-clicking the file. Rejects
 * when the session has no recording.
 */
export async function replayHtml(store: EventStore, site: string, sessionId: string): Promise<string> {
  const chunks = await store.replay(site, sessionId);
  const events = await decodeReplay(
    chunks.map((c) => ({ chunk: c.chunk, encoding: c.encoding as 'rrweb/json', payload: c.payload })),
  );
  if (events.length < 2) throw new Error(`session ${sessionId} of site ${site} has no playable recording`);
  const [rrweb, css] = await Promise.all([
    // The UMD build (a classic script defining `rrweb`), beside the entry rrweb exports.
    readFile(require.resolve('rrweb').replace(/rrweb\.c?js$/, 'rrweb.umd.min.cjs'), 'utf8'),
    readFile(require.resolve('rrweb/dist/style.css'), 'utf8'),
  ]);
  const title = `Session ${sessionId} (${site})`;
  const seconds = Math.round(
    ((events.at(-1) as { timestamp: number }).timestamp - (events[0] as { timestamp: number }).timestamp) /
      1000,
  );
  // The events go in as JSON data (never as HTML); `<` is escaped so no text in a recording can
  // close the script element.
  const data = JSON.stringify(events).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${css.replace(/<\/style/gi, '<\\/style')}
body{font:14px/1.5 system-ui,sans-serif;margin:1rem;color:#1a1a1a}button{font:inherit;padding:.3rem .8rem}
button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}</style></head>
<body><h1>${escapeXml(title)}</h1>
<p>${escapeXml(`${seconds} s, ${events.length} rrweb events, recorded by the Vitrine tracker.`)}</p>
<p><button id="play" type="button">Play</button> <button id="pause" type="button">Pause</button></p>
<p id="status" role="status"></p>
<div id="player"></div>
<script type="application/json" id="events">${data}</script>
<script>${scriptSafe(rrweb)}</script>
<script>
(function () {
  var events = JSON.parse(document.getElementById('events').textContent);
  var status = document.getElementById('status');
  try {
    var replayer = new rrweb.Replayer(events, { root: document.getElementById('player'), mouseTail: true });
    document.getElementById('play').onclick = function () { replayer.play(replayer.getCurrentTime()); };
    document.getElementById('pause').onclick = function () { replayer.pause(); };
    replayer.on('finish', function () { status.textContent = 'Finished.'; });
    replayer.play();
    status.textContent = 'Playing.';
    window.vtReplayer = replayer;
  } catch (error) {
    status.textContent = 'This recording cannot be played: ' + error.message;
  }
})();
</script></body></html>
`;
}
