import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { startShop, type ShopServer } from '../server/shop-server.js';

// Runs after `npm run build` in `npm test`: the shop serves the built all-in-one bundle, as a
// real shop would.
describe('demo shop', () => {
  let shop: ShopServer;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync('packages/all/dist/vitrine.js'), 'run npm run build first (npm test does)');
    shop = await startShop({ port: 0 });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    await shop?.close();
  });

  it('serves every page, the bundle, the catalog and placeholder images on 127.0.0.1', async () => {
    assert.match(shop.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const path of [
      '/',
      '/search.html',
      '/product.html?id=p0001',
      '/cart.html',
      '/checkout.html',
      '/shop.css',
    ]) {
      const res = await fetch(new URL(path, shop.url));
      assert.equal(res.status, 200, path);
    }
    const bundle = await fetch(new URL('/vitrine/vitrine.js', shop.url));
    assert.equal(bundle.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const catalog = (await (await fetch(new URL('/api/catalog?lang=zh-CN', shop.url))).json()) as {
      currency: string;
      products: unknown[];
    };
    assert.equal(catalog.currency, 'CNY');
    assert.ok(catalog.products.length >= 200);
    const svg = await fetch(new URL('/img/p0001-1.svg', shop.url));
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.match(await svg.text(), /^<svg/);
  });

  it('answers unknown paths, products and traversal attempts with 404, never a file outside the shop', async () => {
    assert.equal((await fetch(new URL('/nope.html', shop.url))).status, 404);
    assert.equal((await fetch(new URL('/api/products/p9999', shop.url))).status, 404);
    assert.equal((await fetch(new URL('/img/p9999-1.svg', shop.url))).status, 404);
    const traversal = await fetch(new URL('/..%2f..%2fpackage.json', shop.url));
    assert.equal(traversal.status, 404);
    assert.doesNotMatch(await traversal.text(), /"workspaces"/);
  });

  it('renders a product page in Chromium with a formatted <vt-price>, in English and Chinese', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    for (const [lang, currencySign] of [
      ['en', '$'],
      ['zh-CN', '¥'],
    ] as const) {
      await page.goto(new URL(`/product.html?id=p0001&lang=${lang}`, shop.url).href, {
        waitUntil: 'networkidle0',
      });
      await page.waitForSelector('main[aria-busy="false"]');
      const seen = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.querySelector('h1')?.textContent ?? '',
        price: document.querySelector('vt-price')?.shadowRoot?.textContent ?? '',
        defined: Boolean(customElements.get('vt-price')),
      }));
      assert.equal(seen.lang, lang);
      assert.ok(seen.defined, 'vt-price is defined by the bundle');
      assert.ok(seen.title.length > 0);
      assert.ok(seen.price.includes(currencySign), `price "${seen.price}" in ${lang}`);
      if (lang === 'zh-CN') assert.match(seen.title, /[\u4e00-\u9fff]/);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('lets a shopper pick a variant, add it to the cart and see it in another tab', async () => {
    const product = await browser.newPage();
    const errors: string[] = [];
    product.on('pageerror', (e) => errors.push(String(e)));
    await product.goto(new URL('/product.html?id=p0002&lang=en', shop.url).href, {
      waitUntil: 'networkidle0',
    });
    await product.waitForSelector('main[aria-busy="false"]');
    const shadowText = (tag: string, part: string) =>
      product.evaluate(
        (t, p) =>
          document.querySelector(t)?.shadowRoot?.querySelector(`[part="${p}"]`)?.textContent?.trim() ?? '',
        tag,
        part,
      );
    assert.match(await shadowText('vt-add-to-cart', 'message'), /^Choose .+ first$/);
    for (const select of await product.$$('.options select')) {
      const values = await select.$$eval('option', (options) => options.map((o) => o.value).filter(Boolean));
      await select.select(values[0]!);
    }
    const button = await product.waitForFunction(() =>
      document.querySelector('vt-add-to-cart')?.shadowRoot?.querySelector('button[aria-disabled="false"]'),
    );
    await (button as unknown as { click(): Promise<void> }).click();
    await product.waitForFunction(
      () =>
        document
          .querySelector('vt-cart-count')
          ?.shadowRoot?.querySelector('[part="base"]')
          ?.getAttribute('aria-label') === 'Cart, 1 item',
    );
    assert.equal(await shadowText('vt-add-to-cart', 'message'), '1 item added to cart');

    const cart = await browser.newPage();
    await cart.goto(new URL('/cart.html', shop.url).href, { waitUntil: 'networkidle0' });
    await cart.waitForSelector('.cart-lines li');
    assert.equal(await cart.$eval('.cart-lines input', (i) => (i as HTMLInputElement).value), '1');
    await cart.click('.cart-lines button');
    await cart.waitForSelector('.cart-lines', { hidden: true });
    // The product tab follows the change made in the cart tab.
    await product.waitForFunction(
      () =>
        document
          .querySelector('vt-cart-count')
          ?.shadowRoot?.querySelector('[part="base"]')
          ?.getAttribute('aria-label') === 'Cart, empty',
    );
    assert.deepEqual(errors, []);
    await cart.close();
    await product.close();
  });

  it('keeps the shopper on a page with a translated message when a product is missing', async () => {
    const page = await browser.newPage();
    page.on('console', () => {}); // the 404 is expected and logged by the page
    await page.goto(new URL('/product.html?id=p9999&lang=zh-CN', shop.url).href, {
      waitUntil: 'networkidle0',
    });
    await page.waitForSelector('main[aria-busy="false"]');
    const heading = await page.$eval('h1', (h) => h.textContent);
    assert.equal(heading, '无法加载该商品。');
    await page.close();
  });
});
