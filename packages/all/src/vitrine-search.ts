/**
 * The search bundle: `<vt-search>` and `<vt-search-results>`, next to `vitrine.js`. Load it on
 * the pages with a search box or a result list; the shared code (Lit, core) is one chunk the
 * files import, so the browser fetches it once. The engine, FlexSearch, the pinyin dictionary
 * and the search worker are further chunks, fetched on first use only — which is why this file
 * imports the two tag entries and not `@vitrine/search` (its index re-exports the engine).
 */
export { VtSearch } from '@vitrine/search/search';
export { VtSearchResults } from '@vitrine/search/search-results';
