import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AxeResults, RunOptions } from 'axe-core';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { startDropin, type DropinServer } from '../server/dropin-server.js';
import { inject } from '../server/inject.js';

const VT_TAGS = ['vt-search', 'vt-cart-count', 'vt-gallery', 'vt-price', 'vt-add-to-cart', 'vt-reviews'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  rule: string;
  impact: string;
  /** axe's selector, for people. */
  target: string;
  /**
   * The element, named the same in both variants: a path of the template's elements that skips
   * our tags (so the template's own elements keep their name), or `ours:<tag>` for our tags
   * (`ours:<tag> >>> …` inside their shadow roots).
   */
  node: string;
}

/** Runs axe-core (WCAG 2.2 A/AA and best practices, page-level rules on) on the whole page. */
async function audit(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource);
  // tsx compiles the function below with esbuild's keepNames, which calls a `__name` helper
  // that exists only in Node; give the page a no-op one.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
    };
    const results = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    const resolve = (target: unknown): Element | null => {
      const first = (target as (string | string[])[])[0];
      const chain = Array.isArray(first) ? first : [first];
      let root: Document | ShadowRoot | null = document;
      let el: Element | null = null;
      for (const selector of chain) {
        el = root?.querySelector(selector ?? '') ?? null;
        root = el?.shadowRoot ?? null;
      }
      return el;
    };
    const name = (el: Element | null, target: unknown): string => {
      if (!el) return `unresolved ${JSON.stringify(target)}`;
      let light = el;
      let inShadow = false;
      while (light.getRootNode() instanceof ShadowRoot) {
        light = (light.getRootNode() as ShadowRoot).host;
        inShadow = true;
      }
      let ours: Element | null = null;
      for (let a: Element | null = light; a; a = a.parentElement) if (a.localName.startsWith('vt-')) ours = a;
      if (ours)
        return `ours:${ours.localName}${inShadow || ours !== light ? ` >>> ${JSON.stringify(target)}` : ''}`;
      const steps: string[] = [];
      for (let a: Element | null = light; a?.parentElement; a = a.parentElement) {
        const kin = [...a.parentElement.children].filter((c) => !c.localName.startsWith('vt-'));
        steps.unshift(`${a.localName}:${kin.indexOf(a)}`);
      }
      return ['html', ...steps].join('>');
    };
    return results.violations.flatMap((v) =>
      v.nodes.map((n) => ({
        rule: v.id,
        impact: v.impact ?? '',
        target: JSON.stringify(n.target),
        node: name(resolve(n.target), n.target),
      })),
    );
  });
}

interface Opened {
  page: Page;
  /** Console errors and uncaught exceptions, with the URL they came from. */
  errors: { text: string; url: string }[];
}

// Runs after `npm run build` in `npm test`: the page loads the built all-in-one bundle, as a
// shop would. Outside requests (the template's CDN icons, Bootstrap JS and dummyimage.com
// pictures) are aborted, so the test sees the same page with or without a network.
describe('drop-in: Start Bootstrap "Shop Item" with Vitrine tags', () => {
  let dropin: DropinServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const isLocal = (url: string) => url.startsWith(dropin.url);

  /** Opens a variant in its own browser context (its own IndexedDB cart), outside requests aborted. */
  async function open(query: '' | '?plain=1'): Promise<Opened> {
    const context = await browser.createBrowserContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (isLocal(request.url()) || request.url().startsWith('data:')) void request.continue();
      else void request.abort('internetdisconnected');
    });
    const errors: Opened['errors'] = [];
    page.on('console', (message) => {
      if (message.type() === 'error')
        errors.push({ text: message.text(), url: message.location().url ?? '' });
    });
    page.on('pageerror', (error) => errors.push({ text: String(error), url: '' }));
    await page.goto(dropin.url + query, { waitUntil: 'load' });
    if (query === '') {
      // Every one of our tags defined and past its loading state.
      await page.waitForFunction(
        (tags: string[]) =>
          tags.every((tag) => {
            const el = document.querySelector(tag);
            return el && customElements.get(tag) && el.shadowRoot && el.getAttribute('status') !== 'loading';
          }),
        {},
        VT_TAGS,
      );
    }
    return { page, errors };
  }

  /** The shadow text of `tag`'s part, trimmed. */
  const partText = (page: Page, tag: string, part: string) =>
    page.evaluate(
      (t, p) =>
        document
          .querySelector(t)
          ?.shadowRoot?.querySelector(`[part~="${p}"]`)
          ?.textContent?.replace(/\s+/g, ' ')
          .trim() ?? '',
      tag,
      part,
    );

  const cartLabel = (page: Page) =>
    page.evaluate(
      () =>
        document
          .querySelector('vt-cart-count')
          ?.shadowRoot?.querySelector('[part="base"]')
          ?.getAttribute('aria-label') ?? '',
    );

  before(async () => {
    assert.ok(existsSync('packages/all/dist/vitrine.js'), 'run npm run build first (npm test does)');
    dropin = await startDropin({ port: 0 });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await dropin?.close();
  });

  it('uses the MIT-licensed template from node_modules and only inserts into it', async () => {
    assert.equal(dropin.template.name, 'startbootstrap-shop-item');
    assert.equal(dropin.template.license, 'MIT');
    const license = readFileSync(join(dropin.template.dist, '..', 'LICENSE'), 'utf8');
    assert.match(license, /^The MIT License \(MIT\)/);
    assert.equal(existsSync('examples/dropin/index.html'), false, 'the template is never copied in');

    const original = readFileSync(join(dropin.template.dist, 'index.html'), 'utf8');
    const plain = await (await fetch(`${dropin.url}?plain=1`)).text();
    assert.equal(plain, original, '?plain=1 is the page as published');
    const enhanced = await (await fetch(dropin.url)).text();
    assert.equal(enhanced, inject(original).html);
    // Taking every insertion out again gives back the template, byte for byte.
    let rest = enhanced;
    for (const { html } of dropin.insertions) {
      assert.equal(rest.split(html).length, 2, `inserted once: ${html.slice(0, 40)}`);
      rest = rest.replace(html, '');
    }
    assert.equal(rest, original);
    // One script added: the template's two plus ours.
    const scripts = (html: string) => html.match(/<script\b/g)?.length ?? 0;
    assert.equal(scripts(enhanced), scripts(original) + 1);
    for (const tag of VT_TAGS) assert.ok(enhanced.includes(`<${tag}`), `${tag} inserted`);
  });

  it('shows the page’s own title and price in our tags, and adds to the cart', async () => {
    const { page } = await open('');
    const fromPage = await page.evaluate(() => ({
      title: document.querySelector('h1')?.textContent?.trim() ?? '',
      price:
        document.querySelector('.fs-5 > span:not(.text-decoration-line-through)')?.textContent?.trim() ?? '',
      former: document.querySelector('.fs-5 > .text-decoration-line-through')?.textContent?.trim() ?? '',
    }));
    assert.deepEqual(fromPage, { title: 'Shop item template', price: '$40.00', former: '$45.00' });
    assert.equal(await partText(page, 'vt-price', 'amount'), fromPage.price);
    // The former price also carries a "Was" for screen readers.
    assert.ok((await partText(page, 'vt-price', 'compare-at')).endsWith(fromPage.former));
    // The gallery's photos and the reviews come from the adapter's JSON; the name from the page.
    assert.equal(
      await page.evaluate(
        () =>
          document.querySelector('vt-gallery')?.shadowRoot?.querySelectorAll('[part~="thumbnail"]').length,
      ),
      3,
    );
    assert.match(await partText(page, 'vt-reviews', 'summary'), /4 reviews/);

    assert.equal(await cartLabel(page), 'Cart, empty');
    await page.click('vt-add-to-cart >>> [part="button"]');
    await page.waitForFunction(
      () =>
        document
          .querySelector('vt-cart-count')
          ?.shadowRoot?.querySelector('[part="base"]')
          ?.getAttribute('aria-label') === 'Cart, 1 item',
    );
    // The template's own quantity field sets how many the next click adds.
    await page.click('#inputQuantity', { count: 3 });
    await page.keyboard.type('2');
    await page.click('vt-add-to-cart >>> [part="button"]');
    await page.waitForFunction(
      () =>
        document
          .querySelector('vt-cart-count')
          ?.shadowRoot?.querySelector('[part="base"]')
          ?.getAttribute('aria-label') === 'Cart, 3 items',
    );
    const line = await page.evaluate(async () => {
      const { getCartStore } = (await import('/vitrine/vitrine.js' as string)) as {
        getCartStore(): { snapshot(): { lines: { title: string; sku?: string; price: unknown }[] } };
      };
      return getCartStore().snapshot().lines[0];
    });
    assert.equal(line?.title, 'Shop item template');
    assert.equal(line?.sku, 'BST-498');
    assert.deepEqual(line?.price, { amount: 4000, currency: 'USD' });
  });

  it('searches the products read from the page in the navbar', async () => {
    const { page } = await open('');
    await page.click('vt-search >>> input');
    await page.keyboard.type('sale');
    const option = await page.waitForFunction(() =>
      [...(document.querySelector('vt-search')?.shadowRoot?.querySelectorAll('[role="option"]') ?? [])].find(
        (o) => o.textContent?.includes('Sale Item'),
      ),
    );
    assert.ok(option);
  });

  it('keeps the host page’s look: the template’s elements compute the same styles', async () => {
    const selectors = [
      'body',
      'nav.navbar',
      '.navbar-brand',
      '.nav-link.active',
      'form.d-flex > .btn',
      'form.d-flex .badge',
      'h1',
      '.fs-5',
      'p.lead',
      '#inputQuantity',
      '.d-flex > .btn.flex-shrink-0',
      'h2',
      '.card',
      '.card h5',
      '.card .btn',
      'footer',
      'footer p',
    ];
    const properties = [
      'font-family',
      'font-size',
      'font-weight',
      'line-height',
      'color',
      'background-color',
      'margin-top',
      'margin-right',
      'margin-bottom',
      'margin-left',
      'padding-top',
      'padding-left',
      'border-top-color',
      'border-top-width',
      'border-top-left-radius',
      'text-decoration-line',
    ];
    const read = (page: Page) =>
      page.evaluate(
        (sels: string[], props: string[]) =>
          Object.fromEntries(
            sels.map((sel) => {
              const el = document.querySelector(sel);
              if (!el) return [sel, null];
              const style = getComputedStyle(el);
              return [sel, Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]))];
            }),
          ),
        selectors,
        properties,
      );
    const plainPage = (await open('?plain=1')).page;
    const plain = await read(plainPage);
    const plainSheets = await plainPage.evaluate(() => document.styleSheets.length);
    const { page } = await open('');
    const enhanced = await read(page);
    for (const sel of selectors) assert.ok(plain[sel], `the template has ${sel}`);
    assert.deepEqual(enhanced, plain);

    // What we add to the document's styles: one <style> that sets only --vt-* properties on :root
    // and styles only our own tags; everything else lives in the elements' shadow roots.
    const added = await page.evaluate(() => {
      const ours = [...document.styleSheets].filter((s) => s.ownerNode instanceof HTMLStyleElement);
      return {
        sheets: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length,
        rules: ours.flatMap((s) =>
          [...s.cssRules].map((r) => {
            const rule = r as CSSStyleRule;
            return { selector: rule.selectorText, properties: [...rule.style] };
          }),
        ),
        shadowed: [...document.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('vt-'))
          .every((el) => el.shadowRoot !== null),
      };
    });
    assert.equal(added.sheets, plainSheets + 1, "the template's stylesheets and our theme");
    assert.equal(added.adopted, 0);
    assert.ok(added.shadowed, 'every vt-* element renders in a shadow root');
    for (const { selector, properties: props } of added.rules) {
      if (selector === ':root')
        assert.ok(
          props.every((p) => p.startsWith('--vt-')),
          `:root sets only --vt-*: ${props}`,
        );
      else assert.match(selector, /^vt-[a-z-]+(, vt-[a-z-]+)*$/, `rule for our tags only: ${selector}`);
    }
  });

  it('adds no accessibility violation the page did not already have (axe-core)', async (t) => {
    const plain = await audit((await open('?plain=1')).page);
    const enhanced = await audit((await open('')).page);
    t.diagnostic(`the template's own axe violations (${plain.length}):`);
    for (const v of plain) t.diagnostic(`  ${v.rule} (${v.impact}) at ${v.target}`);

    const key = (v: Violation) => `${v.rule} ${v.node}`;
    const before = new Set(plain.map(key));
    const regionBefore = plain.filter((v) => v.rule === 'region').map((v) => v.node);
    const hasNoMain = plain.some((v) => v.rule === 'landmark-one-main');
    // "region" (content outside landmarks) is the template's page-level problem: it has no
    // <main>, so anything placed in its product section is reported. Our gallery and reviews
    // bring their own labelled regions, so axe then reports that section's children one by one
    // instead of whole columns. Allowed, and listed: our own tags, and template elements inside
    // an element the plain page already reported. Everything else must be absent.
    const explained = (v: Violation) =>
      v.rule === 'region' &&
      hasNoMain &&
      ((v.node.startsWith('ours:') && !v.node.includes('>>>')) ||
        regionBefore.some((node) => !node.startsWith('ours:') && v.node.startsWith(`${node}>`)));
    const added = enhanced.filter((v) => !before.has(key(v)));
    for (const v of added.filter(explained))
      t.diagnostic(
        `  also reported on the enhanced page: ${v.rule} at ${v.target} (outside landmarks, as the template's section)`,
      );
    assert.deepEqual(
      added.filter((v) => !explained(v)),
      [],
      'violations only the enhanced page has',
    );
  });

  it('logs no console error from our code', async () => {
    const plain = await open('?plain=1');
    const enhanced = await open('');
    // Use the tags a little: adding to the cart runs the store, the badge and the live regions.
    await enhanced.page.click('vt-add-to-cart >>> [part="button"]');
    await enhanced.page.waitForFunction(
      () =>
        document
          .querySelector('vt-cart-count')
          ?.shadowRoot?.querySelector('[part="base"]')
          ?.getAttribute('aria-label') === 'Cart, 1 item',
    );
    // The template's own outside requests fail offline in both variants; nothing else may.
    const ours = (errors: Opened['errors']) => errors.filter((e) => !e.url || isLocal(e.url));
    assert.deepEqual(ours(plain.errors), []);
    assert.deepEqual(ours(enhanced.errors), []);
  });
});
