import type { EventStore } from '../store.js';
import { escapeXml } from './output.js';
import {
  coverage,
  eventSpan,
  coverageLine,
  literal,
  rangeWhere,
  type Coverage,
  type ReportRange,
} from './range.js';

/** Settings of {@link pathsReport}. */
export interface PathsOptions {
  /** Only sessions through this page path; their paths are read from its first view on. */
  from?: string;
  /** Only sessions that reach this page path; their paths are read up to its first view. */
  to?: string;
  /** Pages per path (2–8). Default 4. */
  depth?: number;
  /** Most common paths listed. Default 20. */
  top?: number;
  range?: ReportRange;
}

export interface PathRow {
  /** Page paths in order (a reload of the same page counts once). */
  pages: string[];
  sessions: number;
  share: number;
}

/** One link of the Sankey diagram: `sessions` went from `source` at step `step` to `target` at `step + 1`. */
export interface PathLink {
  step: number;
  source: string;
  target: string;
  sessions: number;
}

export interface PathsReport {
  coverage: Coverage;
  from: string | null;
  to: string | null;
  depth: number;
  /** Sessions considered. */
  sessions: number;
  paths: PathRow[];
  links: PathLink[];
}

/**
 * The most common sequences of page views per session (`pageview` events in time order, a page
 * repeated right after itself collapsed), `depth` pages long: from the first view of `from`
 * onwards, or the `depth` pages leading to the first view of `to`, or from each session's entry
 * page. With the links between consecutive steps, for a Sankey-style diagram.
 */
export async function pathsReport(store: EventStore, options: PathsOptions = {}): Promise<PathsReport> {
  const depth = options.depth ?? 4;
  const top = options.top ?? 20;
  if (!Number.isInteger(depth) || depth < 2 || depth > 8)
    throw new Error(`depth must be 2 to 8, got ${depth}`);
  const range = options.range ?? {};
  const where = rangeWhere(range, `type = 'pageview'`);
  const q =
    store.kind === 'clickhouse' ? clickhouseSql(where, depth, options) : duckdbSql(where, depth, options);
  const [paths, links, totals, stats] = await Promise.all([
    store.query<{ seq: string[]; sessions: number }>(q.paths(top)),
    store.query<PathLink>(q.links),
    store.query<{ n: number }>(`SELECT count(*) AS n FROM (${q.sequences})`),
    eventSpan(store, `${where}`),
  ]);
  const sessions = totals[0]?.n ?? 0;
  return {
    coverage: coverage(range, stats),
    from: options.from ?? null,
    to: options.to ?? null,
    depth,
    sessions,
    paths: paths.map((p) => ({
      pages: [...p.seq],
      sessions: p.sessions,
      share: sessions ? p.sessions / sessions : 0,
    })),
    links: links.map((l) => ({
      step: Number(l.step) - 1,
      source: l.source,
      target: l.target,
      sessions: l.sessions,
    })),
  };
}

/**
 * A Sankey-style SVG of the paths: one column per step, a box per page sized by the sessions on
 * it (the 8 busiest per step; the rest as "other"), and bands between consecutive steps.
 */
export function pathsSvg(report: PathsReport): string {
  const steps = report.depth;
  const colW = 180;
  const gap = 90;
  const height = 480;
  const top = 60;
  const width = 40 + steps * colW + (steps - 1) * gap;
  // Node sizes per step from the links (targets of step i are nodes of step i + 1).
  const nodes: Map<string, number>[] = Array.from({ length: steps }, () => new Map());
  const bump = (step: number, page: string, n: number) =>
    nodes[step]!.set(page, (nodes[step]!.get(page) ?? 0) + n);
  for (const l of report.links) {
    bump(l.step + 1, l.target, l.sessions);
    if (l.step === 0) bump(0, l.source, l.sessions);
  }
  const keep = nodes.map(
    (m) =>
      new Set(
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([p]) => p),
      ),
  );
  const name = (step: number, page: string) => (keep[step]!.has(page) ? page : 'other');
  const merged: Map<string, number>[] = nodes.map((m, step) => {
    const out = new Map<string, number>();
    for (const [page, n] of m) out.set(name(step, page), (out.get(name(step, page)) ?? 0) + n);
    return out;
  });
  const total = Math.max(1, ...merged.map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const scale = (height - top - 40) / total;
  const pos: Map<string, { y: number; h: number; out: number; in: number }>[] = merged.map((m) => {
    let y = top;
    const out = new Map<string, { y: number; h: number; out: number; in: number }>();
    for (const [page, n] of [...m].sort((a, b) => b[1] - a[1])) {
      const h = Math.max(2, n * scale);
      out.set(page, { y, h, out: y, in: y });
      y += h + 8;
    }
    return out;
  });
  const x = (step: number) => 20 + step * (colW + gap);
  const parts: string[] = [];
  for (const l of report.links) {
    const a = pos[l.step]!.get(name(l.step, l.source));
    const b = pos[l.step + 1]!.get(name(l.step + 1, l.target));
    if (!a || !b) continue;
    const h = Math.max(1, l.sessions * scale);
    const x0 = x(l.step) + 14;
    const x1 = x(l.step + 1);
    const mid = (x0 + x1) / 2;
    parts.push(
      `<path d="M${x0},${(a.out + h / 2).toFixed(1)} C${mid},${(a.out + h / 2).toFixed(1)} ${mid},${(b.in + h / 2).toFixed(1)} ${x1},${(b.in + h / 2).toFixed(1)}" stroke="#1f6f5c" stroke-opacity="0.25" stroke-width="${h.toFixed(1)}" fill="none"><title>${escapeXml(`${l.source} → ${l.target}: ${l.sessions}`)}</title></path>`,
    );
    a.out += h;
    b.in += h;
  }
  pos.forEach((m, step) => {
    for (const [page, p] of m) {
      parts.push(
        `<rect x="${x(step)}" y="${p.y.toFixed(1)}" width="14" height="${p.h.toFixed(1)}" fill="#1f6f5c"/>`,
        `<text x="${x(step) + 20}" y="${(p.y + Math.min(p.h, 24) / 2 + 4).toFixed(1)}" font-size="11">${escapeXml(page.length > 26 ? `${page.slice(0, 25)}…` : page)} (${merged[step]!.get(page)})</text>`,
      );
    }
  });
  const title = report.from
    ? `Paths from ${report.from}`
    : report.to
      ? `Paths to ${report.to}`
      : 'Paths from the entry page';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 30}" viewBox="0 0 ${width} ${height + 30}" font-family="system-ui, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="20" y="32" font-size="18" font-weight="600">${escapeXml(`${title} (${report.sessions} sessions)`)}</text>
${parts.join('\n')}
<text x="20" y="${height + 16}" font-size="11" fill="#575c61">${escapeXml(coverageLine(report.coverage))}</text>
</svg>
`;
}

/** The three queries of a paths report, in one store's SQL. */
interface PathsSql {
  /** One row `seq` (the pages of one session's path) per session that has one. */
  sequences: string;
  paths: (top: number) => string;
  links: string;
}

function duckdbSql(where: string, depth: number, options: PathsOptions): PathsSql {
  // Per session: the list of paths in order, consecutive repeats removed.
  const lists = `SELECT session_id, list(path ORDER BY ts, seq) AS pages FROM (
      SELECT session_id, path, ts, seq, lag(path) OVER (PARTITION BY session_id ORDER BY ts, seq) AS previous
      FROM events WHERE ${where}) WHERE previous IS NULL OR previous <> path GROUP BY session_id`;
  const from = options.from === undefined ? null : literal(options.from);
  const to = options.to === undefined ? null : literal(options.to);
  const cut = from
    ? `list_slice(pages, list_position(pages, ${from}), list_position(pages, ${from}) + ${depth - 1})`
    : to
      ? `list_slice(pages, greatest(1, list_position(pages, ${to}) - ${depth - 1}), list_position(pages, ${to}))`
      : `list_slice(pages, 1, ${depth})`;
  const filter = from
    ? `list_position(pages, ${from}) > 0`
    : to
      ? `list_position(pages, ${to}) > 0`
      : '1 = 1';
  const sequences = `SELECT ${cut} AS seq FROM (${lists}) WHERE ${filter}`;
  return {
    sequences,
    paths: (top) =>
      `SELECT seq, count(*) AS sessions FROM (${sequences}) GROUP BY seq ORDER BY sessions DESC, seq LIMIT ${top}`,
    links: `SELECT step, source, target, count(*) AS sessions FROM (
         SELECT i AS step, seq[i] AS source, seq[i + 1] AS target
         FROM (SELECT seq, range(1, len(seq)) AS steps FROM (${sequences})), unnest(steps) AS u(i))
       GROUP BY ALL ORDER BY step, sessions DESC, source, target`,
  };
}

/**
 * The same in ClickHouse 18.16's SQL (no window functions): each session's (ts, seq, path)
 * tuples sorted in an array, repeats dropped with `arrayFilter` over the positions.
 */
function clickhouseSql(where: string, depth: number, options: PathsOptions): PathsSql {
  const lists = `SELECT session_id,
      arrayMap(x -> tupleElement(x, 3), arraySort(groupArray((ts, seq, path)))) AS raw,
      arrayFilter((p, i) -> i = 1 OR p != raw[i - 1], raw, arrayEnumerate(raw)) AS pages
    FROM events WHERE ${where} GROUP BY session_id`;
  const from = options.from === undefined ? null : literal(options.from, 'clickhouse');
  const to = options.to === undefined ? null : literal(options.to, 'clickhouse');
  const start = to ? `greatest(1, indexOf(pages, ${to}) - ${depth - 1})` : '';
  const cut = from
    ? `arraySlice(pages, indexOf(pages, ${from}), ${depth})`
    : to
      ? `arraySlice(pages, ${start}, indexOf(pages, ${to}) - ${start} + 1)`
      : `arraySlice(pages, 1, ${depth})`;
  const filter = from ? `indexOf(pages, ${from}) > 0` : to ? `indexOf(pages, ${to}) > 0` : '1 = 1';
  const sequences = `SELECT ${cut} AS seq FROM (${lists}) WHERE ${filter}`;
  return {
    sequences,
    paths: (top) =>
      `SELECT seq, count() AS sessions FROM (${sequences}) GROUP BY seq ORDER BY sessions DESC, seq LIMIT ${top}`,
    links: `SELECT step, source, target, count() AS sessions FROM (
         SELECT i AS step, seq[i] AS source, seq[i + 1] AS target
         FROM (${sequences}) ARRAY JOIN arrayEnumerate(arrayPopBack(seq)) AS i)
       GROUP BY step, source, target ORDER BY step, sessions DESC, source, target`,
  };
}
