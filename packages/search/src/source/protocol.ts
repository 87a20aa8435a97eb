import type { SearchFilters, SearchOptions, SearchResponse, SuggestResponse } from '../types.js';

/**
 * The remote search protocol (PROTOCOL.md): the request encoding shared by the client
 * (`createRemoteSource`) and the Node server, so both agree on every parameter.
 *
 * @module
 */

/** Bumped only when a change would break an existing client or server. */
export const PROTOCOL_VERSION = 1;

/** Bounds the server enforces (400 beyond them) and the client never exceeds. */
export const PROTOCOL_LIMITS = {
  /** UTF-16 code units of `q`. */
  query: 200,
  /** Default and largest `limit` of a search. */
  defaultLimit: 20,
  limit: 100,
  /** Default and largest `limit` of suggestions. */
  defaultSuggestLimit: 5,
  suggestLimit: 20,
  /** `offset + limit` at most: deep pages cost the server and no shopper reads them. */
  depth: 10_000,
  /** Values of one filter parameter, and characters of one value or option name. */
  values: 50,
  value: 200,
  /** Query parameters in all. */
  params: 200,
} as const;

/** The path below the endpoint that answers suggestions. */
export const SUGGEST_PATH = '/suggest';

/** Prefix of option filter parameters: `option.Color=Red`. */
export const OPTION_PREFIX = 'option.';

/** A search answer on the wire. */
export interface WireSearchResponse extends SearchResponse {
  v: typeof PROTOCOL_VERSION;
}

/** A suggestions answer on the wire. */
export interface WireSuggestResponse extends SuggestResponse {
  v: typeof PROTOCOL_VERSION;
}

/** An error answer on the wire (4xx, 5xx). */
export interface WireError {
  v: typeof PROTOCOL_VERSION;
  error: { message: string; param?: string };
}

const sorted = (values: readonly string[]): string[] => [...new Set(values)].sort();

/** Appends the filter parameters in a fixed order, values sorted: equal filters give equal URLs (cache hits). */
function appendFilters(params: URLSearchParams, filters: SearchFilters): void {
  for (const value of sorted(filters.category ?? [])) params.append('category', value);
  for (const value of sorted(filters.brand ?? [])) params.append('brand', value);
  for (const value of sorted(filters.availability ?? [])) params.append('availability', value);
  const { min, max } = filters.price ?? {};
  if (min !== undefined || max !== undefined) params.set('price', `${min ?? ''}-${max ?? ''}`);
  for (const name of Object.keys(filters.options ?? {}).sort())
    for (const value of sorted(filters.options![name]!)) params.append(`${OPTION_PREFIX}${name}`, value);
}

/**
 * The query string of a search, canonical: defaults left out, parameters in a fixed order, so one
 * search is always one URL (for CDNs and the client's cache). Paging is `page` (1-based) when the
 * offset is a whole number of pages, else `offset`.
 */
export function encodeSearch(query: string, options: SearchOptions = {}): URLSearchParams {
  const params = new URLSearchParams({ q: query });
  if (options.sort && options.sort !== 'relevance') params.set('sort', options.sort);
  const limit = options.limit ?? PROTOCOL_LIMITS.defaultLimit;
  const offset = options.offset ?? 0;
  if (offset > 0) {
    if (offset % limit === 0) params.set('page', String(offset / limit + 1));
    else params.set('offset', String(offset));
  }
  if (limit !== PROTOCOL_LIMITS.defaultLimit) params.set('limit', String(limit));
  if (options.correct === false) params.set('correct', 'false');
  if (options.filters) appendFilters(params, options.filters);
  return params;
}

/** The query string of a suggestions request. */
export function encodeSuggest(query: string, options: { limit?: number } = {}): URLSearchParams {
  const params = new URLSearchParams({ q: query });
  if (options.limit !== undefined && options.limit !== PROTOCOL_LIMITS.defaultSuggestLimit)
    params.set('limit', String(options.limit));
  return params;
}
