import type { EventStore } from '../store.js';
import { coverage, eventSpan, rangeWhere, type Coverage, type ReportRange } from './range.js';

/** web-vitals' thresholds (good ≤ first, poor > second): https://web.dev/articles/vitals */
export const VITAL_THRESHOLDS = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
} as const;

export type VitalName = keyof typeof VITAL_THRESHOLDS;

/** One metric on one page and device. */
export interface VitalRow {
  path: string;
  device: string;
  metric: VitalName;
  /** Measurements (each page view reports each metric once). */
  samples: number;
  /** 75th percentile (continuous), ms or unitless for CLS. */
  p75: number;
  good: number;
  needsImprovement: number;
  poor: number;
  /** Rating of the p75 by the thresholds. */
  rating: 'good' | 'needs-improvement' | 'poor';
  /** Elements behind poor values (web-vitals attribution), most frequent first (at most 3). */
  poorElements: { element: string; count: number }[];
}

export interface VitalsReport {
  coverage: Coverage;
  rows: VitalRow[];
}

const rate = (metric: VitalName, value: number): VitalRow['rating'] => {
  const [good, poor] = VITAL_THRESHOLDS[metric];
  return value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor';
};

/**
 * p75 of LCP, INP, CLS, FCP and TTFB per page path and device class, with the shares rated good,
 * needs-improvement and poor by web-vitals' thresholds (applied here to each value, not taken from
 * the browser's rating), and the elements most often behind poor values.
 */
export async function vitalsReport(
  store: EventStore,
  options: { range?: ReportRange } = {},
): Promise<VitalsReport> {
  const range = options.range ?? {};
  const where = rangeWhere(range, `type = 'vital'`);
  const rating = Object.entries(VITAL_THRESHOLDS)
    .map(
      ([m, [good, poor]]) =>
        `WHEN name = '${m}' THEN (CASE WHEN value <= ${good} THEN 0 WHEN value <= ${poor} THEN 1 ELSE 2 END)`,
    )
    .join(' ');
  const clickhouse = store.kind === 'clickhouse';
  const [rows, elements, stats] = await Promise.all([
    store.query<{
      path: string;
      device: string;
      metric: VitalName;
      samples: number;
      p75: number;
      good: number;
      ni: number;
      poor: number;
    }>(
      clickhouse
        ? // ClickHouse 18.16 has no interpolating quantile: interpolate in the sorted values as
          // DuckDB's quantile_cont does, so both stores give the same p75.
          `SELECT path, device, metric, samples, vs[lo + 1] + (pos - lo) * (vs[least(lo + 2, samples)] - vs[lo + 1]) AS p75,
             good, ni, poor
           FROM (SELECT path, dev AS device, metric, count() AS samples, arraySort(groupArray(v)) AS vs,
               (count() - 1) * 0.75 AS pos, toUInt64(floor((count() - 1) * 0.75)) AS lo,
               countIf(r = 0) AS good, countIf(r = 1) AS ni, countIf(r = 2) AS poor
             FROM (SELECT path, ifNull(device, 'unknown') AS dev, name AS metric, assumeNotNull(value) AS v,
                 CASE ${rating} END AS r FROM events WHERE ${where})
             GROUP BY path, dev, metric)
           ORDER BY path, device, metric`
        : `SELECT path, coalesce(device, 'unknown') AS device, name AS metric, count(*) AS samples,
         quantile_cont(value, 0.75) AS p75,
         count(*) FILTER (WHERE r = 0) AS good, count(*) FILTER (WHERE r = 1) AS ni, count(*) FILTER (WHERE r = 2) AS poor
       FROM (SELECT path, device, name, value, CASE ${rating} END AS r FROM events WHERE ${where})
       GROUP BY ALL ORDER BY path, device, metric`,
    ),
    store.query<{ path: string; dev: string; metric: string; element: string; count: number }>(
      `SELECT path, coalesce(device, 'unknown') AS dev, name AS metric, element_key AS element, count(*) AS count
       FROM events WHERE ${where} AND element_key IS NOT NULL AND CASE ${rating} END = 2
       GROUP BY path, dev, metric, element ORDER BY count DESC, element`,
    ),
    eventSpan(store, `${where}`),
  ]);
  return {
    coverage: coverage(range, stats),
    rows: rows.map((r) => ({
      path: r.path,
      device: r.device,
      metric: r.metric,
      samples: r.samples,
      p75: r.p75,
      good: r.samples ? r.good / r.samples : 0,
      needsImprovement: r.samples ? r.ni / r.samples : 0,
      poor: r.samples ? r.poor / r.samples : 0,
      rating: rate(r.metric, r.p75),
      poorElements: elements
        .filter((e) => e.path === r.path && e.dev === r.device && e.metric === r.metric)
        .slice(0, 3)
        .map(({ element, count }) => ({ element, count })),
    })),
  };
}
