import type { Product } from '@vitrine/core';
import type {
  SearchIndexJSON,
  SearchIndexOptions,
  SearchOptions,
  SearchResponse,
  SearchSource,
  SuggestResponse,
} from '../types.js';
import { abortable, abortError } from './abort-error.js';
import type { SizedSearchSource } from './local-source.js';
import { mainThreadSource } from './main-thread-source.js';
import type { CatalogInput, FromWorker, ToWorker } from './worker-messages.js';

/** A catalog URL (fetched and parsed in the worker), products, or a prebuilt index from `toJSON()`. */
export type WorkerSourceInput = string | URL | readonly Product[] | SearchIndexJSON;

export interface WorkerSourceOptions {
  /** Passed to `createSearchIndex`. */
  index?: SearchIndexOptions;
  /**
   * A catalog of at most this many products is handed back to the main thread and indexed there
   * (a worker is not worth its round trips for it). Default -1: always keep the worker. `getSource`
   * sets it to its worker threshold for catalog URLs, whose size is known only once fetched.
   */
  handoffAtMost?: number;
}

/** Where a worker source's queries run: `pending` until the catalog is loaded. */
export type WorkerSourceMode = 'pending' | 'worker' | 'local';

export interface WorkerSearchSource extends SizedSearchSource {
  /** `local` after a hand-off of a small catalog, or when module workers are unavailable. */
  readonly mode: WorkerSourceMode;
  /** Stops the worker; pending and later calls reject. */
  terminate(): void;
}

type Request =
  | { type: 'search'; query: string; options: SearchOptions; signal: AbortSignal | undefined }
  | { type: 'suggest'; query: string; limit: number | undefined; signal: AbortSignal | undefined };

type Call = Request & { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** Products per message when a products array is streamed to the worker. */
const SLICE = 2000;

/**
 * Prefix of the worker's `name`; what follows is the name of the BroadcastChannel its answers
 * also come on (read by search-worker.ts).
 */
const WORKER_NAME = 'vitrine-search';

/**
 * A name no other source of this origin uses: answers on it reach this source's page only
 * (BroadcastChannel is per origin; other tabs have no channel of that name).
 */
const channelName = () => `${WORKER_NAME}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * The channel answers also arrive on. Chromium defers a page's posted-message tasks after a
 * key press until a frame has been painted (its post-input task deferral), so an answer posted by
 * the worker waited for the frame after the keyup and painted one frame late (~16 ms at p50,
 * `npm run bench search`); BroadcastChannel messages are not deferred. The worker posts each
 * answer on both; the first to arrive is used, so a browser without the channel (or an opaque
 * origin where it stays silent) still gets every answer.
 */
function openReplies(name: string): BroadcastChannel | null {
  if (typeof BroadcastChannel !== 'function') return null;
  try {
    return new BroadcastChannel(name);
  } catch {
    return null;
  }
}

function toCatalogInput(input: WorkerSourceInput): Exclude<CatalogInput, { streamed: number }> {
  if (typeof input === 'string' || input instanceof URL)
    // Resolved here: inside the worker a relative URL would resolve against the worker script.
    return { url: new URL(input, document.baseURI).href };
  if (Array.isArray(input)) return { products: input as readonly Product[] };
  return { index: input as SearchIndexJSON };
}

class WorkerSource implements WorkerSearchSource {
  readonly ready: Promise<number>;
  private _mode: WorkerSourceMode = 'pending';
  private _worker: Worker | null = null;
  private _replies: BroadcastChannel | null = null;
  private _local: Promise<SizedSearchSource> | null = null;
  private _failure: Error | null = null;
  private readonly _calls = new Map<number, Call>();
  private _nextId = 1;
  private _settle!: { resolve: (size: number) => void; reject: (error: Error) => void };
  private readonly _indexOptions: SearchIndexOptions | undefined;

  constructor(input: WorkerSourceInput, options: WorkerSourceOptions) {
    this._indexOptions = options.index;
    this.ready = new Promise((resolve, reject) => {
      this._settle = { resolve, reject };
    });
    // Nobody may be waiting on `ready`; calls report the failure themselves.
    this.ready.catch(() => {});
    const catalog = toCatalogInput(input);
    if (typeof Worker === 'undefined') {
      this._goLocal(mainThreadSource(catalog, options.index));
      return;
    }
    let worker: Worker;
    const name = channelName();
    try {
      // Kept in the literal `new Worker(new URL(<relative .js path>, import.meta.url))` form: it is
      // what bundlers (Rollup with our plugin, Vite, webpack) recognise and emit the worker chunk for.
      worker = new Worker(new URL('./search-worker.js', import.meta.url), {
        type: 'module',
        name: `${WORKER_NAME} ${name}`,
      });
    } catch {
      // A Content-Security-Policy without `worker-src` for our origin: search on this thread.
      this._goLocal(mainThreadSource(catalog, options.index));
      return;
    }
    this._worker = worker;
    this._replies = openReplies(name);
    this._replies?.addEventListener('message', (event: MessageEvent<FromWorker>) =>
      this._onMessage(event.data),
    );
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this._onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this._fail(new Error(`the search worker failed: ${event.message || 'its script did not load'}`));
    });
    // Products are cloned to the worker a slice per task: cloning 100,000 at once blocked the
    // page for ~400 ms (npm run bench search); a slice of 2,000 takes a few ms.
    const products = 'products' in catalog ? catalog.products : null;
    const load: ToWorker = {
      type: 'load',
      input: products && products.length > SLICE ? { streamed: products.length } : catalog,
    };
    if (options.index) load.options = options.index;
    if (options.handoffAtMost !== undefined) load.handoffAtMost = options.handoffAtMost;
    worker.postMessage(load);
    if (products && products.length > SLICE) void this._stream(worker, products);
  }

  private async _stream(worker: Worker, products: readonly Product[]): Promise<void> {
    for (let at = 0; at < products.length; at += SLICE) {
      if (this._worker !== worker) return;
      worker.postMessage({ type: 'products', products: products.slice(at, at + SLICE) } satisfies ToWorker);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  get mode(): WorkerSourceMode {
    return this._mode;
  }

  search(query: string, { signal, ...options }: SearchOptions & { signal?: AbortSignal } = {}) {
    return this._call<SearchResponse>({ type: 'search', query, options, signal });
  }

  suggest(query: string, { signal, limit }: { limit?: number; signal?: AbortSignal } = {}) {
    return this._call<SuggestResponse>({ type: 'suggest', query, limit, signal });
  }

  terminate(): void {
    this._fail(new Error('the search source was terminated'));
  }

  private _call<T>(call: Request): Promise<T> {
    if (call.signal?.aborted) return Promise.reject(abortError());
    if (this._failure) return Promise.reject(this._failure);
    if (this._local)
      return abortable(
        this._local.then((local) => this._run(local, call)),
        call.signal,
      ) as Promise<T>;
    return new Promise<T>((resolve, reject) => {
      const id = this._nextId++;
      this._calls.set(id, { ...call, resolve: resolve as (value: unknown) => void, reject });
      call.signal?.addEventListener(
        'abort',
        () => {
          if (!this._calls.delete(id)) return;
          reject(abortError());
          this._worker?.postMessage({ type: 'cancel', id } satisfies ToWorker);
        },
        { once: true },
      );
      const message: ToWorker =
        call.type === 'search'
          ? { type: 'search', id, query: call.query, options: call.options }
          : {
              type: 'suggest',
              id,
              query: call.query,
              ...(call.limit !== undefined && { limit: call.limit }),
            };
      this._worker!.postMessage(message);
    });
  }

  private _run(local: SearchSource, call: Request): Promise<unknown> {
    return call.type === 'search'
      ? local.search(call.query, { ...call.options, ...(call.signal && { signal: call.signal }) })
      : local.suggest(call.query, {
          ...(call.limit !== undefined && { limit: call.limit }),
          ...(call.signal && { signal: call.signal }),
        });
  }

  private _onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this._mode = 'worker';
        this._settle.resolve(message.size);
        return;
      case 'handoff':
        this._stopWorker();
        this._goLocal(mainThreadSource(message.catalog, this._indexOptions));
        return;
      case 'failed':
        this._fail(new Error(message.message));
        return;
      case 'result':
      case 'error': {
        const call = this._calls.get(message.id);
        // Superseded (its caller was already told), or the second copy of an answer.
        if (!call) return;
        this._calls.delete(message.id);
        if (message.type === 'result') call.resolve(message.value);
        else call.reject(new Error(message.message));
      }
    }
  }

  /** Runs every call (waiting and later ones) on this thread. */
  private _goLocal(local: Promise<SizedSearchSource>): void {
    this._local = local;
    local.then(
      (source) => {
        this._mode = 'local';
        void source.ready.then((size) => this._settle.resolve(size));
      },
      (error: Error) => this._fail(error),
    );
    const calls = [...this._calls.values()];
    this._calls.clear();
    for (const call of calls)
      abortable(
        local.then((source) => this._run(source, call)),
        call.signal,
      ).then(call.resolve, call.reject);
  }

  private _stopWorker(): void {
    this._worker?.terminate();
    this._worker = null;
    this._replies?.close();
    this._replies = null;
  }

  private _fail(error: Error): void {
    this._failure ??= error;
    this._stopWorker();
    this._settle.reject(this._failure);
    const calls = [...this._calls.values()];
    this._calls.clear();
    for (const call of calls) call.reject(this._failure);
  }
}

/**
 * A search source whose index lives in a module Web Worker: fetching, parsing and indexing a
 * large catalog, and every query, run off the main thread, so typing never waits for them. A
 * call aborted through its `signal` rejects at once with an `AbortError` and the worker skips it
 * if it has not started it yet.
 */
export function createWorkerSource(
  input: WorkerSourceInput,
  options: WorkerSourceOptions = {},
): WorkerSearchSource {
  return new WorkerSource(input, options);
}
