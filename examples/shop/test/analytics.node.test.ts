import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { startShop, type ShopServer } from '../server/shop-server.js';

// The demo shop's analytics as a shopper and then an analyst meet them: the consent bar, the
// tracker on every page (built bundle) and the embedded collector's DuckDB file.
describe('demo shop analytics', () => {
  let shop: ShopServer;
  let browser: Browser;
  let dataDir: string;

  before(async () => {
    assert.ok(existsSync('packages/tracker/dist/index.js'), 'run npm run build first (npm test does)');
    dataDir = await mkdtemp(join(tmpdir(), 'vt-shop-analytics-'));
    shop = await startShop({ port: 0, dataDir });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    await shop?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(new URL(path, shop.url).href, { waitUntil: 'networkidle0' });
  }

  const count = async (where: string) =>
    (await shop.events.query<{ n: number }>(`SELECT count(*) AS n FROM events WHERE ${where}`))[0]!.n;

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    assert.fail(`timed out waiting for ${what}`);
  }

  it('records nothing before consent, then clicks, page views and funnel events once allowed', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => console.log('CONSOLE', page.url(), m.type(), m.text()));
    page.on('request', (r) => r.url().includes('collect') && console.log('REQ', page.url(), r.url()));
    await open(page, '/');
    await page.waitForSelector('.consent button');
    // Browse without answering: nothing is stored or sent.
    await page.click('.site-header a[href="/search.html"]');
    await page.waitForSelector('.consent button');
    await new Promise((ok) => setTimeout(ok, 500));
    assert.equal(await count('true'), 0, 'nothing before consent');
    const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert.ok(!dbs.includes('vitrine-tracker'), 'no tracker database before consent');

    await page.click('.consent button.primary');
    await page.waitForSelector('.consent', { hidden: true });
    await open(page, '/');
    assert.equal(await page.$('.consent'), null, 'the choice is remembered');
    await page.waitForSelector('.card a');
    const href = await page.$eval('.card a', (a) => a.getAttribute('href')!);
    await page.click('.card a');
    await page.waitForFunction(
      () => document.querySelector('vt-gallery')?.getAttribute('status') === 'ready',
    );
    // Leaving the page sends what is queued (page hide).
    await open(page, '/cart.html');
    await until(
      // The cart page sends its own events on its first timed flush (5 s).
      async () =>
        (await count(`type = 'click'`)) > 0 &&
        (await count(`type = 'pageview'`)) >= 4 &&
        (await count(`type = 'funnel' AND name = 'view_item'`)) >= 1,
      'events',
    );

    const site = await shop.events.query<{ site: string }>('SELECT DISTINCT site FROM events');
    assert.deepEqual(
      site.map((s) => s.site),
      ['demo-shop'],
    );
    const productId = new URL(href, shop.url).searchParams.get('id');
    const click = await shop.events.query<{ element_key: string; product_id: string | null; path: string }>(
      `SELECT element_key, product_id, path FROM events WHERE type = 'click' ORDER BY ts LIMIT 1`,
    );
    assert.equal(click[0]!.path, '/', 'the click on the product card (the consent bar is private)');
    assert.ok(click[0]!.element_key.length > 0);
    assert.ok(
      click[0]!.element_key.includes(productId!) || click[0]!.product_id === productId,
      `the click names the product: ${JSON.stringify(click[0])}`,
    );
    const all = await shop.events.query<{ type: string; path: string; name: string | null }>(
      `SELECT type, path, name, seq FROM events ORDER BY ts, seq`,
    );
    const trail = JSON.stringify(all.map((e) => `${e.type}:${e.path}:${e.name ?? ''}`));
    const views = await shop.events.query<{ path: string }>(
      `SELECT path FROM events WHERE type = 'pageview' ORDER BY ts, seq`,
    );
    assert.deepEqual(
      views.map((v) => v.path),
      // The page where the shopper allowed it is the first one recorded.
      ['/search.html', '/', '/product.html', '/cart.html'],
      trail,
    );
    assert.ok(
      (await count(`type = 'funnel' AND name = 'view_item'`)) >= 1,
      'view_item from the product page',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('records nothing for a shopper who says no', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await open(page, '/?lang=zh-CN');
    const text = await page.$eval('.consent', (el) => el.textContent ?? '');
    assert.match(text, /允许/);
    const before = await count('true');
    await page.click('.consent button:not(.primary)');
    await open(page, '/search.html');
    await page.click('.site-header a[href="/"]');
    await new Promise((ok) => setTimeout(ok, 800));
    assert.equal(await page.$('.consent'), null);
    assert.equal(await count('true'), before);
    await context.close();
  });
});
