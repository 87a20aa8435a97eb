/**
 * A SymSpell-style corrector over the catalog's vocabulary: every letters-only term and its
 * one-character deletions point back to the term, so the candidates of a typed word are found by
 * looking up the word's own deletions instead of comparing it with every term. Deletions of the
 * dictionary side stop at one (memory); the typed side goes to two for long words, which still
 * finds every one-edit typo and most two-edit ones, and every candidate is checked with a real
 * edit distance.
 *
 * @module
 */

import type { TermCount } from './vocabulary.js';

const LETTERS = /^\p{L}+$/u;

/**
 * Edits tolerated for a typed word: none up to 2 characters, 1 up to 7, then 2. A 3-letter word
 * is only ever a 4-letter one with a letter missing (`nke` → `nike`, `fst` → `fast`): any other
 * edit of 3 letters reaches too many words to guess from.
 */
export function allowedEdits(word: string): number {
  if (!LETTERS.test(word)) return 0;
  const length = [...word].length;
  return length <= 2 ? 0 : length <= 7 ? 1 : 2;
}

/** Only the letter-missing edit is tried for words this short (see {@link allowedEdits}). */
const INSERT_ONLY = 3;

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

function deletions(word: string, out: Set<string>): void {
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
}

/** A correction candidate. */
export interface Candidate extends TermCount {
  distance: number;
}

export class TypoCorrector {
  private readonly _map = new Map<string, string[]>();
  private readonly _df = new Map<string, number>();

  constructor(entries: Iterable<[string, number]>) {
    const keys = new Set<string>();
    for (const [term, df] of entries) {
      // Terms of 3 letters or fewer can still be the answer to a 4-letter typo (`sonny` → `sony`).
      if (term.length < 3 || !LETTERS.test(term)) continue;
      this._df.set(term, df);
      keys.clear();
      keys.add(term);
      deletions(term, keys);
      for (const key of keys) {
        const list = this._map.get(key);
        if (list) list.push(term);
        else this._map.set(key, [term]);
      }
    }
  }

  /** Terms within the edits allowed for `word`, nearest then most frequent first. */
  candidates(word: string, limit = 5): Candidate[] {
    const max = allowedEdits(word);
    if (!max) return [];
    const insertOnly = word.length <= INSERT_ONLY;
    const probes = new Set<string>([word]);
    // The dictionary side holds every term's one-letter deletions: the word itself finds the
    // terms it is missing a letter of.
    if (!insertOnly) deletions(word, probes);
    if (max > 1) for (const d of [...probes]) if (d !== word) deletions(d, probes);
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (const probe of probes) {
      const terms = this._map.get(probe);
      if (!terms) continue;
      for (const term of terms) {
        if (seen.has(term) || term === word) continue;
        seen.add(term);
        if (insertOnly && term.length !== word.length + 1) continue;
        const distance = editDistance(word, term, max);
        if (distance <= max) out.push({ term, df: this._df.get(term)!, distance });
      }
    }
    out.sort((a, b) => a.distance - b.distance || b.df - a.df || (a.term < b.term ? -1 : 1));
    return out.slice(0, limit);
  }
}
