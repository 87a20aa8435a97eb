/**
 * The search worker (module worker started by `createWorkerSource`): fetches and parses the
 * catalog, builds the index and answers queries, so none of it blocks typing on the main thread.
 *
 * Queries run one at a time. Before each one the worker yields a macrotask, so the `cancel`
 * messages of superseded queries (sent while the previous one ran) arrive first and the stale
 * queries are skipped instead of computed (measured: that yield costs well under 1 ms, no frame).
 *
 * Answers are posted twice: as a message, and on the BroadcastChannel named in the worker's
 * `name` (see worker-source.ts: Chromium defers posted messages after a key press until a frame
 * is painted; channel messages arrive at once). The page uses whichever comes first.
 *
 * @module
 */
import { createSearchIndex } from '../engine/index.js';
import type { Product } from '@vitrine/core';
import type { SearchIndex, SearchSource } from '../types.js';
import { createLocalSource } from './local-source.js';
import { readCatalog, type Catalog } from './read-catalog.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** The part of `DedicatedWorkerGlobalScope` used here (the project's `lib` is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
  close(): void;
}

type Query = Extract<ToWorker, { type: 'search' | 'suggest' }>;

const scope = self as unknown as WorkerScope;
const queue: Query[] = [];
const cancelled = new Set<number>();
let source: Promise<SearchSource> | null = null;
let draining = false;
/** The query being computed: a cancel for it is remembered until it ends. */
let running = -1;

const post = (message: FromWorker): void => scope.postMessage(message);

/** The channel named after `vitrine-search ` in this worker's name, when there is one. */
function openReplies(): BroadcastChannel | null {
  const name = /^vitrine-search (\S+)$/.exec((self as { name?: string }).name ?? '')?.[1];
  if (!name || typeof BroadcastChannel !== 'function') return null;
  try {
    return new BroadcastChannel(name);
  } catch {
    return null;
  }
}
const replies = openReplies();

/** Posts an answer to a query on both ways to the page. */
function answer(message: Extract<FromWorker, { type: 'result' | 'error' }>): void {
  replies?.postMessage(message);
  post(message);
}
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function load(message: Extract<ToWorker, { type: 'load' }>): Promise<SearchSource> {
  const { input, options, handoffAtMost = -1 } = message;
  const catalog: Catalog =
    'url' in input
      ? await readCatalog(input.url)
      : 'products' in input
        ? { products: [...input.products] }
        : 'streamed' in input
          ? { products: await streamed(input.streamed) }
          : { index: input.index };
  let index: SearchIndex;
  if ('products' in catalog) {
    if (catalog.products.length <= handoffAtMost) {
      post({ type: 'handoff', catalog });
      scope.close();
      return new Promise<never>(() => {});
    }
    index = createSearchIndex(catalog.products, options);
  } else {
    index = await createSearchIndex.fromJSON(catalog.index);
    if (index.size <= handoffAtMost) {
      post({ type: 'handoff', catalog });
      scope.close();
      return new Promise<never>(() => {});
    }
  }
  await index.ready;
  post({ type: 'ready', size: index.size });
  return createLocalSource(index);
}

/** Products arriving in `products` messages, and who waits for how many. */
const arrived: Product[] = [];
let expecting: { count: number; done: (products: Product[]) => void } | null = null;

function streamed(count: number): Promise<Product[]> {
  return new Promise((done) => {
    expecting = { count, done };
    take([]);
  });
}

function take(products: readonly Product[]): void {
  arrived.push(...products);
  if (expecting && arrived.length >= expecting.count) {
    expecting.done(arrived.splice(0));
    expecting = null;
  }
}

function yieldTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    while (queue.length) {
      await yieldTask();
      const query = queue.shift();
      if (!query) continue;
      running = query.id;
      try {
        const ready = await source!;
        // Cancelled while the index was still being built.
        if (cancelled.has(query.id)) continue;
        const value =
          query.type === 'search'
            ? await ready.search(query.query, query.options)
            : await ready.suggest(query.query, query.limit === undefined ? {} : { limit: query.limit });
        if (!cancelled.has(query.id)) answer({ type: 'result', id: query.id, value });
      } catch (error) {
        if (!cancelled.has(query.id)) answer({ type: 'error', id: query.id, message: messageOf(error) });
      } finally {
        cancelled.delete(query.id);
        running = -1;
      }
    }
  } finally {
    draining = false;
  }
}

scope.addEventListener('message', ({ data }) => {
  switch (data.type) {
    case 'load':
      source = load(data);
      source.catch((error: unknown) => post({ type: 'failed', message: messageOf(error) }));
      return;
    case 'products':
      take(data.products);
      return;
    case 'cancel': {
      const at = queue.findIndex((query) => query.id === data.id);
      if (at >= 0) queue.splice(at, 1);
      else if (data.id === running) cancelled.add(data.id);
      return;
    }
    default:
      queue.push(data);
      void drain();
  }
});
