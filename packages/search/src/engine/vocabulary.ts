/**
 * The catalog's vocabulary: every index term with its document frequency, sorted so the
 * completions of a prefix are one binary search away. Prefix expansion keeps only the most
 * frequent completions and caches short prefixes, because `w` at 100k products would otherwise
 * expand to thousands of terms (research: 211 ms on the first keystroke with MiniSearch).
 *
 * @module
 */

/** How many completions a prefix of this length expands to. */
export function prefixCap(length: number): number {
  return length <= 1 ? 6 : length === 2 ? 10 : length === 3 ? 16 : 24;
}

/** A term and its document frequency. */
export interface TermCount {
  term: string;
  df: number;
}

const CACHE_LIMIT = 4096;

export class Vocabulary {
  private readonly _df: Map<string, number>;
  private readonly _sorted: string[];
  /** `df` of `_sorted[i]`, so a prefix's range is scanned without map lookups. */
  private readonly _sortedDf: Int32Array;
  private readonly _cache = new Map<string, TermCount[]>();

  constructor(df: Map<string, number>) {
    this._df = df;
    this._sorted = [...df.keys()].sort();
    this._sortedDf = Int32Array.from(this._sorted, (term) => df.get(term)!);
  }

  /** Number of distinct terms. */
  get size(): number {
    return this._sorted.length;
  }

  /** Document frequency of a term, 0 when the catalog never uses it. */
  df(term: string): number {
    return this._df.get(term) ?? 0;
  }

  has(term: string): boolean {
    return this._df.has(term);
  }

  /** Every term with its frequency (for the typo corrector). */
  entries(): IterableIterator<[string, number]> {
    return this._df.entries();
  }

  /** First position in the sorted terms not below `key`. */
  private _lowerBound(key: string): number {
    const sorted = this._sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The most frequent terms starting with `prefix` (the prefix itself excluded), most frequent
   * first; at most {@link prefixCap} of them.
   */
  complete(prefix: string): TermCount[] {
    const cached = this._cache.get(prefix);
    if (cached) return cached;
    const cap = prefixCap(prefix.length);
    const sorted = this._sorted;
    const dfs = this._sortedDf;
    // Every term starting with `prefix` sorts below `prefix` + the highest code unit.
    const lo = this._lowerBound(prefix);
    const hi = prefix ? this._lowerBound(prefix + '\uffff') : sorted.length;
    // Keep the `cap` most frequent with a small insertion-sorted list: a one-letter range holds
    // thousands of terms at 100k products, most below the cap's lowest and skipped on one compare.
    const best: TermCount[] = [];
    let floor = 0;
    for (let i = lo; i < hi; i++) {
      const df = dfs[i]!;
      if (df <= floor) continue;
      const term = sorted[i]!;
      if (term === prefix) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.df < df) at--;
      best.splice(at, 0, { term, df });
      if (best.length > cap) best.pop();
      if (best.length === cap) floor = best[cap - 1]!.df;
    }
    if (this._cache.size >= CACHE_LIMIT) this._cache.clear();
    this._cache.set(prefix, best);
    return best;
  }
}
