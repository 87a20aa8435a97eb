import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { startShop, type ShopServer } from '../server/shop-server.js';
import { generateCatalog } from '../src/catalog.js';

// The demo product page's gallery as a shopper meets it, in Chromium against the real server:
// local photos, the generated video with captions and the generated glTF model.
describe('demo shop product gallery', () => {
  let shop: ShopServer;
  let browser: Browser;
  let dataDir: string;
  const product = generateCatalog('en').products[0]!;

  before(async () => {
    assert.ok(existsSync('packages/all/dist/vitrine.js'), 'run npm run build first (npm test does)');
    dataDir = await mkdtemp(join(tmpdir(), 'vt-shop-gallery-'));
    shop = await startShop({ port: 0, dataDir });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    await shop?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function open(lang: 'en' | 'zh-CN'): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(new URL(`/product.html?id=${product.id}&lang=${lang}`, shop.url).href, {
      waitUntil: 'networkidle0',
    });
    await page.waitForFunction(
      () => document.querySelector('vt-gallery')?.getAttribute('status') === 'ready',
    );
    return { page, errors, requests };
  }

  const index = (page: Page) => page.$eval('vt-gallery', (g) => (g as unknown as { index: number }).index);

  it('has photos, the local video and the local 3D model, and the first photo is preloaded', async () => {
    assert.deepEqual(
      product.media.map((m) => m.type),
      [...product.media.filter((m) => m.type === 'image').map(() => 'image'), 'video', 'model'],
    );
    const { page, errors, requests } = await open('en');
    try {
      const preload = await page.$eval('link[rel="preload"][as="image"]', (l) => l.getAttribute('href'));
      assert.equal(preload, product.media[0]!.url);
      assert.equal(
        requests.indexOf(product.media[0]!.url) < requests.findIndex((r) => r.startsWith('/vitrine/')),
        true,
        'the first photo is requested before the Vitrine bundle',
      );
      const tabs = await page.$$eval('vt-gallery >>> [role="tab"]', (t) =>
        t.map((b) => b.getAttribute('aria-label')),
      );
      assert.equal(tabs.length, product.media.length);
      assert.match(tabs.at(-2)!, /^Video \d+: /);
      assert.match(tabs.at(-1)!, /^3D model \d+: /);
      assert.equal(requests.filter((r) => /model-viewer|\.glb$|\.webm$/.test(r)).length, 0);
      assert.deepEqual(errors, []);
    } finally {
      await page.browserContext().close();
    }
  });

  it('moves by keyboard, zooms under the mouse, plays the captioned video, shows the 3D model', async () => {
    const { page, errors, requests } = await open('en');
    try {
      // Keyboard: focus the view, → moves to photo 2.
      await page.focus('vt-gallery >>> [part~="viewport"]');
      await page.keyboard.press('ArrowRight');
      assert.equal(await index(page), 1);
      await page.keyboard.press('Home');
      assert.equal(await index(page), 0);

      // Hover zoom with the real mouse.
      const box = (await (await page.$('vt-gallery >>> [part~="viewport"]'))!.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.25);
      await page.waitForFunction(
        () => (document.querySelector('vt-gallery') as unknown as { scale: number }).scale === 2,
      );
      await page.mouse.move(box.x + box.width + 200, box.y);
      await page.waitForFunction(
        () => (document.querySelector('vt-gallery') as unknown as { scale: number }).scale === 1,
      );

      // Full screen (the built bundle: its minified names must not clash with Lit's), then Escape.
      await page.click('vt-gallery >>> [part~="fullscreen"]');
      await page.waitForFunction(
        () =>
          document
            .querySelector('vt-gallery')
            ?.shadowRoot?.querySelector('vt-lightbox')
            ?.shadowRoot?.querySelector('dialog')?.open === true,
      );
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () =>
          document
            .querySelector('vt-gallery')
            ?.shadowRoot?.querySelector('vt-lightbox')
            ?.shadowRoot?.querySelector('dialog')?.open === false,
      );

      // The video: its thumbnail, then play; English captions are on.
      const videoIndex = product.media.findIndex((m) => m.type === 'video');
      await page.click(`vt-gallery >>> #thumb-${videoIndex}`);
      const played = page.evaluate(
        () =>
          new Promise((resolve) =>
            document.addEventListener('vt-video-play', (e) => resolve((e as CustomEvent).detail), {
              once: true,
            }),
          ),
      );
      await page.$eval('vt-gallery >>> vt-gallery-video', async (v) => {
        const video = v.shadowRoot!.querySelector('video')!;
        video.muted = true;
        await video.play();
      });
      assert.deepEqual(await played, {
        tag: 'vt-gallery',
        productId: product.id,
        index: videoIndex,
        type: 'video',
        url: '/media/clip.webm',
      });
      const showing = await page.$eval('vt-gallery >>> vt-gallery-video', (v) =>
        [...v.shadowRoot!.querySelector('video')!.textTracks]
          .filter((t) => t.mode === 'showing')
          .map((t) => t.language),
      );
      assert.deepEqual(showing, ['en']);

      // The model: model-viewer is fetched now, the model loads, the video paused.
      await page.click(`vt-gallery >>> #thumb-${videoIndex + 1}`);
      await page.waitForFunction(
        () => {
          const model = document.querySelector('vt-gallery')!.shadowRoot!.querySelector('vt-gallery-model');
          return !!model?.shadowRoot?.querySelector('[part~="hint"]');
        },
        { timeout: 60_000 },
      );
      assert.ok(requests.some((r) => /model-viewer/.test(r)));
      assert.ok(requests.includes('/media/bag.glb'));
      assert.equal(
        await page.$eval(
          'vt-gallery >>> vt-gallery-video',
          (v) => v.shadowRoot!.querySelector('video')!.paused,
        ),
        true,
      );
      assert.deepEqual(errors, []);
    } finally {
      await page.browserContext().close();
    }
  });

  it('follows the variant picker to that colour’s photo', async () => {
    const withColours = generateCatalog('en').products.find(
      (p) => p.options.length === 1 && p.variants.some((v) => v.mediaIndex > 0),
    );
    assert.ok(withColours, 'the demo catalog has a product whose colours have their own photos');
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    try {
      await page.goto(new URL(`/product.html?id=${withColours.id}`, shop.url).href, {
        waitUntil: 'networkidle0',
      });
      const variant = withColours.variants.find((v) => v.mediaIndex > 0)!;
      const option = withColours.options[0]!;
      await page.select(`select[name="${option.name}"]`, variant.options[option.name]!);
      await page.waitForFunction(
        (want) => (document.querySelector('vt-gallery') as unknown as { index: number }).index === want,
        {},
        variant.mediaIndex,
      );
    } finally {
      await context.close();
    }
  });
});
