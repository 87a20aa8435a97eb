import type { Product } from '@vitrine/core';
import type { SearchIndexOptions, SearchSource } from '../types.js';
import { abortable } from './abort-error.js';
import type { SizedSearchSource } from './local-source.js';
import { mainThreadSource } from './main-thread-source.js';
import { createRemoteSource, type RemoteSourceOptions } from './remote-source.js';
import { createWorkerSource } from './worker-source.js';

export interface GetSourceOptions {
  /** URL of a catalog (product array, `{ products }` or a prebuilt index), fetched and parsed in a worker. */
  src?: string;
  /** URL of a server speaking the remote protocol (PROTOCOL.md); wins over `src` and `products`. */
  endpoint?: string;
  products?: readonly Product[];
  /** Catalogs with more products than this are indexed and searched in a worker; default 2000. */
  workerThreshold?: number;
  /** Passed to `createSearchIndex` by the first caller for this catalog. */
  index?: SearchIndexOptions;
  /** Passed to `createRemoteSource` by the first caller for this endpoint. */
  remote?: RemoteSourceOptions;
}

/** Catalogs larger than this go to a worker (issue #4). */
export const WORKER_THRESHOLD = 2000;

const byUrl = new Map<string, SearchSource>();
const byProducts = new WeakMap<readonly Product[], SearchSource>();

const absolute = (url: string): string => new URL(url, document.baseURI).href;

/** A source whose engine is still loading: calls wait for it (or their abort). */
function deferredSource(load: Promise<SizedSearchSource>): SizedSearchSource {
  const ready = load.then((source) => source.ready);
  ready.catch(() => {});
  return {
    ready,
    search: (query, options) =>
      abortable(
        load.then((s) => s.search(query, options)),
        options?.signal,
      ),
    suggest: (query, options) =>
      abortable(
        load.then((s) => s.suggest(query, options)),
        options?.signal,
      ),
  };
}

/**
 * The search source for a catalog or endpoint, shared by every element of the page that asks for
 * the same one (so `<vt-search>` and `<vt-search-results>` share one index, worker or cache).
 * Products up to `workerThreshold` are indexed on the main thread, larger catalogs in a worker;
 * a `src` catalog is fetched and parsed in the worker and handed back to the main thread when it
 * turns out small. Throws a `TypeError` when none of `endpoint`, `src` or `products` is given.
 */
export function getSource(options: GetSourceOptions): SearchSource {
  const { src, endpoint, products, workerThreshold = WORKER_THRESHOLD } = options;
  if (endpoint) {
    const key = `endpoint ${absolute(endpoint)}`;
    let source = byUrl.get(key);
    if (!source) byUrl.set(key, (source = createRemoteSource(endpoint, options.remote)));
    return source;
  }
  if (src) {
    const key = `src ${absolute(src)}`;
    let source = byUrl.get(key);
    if (!source) {
      source = createWorkerSource(src, {
        handoffAtMost: workerThreshold,
        ...(options.index && { index: options.index }),
      });
      byUrl.set(key, source);
    }
    return source;
  }
  if (products) {
    let source = byProducts.get(products);
    if (!source) {
      source =
        products.length > workerThreshold
          ? createWorkerSource(products, options.index ? { index: options.index } : {})
          : deferredSource(mainThreadSource({ products }, options.index));
      byProducts.set(products, source);
    }
    return source;
  }
  throw new TypeError('getSource needs an endpoint, a src URL or products');
}
