import type { WireEvent } from '@vitrine/schema';

/**
 * One stored event: the envelope and the fields reports filter and group by as columns, the
 * whole `data` as JSON text. The same columns in DuckDB and ClickHouse, so a report's query
 * works on both.
 *
 * | type        | name          | variant  | element_key       | x / y             | value          |
 * |-------------|---------------|----------|-------------------|-------------------|----------------|
 * | click       |               |          | clicked element   | offset fractions  |                |
 * | scroll      |               |          |                   |                   | max depth 0..1 |
 * | visibility  |               |          | element           |                   | visible ms     |
 * | funnel      | GA4 name      |          |                   |                   | params.value   |
 * | vital       | LCP, INP…     | rating   | attributed element|                   | value          |
 * | exposure    | experiment id | variant  |                   |                   |                |
 * | replay      |               | encoding |                   |                   | chunk number   |
 * | error       | message       |          |                   |                   |                |
 * | custom      | event name    |          |                   |                   |                |
 *
 * No IP address is ever stored; `country` only when a trusted proxy sets it.
 */
export interface EventRow {
  id: string;
  site: string;
  type: string;
  /** When it happened (the browser's clock), ms since the epoch. */
  ts: number;
  session_id: string;
  visitor_id: string;
  seq: number;
  url: string;
  path: string;
  referrer: string | null;
  device: string | null;
  viewport_width: number | null;
  viewport_height: number | null;
  /** `{"experiment":"variant",…}` or null. */
  experiments: string | null;
  name: string | null;
  variant: string | null;
  element_key: string | null;
  component: string | null;
  product_id: string | null;
  x: number | null;
  y: number | null;
  page_x: number | null;
  page_y: number | null;
  value: number | null;
  /** The event's `data`, as JSON text. */
  data: string;
  country: string | null;
  /** When the collector stored it, ms since the epoch. */
  received_at: number;
}

/** Column names, in table order. */
export const COLUMNS = [
  'id',
  'site',
  'type',
  'ts',
  'session_id',
  'visitor_id',
  'seq',
  'url',
  'path',
  'referrer',
  'device',
  'viewport_width',
  'viewport_height',
  'experiments',
  'name',
  'variant',
  'element_key',
  'component',
  'product_id',
  'x',
  'y',
  'page_x',
  'page_y',
  'value',
  'data',
  'country',
  'received_at',
] as const satisfies readonly (keyof EventRow)[];

/** Where an event came from, as the collector knows it. */
export interface Origin {
  site: string;
  /** ISO 3166-1 alpha-2, from a trusted proxy header; never derived from or stored with an IP. */
  country?: string | null;
  receivedAt: number;
}

/** The attributed element of a web vital, when web-vitals' attribution build named one. */
function vitalTarget(attribution: Record<string, unknown> | undefined): string | null {
  if (!attribution) return null;
  for (const key of ['target', 'element', 'largestShiftTarget', 'interactionTarget']) {
    const value = attribution[key];
    if (typeof value === 'string' && value) return value.slice(0, 512);
  }
  return null;
}

/** `event` as a row (see {@link EventRow} for which fields become columns). */
export function toRow(event: WireEvent, origin: Origin): EventRow {
  const row: EventRow = {
    id: event.id,
    site: origin.site,
    type: event.type,
    ts: event.ts,
    session_id: event.sessionId,
    visitor_id: event.visitorId,
    seq: event.seq,
    url: event.page.url,
    path: event.page.path,
    referrer: event.page.referrer ?? null,
    device: event.device?.class ?? null,
    viewport_width: event.device?.viewportWidth ?? null,
    viewport_height: event.device?.viewportHeight ?? null,
    experiments:
      event.experiments && Object.keys(event.experiments).length ? JSON.stringify(event.experiments) : null,
    name: null,
    variant: null,
    element_key: null,
    component: null,
    product_id: null,
    x: null,
    y: null,
    page_x: null,
    page_y: null,
    value: null,
    data: JSON.stringify(event.data),
    country: origin.country ?? null,
    received_at: origin.receivedAt,
  };
  switch (event.type) {
    case 'click': {
      const d = event.data;
      Object.assign(row, {
        element_key: d.elementKey,
        component: d.component ?? null,
        product_id: d.productId ?? null,
        x: d.offsetX,
        y: d.offsetY,
        page_x: d.pageX,
        page_y: d.pageY,
      });
      break;
    }
    case 'scroll':
      row.value = event.data.maxDepth;
      row.page_y = event.data.pageHeight;
      break;
    case 'visibility':
      Object.assign(row, {
        element_key: event.data.elementKey,
        component: event.data.component ?? null,
        value: event.data.visibleMs,
      });
      break;
    case 'funnel': {
      const value = (event.data.params as { value?: unknown }).value;
      row.name = event.data.name;
      row.value = typeof value === 'number' ? value : null;
      break;
    }
    case 'vital':
      Object.assign(row, {
        name: event.data.name,
        variant: event.data.rating,
        value: event.data.value,
        element_key: vitalTarget(event.data.attribution),
      });
      break;
    case 'exposure':
      row.name = event.data.experimentId;
      row.variant = event.data.variantId;
      break;
    case 'replay':
      row.variant = event.data.encoding;
      row.value = event.data.chunk;
      break;
    case 'error':
      row.name = event.data.message.slice(0, 500);
      row.component = event.data.tag ?? null;
      break;
    case 'custom':
      row.name = event.data.name;
      break;
    default:
      break;
  }
  return row;
}

/** What a write did: events stored now, and events already stored (same id) that were skipped. */
export interface InsertResult {
  inserted: number;
  duplicates: number;
}

/** One chunk of a session recording, as stored. */
export interface ReplayChunk {
  chunk: number;
  encoding: string;
  payload: string;
  ts: number;
}

/**
 * Where the collector keeps events. `insert` resolves only once the events are durable (a crash
 * right after loses none of them), and stores an id once whatever the number of sends.
 */
export interface EventStore {
  readonly kind: 'duckdb' | 'clickhouse';
  insert(events: readonly WireEvent[], origin: Origin): Promise<InsertResult>;
  /** Rows of a read-only SQL query (the report queries), as plain objects. */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** The recording of `sessionId` (of `site`), chunks in order, each once. */
  replay(site: string, sessionId: string): Promise<ReplayChunk[]>;
  /** Deletes events that happened before `before` (ms since the epoch); resolves with how many. */
  deleteBefore(before: number): Promise<number>;
  /** Deletes every event of `visitorId`; resolves with how many. */
  deleteVisitor(visitorId: string): Promise<number>;
  /**
   * Writes the events of `where` (SQL conditions, default all) to `file` as Parquet or
   * newline-delimited JSON (one row per line, the `EventRow` columns); resolves with how many.
   */
  exportTo(file: string, format: 'parquet' | 'ndjson', where?: string): Promise<number>;
  close(): Promise<void>;
}

/** A write waiting for the next group commit of a store. */
export interface PendingWrite {
  events: readonly WireEvent[];
  origin: Origin;
  done: (result: InsertResult) => void;
  fail: (error: unknown) => void;
}

/** The rows of one group commit: the first copy of each id, and what each request gets told. */
export interface GroupRows {
  /** Event id → its row and the index of the request it came from. */
  fresh: Map<string, { row: EventRow; owner: number }>;
  /** Per request, in order. */
  results: InsertResult[];
  /** Time range of the fresh events (an id's resend carries its original `ts`). */
  min: number;
  max: number;
}

/** `group` as rows, an id sent twice within it counted once (the first copy wins). */
export function groupRows(group: readonly PendingWrite[]): GroupRows {
  const out: GroupRows = {
    fresh: new Map(),
    results: group.map(() => ({ inserted: 0, duplicates: 0 })),
    min: Infinity,
    max: -Infinity,
  };
  group.forEach((pending, owner) => {
    for (const event of pending.events) {
      if (out.fresh.has(event.id)) {
        out.results[owner]!.duplicates++;
        continue;
      }
      out.fresh.set(event.id, { row: toRow(event, pending.origin), owner });
      out.min = Math.min(out.min, event.ts);
      out.max = Math.max(out.max, event.ts);
    }
  });
  return out;
}

/** Takes the ids a store already holds out of `rows.fresh`, counting them as duplicates. */
export function dropStored(rows: GroupRows, stored: Iterable<string>): void {
  for (const id of stored) {
    const entry = rows.fresh.get(id);
    if (!entry) continue;
    rows.results[entry.owner]!.duplicates++;
    rows.fresh.delete(id);
  }
}

/**
 * The queries (both dialects) that find which of `rows.fresh` a store already holds, 1,000 ids
 * each, bounded by the group's time range so the store skips every other row group.
 */
export function storedIdQueries(rows: GroupRows): string[] {
  const ids = [...rows.fresh.keys()];
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += 1000)
    out.push(
      `SELECT id FROM events WHERE ts >= ${rows.min} AND ts <= ${rows.max} AND id IN (${ids
        .slice(i, i + 1000)
        .map(idLiteral)
        .join(',')})`,
    );
  return out;
}

/** A quoted id for SQL; only for values the wire schema limits to `A-Z a-z 0-9 _ - . :`. */
export function idLiteral(value: string): string {
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(value)) throw new Error(`not an id: ${JSON.stringify(value)}`);
  return `'${value}'`;
}
