import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import {
  captureConsole,
  cleanupFixtures,
  expectAccessible,
  isolateCart,
  until,
  recordEvents,
} from '@vitrine/testing';
import { createCartStore, getCartStore, type CartFunnelDetail, type VtErrorDetail } from '@vitrine/core';
import type { Promotion } from '@vitrine/pricing';
import type { CartChangeDetail, FunnelDetail } from '@vitrine/schema';
import '@vitrine/offers/bundle';
import type { VtBundle } from '@vitrine/offers';

// Test files run in parallel pages on one origin: this one gets its own cart.
isolateCart(createCartStore, 'test-bundle');

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const IMG = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/%3E';
const product = (id: string, title: string, amount: number, availability = 'in_stock') => ({
  id,
  title,
  price: cny(amount),
  availability,
  category: ['Home'],
  options: [],
  variants: [{ id, options: {}, price: cny(amount), availability }],
  media: [{ type: 'image', url: IMG, alt: title }],
});
const PRODUCTS = [
  product('kettle', 'Kettle', 9900),
  product('mug', 'Mug', 3900),
  product('tea', 'Green tea', 1900),
  product('tray', 'Tray', 2500, 'out_of_stock'),
];
const SET: Promotion = {
  id: 'tea-set',
  title: { en: 'Tea set', 'zh-CN': '茶具套餐' },
  kind: 'bundle',
  items: [{ productId: 'kettle' }, { productId: 'mug' }, { productId: 'tea' }],
  price: cny(12900),
};

async function mount(
  setup: (el: VtBundle) => void = (el) => {
    el.products = PRODUCTS;
    el.promotions = [SET];
  },
  lang = 'en',
): Promise<VtBundle> {
  const container = document.createElement('div');
  container.lang = lang;
  const el = document.createElement('vt-bundle');
  setup(el);
  container.append(el);
  document.body.append(container);
  await until(() => el.status !== 'loading');
  await el.updateComplete;
  return el;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const toggles = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="toggle"]')];

describe('<vt-bundle>', () => {
  beforeEach(async () => {
    await getCartStore().clear();
  });
  afterEach(() => {
    for (const c of document.body.querySelectorAll(':scope > div')) c.remove();
    cleanupFixtures();
  });

  it('is accessible in English and Chinese', async () => {
    await expectAccessible(await mount());
    await expectAccessible(await mount(undefined, 'zh-CN'));
  });

  it('ticks every available item and shows the set price and saving', async () => {
    const el = await mount();
    expect(toggles(el).map((t) => [t.checked, t.disabled])).to.deep.equal([
      [true, false],
      [true, false],
      [true, false],
      [false, true],
    ]);
    // 99 + 39 + 19 = 157; the set costs 129.
    expect(text(el, 'total')).to.equal('Total for 3 items: CN¥129.00 Was CN¥157.00');
    expect(text(el, 'save')).to.equal('You save CN¥28.00');
    expect(text(el, 'add')).to.equal('Add all 3 to cart');
    expect(text(el, 'items')).to.contain('Tray Sold out');
  });

  it('reprices when an item is unticked and says what the whole set would save', async () => {
    const el = await mount();
    toggles(el)[2]!.click();
    await el.updateComplete;
    expect(text(el, 'total')).to.equal('Total for 2 items: CN¥138.00');
    expect(text(el, 'save')).to.equal('Select all 3 items to save CN¥28.00');
    expect(part(el, 'off')?.textContent).to.contain('Green tea');
    toggles(el)[2]!.click();
    await el.updateComplete;
    expect(text(el, 'save')).to.equal('You save CN¥28.00');
  });

  it('works with the keyboard: Space toggles, Enter on the button adds', async () => {
    const el = await mount();
    toggles(el)[1]!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggles(el)[1]!.checked).to.equal(false);
    expect(text(el, 'total')).to.equal('Total for 2 items: CN¥118.00');
    (part(el, 'add') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text(el, 'message') !== '');
    expect(
      getCartStore()
        .get()
        .lines.map((l) => l.variantId),
    ).to.deep.equal(['kettle', 'tea']);
  });

  it('adds every ticked item in one cart change with one add_to_cart, and reports the promotion', async () => {
    const changes = recordEvents<CartChangeDetail>('vt-cart-change');
    const funnel = recordEvents<FunnelDetail>('vt-funnel');
    const el = await mount();
    try {
      expect(funnel.list.map((f) => f.name)).to.deep.equal(['view_promotion']);
      (part(el, 'add') as HTMLButtonElement).click();
      await until(() => text(el, 'message') === '3 items added to cart');
      const cart = getCartStore().get();
      expect(cart.lines.map((l) => `${l.variantId}×${l.quantity}@${l.price.amount}`)).to.deep.equal([
        'kettle×1@9900',
        'mug×1@3900',
        'tea×1@1900',
      ]);
      expect(changes.list.filter((c) => c.reason === 'add')).to.have.length(1);
      const adds = funnel.list.filter((f) => f.name === 'add_to_cart') as CartFunnelDetail[];
      expect(adds).to.have.length(1);
      expect(adds[0]!.params.value).to.equal(15700);
      const select = funnel.list.find((f) => f.name === 'select_promotion');
      expect(select?.params).to.include({
        promotion_id: 'tea-set',
        promotion_name: 'Tea set',
        creative_slot: 'bundle',
      });
      expect(funnel.list.filter((f) => f.name === 'view_promotion')).to.have.length(1);
    } finally {
      changes.stop();
      funnel.stop();
    }
  });

  it('disables adding, with the reason, when nothing is ticked', async () => {
    const el = await mount();
    for (const t of toggles(el).slice(0, 3)) t.click();
    await el.updateComplete;
    const add = part(el, 'add') as HTMLButtonElement;
    expect(add.getAttribute('aria-disabled')).to.equal('true');
    expect(text(el, 'message')).to.equal('Select at least one item.');
    add.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(getCartStore().get().lines).to.have.length(0);
  });

  it('keeps the selection and explains when the cart refuses the items', async () => {
    await getCartStore().add({
      variantId: 'usd',
      productId: 'usd',
      title: 'Dollar item',
      price: { amount: 100, currency: 'USD' },
    });
    const errors = captureConsole('error');
    const vtErrors = recordEvents<VtErrorDetail>('vt-error');
    try {
      const el = await mount();
      toggles(el)[0]!.click();
      await el.updateComplete;
      (part(el, 'add') as HTMLButtonElement).click();
      await until(() => text(el, 'message') !== '');
      expect(text(el, 'message')).to.equal(
        'Could not add to cart. Your selection is kept; please try again.',
      );
      expect(toggles(el).map((t) => t.checked)).to.deep.equal([false, true, true, false]);
      expect(el.status).to.equal('ready');
      expect(errors.calls).to.have.length(1);
      expect(errors.calls[0]).to.contain('priced in CNY but the cart is in USD');
      expect(vtErrors.list.map((e) => e.attribute)).to.deep.equal(['cart']);
      expect(
        getCartStore()
          .get()
          .lines.map((l) => l.variantId),
      ).to.deep.equal(['usd']);
    } finally {
      errors.restore();
      vtErrors.stop();
    }
  });

  it('shows a translated error, logs once and never throws on unusable products', async () => {
    const errors = captureConsole('error');
    const vtErrors = recordEvents<VtErrorDetail>('vt-error');
    try {
      const el = await mount((el) => (el.products = { not: 'a list' }), 'zh-CN');
      expect(el.status).to.equal('error');
      expect(text(el, 'status')).to.equal('无法加载这些商品。');
      expect(errors.calls).to.have.length(1);
      expect(errors.calls[0]).to.contain('products');
      expect(vtErrors.list).to.have.length(1);
    } finally {
      errors.restore();
      vtErrors.stop();
    }
  });

  it('reads products and promotions from inline JSON, and is a plain picker without a promotion', async () => {
    const el = await mount((el) => {
      el.innerHTML = `<script type="application/json" data-products>${JSON.stringify(PRODUCTS.slice(0, 2))}</script>
        <script type="application/json">[]</script>`;
    });
    expect(el.status).to.equal('ready');
    expect(text(el, 'total')).to.equal('Total for 2 items: CN¥138.00');
    expect(part(el, 'save')).to.equal(null);
  });

  it('fetches products from products-src, retrying once after a 503', async () => {
    const body = encodeURIComponent(JSON.stringify(PRODUCTS.slice(0, 3)));
    const el = await mount((el) => {
      el.productsSrc = `/__test__/flaky/bundle-${Date.now()}?body=${body}`;
      el.promotions = [SET];
    });
    expect(el.status).to.equal('ready');
    expect(text(el, 'save')).to.equal('You save CN¥28.00');
  });

  it('speaks Chinese', async () => {
    const el = await mount(undefined, 'zh-CN');
    expect(text(el, 'heading')).to.equal('经常一起购买');
    expect(text(el, 'save')).to.equal('立省 ¥28.00');
    expect(text(el, 'add')).to.equal('将 3 件商品加入购物车');
  });
});
