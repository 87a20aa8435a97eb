/**
 * Text normalisation and tokenisation shared by indexing, querying and highlighting. Latin and
 * other space-separated scripts give one token per word; CJK runs give overlapping two-character
 * tokens plus single characters, because a default tokenizer keeps `无线降噪蓝牙耳机` as one token
 * and `耳机` would never find it (see /work/shared/research/search.md, "Chinese pitfalls").
 *
 * @module
 */

/** A token and where it came from in the original (un-normalised) text. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAN = /\p{Script=Han}/u;
const MARKS = /\p{M}+/gu;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAS_HAN = /\p{Script=Han}/u;

/** Printable ASCII and line breaks: normalisation is lower-casing only, and there is no CJK. */
const ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** Whether `text` is plain ASCII (see {@link normalize}'s fast path). */
export const isAscii = (text: string): boolean => ASCII.test(text);

/** Lower case, full-width forms folded (NFKC), accents dropped: `Ｃafé` → `cafe`. */
export function normalize(text: string): string {
  // Most tokens are ASCII (and highlights tokenise every hit's fields on every query).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '');
}

export const isCjkChar = (ch: string): boolean => CJK.test(ch);
export const isHanChar = (ch: string): boolean => HAN.test(ch);
export const hasCjk = (text: string): boolean => HAS_CJK.test(text);
export const hasHan = (text: string): boolean => HAS_HAN.test(text);

/** A run of same-kind characters inside a word: CJK or not, with original offsets. */
export interface Run {
  text: string;
  start: number;
  end: number;
  cjk: boolean;
}

/** Splits text into words, then each word into CJK and non-CJK runs (`T恤` → `T`, `恤`). */
export function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const base = m.index ?? 0;
    if (ASCII.test(word)) {
      out.push({ text: word, start: base, end: base + word.length, cjk: false });
      continue;
    }
    let runStart = 0;
    let runCjk: boolean | null = null;
    let i = 0;
    for (const ch of word) {
      const cjk = isCjkChar(ch);
      if (runCjk !== null && cjk !== runCjk) {
        out.push({ text: word.slice(runStart, i), start: base + runStart, end: base + i, cjk: runCjk });
        runStart = i;
      }
      runCjk = cjk;
      i += ch.length;
    }
    if (runCjk !== null)
      out.push({ text: word.slice(runStart), start: base + runStart, end: base + word.length, cjk: runCjk });
  }
  return out;
}

/** Code points of a string with their UTF-16 offsets. */
function chars(text: string): { ch: string; at: number }[] {
  const out: { ch: string; at: number }[] = [];
  let at = 0;
  for (const ch of text) {
    out.push({ ch, at });
    at += ch.length;
  }
  return out;
}

// Quantities with a unit (`256gb`, `30w`, `10000mah`): shoppers type them with or without a space.
const QUANTITY = /^(\p{N}+)(\p{L}+)$/u;

/** The number and unit of a quantity word (`256gb` → `256`, `gb`), or null. */
export function quantityParts(term: string): [string, string] | null {
  const m = QUANTITY.exec(term);
  return m ? [m[1]!, m[2]!] : null;
}

/**
 * Index tokens of a text with offsets: words (normalised), the letter and digit parts of mixed
 * quantities (`256gb` also gives `256` and `gb`, so `256 GB` and `256GB` meet), and for CJK runs
 * every single character and every overlapping pair.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const run of runs(text)) {
    if (run.cjk) {
      const cs = chars(run.text);
      for (let i = 0; i < cs.length; i++) {
        const a = cs[i]!;
        out.push({ term: normalize(a.ch), start: run.start + a.at, end: run.start + a.at + a.ch.length });
        const b = cs[i + 1];
        if (b)
          out.push({
            term: normalize(a.ch + b.ch),
            start: run.start + a.at,
            end: run.start + b.at + b.ch.length,
          });
      }
      continue;
    }
    const term = normalize(run.text);
    if (!term) continue;
    out.push({ term, start: run.start, end: run.end });
    const parts = quantityParts(term);
    if (parts) {
      // Offsets of the parts are only exact when normalisation kept the length; otherwise the
      // whole word is highlighted, which is still right.
      const exact = term.length === run.text.length;
      const cut = parts[0].length;
      out.push({ term: parts[0], start: run.start, end: exact ? run.start + cut : run.end });
      out.push({ term: parts[1], start: exact ? run.start + cut : run.start, end: run.end });
    }
  }
  return out;
}

/** Index terms of a text, without offsets, de-duplicated. */
export function terms(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(tokenize(text).map((t) => t.term))];
}

/** A word of a query: normalised text, whether it is CJK, and where it is in the query. */
export interface QueryWord {
  text: string;
  cjk: boolean;
  start: number;
  end: number;
}

/** Query words: the normalised runs (CJK runs still whole; the planner splits them). */
export function queryWords(query: string): QueryWord[] {
  const out: QueryWord[] = [];
  for (const run of runs(query)) {
    const text = normalize(run.text);
    if (text) out.push({ text, cjk: run.cjk, start: run.start, end: run.end });
  }
  return out;
}

/** Length of a title in words, counting each CJK character as one (for length normalisation). */
export function wordLength(text: string | undefined): number {
  if (!text) return 0;
  let n = 0;
  for (const run of runs(text)) n += run.cjk ? Array.from(run.text).length : 1;
  return n;
}

/** The characters (code points) of a string. */
export const codePoints = (text: string): string[] => Array.from(text);
