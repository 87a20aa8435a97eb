/**
 * `@vitrine/search/server`: the Node side of the remote search protocol (PROTOCOL.md), answering
 * with the same engine as the browser.
 *
 * @module
 */
export { createSearchHandler, type SearchHandlerOptions } from './search-handler.js';
export { createSearchServer, type SearchServer, type SearchServerOptions } from './search-server.js';
export { trimProduct } from './trim-product.js';
export {
  PROTOCOL_LIMITS,
  PROTOCOL_VERSION,
  type WireError,
  type WireSearchResponse,
  type WireSuggestResponse,
} from '../source/protocol.js';
