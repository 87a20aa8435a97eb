import assert from 'node:assert/strict';
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { WIRE_SCHEMA, type ClickData, type WireEvent } from '@vitrine/schema';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { openDuckDBStore } from '../src/duckdb-store.js';
import { parseBatch } from '../src/ingest.js';
import { escapeXml } from '../src/reports/output.js';
import { coverageLine, type ReportRange } from '../src/reports/range.js';
import { HEATMAP_VIEWPORTS, heatmapReport, type HeatmapDevice } from '../src/reports/heatmap.js';
import { indexElements, inPage } from '../src/reports/heatmap-page.js';
import type { EventStore } from '../src/store.js';

// The heatmap report end to end, with real parts only: shoppers click, hover and scroll a fixture
// page in Chromium with the real tracker, its events go into a real DuckDB store, and the report
// opens the same page (served over HTTP) in its own Chromium and draws on it.

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'heatmap');
const SITE = 'fixture-shop';
const PATH = '/shop/product.html';
const BUY = 'vt-fixture-offer[product=p1]>part(buy)';
const RETIRED = 'vt-spring-banner[promotion=spring]>part(cta)';
const HOSTILE = '<img src=x onerror=alert(1)>';
/** Where the clicks on keys no longer on the page were made (desktop page coordinates). */
const FALLBACK_AT = { x: 300, y: 1500 };

type Box = [number, number, number, number];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** `cols` × `rows` points evenly over the middle `spread` (a fraction) of a box, as fractions. */
const grid = (cols: number, rows: number, spread: number): [number, number][] => {
  const at = (i: number, n: number) => (n < 2 ? 0.5 : 0.5 - spread / 2 + (spread * i) / (n - 1));
  return Array.from({ length: cols * rows }, (_, i) => [at(i % cols, cols), at(Math.floor(i / cols), rows)]);
};
const tally = (keys: string[]) => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
};
const inside = ([x, y]: [number, number], [l, t, w, h]: Box) => x >= l && x <= l + w && y >= t && y <= t + h;

describe('heatmap report', { timeout: 120_000 }, () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let store: EventStore;
  let dir: string;
  let desktop: WireEvent[] = [];
  let mobile: WireEvent[] = [];
  let scrollOnly: WireEvent[] = [];
  let range: ReportRange;
  /** The buy button's box as the report lays the page out, per device. */
  const buyAt = {} as Record<'desktop' | 'mobile', Box>;

  /** One shopper: a fresh browser profile (new visitor and session) with the tracker on. */
  async function shopper(
    viewport: { width: number; height: number },
    act: (page: Page) => Promise<void>,
  ): Promise<WireEvent[]> {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.setViewport(viewport);
      await page.goto(`${origin}${PATH}?track`, { waitUntil: 'load' });
      // The offer is defined late; a `>>>` selector would not notice it (no document mutation).
      await page.waitForFunction(() => !!window.vtFixture && !!customElements.get('vt-fixture-offer'));
      await page.evaluate(() => window.vtFixture!.ready());
      await act(page);
      const events = await page.evaluate(() => window.vtFixture!.collect());
      assert.deepEqual(errors, []);
      return events;
    } finally {
      await context.close();
    }
  }

  /**
   * Real clicks at `fractions` of the element `selector` names (scrolled into view first), each
   * after the page ran the tracker's 0 ms timer from the click before: until then the tracker
   * takes a click for a label forwarding the previous one, and drops it (no human is that fast).
   */
  async function clickIn(page: Page, selector: string, fractions: [number, number][]): Promise<void> {
    const handle = (await page.waitForSelector(selector))!;
    await handle.scrollIntoView();
    const box = (await handle.boundingBox())!;
    for (const [fx, fy] of fractions) {
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    }
  }

  /** The page as the report lays it out for `device`: the boxes of some elements, page px. */
  async function layout(device: HeatmapDevice, selectors: string[]): Promise<Box[]> {
    const page = await browser.newPage();
    try {
      await page.setViewport({ ...HEATMAP_VIEWPORTS[device], deviceScaleFactor: 1 });
      await page.goto(`${origin}${PATH}`, { waitUntil: 'load' });
      await page.waitForFunction(() => !!customElements.get('vt-fixture-offer'));
      const boxes: Box[] = [];
      for (const selector of selectors) {
        const handle = (await page.waitForSelector(selector))!;
        boxes.push(
          await handle.evaluate((el) => {
            const r = el.getBoundingClientRect();
            return [r.left + scrollX, r.top + scrollY, r.width, r.height] as Box;
          }),
        );
      }
      return boxes;
    } finally {
      await page.close();
    }
  }

  /**
   * Decodes `png` in Chromium: its size, the centre of its hottest region (the pixels within 10%
   * of the reddest; the fixture page is grey, so red is the overlay's hot end) and the colour at
   * `samples`.
   */
  async function decode(png: Buffer, samples: [number, number][] = []) {
    const page = await browser.newPage();
    try {
      return await inPage(
        page,
        async ({ url, samples }: { url: string; samples: [number, number][] }) => {
          const img = new Image();
          img.src = url;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const { data } = ctx.getImageData(0, 0, img.width, img.height);
          let best = 0;
          for (let i = 0; i < data.length; i += 4)
            best = Math.max(best, data[i]! - Math.max(data[i + 1]!, data[i + 2]!));
          let sx = 0;
          let sy = 0;
          let n = 0;
          let peak: [number, number] = [0, 0];
          let peakScore = -1;
          for (let i = 0; i < data.length; i += 4) {
            const score = data[i]! - Math.max(data[i + 1]!, data[i + 2]!);
            const p = i / 4;
            if (score > peakScore) [peakScore, peak] = [score, [p % img.width, Math.floor(p / img.width)]];
            if (score >= best * 0.9) {
              sx += p % img.width;
              sy += Math.floor(p / img.width);
              n++;
            }
          }
          return {
            width: img.width,
            height: img.height,
            redness: best,
            hottest: [sx / n, sy / n] as [number, number],
            peak,
            colours: samples.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data] as number[]),
          };
        },
        { url: `data:image/png;base64,${png.toString('base64')}`, samples },
      );
    } finally {
      await page.close();
    }
  }

  const clicks = (events: WireEvent[]) =>
    events.filter((e): e is Extract<WireEvent, { type: 'click' }> => e.type === 'click');
  const moveKeys = (events: WireEvent[]) =>
    events.flatMap((e) => (e.type === 'move' ? e.data.points.map((p) => p.elementKey) : []));

  before(async () => {
    const bundle = await build({
      entryPoints: [join(FIXTURE, 'tracker-entry.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: ['source'],
      write: false,
      logLevel: 'silent',
    });
    const files: Record<string, [string, Buffer | string]> = {
      [PATH]: ['text/html; charset=utf-8', await readFile(join(FIXTURE, 'product.html'))],
      '/shop/components.js': ['text/javascript', await readFile(join(FIXTURE, 'components.js'))],
      '/shop/tracker.js': ['text/javascript', bundle.outputFiles[0]!.text],
    };
    server = createServer((req, res) => {
      const file = files[new URL(req.url ?? '/', 'http://x').pathname];
      res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
      res.end(file?.[1] ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
    dir = await mkdtemp(join(tmpdir(), 'vt-heatmap-'));
    store = await openDuckDBStore(join(dir, 'events.duckdb'));
    const start = Date.now();

    // A desktop shopper on a 1920 px screen (the report lays out at 1280): a plain paragraph,
    // then the buy button in the offer's shadow root clearly the most, a few other things,
    // a rest over the buy button, and a scroll to the bottom.
    desktop = await shopper({ width: 1920, height: 1080 }, async (page) => {
      await clickIn(page, '.story p', [[0.2, 0.5]]);
      await clickIn(page, 'vt-fixture-offer >>> [part~="buy"]', grid(8, 5, 0.15));
      await clickIn(page, 'article[data-product-id="p2"] button', grid(5, 1, 0.8));
      await clickIn(page, 'acme-stars >>> [part~="star"]:nth-of-type(4)', [
        [0.5, 0.5],
        [0.4, 0.6],
        [0.6, 0.4],
      ]);
      await clickIn(page, '#menu', [
        [0.5, 0.5],
        [0.3, 0.3],
      ]);
      const buy = (await (await page.$('vt-fixture-offer >>> [part~="buy"]'))!.boundingBox())!;
      for (let i = 0; i < 24; i++) {
        await page.mouse.move(
          buy.x + buy.width * (0.5 + 0.1 * Math.cos(i)),
          buy.y + buy.height * (0.5 + 0.1 * Math.sin(i)),
        );
        await sleep(110);
      }
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await sleep(100);
    });
    // A phone, 430 px wide (the report lays out at 390): the buy button, a related product, search.
    mobile = await shopper({ width: 430, height: 932 }, async (page) => {
      await clickIn(page, 'vt-fixture-offer >>> [part~="buy"]', grid(5, 4, 0.15));
      await clickIn(page, 'article[data-product-id="p3"] button', [
        [0.5, 0.5],
        [0.4, 0.4],
        [0.6, 0.6],
        [0.5, 0.3],
      ]);
      await clickIn(page, '#search', [
        [0.5, 0.5],
        [0.5, 0.6],
      ]);
    });
    // Two more desktop sessions: one reads without scrolling, one scrolls to 70% of the page.
    scrollOnly = [
      ...(await shopper({ width: 1920, height: 1080 }, async () => undefined)),
      ...(await shopper({ width: 1920, height: 1080 }, async (page) => {
        await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight * 0.7 - innerHeight));
        await sleep(100);
      })),
    ];

    // Clicks on keys no longer on the page (a retired banner, a forged key), copied from a real
    // desktop click: they must fall back to their page coordinates. And the same desktop clicks
    // for another site, which the site range leaves out.
    const model = clicks(desktop)[0]!;
    const fake = (i: number, data: Partial<ClickData>): WireEvent => ({
      ...model,
      id: `fixture-fallback-${String(i).padStart(4, '0')}`,
      seq: 10_000 + i,
      data: {
        ...model.data,
        offsetX: 0.5,
        offsetY: 0.5,
        pageX: FALLBACK_AT.x,
        pageY: FALLBACK_AT.y,
        ...data,
      },
    });
    const fallback = [
      ...Array.from({ length: 6 }, (_, i) => fake(i, { elementKey: RETIRED, component: 'vt-spring-banner' })),
      fake(6, { elementKey: HOSTILE, component: '<b>vt-x</b>', productId: '"><svg onload=alert(3)>' }),
      fake(7, { elementKey: HOSTILE, component: '<b>vt-x</b>', productId: '"><svg onload=alert(3)>' }),
    ];
    const elsewhere = desktop.map((e) => ({ ...e, id: `${e.id.slice(0, 40)}-other` }));
    for (const [events, site] of [
      [[...desktop, ...mobile, ...scrollOnly, ...fallback], SITE],
      [elsewhere, 'other-shop'],
    ] as const) {
      for (let i = 0; i < events.length; i += 500) {
        const body = JSON.stringify({
          schema: WIRE_SCHEMA,
          sentAt: Date.now(),
          events: events.slice(i, i + 500),
        });
        const parsed = parseBatch(Buffer.from(body), { contentType: 'application/json' });
        assert.ok(parsed.ok, `the events are valid wire events: ${JSON.stringify(parsed)}`);
        await store.insert(parsed.batch.events, { site, receivedAt: Date.now() });
      }
    }
    range = { site: SITE, from: start - 60_000, to: Date.now() + 60_000 };
    for (const device of ['desktop', 'mobile'] as const)
      [buyAt[device]] = (await layout(device, ['vt-fixture-offer >>> [part~="buy"]'])) as [Box];
  });

  after(async () => {
    await browser?.close();
    await store?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the tracker recorded what the shoppers did (the fixture works)', () => {
    const desk = tally(clicks(desktop).map((e) => e.data.elementKey));
    assert.equal(desk.get(BUY), 40);
    assert.equal(desk.get('article[product=p2]>button'), 5);
    assert.equal(desk.get('#stars >>> part(star)[2]'), 3);
    assert.equal(desk.get('#menu'), 2);
    assert.equal(clicks(desktop).length, 51);
    assert.ok(
      clicks(desktop).every((e) => e.device?.class === 'desktop' && e.page.path === PATH),
      'desktop clicks are desktop ones, on the page',
    );
    assert.equal(tally(clicks(mobile).map((e) => e.data.elementKey)).get(BUY), 20);
    assert.ok(
      clicks(mobile).every((e) => e.device?.class === 'mobile'),
      'phone clicks are mobile ones',
    );
    assert.ok(
      moveKeys(desktop).filter((k) => k === BUY).length >= 10,
      'the pointer rested on the buy button',
    );
  });

  it('resolves every key the tracker gives on the page, the way the tracker computes it', async () => {
    const page = await browser.newPage();
    try {
      await page.setViewport({ ...HEATMAP_VIEWPORTS.desktop, deviceScaleFactor: 1 });
      await page.goto(`${origin}${PATH}?track`, { waitUntil: 'load' });
      await page.waitForFunction(() => !!customElements.get('vt-fixture-offer') && !!window.vtFixture);
      const real = await page.evaluate(() => window.vtFixture!.keys());
      const ours = new Map(
        (await inPage(page, indexElements, undefined)).boxes.map(([key, ...box]) => [key, box]),
      );
      const first = new Map<string, Box>();
      for (const { key, box } of real) if (!first.has(key)) first.set(key, box);
      assert.deepEqual([...ours.keys()].sort(), [...first.keys()].sort());
      for (const [key, box] of first) assert.deepEqual(ours.get(key), box, key);
      // Every form of key is among them.
      for (const key of [
        BUY,
        'vt-fixture-offer[product=p1]>part(qty)[1]',
        'vt-fixture-offer[product=p1]>key(size-guide)',
        'vt-fixture-offer[product=p1]>vt-fixture-badge>part(label)',
        '#stars >>> part(star)[2]',
        'article[product=p2]>button',
        'body>section:nth-of-type(2)>p:nth-of-type(1)',
      ])
        assert.ok(ours.has(key), key);
    } finally {
      await page.close();
    }
  });

  it('draws desktop clicks: hottest on the buy button, counts as made, retired keys by page position', async () => {
    const out = join(dir, 'desktop.png');
    const stages: string[] = [];
    const report = await heatmapReport(store, {
      page: `${origin}${PATH}`,
      kind: 'click',
      device: 'desktop',
      out,
      range,
      onProgress: (stage, done, total) => stages.push(`${stage} ${done}/${total}`),
    });
    assert.equal(report.file, out);
    assert.equal(stages.at(-1), 'done 7/7');
    const made = clicks(desktop);
    assert.equal(report.placed, made.length, 'every shopper click resolved to its element');
    assert.equal(report.unplaced, 8, 'the retired and forged keys fell back to page coordinates');
    assert.equal(report.points, made.length + 8);
    assert.equal(report.coverage.events, made.length + 8);
    assert.equal(report.coverage.site, SITE);

    // Counts per element, computed from the events made, most first.
    const expected = tally([
      ...made.map((e) => e.data.elementKey),
      ...Array(6).fill(RETIRED),
      HOSTILE,
      HOSTILE,
    ]);
    const want = [...expected]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([key, count]) => ({ key, count, share: count / report.points }));
    assert.deepEqual(
      report.top.map(({ key, count, share }) => ({ key, count, share })),
      want,
    );
    assert.equal(report.top[0]!.key, BUY);
    assert.deepEqual(
      report.top
        .filter((t) => !t.resolved)
        .map((t) => t.key)
        .sort(),
      [HOSTILE, RETIRED].sort(),
    );
    assert.deepEqual(report.top[0]!.component, 'vt-fixture-offer');
    assert.deepEqual(report.top[0]!.productId, 'p1');
    assert.deepEqual(
      report.products.map((p) => [p.productId, p.count]),
      [
        ['p1', 40],
        ['p2', 5],
        ['"><svg onload=alert(3)>', 2],
      ],
    );

    const buy = buyAt.desktop;
    const png = await decode(await readFile(out), [[FALLBACK_AT.x, FALLBACK_AT.y]]);
    assert.equal(png.width, 1280);
    assert.equal(png.width, report.width);
    assert.ok(png.height > report.height, 'a caption strip is drawn under the page');
    assert.ok(png.redness > 100, 'there is a hot region');
    assert.ok(inside(png.hottest, buy), `hottest ${png.hottest} in the buy button ${buy}`);
    assert.ok(inside(png.peak, buy), `peak ${png.peak} in the buy button ${buy}`);
    // The page is grey: colour where the retired keys' clicks were made means they were drawn there.
    const [r, g, b] = png.colours[0]!;
    assert.ok(
      Math.max(r!, g!, b!) - Math.min(r!, g!, b!) > 40,
      `heat at the fallback position: ${png.colours[0]}`,
    );
  });

  it('draws mobile clicks at 390 px, where the layout differs, on the same button', async () => {
    const out = join(dir, 'mobile.png');
    const report = await heatmapReport(store, {
      page: `${origin}${PATH}`,
      kind: 'click',
      device: 'mobile',
      out,
      range,
    });
    const made = clicks(mobile);
    assert.equal(report.placed, made.length);
    assert.equal(report.unplaced, 0);
    assert.deepEqual(
      report.top.map((t) => [t.key, t.count]),
      [...tally(made.map((e) => e.data.elementKey))].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    );
    const buyMobile = buyAt.mobile;
    assert.ok(Math.abs(buyMobile[1] - buyAt.desktop[1]) > 100, 'the button is elsewhere on a phone');
    const png = await decode(await readFile(out));
    assert.equal(png.width, 390);
    assert.ok(inside(png.hottest, buyMobile), `hottest ${png.hottest} in the buy button ${buyMobile}`);
    assert.ok(inside(png.peak, buyMobile), `peak ${png.peak} in the buy button ${buyMobile}`);
  });

  it('writes HTML with every value escaped, the tables and the data range', async () => {
    const out = join(dir, 'report.html');
    const report = await heatmapReport(store, {
      page: `${origin}${PATH}`,
      kind: 'click',
      device: 'desktop',
      out,
      range,
    });
    const html = await readFile(out, 'utf8');
    assert.ok(!html.includes(HOSTILE), 'the forged key is never markup');
    assert.ok(!html.includes('<svg onload'), 'nor the forged product');
    assert.ok(!html.includes('<b>vt-x</b>'), 'nor the forged component');
    assert.ok(html.includes(escapeXml(HOSTILE)), 'the forged key is there, escaped');
    assert.ok(html.includes(escapeXml(coverageLine(report.coverage))), 'the data range is named');
    assert.match(html, /<img src="data:image\/png;base64,/);

    // Opened in a browser: nothing runs, nothing is injected, the range and the tables are visible.
    const page = await browser.newPage();
    try {
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await page.goto(`file://${out}`, { waitUntil: 'load' });
      const seen = await page.evaluate(() => ({
        text: document.body.innerText,
        images: [...document.images].map((i) => i.src.slice(0, 22)),
        svg: document.querySelectorAll('svg, script, b').length,
        rows: [...document.querySelectorAll('tbody tr')].map((tr) => (tr as HTMLElement).innerText),
      }));
      assert.equal(dialogs, 0);
      assert.equal(seen.svg, 0);
      assert.deepEqual(seen.images, ['data:image/png;base64,', 'data:image/png;base64,']);
      assert.ok(
        seen.text.includes(`Data: ${coverageLine(report.coverage)}`),
        `the range is visible: ${seen.text}`,
      );
      assert.ok(seen.text.includes(HOSTILE), 'the forged key is shown as text');
      assert.ok(
        seen.rows.some((row) => row.includes(BUY) && row.includes('40')),
        `the buy button's 40 clicks are in a row: ${seen.rows.join(' | ')}`,
      );
      assert.ok(
        seen.rows.some((row) => row.startsWith('p1') && row.includes('40')),
        `p1's 40 clicks are in a row: ${seen.rows.join(' | ')}`,
      );
    } finally {
      await page.close();
    }
  });

  it('draws pointer movement: hottest where the pointer rested', async () => {
    const out = join(dir, 'move.png');
    const report = await heatmapReport(store, {
      page: `${origin}${PATH}`,
      kind: 'move',
      device: 'desktop',
      out,
      range,
    });
    const samples = moveKeys(desktop);
    assert.equal(report.points, samples.length);
    assert.equal(report.placed, samples.length);
    assert.equal(report.top[0]!.key, BUY);
    assert.equal(report.top[0]!.count, samples.filter((k) => k === BUY).length);
    const buy = buyAt.desktop;
    const png = await decode(await readFile(out));
    assert.ok(inside(png.hottest, buy), `hottest ${png.hottest} in the buy button ${buy}`);
  });

  it('refuses what it cannot draw: another file type, an unknown device, a page that is not there', async () => {
    const page = `${origin}${PATH}`;
    const out = join(dir, 'never.png');
    await assert.rejects(
      heatmapReport(store, { page, kind: 'click', device: 'desktop', out: join(dir, 'x.jpg') }),
      /\.png or \.html/,
    );
    await assert.rejects(
      heatmapReport(store, { page, kind: 'click', device: 'watch' as HeatmapDevice, out }),
      /desktop, tablet or mobile/,
    );
    await assert.rejects(
      heatmapReport(store, { page: `${origin}/shop/gone.html`, kind: 'click', device: 'desktop', out }),
      /answered 404/,
    );
  });

  it('draws scroll reach: the share of sessions that saw each 5% band', async () => {
    const out = join(dir, 'scroll.png');
    const report = await heatmapReport(store, {
      page: `${origin}${PATH}`,
      kind: 'scroll',
      device: 'desktop',
      out,
      range,
    });
    const deepest = new Map<string, number>();
    for (const e of [...desktop, ...scrollOnly])
      if (e.type === 'scroll')
        deepest.set(e.sessionId, Math.max(deepest.get(e.sessionId) ?? 0, e.data.maxDepth));
    assert.equal(deepest.size, 3);
    assert.equal(report.points, 3);
    const depths = [...deepest.values()];
    assert.deepEqual(
      report.bands.map((b) => b.sessions),
      Array.from({ length: 20 }, (_, i) => depths.filter((d) => d > i / 20).length),
    );
    assert.equal(report.bands[0]!.share, 1);
    assert.equal(report.bands[19]!.share, 1 / 3);
    const png = await decode(await readFile(out), [
      [report.width - 10, 30],
      [report.width - 10, report.height - 30],
    ]);
    const [top, bottom] = png.colours as [number[], number[]];
    assert.ok(top[0]! > top[2]!, `the top band is warm: ${top}`);
    assert.ok(bottom[2]! > bottom[0]!, `the bottom band is cool: ${bottom}`);
  });
});
