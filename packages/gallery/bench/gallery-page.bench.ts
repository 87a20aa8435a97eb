// Benchmark, not a test: a product page with <vt-gallery> (3 photos, a video, a 3D model) loaded in
// Chromium with the CPU 4x slower and a 40 ms / 8 Mbit/s network. It watches the gallery's targets:
// CLS 0.00; the first photo is the page's LCP element and is requested before any gallery script
// has arrived; <model-viewer> is fetched only once the 3D item is shown. Baseline, measured in the
// same run: the same page with the first photo as a plain <img> (what a shop has without us).
import type { Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser } from 'puppeteer-core';
import { bundleForBench, serveFiles } from '../../../scripts/bench-kit.mjs';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MEDIA_DIR = join(ROOT, 'examples/shop/public/media');
/** Loads per page; the first of each is a warm-up and is not counted. */
const RUNS = 7;
/**
 * Of those, the last gallery loads that go on to show the 3D item. Few: three.js starting up in
 * software WebGL holds the page's main thread for 6 to 13 s here, whatever the CPU throttling.
 */
const MODEL_RUNS = 3;
const VIEWPORT = { width: 1280, height: 900 };
const CPU_SLOWDOWN = 4;
/** A fair home connection: 40 ms per request, 8 Mbit/s down, 2 Mbit/s up (bytes per second). */
const NETWORK = { latency: 40, download: 8e6 / 8, upload: 2e6 / 8 };
/** Position of the 3D item in the product's media (3 photos, the video, the model). */
const MODEL_INDEX = 4;
const MEDIA_WIDTH = 560;
const PHOTO_WIDTHS = [400, 800, 1600] as const;
const photoUrl = (n: number, width: number) => `/img/photo-${n}-${width}.svg`;
/** The source both pages show first: `sizes="560px"` at 1 device pixel picks the 800w one. */
const FIRST_PHOTO = photoUrl(1, 800);
const MODEL_VIEWER = /model-viewer/;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webm': 'video/webm',
  '.glb': 'model/gltf-binary',
  '.vtt': 'text/vtt',
};

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// --- Product photos ----------------------------------------------------------------------------

const PALETTES = [
  { wall: ['#f6f1ea', '#e3d8c9'], bag: '#b5562f', dark: '#7a3a1f', light: '#d27a52', weave: '#8e4323' },
  { wall: ['#eef2f4', '#d5dde2'], bag: '#2f5d7a', dark: '#1d3b4f', light: '#5f8fae', weave: '#23485f' },
  { wall: ['#f3f1e8', '#ddd9c6'], bag: '#5b6b3a', dark: '#3b4626', light: '#8a9a62', weave: '#47542c' },
] as const;

/**
 * A studio photo of a canvas tote, drawn in SVG. Its canvas weave has as many strokes as a photo
 * of that width has detail, so the file weighs about what a JPEG would (Chromium leaves images
 * under 0.05 bits per shown pixel out of LCP, so a bare placeholder SVG would never count).
 */
function photoSvg(n: number, width: number): string {
  const p = PALETTES[(n - 1) % PALETTES.length]!;
  let seed = n * 7919 + width;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const weave: string[] = [];
  for (let i = 0; i < width * 4; i++) {
    const x = 190 + rand() * 420;
    const y = 250 + rand() * 400;
    const h = rand() < 0.5;
    weave.push(`M${x.toFixed(1)} ${y.toFixed(1)}${h ? 'h' : 'v'}${(2 + rand() * 7).toFixed(1)}`);
  }
  const tilt = (n - 2) * 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${width}" viewBox="0 0 800 800">
<title>Canvas tote, view ${n}</title>
<defs>
<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.wall[0]}"/><stop offset="1" stop-color="${p.wall[1]}"/></linearGradient>
<radialGradient id="light" cx=".35" cy=".3" r=".8"><stop offset="0" stop-color="#fff" stop-opacity=".35"/><stop offset="1" stop-color="#000" stop-opacity=".2"/></radialGradient>
<clipPath id="bag"><path d="M190 650H610L570 250H230Z"/></clipPath>
</defs>
<rect width="800" height="800" fill="url(#wall)"/>
<ellipse cx="400" cy="662" rx="270" ry="24" fill="rgba(60,40,20,.2)"/>
<g transform="rotate(${tilt} 400 450)">
<path d="M301 280V200A99 99 0 0 1 499 200V280H481V200A81 81 0 0 0 319 200V280Z" fill="${p.dark}"/>
<path d="M190 650H610L570 250H230Z" fill="${p.bag}"/>
<path clip-path="url(#bag)" stroke="${p.weave}" stroke-width="1.2" stroke-opacity=".55" d="${weave.join('')}"/>
<rect x="290" y="410" width="220" height="140" rx="6" fill="${p.light}"/>
<path d="M300 420H500M300 540H500" stroke="${p.dark}" stroke-width="2" stroke-dasharray="6 5"/>
<path d="M190 650H610L570 250H230Z" fill="url(#light)"/>
</g>
</svg>`;
}

// --- Pages -------------------------------------------------------------------------------------

const product = {
  id: 'tote-bench',
  title: 'Terracotta canvas tote',
  brand: 'Atelier Nord',
  category: ['Bags', 'Totes'],
  price: { amount: 4900, currency: 'USD' },
  availability: 'in_stock',
  options: [],
  variants: [
    { id: 'tote-bench-1', options: {}, price: { amount: 4900, currency: 'USD' }, availability: 'in_stock' },
  ],
  media: [
    ...[1, 2, 3].map((n) => ({
      type: 'image',
      url: photoUrl(n, 800),
      alt: `Terracotta canvas tote, view ${n}`,
      width: 1600,
      height: 1600,
      srcset: PHOTO_WIDTHS.map((w) => ({ url: photoUrl(n, w), width: w })),
    })),
    {
      type: 'video',
      url: '/media/clip.webm',
      alt: 'The tote turning on a stand',
      width: 640,
      height: 360,
      mimeType: 'video/webm',
      poster: '/media/clip-poster.svg',
      captions: [{ src: '/media/clip.en.vtt', lang: 'en', label: 'English' }],
    },
    {
      type: 'model',
      url: '/media/bag.glb',
      alt: '3D model of the tote',
      mimeType: 'model/gltf-binary',
      poster: '/media/bag-poster.svg',
    },
  ],
};

const STYLE = `<style>
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #2b2622; background: #fff; }
header { display: flex; gap: 2rem; align-items: center; padding: 1rem 2rem; border-bottom: 1px solid #e5e0d8; }
header .brand { font-weight: 700; font-size: 1.25rem; margin-inline-end: auto; }
main { max-inline-size: 75rem; margin: 0 auto; padding: 1.5rem 2rem; }
.crumbs { margin: 0 0 1rem; color: #6b645c; font-size: 0.9rem; }
.product { display: grid; grid-template-columns: ${MEDIA_WIDTH}px minmax(0, 1fr); gap: 3rem; align-items: start; }
.buy h1 { margin: 0 0 0.5rem; font-size: 2rem; line-height: 1.2; }
.price { margin: 0 0 1rem; font-size: 1.5rem; }
.buy button { padding: 0.75rem 2rem; border: 0; border-radius: 999px; background: #2b2622; color: #fff; font: inherit; }
.details { margin-block-start: 3rem; max-inline-size: 48rem; }
footer { padding: 2rem; color: #6b645c; border-top: 1px solid #e5e0d8; }
.media { inline-size: ${MEDIA_WIDTH}px; }
.hero { display: block; inline-size: 100%; block-size: auto; background: #f3efe9; }
.more { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; margin-block-start: 0.5rem; }
.more img { display: block; inline-size: 100%; block-size: auto; }
vt-gallery { display: block; --vt-gallery-aspect-ratio: 1 / 1; }
/* The README's set-up: reserve the gallery's box before its script runs; the first photo inside
   paints at once and the element replaces it. */
vt-gallery:not(:defined) { padding-block-end: calc(var(--vt-gallery-thumb-size, 4rem) + 1.5rem); }
vt-gallery:not(:defined) > img { display: block; inline-size: 100%; block-size: auto; aspect-ratio: 1 / 1; object-fit: contain; }
</style>`;

function productPage(head: string, media: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${product.title} · ${product.brand}</title>
<link rel="icon" href="data:,">
${head}
${STYLE}
</head><body>
<header><span class="brand">${product.brand}</span><span>Bags</span><span>Accessories</span><span>Sale</span><span>Cart (0)</span></header>
<main>
<p class="crumbs">Home / Bags / Totes</p>
<div class="product">
${media}
<div class="buy">
<h1>${product.title}</h1>
<p>★★★★☆ 4.6 · 128 reviews</p>
<p class="price">$49.00</p>
<p>Heavy 16 oz cotton canvas, dyed in small batches, with a leather-reinforced base and handles long
enough to wear on the shoulder over a winter coat.</p>
<p>An inside zip pocket keeps keys and a phone apart from the groceries; the snap closure keeps the
rain out.</p>
<p>Colour: Terracotta</p>
<button type="button">Add to cart</button>
<p>Free shipping over $75 · 30-day returns</p>
</div>
</div>
<section class="details">
<h2>Details</h2>
<p>38 × 40 × 12 cm; holds 16 litres. Handles 62 cm. Weighs 540 g. Canvas and lining are organic
cotton; the base and handle ends are vegetable-tanned leather that darkens with use.</p>
<p>Sewn in Porto by a family workshop we have worked with since 2015. Every tote is checked by hand
before it is packed, and carries the name of the person who made it.</p>
<h2>Care</h2>
<p>Brush off dust; spot-clean with cold water and mild soap. Do not machine wash or tumble dry, and
keep the leather away from radiators.</p>
</section>
</main>
<footer>© ${product.brand} · Shipping · Returns · Contact</footer>
</body></html>`;
}

const plainPage = productPage(
  '',
  `<div class="media">
<img class="hero" src="${FIRST_PHOTO}" width="800" height="800" fetchpriority="high" alt="${product.media[0]!.alt}">
<div class="more">${[2, 3]
    .map((n) => `<img src="${photoUrl(n, 800)}" width="800" height="800" loading="lazy" alt="View ${n}">`)
    .join('')}</div>
</div>`,
);

const galleryPage = productPage(
  `<link rel="preload" as="image" href="${FIRST_PHOTO}" fetchpriority="high">
<script type="module" src="/js/gallery.js"></script>`,
  `<vt-gallery class="media" sizes="${MEDIA_WIDTH}px"><img src="${FIRST_PHOTO}" width="800" height="800" alt="${
    product.media[0]!.alt
  }"><script type="application/json">${JSON.stringify(product).replace(/</g, '\\u003c')}</script></vt-gallery>`,
);

// --- In the page -------------------------------------------------------------------------------

interface LcpEntry {
  startTime: number;
  size: number;
  url: string;
  id: string;
  element: string | null;
}
interface ShiftEntry {
  startTime: number;
  value: number;
  hadRecentInput: boolean;
  sources: string[];
}
interface Resource {
  name: string;
  startTime: number;
  fetchStart: number;
  responseEnd: number;
}
interface PageData {
  observing: { lcp: boolean; cls: boolean };
  lcp: LcpEntry[];
  shifts: ShiftEntry[];
  resources: Resource[];
  navigation: { responseEnd: number; domContentLoaded: number; loadEventEnd: number } | null;
  now: number;
}

/**
 * Runs before the page's own scripts. `__name`: tsx (esbuild keepNames) wraps functions passed to
 * page.evaluate in __name(); the page needs one.
 */
const OBSERVERS = `
window.__name = (f) => f;
const bench = (window.__bench = { observing: { lcp: false, cls: false }, lcp: [], shifts: [] });
// A node inside a shadow root is named with its host, e.g. "vt-gallery >>> img[part=image]".
const describe = (node) => {
  if (!node) return '(gone)';
  if (node.nodeType !== 1) return node.nodeName;
  const part = node.getAttribute('part');
  const self = node.localName + (node.id ? '#' + node.id : '') + (part ? '[part=' + part + ']' : '');
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? describe(root.host) + ' >>> ' + self : self;
};
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      bench.lcp.push({ startTime: e.startTime, size: e.size, url: e.url, id: e.id, element: e.element ? describe(e.element) : null });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  bench.observing.lcp = true;
} catch {}
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      bench.shifts.push({ startTime: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput, sources: (e.sources || []).map((s) => describe(s.node)) });
  }).observe({ type: 'layout-shift', buffered: true });
  bench.observing.cls = true;
} catch {}
`;

function readPage(): PageData {
  const bench = (window as unknown as { __bench: Pick<PageData, 'observing' | 'lcp' | 'shifts'> }).__bench;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    observing: bench.observing,
    lcp: bench.lcp,
    shifts: bench.shifts,
    resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      name: new URL(e.name).pathname,
      startTime: e.startTime,
      fetchStart: e.fetchStart,
      responseEnd: e.responseEnd,
    })),
    navigation: nav
      ? {
          responseEnd: nav.responseEnd,
          domContentLoaded: nav.domContentLoadedEventEnd,
          loadEventEnd: nav.loadEventEnd,
        }
      : null,
    now: performance.now(),
  };
}

// --- Run ---------------------------------------------------------------------------------------

type Kind = 'plain' | 'gallery';
interface Load {
  kind: Kind;
  errors: string[];
  consoleErrors: string[];
  page: PageData;
  /** After `index = MODEL_INDEX`: when it was set, what the page holds 1 s after the viewer came. */
  model?: { switchedAt: number; viewerShown: boolean; page: PageData };
}

const outdir = await mkdtemp(join(tmpdir(), 'vt-gallery-bench-'));
let server: Server | undefined;
let browser: Browser | undefined;
const broken: string[] = [];
try {
  // 1. The element as a shop bundles it: code splitting keeps the dynamic imports apart.
  const { outputs, urlOf, staticClosure, entryOf, files, gz } = await bundleForBench({
    entryPoints: ['@vitrine/gallery/gallery'],
    outdir,
  });
  const galleryOut = entryOf((e) => e.endsWith('components/gallery/gallery.ts'));
  const viewerOut = entryOf((e) => e.includes('@google/model-viewer/'));
  if (!galleryOut || !viewerOut) throw new Error('the bundle has no gallery entry or no model-viewer chunk');
  const initial = staticClosure(galleryOut);
  const viewerOnly = [...staticClosure(viewerOut)].filter((o) => !initial.has(o));
  const viewerSeparate =
    !initial.has(viewerOut) &&
    outputs[galleryOut]!.imports.some((i) => i.path === viewerOut && i.kind === 'dynamic-import');
  if (!viewerSeparate) broken.push("import('@google/model-viewer') is not a separate chunk");

  for (const name of ['clip.webm', 'clip-poster.svg', 'clip.en.vtt', 'bag.glb', 'bag-poster.svg'])
    files.set(`/media/${name}`, {
      type: TYPES[extname(name)]!,
      body: await readFile(join(MEDIA_DIR, name)),
    });
  // Photos are served as they are (a JPEG would not compress either); text goes out gzipped.
  for (const n of [1, 2, 3])
    for (const w of PHOTO_WIDTHS)
      files.set(photoUrl(n, w), { type: TYPES['.svg']!, body: Buffer.from(photoSvg(n, w)) });
  for (const [kind, html] of [
    ['plain', plainPage],
    ['gallery', galleryPage],
  ] as const) {
    const body = Buffer.from(html);
    files.set(`/${kind}.html`, { type: TYPES['.html']!, body, gzip: gzipSync(body) });
  }

  // 2. Serve it.
  let origin: string;
  ({ server, origin } = await serveFiles(files));

  // 3. Load each page in a fresh incognito context, throttled the same way.
  browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  const viewerUrl = urlOf(viewerOut);
  const load = async (kind: Kind, showModel: boolean): Promise<Load> => {
    const context = await browser!.createBrowserContext();
    try {
      const tab = await context.newPage();
      const errors: string[] = [];
      const consoleErrors: string[] = [];
      tab.on('pageerror', (error) => errors.push(String(error)));
      tab.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await tab.setViewport(VIEWPORT);
      await tab.emulateNetworkConditions(NETWORK);
      await tab.emulateCPUThrottling(CPU_SLOWDOWN);
      await tab.evaluateOnNewDocument(OBSERVERS);
      await tab.goto(`${origin}/${kind}.html`, { waitUntil: 'networkidle0', timeout: 30_000 });
      await sleep(1000);
      const page = await tab.evaluate(readPage);
      if (!showModel) return { kind, errors, consoleErrors, page };
      // The load is measured; what follows checks only when the viewer is fetched and whether the
      // page moves, so the CPU runs at full speed (three.js's start-up takes seconds even so).
      await tab.emulateCPUThrottling(null);
      const switchedAt = await tab.evaluate((index) => {
        (document.querySelector('vt-gallery') as HTMLElement & { index: number }).index = index;
        return performance.now();
      }, MODEL_INDEX);
      // A viewer that never comes is a finding (printed as 0 requests), not a broken benchmark.
      await tab
        .waitForFunction(
          (url) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === url),
          { timeout: 20_000, polling: 100 },
          viewerUrl,
        )
        .catch(() => undefined);
      // <model-viewer> rendered in the 3D item (the model itself may take longer in software GL).
      const viewerShown = await tab
        .waitForFunction(
          () =>
            !!document
              .querySelector('vt-gallery')
              ?.shadowRoot?.querySelector('vt-gallery-model')
              ?.shadowRoot?.querySelector('model-viewer'),
          { timeout: 30_000, polling: 100 },
        )
        .then(
          () => true,
          () => false,
        );
      await sleep(1000);
      return {
        kind,
        errors,
        consoleErrors,
        page,
        model: { switchedAt, viewerShown, page: await tab.evaluate(readPage) },
      };
    } finally {
      await context.close();
    }
  };

  const started = performance.now();
  const loads: Load[] = [];
  for (let run = 0; run < RUNS; run++) {
    const order: Kind[] = run % 2 ? ['gallery', 'plain'] : ['plain', 'gallery'];
    for (const kind of order) {
      const done = await load(kind, kind === 'gallery' && run >= RUNS - MODEL_RUNS);
      for (const error of done.errors) broken.push(`${kind} page, run ${run + 1}: pageerror ${error}`);
      if (!done.page.observing.lcp || !done.page.observing.cls)
        broken.push(`${kind} page, run ${run + 1}: a PerformanceObserver could not observe`);
      if (!done.page.lcp.length)
        broken.push(`${kind} page, run ${run + 1}: no largest-contentful-paint entry`);
      if (run > 0) loads.push(done);
    }
  }
  const seconds = (performance.now() - started) / 1000;

  // 4. Figures.
  const of = (kind: Kind) => loads.filter((l) => l.kind === kind);
  const plain = of('plain');
  const gallery = of('gallery');
  const withModel = gallery.filter((l) => l.model);
  const lastLcp = (p: PageData) => p.lcp.at(-1);
  const cls = (shifts: ShiftEntry[]) =>
    shifts.filter((s) => !s.hadRecentInput).reduce((a, s) => a + s.value, 0);
  const afterSwitch = (l: Load) => l.model!.page.shifts.filter((s) => s.startTime >= l.model!.switchedAt);
  const res = (p: PageData, name: string) => p.resources.find((r) => r.name === name);
  const photoStart = (l: Load) => res(l.page, FIRST_PHOTO)?.startTime ?? NaN;
  const photoEnd = (l: Load) => res(l.page, FIRST_PHOTO)?.responseEnd ?? NaN;
  const galleryUrl = urlOf(galleryOut);
  const initialUrls = [...initial].map(urlOf);
  const bundleEnd = (l: Load) => res(l.page, galleryUrl)?.responseEnd ?? NaN;
  // The element can run once the last file of its static import graph has arrived.
  const scriptsEnd = (l: Load) => Math.max(...initialUrls.map((u) => res(l.page, u)?.responseEnd ?? NaN));
  const viewerRequests = (p: PageData) => p.resources.filter((r) => MODEL_VIEWER.test(r.name));
  const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : '—');
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const tally = (xs: string[]) =>
    [...new Set(xs)].map((x) => `${x} (${xs.filter((y) => y === x).length}/${xs.length})`).join(', ');
  const describeLcp = (l: Load) => {
    const entry = lastLcp(l.page);
    const url = entry?.url ? new URL(entry.url).pathname : '(text)';
    // Chromium does not expose an element inside a shadow root through `entry.element`.
    return `${entry?.element ?? 'element null (in a shadow root)'} ${url}`;
  };

  const lcpPlain = median(plain.map((l) => lastLcp(l.page)?.startTime ?? NaN));
  const lcpGallery = median(gallery.map((l) => lastLcp(l.page)?.startTime ?? NaN));
  const firstIsLcp = (ls: Load[]) =>
    `${ls.filter((l) => lastLcp(l.page)?.url.endsWith(FIRST_PHOTO)).length}/${ls.length}`;
  const requestsOfFirst = (ls: Load[]) =>
    String(Math.max(...ls.map((l) => l.page.resources.filter((r) => r.name === FIRST_PHOTO).length)));
  const clsMax = (ls: Load[]) => Math.max(...ls.map((l) => cls(l.page.shifts))).toFixed(4);
  const rows: string[][] = [
    ['', 'baseline (plain <img>)', '<vt-gallery>', 'gallery/baseline'],
    ['LCP, median', fmt(lcpPlain), fmt(lcpGallery), ratio(lcpGallery, lcpPlain)],
    ['LCP is the first photo', firstIsLcp(plain), firstIsLcp(gallery), ''],
    ['CLS during load, max', clsMax(plain), clsMax(gallery), ''],
    [
      'first photo requested, median',
      fmt(median(plain.map(photoStart))),
      fmt(median(gallery.map(photoStart))),
      '',
    ],
    [
      'first photo loaded, median',
      fmt(median(plain.map(photoEnd))),
      fmt(median(gallery.map(photoEnd))),
      ratio(median(gallery.map(photoEnd)), median(plain.map(photoEnd))),
    ],
    ['requests for the first photo, max', requestsOfFirst(plain), requestsOfFirst(gallery), ''],
    ['gallery.js arrived, median', '—', fmt(median(gallery.map(bundleEnd))), ''],
    [`all ${initial.size} gallery script files arrived`, '—', fmt(median(gallery.map(scriptsEnd))), ''],
  ];

  console.log(
    `<vt-gallery> product page load, Chromium headless ${VIEWPORT.width}x${VIEWPORT.height}, CPU ${CPU_SLOWDOWN}x slower, ` +
      `network ${NETWORK.latency} ms / ${(NETWORK.download * 8) / 1e6} Mbit/s; ${RUNS - 1} loads of each page ` +
      `(alternating, 1 warm-up each not counted), ${seconds.toFixed(0)} s`,
  );
  console.log('baseline: same page with the first photo as a plain <img>\n');
  const widths = [40, 24, 14, 16];
  for (const row of rows)
    console.log(
      row
        .map((c, i) => c.padEnd(widths[i]!))
        .join('')
        .trimEnd(),
    );
  console.log('(times in ms since navigation start)\n');

  console.log(`LCP element, baseline: ${tally(plain.map(describeLcp))}`);
  console.log(`LCP element, gallery:  ${tally(gallery.map(describeLcp))}`);
  console.log(
    `first photo request start − gallery.js responseEnd: median ${fmt(median(gallery.map((l) => photoStart(l) - bundleEnd(l))))}, ` +
      `max ${fmt(Math.max(...gallery.map((l) => photoStart(l) - bundleEnd(l))))} (negative = requested before the element's script arrived)`,
  );
  console.log(
    `first photo responseEnd − all gallery script files arrived: median ${fmt(median(gallery.map((l) => photoEnd(l) - scriptsEnd(l))))} ` +
      `(negative = loaded before the element could run)`,
  );
  const requestedAfter = (l: Load) =>
    (res(l.model!.page, urlOf(viewerOut))?.startTime ?? NaN) - l.model!.switchedAt;
  console.log(
    `model-viewer requests during load: max ${Math.max(...gallery.map((l) => viewerRequests(l.page).length))} ` +
      `(${gallery.length} loads); after showing the 3D item (index = ${MODEL_INDEX}): ` +
      `min ${Math.min(...withModel.map((l) => viewerRequests(l.model!.page).length))} ` +
      `(${withModel.length} loads), requested a median ${fmt(median(withModel.map(requestedAfter)))} after the switch; ` +
      `<model-viewer> rendered in ${withModel.filter((l) => l.model!.viewerShown).length}/${withModel.length}`,
  );
  console.log(
    `CLS from showing the 3D item until 1 s after <model-viewer> rendered, max: ` +
      Math.max(...withModel.map((l) => cls(afterSwitch(l)))).toFixed(4),
  );
  console.log(
    `gzip (level 9): gallery.js + ${initial.size - 1} static chunks ${kb(gz(initial))} (Lit and core included); ` +
      `model-viewer chunk${viewerOnly.length > 1 ? ` + ${viewerOnly.length - 1} more` : ''} ${kb(gz(viewerOnly))}; ` +
      `separate chunk: ${viewerSeparate ? 'yes' : 'NO'}`,
  );
  const shiftSources = (label: string, shifts: ShiftEntry[][]) => {
    const all = shifts.flat();
    if (!all.length) return;
    console.log(
      `layout shifts, ${label}: ${tally(all.flatMap((s) => s.sources))}; ` +
        `at a median ${fmt(median(all.map((s) => s.startTime)))}`,
    );
  };
  shiftSources(
    'baseline load',
    plain.map((l) => l.page.shifts),
  );
  shiftSources(
    'gallery load',
    gallery.map((l) => l.page.shifts),
  );
  shiftSources('after showing the 3D item', withModel.map(afterSwitch));
  const consoleErrors = [...new Set(loads.flatMap((l) => l.consoleErrors))];
  if (consoleErrors.length)
    console.log(`console errors (not counted as failures): ${consoleErrors.join(' | ')}`);
} catch (error) {
  broken.push(String(error instanceof Error ? (error.stack ?? error.message) : error));
} finally {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  await rm(outdir, { recursive: true, force: true });
}
if (broken.length) {
  console.error(`\nThe benchmark is broken:\n- ${broken.join('\n- ')}`);
  process.exitCode = 1;
}
