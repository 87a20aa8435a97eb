// Benchmark, not a test: @vitrine/tracker on a product-listing page in Chromium, against the
// tracker issue's targets. Size: the core (everything but replay and vitals attribution) ≤ 10 KB
// gzip, the lazy chunks reported apart. Cost: main-thread time added per click p95 ≤ 1 ms (300
// trusted clicks), long tasks, and the CPU time added per minute of browsing with and without
// replay. Delivery: 1,000 events with 30% of the collector's POSTs failing and the tab closed
// right after the last one; every event must reach the collector exactly once after the next visit.
// Baseline, measured in the same run: the same page without the tracker.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Plugin } from 'esbuild';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import type { WireBatch, WireEvent } from '@vitrine/schema';
import type { Tracker, TrackerOptions } from '@vitrine/tracker';
import { bundleForBench, serveFiles } from '../../../scripts/bench-kit.mjs';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VIEWPORT = { width: 1280, height: 900 };
/** The issue's targets. */
const CORE_BUDGET = 10 * 1024;
const CLICK_P95_BUDGET_MS = 1;
const LONG_TASK_MS = 50;
/** Trusted clicks per page, each on a different element. */
const CLICKS = 300;
/** Pause after each click: the tracker's deferred work (IndexedDB write) runs in it. */
const CLICK_GAP_MS = 25;
/** The click session runs at full speed and again with the CPU this much slower (a mid-range phone). */
const CLICK_CPU = [1, 4] as const;
/** The scripted browsing session for CPU time; figures are scaled to one minute. */
const SESSION_MS = 20_000;
/** Delivery: events tracked, in bursts of `BURST` with `BURST_PAUSE_MS` between them. */
const DELIVERY_EVENTS = 1000;
const BURST = 50;
const BURST_PAUSE_MS = 20;
const DELIVERY_FLUSH_MS = 200;
const FAILURE_RATE = 0.3;
/** How long the next visit has to deliver everything. */
const DELIVERY_TIMEOUT_MS = 60_000;
const PRODUCTS = 48;
const ENTRY = 'vt-bench:tracker-page';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const ms = (x: number, digits = 2) => (Number.isFinite(x) ? `${x.toFixed(digits)} ms` : '—');
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}x` : '—');
/** Nearest-rank percentile. */
const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
/** mulberry32: the same "random" sequence on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)) + 2);
  for (const row of rows)
    console.log(
      row
        .map((c, i) => c.padEnd(widths[i]!))
        .join('')
        .trimEnd(),
    );
}

// --- The page ----------------------------------------------------------------------------------

const COLOURS = ['Sand', 'Navy', 'Olive'] as const;
const NAMES = ['Canvas tote', 'Wool scarf', 'Linen shirt', 'Leather belt', 'Rain jacket', 'Knit beanie'];

/**
 * Runs first on every page, with or without the tracker: the click timer (a `window` capture
 * listener registered before any other; its bubble half is registered last by `armEnd`, once the
 * tracker is running), the long-task observer, `<vt-demo-card>` (open shadow root, buttons that
 * dispatch `vt-*` events like Vitrine's components do) and a little live DOM (a viewer count, a
 * "just sold" list, a cart count) so the page changes as shop pages do.
 */
const DEMO_SCRIPT = `
// tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(); give the page one.
window.__name = (f) => f;
const bench = (window.__bench = { clickMs: 0, clicks: 0, hits: 0, expected: null, longTasks: [], observing: false, targets: [] });
let clickStart = -1;
addEventListener('click', () => { clickStart = performance.now(); }, true);
bench.armEnd = () => addEventListener('click', (event) => {
  if (clickStart < 0) return;
  bench.clickMs += performance.now() - clickStart;
  bench.clicks++;
  clickStart = -1;
  if (bench.expected && event.composedPath().includes(bench.expected)) bench.hits = 1;
});
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  bench.observing = true;
} catch {}

let cart = 0;
const CARD_CSS = ':host{display:block;border:1px solid #e5e0d8;border-radius:8px;padding:12px;background:#fff}' +
  '.img{aspect-ratio:4/3;background:linear-gradient(135deg,#f3efe9,#e3d8c9);border-radius:4px}' +
  'h3{margin:8px 0 4px;font-size:1rem}.price{margin:0;font-weight:600}.stars{margin:4px 0;color:#6b645c;font-size:.85rem}' +
  '.row{display:flex;gap:6px;align-items:center;margin-top:8px}' +
  'button{font:inherit;font-size:.85rem;padding:4px 10px;border:1px solid #2b2622;border-radius:999px;background:#fff;color:#2b2622}' +
  'button[aria-pressed=true]{background:#e3d8c9}button.add{background:#2b2622;color:#fff;flex:1}';
class DemoCard extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const id = this.getAttribute('product-id');
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>' + CARD_CSS + '</style>' +
      '<div class="img" part="image" role="img" aria-label="' + this.getAttribute('name') + '"></div>' +
      '<h3 part="title">' + this.getAttribute('name') + '</h3>' +
      '<p class="price" part="price">$' + (Number(this.getAttribute('price')) / 100).toFixed(2) + '</p>' +
      '<p class="stars">★★★★☆ <span>' + this.getAttribute('reviews') + ' reviews</span></p>' +
      '<div class="row">' + ${JSON.stringify(COLOURS)}.map((c) =>
        '<button type="button" class="swatch" data-variant="' + id + '-' + c.toLowerCase() + '" aria-pressed="false">' + c + '</button>').join('') + '</div>' +
      '<div class="row"><button type="button" class="add" part="add">Add to cart</button>' +
      '<button type="button" class="wish" aria-label="Save" aria-pressed="false">♡</button></div>';
    root.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      const fire = (type, detail) => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
      if (button.classList.contains('swatch')) {
        for (const b of root.querySelectorAll('.swatch')) b.setAttribute('aria-pressed', String(b === button));
        fire('vt-variant-change', { productId: id, variantId: button.dataset.variant });
      } else if (button.classList.contains('add')) {
        cart++;
        document.getElementById('cart').textContent = 'Cart (' + cart + ')';
        const amount = Number(this.getAttribute('price'));
        fire('vt-cart-change', { reason: 'add', cart: { lines: [{ productId: id }], itemCount: cart,
          subtotal: { amount: amount * cart, currency: 'USD' }, codes: [] } });
      } else {
        const on = button.getAttribute('aria-pressed') !== 'true';
        button.setAttribute('aria-pressed', String(on));
        button.textContent = on ? '♥' : '♡';
      }
    });
  }
}
// Shops load scripts twice: defining a tag twice must not throw.
if (!customElements.get('vt-demo-card')) customElements.define('vt-demo-card', DemoCard);

addEventListener('DOMContentLoaded', () => {
  const filters = document.querySelectorAll('.filters input');
  for (const input of filters) input.addEventListener('change', () => {
    document.getElementById('filter-count').textContent = 'Filters (' + [...filters].filter((f) => f.checked).length + ')';
  });
  const q = document.getElementById('q');
  q.addEventListener('input', () => { document.getElementById('results').textContent = q.value ? 'Results for “' + q.value + '”' : ''; });
  for (const b of document.querySelectorAll('nav button')) b.addEventListener('click', () => b.classList.toggle('open'));
  let viewers = 12, sold = 0;
  setInterval(() => { document.getElementById('viewing').textContent = (viewers = 8 + ((viewers * 7) % 23)) + ' people are viewing this'; }, 500);
  setInterval(() => {
    const list = document.getElementById('sold');
    const li = document.createElement('li');
    li.textContent = 'Someone in ' + ['Porto', 'Lyon', 'Oslo', 'Graz'][sold % 4] + ' bought a ' + ${JSON.stringify(NAMES)}[sold++ % 6];
    list.prepend(li);
    while (list.children.length > 5) list.lastElementChild.remove();
  }, 1500);
  // 300 different click targets, light DOM and shadow DOM, interactive or not, in a fixed shuffle.
  const all = [...document.querySelectorAll('nav button, .crumbs span, .filters label, .filters input, main h2, .copy p, .copy li, footer li, #cart, #q')];
  for (const card of document.querySelectorAll('vt-demo-card'))
    all.push(...card.shadowRoot.querySelectorAll('.img, h3, .price, .stars span, .swatch, .add, .wish'));
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = all.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [all[i], all[j]] = [all[j], all[i]]; }
  bench.targets = all;
});
`;

const PAGE_STYLE = `<style>
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #2b2622; background: #faf8f5; }
header { position: sticky; top: 0; z-index: 1; display: flex; gap: 1rem; align-items: center; padding: .75rem 2rem; background: #fff; border-bottom: 1px solid #e5e0d8; }
header .brand { font-weight: 700; font-size: 1.25rem; }
nav { display: flex; gap: .5rem; margin-inline-end: auto; }
nav button, #cart { font: inherit; padding: .25rem .75rem; border: 0; background: none; }
#q { inline-size: 16rem; padding: .4rem .75rem; font: inherit; }
main { max-inline-size: 80rem; margin: 0 auto; padding: 1rem 2rem; display: grid; grid-template-columns: 14rem minmax(0, 1fr); gap: 2rem; }
.crumbs { grid-column: 1 / -1; margin: 0; color: #6b645c; font-size: .9rem; }
.filters label { display: block; padding: .15rem 0; }
.grid { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 1rem; }
.copy { grid-column: 2; max-inline-size: 48rem; }
footer { display: grid; grid-template-columns: repeat(4, 1fr); gap: 1rem; padding: 2rem; color: #6b645c; border-top: 1px solid #e5e0d8; }
footer ul { list-style: none; padding: 0; }
</style>`;

function shopPage(tracker: TrackerOptions | null, trackEarly = false): string {
  const cards = Array.from({ length: PRODUCTS }, (_, i) => {
    const name = `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}`;
    return `<vt-demo-card product-id="p-${String(i + 1).padStart(3, '0')}" name="${name}" price="${2900 + ((i * 1370) % 9000)}" reviews="${(i * 37) % 400}"></vt-demo-card>`;
  }).join('\n');
  const filters = [
    'Bags',
    'Scarves',
    'Shirts',
    'Belts',
    'Jackets',
    'Hats',
    'Organic',
    'Recycled',
    'Under $50',
    'New in',
    'On sale',
    'In stock',
  ]
    .map((f, i) => `<label><input type="checkbox" name="f${i}"> ${f}</label>`)
    .join('\n');
  const paragraphs = Array.from(
    { length: 12 },
    (_, i) =>
      `<p>Paragraph ${i + 1}: our workshop in Porto cuts and sews every piece by hand, from organic cotton canvas, merino wool and vegetable-tanned leather; each order ships in recycled paper within two working days.</p>`,
  ).join('\n');
  const footer = ['Shop', 'Help', 'About', 'Follow']
    .map(
      (h, i) =>
        `<div><h3>${h}</h3><ul>${Array.from({ length: 6 }, (_, j) => `<li>${h} link ${i * 6 + j + 1}</li>`).join('')}</ul></div>`,
    )
    .join('\n');
  const trackerTags = tracker
    ? `<script type="module">
import '/js/tracker-page.js';
window.vtTracker = window.createTracker(${JSON.stringify(tracker)});
${trackEarly ? "window.vtTracker.track('bench_early', { before_ready: true });" : ''}
</script>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bags and accessories · Atelier Nord</title>
<link rel="icon" href="data:,">
<script>${DEMO_SCRIPT}</script>
${trackerTags}
${PAGE_STYLE}
</head><body>
<header><span class="brand">Atelier Nord</span>
<nav>${['New', 'Bags', 'Clothing', 'Accessories', 'Sale', 'Journal'].map((n) => `<button type="button">${n}</button>`).join('')}</nav>
<input id="q" type="search" placeholder="Search" aria-label="Search"><span id="results"></span>
<button type="button" id="cart">Cart (0)</button></header>
<main>
<p class="crumbs"><span>Home</span> / <span>Shop</span> / <span>Bags &amp; accessories</span> · <span id="viewing">12 people are viewing this</span></p>
<aside class="filters"><h2 id="filter-count">Filters (0)</h2>
${filters}
<h2>Just sold</h2><ul id="sold"></ul></aside>
<div class="grid">
${cards}
</div>
<section class="copy"><h2>Made to last</h2>
${paragraphs}
<h2>Care</h2><ul><li>Brush off dust.</li><li>Spot-clean with cold water.</li><li>Keep leather away from radiators.</li><li>Store stuffed with paper.</li></ul>
</section>
</main>
<footer>${footer}</footer>
</body></html>`;
}

// --- Collector ---------------------------------------------------------------------------------

interface RunStats {
  posts: number;
  failed: number;
  bytes: number;
  gzipped: number;
  invalid: number;
  /** Events received again (same id) and dropped. */
  duplicates: number;
  events: Map<string, WireEvent>;
  /** POSTs, failures and new events by phase (delivery: visit 1, closing, visit 2). */
  phases: Map<string, { posts: number; failed: number; stored: number }>;
}
const runs = new Map<string, RunStats>();
const statsOf = (run: string): RunStats => {
  let s = runs.get(run);
  if (!s)
    runs.set(
      run,
      (s = {
        posts: 0,
        failed: 0,
        bytes: 0,
        gzipped: 0,
        invalid: 0,
        duplicates: 0,
        events: new Map(),
        phases: new Map(),
      }),
    );
  return s;
};
/** Runs whose POSTs fail 30% of the time, by a fixed pseudo-random sequence. */
const failing = new Set(['delivery']);
const failDraw = seeded(0x5eed);
let phase = '';

function collect(req: IncomingMessage, res: ServerResponse, run: string): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const stats = statsOf(run);
    const inPhase = stats.phases.get(phase) ?? { posts: 0, failed: 0, stored: 0 };
    stats.phases.set(phase, inPhase);
    stats.posts++;
    inPhase.posts++;
    if (failing.has(run) && failDraw() < FAILURE_RATE) {
      stats.failed++;
      inPhase.failed++;
      res.writeHead(503, { 'content-type': 'text/plain' }).end('collector unavailable (bench failure mode)');
      return;
    }
    let batch: WireBatch;
    try {
      const raw = Buffer.concat(chunks);
      stats.bytes += raw.length;
      const gzip = /\bgzip\b/.test(String(req.headers['content-encoding']));
      if (gzip) stats.gzipped++;
      batch = JSON.parse((gzip ? gunzipSync(raw) : raw).toString('utf8')) as WireBatch;
      if (batch.schema !== 'vitrine.event/1' || !Array.isArray(batch.events))
        throw new Error('not a WireBatch');
    } catch {
      stats.invalid++;
      res.writeHead(400).end();
      return;
    }
    let accepted = 0;
    let duplicates = 0;
    for (const event of batch.events) {
      if (stats.events.has(event.id)) duplicates++;
      else {
        stats.events.set(event.id, event);
        accepted++;
      }
    }
    stats.duplicates += duplicates;
    inPhase.stored += accepted;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted, duplicates }));
  });
}

// --- In the page -------------------------------------------------------------------------------

interface PageBench {
  clickMs: number;
  clicks: number;
  hits: number;
  expected: Element | null;
  longTasks: [number, number][];
  observing: boolean;
  targets: Element[];
  armEnd(): void;
}
type BenchWindow = Window & { __bench: PageBench; vtTracker?: Tracker };

/** Scrolls target `i` into view; returns its centre and the click time summed since the last call. */
function aim(i: number): { x: number; y: number; clickMs: number; clicks: number; hits: number } {
  const b = (window as unknown as BenchWindow).__bench;
  const done = { clickMs: b.clickMs, clicks: b.clicks, hits: b.hits };
  b.clickMs = 0;
  b.clicks = 0;
  b.hits = 0;
  const el = b.targets[i % b.targets.length];
  b.expected = el ?? null;
  if (!el) return { x: -1, y: -1, ...done };
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2, ...done };
}

/** A target now inside the viewport (below the sticky header), picked by `k`; null when none is. */
function visibleTarget(k: number): { x: number; y: number } | null {
  const b = (window as unknown as BenchWindow).__bench;
  const seen = b.targets.filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 4 && r.height > 4 && r.top > 80 && r.bottom < innerHeight - 10;
  });
  const el = seen[k % Math.max(1, seen.length)];
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/**
 * Main-thread task and script time of the tab so far, in ms (CDP `Performance.getMetrics`). The
 * counters start at `Performance.enable`, so one session reads both ends of a measurement.
 */
async function cpuMeter(tab: Page): Promise<() => Promise<{ task: number; script: number }>> {
  const cdp = await tab.createCDPSession();
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
}

/** Rows in the tracker's IndexedDB outbox, and how many of them are `bench_event`s. */
function outboxContents(dbName: string): Promise<{ rows: number; benchEvents: number }> {
  return new Promise((ok) => {
    const none = { rows: NaN, benchEvents: NaN };
    const request = indexedDB.open(dbName);
    // Only look: never create the database (the tracker's own upgrade would then not run).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => ok(none);
    request.onsuccess = () => {
      const db = request.result;
      try {
        const all = db.transaction('outbox').objectStore('outbox').getAll();
        all.onsuccess = () => {
          const rows = all.result as { event: WireEvent }[];
          const bench = rows.filter((r) => r.event.type === 'custom' && r.event.data.name === 'bench_event');
          ok({ rows: rows.length, benchEvents: bench.length });
          db.close();
        };
        all.onerror = () => ok(none);
      } catch {
        ok(none);
      }
    };
  });
}

/** How many ids the delivery collector stored for each `n` of `bench_event`. */
function benchNs(): Map<number, number> {
  const ids = new Map<number, number>();
  for (const e of runs.get('delivery')?.events.values() ?? [])
    if (e.type === 'custom' && e.data.name === 'bench_event') {
      const n = Number(e.data.props?.['n']);
      ids.set(n, (ids.get(n) ?? 0) + 1);
    }
  return ids;
}
/** The `n` of 0..emitted-1 the delivery collector lacks. */
function missingOf(emitted: number): number[] {
  const have = benchNs();
  return Array.from({ length: emitted }, (_, n) => n).filter((n) => !have.has(n));
}
/** `[3, 4, 5, 9]` → `3–5, 9`. */
function ranges(ns: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length;) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    out.push(j > i ? `${ns[i]}–${ns[j]}` : String(ns[i]));
    i = j + 1;
  }
  return out.join(', ');
}

// --- Run ---------------------------------------------------------------------------------------

type Variant = 'baseline' | 'tracker' | 'replay';
interface ClickRun {
  variant: Variant;
  cpu: number;
  perClick: number[];
  hits: number;
  longLoad: number[];
  longClicks: number[];
  taskMsPerClick: number;
  clickEvents: number;
  events: number;
}
interface SessionRun {
  variant: Variant;
  seconds: number;
  task: number;
  script: number;
  longTasks: number[];
  actions: number;
  events: number;
  replayEvents: number;
  bytes: number;
  lazyFetched: string[];
}

const outdir = await mkdtemp(join(tmpdir(), 'vt-tracker-bench-'));
let server: Server | undefined;
let browser: Browser | undefined;
const broken: string[] = [];
const consoleNotes = new Set<string>();
try {
  // 1. The tracker as a shop bundles it: code splitting keeps the dynamic imports apart, DEV_MODE
  //    off as in the production build (rollup.config.mjs).
  const virtualEntry: Plugin = {
    name: 'vt-bench',
    setup(b) {
      b.onResolve({ filter: /^vt-bench:/ }, (args) => ({ path: args.path, namespace: 'vt-bench' }));
      b.onLoad({ filter: /.*/, namespace: 'vt-bench' }, () => ({
        contents:
          "import { createTracker } from '@vitrine/tracker';\n" +
          '(window as unknown as { createTracker: typeof createTracker }).createTracker = createTracker;\n',
        loader: 'ts',
        resolveDir: join(ROOT, 'packages/tracker/bench'),
      }));
      b.onLoad({ filter: /[\\/]tracker[\\/]src[\\/]dev-mode\.ts$/ }, async (args) => ({
        contents: (await readFile(args.path, 'utf8')).replace(
          /DEV_MODE(: boolean)? = true/,
          'DEV_MODE$1 = false',
        ),
        loader: 'ts',
      }));
    },
  };
  const { outputs, outs, urlOf, staticClosure, entryOf, files, gz } = await bundleForBench({
    entryPoints: { 'tracker-page': ENTRY },
    outdir,
    plugins: [virtualEntry],
  });
  const entryOut = entryOf((e) => e.endsWith(ENTRY));
  if (!entryOut) throw new Error('the bundle has no tracker-page entry');
  const core = staticClosure(entryOut);
  const dynamicTargets = new Set(
    outs.flatMap((o) => outputs[o]!.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path)),
  );
  // Lazy: every other chunk, reached only through a dynamic import() (or from a lazy chunk).
  const lazyRoots = [...dynamicTargets].filter((o) => !core.has(o));
  const lazyReach = new Set(lazyRoots.flatMap((o) => [...staticClosure(o)]).filter((o) => !core.has(o)));
  const stray = outs.filter((o) => !core.has(o) && !lazyReach.has(o));
  const inputsOf = (o: string) => Object.keys(outputs[o]!.inputs);
  const isReplay = (o: string) =>
    inputsOf(o).some((i) => /node_modules[\\/]@?rrweb|sources[\\/]replay-recorder/.test(i));
  const isVitals = (o: string) => inputsOf(o).some((i) => /node_modules[\\/]web-vitals/.test(i));
  const replayChunks = [...lazyReach].filter(isReplay);
  const vitalsChunks = [...lazyReach].filter((o) => !isReplay(o) && isVitals(o));
  const otherLazy = [...lazyReach].filter((o) => !isReplay(o) && !isVitals(o));
  const leaks = [...core].filter((o) => isReplay(o) || isVitals(o));
  /** What the initial files are made of: minified bytes per source file, largest first. */
  const coreInputs = new Map<string, number>();
  for (const o of core)
    for (const [input, { bytesInOutput }] of Object.entries(outputs[o]!.inputs))
      coreInputs.set(input, (coreInputs.get(input) ?? 0) + bytesInOutput);

  /** The pages, each run's tracker posting to `/collect?run=<run>` (from the page URL's `run`). */
  const pages: Record<string, (run: string) => TrackerOptions | null> = {
    '/baseline.html': () => null,
    '/tracker.html': (run) => ({ endpoint: `/collect?run=${run}`, consent: 'granted' }),
    '/replay.html': (run) => ({ endpoint: `/collect?run=${run}`, consent: 'granted', sample: { replay: 1 } }),
    '/delivery.html': (run) => ({
      endpoint: `/collect?run=${run}`,
      consent: 'granted',
      flushMs: DELIVERY_FLUSH_MS,
    }),
  };

  // 2. Serve the pages and the collector. Cross-origin isolation gives performance.now() 5 µs
  //    resolution instead of 100 µs (https://w3c.github.io/hr-time/#dfn-coarsen-time).
  const isolation = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  };
  let origin: string;
  ({ server, origin } = await serveFiles(files, {
    headers: isolation,
    route(req, res, url) {
      if (url.pathname === '/collect' && req.method === 'POST') {
        collect(req, res, url.searchParams.get('run') ?? '?');
        return true;
      }
      const page = pages[url.pathname];
      if (!page) return false;
      const run = url.searchParams.get('run') ?? url.pathname.slice(1, -5);
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          ...isolation,
        })
        .end(shopPage(page(run), run === 'delivery'));
      return true;
    },
  }));

  browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  const started = performance.now();
  let isolated = false;

  /** A new tab in `context` on `path`, loaded; its page errors and tracker messages are collected. */
  const open = async (context: BrowserContext, path: string, label: string): Promise<Page> => {
    const tab = await context.newPage();
    tab.on('pageerror', (error) => broken.push(`${label}: pageerror ${String(error)}`));
    tab.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && /status of 503/.test(text)) return;
      if (message.type() === 'error' || /vitrine tracker/.test(text)) consoleNotes.add(`${label}: ${text}`);
    });
    await tab.setViewport(VIEWPORT);
    await tab.goto(origin + path, { waitUntil: 'load', timeout: 30_000 });
    return tab;
  };
  const trackerReady = (tab: Page) =>
    tab.evaluate(async () => {
      const w = window as unknown as BenchWindow;
      await w.vtTracker?.ready;
      return {
        isolated: crossOriginIsolated,
        observing: w.__bench.observing,
        targets: w.__bench.targets.length,
      };
    });
  const lazyFetched = (tab: Page) =>
    tab.evaluate(
      (urls) =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => urls.includes(p)),
      [...lazyReach].map(urlOf),
    );

  // 3. Cost per click: 300 trusted clicks, each on a different element, same page with and without.
  const clickRun = async (variant: Variant, cpu: number): Promise<ClickRun> => {
    const label = `clicks ${variant} ${cpu}x`;
    const run = `clicks-${variant}-${cpu}x`;
    const context = await browser!.createBrowserContext();
    try {
      const tab = await open(context, `/${variant}.html?run=${run}`, label);
      if (cpu > 1) await tab.emulateCPUThrottling(cpu);
      const ready = await trackerReady(tab);
      isolated = ready.isolated;
      if (!ready.observing) broken.push(`${label}: no longtask PerformanceObserver`);
      if (ready.targets < CLICKS) broken.push(`${label}: only ${ready.targets} click targets`);
      // Let the lazy vitals chunk and the first send settle before measuring.
      await sleep(1000);
      const clicksFrom = await tab.evaluate(() => {
        (window as unknown as BenchWindow).__bench.armEnd();
        return performance.now();
      });
      const cpuNow = await cpuMeter(tab);
      const before = await cpuNow();
      const perClick: number[] = [];
      let hits = 0;
      for (let i = 0; i <= CLICKS; i++) {
        const at = await tab.evaluate(aim, i);
        if (i > 0) {
          // A label's click is followed by the click it forwards to its control: both are summed.
          if (at.clicks < 1) broken.push(`${label}: click ${i} was not timed`);
          perClick.push(at.clickMs);
          hits += at.hits;
        }
        if (i === CLICKS) break;
        await tab.mouse.click(at.x, at.y);
        await sleep(CLICK_GAP_MS);
      }
      // Dead-click verdicts come 1 s after the click.
      await sleep(1200);
      const after = await cpuNow();
      const clicksTo = await tab.evaluate(() => performance.now());
      const longTasks = await tab.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks);
      await tab.evaluate(() => (window as unknown as BenchWindow).vtTracker?.flush());
      await tab.close();
      const events = [...(runs.get(run)?.events.values() ?? [])];
      return {
        variant,
        cpu,
        perClick,
        hits,
        longLoad: longTasks.filter(([start]) => start < clicksFrom).map(([, d]) => d),
        longClicks: longTasks.filter(([start]) => start >= clicksFrom && start <= clicksTo).map(([, d]) => d),
        taskMsPerClick: (after.task - before.task) / CLICKS,
        clickEvents: events.filter((e) => e.type === 'click').length,
        events: events.length,
      };
    } finally {
      await context.close();
    }
  };

  const clickRuns: ClickRun[] = [];
  for (const cpu of CLICK_CPU)
    for (const variant of ['baseline', 'tracker'] as const) clickRuns.push(await clickRun(variant, cpu));
  const clicksSeconds = (performance.now() - started) / 1000;

  // 4. CPU time of a scripted browsing session: scrolling, clicks, typing, a page that changes.
  const sessionRun = async (variant: Variant): Promise<SessionRun> => {
    const label = `session ${variant}`;
    const context = await browser!.createBrowserContext();
    try {
      const tab = await open(context, `/${variant}.html?run=session-${variant}`, label);
      const rand = seeded(42);
      const cpuNow = await cpuMeter(tab);
      const before = await cpuNow();
      const t0 = performance.now();
      const pageFrom = await tab.evaluate(() => performance.now());
      await trackerReady(tab);
      await tab.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
      let actions = 0;
      while (performance.now() - t0 < SESSION_MS) {
        const step = actions++ % 5;
        if (step === 0 || step === 3) {
          const atBottom = await tab.evaluate(() => scrollY + innerHeight >= document.body.scrollHeight - 50);
          if (atBottom) await tab.evaluate(() => scrollTo(0, 0));
          else await tab.mouse.wheel({ deltaY: 250 + Math.round(rand() * 400) });
          await sleep(400);
        } else if (step === 1 || step === 4) {
          const at = await tab.evaluate(visibleTarget, Math.floor(rand() * 1000));
          if (at) await tab.mouse.click(at.x, at.y);
          await tab.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
          await sleep(350);
        } else {
          await tab.click('#q');
          await tab.keyboard.type(['canvas tote', 'wool', 'linen shirt', 'belt'][actions % 4]!, {
            delay: 40,
          });
          await sleep(200);
          await tab.keyboard.down('Control');
          await tab.keyboard.press('a');
          await tab.keyboard.up('Control');
          await tab.keyboard.press('Backspace');
          await sleep(200);
        }
      }
      const after = await cpuNow();
      const seconds = (performance.now() - t0) / 1000;
      await sleep(300);
      const longTasks = await tab.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks);
      const fetched = await lazyFetched(tab);
      await tab.evaluate(() => (window as unknown as BenchWindow).vtTracker?.flush());
      await tab.close();
      const stats = runs.get(`session-${variant}`);
      const events = stats ? [...stats.events.values()] : [];
      return {
        variant,
        seconds,
        task: after.task - before.task,
        script: after.script - before.script,
        longTasks: longTasks.filter(([start]) => start >= pageFrom).map(([, d]) => d),
        actions,
        events: events.length,
        replayEvents: events.filter((e) => e.type === 'replay').length,
        bytes: stats?.bytes ?? 0,
        lazyFetched: fetched,
      };
    } finally {
      await context.close();
    }
  };
  const sessions: SessionRun[] = [];
  for (const variant of ['baseline', 'tracker', 'replay'] as const) sessions.push(await sessionRun(variant));

  // 5. Delivery: one browser context (one profile: the outbox is its IndexedDB), two visits.
  const context = await browser.createBrowserContext();
  let emitted = 0;
  let early = false;
  let deliverySeconds = NaN;
  let leftInOutbox = NaN;
  let closedAfterMs = NaN;
  let queuedAfterClose = NaN;
  try {
    phase = 'visit 1';
    const first = await open(context, '/delivery.html', 'delivery visit 1');
    await trackerReady(first);
    const t0 = performance.now();
    emitted = await first.evaluate(
      async (total, burst, pause) => {
        const tracker = (window as unknown as BenchWindow).vtTracker!;
        let n = 0;
        while (n < total) {
          tracker.track('bench_event', { n });
          n++;
          if (n % burst === 0 && n < total) await new Promise((ok) => setTimeout(ok, pause));
        }
        return n;
      },
      DELIVERY_EVENTS,
      BURST,
      BURST_PAUSE_MS,
    );
    // The tab closes right after the 1,000th track() call: whatever is not yet written or sent
    // has to survive in the outbox (pagehide runs: a shopper closing the tab).
    phase = 'tab closing';
    const closed = new Promise<void>((ok) => first.once('close', () => ok()));
    await first.close({ runBeforeUnload: true });
    await Promise.race([closed, sleep(5000)]);
    closedAfterMs = performance.now() - t0;
    await sleep(500);
    // What survived the close: read the outbox from a page of the origin without the tracker.
    phase = 'visit 2';
    const second = await open(context, '/baseline.html', 'delivery visit 2');
    queuedAfterClose = (await second.evaluate(outboxContents, 'vitrine-tracker')).benchEvents;
    const t1 = performance.now();
    await second.goto(`${origin}/delivery.html`, { waitUntil: 'load', timeout: 30_000 });
    await trackerReady(second);
    // Until every event is in, or nothing is left to send and nothing new came for 3 s.
    let size = -1;
    let quietSince = performance.now();
    while (missingOf(emitted).length && performance.now() - t1 < DELIVERY_TIMEOUT_MS) {
      await sleep(250);
      const now = runs.get('delivery')?.events.size ?? 0;
      if (now !== size) {
        size = now;
        quietSince = performance.now();
      } else if (performance.now() - quietSince > 3000) {
        if ((await second.evaluate(outboxContents, 'vitrine-tracker')).rows === 0) break;
        quietSince = performance.now();
      }
    }
    deliverySeconds = (performance.now() - t1) / 1000;
    // Late resends would show up as duplicates: give them a moment.
    await sleep(1500);
    leftInOutbox = (await second.evaluate(outboxContents, 'vitrine-tracker')).rows;
    early = [...(runs.get('delivery')?.events.values() ?? [])].some(
      (e) => e.type === 'custom' && e.data.name === 'bench_early',
    );
  } finally {
    await context.close();
  }
  const seconds = (performance.now() - started) / 1000;

  // 6. Figures.
  console.log(
    `@vitrine/tracker on a product-listing page (${PRODUCTS} <vt-demo-card> with open shadow roots), Chromium headless ` +
      `${VIEWPORT.width}x${VIEWPORT.height}, ${seconds.toFixed(0)} s; performance.now() ` +
      `${isolated ? 'cross-origin isolated (5 µs)' : 'not isolated (100 µs)'}`,
  );
  console.log('baseline: the same page without the tracker, measured in the same run\n');

  console.log('Size, gzip level 9 per file (esbuild bundle + splitting + minify, DEV_MODE off)');
  const lazyRows = (name: string, list: string[]) =>
    list.length
      ? [
          [
            name,
            kb(gz(list)),
            `${list.length} chunk${list.length > 1 ? 's' : ''}: ${list.map((o) => urlOf(o).slice(4)).join(', ')}`,
          ],
        ]
      : [[name, '—', 'not in the bundle']];
  const issueCore = gz(core) + gz(otherLazy);
  table([
    ['', 'gzip', ''],
    [
      'initial: entry + static chunks',
      kb(gz(core)),
      `${core.size} file${core.size > 1 ? 's' : ''}, loaded on every page`,
    ],
    ...lazyRows('lazy: replay (rrweb)', replayChunks),
    ...lazyRows('lazy: web-vitals attribution', vitalsChunks),
    ...lazyRows('lazy: other (vitals source, moves, debug)', otherLazy),
    [
      'core by the issue (all but replay, vitals)',
      kb(issueCore),
      `budget 10 KB: ${issueCore <= CORE_BUDGET ? 'met' : 'NOT met'} (${ratio(issueCore, CORE_BUDGET)} of it)`,
    ],
  ]);
  console.log(
    `lazy chunks reached only through import(): ${[...lazyReach].every((o) => !core.has(o)) ? 'yes' : 'NO'}; ` +
      `rrweb or web-vitals in the initial files: ${leaks.length ? leaks.map(urlOf).join(', ') : 'none'}` +
      (stray.length ? `; unreferenced outputs: ${stray.map(urlOf).join(', ')}` : ''),
  );
  const short = (input: string) =>
    input.replace(/^packages\/tracker\/src\//, '').replace(/^node_modules\//, '');
  console.log(
    `largest parts of the initial files (minified, before gzip): ` +
      [...coreInputs]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 8)
        .map(([input, bytes]) => `${short(input)} ${kb(bytes)}`)
        .join(', '),
  );

  console.log(
    '\n(all main-thread tasks / click: CDP TaskDuration over the click session ÷ clicks — scrolling each target ' +
      "into view, rendering, the page's timers, and the tracker's deferred work: IndexedDB writes, sends, dead-click checks)",
  );
  for (const cpu of CLICK_CPU) {
    const base = clickRuns.find((r) => r.variant === 'baseline' && r.cpu === cpu)!;
    const tr = clickRuns.find((r) => r.variant === 'tracker' && r.cpu === cpu)!;
    const added = pct(tr.perClick, 95) - pct(base.perClick, 95);
    console.log(
      `\nCost per click, CPU ${cpu === 1 ? 'unthrottled' : `${cpu}x slower`}: ${CLICKS} trusted clicks (page.mouse.click) on ` +
        `${CLICKS} different elements; click dispatch = window capture (first) → window bubble (last)`,
    );
    const longs = (xs: number[]) =>
      xs.length ? `${xs.length} (max ${xs.map((x) => x.toFixed(0)).sort((a, b) => +b - +a)[0]} ms)` : '0';
    table([
      ['', 'baseline (no tracker)', 'tracker (replay off)', 'tracker − baseline', 'tracker/baseline'],
      [
        'click dispatch p50',
        ms(pct(base.perClick, 50), 3),
        ms(pct(tr.perClick, 50), 3),
        ms(pct(tr.perClick, 50) - pct(base.perClick, 50), 3),
        ratio(pct(tr.perClick, 50), pct(base.perClick, 50)),
      ],
      [
        'click dispatch p95',
        ms(pct(base.perClick, 95), 3),
        ms(pct(tr.perClick, 95), 3),
        ms(added, 3),
        ratio(pct(tr.perClick, 95), pct(base.perClick, 95)),
      ],
      ['click dispatch max', ms(Math.max(...base.perClick), 3), ms(Math.max(...tr.perClick), 3), '', ''],
      [
        'all main-thread tasks / click (CDP)',
        ms(base.taskMsPerClick),
        ms(tr.taskMsPerClick),
        ms(tr.taskMsPerClick - base.taskMsPerClick),
        ratio(tr.taskMsPerClick, base.taskMsPerClick),
      ],
      [`long tasks (> ${LONG_TASK_MS} ms) during load`, longs(base.longLoad), longs(tr.longLoad), '', ''],
      [`long tasks during the clicks`, longs(base.longClicks), longs(tr.longClicks), '', ''],
      ['clicks that hit their target', `${base.hits}/${CLICKS}`, `${tr.hits}/${CLICKS}`, '', ''],
      [
        'click events received by the collector',
        '—',
        `${tr.clickEvents}/${CLICKS}`,
        '',
        `(${tr.events} events in all)`,
      ],
    ]);
    console.log(
      `added p95 per click: ${ms(added, 3)} — target ≤ ${CLICK_P95_BUDGET_MS} ms: ${added <= CLICK_P95_BUDGET_MS ? 'met' : 'NOT met'}` +
        `; long tasks added during the clicks: ${tr.longClicks.length - base.longClicks.length}`,
    );
  }

  const baseSession = sessions.find((s) => s.variant === 'baseline')!;
  const perMin = (s: SessionRun, x: number) => (x / s.seconds) * 60;
  console.log(
    `\nCPU time of a ${SESSION_MS / 1000} s scripted browsing session (scroll, clicks, typing in search, live DOM changes), ` +
      'CDP Performance.getMetrics from the load event, scaled to one minute',
  );
  const sessionRow = (s: SessionRun) => {
    const task = perMin(s, s.task);
    const baseTask = perMin(baseSession, baseSession.task);
    const script = perMin(s, s.script);
    const baseScript = perMin(baseSession, baseSession.script);
    return [
      s.variant === 'baseline'
        ? 'baseline (no tracker)'
        : s.variant === 'tracker'
          ? 'tracker, replay off'
          : 'tracker, replay on (sample 1)',
      ms(task, 0),
      s === baseSession ? '' : `${ms(task - baseTask, 0)} (${ratio(task, baseTask)})`,
      ms(script, 0),
      s === baseSession ? '' : `${ms(script - baseScript, 0)} (${ratio(script, baseScript)})`,
      `${s.longTasks.length}${s.longTasks.length ? ` (max ${Math.max(...s.longTasks).toFixed(0)} ms)` : ''}`,
      s === baseSession ? '—' : `${s.events} / ${s.replayEvents} / ${kb(perMin(s, s.bytes))}`,
    ];
  };
  table([
    [
      '',
      'task time/min',
      'added/min (ratio)',
      'script time/min',
      'added/min (ratio)',
      'long tasks',
      'events / replay / bytes per min',
    ],
    ...sessions.map(sessionRow),
  ]);
  const replaySession = sessions.find((s) => s.variant === 'replay')!;
  const replayFetched = replaySession.lazyFetched.filter((u) => replayChunks.map(urlOf).includes(u));
  console.log(
    `rrweb chunk fetched in the replay session: ${replayFetched.length ? 'yes' : 'NO'}; ` +
      `replay events received: ${replaySession.replayEvents}; user actions per session: ${sessions.map((s) => `${s.variant} ${s.actions}`).join(', ')}`,
  );

  const d = statsOf('delivery');
  const idsByN = benchNs();
  const benchStored = [...idsByN.values()].reduce((a, c) => a + c, 0);
  const missingNs = missingOf(emitted);
  const missing = missingNs.length;
  const twice = [...idsByN.values()].filter((c) => c > 1).length;
  const exactlyOnce = benchStored === emitted && missing === 0 && twice === 0;
  console.log(
    `\nDelivery: ${DELIVERY_EVENTS} track() calls in bursts of ${BURST} (${BURST_PAUSE_MS} ms apart), flushMs ${DELIVERY_FLUSH_MS}, ` +
      `collector answering 503 to ${FAILURE_RATE * 100}% of POSTs; tab closed right after the last call ` +
      `(${closedAfterMs.toFixed(0)} ms after the first), then a new tab on the same origin (same profile)`,
  );
  const phaseRow = (name: string) => {
    const p = d.phases.get(name) ?? { posts: 0, failed: 0, stored: 0 };
    return [name, String(p.posts), String(p.failed), String(p.stored)];
  };
  table([
    ['', 'POSTs', '503s', 'new events stored'],
    phaseRow('visit 1'),
    phaseRow('tab closing'),
    phaseRow('visit 2'),
  ]);
  table([
    ['bench events emitted (track() calls before the close)', String(emitted)],
    ['bench events stored (unique ids)', String(benchStored)],
    ['bench events in the outbox after the close', String(queuedAfterClose)],
    ['n missing', missing ? `${missing}: ${ranges(missingNs)}` : '0'],
    ['n stored under more than one id', String(twice)],
    ['duplicates received and dropped by id (all events)', String(d.duplicates)],
    ['events of all types stored', String(d.events.size)],
    ['POSTs / 503s / gzip bodies / invalid', `${d.posts} / ${d.failed} / ${d.gzipped} / ${d.invalid}`],
    [
      'next visit: time until all were in',
      missing ? `never (gave up after ${deliverySeconds.toFixed(1)} s)` : `${deliverySeconds.toFixed(1)} s`,
    ],
    ['left in the outbox at the end', String(leftInOutbox)],
    ['track() before `ready` arrived', early ? 'yes' : 'no (dropped)'],
    ['exactly once', exactlyOnce ? 'yes' : 'NO'],
  ]);
  console.log(`(click sessions took ${clicksSeconds.toFixed(0)} s)`);
  if (consoleNotes.size)
    console.log(`\nconsole (not counted as failures):\n  ${[...consoleNotes].slice(0, 12).join('\n  ')}`);

  if (!clickRuns.some((r) => r.events > 0) || d.events.size === 0)
    broken.push('the collector received no events');
} catch (error) {
  broken.push(String(error instanceof Error ? (error.stack ?? error.message) : error));
} finally {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  await rm(outdir, { recursive: true, force: true });
}
if (broken.length) {
  console.error(`\nThe benchmark is broken:\n- ${[...new Set(broken)].join('\n- ')}`);
  process.exitCode = 1;
}
