import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { CHROME_ARGS } from '../../../../scripts/find-chrome.mjs';
import type { EventStore } from '../store.js';
import { heatmapHtml } from './heatmap-html.js';
import { drawHeatmap, indexElements, inPage, scrollThrough, settle, type DrawInput } from './heatmap-page.js';
import { heatCells, heatStats, scrollReach, topKeys, topProducts, type HeatFilter } from './heatmap-sql.js';
import { coverage, coverageLine, type Coverage, type ReportRange } from './range.js';

/** What a heatmap shows: where shoppers click, where the pointer rests, how far they scroll. */
export type HeatmapKind = 'click' | 'scroll' | 'move';

/** The tracker's device classes; a heatmap reads the events of one and lays the page out for it. */
export type HeatmapDevice = 'desktop' | 'tablet' | 'mobile';

/** The viewport the page is opened at for each device class (CSS px, device pixel ratio 1). */
export const HEATMAP_VIEWPORTS: Readonly<Record<HeatmapDevice, { width: number; height: number }>> = {
  desktop: { width: 1280, height: 800 },
  tablet: { width: 820, height: 1180 },
  mobile: { width: 390, height: 844 },
};

/** Settings of {@link heatmapReport}. */
export interface HeatmapOptions {
  /** URL of the live page to draw on (`http:`, `https:` or `file:`). */
  page: string;
  /** `path` of the events to read; default: the pathname of `page`. */
  path?: string;
  kind: HeatmapKind;
  device: HeatmapDevice;
  /** File to write: `.png` (the page with the heatmap and a caption strip) or `.html`. */
  out: string;
  range?: ReportRange;
  /** Called as each stage starts (`done` stages of `total` finished), and once at the end. */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Chromium or Chrome to run; default `CHROME_PATH`, else Debian's `/usr/bin/chromium`. */
  executablePath?: string;
}

/** One of the elements with the most points. */
export interface HeatmapElement {
  /** The element key, as the tracker sent it. */
  key: string;
  /** The Vitrine component and product most often sent with it (clicks only). */
  component: string | null;
  productId: string | null;
  /** Clicks (move: pointer samples) on it, and their share of all of them. */
  count: number;
  share: number;
  /** Whether the key names an element on the page now; if not, its clicks are drawn by page position. */
  resolved: boolean;
}

/** Clicks in the context of one product (`productId` of the click). */
export interface HeatmapProduct {
  productId: string;
  count: number;
  /** Sessions with at least one of these clicks. */
  sessions: number;
  /** Share of all clicks. */
  share: number;
}

/** One 5% band of the page height in a scroll heatmap. */
export interface ScrollBand {
  /** Top and bottom of the band, fractions 0..1 of the page height. */
  from: number;
  to: number;
  /** Sessions whose deepest scroll reached into the band, and their share of all sessions. */
  sessions: number;
  share: number;
}

/** What {@link heatmapReport} wrote and found. */
export interface HeatmapResult {
  /** Absolute path of the file written. */
  file: string;
  coverage: Coverage;
  /** Clicks (move: pointer samples, scroll: sessions) read. */
  points: number;
  /** Points drawn at their element (scroll: every session). */
  placed: number;
  /**
   * Points whose element key is not on the page now: clicks are drawn at the page coordinates
   * they were recorded at instead; pointer samples have none and are left out.
   */
  unplaced: number;
  /** The 20 elements with the most points, most first (empty for scroll). */
  top: HeatmapElement[];
  /** The 20 products with the most clicks (clicks only). */
  products: HeatmapProduct[];
  /** The twenty bands, top to bottom (scroll only). */
  bands: ScrollBand[];
  /** Size of the page drawn, CSS px (= image px; the PNG adds the caption strip below). */
  width: number;
  height: number;
  /** What may make the picture wrong: elements never upgraded, a page cut short. */
  warnings: string[];
}

const KINDS: readonly HeatmapKind[] = ['click', 'scroll', 'move'];
const TOP = 20;
/** Standard deviation of one point's gaussian, px. */
const SIGMA_PX = 12;
/** Taller pages are drawn down to here (a canvas and a screenshot have limits). */
const MAX_HEIGHT = 16_384;
const STAGES = ['open', 'settle', 'index', 'query', 'screenshot', 'draw', 'write'] as const;

/**
 * The Chromium to run: `CHROME_PATH`, else Debian's. The lookup of `scripts/find-chrome.mjs`,
 * but throwing: a report may run inside someone's server, where exiting is not ours to do.
 */
function chromePath(): string {
  const candidates = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `no Chromium found (looked at ${candidates.join(', ')}); install one, set CHROME_PATH or pass executablePath`,
    );
  return found;
}

const bytesOf = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

/** The options checked, and what follows from them. */
function plan(options: HeatmapOptions) {
  const { kind, device } = options;
  if (!KINDS.includes(kind)) throw new Error(`kind must be one of ${KINDS.join(', ')}, not ${String(kind)}`);
  const viewport = HEATMAP_VIEWPORTS[device];
  if (!viewport) throw new Error(`device must be desktop, tablet or mobile, not ${String(device)}`);
  const format = extname(options.out).toLowerCase();
  if (format !== '.png' && format !== '.html')
    throw new Error(`out must end with .png or .html: ${options.out}`);
  const url = new URL(options.page);
  if (!['http:', 'https:', 'file:'].includes(url.protocol))
    throw new Error(`not a page URL: ${options.page}`);
  const range = options.range ?? {};
  const filter: HeatFilter = { type: kind, path: options.path ?? url.pathname, device, range };
  return { kind, device, viewport, format, url, range, filter };
}

/**
 * What the report reads that does not depend on the page's layout: coverage, the most clicked
 * keys and products, scroll reach. Queried while Chromium starts.
 */
async function readTotals(store: EventStore, filter: HeatFilter) {
  const stats = await heatStats(store, filter);
  if (filter.type === 'scroll')
    return { stats, keys: [], products: [], reach: await scrollReach(store, filter) };
  const keys = await topKeys(store, filter, TOP);
  const products = filter.type === 'click' ? await topProducts(store, filter, TOP) : [];
  return { stats, keys, products, reach: [] };
}

/**
 * Opens `url` in a new page at `viewport` and waits for it to settle: network idle, custom
 * elements upgraded and rendered, content loaded on scroll. Resolves with warnings.
 */
async function openSettled(
  browser: Browser,
  url: URL,
  viewport: { width: number; height: number },
): Promise<{ page: Page; warnings: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
  // Well-behaved carousels and animations hold still.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  const response = await page.goto(url.href, { waitUntil: 'networkidle0', timeout: 30_000 });
  if (response && !response.ok()) throw new Error(`${url.href} answered ${response.status()}`);
  await inPage(page, settle, 5_000);
  await inPage(page, scrollThrough, 40);
  await page.waitForNetworkIdle({ idleTime: 250, timeout: 5_000 }).catch(() => undefined);
  // What scrolling brought may need upgrading too.
  const undefinedTags = await inPage(page, settle, 2_000);
  const warnings = undefinedTags.length
    ? [`never defined, drawn as they are: ${undefinedTags.join(', ')}`]
    : [];
  return { page, warnings };
}

/**
 * A heatmap of one page for one device class, drawn over the live page, as a PNG or a
 * self-contained HTML file.
 *
 * 1. Opens `page` in headless Chromium at the device's width ({@link HEATMAP_VIEWPORTS}) and
 *    waits for the network to go idle, custom elements to upgrade and render, and content
 *    loaded on scroll.
 * 2. Keys every element with a box the way the tracker does (open shadow roots included), so
 *    each stored `element_key` resolves to the element now at that place in the page.
 * 3. In SQL, places every click at its element's box + offset × size — or, when its key is not
 *    on the page, at its recorded `page_x`/`page_y` — and counts them per 4 px cell; move
 *    samples likewise from the points in `data` (without a fallback); scroll: the share of
 *    sessions whose deepest scroll reached each 5% band. The store returns cells, not events.
 * 4. Draws gaussian density (a colour ramp, transparent where cold) over a full-page
 *    screenshot. The PNG carries a caption strip naming the page, the data range
 *    ({@link coverageLine}) and the placed/unplaced counts; the HTML adds the most clicked
 *    elements and products, every value escaped.
 *
 * Reads events of `kind` whose `path` and `device` match, within `range`.
 */
export async function heatmapReport(store: EventStore, options: HeatmapOptions): Promise<HeatmapResult> {
  const { kind, device, viewport, format, url, range, filter } = plan(options);
  let done = 0;
  const stage = (name: string) => options.onProgress?.(name, done++, STAGES.length);

  const totals = readTotals(store, filter);
  // Awaited below; until then a failure must not count as unhandled.
  totals.catch(() => undefined);

  stage('open');
  // Loaded on first use: the collector's server never needs a browser.
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: options.executablePath ?? chromePath(),
    headless: true,
    args: CHROME_ARGS,
  });
  try {
    stage('settle');
    const { page, warnings } = await openSettled(browser, url, viewport);

    stage('index');
    const index = await inPage(page, indexElements, undefined);
    const width = viewport.width;
    const height = Math.max(1, Math.min(index.height, MAX_HEIGHT));
    if (index.height > MAX_HEIGHT) warnings.push(`page cut at ${MAX_HEIGHT} px of ${index.height}`);
    const onPage = new Set(index.boxes.map(([key]) => key));

    stage('query');
    const { stats, keys, products: productRows, reach } = await totals;
    const covers = coverage(range, stats);
    let placed = 0;
    let unplaced = 0;
    const density: number[] = [];
    if (kind !== 'scroll')
      for (const group of await heatCells(store, filter, index.boxes)) {
        if (group.placed) placed += group.total;
        else unplaced += group.total;
        group.n.forEach((n, i) => density.push(group.x[i]!, group.y[i]!, n));
      }
    else placed = reach.reduce((sum, r) => sum + r.n, 0);
    const points = placed + unplaced;
    const share = (n: number) => (points ? n / points : 0);
    const top: HeatmapElement[] = keys.map((t) => ({
      key: t.key,
      component: t.component,
      productId: t.product,
      count: t.n,
      share: share(t.n),
      resolved: onPage.has(t.key),
    }));
    const products: HeatmapProduct[] = productRows.map((p) => ({
      productId: p.product,
      count: p.n,
      sessions: p.sessions,
      share: share(p.n),
    }));
    const bands: ScrollBand[] =
      kind === 'scroll'
        ? Array.from({ length: 20 }, (_, i) => {
            const sessions = reach.filter((r) => r.bands > i).reduce((sum, r) => sum + r.n, 0);
            return { from: i / 20, to: (i + 1) / 20, sessions, share: share(sessions) };
          })
        : [];

    stage('screenshot');
    const shot = await page.screenshot({
      type: 'png',
      clip: { x: 0, y: 0, width, height },
      captureBeyondViewport: true,
    });
    const screenshot = `data:image/png;base64,${Buffer.from(shot).toString('base64')}`;
    await page.close();

    stage('draw');
    const title = `${kind[0]!.toUpperCase()}${kind.slice(1)} heatmap of ${filter.path} on ${device} (${width} px wide), drawn on ${url.href}`;
    const summary = [
      kind === 'click'
        ? `${points} clicks: ${placed} on their element, ${unplaced} at their page position (element not on the page now).`
        : kind === 'move'
          ? `${points} pointer samples: ${placed} on their element, ${unplaced} left out (element not on the page now).`
          : `${points} sessions; each band is tinted by the share of them that saw it.`,
      ...warnings,
    ];
    const canvas = await browser.newPage();
    const draw = (input: Pick<DrawInput, 'base' | 'caption'>) =>
      inPage(canvas, drawHeatmap, {
        ...input,
        width,
        height,
        points: density,
        sigma: SIGMA_PX,
        bands: kind === 'scroll' ? bands.map((b) => b.share) : null,
      });
    const output =
      format === '.png'
        ? bytesOf(await draw({ base: screenshot, caption: [title, coverageLine(covers), ...summary] }))
        : heatmapHtml({
            title,
            summary,
            coverage: covers,
            screenshot,
            overlay: await draw({ base: null, caption: [] }),
            width,
            height,
            unit: kind === 'click' ? 'clicks' : 'samples',
            top,
            products,
            bands,
          });

    stage('write');
    const file = resolve(options.out);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, output);
    options.onProgress?.('done', STAGES.length, STAGES.length);
    return {
      file,
      coverage: covers,
      points,
      placed,
      unplaced,
      top,
      products,
      bands,
      width,
      height,
      warnings,
    };
  } finally {
    await browser.close();
  }
}
