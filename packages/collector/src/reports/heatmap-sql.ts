// The heatmap report's queries. Counting and placing happen in the store: whatever the number of
// events, what comes back is bounded by the page's area (cells), its elements (top) and 21 bands.
import type { EventStore } from '../store.js';
import { eventSpan, literal, rangeWhere, type ReportRange } from './range.js';

/** Side of the square cells, in page px, that points are counted in before drawing. */
export const CELL_PX = 4;

/** Where a keyed element is on the page: `[key, left, top, width, height]`, page px. */
export type Box = [string, number, number, number, number];

/** Which events a heatmap reads. */
export interface HeatFilter {
  type: 'click' | 'move' | 'scroll';
  path: string;
  device: string;
  range: ReportRange;
}

const where = (f: HeatFilter, dialect: EventStore['kind'] = 'duckdb') =>
  rangeWhere(
    f.range,
    `type = ${literal(f.type)}`,
    `path = ${literal(f.path, dialect)}`,
    `device = ${literal(f.device, dialect)}`,
  );

const num = (value: number) => (Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '0');

/** The page's boxes as a relation `(key, l, t, w, h)`. */
function boxesRelation(boxes: readonly Box[]): string {
  if (!boxes.length) return `SELECT NULL::VARCHAR AS key, 0.0 AS l, 0.0 AS t, 0.0 AS w, 0.0 AS h WHERE false`;
  const rows = boxes.map(
    ([key, l, t, w, h]) => `(${literal(key)}, ${num(l)}, ${num(t)}, ${num(w)}, ${num(h)})`,
  );
  return `SELECT * FROM (VALUES ${rows.join(', ')}) AS v(key, l, t, w, h)`;
}

/** The points of `move` events, one row each: `elementKey`, `offsetX`, `offsetY`. */
const movePoints = (f: HeatFilter) =>
  `SELECT unnest(from_json(json_extract(data, '$.points'),
     '[{"elementKey":"VARCHAR","offsetX":"DOUBLE","offsetY":"DOUBLE"}]'), recursive := true)
   FROM events WHERE ${where(f)}`;

/** A coordinate clamped into its element: `edge + fraction × size`. */
const inside = (edge: string, fraction: string, size: string) =>
  `${edge} + least(greatest(coalesce(${fraction}, 0.5), 0), 1) * ${size}`;

/**
 * Points counted per {@link CELL_PX} cell: the centres `x[i]`, `y[i]` (page px) and counts
 * `n[i]` of the cells, and `total`, the points of the group (with those that have no position).
 */
export interface Cells {
  /** True: at their element; false: by page position (clicks) or nowhere (move samples). */
  placed: boolean;
  x: number[];
  y: number[];
  n: number[];
  total: number;
}

/**
 * Clicks or pointer samples counted per {@link CELL_PX} cell of the page, in two groups: placed
 * at their element's box plus offset × size when the key is among `boxes`, else (clicks only) at
 * the page coordinates recorded. Move samples carry no page coordinates: those of keys not on the
 * page are only counted. Cells come back as lists, one row per group: a million events make at
 * most one entry per cell of the page, and no row objects.
 */
export async function heatCells(store: EventStore, f: HeatFilter, boxes: readonly Box[]): Promise<Cells[]> {
  if (store.kind === 'clickhouse') return clickhouseCells(store, f, boxes);
  const cell = (placed: string, fallback: string) =>
    `CAST(floor(CASE WHEN b.key IS NULL THEN ${fallback} ELSE ${placed} END / ${CELL_PX}) AS INTEGER) * ${CELL_PX} + ${CELL_PX / 2}`;
  const counted =
    f.type === 'click'
      ? `WITH b AS (${boxesRelation(boxes)}),
           e AS (SELECT element_key, x, y, page_x, page_y FROM events WHERE ${where(f)})
         SELECT b.key IS NOT NULL AS placed,
           ${cell(inside('b.l', 'e.x', 'b.w'), 'e.page_x')} AS x,
           ${cell(inside('b.t', 'e.y', 'b.h'), 'e.page_y')} AS y,
           count(*) AS n
         FROM e LEFT JOIN b ON b.key = e.element_key
         GROUP BY ALL`
      : `WITH b AS (${boxesRelation(boxes)}), p AS (${movePoints(f)})
         SELECT b.key IS NOT NULL AS placed,
           ${cell(inside('b.l', 'p.offsetX', 'b.w'), 'NULL')} AS x,
           ${cell(inside('b.t', 'p.offsetY', 'b.h'), 'NULL')} AS y,
           count(*) AS n
         FROM p LEFT JOIN b ON b.key = p.elementKey
         GROUP BY ALL`;
  const has = 'FILTER (WHERE x IS NOT NULL AND y IS NOT NULL)';
  return store.query<Cells>(
    `SELECT placed, coalesce(list(x) ${has}, []) AS x, coalesce(list(y) ${has}, []) AS y,
       coalesce(list(CAST(n AS DOUBLE)) ${has}, []) AS n, sum(n) AS total
     FROM (${counted}) GROUP BY placed`,
  );
}

/**
 * The points of `move` events in ClickHouse 18.16, which has no JSON array functions: the three
 * fields of every point pulled out of `data` by regular expressions (each field name anchored
 * after `{` or `,`, so text inside an element key cannot match) and zipped by ARRAY JOIN. The
 * wire schema requires all three in every point, so the arrays line up.
 */
const clickhouseMovePoints = (f: HeatFilter) =>
  String.raw`SELECT replaceAll(replaceAll(k, '\\"', '"'), '\\\\', '\\') AS elementKey,
     toFloat64(xr) AS offsetX, toFloat64(yr) AS offsetY
   FROM (SELECT extractAll(data, '[{,]"elementKey":"((?:[^"\\\\]|\\\\.)*)"') AS ks,
       extractAll(data, '[{,]"offsetX":(-?[0-9.eE+-]+)') AS xs,
       extractAll(data, '[{,]"offsetY":(-?[0-9.eE+-]+)') AS ys
     FROM events WHERE ${where(f, 'clickhouse')})
   ARRAY JOIN ks AS k, xs AS xr, ys AS yr`;

/**
 * {@link heatCells} in ClickHouse 18.16's SQL: the boxes as an array of tuples joined on the key
 * (equal keys only, `hit` tells a match from the join's defaults), lists via `groupArrayIf`.
 */
async function clickhouseCells(store: EventStore, f: HeatFilter, boxes: readonly Box[]): Promise<Cells[]> {
  const tuples = boxes.map(
    ([key, l, t, w, h]) =>
      `(${literal(key, 'clickhouse')}, toFloat64(${num(l)}), toFloat64(${num(t)}), toFloat64(${num(w)}), toFloat64(${num(h)}))`,
  );
  const relation = boxes.length
    ? `SELECT tupleElement(b, 1) AS key, tupleElement(b, 2) AS l, tupleElement(b, 3) AS t,
         tupleElement(b, 4) AS w, tupleElement(b, 5) AS h, 1 AS hit FROM (SELECT arrayJoin([${tuples.join(', ')}]) AS b)`
    : `SELECT '' AS key, 0. AS l, 0. AS t, 0. AS w, 0. AS h, 1 AS hit FROM system.one WHERE 0`;
  const cell = (placed: string, fallback: string) =>
    `toInt32(floor(if(hit = 1, ${placed}, ${fallback}) / ${CELL_PX})) * ${CELL_PX} + ${CELL_PX / 2}`;
  const counted = `SELECT hit = 1 AS placed, ${cell(inside('l', 'ox', 'w'), 'page_x')} AS cx,
      ${cell(inside('t', 'oy', 'h'), 'page_y')} AS cy, count() AS cn
    FROM (${
      f.type === 'click'
        ? `SELECT ifNull(element_key, '') AS key, x AS ox, y AS oy, page_x, page_y FROM events WHERE ${where(f, 'clickhouse')}`
        : `SELECT elementKey AS key, offsetX AS ox, offsetY AS oy, CAST(NULL AS Nullable(Int32)) AS page_x,
             CAST(NULL AS Nullable(Int32)) AS page_y FROM (${clickhouseMovePoints(f)})`
    })
    ANY LEFT JOIN (${relation}) USING key
    GROUP BY placed, cx, cy`;
  const has = 'isNotNull(cx) AND isNotNull(cy)';
  const rows = await store.query<Cells>(
    `SELECT placed, groupArrayIf(assumeNotNull(cx), ${has}) AS x, groupArrayIf(assumeNotNull(cy), ${has}) AS y,
       groupArrayIf(toFloat64(cn), ${has}) AS n, sum(cn) AS total
     FROM (${counted}) GROUP BY placed`,
  );
  return rows.map((r) => ({ ...r, placed: Boolean(r.placed) }));
}

/** One of the most clicked (or hovered) element keys. */
export interface KeyCount {
  key: string;
  n: number;
  component: string | null;
  product: string | null;
}

/** The `limit` keys with the most clicks (move: samples), most first, with their usual component and product. */
export async function topKeys(store: EventStore, f: HeatFilter, limit: number): Promise<KeyCount[]> {
  if (store.kind === 'clickhouse') {
    if (f.type === 'move')
      return store.query<KeyCount>(
        `SELECT elementKey AS key, count() AS n, NULL AS component, NULL AS product
         FROM (${clickhouseMovePoints(f)}) GROUP BY elementKey ORDER BY n DESC, key LIMIT ${limit}`,
      );
    const usual = (column: string) => `topKIf(1)(assumeNotNull(${column}), isNotNull(${column}))[1]`;
    const rows = await store.query<KeyCount>(
      `SELECT element_key AS key, count() AS n, ${usual('component')} AS component, ${usual('product_id')} AS product
       FROM events WHERE ${where(f, store.kind)} GROUP BY element_key ORDER BY n DESC, key LIMIT ${limit}`,
    );
    // An empty array's first element is '' in ClickHouse: no usual component or product.
    return rows.map((r) => ({ ...r, component: r.component || null, product: r.product || null }));
  }
  const sql =
    f.type === 'click'
      ? `SELECT element_key AS key, count(*) AS n, mode(component) AS component, mode(product_id) AS product
         FROM events WHERE ${where(f)} GROUP BY element_key ORDER BY n DESC, key LIMIT ${limit}`
      : `SELECT elementKey AS key, count(*) AS n, NULL::VARCHAR AS component, NULL::VARCHAR AS product
         FROM (${movePoints(f)}) GROUP BY elementKey ORDER BY n DESC, key LIMIT ${limit}`;
  return store.query<KeyCount>(sql);
}

/** Clicks on one product (`product_id`). */
export interface ProductCount {
  product: string;
  n: number;
  sessions: number;
}

/** The `limit` products with the most clicks, most first. */
export function topProducts(store: EventStore, f: HeatFilter, limit: number): Promise<ProductCount[]> {
  return store.query<ProductCount>(
    `SELECT product_id AS product, count(*) AS n, ${store.kind === 'clickhouse' ? 'uniqExact(session_id)' : 'count(DISTINCT session_id)'} AS sessions
     FROM events WHERE ${where(f, store.kind)} AND product_id IS NOT NULL
     GROUP BY product_id ORDER BY n DESC, product LIMIT ${limit}`,
  );
}

/** Total pointer samples of `move` events. */
export async function movePointCount(store: EventStore, f: HeatFilter): Promise<number> {
  const points = store.kind === 'clickhouse' ? clickhouseMovePoints(f) : movePoints(f);
  const [row] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM (${points})`);
  return row?.n ?? 0;
}

/**
 * Scroll reach: for each session, its deepest `scroll` depth on the page; returns how many
 * sessions saw `k` of the twenty 5% bands (`k` = 0..20; a depth of 0.35 sees bands 0–6).
 */
export async function scrollReach(store: EventStore, f: HeatFilter): Promise<{ bands: number; n: number }[]> {
  return store.query(
    `SELECT least(20, greatest(0, CAST(ceil(round(depth * 20, 6)) AS INTEGER))) AS bands, count(*) AS n
     FROM (SELECT session_id, max(value) AS depth FROM events
           WHERE ${where(f, store.kind)} AND value IS NOT NULL GROUP BY session_id)
     GROUP BY bands`,
  );
}

/** First and last event time and the count of events a heatmap reads, for its coverage. */
export async function heatStats(
  store: EventStore,
  f: HeatFilter,
): Promise<{ first: number | null; last: number | null; events: number }> {
  return eventSpan(store, where(f, store.kind));
}
