import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { listAbandonedCheckouts } from '../server/order-store.js';
import { startShop, type ShopServer } from '../server/shop-server.js';
import { generateCatalog } from '../src/catalog.js';

// The shopper's whole way through the demo shop, in Chromium, against the real server and its
// DuckDB: product → cart → checkout → order, typed as a shopper types.
describe('demo shop checkout', () => {
  let shop: ShopServer;
  let browser: Browser;
  let dataDir: string;

  before(async () => {
    assert.ok(existsSync('packages/all/dist/vitrine-checkout.js'), 'run npm run build first (npm test does)');
    dataDir = await mkdtemp(join(tmpdir(), 'vt-shop-checkout-'));
    shop = await startShop({ port: 0, dataDir });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    await shop?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const url = (path: string) => new URL(path, shop.url).href;

  /** A fresh browser profile (its own IndexedDB cart), with page errors collected. */
  async function shopper(): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return { page, errors, close: () => context.close() };
  }

  /** Puts the first in-stock variant of a product into the cart from its product page. */
  async function addToCart(page: Page, lang: 'en' | 'zh-CN'): Promise<string> {
    const product = generateCatalog(lang).products.find(
      (p) => p.options.length === 0 && p.availability === 'in_stock',
    )!;
    await page.goto(url(`/product.html?id=${product.id}&lang=${lang}`), { waitUntil: 'networkidle0' });
    const button = await page.waitForSelector('vt-add-to-cart >>> button[aria-disabled="false"]');
    await button!.click();
    await page.waitForFunction(
      () =>
        !/empty|空/.test(
          document
            .querySelector('vt-cart-count')
            ?.shadowRoot?.querySelector('[part="base"]')
            ?.getAttribute('aria-label') ?? 'empty',
        ),
    );
    return product.title;
  }

  const openSection = (page: Page) =>
    page.$eval(
      'vt-checkout .vt-checkout__section[data-state="open"]',
      (s) => (s as HTMLElement).dataset['section'],
    );

  async function waitSection(page: Page, section: string): Promise<void> {
    await page.waitForSelector(`vt-checkout [data-section="${section}"][data-state="open"]`);
  }

  async function typeInto(page: Page, path: string, text: string): Promise<void> {
    await page.click(`vt-checkout [data-path="${path}"]`);
    await page.keyboard.type(text);
  }

  async function payByCard(page: Page): Promise<void> {
    await page.waitForSelector('vt-checkout input[autocomplete="cc-number"]');
    await page.type('vt-checkout input[autocomplete="cc-number"]', '4242 4242 4242 4242');
    await page.type('vt-checkout input[autocomplete="cc-exp"]', '12 / 39');
    await page.type('vt-checkout input[autocomplete="cc-csc"]', '123');
    await page.keyboard.press('Enter');
    await waitSection(page, 'review');
  }

  it('takes a guest from the product page to a placed order stored by the server', async () => {
    const { page, errors, close } = await shopper();
    const title = await addToCart(page, 'en');
    await page.goto(url('/cart.html?lang=en'), { waitUntil: 'networkidle0' });
    const line = await page.waitForSelector('vt-cart >>> [part~="title"]');
    assert.equal((await line!.evaluate((e) => e.textContent))?.trim(), title);
    const checkoutLink = await page.waitForSelector('vt-cart >>> a[part~="checkout"]');
    await checkoutLink!.click();
    await page.waitForSelector('vt-checkout form');
    assert.match(page.url(), /\/checkout\.html$/);

    await typeInto(page, 'contact.email', 'grace@example.com');
    await page.keyboard.press('Enter');
    await waitSection(page, 'address');
    await typeInto(page, 'shipping.name', 'Grace Hopper');
    await typeInto(page, 'shipping.line1', '1 Navy Way');
    await typeInto(page, 'shipping.city', 'Arlington');
    await page.select('vt-checkout [data-path="shipping.region"]', 'VA');
    await typeInto(page, 'shipping.postalCode', '22202');
    await page.keyboard.press('Enter');
    await waitSection(page, 'delivery');
    await page.keyboard.press('Enter');
    await waitSection(page, 'payment');
    await payByCard(page);
    const shown = await page.$eval('vt-checkout .vt-checkout__grand + dd', (e) => e.textContent?.trim());
    await page.click('vt-checkout [data-section="review"] button[type="submit"]');
    await page.waitForSelector('vt-checkout .vt-checkout__done');
    const text = await page.$eval('vt-checkout .vt-checkout__done', (e) => e.textContent ?? '');
    const orderId = /VT-[A-Z0-9]+/.exec(text)?.[0];
    assert.ok(orderId, text);
    assert.match(text, /Thank you/);
    assert.ok(text.includes(shown!), `confirmation shows the total ${shown}: ${text}`);

    const stored = (await (await fetch(url(`/api/orders/${orderId}`))).json()) as {
      status: string;
      total: { amount: number; currency: string };
    };
    assert.equal(stored.status, 'paid');
    assert.equal(stored.total.currency, 'USD');
    // The cart is empty everywhere, and a reload does not bring the draft back.
    await page.goto(url('/checkout.html'), { waitUntil: 'networkidle0' });
    await page.waitForSelector('vt-checkout[status="empty"]');
    assert.deepEqual(errors, []);
    await close();
  });

  it('pays a Chinese order on the simulated Alipay page and shows it paid on return', async () => {
    const { page, errors, close } = await shopper();
    await addToCart(page, 'zh-CN');
    await page.goto(url('/checkout.html?lang=zh-CN'), { waitUntil: 'networkidle0' });
    await page.waitForSelector('vt-checkout form');
    await typeInto(page, 'shipping.phone', '13812345678');
    await page.keyboard.press('Enter');
    await waitSection(page, 'address');
    await typeInto(page, 'shipping.name', '李雷');
    await page.select('vt-checkout [data-path="shipping.region"]', '广东省');
    await typeInto(page, 'shipping.city', '深圳市');
    await typeInto(page, 'shipping.district', '南山区');
    await typeInto(page, 'shipping.line1', '科技园南路 8 号 1 栋 502');
    await page.keyboard.press('Enter');
    await waitSection(page, 'delivery');
    await page.keyboard.press('Enter');
    await waitSection(page, 'payment');
    const alipay = await page.waitForSelector('vt-checkout ::-p-text(支付宝)');
    await alipay!.click();
    await page.click('vt-checkout [data-section="payment"] button[type="submit"]');
    await waitSection(page, 'review');
    await Promise.all([
      page.waitForNavigation(),
      page.click('vt-checkout [data-section="review"] button[type="submit"]'),
    ]);
    assert.match(page.url(), /\/pay\/simulated\?order=VT-/);
    assert.match(await page.$eval('body', (b) => b.textContent ?? ''), /模拟|simulated/i);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    assert.match(page.url(), /\/checkout\.html\?order=VT-/);
    await page.waitForSelector('vt-checkout .vt-checkout__done');
    const done = await page.$eval('vt-checkout .vt-checkout__done', (e) => e.textContent ?? '');
    assert.match(done, /订单已提交/);
    assert.match(done, /订单号：VT-/);
    assert.deepEqual(errors, []);
    await close();
  });

  it('records a checkout left with a reminder and restores its cart from the return link', async () => {
    const first = await shopper();
    const title = await addToCart(first.page, 'en');
    await first.page.goto(url('/checkout.html?lang=en'), { waitUntil: 'networkidle0' });
    await first.page.waitForSelector('vt-checkout form');
    await typeInto(first.page, 'contact.email', 'linus@example.com');
    await first.page.click('vt-checkout [data-path="contact.remindMe"]');
    // Leaving the page sends the reminder request as a beacon.
    await first.page.goto(url('/?lang=en'), { waitUntil: 'networkidle0' });
    let left: Awaited<ReturnType<typeof listAbandonedCheckouts>> = [];
    for (let i = 0; i < 50 && left.length === 0; i++) {
      left = (await listAbandonedCheckouts(dataDir)).filter((a) => a.contact.email === 'linus@example.com');
      if (left.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(left.length, 1, 'the server recorded the abandoned checkout');
    assert.equal(left[0]!.cart.lines.length, 1);
    await first.close();

    // The reminder's link, opened in another browser: the cart is back.
    const second = await shopper();
    await second.page.goto(url(`/checkout.html?recover=${left[0]!.id}&lang=en`), {
      waitUntil: 'networkidle0',
    });
    await second.page.waitForSelector('vt-checkout form');
    const summary = await second.page.$eval('vt-checkout .vt-checkout__lines', (e) => e.textContent ?? '');
    assert.ok(summary.includes(title), summary);
    assert.match(second.page.url(), /\/checkout\.html$/);
    assert.deepEqual(second.errors, []);
    await second.close();
  });

  it('keeps what the shopper typed through a reload', async () => {
    const { page, errors, close } = await shopper();
    await addToCart(page, 'en');
    await page.goto(url('/checkout.html?lang=en'), { waitUntil: 'networkidle0' });
    await page.waitForSelector('vt-checkout form');
    await typeInto(page, 'contact.email', 'margaret@example.com');
    await page.keyboard.press('Enter');
    await waitSection(page, 'address');
    await typeInto(page, 'shipping.name', 'Margaret Hamilton');
    await new Promise((r) => setTimeout(r, 500));
    await page.reload({ waitUntil: 'networkidle0' });
    await waitSection(page, 'address');
    assert.equal(await openSection(page), 'address');
    assert.equal(
      await page.$eval('vt-checkout [data-path="shipping.name"]', (i) => (i as HTMLInputElement).value),
      'Margaret Hamilton',
    );
    assert.deepEqual(errors, []);
    await close();
  });
});
