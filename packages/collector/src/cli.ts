/// <reference types="node" />
// `vitrine`: the collector's command line.
//
//   vitrine serve [--db events.duckdb] [--port 8787] [--host 127.0.0.1] [--origin URL]... [--site KEY]...
//                 [--rate N]  requests per second per client address (burst 3N; default 40, burst 120)
//   vitrine report heatmap --page URL [--kind click|scroll|move] [--device desktop|tablet|mobile] [--out heatmap.png|.html]
//   vitrine report funnel --steps a,b,c [--out funnel.svg|funnel.csv]
//   vitrine report paths [--from /page | --to /page] [--depth 4] [--out paths.svg|paths.csv]
//   vitrine report vitals [--out vitals.csv]
//   vitrine report experiments [--conversion purchase] [--out experiments.csv]
//   vitrine report replays [--out replays.csv]        the recorded sessions, newest first
//   vitrine report replays --session ID [--site KEY] [--out replay.html]   one, in rrweb's player, offline
//     every report: [--db events.duckdb] [--site KEY] [--since 2026-11-01] [--until 2026-11-08]
//   vitrine export --format parquet|ndjson --out events.parquet [--db …] [--site …] [--since …] [--until …]
//   vitrine retention --days 90 [--db …]          deletes events that happened more than 90 days ago
//   vitrine forget --visitor ID [--db …]          deletes every event of one visitor
//
// Every command takes `--clickhouse http://host:8123 [--database NAME]` instead of `--db` to use a
// ClickHouse server (same tables, same reports; no Parquet export or move heatmaps on 18.16).
//
// Reports open the database read-only; DuckDB lets one process write a file, so run them on a
// copy of the file or while the collector is stopped.
//
// `serve` prints `listening on <url>` once it accepts requests and stops cleanly on SIGINT/SIGTERM
// (what was acknowledged is already in the file; a kill -9 loses nothing acknowledged either).
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createCollector } from './server.js';
import { openClickHouseStore } from './clickhouse-store.js';
import { openDuckDBStore } from './duckdb-store.js';
import type { EventStore } from './store.js';
import { experimentsReport } from './reports/experiments.js';
import { funnelReport } from './reports/funnel.js';
import { funnelCsv, funnelSvg, toCsv } from './reports/output.js';
import { pathsReport, pathsSvg } from './reports/paths.js';
import { coverageLine, rangeWhere, type ReportRange } from './reports/range.js';
import { vitalsReport } from './reports/vitals.js';

const USAGE = `usage:
  vitrine serve [--db events.duckdb] [--port 8787] [--host 127.0.0.1] [--origin URL]... [--site KEY]... [--rate N]
  vitrine report heatmap --page URL [--kind click|scroll|move] [--device desktop|tablet|mobile] [--out heatmap.png|.html]
  vitrine report funnel --steps view_item,add_to_cart,begin_checkout,purchase [--out funnel.svg|.csv]
  vitrine report paths [--from /page | --to /page] [--depth 4] [--out paths.svg|.csv]
  vitrine report vitals [--out vitals.csv]
  vitrine report experiments [--conversion purchase] [--out experiments.csv]
  vitrine report replays [--out replays.csv] | --session ID [--out replay.html]
  report options: [--db events.duckdb] [--site KEY] [--since DATE] [--until DATE]
  vitrine export --format parquet|ndjson --out FILE [--db events.duckdb] [--site KEY] [--since DATE] [--until DATE]
  vitrine retention --days N [--db events.duckdb]
  vitrine forget --visitor ID [--db events.duckdb]
  any command: --clickhouse http://127.0.0.1:8123 [--database NAME] instead of --db`;

/** The store the flags name: ClickHouse with `--clickhouse URL`, else the DuckDB file `--db`. */
async function openStore(
  values: { db?: string; clickhouse?: string; database?: string },
  readOnly: boolean,
): Promise<{ store: EventStore; label: string }> {
  if (values.clickhouse) {
    const url = values.clickhouse;
    const store = await openClickHouseStore({
      url,
      ...(values.database ? { database: values.database } : {}),
    });
    return { store, label: `ClickHouse ${url}${values.database ? ` (${values.database})` : ''}` };
  }
  const db = values.db ?? 'events.duckdb';
  return { store: await openDuckDBStore(db, { readOnly }), label: `DuckDB ${db}` };
}

const STORE_OPTIONS = {
  db: { type: 'string', default: 'events.duckdb' },
  clickhouse: { type: 'string' },
  database: { type: 'string' },
} as const;

/** A date argument (ISO date or date-time) as ms since the epoch. */
function date(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms))
    throw new Error(`${flag} ${value} is not a date (use 2026-11-01 or an ISO date-time)`);
  return ms;
}

/** One line on stderr per stage, so a long run shows where it is. */
const stage = (text: string) => process.stderr.write(`vitrine: ${text}\n`);

/**
 * A stage of a multi-stage run (`done` of `total` finished): a bar redrawn in place on a
 * terminal, one line per stage otherwise (logs, CI).
 */
function progress(what: string, done: number, total: number): void {
  if (!process.stderr.isTTY) {
    stage(`[${done}/${total}] ${what}`);
    return;
  }
  const width = 24;
  const filled = Math.round((done / Math.max(1, total)) * width);
  const line = `vitrine: [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${what}`;
  process.stderr.write(`\r\x1b[2K${line.slice(0, Math.max(20, (process.stderr.columns ?? 80) - 1))}`);
  if (done >= total) process.stderr.write('\n');
}

async function report(args: string[]): Promise<void> {
  const [kind, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      ...STORE_OPTIONS,
      site: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      out: { type: 'string' },
      steps: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      depth: { type: 'string' },
      conversion: { type: 'string' },
      page: { type: 'string' },
      kind: { type: 'string' },
      device: { type: 'string' },
      session: { type: 'string' },
    },
  });
  const range: ReportRange = {
    ...(values.site ? { site: values.site } : {}),
    ...(values.since ? { from: date('--since', values.since) } : {}),
    ...(values.until ? { to: date('--until', values.until) } : {}),
  };
  stage(`opening ${values.clickhouse ?? values.db} (read-only)`);
  const { store } = await openStore(values, true);
  try {
    stage(`computing the ${kind} report`);
    let text: string;
    let out = values.out;
    if (kind === 'heatmap') {
      if (!values.page) throw new Error('--page is required: the URL of the page to draw on');
      const heatKind = values.kind ?? 'click';
      const device = values.device ?? 'desktop';
      if (heatKind !== 'click' && heatKind !== 'scroll' && heatKind !== 'move')
        throw new Error(`--kind ${heatKind}: click, scroll or move`);
      if (device !== 'desktop' && device !== 'tablet' && device !== 'mobile')
        throw new Error(`--device ${device}: desktop, tablet or mobile`);
      const { heatmapReport } = await import('./reports/heatmap.js');
      const result = await heatmapReport(store, {
        page: values.page,
        kind: heatKind,
        device,
        out: values.out ?? 'heatmap.png',
        range,
        onProgress: progress,
      });
      for (const e of result.top.slice(0, 10)) console.log(`${String(e.count).padStart(8)}  ${e.key}`);
      console.log(`${result.placed} placed on their element, ${result.unplaced} by page position`);
      console.log(coverageLine(result.coverage));
      stage(`wrote ${result.file}`);
      return;
    } else if (kind === 'funnel') {
      if (!values.steps) throw new Error('--steps is required, e.g. --steps view_item,add_to_cart,purchase');
      const result = await funnelReport(store, {
        steps: values.steps.split(',').map((s) => s.trim()),
        range,
      });
      out ??= 'funnel.svg';
      text = extname(out) === '.csv' ? funnelCsv(result) : funnelSvg(result);
      for (const s of result.groups[0]!.steps)
        console.log(
          `${s.step.padEnd(20)} ${String(s.sessions).padStart(8)}  ${(s.conversion * 100).toFixed(1)}%`,
        );
      console.log(coverageLine(result.coverage));
    } else if (kind === 'paths') {
      const result = await pathsReport(store, {
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(values.depth ? { depth: Number(values.depth) } : {}),
        range,
      });
      out ??= 'paths.svg';
      text =
        extname(out) === '.csv'
          ? toCsv(
              ['pages', 'sessions', 'share'],
              result.paths.map((p) => [p.pages.join(' > '), p.sessions, p.share.toFixed(4)]),
              result.coverage,
            )
          : pathsSvg(result);
      for (const p of result.paths.slice(0, 10))
        console.log(`${String(p.sessions).padStart(8)}  ${p.pages.join(' > ')}`);
      console.log(coverageLine(result.coverage));
    } else if (kind === 'replays') {
      const { replayHtml, replaysCsv, replaysReport } = await import('./reports/replays.js');
      if (values.session) {
        out ??= `replay-${values.session}.html`;
        text = await replayHtml(store, values.site ?? 'default', values.session);
      } else {
        const result = await replaysReport(store, { range });
        out ??= 'replays.csv';
        text = replaysCsv(result);
        for (const s of result.sessions.slice(0, 20))
          console.log(
            `${new Date(s.started).toISOString()}  ${s.sessionId.padEnd(24)} ${s.device.padEnd(8)} ${String(Math.round((s.ended - s.started) / 1000)).padStart(5)} s  ${s.pageviews} pages  ${s.entry}`,
          );
        console.log(coverageLine(result.coverage));
      }
    } else if (kind === 'vitals') {
      const result = await vitalsReport(store, { range });
      out ??= 'vitals.csv';
      text = toCsv(
        [
          'path',
          'device',
          'metric',
          'samples',
          'p75',
          'rating',
          'good',
          'needs_improvement',
          'poor',
          'poor_elements',
        ],
        result.rows.map((r) => [
          r.path,
          r.device,
          r.metric,
          r.samples,
          r.metric === 'CLS' ? r.p75.toFixed(3) : Math.round(r.p75),
          r.rating,
          r.good.toFixed(3),
          r.needsImprovement.toFixed(3),
          r.poor.toFixed(3),
          r.poorElements.map((e) => `${e.element} (${e.count})`).join('; '),
        ]),
        result.coverage,
      );
      console.log(coverageLine(result.coverage));
    } else if (kind === 'experiments') {
      const result = await experimentsReport(store, {
        ...(values.conversion ? { conversion: values.conversion } : {}),
        range,
      });
      out ??= 'experiments.csv';
      text = toCsv(
        [
          'experiment',
          'variant',
          'visitors',
          'converted',
          'rate',
          'lift',
          'lift_low_95',
          'lift_high_95',
          'srm_p',
          'srm_warning',
        ],
        result.experiments.flatMap((e) =>
          e.variants.map((v) => [
            e.experiment,
            v.variant,
            v.visitors,
            v.converted,
            v.rate.toFixed(4),
            v.lift ? v.lift.absolute.toFixed(4) : '',
            v.lift ? v.lift.low.toFixed(4) : '',
            v.lift ? v.lift.high.toFixed(4) : '',
            e.srm.p.toPrecision(3),
            e.srm.mismatch ? 'sample ratio mismatch' : '',
          ]),
        ),
        result.coverage,
      );
      for (const e of result.experiments)
        if (e.srm.mismatch)
          console.log(`warning: ${e.experiment} has a sample ratio mismatch (p = ${e.srm.p.toPrecision(3)})`);
      console.log(coverageLine(result.coverage));
    } else {
      throw new Error(`unknown report "${kind ?? ''}"\n${USAGE}`);
    }
    await writeFile(out, text);
    stage(`wrote ${out}`);
  } finally {
    await store.close();
  }
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...STORE_OPTIONS,
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      origin: { type: 'string', multiple: true },
      site: { type: 'string', multiple: true },
      rate: { type: 'string' },
    },
  });
  const port = Number(values.port);
  const rate = values.rate === undefined ? undefined : Number(values.rate);
  if (rate !== undefined && !(rate > 0))
    throw new Error(`--rate ${values.rate} is not a number of requests per second`);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${values.port} is not a port`);
  const { store, label } = await openStore(values, false);
  const collector = createCollector({
    store,
    ...(values.origin?.length ? { allowOrigins: values.origin } : {}),
    ...(values.site?.length ? { sites: values.site } : {}),
    ...(rate ? { rateLimit: { perSecond: rate, burst: rate * 3 } } : {}),
  });
  const url = await collector.listen(port, values.host);
  console.log(`listening on ${url} (${label})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void collector.close().then(() => process.exit(0));
    });
}

/** `export`, `retention` and `forget`: the analyst's copy and the data rights. */
async function data(command: string, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...STORE_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
      site: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      days: { type: 'string' },
      visitor: { type: 'string' },
    },
  });
  if (command === 'export') {
    const format = values.format;
    if (format !== 'parquet' && format !== 'ndjson') throw new Error('--format must be parquet or ndjson');
    const out = values.out ?? `events.${format === 'parquet' ? 'parquet' : 'ndjson'}`;
    const range: ReportRange = {
      ...(values.site ? { site: values.site } : {}),
      ...(values.since ? { from: date('--since', values.since) } : {}),
      ...(values.until ? { to: date('--until', values.until) } : {}),
    };
    const { store } = await openStore(values, true);
    try {
      const rows = await store.exportTo(out, format, rangeWhere(range));
      console.log(`${rows} events written to ${out}`);
    } finally {
      await store.close();
    }
    return;
  }
  const { store } = await openStore(values, false);
  try {
    if (command === 'retention') {
      const days = Number(values.days);
      if (!Number.isFinite(days) || days < 0) throw new Error('--days must be a number of days ≥ 0');
      const deleted = await store.deleteBefore(Date.now() - days * 86_400_000);
      console.log(`${deleted} events older than ${days} days deleted`);
    } else {
      if (!values.visitor || !/^[A-Za-z0-9_.:-]{1,64}$/.test(values.visitor))
        throw new Error('--visitor must be a visitor id (1-64 of A-Z a-z 0-9 _ - . :)');
      const deleted = await store.deleteVisitor(values.visitor);
      console.log(`${deleted} events of visitor ${values.visitor} deleted`);
    }
  } finally {
    await store.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'serve') await serve(rest);
  else if (command === 'report') await report(rest);
  else if (command === 'export' || command === 'retention' || command === 'forget') await data(command, rest);
  else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`vitrine: ${(error as Error).message}`);
  process.exitCode = 1;
}
