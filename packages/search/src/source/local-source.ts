import type { SearchIndex, SearchResult, SearchSource, SourceHit } from '../types.js';
import { abortable, abortError } from './abort-error.js';
import { PROTOCOL_LIMITS } from './protocol.js';

/** A search source that also says how many products it holds. */
export interface SizedSearchSource extends SearchSource {
  /** Settles with the number of products once the catalog is indexed; rejects when it cannot be. */
  readonly ready: Promise<number>;
}

function withProducts(index: SearchIndex, result: SearchResult): SourceHit[] {
  const hits: SourceHit[] = [];
  for (const hit of result.hits) {
    const product = index.product(hit.id);
    // The engine only returns ids it indexed; skipping keeps a broken hit from breaking the list.
    if (product) hits.push({ ...hit, product });
  }
  return hits;
}

/**
 * A source over an index on this thread (small catalogs): hits carry their products, and
 * suggestions come with the best few products, the total and the corrected query. Suggestions
 * and their hits both honour `limit` (default 5, as on the remote protocol).
 */
export function createLocalSource(index: SearchIndex): SizedSearchSource {
  return {
    ready: Promise.resolve(index.size),
    search(query, { signal, ...options } = {}) {
      if (signal?.aborted) return Promise.reject(abortError());
      const work = index.search(query, options).then((result) => ({
        query,
        ...result,
        hits: withProducts(index, result),
      }));
      return abortable(work, signal);
    },
    suggest(query, { signal, limit = PROTOCOL_LIMITS.defaultSuggestLimit } = {}) {
      if (signal?.aborted) return Promise.reject(abortError());
      const work = Promise.all([index.suggest(query, { limit }), index.search(query, { limit })]).then(
        ([suggestions, result]) => {
          const response = {
            query,
            ...suggestions,
            hits: withProducts(index, result),
            total: result.total,
            ...(result.fallback && { fallback: result.fallback }),
          };
          return result.correctedQuery === undefined
            ? response
            : { ...response, correctedQuery: result.correctedQuery };
        },
      );
      return abortable(work, signal);
    },
  };
}
