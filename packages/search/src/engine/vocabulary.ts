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
  private readonly _cache = new Map<string, TermCount[]>();

  constructor(df: Map<string, number>) {
    this._df = df;
    this._sorted = [...df.keys()].sort();
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

  /**
   * The most frequent terms starting with `prefix` (the prefix itself excluded), most frequent
   * first; at most {@link prefixCap} of them.
   */
  complete(prefix: string): TermCount[] {
    const cached = this._cache.get(prefix);
    if (cached) return cached;
    const cap = prefixCap(prefix.length);
    const sorted = this._sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    // Keep the `cap` most frequent with a small insertion-sorted list: ranges can be long.
    const best: TermCount[] = [];
    for (let i = lo; i < sorted.length; i++) {
      const term = sorted[i]!;
      if (!term.startsWith(prefix)) break;
      if (term === prefix) continue;
      const df = this._df.get(term)!;
      if (best.length === cap && df <= best[cap - 1]!.df) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.df < df) at--;
      best.splice(at, 0, { term, df });
      if (best.length > cap) best.pop();
    }
    if (this._cache.size >= CACHE_LIMIT) this._cache.clear();
    this._cache.set(prefix, best);
    return best;
  }
}
