import { expect } from '@esm-bundle/chai';
import { expectAccessible, fixture, isolateCart, until } from '@vitrine/testing';
import '@vitrine/core/cart-count';
import { createCartStore, getCartStore } from '@vitrine/core';

// Test files run in parallel pages on one origin: this one gets its own cart.
isolateCart(createCartStore, 'test-cart-count');

const badge = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="count"]')!;
const base = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
const line = {
  variantId: 'mug-1',
  productId: 'mug',
  title: 'Stoneware mug',
  price: { amount: 1500, currency: 'USD' },
};

describe('<vt-cart-count>', () => {
  beforeEach(async () => {
    const store = getCartStore();
    await store.ready;
    await store.clear();
  });

  it('is accessible as a link and as a badge, in both languages', async () => {
    await expectAccessible(await fixture('<vt-cart-count href="/cart"></vt-cart-count>'));
    await expectAccessible(await fixture('<vt-cart-count></vt-cart-count>', { lang: 'zh-CN' }));
  });

  it('says the cart is empty and hides the number', async () => {
    const el = await fixture('<vt-cart-count href="/cart"></vt-cart-count>');
    await until(() => el.getAttribute('status') === 'ready');
    expect(base(el).getAttribute('aria-label')).to.equal('Cart, empty');
    expect(base(el).getAttribute('href')).to.equal('/cart');
    expect(badge(el).hidden).to.equal(true);
  });

  it('follows the cart as lines are added and removed, and announces changes', async () => {
    const el = await fixture('<vt-cart-count href="/cart"></vt-cart-count>', { lang: 'zh-CN' });
    await until(() => el.getAttribute('status') === 'ready');
    await getCartStore().add({ ...line, quantity: 3 });
    await until(() => badge(el).textContent === '3');
    expect(badge(el).hidden).to.equal(false);
    expect(base(el).getAttribute('aria-label')).to.equal('购物车，3 件商品');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('购物车，3 件商品');
    await getCartStore().remove('mug-1');
    await until(() => badge(el).hidden);
  });

  it('shows what is already in the cart when it appears on the page', async () => {
    await getCartStore().add({ ...line, quantity: 1200 });
    const el = await fixture('<vt-cart-count></vt-cart-count>');
    await until(() => el.getAttribute('status') === 'ready');
    await until(() => badge(el).textContent === '999');
    expect(base(el).getAttribute('aria-label')).to.equal('Cart, 999 items');
  });
});
