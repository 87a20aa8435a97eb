import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { decodeReplay } from '@vitrine/schema/replay';
import { experimentsReport } from './reports/experiments.js';
import { funnelReport } from './reports/funnel.js';
import { escapeXml, funnelSvg } from './reports/output.js';
import { pathsReport, pathsSvg } from './reports/paths.js';
import { coverageLine, rangeWhere, type ReportRange } from './reports/range.js';
import { vitalsReport } from './reports/vitals.js';
import type { EventStore } from './store.js';

/** The funnel the page shows: GA4's e-commerce steps. */
export const INSIGHTS_FUNNEL = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'];

const STRINGS = {
  en: {
    title: 'Insights',
    intro: 'What shoppers did on this shop, from the events the tracker sent to this collector.',
    funnel: 'Funnel',
    paths: 'Paths',
    vitals: 'Web vitals (p75)',
    experiments: 'Experiments',
    conversionEvent: 'Conversion event',
    replays: 'Session replays',
    heatmaps: 'Heatmaps',
    heatmapHint: 'Where shoppers clicked, drawn over the page as it is now.',
    none: 'No data yet: browse the shop (and allow analytics) first.',
    page: 'Page',
    device: 'Device',
    metric: 'Metric',
    samples: 'Samples',
    rating: 'Rating',
    poor: 'Poor',
    elements: 'Elements behind poor values',
    experiment: 'Experiment',
    variant: 'Variant',
    visitors: 'Visitors',
    converted: 'Converted',
    lift: 'Lift (95% interval)',
    srm: 'Sample ratio mismatch: the split is not what was set; do not trust this result.',
    session: 'Session',
    started: 'Started',
    chunks: 'Chunks',
    play: 'Play',
    pause: 'Pause',
    loading: 'Loading the recording…',
    back: 'All insights',
    open: 'Open',
  },
  'zh-CN': {
    title: '数据洞察',
    intro: '根据跟踪器发送到此收集器的事件，展示顾客在本店的行为。',
    funnel: '转化漏斗',
    paths: '浏览路径',
    vitals: '网页核心指标（p75）',
    experiments: 'A/B 实验',
    conversionEvent: '转化事件',
    replays: '会话回放',
    heatmaps: '热力图',
    heatmapHint: '顾客点击的位置，叠加在页面当前的样子上。',
    none: '暂无数据：请先浏览商店（并允许分析）。',
    page: '页面',
    device: '设备',
    metric: '指标',
    samples: '样本数',
    rating: '评级',
    poor: '差',
    elements: '导致差值的元素',
    experiment: '实验',
    variant: '版本',
    visitors: '访客',
    converted: '转化',
    lift: '提升（95% 区间）',
    srm: '样本比例不匹配：分流与设定不符，此结果不可信。',
    session: '会话',
    started: '开始时间',
    chunks: '片段',
    play: '播放',
    pause: '暂停',
    loading: '正在加载录像…',
    back: '全部洞察',
    open: '打开',
  },
} as const;

type Lang = keyof typeof STRINGS;

/** Settings of {@link insightsRoutes}. */
export interface InsightsOptions {
  store: EventStore;
  /** Site shown when the URL names none. Default: every site. */
  site?: string;
  /** Heatmap links (`/insights/heatmap?path=…&device=…`) are answered by this, when given. */
  heatmap?: (request: {
    path: string;
    device: 'desktop' | 'tablet' | 'mobile';
    range: ReportRange;
  }) => Promise<string>;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src 'self'; object-src 'none'; base-uri 'none'";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, 'Noto Sans CJK SC', sans-serif; line-height: 1.5; }
  body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
  section { margin-block: 2rem; }
  .chart { overflow-x: auto; background: #fff; border-radius: 8px; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  th, td { text-align: start; padding: 0.35rem 0.5rem; border-bottom: 1px solid color-mix(in srgb, currentColor 15%, transparent); }
  .poor { color: light-dark(#b3261e, #ffb4ab); } .good { color: light-dark(#1f6f5c, #7fd1b9); }
  .warn { padding: 0.5rem 0.75rem; border-inline-start: 4px solid #b3261e; }
  .coverage { color: light-dark(#575c61, #b4bac0); font-size: 0.85rem; }
  a:focus-visible, button:focus-visible { outline: 3px solid #1f6f5c; outline-offset: 2px; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function table(headers: string[], rows: string[][]): string {
  return `<table><thead><tr>${headers.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.join('')}</tr>`)
    .join('')}</tbody></table>`;
}
const td = (text: string | number, cls = '') =>
  `<td${cls ? ` class="${cls}"` : ''}>${escapeXml(String(text))}</td>`;

/** The /insights page: every report over the store, in the analyst's language. */
async function overview(
  options: InsightsOptions,
  range: ReportRange,
  lang: Lang,
  query: string,
  conversion: string,
): Promise<string> {
  const t = STRINGS[lang];
  const { store } = options;
  const [funnel, paths, vitals, experiments, replays, pages] = await Promise.all([
    funnelReport(store, { steps: INSIGHTS_FUNNEL, range }),
    pathsReport(store, { depth: 4, top: 10, range }),
    vitalsReport(store, { range }),
    experimentsReport(store, { range, conversion }),
    store.query<{ session_id: string; site: string; started: number; chunks: number }>(
      // (`site` is renamed outside: ClickHouse would read an alias `site` into the WHERE.)
      `SELECT session_id, first_site AS site, started, chunks FROM (
         SELECT session_id, ${store.kind === 'clickhouse' ? 'any' : 'any_value'}(site) AS first_site, min(ts) AS started,
           count(*) AS chunks
         FROM events WHERE ${rangeWhere(range, `type = 'replay'`)} GROUP BY session_id) ORDER BY started DESC LIMIT 30`,
    ),
    store.query<{ path: string; device: string; clicks: number }>(
      `SELECT path, coalesce(device, 'unknown') AS device, count(*) AS clicks FROM events
       WHERE ${rangeWhere(range, `type = 'click'`)} GROUP BY path, device ORDER BY clicks DESC LIMIT 12`,
    ),
  ]);
  const empty = `<p>${escapeXml(t.none)}</p>`;
  const sections: string[] = [];
  sections.push(
    `<section aria-labelledby="h-heatmaps"><h2 id="h-heatmaps">${escapeXml(t.heatmaps)}</h2><p>${escapeXml(t.heatmapHint)}</p>${
      pages.length
        ? table(
            [t.page, t.device, 'Clicks', ''],
            pages.map((p) => [
              td(p.path),
              td(p.device),
              td(p.clicks),
              options.heatmap
                ? `<td><a href="/insights/heatmap?path=${encodeURIComponent(p.path)}&amp;device=${encodeURIComponent(p.device)}${query ? `&amp;${escapeXml(query)}` : ''}">${escapeXml(t.open)}</a></td>`
                : '<td></td>',
            ]),
          )
        : empty
    }</section>`,
  );
  sections.push(
    `<section aria-labelledby="h-funnel"><h2 id="h-funnel">${escapeXml(t.funnel)}</h2>${
      funnel.groups[0]!.steps[0]!.sessions
        ? `<div class="chart" role="img" aria-label="${escapeXml(`${t.funnel}: ${funnel.groups[0]!.steps.map((s) => `${s.step} ${s.sessions}`).join(', ')}`)}">${funnelSvg(funnel)}</div>`
        : empty
    }</section>`,
  );
  sections.push(
    `<section aria-labelledby="h-paths"><h2 id="h-paths">${escapeXml(t.paths)}</h2>${
      paths.sessions
        ? `<div class="chart">${pathsSvg(paths)}</div>${table(
            [t.page, t.visitors],
            paths.paths.map((p) => [td(p.pages.join(' → ')), td(`${p.sessions} (${pct(p.share)})`)]),
          )}`
        : empty
    }</section>`,
  );
  sections.push(
    `<section aria-labelledby="h-vitals"><h2 id="h-vitals">${escapeXml(t.vitals)}</h2>${
      vitals.rows.length
        ? table(
            [t.page, t.device, t.metric, t.samples, 'p75', t.rating, t.poor, t.elements],
            vitals.rows.map((r) => [
              td(r.path),
              td(r.device),
              td(r.metric),
              td(r.samples),
              td(r.metric === 'CLS' ? r.p75.toFixed(3) : `${Math.round(r.p75)} ms`),
              td(r.rating, r.rating === 'poor' ? 'poor' : r.rating === 'good' ? 'good' : ''),
              td(pct(r.poor)),
              td(r.poorElements.map((e) => `${e.element} (${e.count})`).join('; ')),
            ]),
          )
        : empty
    }</section>`,
  );
  sections.push(
    `<section aria-labelledby="h-experiments"><h2 id="h-experiments">${escapeXml(t.experiments)}</h2><p>${escapeXml(t.conversionEvent)}: <code>${escapeXml(experiments.conversion)}</code></p>${
      experiments.experiments.length
        ? experiments.experiments
            .map(
              (e) =>
                `<h3>${escapeXml(e.experiment)}</h3>${e.srm.mismatch ? `<p class="warn" role="note">${escapeXml(t.srm)}</p>` : ''}${table(
                  [t.variant, t.visitors, t.converted, t.lift],
                  e.variants.map((v) => [
                    td(v.variant),
                    td(v.visitors),
                    td(`${v.converted} (${pct(v.rate)})`),
                    td(
                      v.lift
                        ? `${(v.lift.absolute * 100).toFixed(1)} pt (${(v.lift.low * 100).toFixed(1)} … ${(v.lift.high * 100).toFixed(1)})`
                        : '—',
                    ),
                  ]),
                )}`,
            )
            .join('')
        : empty
    }</section>`,
  );
  sections.push(
    `<section aria-labelledby="h-replays"><h2 id="h-replays">${escapeXml(t.replays)}</h2>${
      replays.length
        ? table(
            [t.session, t.started, t.chunks],
            replays.map((r) => [
              `<td><a href="/insights/replay/${encodeURIComponent(r.session_id)}?site=${encodeURIComponent(r.site)}">${escapeXml(r.session_id)}</a></td>`,
              td(new Date(r.started).toISOString()),
              td(r.chunks),
            ]),
          )
        : empty
    }</section>`,
  );
  const body = `<header><h1>${escapeXml(t.title)}</h1><p>${escapeXml(t.intro)}</p><p class="coverage">${escapeXml(coverageLine(funnel.coverage).replace(/: \d+ events read.*/, ''))}</p></header>
<main>${sections.join('\n')}</main>`;
  return page(lang, t.title, body);
}

function player(lang: Lang, session: string, site: string): string {
  const t = STRINGS[lang];
  return page(
    lang,
    `${t.replays}: ${session}`,
    `<p><a href="/insights?lang=${lang}">${escapeXml(t.back)}</a></p>
<h1>${escapeXml(`${t.session} ${session}`)}</h1>
<p><button id="play" type="button" disabled>${escapeXml(t.play)}</button> <button id="pause" type="button" disabled>${escapeXml(t.pause)}</button></p>
<p id="status" role="status">${escapeXml(t.loading)}</p>
<link rel="stylesheet" href="/insights/assets/rrweb.css">
<div id="player" data-session="${escapeXml(session)}" data-site="${escapeXml(site)}"></div>
<script type="module" src="/insights/assets/player.js"></script>`,
  );
}

const require = createRequire(import.meta.url);
/** Files the pages load, read once on first use. */
const ASSETS: Record<string, { file: () => string; type: string }> = {
  'rrweb.js': {
    file: () => require.resolve('rrweb').replace(/rrweb\.c?js$/, 'rrweb.js'),
    type: 'text/javascript',
  },
  'rrweb.css': { file: () => require.resolve('rrweb/dist/style.css'), type: 'text/css' },
  'player.js': {
    file: () => fileURLToPath(new URL('../assets/player.js', import.meta.url)),
    type: 'text/javascript',
  },
};
const assetCache = new Map<string, Buffer>();

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * The analyst's pages, served by the collector: `/insights` (every report for the shop, `?site=`,
 * `?since=`, `?until=`, `?lang=zh-CN`, `?conversion=` for the experiments), `/insights/replay/<session>` (rrweb's player),
 * `/insights/heatmap` (when a heatmap renderer is given) and `/replays/<session>/events` (the
 * decoded recording). Returns a handler that answers those paths and returns false for others.
 */
export function insightsRoutes(
  options: InsightsOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://collector');
    const path = url.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const lang: Lang = url.searchParams.get('lang')?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
    const html = (status: number, text: string) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CSP,
        'cache-control': 'no-store',
      });
      res.end(text);
    };
    const site = url.searchParams.get('site') ?? options.site;
    const range = (): ReportRange => {
      const ms = (name: string) => {
        const value = url.searchParams.get(name);
        const parsed = value ? Date.parse(value) : NaN;
        return Number.isFinite(parsed) ? parsed : undefined;
      };
      const from = ms('since');
      const to = ms('until');
      return {
        ...(site ? { site } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      };
    };
    if (path === '/insights' || path === '/insights/') {
      const keep = new URLSearchParams();
      for (const key of ['site', 'since', 'until', 'lang', 'conversion']) {
        const value = url.searchParams.get(key);
        if (value) keep.set(key, value);
      }
      // The experiments' conversion event (`?conversion=add_to_cart`), purchase by default.
      const asked = url.searchParams.get('conversion') ?? '';
      const conversion = /^[a-z][a-z0-9_]{0,39}$/.test(asked) ? asked : 'purchase';
      html(200, await overview(options, range(), lang, keep.toString(), conversion));
      return true;
    }
    const replay = /^\/insights\/replay\/([^/]+)$/.exec(path);
    if (replay) {
      const session = decodeURIComponent(replay[1]!);
      const replaySite = url.searchParams.get('site') ?? options.site ?? 'default';
      if (!ID.test(session) || !ID.test(replaySite))
        html(400, page(lang, 'Bad request', '<p>Bad session id.</p>'));
      else html(200, player(lang, session, replaySite));
      return true;
    }
    const events = /^\/replays\/([^/]+)\/events$/.exec(path);
    if (events) {
      const session = decodeURIComponent(events[1]!);
      const replaySite = url.searchParams.get('site') ?? options.site ?? 'default';
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (!ID.test(session) || !ID.test(replaySite)) json(400, { error: 'bad session or site' });
      else {
        const chunks = await options.store.replay(replaySite, session);
        const decoded = await decodeReplay(
          chunks.map((c) => ({ chunk: c.chunk, encoding: c.encoding as 'rrweb/json', payload: c.payload })),
        );
        json(decoded.length ? 200 : 404, decoded);
      }
      return true;
    }
    const asset = /^\/insights\/assets\/([\w.-]+)$/.exec(path);
    if (asset && ASSETS[asset[1]!]) {
      const { file, type } = ASSETS[asset[1]!]!;
      let body = assetCache.get(asset[1]!);
      if (!body) assetCache.set(asset[1]!, (body = await readFile(file())));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=3600' });
      res.end(body);
      return true;
    }
    if (path === '/insights/heatmap' && options.heatmap) {
      const heatPath = url.searchParams.get('path') ?? '/';
      const device = url.searchParams.get('device');
      const chosen = device === 'mobile' || device === 'tablet' ? device : 'desktop';
      if (!heatPath.startsWith('/'))
        html(400, page(lang, 'Bad request', '<p>The page path must start with /.</p>'));
      else html(200, await options.heatmap({ path: heatPath, device: chosen, range: range() }));
      return true;
    }
    return false;
  };
}
