import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { startShop, type ShopServer } from '../server/shop-server.js';
import { generateCatalog } from '../src/catalog.js';

// Search in the demo shop as a shopper uses it, in Chromium over the built bundles: a typo in
// the header box, suggestions, Enter to the results page, a facet, back; pinyin initials in
// Chinese. Expectations come from the generated catalog, not from the engine.
describe('demo shop search', { timeout: 180_000 }, () => {
  let shop: ShopServer;
  let browser: Browser;
  let dataDir: string;

  before(async () => {
    assert.ok(existsSync('packages/all/dist/vitrine-search.js'), 'run npm run build first (npm test does)');
    dataDir = await mkdtemp(join(tmpdir(), 'vt-shop-search-'));
    shop = await startShop({ port: 0, dataDir });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // Decline analytics once, so the consent bar stays out of the way.
    await page.goto(new URL(path, shop.url).href, { waitUntil: 'networkidle0' });
    const no = await page.$('.consent button:not(.primary)');
    if (no) await no.click();
    return { page, errors };
  }

  const options = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelector('vt-search')!.shadowRoot!.querySelectorAll('[role=option]')].map((o) =>
        o.textContent!.replace(/\s+/g, ' ').trim(),
      ),
    );
  const results = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelector('vt-search-results')!.shadowRoot!.querySelectorAll('[part~="card"]')].map(
        (c) => ({
          title: c.querySelector('[part~="title"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          brand: c.querySelector('[part~="brand"]')?.textContent?.trim() ?? '',
        }),
      ),
    );
  const ready = (page: Page) =>
    page.waitForFunction(
      () =>
        document.querySelector('vt-search-results')?.getAttribute('status') === 'ready' &&
        !document.querySelector('vt-search-results')!.hasAttribute('busy'),
      { timeout: 15_000 },
    );

  it('a typo in the header box suggests the products, Enter shows them all with facets, back restores', async () => {
    const earbuds = generateCatalog('en').products.filter((p) => /wireless earbuds/i.test(p.title));
    assert.ok(earbuds.length >= 2, 'the catalog has wireless earbuds');
    const { page, errors } = await open('/');
    await page.click('vt-search');
    await page.keyboard.type('wireles earbuds', { delay: 30 });
    await page.waitForFunction(
      () =>
        [...document.querySelector('vt-search')!.shadowRoot!.querySelectorAll('[role=option]')].some((o) =>
          /Wireless Earbuds/.test(o.textContent ?? ''),
        ),
      { timeout: 15_000 },
    );
    const shown = (await options(page)).filter((o) => /Wireless Earbuds/.test(o));
    assert.ok(shown.length >= Math.min(2, earbuds.length), shown.join(' | '));

    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, '/search.html');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'wireles earbuds');
    await ready(page);
    const found = await results(page);
    for (const p of earbuds)
      assert.ok(
        found.some((r) => r.title === p.title),
        `${p.title} is found`,
      );
    // The box on the results page holds the query.
    assert.equal(
      await page.$eval('vt-search', (el) => (el as HTMLElement & { value: string }).value),
      'wireles earbuds',
    );

    // A brand facet narrows the grid to that brand and goes into the URL; back undoes it.
    const brand = earbuds[0]!.brand!;
    const box = await page.evaluateHandle(
      (name) =>
        [
          ...document
            .querySelector('vt-search-results')!
            .shadowRoot!.querySelectorAll('input[type=checkbox]'),
        ].find((i) => i.closest('label')?.textContent?.includes(name)),
      brand,
    );
    await (box.asElement() as ElementHandle<HTMLInputElement>).click();
    await page.waitForFunction(
      (b) => new URL(location.href).searchParams.getAll('brand').includes(b),
      {},
      brand,
    );
    await ready(page);
    const narrowed = await results(page);
    assert.ok(narrowed.length > 0);
    assert.ok(
      narrowed.every((r) => r.brand === brand),
      JSON.stringify(narrowed),
    );
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('brand'));
    await ready(page);
    assert.equal((await results(page)).length, found.length);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('in Chinese, pinyin initials and a two-character word find every matching product', async () => {
    const zh = generateCatalog('zh-CN').products;
    const earphones = zh.filter((p) => p.title.includes('耳机'));
    assert.ok(earphones.length >= 2);
    for (const q of ['ej', '耳机']) {
      const { page, errors } = await open(`/search.html?q=${encodeURIComponent(q)}&lang=zh-CN`);
      await ready(page);
      const found = await results(page);
      for (const p of earphones)
        assert.ok(
          found.some((r) => r.title === p.title),
          `${q}: ${p.title}`,
        );
      const heading = await page.evaluate(
        () => document.querySelector('vt-search-results')!.shadowRoot!.querySelector('h2')?.textContent ?? '',
      );
      assert.match(heading, /共 \d+ 个结果/);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
});
