import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { WireEvent } from '@vitrine/schema';
import {
  COLUMNS,
  dropStored,
  groupRows,
  storedIdQueries,
  type EventRow,
  type EventStore,
  type InsertResult,
  type Origin,
  type PendingWrite,
  type ReplayChunk,
} from './store.js';

/** The events table; the same columns as ClickHouse's (see `EventRow`). */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  id VARCHAR NOT NULL,
  site VARCHAR NOT NULL,
  type VARCHAR NOT NULL,
  ts BIGINT NOT NULL,
  session_id VARCHAR NOT NULL,
  visitor_id VARCHAR NOT NULL,
  seq BIGINT NOT NULL,
  url VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  referrer VARCHAR,
  device VARCHAR,
  viewport_width INTEGER,
  viewport_height INTEGER,
  experiments VARCHAR,
  name VARCHAR,
  variant VARCHAR,
  element_key VARCHAR,
  component VARCHAR,
  product_id VARCHAR,
  x DOUBLE,
  y DOUBLE,
  page_x INTEGER,
  page_y INTEGER,
  value DOUBLE,
  data VARCHAR NOT NULL,
  country VARCHAR,
  received_at BIGINT NOT NULL
);`;

type Kind = 'text' | 'bigint' | 'int' | 'double';
/** How each column is appended. */
const KINDS: Record<(typeof COLUMNS)[number], Kind> = {
  id: 'text',
  site: 'text',
  type: 'text',
  ts: 'bigint',
  session_id: 'text',
  visitor_id: 'text',
  seq: 'bigint',
  url: 'text',
  path: 'text',
  referrer: 'text',
  device: 'text',
  viewport_width: 'int',
  viewport_height: 'int',
  experiments: 'text',
  name: 'text',
  variant: 'text',
  element_key: 'text',
  component: 'text',
  product_id: 'text',
  x: 'double',
  y: 'double',
  page_x: 'int',
  page_y: 'int',
  value: 'double',
  data: 'text',
  country: 'text',
  received_at: 'bigint',
};

function append(appender: DuckDBAppender, row: EventRow): void {
  for (const column of COLUMNS) {
    const value = row[column];
    if (value === null || value === undefined) appender.appendNull();
    else if (KINDS[column] === 'text') appender.appendVarchar(String(value));
    else if (KINDS[column] === 'bigint') appender.appendBigInt(BigInt(Math.trunc(Number(value))));
    else if (KINDS[column] === 'int') appender.appendInteger(Math.trunc(Number(value)));
    else appender.appendDouble(Number(value));
  }
  appender.endRow();
}

/**
 * Opens (creating when missing) the DuckDB database file `file` (`:memory:` for a throwaway one)
 * and its `events` table; with `readOnly`, an existing file for reports, without writing to it.
 *
 * Writes are **group-committed**: requests arriving while a write runs wait, then go together in
 * one transaction. Each `insert` resolves only after that transaction committed, so an
 * acknowledgement always means the events are in the file (DuckDB's write-ahead log is synced on
 * commit). Duplicates — an id stored before, or twice in the same group — are skipped: a resend
 * carries the event's original `ts`, so looking for its id only among rows of the same time range
 * finds it (DuckDB skips row groups by their min/max `ts`) without an index over every id.
 */
export async function openDuckDBStore(
  file: string,
  options: { readOnly?: boolean } = {},
): Promise<EventStore> {
  if (options.readOnly) {
    const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    return new DuckDBStore(instance, await instance.connect());
  }
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  await conn.run(SCHEMA);
  return new DuckDBStore(instance, conn);
}

class DuckDBStore implements EventStore {
  readonly kind = 'duckdb' as const;
  private readonly _instance: DuckDBInstance;
  private readonly _conn: DuckDBConnection;
  private _queue: PendingWrite[] = [];
  private _running: Promise<void> | null = null;
  /** Reads and deletions wait for the write in progress (one connection, one statement at a time). */
  private _chain: Promise<unknown> = Promise.resolve();
  private _closed = false;

  constructor(instance: DuckDBInstance, conn: DuckDBConnection) {
    this._instance = instance;
    this._conn = conn;
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
      while (this._queue.length) {
        const group = this._queue.splice(0);
        await this._exclusive(() => this._write(group));
      }
    } finally {
      this._running = null;
    }
  }

  /** Runs `work` after everything queued on the connection before it. */
  private _exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this._chain.then(work, work);
    this._chain = run.catch(() => undefined);
    return run;
  }

  private async _write(group: PendingWrite[]): Promise<void> {
    try {
      const rows = groupRows(group);
      await this._conn.run('BEGIN TRANSACTION');
      try {
        for (const sql of storedIdQueries(rows))
          dropStored(
            rows,
            (await this._conn.runAndReadAll(sql)).getRowsJS().map(([id]) => String(id)),
          );
        if (rows.fresh.size) {
          const appender = await this._conn.createAppender('events');
          for (const { row, owner } of rows.fresh.values()) {
            append(appender, row);
            rows.results[owner]!.inserted++;
          }
          appender.closeSync();
        }
        await this._conn.run('COMMIT');
      } catch (error) {
        await this._conn.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
      group.forEach((pending, i) => pending.done(rows.results[i]!));
    } catch (error) {
      for (const pending of group) pending.fail(error);
    }
  }

  query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    return this._exclusive(async () => {
      const rows = (await this._conn.runAndReadAll(sql)).getRowObjectsJS();
      // BIGINT and HUGEINT arrive as bigint: plain numbers for callers (counts and ms fit).
      for (const row of rows)
        for (const [key, value] of Object.entries(row))
          if (typeof value === 'bigint') row[key] = Number(value);
      return rows as T[];
    });
  }

  replay(site: string, sessionId: string): Promise<ReplayChunk[]> {
    return this._exclusive(async () => {
      const reader = await this._conn.runAndReadAll(
        `SELECT CAST(value AS INTEGER) AS chunk, variant AS encoding, data, ts FROM events
         WHERE type = 'replay' AND site = $1 AND session_id = $2 ORDER BY value, ts`,
        [site, sessionId],
      );
      const chunks: ReplayChunk[] = [];
      let last = -1;
      for (const row of reader.getRowObjectsJS()) {
        const chunk = Number(row['chunk']);
        if (chunk === last) continue;
        last = chunk;
        const data = JSON.parse(String(row['data'])) as { payload: string };
        chunks.push({
          chunk,
          encoding: String(row['encoding']),
          payload: data.payload,
          ts: Number(row['ts']),
        });
      }
      return chunks;
    });
  }

  deleteBefore(before: number): Promise<number> {
    return this._delete(`DELETE FROM events WHERE ts < $1`, [before]);
  }

  deleteVisitor(visitorId: string): Promise<number> {
    return this._delete(`DELETE FROM events WHERE visitor_id = $1`, [visitorId]);
  }

  exportTo(file: string, format: 'parquet' | 'ndjson', where = 'true'): Promise<number> {
    return this._exclusive(async () => {
      const target = `'${file.replaceAll("'", "''")}'`;
      const options = format === 'parquet' ? '(FORMAT PARQUET, COMPRESSION ZSTD)' : '(FORMAT JSON)';
      const result = await this._conn.run(
        `COPY (SELECT * FROM events WHERE ${where} ORDER BY ts, id) TO ${target} ${options}`,
      );
      return Number(result.rowsChanged);
    });
  }

  private _delete(sql: string, values: (string | number)[]): Promise<number> {
    return this._exclusive(async () => {
      const result = await this._conn.run(sql, values);
      return Number(result.rowsChanged);
    });
  }

  async close(): Promise<void> {
    if (this._closed) return;
    this._closed = true;
    await this._running;
    await this._chain;
    this._conn.closeSync();
    this._instance.closeSync();
  }
}
