import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { startVueExample, type ExampleServer } from '../server/example-server.js';

// The Vue 3 example as a shopper and a Vue developer meet it, in Chromium: Vue passes
// objects to the elements as properties, the elements' events reach Vue state, and a re-render
// with new props updates the elements. Each test opens the page in a fresh browser context (its
// own IndexedDB, so an empty cart).
describe('Vue example', () => {
  let server: ExampleServer;
  let browser: Browser;

  before(async () => {
    server = await startVueExample();
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setViewport({ width: 1300, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') errors.push(m.text());
    });
    page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    await page.waitForFunction(
      () => document.querySelector('vt-gallery')?.getAttribute('status') === 'ready',
    );
    return { page, errors };
  }

  const text = (page: Page, selector: string) =>
    page.$eval(selector, (el) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim());
  const shownPhoto = (page: Page) =>
    page.$eval('vt-gallery >>> [role="tab"][aria-selected="true"]', (t) => t.getAttribute('aria-label'));
  /** Waits until the (shadow) text of `selector` is `expected`; on timeout, says what it was. */
  async function waitForText(page: Page, selector: string, expected: string): Promise<void> {
    try {
      await page.waitForFunction(
        (s, e) => {
          const el = document.querySelector(s);
          return (el?.shadowRoot ?? el)?.textContent?.replace(/\s+/g, ' ').trim() === e;
        },
        { timeout: 5000 },
        selector,
        expected,
      );
    } catch {
      assert.equal(await text(page, selector).catch(() => '(no such element)'), expected, selector);
    }
  }

  it('renders the elements with the product objects Vue passes as properties', async () => {
    const { page, errors } = await open();
    try {
      // An object can only arrive as a property: no `product="[object Object]"` attribute.
      const gallery = await page.$eval('vt-gallery', (g) => ({
        attribute: g.getAttribute('product'),
        title: (g as unknown as { product: { title: string } }).product.title,
      }));
      assert.deepEqual(gallery, { attribute: null, title: 'Linen shirt' });
      assert.match((await shownPhoto(page))!, /Linen shirt in sand/);
      assert.equal(await text(page, '[data-test="product-price"]'), 'Now $49.00 Was $65.00');
      const listed = await page.$$eval('[data-test="results"] vt-price', (prices) =>
        prices.map((p) => p.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim()),
      );
      assert.deepEqual(listed, ['Now $49.00 Was $65.00', '$25.00', '$18.00']);
      assert.equal(
        await page.$eval('vt-search', (s) => (s as unknown as { products: unknown[] }).products.length),
        3,
      );
      assert.deepEqual(errors, []);
    } finally {
      await page.browserContext().close();
    }
  });

  it('an add to cart in the element reaches Vue state, and Vue shows the count', async () => {
    const { page, errors } = await open();
    try {
      await waitForText(page, '[data-test="cart"] [aria-live]', '0 items, $0.00');
      await page.click('vt-add-to-cart >>> [part="button"]');
      await waitForText(page, '[data-test="cart"] [aria-live]', '1 item, $49.00');
      // The element’s own badge agrees with Vue.
      await page.waitForFunction(
        () =>
          document
            .querySelector('vt-cart-count')
            ?.shadowRoot?.querySelector('[part="count"]')
            ?.textContent?.trim() === '1',
      );
      const log = await page.$$eval('[data-test="log"] li', (items) => items.map((i) => i.textContent));
      assert.ok(log.includes('vt-cart-change (add)'), log.join(', '));
      assert.ok(log.includes('vt-funnel add_to_cart'), log.join(', '));
      assert.deepEqual(errors, []);
    } finally {
      await page.browserContext().close();
    }
  });

  it('a re-render with new props updates the elements: another variant, another product', async () => {
    const { page, errors } = await open();
    try {
      await page.click('fieldset label:nth-of-type(2) input');
      await waitForText(page, '[data-test="product-price"]', '$54.00');
      await page.waitForFunction(() =>
        document
          .querySelector('vt-gallery')
          ?.shadowRoot?.querySelector('[role="tab"][aria-selected="true"]')
          ?.getAttribute('aria-label')
          ?.includes('sky blue'),
      );
      assert.ok(
        (await page.$$eval('[data-test="log"] li', (l) => l.map((i) => i.textContent))).includes(
          'vt-variant-change linen-shirt-sky',
        ),
      );

      await page.click('[data-test="results"] li:nth-child(2) button');
      await waitForText(page, '[data-test="product-price"]', '$25.00');
      // One photo: no thumbnails, just the tote.
      await page.waitForFunction(() => {
        const photos = document
          .querySelector('vt-gallery')
          ?.shadowRoot?.querySelectorAll('img[part="image"]');
        return photos?.length === 1 && photos[0]!.getAttribute('alt') === 'Canvas tote bag';
      });
      // The add-to-cart button got the new product too: it adds the tote.
      await page.click('vt-add-to-cart >>> [part="button"]');
      await waitForText(page, '[data-test="cart"] [aria-live]', '1 item, $25.00');
      assert.deepEqual(errors, []);
    } finally {
      await page.browserContext().close();
    }
  });

  it('a search submitted in the element reaches Vue, which shows the results on the same page', async () => {
    const { page, errors } = await open();
    try {
      const url = page.url();
      await page.type('vt-search >>> input', 'mug');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.querySelector('#results-heading')?.textContent === 'Results for “mug”',
      );
      const titles = await page.$$eval('[data-test="results"] button', (b) => b.map((x) => x.textContent));
      assert.deepEqual(titles, ['Stoneware mug']);
      assert.equal(page.url(), url, 'the submit event was cancelled, so the page stayed');
      assert.deepEqual(errors, []);
    } finally {
      await page.browserContext().close();
    }
  });
});
