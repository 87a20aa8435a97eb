import type { Availability, Product } from '@vitrine/core';

/**
 * The search contracts shared by the engine, the sources the elements read from (local, worker,
 * remote) and the remote protocol. Keep them stable: external checks and shops' servers rely on
 * them (issue #4, "Engine API").
 *
 * @module
 */

/** Sort orders; `relevance` is the default. */
export const SORTS = ['relevance', 'price-asc', 'price-desc', 'newest', 'rating'] as const;
export type SortKey = (typeof SORTS)[number];

/** Separator of category path levels in facet values and filters: `Audio > Headphones`. */
export const CATEGORY_SEPARATOR = ' > ';

/** Narrowing of a search; every given field must hold (AND), values within a field are OR. */
export interface SearchFilters {
  /** Category paths joined with {@link CATEGORY_SEPARATOR}; a product matches when its path starts with one. */
  category?: string[];
  /** Brands, exact. */
  brand?: string[];
  /** Price range in integer minor units, both ends inclusive. */
  price?: { min?: number; max?: number };
  /** Stock states to keep, e.g. `['in_stock']`. */
  availability?: Availability[];
  /** Option name → accepted values (e.g. `{ Color: ['Red'] }`); a product matches when one of its variants does. */
  options?: Record<string, string[]>;
}

export interface SearchOptions {
  /** Hits to return, default 20. */
  limit?: number;
  /** Hits to skip (paging), default 0. */
  offset?: number;
  filters?: SearchFilters;
  sort?: SortKey;
  /**
   * `false` searches the query exactly as typed, without typo correction (the "Search instead for
   * …" link of the results page). Default `true`.
   */
  correct?: boolean;
}

/** `[start, end)` UTF-16 offsets into a field's text. */
export type Highlight = [start: number, end: number];

/** Fields that can be highlighted. */
export type HighlightField = 'title' | 'brand' | 'category' | 'description';

export interface SearchHit {
  /** Product id. */
  id: string;
  /** Relevance score, higher is better; comparable within one result only. */
  score: number;
  /** Matched ranges per field, in order, not overlapping. */
  highlights: Partial<Record<HighlightField, Highlight[]>>;
}

/** One facet value and how many matching products have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/**
 * Facet counts over every match (not only the returned page). Each facet's counts apply every
 * filter except its own, so choosing one brand still shows how many the other brands have.
 */
export interface SearchFacets {
  /** Every level of the category tree that has matches, as joined paths (`A`, `A > B`), by count. */
  category: FacetCount[];
  brand: FacetCount[];
  availability: FacetCount[];
  /** Lowest and highest price among the matches (minor units), or null when nothing matches. */
  price: { min: number; max: number; currency: string } | null;
  /** Option name → its values' counts. */
  options: Record<string, FacetCount[]>;
}

export interface SearchResult {
  hits: SearchHit[];
  facets: SearchFacets;
  /** Matching products in all (for paging). */
  total: number;
  /** The query the hits are for when the typed one matched nothing and was corrected. */
  correctedQuery?: string;
  /**
   * How the hits were found when the query (even corrected) matched nothing with every word:
   * `relaxed` — products matching most of the words; `popular` — the most popular products.
   */
  fallback?: 'relaxed' | 'popular';
}

/** Suggestions while typing. */
export interface Suggestions {
  /** Completed queries from the catalog's vocabulary, best first. */
  queries: string[];
  /** Matching categories (joined paths) with their product counts. */
  categories: FacetCount[];
  /** Matching brands with their product counts. */
  brands: FacetCount[];
}

export interface SearchIndexOptions {
  /**
   * Groups of words that mean the same, e.g. `[['tee', 't-shirt'], ['手机', 'phone']]`: a query word
   * in a group also finds products with the others.
   */
  synonyms?: string[][];
  /** Field weights; defaults title 4 > brand 3 > category 2 > description 1. */
  boosts?: Partial<Record<HighlightField, number>>;
  /** Product id → popularity (sales, views); breaks ties and orders popular fallbacks. Defaults to the rating. */
  popularity?: Record<string, number>;
  /** `false` to never load the pinyin dictionary; by default it loads when the catalog has Chinese text. */
  pinyin?: boolean;
}

/** The local engine: `createSearchIndex(products, options)`. */
export interface SearchIndex {
  /** Number of products indexed. */
  readonly size: number;
  /** Settles when optional parts (the pinyin dictionary) are loaded; `search` waits for it itself. */
  readonly ready: Promise<void>;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  suggest(query: string, options?: { limit?: number }): Promise<Suggestions>;
  /** The indexed product with this id. */
  product(id: string): Product | undefined;
  /** A plain-JSON form for `createSearchIndex.fromJSON` (holds the products too). */
  toJSON(): SearchIndexJSON;
}

/** The prebuilt index format; `v` changes when the format does. */
export interface SearchIndexJSON {
  v: 1;
  [key: string]: unknown;
}

/** A hit with its product, as sources hand them to elements (and the remote protocol sends them). */
export interface SourceHit extends SearchHit {
  product: Product;
}

export interface SearchResponse extends Omit<SearchResult, 'hits'> {
  /** The query as asked. */
  query: string;
  hits: SourceHit[];
}

export interface SuggestResponse extends Suggestions {
  query: string;
  /** The best few products. */
  hits: SourceHit[];
  /** All matching products (for "see all N results"). */
  total: number;
  correctedQuery?: string;
  /**
   * Set when the query (even corrected) matched nothing with every word: how `hits` were found
   * instead, as in {@link SearchResult.fallback}. With `popular`, nothing matched at all.
   */
  fallback?: 'relaxed' | 'popular';
}

/**
 * Where the elements get answers from: the local engine on the main thread, the same engine in a
 * worker, or a remote server speaking the JSON protocol. A superseded call is aborted via `signal`
 * and rejects with an `AbortError`.
 */
export interface SearchSource {
  search(query: string, options?: SearchOptions & { signal?: AbortSignal }): Promise<SearchResponse>;
  suggest(query: string, options?: { limit?: number; signal?: AbortSignal }): Promise<SuggestResponse>;
}
