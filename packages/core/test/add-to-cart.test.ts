import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { captureConsole, expectAccessible, isolateCart, nextEvent, until } from '@vitrine/testing';
import '@vitrine/core/add-to-cart';
import {
  createCartStore,
  getCartStore,
  type CartFunnelDetail,
  type VtAddToCart,
  type VtErrorDetail,
} from '@vitrine/core';
import { tea, tee } from './fixtures/products/model.js';

// Test files run in parallel pages on one origin: this one gets its own cart.
isolateCart(createCartStore, 'test-add-to-cart');

function button(el: Element): HTMLButtonElement {
  return el.shadowRoot!.querySelector('[part="button"]')!;
}
function message(el: Element): string {
  return el.shadowRoot!.querySelector('[part="message"]')?.textContent?.trim() ?? '';
}
function statusText(el: Element): string {
  return el.shadowRoot!.querySelector('[part="status"]')?.textContent?.trim() ?? '';
}

/** Creates the element with `setup` applied before it connects, and waits until it leaves `loading`. */
async function mount(setup: (el: VtAddToCart) => void, lang = 'en', inner = ''): Promise<VtAddToCart> {
  const container = document.createElement('div');
  container.lang = lang;
  container.innerHTML = `<vt-add-to-cart>${inner}</vt-add-to-cart>`;
  const el = container.firstElementChild as VtAddToCart;
  setup(el);
  document.body.append(container);
  await until(() => el.status !== 'loading');
  await el.updateComplete;
  return el;
}

describe('<vt-add-to-cart>', () => {
  beforeEach(async () => {
    const store = getCartStore();
    await store.ready;
    await store.clear();
  });
  afterEach(() => {
    document.querySelectorAll('body > div').forEach((d) => d.remove());
    document.querySelectorAll('script[type="application/ld+json"]').forEach((s) => s.remove());
  });

  it('is accessible in both languages, including the "choose first" state', async () => {
    await expectAccessible(await mount((el) => (el.product = tea), 'zh-CN'));
    await expectAccessible(await mount((el) => (el.product = tee)));
  });

  it('adds a single-variant product, announces it and emits GA4 add_to_cart in minor units', async () => {
    const el = await mount((el) => (el.product = tea), 'zh-CN');
    expect(button(el).textContent!.trim()).to.equal('加入购物车');
    const funnel = nextEvent<CustomEvent<CartFunnelDetail>>(document, 'vt-funnel');
    button(el).click();
    const { detail } = await funnel;
    expect(detail.name).to.equal('add_to_cart');
    expect(detail.params.currency).to.equal('CNY');
    expect(detail.params.value).to.equal(12800);
    expect(detail.params.items[0]).to.include({
      item_id: 'VT-TEA',
      item_name: '明前龙井 250克',
      quantity: 1,
    });
    await until(() => message(el) !== '');
    expect(message(el)).to.equal('已将 1 件商品加入购物车');
    expect(getCartStore().itemCount()).to.equal(1);
  });

  it('asks for a variant first, then adds the one chosen by a vt-variant-change event', async () => {
    const el = await mount((el) => (el.product = tee));
    expect(button(el).getAttribute('aria-disabled')).to.equal('true');
    expect(message(el)).to.equal('Choose colour and size first');
    button(el).click();
    await new Promise((r) => setTimeout(r, 50));
    expect(getCartStore().itemCount()).to.equal(0);

    document.dispatchEvent(
      new CustomEvent('vt-variant-change', {
        detail: { productId: 'tee', variantId: 'tee-sand-l', options: { Colour: 'Sand', Size: 'L' } },
        bubbles: true,
        composed: true,
      }),
    );
    await el.updateComplete;
    expect(button(el).getAttribute('aria-disabled')).to.equal('false');
    el.quantity = 2;
    await el.updateComplete;
    button(el).click();
    await until(() => getCartStore().itemCount() === 2);
    const line = getCartStore().get().lines[0]!;
    expect(line).to.include({ variantId: 'tee-sand-l', quantity: 2, image: '/img/tee-sand.svg' });
    expect(line.price).to.deep.equal({ amount: 2199, currency: 'USD' });
  });

  it('shows sold-out and pre-order variants for what they are', async () => {
    const soldOut = await mount((el) => {
      el.product = tee;
      el.variant = 'tee-navy-l';
    });
    expect(button(soldOut).textContent!.trim()).to.equal('Sold out');
    expect(button(soldOut).getAttribute('aria-disabled')).to.equal('true');
    button(soldOut).click();
    await new Promise((r) => setTimeout(r, 50));
    expect(getCartStore().itemCount()).to.equal(0);
    const preorder = await mount((el) => {
      el.product = tee;
      el.variant = 'tee-sand-m';
    });
    expect(button(preorder).textContent!.trim()).to.equal('Pre-order');
  });

  it('works from the keyboard', async () => {
    const el = await mount((el) => (el.product = tea));
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => getCartStore().itemCount() === 1);
    await sendKeys({ press: 'Space' });
    await until(() => getCartStore().itemCount() === 2);
  });

  describe('data sources', () => {
    it('reads an inline <script type="application/json"> child', async () => {
      const el = await mount(
        () => {},
        'en',
        `<script type="application/json">${JSON.stringify(tea)}</script>`,
      );
      expect(el.status).to.equal('ready');
      expect(button(el).textContent!.trim()).to.equal('Add to cart');
    });

    it('reads src, and retries once after a 5xx', async () => {
      const key = `flaky-${Math.random().toString(36).slice(2)}`;
      const el = await mount(
        (el) => (el.src = `/__test__/flaky/${key}?body=${encodeURIComponent(JSON.stringify(tea))}`),
      );
      expect(el.status).to.equal('ready');
      const { hits } = (await (await fetch(`/__test__/hits/${key}`)).json()) as { hits: number };
      expect(hits).to.equal(2);
    });

    it('reads the page JSON-LD with source="jsonld"', async () => {
      const script = document.createElement('script');
      script.type = 'application/ld+json';
      script.textContent = JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'Product',
        name: 'Executive Anvil',
        sku: '0446310786',
        image: 'https://example.com/photos/1x1/photo.jpg',
        offers: {
          '@type': 'Offer',
          price: '119.99',
          priceCurrency: 'USD',
          availability: 'https://schema.org/InStock',
        },
      });
      document.head.append(script);
      const log = captureConsole('warn');
      try {
        const el = await mount((el) => (el.source = 'jsonld'));
        expect(el.status).to.equal('ready');
        const funnel = nextEvent<CustomEvent<CartFunnelDetail>>(document, 'vt-funnel');
        button(el).click();
        expect((await funnel).detail.params.value).to.equal(11999);
      } finally {
        log.restore();
      }
    });

    const broken: [string, (el: VtAddToCart) => void, string, string][] = [
      ['a 404 from src', (el) => (el.src = '/__test__/status/nf?code=404'), 'src', 'HTTP 404'],
      [
        'a 500 from src, after one retry',
        (el) => (el.src = '/__test__/status/down?code=500'),
        'src',
        'after one retry',
      ],
      [
        'a product without a price',
        (el) => (el.product = { id: 'x', title: 'No price' }),
        'product',
        'price',
      ],
      ['a number as product', (el) => (el.product = 42), 'product', ''],
      ['no data at all', () => {}, 'product', 'is missing'],
      ['an unknown source', (el) => (el.source = 'microdata' as 'jsonld'), 'source', 'must be "jsonld"'],
    ];
    for (const [name, setup, attribute, text] of broken) {
      it(`shows the translated error state for ${name}, logs once, dispatches vt-error`, async () => {
        const log = captureConsole('error');
        const errors: VtErrorDetail[] = [];
        const listen = (e: Event) => errors.push((e as CustomEvent<VtErrorDetail>).detail);
        document.addEventListener('vt-error', listen);
        try {
          const el = await mount(setup, 'zh-CN');
          expect(el.status).to.equal('error');
          expect(statusText(el)).to.equal('无法加载该商品。');
          expect(errors).to.have.length(1);
          expect(errors[0]!.attribute).to.equal(attribute);
          expect(errors[0]!.message).to.contain(text);
          expect(log.calls).to.have.length(1);
          expect(log.calls[0]).to.match(
            new RegExp(`^<vt-add-to-cart>: attribute "${attribute.replace(/[[\]"]/g, '\\$&')}"`),
          );
        } finally {
          document.removeEventListener('vt-error', listen);
          log.restore();
        }
      });
    }

    it('shows the error state for broken inline JSON and recovers when given a product', async () => {
      const log = captureConsole('error');
      try {
        const el = await mount(() => {}, 'en', '<script type="application/json">{"id": "x",</script>');
        expect(el.status).to.equal('error');
        expect(log.calls[0]).to.contain('is not valid JSON');
        el.product = tea;
        await el.updateComplete;
        expect(el.status).to.equal('ready');
      } finally {
        log.restore();
      }
    });

    it('aborts the old request when src changes', async () => {
      const el = await mount((el) => (el.product = tea));
      el.product = undefined;
      const first = `/__test__/flaky/slow-${Math.random().toString(36).slice(2)}?body=${encodeURIComponent(JSON.stringify(tee))}`;
      el.src = first;
      await el.updateComplete;
      el.src = `/__test__/flaky/fast-${Math.random().toString(36).slice(2)}?body=${encodeURIComponent(JSON.stringify(tea))}`;
      await until(() => el.status === 'ready');
      await new Promise((r) => setTimeout(r, 700)); // longer than the first request's retry delay
      button(el).click();
      await until(() => getCartStore().itemCount() === 1);
      expect(getCartStore().get().lines[0]!.productId).to.equal('tea');
    });
  });
});

describe('<vt-add-to-cart> layout', () => {
  it('reserves its size while loading, so the page does not shift when the product arrives', async () => {
    const key = `shift-${Math.random().toString(36).slice(2)}`;
    const container = document.createElement('div');
    container.innerHTML = `<vt-add-to-cart src="/__test__/flaky/${key}?body=${encodeURIComponent(JSON.stringify(tea))}"></vt-add-to-cart><p>below</p>`;
    document.body.append(container);
    const el = container.firstElementChild as VtAddToCart;
    const below = container.querySelector('p')!;
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    const before = below.getBoundingClientRect().top;
    const end = performance.now() + 3000;
    while (el.status === 'loading' && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    expect(below.getBoundingClientRect().top).to.equal(before);
    container.remove();
  });
});
