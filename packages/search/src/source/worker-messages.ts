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

/**
 * What the worker indexes: a catalog URL it fetches itself, products, a prebuilt index, or
 * `streamed` products that follow in `products` messages (a large array is cloned to the worker
 * in slices, each in its own task, so no single clone blocks the page).
 */
export type CatalogInput =
  { url: string } | { products: readonly Product[] } | { index: SearchIndexJSON } | { streamed: number };

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
  | { type: 'cancel'; id: number }
  | { type: 'products'; products: readonly Product[] };

export type FromWorker =
  | { type: 'ready'; size: number }
  | { type: 'handoff'; catalog: { products: Product[] } | { index: SearchIndexJSON } }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; value: SearchResponse | SuggestResponse }
  | { type: 'error'; id: number; message: string };
