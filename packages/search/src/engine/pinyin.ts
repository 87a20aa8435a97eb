/**
 * Pinyin for Chinese titles: `耳机` is also found by `erji` (full) and `ej` (initials). The
 * dictionary (pinyin-pro, ~100 KB gzip) is loaded by the dynamic import below — the only
 * reference to the package, so bundlers put it in its own chunk and catalogs without Chinese
 * never fetch it. Prebuilt indexes carry the computed syllables and never need it.
 *
 * @module
 */

import { isHanChar } from './text.js';

type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array'; v: boolean }) => string[];

let loading: Promise<PinyinFn> | null = null;
let loaded = false;

/** Loads the pinyin dictionary once per page or process. */
export function loadPinyin(): Promise<PinyinFn> {
  loading ??= import('pinyin-pro').then((module) => {
    loaded = true;
    return module.pinyin as unknown as PinyinFn;
  });
  return loading;
}

/** Whether the dictionary has been imported in this page or process (tests, diagnostics). */
export function pinyinDictionaryLoaded(): boolean {
  return loaded;
}

const SYLLABLE = /^[a-z]+$/;

/**
 * The syllable of every code point of `text` (`''` for non-Han ones), joined by spaces so a
 * prebuilt index stores one string per field: `华为 P60` → `hua wei   `.
 */
export function alignedSyllables(text: string, pinyin: PinyinFn): string {
  const cps = Array.from(text);
  const out: string[] = cps.map(() => '');
  let i = 0;
  while (i < cps.length) {
    if (!isHanChar(cps[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < cps.length && isHanChar(cps[j]!)) j++;
    // Whole runs, so polyphonic characters are read in context (`银行` → `yin hang`).
    const run = cps.slice(i, j);
    const result = pinyin(run.join(''), { toneType: 'none', type: 'array', v: true });
    if (result.length === run.length) {
      for (let k = 0; k < run.length; k++) {
        const s = result[k]!.toLowerCase();
        if (SYLLABLE.test(s)) out[i + k] = s;
      }
    }
    i = j;
  }
  return out.join(' ');
}

/** A pinyin token and the UTF-16 range of the characters it spells. */
export interface PinyinToken {
  term: string;
  start: number;
  end: number;
}

/**
 * Pinyin tokens of a text from its aligned syllables: for each pair of adjacent Han characters the
 * joined syllables (`erji`) and initials (`ej`); a lone character gives its syllable.
 */
export function pinyinTokens(text: string, aligned: string): PinyinToken[] {
  if (!aligned) return [];
  const syllables = aligned.split(' ');
  const offsets: number[] = [];
  const lengths: number[] = [];
  let at = 0;
  for (const ch of text) {
    offsets.push(at);
    lengths.push(ch.length);
    at += ch.length;
  }
  const out: PinyinToken[] = [];
  for (let i = 0; i < syllables.length; i++) {
    const a = syllables[i];
    if (!a) continue;
    const b = syllables[i + 1];
    const start = offsets[i] ?? 0;
    if (b) {
      const end = (offsets[i + 1] ?? 0) + (lengths[i + 1] ?? 1);
      out.push({ term: a + b, start, end });
      out.push({ term: a[0]! + b[0]!, start, end });
    } else if (!syllables[i - 1]) {
      out.push({ term: a, start, end: start + (lengths[i] ?? 1) });
    }
  }
  return out;
}

/**
 * Splits a typed Latin word into pinyin syllables (`wuxianerji` → `wu xian er ji`), fewest pieces
 * first; with `partialEnd` the last piece may be the start of a syllable (typing in progress).
 * Returns null when the word is not pinyin.
 */
export function segmentPinyin(
  word: string,
  syllables: ReadonlySet<string>,
  prefixes: ReadonlySet<string>,
  partialEnd: boolean,
): string[] | null {
  const n = word.length;
  if (n > 64) return null;
  // best[i]: fewest pieces covering word[0, i).
  const best: (string[] | null)[] = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const here = best[i];
    if (!here) continue;
    for (let j = i + 1; j <= Math.min(n, i + 6); j++) {
      const piece = word.slice(i, j);
      const ok = syllables.has(piece) || (partialEnd && j === n && prefixes.has(piece));
      if (!ok) continue;
      const next = best[j];
      if (!next || next.length > here.length + 1) best[j] = [...here, piece];
    }
  }
  return best[n] ?? null;
}
