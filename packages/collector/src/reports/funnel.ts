import type { EventStore } from '../store.js';
import { coverage, eventSpan, literal, rangeWhere, type Coverage, type ReportRange } from './range.js';

/** Settings of {@link funnelReport}. */
export interface FunnelOptions {
  /** Funnel event names in order, e.g. `view_item, add_to_cart, begin_checkout, purchase` (2–10). */
  steps: readonly string[];
  range?: ReportRange;
}

/** One step of a funnel for one group of sessions. */
export interface FunnelStep {
  step: string;
  /** Sessions that reached this step after every step before it, in order. */
  sessions: number;
  /** Share of the first step's sessions (0..1). */
  conversion: number;
  /** Share of the previous step's sessions (1 for the first step). */
  fromPrevious: number;
  /** Sessions of the previous step that did not reach this one. */
  dropOff: number;
}

/** A funnel for one group: all sessions, a device class, or a variant of an experiment. */
export interface FunnelGroup {
  /** `all`, `device`, or `experiment`. */
  by: 'all' | 'device' | 'experiment';
  /** The device class or `experiment=variant`; `all` for everyone. */
  group: string;
  steps: FunnelStep[];
}

export interface FunnelReport {
  coverage: Coverage;
  steps: string[];
  groups: FunnelGroup[];
}

const NAME = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Per-step counts, conversion and drop-off of an ordered funnel of `funnel` events, per session:
 * a session reaches step k when it has step k's event at or after the moment it reached step
 * k − 1 (the first time). Broken down by device class and by every experiment's variant, taken
 * from the session's first step event (the variant the shopper had when entering the funnel).
 *
 * One SQL query does the per-session work in the store (DuckDB scans only the columns involved),
 * so the report scales with the store, not with Node's memory.
 */
export async function funnelReport(store: EventStore, options: FunnelOptions): Promise<FunnelReport> {
  const steps = [...options.steps];
  if (steps.length < 2 || steps.length > 10)
    throw new Error(`a funnel needs 2 to 10 steps, got ${steps.length}`);
  for (const step of steps) if (!NAME.test(step)) throw new Error(`"${step}" is not an event name`);
  const range = options.range ?? {};
  const where = rangeWhere(range, `type = 'funnel'`, `name IN (${steps.map((s) => literal(s)).join(', ')})`);
  const sql = store.kind === 'clickhouse' ? clickhouseSql(steps, where) : duckdbSql(steps, where);
  const [rows, stats] = await Promise.all([
    store.query<Record<string, number | string | null>>(sql),
    eventSpan(store, `${where}`),
  ]);

  const totals = new Map<string, { by: FunnelGroup['by']; group: string; n: number[] }>();
  const add = (by: FunnelGroup['by'], group: string, n: number[]) => {
    const key = `${by}\n${group}`;
    const entry = totals.get(key) ?? { by, group, n: steps.map(() => 0) };
    n.forEach((value, i) => (entry.n[i]! += value));
    totals.set(key, entry);
  };
  for (const row of rows) {
    const n = steps.map((_, i) => Number(row[`n${i + 1}`] ?? 0));
    add('all', 'all', n);
    add('device', String(row['device']), n);
    const experiments = row['experiments']
      ? (JSON.parse(String(row['experiments'])) as Record<string, string>)
      : {};
    for (const [experiment, variant] of Object.entries(experiments))
      add('experiment', `${experiment}=${variant}`, n);
  }
  if (!totals.size)
    add(
      'all',
      'all',
      steps.map(() => 0),
    );
  const order = { all: 0, device: 1, experiment: 2 } as const;
  const groups = [...totals.values()]
    .sort((a, b) => order[a.by] - order[b.by] || a.group.localeCompare(b.group))
    .map(({ by, group, n }) => ({
      by,
      group,
      steps: steps.map((step, i) => ({
        step,
        sessions: n[i]!,
        conversion: n[0] ? n[i]! / n[0] : 0,
        fromPrevious: i === 0 ? 1 : n[i - 1] ? n[i]! / n[i - 1]! : 0,
        dropOff: i === 0 ? 0 : n[i - 1]! - n[i]!,
      })),
    }));
  return { coverage: coverage(range, stats), steps, groups };
}

/**
 * One pass over the step events: per session, the device and experiments of its first step-1
 * event, and the sorted times of each step. Then step K's time is the first of its times at or
 * after step K-1's (list lambdas on a few values per session, no join over the events).
 */
function duckdbSql(steps: readonly string[], where: string): string {
  const lists = steps.map(
    (step, i) => `list(ts ORDER BY ts) FILTER (WHERE name = ${literal(step)}) AS l${i + 1}`,
  );
  const times = steps.map((_, i) =>
    i === 0 ? `l1[1] AS t1` : `list_min(list_filter(l${i + 1}, x -> x >= t${i})) AS t${i + 1}`,
  );
  const counts = steps.map((_, i) => `count(t${i + 1}) AS n${i + 1}`);
  return `SELECT coalesce(device, 'unknown') AS device, experiments, ${counts.join(', ')} FROM (
      SELECT device, experiments, ${times.join(', ')} FROM (
        SELECT session_id, arg_min(device, ts) FILTER (WHERE name = ${literal(steps[0]!)}) AS device,
          arg_min(experiments, ts) FILTER (WHERE name = ${literal(steps[0]!)}) AS experiments, ${lists.join(', ')}
        FROM events WHERE ${where} GROUP BY session_id))
    WHERE t1 IS NOT NULL
    GROUP BY ALL`;
}

/**
 * The same in ClickHouse 18.16's SQL: `-If` combinators for FILTER, arrays and `arrayFilter` for
 * lists, and 0 for "not reached" (event times are positive; an empty array's min is 0).
 */
function clickhouseSql(steps: readonly string[], where: string): string {
  const first = `name = ${literal(steps[0]!)}`;
  const lists = steps.map((step, i) => `arraySort(groupArrayIf(ts, name = ${literal(step)})) AS l${i + 1}`);
  const times = steps.map((_, i) =>
    i === 0
      ? `if(empty(l1), 0, l1[1]) AS t1`
      : `if(t${i} = 0, 0, arrayReduce('min', arrayFilter(x -> x >= t${i}, l${i + 1}))) AS t${i + 1}`,
  );
  const counts = steps.map((_, i) => `countIf(t${i + 1} > 0) AS n${i + 1}`);
  return `SELECT dev AS device, exp AS experiments, ${counts.join(', ')} FROM (
      SELECT dev, exp, ${times.join(', ')} FROM (
        SELECT session_id, argMinIf(ifNull(device, 'unknown'), ts, ${first}) AS dev,
          argMinIf(ifNull(experiments, ''), ts, ${first}) AS exp, ${lists.join(', ')}
        FROM events WHERE ${where} GROUP BY session_id))
    WHERE t1 > 0
    GROUP BY dev, exp`;
}
