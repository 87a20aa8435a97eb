// The page of the Chromium part of the search benchmark (bundled by bench/browser.ts). It holds
// one <vt-search> and a plain <input> (the baseline) and exposes `window.__bench` for the Node
// side: arm a keystroke and read when its suggestions (or, in the plain input, the typed
// character) were painted; index a big catalog in worker mode, or with MiniSearch on this thread,
// and read the long tasks meanwhile.
import MiniSearch from 'minisearch';
import type { Product } from '@vitrine/core';
import '@vitrine/search/search';
import { getSource } from '../src/source/get-source.js';
import { mainThreadSource } from '../src/source/main-thread-source.js';
import type { SearchSource, SuggestResponse } from '../src/types.js';

interface Keystroke {
  /** Timestamp of the key's first event (keydown, or input for inserted characters). */
  start: number;
  /** When the source's answer reached the element. */
  answered: number;
  /** Start of the frame (animation callbacks) that shows them. */
  frame: number;
  /** After the frame that painted the suggestions for the input's new text. */
  painted: number;
  query: string;
}

const longTasks: [start: number, duration: number][] = [];
let observing = false;
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  observing = true;
} catch {
  // Reported as "not observed" by the Node side.
}

const search = document.querySelector('vt-search') as HTMLElement & {
  source?: SearchSource;
  value: string;
  isUpdatePending: boolean;
};
/** The baseline: a plain text field whose keystroke only paints the typed character. */
const plain = document.querySelector('#plain') as HTMLInputElement;
/** What the armed keystroke waits for: suggestions in <vt-search>, or the character in the plain input. */
let target: 'search' | 'plain' = 'search';
/** When the answer for each query reached the element (trimmed query → time). */
const answered = new Map<string, number>();
let armed: { start: number; input: number } | null = null;
let last: Keystroke | null = null;

function onKey(event: Event): void {
  if (armed && armed.start < 0) armed.start = event.timeStamp;
  if (armed && event.type === 'input' && armed.input < 0) armed.input = performance.now();
}
addEventListener('keydown', onKey, true);
addEventListener('input', onKey, true);

/** Called in a frame callback: resolves once that frame has been painted (the next task). */
function afterThisFrame(): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
}

/**
 * Watches every frame until the element shows the answer for what the input holds: that answer
 * arrived after the key, and Lit has no update pending (the DOM reflects it). That frame's paint
 * ends the keystroke. For the plain input (the baseline) the first frame after its `input` event
 * is the one that paints the character: "answered" is then the input event.
 */
function watch(): void {
  requestAnimationFrame(() => {
    if (!armed) return;
    const query = search.value.trim();
    const at = target === 'plain' ? (armed.input >= 0 ? armed.input : undefined) : answered.get(query);
    if (
      armed.start >= 0 &&
      at !== undefined &&
      at >= armed.start &&
      (target === 'plain' || !search.isUpdatePending)
    ) {
      const start = armed.start;
      armed = null;
      const frame = performance.now();
      void afterThisFrame().then((painted) => (last = { start, answered: at, frame, painted, query }));
      return;
    }
    watch();
  });
}

/** Our source with a note of when each answer came; the element sees the same answers. */
function noting(source: SearchSource): SearchSource {
  return {
    search: (query, options) => source.search(query, options),
    async suggest(query, options): Promise<SuggestResponse> {
      const answer = await source.suggest(query, options);
      answered.set(query.trim(), performance.now());
      return answer;
    },
  };
}

async function fetchProducts(url: string): Promise<Product[]> {
  return (await (await fetch(url)).json()) as Product[];
}

const bench = {
  observing,
  /**
   * Gives the element the catalog at `url` and waits for a first answer: through getSource, as
   * the element would itself (a worker above 2,000 products), or indexed on this thread.
   */
  async load(url: string, where: 'default' | 'main' | 'plain'): Promise<number> {
    const started = performance.now();
    target = where === 'plain' ? 'plain' : 'search';
    if (where === 'plain') {
      plain.focus();
      return performance.now() - started;
    }
    const products = await fetchProducts(url);
    const source = noting(where === 'main' ? await mainThreadSource({ products }) : getSource({ products }));
    search.source = source;
    await source.suggest('warm up', { limit: 6 });
    search.focus();
    return performance.now() - started;
  },
  clear(): void {
    answered.clear();
  },
  arm(): void {
    last = null;
    armed = { start: -1, input: -1 };
    watch();
  },
  last: (): Keystroke | null => last,
  /**
   * Indexes the catalog at `url` in worker mode (`src`: fetched and parsed in the worker;
   * `products`: parsed here first, then posted) or with MiniSearch on this thread; resolves with
   * the time to a first answer and the long tasks of that window.
   */
  async index(
    url: string,
    how: 'src' | 'products' | 'minisearch',
  ): Promise<{ ms: number; tasks: [number, number][] }> {
    const products = how === 'src' ? null : await fetchProducts(url);
    await new Promise((r) => setTimeout(r, 200));
    const from = performance.now();
    if (how === 'minisearch') {
      const index = new MiniSearch({ fields: ['title', 'brand', 'category', 'description'] });
      index.addAll(
        products!.map((p) => ({
          id: p.id,
          title: p.title,
          brand: p.brand ?? '',
          category: p.category.join(' '),
          description: p.description ?? '',
        })),
      );
      index.search('warm up');
    } else {
      const source = getSource(how === 'src' ? { src: url } : { products: products! });
      await source.suggest('warm up', { limit: 6 });
    }
    const ms = performance.now() - from;
    // Long tasks are reported a little after they end.
    await new Promise((r) => setTimeout(r, 300));
    return { ms, tasks: longTasks.filter(([start, duration]) => start + duration >= from) };
  },
};

(window as unknown as { __bench: typeof bench }).__bench = bench;

/** What the page exposes as `window.__bench`. */
export type PageBench = typeof bench;
