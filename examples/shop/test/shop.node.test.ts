import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { startShop, type ShopServer } from '../server/shop-server.js';
import { generateCatalog } from '../src/catalog.js';
import { demoOffers, shopPromotions } from '../src/promotions.js';
import { priceCart, type CartLine } from '@vitrine/pricing';

// Runs after `npm run build` in `npm test`: the shop serves the built all-in-one bundle, as a
// real shop would.
describe('demo shop', () => {
  let shop: ShopServer;
  let browser: Browser;
  let dataDir: string;

  before(async () => {
    assert.ok(existsSync('packages/all/dist/vitrine.js'), 'run npm run build first (npm test does)');
    dataDir = await mkdtemp(join(tmpdir(), 'vt-shop-'));
    shop = await startShop({ port: 0, dataDir });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    await shop?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
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
    // <vt-cart> shows the line, with the same quantity; removing it empties the cart.
    const quantity = await cart.waitForSelector('vt-cart >>> [part="quantity"]');
    assert.equal(await quantity!.evaluate((i) => (i as HTMLInputElement).value), '1');
    await cart.click('vt-cart >>> [part="remove"]');
    await cart.waitForSelector('vt-cart >>> [part="empty"]');
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

  it('shows a live flash sale, adds a bundle in one click and prices the cart with offers', async () => {
    const catalog = generateCatalog('en');
    const demo = demoOffers(catalog);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const onSale = demo.flashLive[0]!;
    await page.goto(new URL(`/product.html?id=${onSale.id}&lang=en`, shop.url).href, {
      waitUntil: 'networkidle0',
    });
    await page.waitForSelector('main[aria-busy="false"]');
    // The countdown runs on the server's clock and shows the sale price while the sale is live.
    await page.waitForFunction(
      () => document.querySelector('vt-countdown')?.getAttribute('phase') === 'live',
    );
    const live = await page.$eval('vt-countdown', (el) => ({
      timer: el.shadowRoot!.querySelector('[role="timer"]')?.textContent?.replace(/\s+/g, ' ').trim(),
      price: el.querySelector('[slot="live"]')?.getAttribute('amount'),
    }));
    assert.match(live.timer ?? '', /^Ends in \d\d:\d\d:\d\d$/);
    const flash = shopPromotions(catalog, Date.now()).find((x) => x.id === `flash-${onSale.id}`);
    assert.ok(flash && flash.kind === 'flash_sale');
    assert.equal(Number(live.price), flash.price.amount);

    // "Bought together": every item ticked; one click adds them all.
    const anchor = demo.bundle[0]!;
    await page.goto(new URL(`/product.html?id=${anchor.id}&lang=en`, shop.url).href, {
      waitUntil: 'networkidle0',
    });
    await page.waitForFunction(() => document.querySelector('vt-bundle')?.getAttribute('status') === 'ready');
    const save = await page.$eval('vt-bundle', (el) =>
      el.shadowRoot!.querySelector('[part="save"]')?.textContent?.trim(),
    );
    assert.match(save ?? '', /^You save \$\d+\.\d\d$/);
    await page.$eval('vt-bundle', (el) =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="add"]')!.click(),
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('vt-cart-count')
          ?.shadowRoot?.querySelector('[part="base"]')
          ?.getAttribute('aria-label') === 'Cart, 3 items',
    );

    // The cart page prices the same cart: the set applies and the next spend tier is shown.
    await page.goto(new URL('/cart.html?lang=en', shop.url).href, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('vt-offers')?.getAttribute('status') === 'ready');
    const offers = await page.$eval('vt-offers', (el) => ({
      savings: el.shadowRoot!.querySelector('[part~="savings"]')?.textContent?.replace(/\s+/g, ' ').trim(),
      progress: el.shadowRoot!.querySelector('[role="progressbar"]')?.getAttribute('aria-valuetext'),
    }));
    // The same engine on the "server" side gives the same saving for the same cart.
    const lines = await page.evaluate(async () => {
      const api = (await import('/vitrine/vitrine.js' as string)) as {
        getCartStore(): { get(): { lines: CartLine[] } };
      };
      return api.getCartStore().get().lines;
    });
    assert.equal(lines.length, 3);
    const r = priceCart({
      lines,
      promotions: shopPromotions(catalog, Date.now()),
      context: { now: Date.now() },
    });
    assert.ok(
      r.applied.some((a) => a.id === `bundle-${anchor.id}`),
      JSON.stringify(r.applied),
    );
    const usd = (amount: number) =>
      new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(amount / 100);
    assert.ok(
      offers.savings?.startsWith(`You save ${usd(r.discounts.amount + r.shippingDiscount.amount)}`),
      offers.savings,
    );
    if (r.nextTier)
      assert.equal(
        offers.progress,
        `Add ${usd(r.nextTier.spendMore.amount)} to save ${usd(r.nextTier.save.amount)}`,
      );
    else assert.match(offers.progress ?? '', /^Top tier reached: you save \$\d+\.\d\d$/);
    await page.evaluate(async () => {
      const api = (await import('/vitrine/vitrine.js' as string)) as {
        getCartStore(): { clear(): Promise<unknown> };
      };
      await api.getCartStore().clear();
    });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the product reviews with JSON-LD and takes a new review', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(new URL('/product.html?id=p0002&lang=en', shop.url).href, { waitUntil: 'networkidle0' });
    await page.waitForFunction(
      () => document.querySelector('vt-reviews')?.getAttribute('status') === 'ready',
    );
    const jsonld = await page.$eval('vt-reviews script[type="application/ld+json"]', (s) =>
      JSON.parse(s.textContent!),
    );
    assert.equal(jsonld['@type'], 'Product');
    assert.ok(jsonld.aggregateRating.reviewCount >= 1);
    await page.waitForFunction(() =>
      document.querySelector('vt-reviews')?.shadowRoot?.querySelector('vt-review-form'),
    );
    const form = await page.evaluateHandle(() =>
      document.querySelector('vt-reviews')!.shadowRoot!.querySelector('vt-review-form')!,
    );
    await form.evaluate(async (el) => {
      (el as HTMLElement & { open: boolean }).open = true;
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const root = el.shadowRoot!;
      root.querySelector<HTMLInputElement>('input[name="rating"][value="5"]')!.click();
      root.querySelector<HTMLTextAreaElement>('textarea')!.value = 'Lovely dress, true to size.';
      root.querySelector<HTMLInputElement>('#author')!.value = 'Demo shopper';
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    });
    await page.waitForFunction(
      (el) => el.shadowRoot!.querySelector('[part="message"]')?.textContent?.includes('Thank you'),
      {},
      form,
    );
    assert.deepEqual(errors, []);
    await page.close();
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
