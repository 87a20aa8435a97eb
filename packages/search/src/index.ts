/**
 * `@vitrine/search`: the search elements, the engine, the sources they read from and the remote
 * protocol's client. Tags are defined by their own entries (`@vitrine/search/search`,
 * `@vitrine/search/search-results`); the engine alone is `@vitrine/search/engine` and the Node
 * server `@vitrine/search/server`.
 *
 * @module
 */
export * from './types.js';
export {
  createSearchIndex,
  LocalSearchIndex,
  DEFAULT_BOOSTS,
  pinyinDictionaryLoaded,
  type CreateSearchIndex,
  type PinyinState,
} from './engine/index.js';
export { createLocalSource, type SizedSearchSource } from './source/local-source.js';
export {
  createWorkerSource,
  type WorkerSearchSource,
  type WorkerSourceInput,
  type WorkerSourceMode,
  type WorkerSourceOptions,
} from './source/worker-source.js';
export { createRemoteSource, type RemoteSourceOptions } from './source/remote-source.js';
export { RemoteSearchError } from './source/remote-search-error.js';
export { getSource, WORKER_THRESHOLD, type GetSourceOptions } from './source/get-source.js';
export {
  PROTOCOL_VERSION,
  PROTOCOL_LIMITS,
  encodeSearch,
  encodeSuggest,
  type WireSearchResponse,
  type WireSuggestResponse,
  type WireError,
} from './source/protocol.js';
export { listFunnel, listItem, searchFunnel, type ListRef } from './list-funnel.js';
export {
  readUrlState,
  writeUrlState,
  stateToUrl,
  toSearchFilters,
  emptyState,
  type SearchState,
} from './url-state.js';
export { recentSearches, type RecentSearches } from './recent-searches.js';
export { VtSearch, SUGGESTIONS_LIST } from './components/search/search.component.js';
export { VtSearchResults, RESULTS_LIST } from './components/search-results/search-results.component.js';
