import { AVAILABILITY, type Availability } from '@vitrine/core';
import { OPTION_PREFIX, PROTOCOL_LIMITS } from '../source/protocol.js';
import { SORTS, type SearchFilters, type SearchOptions, type SortKey } from '../types.js';

/** A request read from its query string, or the reason it is refused (answered with 400). */
export type ParsedRequest<T> = { ok: true; value: T } | { ok: false; param: string; message: string };

class Refusal extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads query parameters one by one, refusing unknown, repeated or malformed ones. */
class Reader {
  private readonly _seen = new Set<string>();

  constructor(private readonly _params: URLSearchParams) {
    let count = 0;
    for (const [name] of _params) {
      if (++count > PROTOCOL_LIMITS.params)
        throw new Refusal(name, `more than ${PROTOCOL_LIMITS.params} parameters`);
    }
  }

  /** Every value of a parameter that may repeat (values of a filter). */
  all(name: string): string[] {
    this._seen.add(name);
    const values = this._params.getAll(name);
    if (values.length > PROTOCOL_LIMITS.values)
      throw new Refusal(name, `${name} has more than ${PROTOCOL_LIMITS.values} values`);
    for (const value of values)
      if (value.length > PROTOCOL_LIMITS.value)
        throw new Refusal(name, `a value of ${name} is longer than ${PROTOCOL_LIMITS.value} characters`);
    return values;
  }

  /** The value of a parameter given at most once. */
  one(name: string): string | undefined {
    this._seen.add(name);
    const values = this._params.getAll(name);
    if (values.length > 1) throw new Refusal(name, `${name} is given ${values.length} times`);
    return values[0];
  }

  /** An integer in `[min, max]`, or `fallback` when absent. */
  int(name: string, min: number, max: number, fallback: number): number {
    const raw = this.one(name);
    if (raw === undefined) return fallback;
    if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max)
      throw new Refusal(
        name,
        `${name} must be a whole number from ${min} to ${max}, not "${raw.slice(0, 20)}"`,
      );
    return Number(raw);
  }

  query(): string {
    const q = this.one('q') ?? '';
    if (q.length > PROTOCOL_LIMITS.query)
      throw new Refusal('q', `q is longer than ${PROTOCOL_LIMITS.query} characters`);
    return q;
  }

  /** Refuses parameters nobody read: a misspelt filter must not silently match everything. */
  done(): void {
    for (const [name] of this._params)
      if (!this._seen.has(name)) throw new Refusal(name, `unknown parameter "${name.slice(0, 40)}"`);
  }

  filters(): SearchFilters | undefined {
    const filters: SearchFilters = {};
    const category = this.all('category');
    if (category.length) filters.category = category;
    const brand = this.all('brand');
    if (brand.length) filters.brand = brand;
    const availability = this.all('availability');
    for (const value of availability)
      if (!(AVAILABILITY as readonly string[]).includes(value))
        throw new Refusal('availability', `availability must be one of ${AVAILABILITY.join(', ')}`);
    if (availability.length) filters.availability = availability as Availability[];
    const price = this.one('price');
    if (price !== undefined) {
      const m = /^(\d{0,15})-(\d{0,15})$/.exec(price);
      const [min, max] = [m?.[1] ? Number(m[1]) : undefined, m?.[2] ? Number(m[2]) : undefined];
      if (
        !m ||
        (min === undefined && max === undefined) ||
        (min !== undefined && max !== undefined && min > max)
      )
        throw new Refusal(
          'price',
          'price must be "min-max" in minor units (either end may be left out), min ≤ max',
        );
      filters.price = {};
      if (min !== undefined) filters.price.min = min;
      if (max !== undefined) filters.price.max = max;
    }
    const names = [...new Set([...this._params.keys()].filter((name) => name.startsWith(OPTION_PREFIX)))];
    for (const param of names) {
      const name = param.slice(OPTION_PREFIX.length);
      if (!name || name.length > PROTOCOL_LIMITS.value)
        throw new Refusal(param, `option names must be 1 to ${PROTOCOL_LIMITS.value} characters`);
      (filters.options ??= {})[name] = this.all(param);
    }
    return Object.keys(filters).length ? filters : undefined;
  }
}

function read<T>(params: URLSearchParams, parse: (reader: Reader) => T): ParsedRequest<T> {
  try {
    const reader = new Reader(params);
    const value = parse(reader);
    reader.done();
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, param: error.param, message: error.message };
    throw error;
  }
}

/** A search request: `q`, `sort`, `page` or `offset`, `limit` and filters (PROTOCOL.md). */
export function parseSearchRequest(
  params: URLSearchParams,
): ParsedRequest<{ query: string; options: SearchOptions & { limit: number; offset: number } }> {
  return read(params, (reader) => {
    const query = reader.query();
    const sort = reader.one('sort') ?? 'relevance';
    if (!(SORTS as readonly string[]).includes(sort))
      throw new Refusal('sort', `sort must be one of ${SORTS.join(', ')}`);
    const limit = reader.int('limit', 1, PROTOCOL_LIMITS.limit, PROTOCOL_LIMITS.defaultLimit);
    const hasPage = params.has('page');
    if (hasPage && params.has('offset')) throw new Refusal('offset', 'give page or offset, not both');
    const offset = hasPage
      ? (reader.int('page', 1, PROTOCOL_LIMITS.depth, 1) - 1) * limit
      : reader.int('offset', 0, PROTOCOL_LIMITS.depth, 0);
    if (offset + limit > PROTOCOL_LIMITS.depth)
      throw new Refusal(
        hasPage ? 'page' : 'offset',
        `results beyond the first ${PROTOCOL_LIMITS.depth} are not served`,
      );
    const options: SearchOptions & { limit: number; offset: number } = {
      limit,
      offset,
      sort: sort as SortKey,
    };
    const correct = reader.one('correct');
    if (correct !== undefined && correct !== 'true' && correct !== 'false')
      throw new Refusal('correct', 'correct must be true or false');
    if (correct === 'false') options.correct = false;
    const filters = reader.filters();
    if (filters) options.filters = filters;
    return { query, options };
  });
}

/** A suggestions request: `q` and `limit` (PROTOCOL.md). */
export function parseSuggestRequest(
  params: URLSearchParams,
): ParsedRequest<{ query: string; limit: number }> {
  return read(params, (reader) => ({
    query: reader.query(),
    limit: reader.int('limit', 1, PROTOCOL_LIMITS.suggestLimit, PROTOCOL_LIMITS.defaultSuggestLimit),
  }));
}
