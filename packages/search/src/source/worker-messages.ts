import type { Product } from '@vitrine/core';
import type {
  SearchIndexJSON,
  SearchIndexOptions,
  SearchOptions,
  SearchResponse,
  SuggestResponse,
} from '../types.js';

/**
 * Messages between `createWorkerSource` (main thread) and `search-worker.ts`. Both ends live in
 * this package and ship together, so the format carries no version.
 *
 * @module
 */

/** What the worker indexes: a catalog URL it fetches itself, products, or a prebuilt index. */
export type CatalogInput = { url: string } | { products: readonly Product[] } | { index: SearchIndexJSON };

export type ToWorker =
  | {
      type: 'load';
      input: CatalogInput;
      options?: SearchIndexOptions;
      /** Catalogs of at most this many products are handed back to the main thread, unindexed. */
      handoffAtMost?: number;
    }
  | { type: 'search'; id: number; query: string; options: SearchOptions }
  | { type: 'suggest'; id: number; query: string; limit?: number }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'ready'; size: number }
  | { type: 'handoff'; catalog: { products: Product[] } | { index: SearchIndexJSON } }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; value: SearchResponse | SuggestResponse }
  | { type: 'error'; id: number; message: string };
