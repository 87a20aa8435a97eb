import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import type { WireEvent } from '@vitrine/schema';
import {
  dropStored,
  groupRows,
  storedIdQueries,
  type EventStore,
  type InsertResult,
  type Origin,
  type PendingWrite,
  type ReplayChunk,
} from './store.js';

/**
 * The events table in ClickHouse: the same columns as DuckDB's (see `EventRow`). Sorted by
 * site and time, so a report's site/time window reads only the parts it needs, and by id last,
 * so a resend (same id, same `ts`) lands next to its first copy: the ReplacingMergeTree folds any
 * copy that slips past the collector's own check (two collectors racing) when parts merge.
 * Written for ClickHouse 18.16 (Debian's package) and later.
 */
const schema = (table: string) => `
CREATE TABLE IF NOT EXISTS ${table} (
  id String,
  site String,
  type String,
  ts Int64,
  session_id String,
  visitor_id String,
  seq Int64,
  url String,
  path String,
  referrer Nullable(String),
  device Nullable(String),
  viewport_width Nullable(Int32),
  viewport_height Nullable(Int32),
  experiments Nullable(String),
  name Nullable(String),
  variant Nullable(String),
  element_key Nullable(String),
  component Nullable(String),
  product_id Nullable(String),
  x Nullable(Float64),
  y Nullable(Float64),
  page_x Nullable(Int32),
  page_y Nullable(Int32),
  value Nullable(Float64),
  data String,
  country Nullable(String),
  received_at Int64
) ENGINE = ReplacingMergeTree(received_at)
PARTITION BY toYYYYMM(toDate(toDateTime(intDiv(ts, 1000))))
ORDER BY (site, ts, id)`;

/** Where the ClickHouse store connects. */
export interface ClickHouseOptions {
  /** HTTP interface, e.g. `http://127.0.0.1:8123`. */
  url: string;
  username?: string;
  password?: string;
  /** Database, created when missing; default `default`. */
  database?: string;
}

/** A string literal in ClickHouse's syntax (backslash escapes). */
const text = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * Opens the `events` table of a ClickHouse server through its HTTP interface (creating database
 * and table when missing): the store for shops that outgrow one machine. The report functions
 * run on it as on DuckDB (each report has ClickHouse SQL beside its DuckDB SQL; `kind` picks).
 *
 * Writes are group-committed like DuckDB's: requests arriving during a write go together in the
 * next INSERT, and `insert` resolves once ClickHouse has answered that INSERT, i.e. written the
 * part to disk. Ids already stored in the batch's time range are skipped first, so one collector
 * stores an id once; the table engine folds what two collectors racing could still duplicate.
 *
 * Not available on ClickHouse 18.16: Parquet export (use ndjson) and `move` heatmaps (they read
 * JSON arrays, which that version's SQL cannot unnest).
 */
export async function openClickHouseStore(options: ClickHouseOptions): Promise<EventStore> {
  const database = options.database ?? 'default';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(database)) throw new Error(`not a database name: ${database}`);
  const admin = createClient({ url: options.url, username: options.username, password: options.password });
  try {
    await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  } finally {
    await admin.close();
  }
  const client = createClient({
    url: options.url,
    username: options.username,
    password: options.password,
    database,
    // Counts and ms come back as JSON numbers, not strings.
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  await client.command({ query: schema('events') });
  return new ClickHouseStore(client);
}

class ClickHouseStore implements EventStore {
  readonly kind = 'clickhouse' as const;
  private readonly _client: ClickHouseClient;
  private _queue: PendingWrite[] = [];
  private _running: Promise<void> | null = null;
  private _closed = false;

  constructor(client: ClickHouseClient) {
    this._client = client;
  }

  insert(events: readonly WireEvent[], origin: Origin): Promise<InsertResult> {
    if (this._closed) return Promise.reject(new Error('the store is closed'));
    if (!events.length) return Promise.resolve({ inserted: 0, duplicates: 0 });
    return new Promise((done, fail) => {
      this._queue.push({ events, origin, done, fail });
      this._running ??= this._drain();
    });
  }

  private async _drain(): Promise<void> {
    try {
      while (this._queue.length) await this._write(this._queue.splice(0));
    } finally {
      this._running = null;
    }
  }

  private async _write(group: PendingWrite[]): Promise<void> {
    try {
      const rows = groupRows(group);
      for (const sql of storedIdQueries(rows))
        dropStored(
          rows,
          (await this.query<{ id: string }>(sql)).map((r) => r.id),
        );
      if (rows.fresh.size) {
        const fresh = [...rows.fresh.values()];
        await this._client.insert({
          table: 'events',
          values: fresh.map((r) => r.row),
          format: 'JSONEachRow',
        });
        for (const { owner } of fresh) rows.results[owner]!.inserted++;
      }
      group.forEach((pending, i) => pending.done(rows.results[i]!));
    } catch (error) {
      for (const pending of group) pending.fail(error);
    }
  }

  async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const result = await this._client.query({ query: sql, format: 'JSONEachRow' });
    return result.json<T>();
  }

  async replay(site: string, sessionId: string): Promise<ReplayChunk[]> {
    const rows = await this.query<{ chunk: number; encoding: string; data: string; ts: number }>(
      `SELECT toInt32(value) AS chunk, variant AS encoding, data, ts FROM events
       WHERE type = 'replay' AND site = ${text(site)} AND session_id = ${text(sessionId)} ORDER BY value, ts`,
    );
    const chunks: ReplayChunk[] = [];
    let last = -1;
    for (const row of rows) {
      if (row.chunk === last) continue;
      last = row.chunk;
      const data = JSON.parse(row.data) as { payload: string };
      chunks.push({ chunk: row.chunk, encoding: row.encoding, payload: data.payload, ts: row.ts });
    }
    return chunks;
  }

  deleteBefore(before: number): Promise<number> {
    return this._delete(`ts < ${Math.trunc(before)}`);
  }

  deleteVisitor(visitorId: string): Promise<number> {
    return this._delete(`visitor_id = ${text(visitorId)}`);
  }

  /**
   * ClickHouse deletes by mutation, which runs in the background: wait until it is done so the
   * caller (retention, a visitor's erasure request) can say the data is gone.
   */
  private async _delete(where: string): Promise<number> {
    await this._running;
    const [row] = await this.query<{ n: number }>(`SELECT count() AS n FROM events WHERE ${where}`);
    const n = row?.n ?? 0;
    if (!n) return 0;
    await this._client.command({ query: `ALTER TABLE events DELETE WHERE ${where}` });
    for (let i = 0; i < 600; i++) {
      const [left] = await this.query<{ n: number }>(
        `SELECT count() AS n FROM system.mutations WHERE table = 'events' AND database = currentDatabase() AND is_done = 0`,
      );
      if (!left?.n) return n;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('ClickHouse did not finish the deletion within 60 s; it goes on in the background');
  }

  async exportTo(file: string, format: 'parquet' | 'ndjson', where = '1 = 1'): Promise<number> {
    if (format === 'parquet')
      throw new Error('Parquet export needs DuckDB or ClickHouse 19.x or later; use --format ndjson');
    const result = await this._client.query({
      query: `SELECT * FROM events WHERE ${where} ORDER BY ts, id`,
      format: 'JSONEachRow',
    });
    const out = createWriteStream(file);
    let n = 0;
    for await (const rows of result.stream()) {
      for (const row of rows) {
        n++;
        if (!out.write(`${row.text}\n`)) await once(out, 'drain');
      }
    }
    out.end();
    await once(out, 'close');
    return n;
  }

  async close(): Promise<void> {
    if (this._closed) return;
    this._closed = true;
    await this._running;
    await this._client.close();
  }
}
