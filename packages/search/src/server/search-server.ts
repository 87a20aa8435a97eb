import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Product } from '@vitrine/core';
import { createSearchIndex } from '../engine/index.js';
import type { SearchIndex, SearchIndexJSON, SearchIndexOptions } from '../types.js';
import { createSearchHandler, type SearchHandlerOptions } from './search-handler.js';

export interface SearchServerOptions extends SearchHandlerOptions {
  /** The catalog to index… */
  products?: Product[];
  /** …or a prebuilt index (`toJSON()` output, e.g. from `vitrine-search build`)… */
  indexJson?: SearchIndexJSON;
  /** …or an index already built. */
  index?: SearchIndex;
  /** Passed to `createSearchIndex` with `products`. */
  indexOptions?: SearchIndexOptions;
  /** 0 (default): any free port. */
  port?: number;
  /** Default `127.0.0.1`: only this machine; put a proxy or CDN in front to publish it. */
  host?: string;
}

export interface SearchServer {
  /** The search endpoint, e.g. `http://127.0.0.1:4100/search`, for `createRemoteSource`. */
  readonly endpoint: string;
  readonly server: Server;
  readonly index: SearchIndex;
  close(): Promise<void>;
}

/**
 * Indexes a catalog and answers the remote search protocol (PROTOCOL.md) on `host:port`; resolves
 * once listening. For a server of your own, mount {@link createSearchHandler} instead.
 */
export async function createSearchServer(options: SearchServerOptions): Promise<SearchServer> {
  const { products, indexJson, indexOptions, port = 0, host = '127.0.0.1', ...handlerOptions } = options;
  const index =
    options.index ??
    (indexJson
      ? await createSearchIndex.fromJSON(indexJson)
      : products
        ? createSearchIndex(products, indexOptions)
        : undefined);
  if (!index) throw new TypeError('createSearchServer needs products, indexJson or index');
  await index.ready;
  const server = createServer(createSearchHandler(index, handlerOptions));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  const path = (handlerOptions.path ?? '/search').replace(/\/$/, '');
  const hostname = host.includes(':') ? `[${host}]` : host;
  return {
    endpoint: `http://${hostname}:${bound}${path}`,
    server,
    index,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
