import type { SearchOptions, SearchResponse, SearchSource, SuggestResponse } from '../types.js';
import { abortError } from './abort-error.js';
import { LruCache } from './lru-cache.js';
import {
  PROTOCOL_VERSION,
  SUGGEST_PATH,
  encodeSearch,
  encodeSuggest,
  type WireSearchResponse,
  type WireSuggestResponse,
} from './protocol.js';
import { RemoteSearchError } from './remote-search-error.js';

export interface RemoteSourceOptions {
  /**
   * Milliseconds a suggestion request waits for the next keystroke before it is sent; default 120.
   * Searches (a submitted query, a facet or page change) are sent at once.
   */
  debounce?: number;
  /** Answers kept, least recently used dropped first; default 100. 0 turns the cache off. */
  cacheSize?: number;
  /** Milliseconds an answer stays usable; default 5 minutes. */
  cacheTtl?: number;
  /** Extra request headers (an API key). Non-simple headers make browsers send a CORS preflight. */
  headers?: Record<string, string>;
}

/** A request many calls may wait for; aborted when the last of them leaves. */
interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

const DEFAULTS = { debounce: 120, cacheSize: 100, cacheTtl: 5 * 60_000 } as const;

const errorMessage = (body: unknown): string | undefined => {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' ? error.message : undefined;
};

class RemoteSource implements SearchSource {
  private readonly _endpoint: URL;
  private readonly _debounce: number;
  private readonly _headers: Record<string, string>;
  private readonly _cache: LruCache<unknown>;
  private readonly _flights = new Map<string, Flight>();
  /** Cancels the latest suggestion call: a newer one supersedes it. */
  private _supersede: (() => void) | null = null;

  constructor(endpoint: string, options: RemoteSourceOptions) {
    this._endpoint = new URL(endpoint, globalThis.document?.baseURI ?? globalThis.location?.href);
    this._debounce = options.debounce ?? DEFAULTS.debounce;
    this._headers = { accept: 'application/json', ...options.headers };
    this._cache = new LruCache(
      options.cacheSize ?? DEFAULTS.cacheSize,
      options.cacheTtl ?? DEFAULTS.cacheTtl,
    );
  }

  async search(query: string, { signal, ...options }: SearchOptions & { signal?: AbortSignal } = {}) {
    const url = this._url('', encodeSearch(query, options));
    const { v: _v, ...response } = await this._get<WireSearchResponse>(url, signal, 0);
    return response as SearchResponse;
  }

  async suggest(query: string, { signal, limit }: { limit?: number; signal?: AbortSignal } = {}) {
    this._supersede?.();
    const url = this._url(SUGGEST_PATH, encodeSuggest(query, limit === undefined ? {} : { limit }));
    const { v: _v, ...response } = await this._get<WireSuggestResponse>(url, signal, this._debounce, true);
    return response as SuggestResponse;
  }

  private _url(path: string, params: URLSearchParams): string {
    const url = new URL(this._endpoint);
    if (path) url.pathname = url.pathname.replace(/\/$/, '') + path;
    // The endpoint's own parameters (a shop id) stay first.
    for (const [name, value] of params) url.searchParams.append(name, value);
    return url.href;
  }

  private _get<T>(
    url: string,
    signal: AbortSignal | undefined,
    delay: number,
    supersedable = false,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    const cached = this._cache.get(url);
    if (cached !== undefined) return Promise.resolve(cached as T);
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let flight: Flight | undefined;
      let done = false;
      const finish = () => {
        done = true;
        signal?.removeEventListener('abort', cancel);
        if (this._supersede === cancel) this._supersede = null;
      };
      const cancel = () => {
        if (done) return;
        finish();
        clearTimeout(timer);
        if (flight && --flight.waiters === 0) {
          flight.controller.abort();
          if (this._flights.get(url) === flight) this._flights.delete(url);
        }
        reject(abortError());
      };
      const send = () => {
        if (done) return;
        flight = this._flight(url);
        flight.waiters++;
        flight.promise.then(
          (body) => {
            if (done) return;
            finish();
            resolve(body as T);
          },
          (error: unknown) => {
            if (done) return;
            finish();
            reject(error);
          },
        );
      };
      signal?.addEventListener('abort', cancel, { once: true });
      if (supersedable) this._supersede = cancel;
      // A request already on its way for the same URL is joined at once; waiting would not save one.
      if (delay > 0 && !this._flights.has(url)) timer = setTimeout(send, delay);
      else send();
    });
  }

  /** The request in flight for `url`, or a new one. */
  private _flight(url: string): Flight {
    const existing = this._flights.get(url);
    if (existing) return existing;
    const controller = new AbortController();
    const flight: Flight = { controller, waiters: 0, promise: this._fetch(url, controller.signal) };
    this._flights.set(url, flight);
    flight.promise.then(
      (body) => this._cache.set(url, body),
      () => {},
    );
    void flight.promise
      .finally(() => {
        if (this._flights.get(url) === flight) this._flights.delete(url);
      })
      .catch(() => {});
    return flight;
  }

  private async _fetch(url: string, signal: AbortSignal): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(url, { signal, headers: this._headers });
    } catch (error) {
      if (signal.aborted) throw abortError();
      throw new RemoteSearchError(
        `the search server could not be reached (${url}): ${(error as Error).message}`,
        0,
        url,
      );
    }
    const text = await res.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const reason = errorMessage(body) ?? (text.trim().slice(0, 200) || res.statusText || 'no reason given');
      throw new RemoteSearchError(
        `the search server answered HTTP ${res.status}: ${reason}`,
        res.status,
        url,
      );
    }
    if (typeof body !== 'object' || body === null)
      throw new RemoteSearchError(`the search server did not answer JSON (${url})`, 0, url);
    const version = (body as { v?: unknown }).v;
    if (version !== PROTOCOL_VERSION)
      throw new RemoteSearchError(
        `the search server speaks protocol version ${String(version)}; this client speaks ${PROTOCOL_VERSION}`,
        0,
        url,
      );
    return body;
  }
}

/**
 * A search source for a server speaking the remote protocol (PROTOCOL.md), e.g. the one of
 * `@vitrine/search/server`. Suggestions are debounced and a newer suggestion call supersedes an
 * older one (it rejects with an `AbortError`, its request is aborted); every call also honours
 * its own `signal`. Answers are cached per URL (query and options), bounded and least recently
 * used first out. Failures reject with a {@link RemoteSearchError}, never silently.
 */
export function createRemoteSource(endpoint: string, options: RemoteSourceOptions = {}): SearchSource {
  return new RemoteSource(endpoint, options);
}
