import type { Product } from '@vitrine/core';
import type { BenchIndex, Library } from './libraries.js';
import { QUERY_KINDS, speedQueries, type BenchQuery, type QueryKind } from './queries.js';
import { heapUsed, now, pct } from './stats.js';

/** Node speed of one library on one catalog: build, heap, per-query latency, typo recall. */
export interface SpeedResult {
  library: Library;
  size: number;
  buildMs: number;
  heapBytes: number;
  /** Per-query times (ms), all kinds, in the order asked. */
  times: number[];
  byKind: Record<QueryKind, number[]>;
  /** One-typo words whose word is held by a top-5 product, out of those asked. */
  typo: { hits: number; asked: number };
  asked: number;
  planned: number;
  /** Why fewer queries were asked than planned, or why the library was skipped. */
  note?: string;
}

export interface SpeedLimits {
  /** Queries to ask at most (the first of the interleaved mix); the slow libraries get fewer at 100k. */
  maxQueries: number;
  /** Query time allowed, then the run stops and says how many it asked. */
  budgetMs: number;
  /** Untimed queries asked first. */
  warmUp: number;
}

const TOP = 5;

/**
 * Queries asked before timing (JIT, lazy parts): another seed's mix, without any query that is,
 * starts or extends one of the timed ones, so no cache (ours caches per prefix) holds a timed answer.
 */
function warmUp(products: readonly Product[], timed: readonly BenchQuery[], n: number): string[] {
  const related = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
  return speedQueries(products, 97)
    .map((q) => q.text)
    .filter((w) => !timed.some((q) => related(q.text, w)))
    .slice(0, n);
}

/**
 * The mix reordered so that any first part of it holds every kind in its share: kinds take turns,
 * and the keys of one typed word stay together and in order. A cap or a time budget then cuts
 * the same mix short instead of leaving whole kinds out.
 */
export function interleave(queries: readonly BenchQuery[]): BenchQuery[] {
  const units = new Map<string, BenchQuery[][]>();
  let previous: BenchQuery | undefined;
  for (const q of queries) {
    const list = units.get(q.kind) ?? units.set(q.kind, []).get(q.kind)!;
    const typedOn = q.kind === 'prefix' && previous?.kind === 'prefix' && q.text.startsWith(previous.text);
    if (typedOn) list[list.length - 1]!.push(q);
    else list.push([q]);
    previous = q;
  }
  // Each kind's turns are spread over the whole run, in proportion to its number of units.
  const slots = [...units.values()].flatMap((list) =>
    list.map((unit, i) => ({ unit, at: (i + 0.5) / list.length })),
  );
  return slots.sort((a, b) => a.at - b.at).flatMap((s) => s.unit);
}

/** Builds `library` over `products` and times `queries`, one at a time. */
export async function measureSpeed(
  library: Library,
  products: readonly Product[],
  queries: readonly BenchQuery[],
  limits: SpeedLimits,
): Promise<SpeedResult> {
  const byKind = Object.fromEntries(QUERY_KINDS.map((k) => [k, [] as number[]])) as Record<
    QueryKind,
    number[]
  >;
  const result: SpeedResult = {
    library,
    size: products.length,
    buildMs: NaN,
    heapBytes: NaN,
    times: [],
    byKind,
    typo: { hits: 0, asked: 0 },
    asked: 0,
    planned: queries.length,
  };
  const base = heapUsed();
  const t0 = now();
  let index: BenchIndex | undefined = await library.build(products);
  result.buildMs = now() - t0;
  result.heapBytes = heapUsed() - base;

  const asked = interleave(queries).slice(0, limits.maxQueries);
  if (asked.length < queries.length) result.note = `${asked.length} of ${queries.length} queries (cap)`;
  for (const q of warmUp(products, queries, limits.warmUp)) await index.search(q, TOP);

  const textOf = new Map(products.map((p) => [p.id, `${p.title} ${p.brand ?? ''}`.toLowerCase()]));
  const started = now();
  for (const q of asked) {
    if (now() - started > limits.budgetMs) {
      result.note = `${result.asked} of ${queries.length} queries (${Math.round(limits.budgetMs / 1000)} s budget)`;
      break;
    }
    const t = now();
    const ids = await index.search(q.text, TOP);
    const dt = now() - t;
    result.times.push(dt);
    byKind[q.kind].push(dt);
    result.asked++;
    if (q.kind === 'typo' && q.word) {
      result.typo.asked++;
      if (ids.some((id) => textOf.get(id)?.includes(q.word!))) result.typo.hits++;
    }
  }
  index = undefined;
  return result;
}

export const p50 = (r: SpeedResult) => pct(r.times, 50);
export const p95 = (r: SpeedResult) => pct(r.times, 95);
