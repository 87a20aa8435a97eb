import type { EventStore } from '../store.js';
import { coverage, eventSpan, literal, rangeWhere, type Coverage, type ReportRange } from './range.js';

/** One variant of an experiment. */
export interface VariantResult {
  variant: string;
  /** Visitors who were exposed to it. */
  visitors: number;
  /** Of those, visitors with the conversion event after their first exposure. */
  converted: number;
  rate: number;
  /** Against the control: rate − control rate, with a 95% confidence interval (null for the control). */
  lift: { absolute: number; relative: number; low: number; high: number } | null;
}

export interface ExperimentResult {
  experiment: string;
  control: string;
  variants: VariantResult[];
  /** Sample-ratio mismatch: exposures far from an even split (chi-square p < 0.001). */
  srm: { chiSquare: number; p: number; mismatch: boolean };
}

export interface ExperimentsReport {
  coverage: Coverage;
  conversion: string;
  experiments: ExperimentResult[];
}

/** Upper tail of the chi-square distribution (regularized gamma Q(k/2, x/2)), by series / continued fraction. */
function chiSquareP(x: number, dof: number): number {
  if (x <= 0) return 1;
  const a = dof / 2;
  const z = x / 2;
  const lnGamma = (v: number): number => {
    // Lanczos approximation.
    const g = 7;
    const c = [
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
      12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
    if (v < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * v)) - lnGamma(1 - v);
    v -= 1;
    let s = c[0]!;
    for (let i = 1; i < g + 2; i++) s += c[i]! / (v + i);
    const t = v + g + 0.5;
    return 0.5 * Math.log(2 * Math.PI) + (v + 0.5) * Math.log(t) - t + Math.log(s);
  };
  if (z < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= z / (a + n);
      sum += term;
      if (term < sum * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(-z + a * Math.log(z) - lnGamma(a)));
  }
  let b = z + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(-z + a * Math.log(z) - lnGamma(a)) * h);
}

/**
 * Per experiment: visitors exposed to each variant (from `exposure` events), how many then
 * converted (a `funnel` event named `conversion`, default `purchase`, at or after their first
 * exposure to that experiment), the lift of each variant over the control (the variant named
 * `control`, else the first in alphabetical order) with a 95% Wald interval for the difference
 * of two proportions, and a sample-ratio-mismatch check (chi-square against an even split,
 * flagged when p < 0.001). A visitor exposed to two variants of one experiment counts in the
 * first only.
 */
export async function experimentsReport(
  store: EventStore,
  options: { conversion?: string; range?: ReportRange } = {},
): Promise<ExperimentsReport> {
  const range = options.range ?? {};
  const conversion = options.conversion ?? 'purchase';
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(conversion)) throw new Error(`"${conversion}" is not an event name`);
  const exposures = rangeWhere(range, `type = 'exposure'`);
  const conversions = rangeWhere(range, `type = 'funnel'`, `name = ${literal(conversion)}`);
  const [rows, stats] = await Promise.all([
    store.query<{ experiment: string; variant: string; visitors: number; converted: number }>(
      store.kind === 'clickhouse'
        ? // ClickHouse 18.16 joins on equal keys only: join on the visitor, compare times after.
          `SELECT experiment, v AS variant, count() AS visitors, countIf(c > 0 AND c >= t) AS converted FROM (
             SELECT name AS experiment, visitor_id, argMin(variant, ts) AS v, min(ts) AS t
             FROM events WHERE ${exposures} GROUP BY name, visitor_id)
           ANY LEFT JOIN (SELECT visitor_id, max(ts) AS c FROM events WHERE ${conversions} GROUP BY visitor_id)
           USING visitor_id
           GROUP BY experiment, v ORDER BY experiment, v`
        : `WITH x AS (
         SELECT name AS experiment, visitor_id, arg_min(variant, ts) AS variant, min(ts) AS t
         FROM events WHERE ${exposures} GROUP BY name, visitor_id),
       c AS (SELECT visitor_id, max(ts) AS t FROM events WHERE ${conversions} GROUP BY visitor_id)
       SELECT x.experiment, x.variant, count(*) AS visitors, count(c.t) AS converted
       FROM x LEFT JOIN c ON c.visitor_id = x.visitor_id AND c.t >= x.t
       GROUP BY ALL ORDER BY x.experiment, x.variant`,
    ),
    eventSpan(store, `(${exposures}) OR (${conversions})`),
  ]);
  const byExperiment = new Map<string, typeof rows>();
  for (const row of rows)
    byExperiment.set(row.experiment, [...(byExperiment.get(row.experiment) ?? []), row]);
  const experiments: ExperimentResult[] = [...byExperiment].map(([experiment, list]) => {
    const control =
      list.find((r) => r.variant === 'control') ??
      [...list].sort((a, b) => a.variant.localeCompare(b.variant))[0]!;
    const p0 = control.visitors ? control.converted / control.visitors : 0;
    const variants = list.map((r): VariantResult => {
      const rate = r.visitors ? r.converted / r.visitors : 0;
      if (r === control)
        return { variant: r.variant, visitors: r.visitors, converted: r.converted, rate, lift: null };
      const se = Math.sqrt(
        (rate * (1 - rate)) / Math.max(1, r.visitors) + (p0 * (1 - p0)) / Math.max(1, control.visitors),
      );
      const absolute = rate - p0;
      return {
        variant: r.variant,
        visitors: r.visitors,
        converted: r.converted,
        rate,
        lift: {
          absolute,
          relative: p0 ? absolute / p0 : 0,
          low: absolute - 1.96 * se,
          high: absolute + 1.96 * se,
        },
      };
    });
    const total = list.reduce((sum, r) => sum + r.visitors, 0);
    const expected = total / list.length;
    const chiSquare = expected
      ? list.reduce((sum, r) => sum + (r.visitors - expected) ** 2 / expected, 0)
      : 0;
    const p = list.length > 1 ? chiSquareP(chiSquare, list.length - 1) : 1;
    return { experiment, control: control.variant, variants, srm: { chiSquare, p, mismatch: p < 0.001 } };
  });
  return {
    coverage: coverage(range, stats),
    conversion,
    experiments,
  };
}
