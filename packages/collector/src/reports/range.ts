import type { EventStore } from '../store.js';

/** Which events a report reads: a site and a time window (ms since the epoch, `to` exclusive). */
export interface ReportRange {
  site?: string;
  from?: number;
  to?: number;
}

/**
 * A SQL string literal for `dialect`: single quotes doubled, and in ClickHouse, whose literals
 * take backslash escapes, backslashes doubled too (else `x\'` would end the literal early).
 */
export const literal = (value: string, dialect: 'duckdb' | 'clickhouse' = 'duckdb'): string =>
  `'${(dialect === 'clickhouse' ? value.replaceAll('\\', '\\\\') : value).replaceAll("'", "''")}'`;

/** Site keys, as the collector accepts them: the same literal in every dialect. */
const SITE = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The `WHERE` conditions of `range` (and of `extra`), joined with AND; `1 = 1` when none (both dialects). */
export function rangeWhere(range: ReportRange, ...extra: string[]): string {
  const parts = [...extra];
  if (range.site !== undefined) {
    if (!SITE.test(range.site))
      throw new Error(`"${range.site}" is not a site key (1-64 of A-Z a-z 0-9 _ - . :)`);
    parts.push(`site = '${range.site}'`);
  }
  if (range.from !== undefined) parts.push(`ts >= ${Math.trunc(range.from)}`);
  if (range.to !== undefined) parts.push(`ts < ${Math.trunc(range.to)}`);
  return parts.length ? parts.join(' AND ') : '1 = 1';
}

/** What a report covers, as every output states it: the site, the window asked for and the events found. */
export interface Coverage {
  site: string;
  /** The window asked for (ISO dates), or null when open. */
  from: string | null;
  to: string | null;
  /** First and last event time among the events the report read (ISO), or null when none. */
  firstEvent: string | null;
  lastEvent: string | null;
  /** Events the report read. */
  events: number;
}

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/** Coverage from `range` and the min/max/count of the events read. */
export function coverage(
  range: ReportRange,
  stats: { first: number | null; last: number | null; events: number },
): Coverage {
  return {
    site: range.site ?? 'all sites',
    from: iso(range.from),
    to: iso(range.to),
    firstEvent: iso(stats.first),
    lastEvent: iso(stats.last),
    events: stats.events,
  };
}

/** The first and last event time and the count of the events matching `where` (SQL conditions). */
export async function eventSpan(
  store: Pick<EventStore, 'query'>,
  where: string,
): Promise<{ first: number | null; last: number | null; events: number }> {
  const [row] = await store.query<{ first: number | null; last: number | null; events: number }>(
    `SELECT min(ts) AS first, max(ts) AS last, count(*) AS events FROM events WHERE ${where}`,
  );
  // ClickHouse answers min/max of no rows with 0, DuckDB with NULL.
  return row?.events ? row : { first: null, last: null, events: 0 };
}

/** One line saying what a report covers, for CSV comments, SVG captions and the terminal. */
export function coverageLine(c: Coverage): string {
  const window = c.from || c.to ? `${c.from ?? '…'} to ${c.to ?? '…'}` : 'all time';
  const seen = c.firstEvent ? `events from ${c.firstEvent} to ${c.lastEvent}` : 'no events';
  return `${c.site}, ${window}: ${c.events} events read, ${seen}`;
}
