import { AVAILABILITY, type Availability } from '@vitrine/core';
import { SORTS, type SearchFilters, type SortKey } from './types.js';

/**
 * The state of a result list as the shopper sees it, kept in the page URL so back/forward and
 * shared links work (issue #4, point 2). Its shape is `SearchChangeDetail` from `@vitrine/schema`.
 *
 * ## URL format
 *
 * Query-string parameters of the results page; any other parameter (`utm_source`, the shop's own)
 * is kept untouched:
 *
 * | parameter        | meaning                                              | example                         |
 * | ---------------- | ---------------------------------------------------- | ------------------------------- |
 * | `q`              | the query                                            | `q=headphones`                  |
 * | `sort`           | `price-asc`, `price-desc`, `newest` or `rating`; absent = relevance | `sort=price-asc` |
 * | `page`           | 1-based page; absent = 1                             | `page=2`                        |
 * | `category`       | a category path (levels joined by ` > `), repeatable | `category=Audio+%3E+Headphones` |
 * | `brand`          | a brand, repeatable                                  | `brand=Sony&brand=JBL`          |
 * | `availability`   | a stock state, repeatable                            | `availability=in_stock`         |
 * | `price`          | `min-max` in integer minor units, either end optional | `price=1000-5000`, `price=-5000` |
 * | `option:<name>`  | a value of the product option `<name>`, repeatable   | `option%3AColor=Black`          |
 *
 * Reading is tolerant: unknown sorts, bad pages, unknown stock states, malformed prices, empty and
 * overlong values are dropped, so a hand-edited or truncated link still opens a usable page.
 *
 * @module
 */

/** The query state of a result list. */
export interface SearchState {
  /** The query, trimmed. */
  query: string;
  /** Active filters: `category`, `brand`, `availability`, `price` (`['min-max']`) or `option:<name>` → values. */
  filters: Record<string, string[]>;
  sort: SortKey;
  /** 1-based page number. */
  page: number;
}

/** Filter keys that are not product options. */
export const FILTER_KEYS = ['category', 'brand', 'availability', 'price'] as const;

/** Prefix of option filter keys: `option:Color`. */
export const OPTION_PREFIX = 'option:';

/** Longest value kept from a URL; longer ones are garbage or attacks, not shoppers. */
const MAX_VALUE = 200;
/** Most values kept per filter. */
const MAX_VALUES = 50;
/** Highest page accepted. */
const MAX_PAGE = 10_000;

/** The state with nothing chosen. */
export function emptyState(query = ''): SearchState {
  return { query: query.trim(), filters: {}, sort: 'relevance', page: 1 };
}

/** Whether `key` names a filter this format knows. */
function isFilterKey(key: string): boolean {
  return (
    (FILTER_KEYS as readonly string[]).includes(key) ||
    (key.startsWith(OPTION_PREFIX) && key.length > OPTION_PREFIX.length && key.length <= MAX_VALUE)
  );
}

/** Parses `min-max` (minor units, either end optional); null when malformed or empty. */
export function parsePrice(value: string): { min?: number; max?: number } | null {
  const m = /^\s*(\d{0,15})\s*-\s*(\d{0,15})\s*$/.exec(value);
  if (!m) return null;
  const range: { min?: number; max?: number } = {};
  if (m[1]) range.min = Number(m[1]);
  if (m[2]) range.max = Number(m[2]);
  if (range.min === undefined && range.max === undefined) return null;
  // Swapped ends are a typo, not a wish for nothing.
  if (range.min !== undefined && range.max !== undefined && range.min > range.max)
    return { min: range.max, max: range.min };
  return range;
}

/** Formats a price range for the URL and `SearchChangeDetail`: `1000-5000`, `-5000`, `1000-`. */
export function formatPrice(range: { min?: number; max?: number }): string {
  return `${range.min ?? ''}-${range.max ?? ''}`;
}

/** Keeps only values that make sense for `key`, deduplicated, in order. */
function cleanValues(key: string, values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const raw of values) {
    if (typeof raw !== 'string') continue;
    const value = raw.trim();
    if (!value || value.length > MAX_VALUE || out.includes(value)) continue;
    if (key === 'availability' && !(AVAILABILITY as readonly string[]).includes(value)) continue;
    if (key === 'price') {
      const range = parsePrice(value);
      if (range) return [formatPrice(range)];
      continue;
    }
    out.push(value);
    if (out.length >= MAX_VALUES) break;
  }
  return out;
}

/** Cleans a filter record from any source (URL, an integrator's object): unknown keys and bad values dropped. */
export function cleanFilters(filters: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!filters || typeof filters !== 'object') return out;
  for (const [key, values] of Object.entries(filters as Record<string, unknown>)) {
    if (!isFilterKey(key) || !Array.isArray(values)) continue;
    const clean = cleanValues(key, values);
    if (clean.length) out[key] = clean;
  }
  return out;
}

/** Reads the state from a URL's query string; never throws. */
export function readUrlState(
  url: string | URL = globalThis.location?.href ?? 'http://localhost/',
): SearchState {
  let params: URLSearchParams;
  try {
    params = new URL(url, 'http://localhost/').searchParams;
  } catch {
    return emptyState();
  }
  const state = emptyState((params.get('q') ?? '').slice(0, MAX_VALUE));
  const sort = params.get('sort');
  if (sort && (SORTS as readonly string[]).includes(sort)) state.sort = sort as SortKey;
  const page = params.get('page');
  if (page && /^\d{1,6}$/.test(page.trim())) state.page = Math.min(Math.max(1, Number(page)), MAX_PAGE);
  const grouped: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (isFilterKey(key)) (grouped[key] ??= []).push(value);
  }
  state.filters = cleanFilters(grouped);
  return state;
}

/** Whether a parameter is one this format owns (and so is replaced on write). */
function ownsParam(key: string): boolean {
  return key === 'q' || key === 'sort' || key === 'page' || isFilterKey(key);
}

/** The URL for `state` based on `base` (default the current one), keeping parameters this format does not own. */
export function stateToUrl(
  state: SearchState,
  base: string | URL = globalThis.location?.href ?? 'http://localhost/',
): URL {
  const url = new URL(base, 'http://localhost/');
  const kept = [...url.searchParams].filter(([key]) => !ownsParam(key));
  const params = new URLSearchParams(kept);
  if (state.query) params.set('q', state.query);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  for (const [key, values] of Object.entries(cleanFilters(state.filters)))
    for (const value of values) params.append(key, value);
  url.search = params.toString();
  return url;
}

/** Marks our history entries, so popstate handlers can tell them apart. */
export const HISTORY_KEY = 'vtSearch';

/**
 * Writes `state` to the address bar: `push` adds a history entry (a shopper's change), `replace`
 * rewrites the current one (normalising a garbage URL, loading more results). The page does not
 * reload; `popstate` tells when the shopper goes back.
 */
export function writeUrlState(state: SearchState, mode: 'push' | 'replace' = 'push'): void {
  const url = stateToUrl(state);
  const data: Record<string, unknown> = {
    ...(history.state && typeof history.state === 'object' ? (history.state as Record<string, unknown>) : {}),
    [HISTORY_KEY]: state,
  };
  if (mode === 'replace') {
    if (url.href !== location.href || !(history.state as Record<string, unknown> | null)?.[HISTORY_KEY])
      history.replaceState(data, '', url);
  } else if (url.href !== location.href) {
    history.pushState({ [HISTORY_KEY]: state }, '', url);
  }
}

/** The engine's filters for a state's filter record. */
export function toSearchFilters(filters: Record<string, string[]>): SearchFilters {
  const out: SearchFilters = {};
  for (const [key, values] of Object.entries(cleanFilters(filters))) {
    if (key === 'category') out.category = values;
    else if (key === 'brand') out.brand = values;
    else if (key === 'availability') out.availability = values as Availability[];
    else if (key === 'price') {
      const range = parsePrice(values[0] ?? '');
      if (range) out.price = range;
    } else if (key.startsWith(OPTION_PREFIX)) (out.options ??= {})[key.slice(OPTION_PREFIX.length)] = values;
  }
  return out;
}

/** Whether two states ask for the same thing. */
export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToUrl(a, 'http://x/').search === stateToUrl(b, 'http://x/').search;
}
