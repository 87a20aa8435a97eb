import type { Product } from '@vitrine/core';
import type { SearchIndexJSON, SearchIndexOptions } from '../types.js';
import { LocalSearchIndex, readIndexJSON } from './local-search-index.js';

/** `createSearchIndex` with its loader of prebuilt indexes. */
export interface CreateSearchIndex {
  (products: Product[], options?: SearchIndexOptions): LocalSearchIndex;
  /** Loads what `toJSON()` produced (e.g. by `vitrine-search build`); never needs the pinyin dictionary. */
  fromJSON(json: SearchIndexJSON): LocalSearchIndex;
}

/**
 * Builds the local search engine over products in the core model, synchronously; `ready` settles
 * once the pinyin dictionary is loaded (only for catalogs with Chinese text) and `search` waits
 * for it. Works in Node and in browsers (no Node built-ins).
 *
 * @example
 * const index = createSearchIndex(products, { synonyms: [['tee', 't-shirt']] });
 * const { hits, facets, total, correctedQuery } = await index.search('headphnes', { limit: 10 });
 */
export const createSearchIndex: CreateSearchIndex = Object.assign(
  (products: Product[], options: SearchIndexOptions = {}): LocalSearchIndex =>
    new LocalSearchIndex(
      Array.isArray(products)
        ? products.filter((p) => p && typeof p === 'object' && typeof p.id === 'string')
        : [],
      options ?? {},
    ),
  {
    fromJSON(json: SearchIndexJSON): LocalSearchIndex {
      const data = readIndexJSON(json);
      return new LocalSearchIndex(data.products, data.options ?? {}, data);
    },
  },
);
