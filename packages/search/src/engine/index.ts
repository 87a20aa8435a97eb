/**
 * The local search engine of `@vitrine/search` (`@vitrine/search/engine`).
 *
 * @module
 */
export { createSearchIndex, type CreateSearchIndex } from './create-search-index.js';
export { LocalSearchIndex, DEFAULT_BOOSTS, type PinyinState } from './local-search-index.js';
export { pinyinDictionaryLoaded } from './pinyin.js';
