import type { Product } from '@vitrine/core';
import type { SearchIndexJSON } from '../types.js';

/** A fetched catalog: products to index, or a prebuilt index (`toJSON()` output) to load. */
export type Catalog = { products: Product[] } | { index: SearchIndexJSON };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Fetches and parses a catalog: a JSON array of products, `{ products: [...] }`, or a prebuilt
 * index (`{ v: 1, ... }` from `toJSON()`). Rejects with one sentence that starts with the URL.
 * Runs in the search worker, so large catalogs are parsed off the main thread.
 */
export async function readCatalog(url: string): Promise<Catalog> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new Error(`${url} could not be fetched: ${(error as Error).message}`);
  }
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new Error(`${url} did not return valid JSON`);
  }
  if (Array.isArray(body)) return { products: body as Product[] };
  if (isObject(body) && Array.isArray(body.products)) return { products: body.products as Product[] };
  if (isObject(body) && typeof body.v === 'number') return { index: body as SearchIndexJSON };
  throw new Error(`${url} is neither a product array, { "products": [...] } nor a prebuilt search index`);
}
