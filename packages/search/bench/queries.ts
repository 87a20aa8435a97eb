import { pinyin } from 'pinyin-pro';
import type { Product } from '@vitrine/core';
import { seeded } from '../test/fixtures/catalog.js';

/**
 * The queries of the search benchmark, all seeded: the timed mix (what shoppers type, key by
 * key) and the relevance sets made from real product titles, each query knowing its source.
 */

export const QUERY_KINDS = ['exact', 'prefix', 'typo', 'zh2', 'initials'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export const KIND_LABEL: Record<QueryKind, string> = {
  exact: 'exact words',
  prefix: 'prefix 1–4 keys',
  typo: 'one typo',
  zh2: 'Chinese 2 chars',
  initials: 'pinyin initials',
};

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** Relevance sets: the product the query was made from. */
  source?: string;
  /** Timed typo queries: the word before the typo (a hit is a top-5 product holding it). */
  word?: string;
}

const HAN = /\p{Script=Han}+/gu;
const LATIN_WORD = /^[a-z]{4,}$/;

/** Lower-case words of Latin letters in `text`. */
const latinWords = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter(Boolean);
/** Runs of Chinese characters in `text`. */
const hanRuns = (text: string) => text.match(HAN) ?? [];

/** Pinyin initials of a run of Chinese characters, one letter per character. */
export function initialsOf(han: string): string {
  return pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

/** One seeded edit of `word`: substitute, delete or transpose one character (never the first). */
export function typo(word: string, rnd: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const at = 1 + Math.floor(rnd() * (word.length - 1));
  const edit = Math.floor(rnd() * 3);
  if (edit === 0) {
    let c = word[at]!;
    while (c === word[at]) c = letters[Math.floor(rnd() * 26)]!;
    return word.slice(0, at) + c + word.slice(at + 1);
  }
  if (edit === 1 || at === word.length - 1 || word[at] === word[at + 1])
    return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/**
 * The timed mix over `products`, about 500 distinct queries in typing order: exact words and
 * word pairs, words typed key by key (1–4 characters), one-typo words, two-character Chinese
 * substrings and pinyin initials of 2–4 Chinese characters.
 */
export function speedQueries(products: readonly Product[], seed = 11): BenchQuery[] {
  const rnd = seeded(seed);
  const pickProduct = () => products[Math.floor(rnd() * products.length)]!;
  const pickWord = (lang: 'en' | 'zh'): string | undefined => {
    for (let tries = 0; tries < 50; tries++) {
      const p = pickProduct();
      if (lang === 'en') {
        const words = latinWords(p.title).filter((w) => /^[a-z]{3,}$/.test(w));
        if (words.length) return words[Math.floor(rnd() * words.length)];
      } else {
        const runs = hanRuns(p.title).filter((r) => r.length >= 2);
        if (runs.length) return runs[Math.floor(rnd() * runs.length)];
      }
    }
    return undefined;
  };
  const out: BenchQuery[] = [];
  for (let i = 0; i < 100; i++) {
    const p = pickProduct();
    const words = latinWords(p.title).filter((w) => /^[a-z]{2,}$/.test(w));
    if (!words.length) continue;
    const at = Math.floor(rnd() * words.length);
    const text = i % 2 && words[at + 1] ? `${words[at]} ${words[at + 1]}` : words[at]!;
    out.push({ kind: 'exact', text });
  }
  for (let i = 0; i < 80; i++) {
    const word = pickWord('en');
    if (!word) continue;
    for (let n = 1; n <= Math.min(4, word.length); n++) out.push({ kind: 'prefix', text: word.slice(0, n) });
  }
  for (let i = 0; i < 100; i++) {
    const word = pickWord('en');
    if (word && LATIN_WORD.test(word)) out.push({ kind: 'typo', text: typo(word, rnd), word });
  }
  for (let i = 0; i < 80; i++) {
    const run = pickWord('zh');
    if (!run) continue;
    const at = Math.floor(rnd() * (run.length - 1));
    out.push({ kind: 'zh2', text: run.slice(at, at + 2) });
  }
  for (let i = 0; i < 60; i++) {
    const run = pickWord('zh');
    if (!run) continue;
    const len = Math.min(run.length, 2 + Math.floor(rnd() * 3));
    const at = Math.floor(rnd() * (run.length - len + 1));
    out.push({ kind: 'initials', text: initialsOf(run.slice(at, at + len)) });
  }
  const seen = new Set<string>();
  return out.filter((q) => !seen.has(q.text) && seen.add(q.text));
}

/** Up to this many queries of each kind per real catalog. */
const RELEVANCE_PER_KIND = 200;
/** A Chinese query is kept only when at most this many titles hold it: "its product" is then well defined. */
const MAX_HOLDERS = 5;

/**
 * Relevance queries over a real catalog, each made from one product's title: the whole title in
 * lower case with one typo in one word of ≥ 4 letters; a two-character Chinese substring; the
 * pinyin initials of 2–4 consecutive Chinese characters. Chinese queries held by more than
 * five titles are not used (a top 5 cannot hold them all).
 */
export function relevanceQueries(products: readonly Product[], seed = 23): BenchQuery[] {
  const rnd = seeded(seed);
  const order = products.map((p) => p.id);
  // A seeded shuffle, so capped sets sample the whole catalog.
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const byId = new Map(products.map((p) => [p.id, p]));
  const titles = products.map((p) => p.title);
  const titleInitials = products.map((p) => hanRuns(p.title).map(initialsOf));
  const holders = (s: string) => titles.reduce((n, t) => n + (t.includes(s) ? 1 : 0), 0);
  const initialHolders = (s: string) =>
    titleInitials.reduce((n, runs) => n + (runs.some((r) => r.includes(s)) ? 1 : 0), 0);
  const out: BenchQuery[] = [];
  const count = { typo: 0, zh2: 0, initials: 0 };
  for (const id of order) {
    const p = byId.get(id)!;
    const words = latinWords(p.title);
    const long = words.map((w, i) => [w, i] as const).filter(([w]) => LATIN_WORD.test(w));
    if (long.length && count.typo < RELEVANCE_PER_KIND) {
      const [word, at] = long[Math.floor(rnd() * long.length)]!;
      const text = words.map((w, i) => (i === at ? typo(word, rnd) : w)).join(' ');
      out.push({ kind: 'typo', text, source: id, word });
      count.typo++;
    }
    const runs = hanRuns(p.title);
    if (!runs.length) continue;
    if (count.zh2 < RELEVANCE_PER_KIND) {
      const pairs = runs.flatMap((r) => Array.from({ length: r.length - 1 }, (_, i) => r.slice(i, i + 2)));
      const good = pairs.filter((s) => holders(s) <= MAX_HOLDERS);
      if (good.length) {
        out.push({ kind: 'zh2', text: good[Math.floor(rnd() * good.length)]!, source: id });
        count.zh2++;
      }
    }
    if (count.initials < RELEVANCE_PER_KIND) {
      const windows = runs.flatMap((r) =>
        [2, 3, 4].flatMap((len) =>
          Array.from({ length: Math.max(0, r.length - len + 1) }, (_, i) => r.slice(i, i + len)),
        ),
      );
      const good = windows.map(initialsOf).filter((s) => initialHolders(s) <= MAX_HOLDERS);
      if (good.length) {
        out.push({ kind: 'initials', text: good[Math.floor(rnd() * good.length)]!, source: id });
        count.initials++;
      }
    }
  }
  return out;
}
