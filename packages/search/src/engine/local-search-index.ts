/**
 * The local engine: FlexSearch holds the postings of each field; this class is the commerce layer
 * above it — query planning (prefix on the last word, synonyms, Chinese pairs, pinyin), scoring
 * with field boosts and popularity ties, a vocabulary typo corrector, zero-result recovery, and
 * filters, facets and sorts over typed arrays. See docs/adr/0007-search-engine.md.
 *
 * @module
 */

import type { Product } from '@vitrine/core';
import {
  CATEGORY_SEPARATOR,
  SORTS,
  type FacetCount,
  type Highlight,
  type HighlightField,
  type SearchHit,
  type SearchIndex,
  type SearchIndexJSON,
  type SearchIndexOptions,
  type SearchOptions,
  type SearchResult,
  type SortKey,
  type Suggestions,
} from '../types.js';
import { CatalogTable } from './catalog-table.js';
import {
  CompiledFilters,
  countCategoriesAndBrands,
  countFacets,
  firstPassing,
  passingDocs,
} from './facets.js';
import { FieldIndex, type FieldJSON } from './field-index.js';
import { defineLazy } from './lazy-property.js';
import { alignedSyllables, loadPinyin, pinyinTokens, segmentPinyin } from './pinyin.js';
import {
  hasHan,
  isAscii,
  quantityParts,
  queryWords,
  terms,
  tokenize,
  wordLength,
  type QueryWord,
} from './text.js';
import { topK, topRelevant, type Before } from './top-k.js';
import { allowedEdits, TypoCorrector } from './typo-corrector.js';
import { Vocabulary } from './vocabulary.js';

/** The searchable fields; `pinyin` holds the pinyin of Chinese titles and brands. */
export const FIELDS = ['title', 'brand', 'category', 'description', 'pinyin'] as const;
export type Field = (typeof FIELDS)[number];

const TEXT_FIELDS: readonly Field[] = ['title', 'brand', 'category', 'description'];
const PINYIN_ONLY: readonly Field[] = ['pinyin'];

/** Default field weights: title > brand > category > description (issue #4). */
export const DEFAULT_BOOSTS: Readonly<Record<HighlightField, number>> = {
  title: 4,
  brand: 3,
  category: 2,
  description: 1,
};

/** Where the pinyin dictionary stands for this index. */
export type PinyinState = 'none' | 'off' | 'loading' | 'ready' | 'prebuilt' | 'failed';

/** Query quality of each way a term can match. */
const QUALITY = { exact: 1, synonym: 0.95, quantity: 0.9, prefix: 0.75, typo1: 0.6, typo2: 0.45 } as const;

/** Caps that keep hostile input cheap: a 10 KB query is cut, not tokenised whole. */
const MAX_QUERY = 512;
const MAX_SLOTS = 16;

/** Words dropped from a query when the catalog never uses them, rather than failing the AND. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'for',
  'with',
  'of',
  'in',
  'on',
  'to',
  'by',
  'or',
  'at',
  'from',
  '的',
]);

/** One way to satisfy a query word: every term (any field of `fields`) must be present. */
interface Alt {
  terms: string[];
  quality: number;
  fields: readonly Field[];
  /** Typed length when the term was completed from a prefix (highlight only that part), else 0. */
  prefix: number;
}

/** A query word (or a piece of one): products must satisfy one of its alternatives. */
interface Slot {
  alts: Alt[];
  /** The normalised word, for correction and messages. */
  word: string;
  /** Offsets in the query, for the corrected query and suggestions. */
  start: number;
  end: number;
  /** The typed word has no match and may be a typo. */
  correctable: boolean;
  /** The last word being typed: suggestions complete it. */
  open: boolean;
  cjk: boolean;
  /** The word read as pinyin, tried when correcting it finds nothing. */
  pinyin?: Slot[];
}

interface Match {
  /** Matching products, `docs[0..m)`; their scores are in the index's score array. */
  m: number;
  slots: Slot[];
  correctedQuery?: string;
  fallback?: 'relaxed' | 'popular';
  /** Every product, no query (browse mode or popular fallback). */
  all: boolean;
}

interface PinyinData {
  /** Aligned syllables of each product's title and brand (`''` when it has no Chinese). */
  title: string[];
  brand: string[];
}

/** The serialised form (`toJSON`). */
interface IndexJSON extends SearchIndexJSON {
  format: 'vitrine-search';
  products: Product[];
  options: {
    synonyms?: string[][];
    boosts?: Partial<Record<HighlightField, number>>;
    popularity?: Record<string, number>;
  };
  fields: Record<Field, FieldJSON>;
  df: [string, number][];
  titleLength: number[];
  pinyin: (PinyinData & { syllables: string[] }) | null;
}

const int = (value: unknown, fallback: number, min: number, max: number): number =>
  typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, Math.floor(value)))
    : fallback;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Normalised synonym groups, each member as the terms it searches for. */
function compileSynonyms(groups: unknown): string[][][] {
  if (!Array.isArray(groups)) return [];
  const out: string[][][] = [];
  for (const group of groups) {
    if (!Array.isArray(group)) continue;
    const members = group
      .filter((m): m is string => typeof m === 'string')
      .map((m) => queryWords(m).map((w) => w.text))
      .filter((m) => m.length > 0);
    if (members.length > 1) out.push(members);
  }
  return out;
}

export class LocalSearchIndex implements SearchIndex {
  readonly size: number;
  readonly ready: Promise<void>;
  private _pinyinState: PinyinState = 'none';

  private readonly _products: Product[];
  private readonly _options: IndexJSON['options'];
  private readonly _table: CatalogTable;
  private readonly _fields: Record<Field, FieldIndex>;
  private readonly _boost: Record<Field, number>;
  private readonly _synonyms: string[][][];
  private readonly _titleLength: Int32Array;
  private readonly _norm: Float64Array;
  private _df: Map<string, number>;
  private _vocab: Vocabulary;
  /** The words of the text fields only (no pinyin): what Latin words correct to. */
  private _textVocab: Vocabulary;
  /**
   * The words of titles, brands and categories, by how many of those fields hold them: what a
   * typed prefix completes to. Description boilerplate (`with`, `shipping`) would otherwise be the
   * most frequent completion of a letter and most of its postings.
   */
  private readonly _nameVocab: Vocabulary;
  private _pinyinVocab: Vocabulary | null = null;
  private _syllables = new Set<string>();
  private _syllablePrefixes = new Set<string>();
  private _pinyin: PinyinData | null = null;
  private _corrector: TypoCorrector | null = null;

  // Scratch arrays reused by every query (a query runs synchronously start to end).
  private readonly _score: Float64Array;
  private readonly _slotAcc: Float64Array;
  private readonly _altAcc: Float64Array;
  private readonly _hits: Uint8Array;
  private readonly _docs: Int32Array;
  private readonly _slotDocs: Int32Array;
  private readonly _altDocs: Int32Array;
  private readonly _passing: Int32Array;
  private _allDocs: Int32Array | null = null;
  private _popular: Int32Array | null = null;

  /** Use `createSearchIndex(products, options)` or `createSearchIndex.fromJSON(json)`. */
  constructor(products: Product[], options: SearchIndexOptions = {}, json?: IndexJSON) {
    this._products = products;
    this.size = products.length;
    const n = products.length;
    this._options = {};
    if (options.synonyms) this._options.synonyms = options.synonyms;
    if (options.boosts) this._options.boosts = options.boosts;
    if (options.popularity) this._options.popularity = options.popularity;
    this._table = new CatalogTable(products, options.popularity);
    const boosts = { ...DEFAULT_BOOSTS };
    for (const key of Object.keys(DEFAULT_BOOSTS) as HighlightField[]) {
      const b = options.boosts?.[key];
      if (typeof b === 'number' && Number.isFinite(b) && b >= 0) boosts[key] = b;
    }
    // A pinyin match stands for a title (or brand) match, a little below typing the characters.
    this._boost = { ...boosts, pinyin: boosts.title * 0.9 };
    this._synonyms = compileSynonyms(options.synonyms);
    this._score = new Float64Array(n);
    this._slotAcc = new Float64Array(n);
    this._altAcc = new Float64Array(n);
    this._hits = new Uint8Array(n);
    this._docs = new Int32Array(n);
    this._slotDocs = new Int32Array(n);
    this._altDocs = new Int32Array(n);
    this._passing = new Int32Array(n);

    if (json) {
      this._fields = Object.fromEntries(
        FIELDS.map((f) => [f, FieldIndex.fromJSON(Array.isArray(json.fields?.[f]) ? json.fields[f] : [], n)]),
      ) as Record<Field, FieldIndex>;
      this._df = new Map(json.df);
      this._titleLength = Int32Array.from(json.titleLength);
      if (json.pinyin) {
        this._pinyin = { title: json.pinyin.title, brand: json.pinyin.brand };
        this._setSyllables(json.pinyin.syllables);
        this._pinyinState = 'prebuilt';
      }
      this._vocab = new Vocabulary(this._df);
      this._nameVocab = this._makeNameVocab();
      this._textVocab = this._vocab;
      if (this._pinyinVocab) {
        // The prebuilt `df` holds both kinds of terms: leave out those only pinyin has.
        const pinyinVocab = this._pinyinVocab;
        const textDf = new Map<string, number>();
        for (const [term, df] of this._df)
          if (!pinyinVocab.has(term) || TEXT_FIELDS.some((f) => this._fields[f].get(term).length))
            textDf.set(term, df);
        this._textVocab = new Vocabulary(textDf);
      }
      this._norm = this._makeNorm();
      this._corrector = new TypoCorrector(this._textVocab.entries());
      this.ready = Promise.resolve();
      return;
    }

    this._fields = Object.fromEntries(FIELDS.map((f) => [f, new FieldIndex()])) as Record<Field, FieldIndex>;
    this._df = new Map();
    this._titleLength = new Int32Array(n);
    let chinese = false;
    for (let i = 0; i < n; i++) {
      const p = products[i]!;
      const title = str(p.title);
      const brand = str(p.brand);
      const category = (Array.isArray(p.category) ? p.category : []).map(str).join(' ');
      const seen = new Set<string>();
      const add = (field: Field, list: string[]) => {
        this._fields[field].add(i, list);
        for (const t of list) seen.add(t);
      };
      add('title', terms(title));
      add('brand', terms(brand));
      add('category', terms(category));
      add('description', terms(str(p.description)));
      for (const t of seen) this._df.set(t, (this._df.get(t) ?? 0) + 1);
      this._titleLength[i] = wordLength(title);
      if (!chinese && (hasHan(title) || hasHan(brand) || hasHan(category))) chinese = true;
    }
    this._vocab = new Vocabulary(this._df);
    this._nameVocab = this._makeNameVocab();
    this._textVocab = this._vocab;
    this._norm = this._makeNorm();
    // Built now, not on the first unknown word: that query would pay for it (8-16 ms at 100k).
    this._corrector = new TypoCorrector(this._textVocab.entries());
    if (chinese && options.pinyin !== false) {
      this._pinyinState = 'loading';
      this.ready = loadPinyin().then(
        (pinyin) => {
          this._indexPinyin((text) => alignedSyllables(text, pinyin));
          this._pinyinState = 'ready';
        },
        () => {
          // Without the dictionary Chinese still works by characters; only pinyin is missing.
          this._pinyinState = 'failed';
        },
      );
    } else {
      this._pinyinState = chinese ? 'off' : 'none';
      this.ready = Promise.resolve();
    }
  }

  /**
   * Where pinyin stands: `none` (no Chinese in the catalog, dictionary never loaded), `off`
   * (disabled by option), `loading`, `ready`, `prebuilt` (from `fromJSON`, no dictionary needed),
   * `failed` (the dictionary could not be loaded).
   */
  get pinyin(): PinyinState {
    return this._pinyinState;
  }

  private _makeNameVocab(): Vocabulary {
    const counts = new Map<string, number>();
    for (const term of this._df.keys()) {
      if (STOP_WORDS.has(term)) continue;
      const n =
        this._fields.title.get(term).length +
        this._fields.brand.get(term).length +
        this._fields.category.get(term).length;
      if (n) counts.set(term, n);
    }
    return new Vocabulary(counts);
  }

  private _makeNorm(): Float64Array {
    // Shorter titles matching the same words are more likely what was asked for.
    return Float64Array.from(this._titleLength, (len) => 1 / (1 + 0.04 * len));
  }

  private _setSyllables(list: Iterable<string>): void {
    this._syllables = new Set(list);
    this._syllablePrefixes = new Set();
    for (const s of this._syllables)
      for (let k = 1; k <= s.length; k++) this._syllablePrefixes.add(s.slice(0, k));
    const pinyinDf = new Map<string, number>();
    for (const [term, df] of this._df) if (this._fields.pinyin.get(term).length) pinyinDf.set(term, df);
    this._pinyinVocab = new Vocabulary(pinyinDf);
  }

  private _indexPinyin(align: (text: string) => string): void {
    const n = this.size;
    const title: string[] = new Array<string>(n).fill('');
    const brand: string[] = new Array<string>(n).fill('');
    const syllables = new Set<string>();
    const pinyinDf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const p = this._products[i]!;
      const t = str(p.title);
      const b = str(p.brand);
      if (hasHan(t)) title[i] = align(t);
      if (hasHan(b)) brand[i] = align(b);
      if (!title[i] && !brand[i]) continue;
      const list = new Set<string>();
      for (const tok of [...pinyinTokens(t, title[i]!), ...pinyinTokens(b, brand[i]!)]) list.add(tok.term);
      for (const s of `${title[i]} ${brand[i]}`.split(' ')) if (s) syllables.add(s);
      this._fields.pinyin.add(i, [...list]);
      for (const term of list) pinyinDf.set(term, (pinyinDf.get(term) ?? 0) + 1);
    }
    // `_df` becomes every term's (idf, CJK pairs); the text words keep a vocabulary of their own.
    this._textVocab = new Vocabulary(new Map(this._df));
    for (const [term, df] of pinyinDf) this._df.set(term, Math.max(this._df.get(term) ?? 0, df));
    this._pinyin = { title, brand };
    this._vocab = new Vocabulary(this._df);
    this._corrector = new TypoCorrector(this._textVocab.entries());
    this._setSyllables(syllables);
  }

  product(id: string): Product | undefined {
    const i = this._table.ids.get(id);
    return i === undefined ? undefined : this._products[i];
  }

  toJSON(): SearchIndexJSON {
    const json: IndexJSON = {
      v: 1,
      format: 'vitrine-search',
      products: this._products,
      options: this._options,
      fields: Object.fromEntries(FIELDS.map((f) => [f, this._fields[f].toJSON()])) as Record<
        Field,
        FieldJSON
      >,
      df: [...this._df],
      titleLength: Array.from(this._titleLength),
      pinyin: this._pinyin ? { ...this._pinyin, syllables: [...this._syllables] } : null,
    };
    return json;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    await this.ready;
    return this._search(str(query), options && typeof options === 'object' ? options : {});
  }

  async suggest(query: string, options: { limit?: number } = {}): Promise<Suggestions> {
    await this.ready;
    return this._suggest(str(query), int(options?.limit, 5, 0, 50));
  }

  // ---- planning ---------------------------------------------------------------------------

  private _plan(rawQuery: string, correct: boolean): Slot[] {
    const query = rawQuery.slice(0, MAX_QUERY);
    const words = queryWords(query).slice(0, MAX_SLOTS * 2);
    const last = words[words.length - 1];
    // The last word is still being typed unless a space or punctuation follows it.
    const openEnd = !!last && last.end === query.length;
    const slots: Slot[] = [];
    for (let i = 0; i < words.length && slots.length < MAX_SLOTS;) {
      const synonym = this._synonymAt(words, i);
      if (synonym) {
        const typed = words.slice(i, i + synonym.length);
        slots.push({
          alts: synonym.members
            .map((member) => ({
              terms: this._memberTerms(member),
              quality:
                member.join(' ') === typed.map((w) => w.text).join(' ') ? QUALITY.exact : QUALITY.synonym,
              fields: TEXT_FIELDS,
              prefix: 0,
            }))
            .filter((a) => a.terms.length > 0),
          word: typed.map((w) => w.text).join(' '),
          start: typed[0]!.start,
          end: typed[typed.length - 1]!.end,
          correctable: false,
          open: false,
          cjk: false,
        });
        i += synonym.length;
        continue;
      }
      const word = words[i]!;
      const open = openEnd && i === words.length - 1;
      if (word.cjk) slots.push(...this._cjkSlots(word, open));
      else slots.push(...this._latinSlots(word, open, correct, words.length === 1));
      i++;
    }
    return slots.slice(0, MAX_SLOTS);
  }

  /** The longest synonym member matching the words from `i`, with its group. */
  private _synonymAt(words: QueryWord[], i: number): { members: string[][]; length: number } | null {
    let best: { members: string[][]; length: number } | null = null;
    for (const group of this._synonyms) {
      for (const member of group) {
        if (member.length > words.length - i || (best && member.length <= best.length)) continue;
        if (member.every((t, k) => words[i + k]!.text === t))
          best = { members: group, length: member.length };
      }
    }
    return best;
  }

  /** The index terms a synonym member searches for (CJK words become their pairs). */
  private _memberTerms(member: string[]): string[] {
    const out: string[] = [];
    for (const text of member) {
      const word = queryWords(text)[0];
      if (!word) continue;
      if (word.cjk) out.push(...this._cjkPieces(word.text).map((p) => p.term));
      else out.push(word.text);
    }
    return out;
  }

  /** A CJK run cut into known pairs, or single characters where no pair is known. */
  private _cjkPieces(text: string): { term: string; at: number }[] {
    const cps = Array.from(text);
    const out: { term: string; at: number }[] = [];
    let at = 0;
    for (let i = 0; i < cps.length;) {
      const pair = cps[i + 1] !== undefined ? cps[i]! + cps[i + 1]! : '';
      if (pair && this._vocab.has(pair)) {
        out.push({ term: pair, at });
        at += pair.length;
        i += 2;
      } else {
        out.push({ term: cps[i]!, at });
        at += cps[i]!.length;
        i += 1;
      }
    }
    return out;
  }

  private _cjkSlots(word: QueryWord, open: boolean): Slot[] {
    const exactOffsets = word.end - word.start === word.text.length;
    return this._cjkPieces(word.text).map((piece) => ({
      alts: this._vocab.has(piece.term)
        ? [{ terms: [piece.term], quality: QUALITY.exact, fields: FIELDS, prefix: 0 }]
        : [],
      word: piece.term,
      start: exactOffsets ? word.start + piece.at : word.start,
      end: exactOffsets ? word.start + piece.at + piece.term.length : word.end,
      correctable: false,
      open: open && piece.at + piece.term.length === word.text.length,
      cjk: true,
    }));
  }

  /**
   * A Latin word: the catalog's own words first (exact, completions of the word being typed,
   * split quantities); then fully spelled pinyin (`erji`, `wuxianjiangzao`). A word that is
   * neither is corrected first and read as pinyin initials or a pinyin fragment only when no
   * correction finds anything — `boe` is `bose` before it is `bo`+`er`, `fst` is `fast` before
   * it is `fs`+`st` (see {@link LocalSearchIndex._match}). With `correct: false` the pinyin
   * reading is used directly.
   */
  private _latinSlots(word: QueryWord, open: boolean, correct: boolean, alone: boolean): Slot[] {
    const t = word.text;
    const slot: Slot = {
      alts: [],
      word: t,
      start: word.start,
      end: word.end,
      correctable: false,
      open,
      cjk: false,
    };
    const text = this._textVocab;
    if (text.has(t)) slot.alts.push({ terms: [t], quality: QUALITY.exact, fields: FIELDS, prefix: 0 });
    if (open) {
      for (const c of this._nameVocab.complete(t)) {
        slot.alts.push({ terms: [c.term], quality: QUALITY.prefix, fields: TEXT_FIELDS, prefix: t.length });
      }
    }
    if (slot.alts.length) return [slot];
    const parts = quantityParts(t);
    if (parts && text.has(parts[0]) && text.has(parts[1])) {
      slot.alts.push({ terms: parts, quality: QUALITY.quantity, fields: TEXT_FIELDS, prefix: 0 });
      return [slot];
    }
    const pinyin = this._pinyinSlots(word, open);
    // A stop word is dropped, unless it is the whole query and reads as pinyin (`of`: 欧风).
    if (STOP_WORDS.has(t)) return alone && pinyin ? pinyin.slots : [];
    if (pinyin?.spelled) return pinyin.slots;
    slot.correctable = allowedEdits(t) > 0;
    if (pinyin) {
      if (!correct || !slot.correctable) return pinyin.slots;
      slot.pinyin = pinyin.slots;
    }
    return [slot];
  }

  /**
   * A Latin word read as pinyin, one slot per pair of syllables: fully spelled (`wuxianerji`,
   * `spelled`), the whole word as one pinyin term or its completions (`ej`, `erj` → `erji`),
   * syllables with the last one still being typed, or initials (`wxej`). Null when it is none.
   */
  private _pinyinSlots(word: QueryWord, open: boolean): { slots: Slot[]; spelled: boolean } | null {
    const vocab = this._pinyinVocab;
    const t = word.text;
    if (!vocab || !vocab.size || !/^[a-z]+$/.test(t)) return null;
    const slot = (alts: Alt[], last: boolean): Slot => ({
      alts,
      word: t,
      start: word.start,
      end: word.end,
      correctable: false,
      open: open && last,
      cjk: false,
    });
    const exact = (term: string): Alt[] =>
      vocab.has(term) ? [{ terms: [term], quality: QUALITY.exact, fields: PINYIN_ONLY, prefix: 0 }] : [];
    const prefix = (text: string): Alt[] => [
      ...exact(text),
      ...vocab
        .complete(text)
        .map((c) => ({ terms: [c.term], quality: QUALITY.prefix, fields: PINYIN_ONLY, prefix: text.length })),
    ];
    const bySyllables = (pieces: string[] | null): Slot[] | null => {
      if (!pieces || pieces.length < 2) return null;
      const out: Slot[] = [];
      let k = 0;
      for (; k + 1 < pieces.length; k += 2) {
        const pair = pieces[k]! + pieces[k + 1]!;
        const last = k + 2 === pieces.length;
        const partial = last && open && !this._syllables.has(pieces[k + 1]!);
        out.push(slot(partial ? prefix(pair) : exact(pair), last));
      }
      if (k < pieces.length) {
        // An odd syllable out pairs with the one before it (`bao wen bei` → `baowen`, `wenbei`).
        const pair = pieces[k - 1]! + pieces[k]!;
        out.push(slot(open ? prefix(pair) : exact(pair), true));
      }
      return out.every((s) => s.alts.length) ? out : null;
    };

    const spelled = bySyllables(segmentPinyin(t, this._syllables, this._syllablePrefixes, false));
    if (spelled) return { slots: spelled, spelled: true };
    // The word as one pinyin term, else what it starts (`ej` is 耳机's initials, not `eji…`).
    const whole = exact(t).length ? exact(t) : open ? prefix(t) : [];
    if (whole.length) return { slots: [slot(whole, true)], spelled: false };
    const typing = open ? bySyllables(segmentPinyin(t, this._syllables, this._syllablePrefixes, true)) : null;
    if (typing) return { slots: typing, spelled: false };
    if (t.length >= 3 && t.length <= 16) {
      const out: Slot[] = [];
      for (let k = 0; k < t.length; k += 2) {
        const pair = k + 1 < t.length ? t.slice(k, k + 2) : t.slice(k - 1, k + 1);
        out.push(slot(exact(pair), k + 2 >= t.length));
      }
      if (out.every((s) => s.alts.length)) return { slots: out, spelled: false };
    }
    return null;
  }

  /** The plan with unknown words replaced by their nearest vocabulary terms, or null. */
  private _correct(slots: Slot[], query: string): { slots: Slot[]; text: string } | null {
    if (!slots.some((s) => s.correctable && !s.alts.length)) return null;
    this._corrector ??= new TypoCorrector(this._textVocab.entries());
    let changed = false;
    let text = '';
    let at = 0;
    const out = slots.map((s) => {
      if (!s.correctable || s.alts.length) return s;
      const candidates = this._corrector!.candidates(s.word, 6);
      if (!candidates.length) return s;
      changed = true;
      text += query.slice(at, s.start) + candidates[0]!.term;
      at = s.end;
      return {
        ...s,
        alts: candidates.map((c) => ({
          terms: [c.term],
          quality: c.distance === 1 ? QUALITY.typo1 : QUALITY.typo2,
          fields: TEXT_FIELDS,
          prefix: 0,
        })),
      };
    });
    return changed ? { slots: out, text: (text + query.slice(at)).slice(0, MAX_QUERY).trim() } : null;
  }

  // ---- matching ---------------------------------------------------------------------------

  private _idf(term: string): number {
    return Math.log(1 + this.size / (1 + this._vocab.df(term)));
  }

  /** Rough cost of a slot: its postings. */
  private _cost(slot: Slot): number {
    let c = 0;
    for (const alt of slot.alts) c += Math.min(...alt.terms.map((t) => this._vocab.df(t)));
    return c;
  }

  /**
   * Scores the products matching `slot` into `acc` (all zero before, for these products);
   * returns them in `out[0..count)`. Within a slot the best alternative counts, and within an
   * alternative every field it is found in.
   */
  private _evalSlot(slot: Slot, out: Int32Array, acc: Float64Array): number {
    let count = 0;
    const only = slot.alts.length === 1 ? slot.alts[0]! : null;
    if (only && only.terms.length === 1) {
      // One alternative (an exact word): no best-of to take, add straight into `acc`.
      const term = only.terms[0]!;
      const idf = this._idf(term);
      for (const f of only.fields) {
        const w = only.quality * this._boost[f] * idf;
        if (!(w > 0)) continue;
        const ids = this._fields[f].get(term);
        for (let k = 0; k < ids.length; k++) {
          const d = ids[k]!;
          if (acc[d] === 0) out[count++] = d;
          acc[d] = acc[d]! + w;
        }
      }
      return count;
    }
    const altAcc = this._altAcc;
    const altDocs = this._altDocs;
    for (const alt of slot.alts) {
      let a = 0;
      if (alt.terms.length === 1) {
        const term = alt.terms[0]!;
        const idf = this._idf(term);
        for (const f of alt.fields) {
          const w = alt.quality * this._boost[f] * idf;
          if (!(w > 0)) continue;
          const ids = this._fields[f].get(term);
          for (let k = 0; k < ids.length; k++) {
            const d = ids[k]!;
            if (altAcc[d] === 0) altDocs[a++] = d;
            altAcc[d] = altAcc[d]! + w;
          }
        }
      } else {
        a = this._evalConjunction(alt);
      }
      for (let k = 0; k < a; k++) {
        const d = altDocs[k]!;
        const v = altAcc[d]!;
        altAcc[d] = 0;
        if (acc[d] === 0) out[count++] = d;
        if (v > acc[d]!) acc[d] = v;
      }
    }
    return count;
  }

  /** Products having every term of `alt` (rare: multi-word synonyms, split quantities). */
  private _evalConjunction(alt: Alt): number {
    let acc: Map<number, number> | null = null;
    for (const term of alt.terms) {
      const idf = this._idf(term);
      const here = new Map<number, number>();
      for (const f of alt.fields) {
        const w = (alt.quality * this._boost[f] * idf) / alt.terms.length;
        for (const d of this._fields[f].get(term)) here.set(d, (here.get(d) ?? 0) + w);
      }
      if (acc) {
        const prev: Map<number, number> = acc;
        const next = new Map<number, number>();
        for (const [d, v] of here) {
          const p = prev.get(d);
          if (p !== undefined) next.set(d, p + v);
        }
        acc = next;
      } else acc = here;
      if (!acc.size) break;
    }
    let a = 0;
    for (const [d, v] of acc ?? []) {
      this._altDocs[a++] = d;
      this._altAcc[d] = v;
    }
    return a;
  }

  /** Products matching every slot into `_docs`, scores into `_score`. */
  private _and(slots: Slot[]): number {
    if (!slots.length || slots.some((s) => !s.alts.length)) return 0;
    const order = [...slots].sort((a, b) => this._cost(a) - this._cost(b));
    const docs = this._docs;
    const score = this._score;
    const slotAcc = this._slotAcc;
    // The cheapest slot scores straight into `score`; the others only keep what it found.
    let m = this._evalSlot(order[0]!, docs, score);
    for (let s = 1; s < order.length && m > 0; s++) {
      const c = this._evalSlot(order[s]!, this._slotDocs, slotAcc);
      let kept = 0;
      for (let k = 0; k < m; k++) {
        const d = docs[k]!;
        const v = slotAcc[d]!;
        if (v > 0) {
          docs[kept++] = d;
          score[d] = score[d]! + v;
        } else score[d] = 0;
      }
      for (let k = 0; k < c; k++) slotAcc[this._slotDocs[k]!] = 0;
      m = kept;
    }
    return m;
  }

  /** Products matching the most slots (at least one, when there are several). */
  private _relaxed(slots: Slot[]): number {
    const usable = slots.filter((s) => s.alts.length);
    if (slots.length < 2 || !usable.length) return 0;
    const docs = this._docs;
    const score = this._score;
    const hits = this._hits;
    const slotAcc = this._slotAcc;
    let m = 0;
    let most = 0;
    for (const slot of usable) {
      const c = this._evalSlot(slot, this._slotDocs, slotAcc);
      for (let k = 0; k < c; k++) {
        const d = this._slotDocs[k]!;
        if (hits[d] === 0) docs[m++] = d;
        hits[d]!++;
        if (hits[d]! > most) most = hits[d]!;
        score[d] = score[d]! + slotAcc[d]!;
        slotAcc[d] = 0;
      }
    }
    let kept = 0;
    for (let k = 0; k < m; k++) {
      const d = docs[k]!;
      if (hits[d] === most) docs[kept++] = d;
      else score[d] = 0;
      hits[d] = 0;
    }
    return kept;
  }

  private _everything(): Int32Array {
    this._allDocs ??= Int32Array.from({ length: this.size }, (_, i) => i);
    return this._allDocs;
  }

  /**
   * Runs the query with correction and fallbacks. Scores are raw: the length norm and rounding
   * are applied by {@link topRelevant} (or {@link LocalSearchIndex._normalize}) to the hits' pool.
   */
  private _match(query: string, correct: boolean): Match {
    const slots = this._plan(query, correct);
    if (!slots.length) return { m: this.size, slots, all: true };
    let m = this._and(slots);
    let used = slots;
    let correctedQuery: string | undefined;
    let corrected: { slots: Slot[]; text: string } | null = null;
    if (!m && correct) {
      corrected = this._correct(slots, query.slice(0, MAX_QUERY));
      if (corrected) {
        m = this._and(corrected.slots);
        if (m) {
          used = corrected.slots;
          correctedQuery = corrected.text;
        }
      }
    }
    // Words that are no catalog word and no correction of one, read as pinyin initials/fragments.
    let pinyin: Slot[] | null = null;
    if (!m && slots.some((s) => s.pinyin)) {
      // Slots a correction changed keep it; those it found nothing for become their pinyin.
      pinyin = (corrected?.slots ?? slots).flatMap((s) => (s.pinyin && !s.alts.length ? s.pinyin : [s]));
      m = this._and(pinyin);
      if (m) {
        used = pinyin;
        if (corrected) correctedQuery = corrected.text;
      }
    }
    let fallback: Match['fallback'];
    if (!m) {
      const relaxSlots = corrected?.slots ?? pinyin ?? slots;
      m = this._relaxed(relaxSlots);
      if (m) {
        fallback = 'relaxed';
        used = relaxSlots;
        if (corrected) correctedQuery = corrected.text;
      }
    }
    if (!m) return { m: this.size, slots: [], all: true, fallback: 'popular' };
    const match: Match = { m, slots: used, all: false };
    if (correctedQuery) match.correctedQuery = correctedQuery;
    if (fallback) match.fallback = fallback;
    return match;
  }

  private _release(match: Match): void {
    if (match.all) return;
    // A big match is cheaper to clear with one fill than doc by doc.
    if (match.m > this.size >> 3) this._score.fill(0);
    else for (let k = 0; k < match.m; k++) this._score[this._docs[k]!] = 0;
  }

  /** Final scores (length norm, rounded so ties are real ties) of `docs[0..m)`. */
  private _normalize(docs: Int32Array, m: number): void {
    const score = this._score;
    const norm = this._norm;
    for (let k = 0; k < m; k++) {
      const d = docs[k]!;
      score[d] = Math.round(score[d]! * norm[d]! * 100) / 100;
    }
  }

  /** The order of `sort`; scores of `docs[0..m)` are made final first when it uses them. */
  private _before(sort: SortKey, scored: boolean, docs: Int32Array, m: number): Before {
    if (scored) this._normalize(docs, m);
    const t = this._table;
    const score = this._score;
    const pop = t.popularity;
    const relevance: Before = scored
      ? (a, b) =>
          score[a] !== score[b] ? score[a]! > score[b]! : pop[a] !== pop[b] ? pop[a]! > pop[b]! : a < b
      : (a, b) => (pop[a] !== pop[b] ? pop[a]! > pop[b]! : a < b);
    switch (sort) {
      case 'price-asc':
        return (a, b) => (t.price[a] !== t.price[b] ? t.price[a]! < t.price[b]! : relevance(a, b));
      case 'price-desc':
        return (a, b) => (t.price[a] !== t.price[b] ? t.price[a]! > t.price[b]! : relevance(a, b));
      case 'newest':
        return (a, b) => {
          const ra = t.released[a]!;
          const rb = t.released[b]!;
          const na = Number.isNaN(ra);
          const nb = Number.isNaN(rb);
          if (na !== nb) return nb;
          if (!na && ra !== rb) return ra > rb;
          return relevance(a, b);
        };
      case 'rating':
        return (a, b) =>
          t.rating[a] !== t.rating[b]
            ? t.rating[a]! > t.rating[b]!
            : t.ratingCount[a] !== t.ratingCount[b]
              ? t.ratingCount[a]! > t.ratingCount[b]!
              : relevance(a, b);
      default:
        return relevance;
    }
  }

  private _search(query: string, options: SearchOptions): SearchResult {
    const limit = int(options.limit, 20, 0, 1000);
    const offset = int(options.offset, 0, 0, 1e9);
    const sort: SortKey = (SORTS as readonly string[]).includes(options.sort as string)
      ? options.sort!
      : 'relevance';
    const table = this._table;
    const filters = new CompiledFilters(table, options.filters);
    const match = this._match(query, options.correct !== false);
    try {
      let page: number[];
      let total: number;
      if (match.all && sort === 'relevance') {
        // Browse mode and the popular fallback: the popularity order is computed once.
        ({ page, total } = firstPassing(table, this._popularOrder(), filters, offset, limit));
      } else {
        const docs = match.all ? this._everything() : this._docs;
        let passing = docs;
        total = match.m;
        if (filters.active) {
          passing = this._passing;
          total = passingDocs(table, docs, match.m, filters, passing);
        }
        page =
          sort === 'relevance' && !match.all
            ? topRelevant(passing, total, offset + limit, this._score, this._norm, table.popularity)
            : topK(passing, total, offset + limit, this._before(sort, !match.all, passing, total));
        page = page.slice(offset);
      }
      const highlightTerms = this._highlightTerms(match.slots);
      const hits: SearchHit[] = page.map((d) => ({
        id: this._products[d]!.id,
        score: match.all ? 0 : this._score[d]!,
        highlights: this._highlights(d, highlightTerms),
      }));
      // The matches outlive this call only through `facets`, counted when first read.
      const matches = match.all ? this._everything() : this._docs.slice(0, match.m);
      const result = defineLazy({ hits } as Omit<SearchResult, 'facets'>, 'facets', () =>
        countFacets(table, matches, matches.length, filters),
      ) as SearchResult;
      result.total = total;
      if (match.correctedQuery) result.correctedQuery = match.correctedQuery;
      if (match.fallback) result.fallback = match.fallback;
      return result;
    } finally {
      this._release(match);
    }
  }

  /** Every product, most popular first (ties: catalog order). */
  private _popularOrder(): Int32Array {
    if (!this._popular) {
      const pop = this._table.popularity;
      this._popular = Int32Array.from(this._everything()).sort((a, b) =>
        pop[a] !== pop[b] ? pop[b]! - pop[a]! : a - b,
      );
    }
    return this._popular;
  }

  // ---- suggestions ------------------------------------------------------------------------

  private _suggest(query: string, limit: number): Suggestions {
    const match = this._match(query, true);
    try {
      const docs = match.all ? this._everything() : this._docs;
      const facets = countCategoriesAndBrands(this._table, docs, match.m);
      const top = (list: FacetCount[]) => list.slice(0, limit);
      const queries = match.fallback === 'popular' || match.all ? [] : this._completions(query, match, limit);
      return { queries, categories: top(facets.category), brands: top(facets.brand) };
    } finally {
      this._release(match);
    }
  }

  /** Completed queries: the typed words plus the most frequent completions among the matches. */
  private _completions(query: string, match: Match, limit: number): string[] {
    const out: string[] = [];
    const push = (q: string) => {
      const text = q.trim();
      if (text && !out.includes(text) && out.length < limit) out.push(text);
    };
    if (match.correctedQuery && !match.fallback) push(match.correctedQuery);
    const slots = match.slots;
    const last = slots[slots.length - 1];
    if (!last || !last.open || match.fallback) {
      if (!match.fallback) push(query);
      return out;
    }
    // Count each completion among the matches: `wireless h` → `wireless headphones` first.
    let candidates: string[];
    if (last.cjk) {
      // A lone last character completes to the pairs starting with it: `蓝牙耳` → `蓝牙耳机`.
      if (Array.from(last.word).length !== 1) {
        push(query);
        return out;
      }
      candidates = this._vocab
        .complete(last.word)
        .map((c) => c.term)
        .filter((term) => Array.from(term).length === 2);
    } else {
      candidates = last.alts
        .filter((a) => a.terms.length === 1 && a.fields !== PINYIN_ONLY)
        .map((a) => a.terms[0]!);
    }
    const inMatch = this._hits;
    for (let k = 0; k < match.m; k++) inMatch[this._docs[k]!] = 1;
    const counted: { term: string; count: number }[] = [];
    for (const term of candidates) {
      const seen = new Set<number>();
      for (const f of TEXT_FIELDS) for (const d of this._fields[f].get(term)) if (inMatch[d]) seen.add(d);
      if (seen.size) counted.push({ term, count: seen.size });
    }
    for (let k = 0; k < match.m; k++) inMatch[this._docs[k]!] = 0;
    counted.sort((a, b) => b.count - a.count);
    const head = query.slice(0, last.start);
    for (const c of counted) push(head + c.term);
    return out;
  }

  // ---- highlights -------------------------------------------------------------------------

  /** Matched terms → typed length for completed prefixes (0: whole term). */
  private _highlightTerms(slots: Slot[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const slot of slots) {
      for (const alt of slot.alts) {
        for (const term of alt.terms) {
          const len = alt.prefix ?? 0;
          const prev = out.get(term);
          if (prev === undefined || (prev !== 0 && (len === 0 || len > prev))) out.set(term, len);
        }
      }
    }
    return out;
  }

  private _highlights(d: number, matched: Map<string, number>): SearchHit['highlights'] {
    const out: SearchHit['highlights'] = {};
    if (!matched.size) return out;
    const p = this._products[d]!;
    const fields: [HighlightField, string][] = [
      ['title', str(p.title)],
      ['brand', str(p.brand)],
      ['category', (Array.isArray(p.category) ? p.category : []).map(str).join(CATEGORY_SEPARATOR)],
      ['description', str(p.description)],
    ];
    for (const [field, text] of fields) {
      if (!text) continue;
      const aligned =
        field === 'title' ? this._pinyin?.title[d] : field === 'brand' ? this._pinyin?.brand[d] : undefined;
      // Tokenising is most of a query's fixed cost: skip a field that cannot hold a matched term.
      if (!aligned && !mayHold(text, matched)) continue;
      const ranges: Highlight[] = [];
      for (const tok of tokenize(text)) {
        const len = matched.get(tok.term);
        if (len === undefined) continue;
        const exact = tok.end - tok.start === tok.term.length;
        ranges.push([tok.start, len && exact ? tok.start + len : tok.end]);
      }
      if (aligned) {
        for (const tok of pinyinTokens(text, aligned)) {
          const len = matched.get(tok.term);
          if (len !== undefined) ranges.push([tok.start, tok.end]);
        }
      }
      const merged = merge(ranges);
      if (merged.length) out[field] = merged;
    }
    return out;
  }
}

/**
 * False only when no matched term can be a token of `text`: an ASCII text's tokens are its
 * lower-cased words, so each is a substring of the lower-cased text. Other texts are tokenised.
 */
function mayHold(text: string, matched: ReadonlyMap<string, number>): boolean {
  if (!isAscii(text)) return true;
  const lower = text.toLowerCase();
  for (const term of matched.keys()) if (lower.includes(term)) return true;
  return false;
}

/** Sorted, non-overlapping ranges. */
function merge(ranges: Highlight[]): Highlight[] {
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Highlight[] = [[ranges[0]![0], ranges[0]![1]]];
  for (let k = 1; k < ranges.length; k++) {
    const r = ranges[k]!;
    const top = out[out.length - 1]!;
    if (r[0] <= top[1]) top[1] = Math.max(top[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Reads a prebuilt index, or throws a clear error for anything else. */
export function readIndexJSON(json: unknown): IndexJSON {
  const j = json as Partial<IndexJSON> | null;
  if (
    !j ||
    typeof j !== 'object' ||
    j.v !== 1 ||
    j.format !== 'vitrine-search' ||
    !Array.isArray(j.products)
  ) {
    throw new TypeError(
      'createSearchIndex.fromJSON: not a prebuilt Vitrine search index (expected { v: 1, format: "vitrine-search" })',
    );
  }
  if (!j.fields || !Array.isArray(j.df) || !Array.isArray(j.titleLength)) {
    throw new TypeError('createSearchIndex.fromJSON: the prebuilt index is incomplete');
  }
  return j as IndexJSON;
}
