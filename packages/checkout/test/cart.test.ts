import { expect } from '@esm-bundle/chai';
import FakeTimers from '@sinonjs/fake-timers';
import { sendKeys } from '@web/test-runner-commands';
import { captureConsole, expectAccessible, isolateCart, recordEvents, until } from '@vitrine/testing';
import {
  createCartStore,
  getCartStore,
  getServerClock,
  pricingLines,
  formatMoney,
  type CartLineInput,
  type VtErrorDetail,
} from '@vitrine/core';
import type { FunnelDetail } from '@vitrine/schema';
import { priceOrder, readCheckoutConfig } from '@vitrine/checkout/order';
import '@vitrine/checkout/cart';
import type { VtCart } from '@vitrine/checkout/cart';
import { cartCatalogs } from '../src/components/cart/cart.messages.js';

// Test files run in parallel pages on one origin: this one gets its own cart.
isolateCart(createCartStore, 'test-cart');

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** A shop shipping to the US and Canada, with three coupons. */
const config = {
  countries: ['US', 'CA'],
  delivery: [
    {
      id: 'standard',
      title: { en: 'Standard', 'zh-CN': '标准配送' },
      price: usd(599),
      freeOver: usd(5000),
      countries: ['US'],
    },
    { id: 'express', title: 'Express', price: usd(1500) },
  ],
  promotions: [
    {
      id: 'welcome',
      title: { en: '$10 off with WELCOME', 'zh-CN': '优惠码立减 10 美元' },
      code: 'WELCOME',
      kind: 'amount_off',
      amount: usd(1000),
    },
    {
      id: 'big',
      title: { en: '$15 off orders of $100', 'zh-CN': '满 100 美元减 15 美元' },
      code: 'BIG15',
      kind: 'amount_off',
      amount: usd(1500),
      minSpend: usd(10000),
    },
    {
      id: 'old',
      title: 'Spring sale',
      code: 'OLD5',
      kind: 'amount_off',
      amount: usd(500),
      endsAt: '2020-01-01T00:00:00Z',
    },
  ],
};

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const tee: CartLineInput = {
  variantId: 'tee-navy-m',
  productId: 'tee',
  title: 'Organic tee',
  price: usd(2000),
  compareAt: usd(2500),
  options: { Colour: 'Navy', Size: 'M' },
  url: '/products/tee',
  image: PIXEL,
};
const mug: CartLineInput = { variantId: 'mug', productId: 'mug', title: 'Stoneware mug', price: usd(1250) };

const store = () => getCartStore();
const root = (el: Element) => el.shadowRoot!;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const part = <T extends Element = HTMLElement>(el: Element, name: string) =>
  root(el).querySelector<T>(`[part~="${name}"]`);
const parts = <T extends Element = HTMLElement>(el: Element, name: string) => [
  ...root(el).querySelectorAll<T>(`[part~="${name}"]`),
];
const text = (el: Element, name: string) => clean(part(el, name)?.textContent);
const live = (el: Element) => clean(root(el).querySelector('.sr[role="status"]')?.textContent);
function line(el: Element, title: string): HTMLElement {
  const found = parts(el, 'line').find(
    (li) => clean(li.querySelector('[part="title"]')?.textContent) === title,
  );
  if (!found) throw new Error(`no line titled ${title}`);
  return found;
}
const inside = <T extends Element = HTMLElement>(li: Element, name: string) =>
  li.querySelector<T>(`[part~="${name}"]`)!;
/** The summary as "label value" rows. */
const rows = (el: Element) => parts(el, 'row').map((r) => clean(r.textContent));
const row = (el: Element, name: string) => clean(part(el, `row-${name}`)?.textContent);

/** Connects a `<vt-cart>` with `setup` applied first, and waits until it leaves `loading`. */
async function mount(
  setup: (el: VtCart) => void = (el) => (el.config = config),
  { lang = 'en', attrs = '', inner = '' } = {},
): Promise<VtCart> {
  const container = document.createElement('div');
  container.lang = lang;
  // Test markup written here, not user input.
  container.innerHTML = `<vt-cart ${attrs}>${inner}</vt-cart>`;
  const el = container.firstElementChild as VtCart;
  setup(el);
  document.body.append(container);
  await until(() => el.status !== 'loading', 3000, 'the cart to load');
  await el.updateComplete;
  return el;
}

async function typeCode(el: VtCart, code: string): Promise<void> {
  part<HTMLInputElement>(el, 'input')!.value = code;
  part<HTMLButtonElement>(el, 'submit')!.click();
  await until(() => text(el, 'form-message') !== '', 3000, 'a message under the code field');
}

/** The funnel events of one GA4 name seen on document until `stop()`. */
function funnel(name: string) {
  const all = recordEvents<FunnelDetail>('vt-funnel');
  return {
    get list() {
      return all.list.filter((d) => d.name === name);
    },
    stop: all.stop,
  };
}

const money = (amount: number, locale = 'en') => formatMoney(usd(amount), locale);

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

describe('<vt-cart>', () => {
  beforeEach(async () => {
    await store().ready;
    await store().clear();
  });
  afterEach(() => {
    document.querySelectorAll('body > div, body > button').forEach((d) => d.remove());
  });

  describe('accessibility', () => {
    it('is accessible with lines, a saving and a refused code, in English and Chinese', async () => {
      await store().add({ ...tee, quantity: 2 });
      await store().add(mug);
      await store().addCode('WELCOME');
      const en = await mount();
      expect(en.status).to.equal('ready');
      await typeCode(en, 'NOPE');
      await expectAccessible(en);
      const zh = await mount(undefined, { lang: 'zh-CN' });
      await typeCode(zh, 'NOPE');
      await expectAccessible(zh);
    });

    it('is accessible when empty, in English and Chinese', async () => {
      const en = await mount();
      expect(en.status).to.equal('empty');
      await expectAccessible(en);
      const zh = await mount(undefined, { lang: 'zh-CN' });
      await expectAccessible(zh);
    });

    it('is accessible as an open drawer, in English and Chinese', async () => {
      await store().add(tee);
      for (const lang of ['en', 'zh-CN']) {
        const el = await mount(undefined, { lang, attrs: 'mode="drawer" open' });
        expect(part<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
        await expectAccessible(el);
        el.hide();
        await el.updateComplete;
      }
    });
  });

  describe('lines', () => {
    it('shows each line with picture, link, options, prices and a labelled stepper', async () => {
      await store().add({ ...tee, quantity: 2 });
      const el = await mount();
      const li = line(el, 'Organic tee');
      const img = inside<HTMLImageElement>(li, 'image');
      expect(img.alt).to.equal('Organic tee');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['80', '80']);
      expect(inside<HTMLAnchorElement>(li, 'title').getAttribute('href')).to.equal('/products/tee');
      expect(clean(inside(li, 'options').textContent)).to.equal('Colour: Navy · Size: M');
      expect(clean(inside(li, 'unit-price').textContent)).to.equal('Now $20.00 each Was $25.00');
      expect(inside(li, 'compare-at').localName).to.equal('s');
      expect(clean(inside(li, 'line-total').textContent)).to.equal('Total for Organic tee: $40.00');
      const input = inside<HTMLInputElement>(li, 'quantity');
      expect(input.value).to.equal('2');
      expect([input.type, input.min, input.max, input.inputMode]).to.deep.equal([
        'number',
        '1',
        '99',
        'numeric',
      ]);
      expect(clean(root(el).querySelector(`label[for="${input.id}"]`)?.textContent)).to.equal(
        'Quantity of Organic tee',
      );
      expect(inside(li, 'decrease').getAttribute('aria-label')).to.equal('Decrease quantity of Organic tee');
      expect(inside(li, 'increase').getAttribute('aria-label')).to.equal('Increase quantity of Organic tee');
      expect(inside(li, 'remove').getAttribute('aria-label')).to.equal('Remove Organic tee from cart');
      expect(part(el, 'lines')!.localName).to.equal('ul');
    });

    it('shows lines in Chinese', async () => {
      await store().add({ ...tee, quantity: 2 });
      const el = await mount(undefined, { lang: 'zh-CN' });
      const li = line(el, 'Organic tee');
      expect(clean(inside(li, 'options').textContent)).to.equal('Colour：Navy · Size：M');
      expect(clean(inside(li, 'unit-price').textContent)).to.equal('现价 单价 US$20.00 原价 US$25.00');
      expect(inside(li, 'remove').getAttribute('aria-label')).to.equal('从购物车删除Organic tee');
      expect(text(el, 'checkout')).to.equal('去结算');
      expect(rows(el)[0]).to.equal('小计 US$40.00');
    });

    it('changes a quantity with the buttons: the line, the total and the store follow, and it is announced', async () => {
      await store().add(tee);
      await store().add(mug);
      const el = await mount();
      const li = line(el, 'Organic tee');
      expect(inside(li, 'decrease').getAttribute('aria-disabled')).to.equal('true');
      inside<HTMLButtonElement>(li, 'decrease').click();
      inside<HTMLButtonElement>(li, 'increase').click();
      inside<HTMLButtonElement>(li, 'increase').click();
      // Quick clicks add up before the first one is saved.
      await until(() => store().get().lines[0]!.quantity === 3, 3000, 'quantity 3 in the store');
      await until(() => live(el) !== '');
      expect(inside<HTMLInputElement>(li, 'quantity').value).to.equal('3');
      expect(clean(inside(li, 'line-total').textContent)).to.contain('$60.00');
      // $60 + $12.50 = $72.50: free shipping over $50.
      expect(row(el, 'total')).to.equal('Total $72.50');
      expect(live(el)).to.equal('Quantity updated. Total $72.50');
      expect(inside(li, 'decrease').getAttribute('aria-disabled')).to.equal('false');
    });

    it('changes a quantity with the keyboard only', async () => {
      await store().add(tee);
      const el = await mount();
      const li = line(el, 'Organic tee');
      inside<HTMLButtonElement>(li, 'decrease').focus();
      await sendKeys({ press: 'Tab' }); // the field
      await sendKeys({ press: 'Tab' }); // +
      expect(root(el).activeElement).to.equal(inside(li, 'increase'));
      await sendKeys({ press: 'Enter' });
      await until(() => store().get().lines[0]!.quantity === 2, 3000, 'quantity 2');
      await sendKeys({ press: 'Space' });
      await until(() => store().get().lines[0]!.quantity === 3, 3000, 'quantity 3');
      expect(root(el).activeElement, 'focus stays on +').to.equal(inside(li, 'increase'));
      await shiftTab();
      const input = inside<HTMLInputElement>(li, 'quantity');
      expect(root(el).activeElement).to.equal(input);
      input.select();
      await sendKeys({ type: '7' });
      await sendKeys({ press: 'Enter' });
      await until(() => store().get().lines[0]!.quantity === 7, 3000, 'quantity 7');
      await until(() => live(el) === 'Quantity updated. Total $140.00');
      // Out of range: kept within 1–99.
      input.select();
      await sendKeys({ type: '250' });
      await sendKeys({ press: 'Enter' });
      await until(() => store().get().lines[0]!.quantity === 99, 3000, 'quantity 99');
      expect(input.value).to.equal('99');
    });

    it('removes a line with an Undo that puts it back with its quantity', async () => {
      await store().add({ ...tee, quantity: 2 });
      await store().add(mug);
      const el = await mount();
      const removed = funnel('remove_from_cart');
      try {
        inside<HTMLButtonElement>(line(el, 'Organic tee'), 'remove').click();
        await until(() => store().get().lines.length === 1, 3000, 'the line to leave the store');
        await until(() => text(el, 'notice') !== '');
        expect(text(el, 'notice')).to.equal('Removed Organic tee. Undo');
        expect(part(el, 'notice')!.getAttribute('role')).to.equal('status');
        expect(parts(el, 'line')).to.have.length(1);
        expect(root(el).activeElement, 'focus waits on Undo').to.equal(part(el, 'undo'));
        expect(removed.list).to.have.length(1);
      } finally {
        removed.stop();
      }
      part<HTMLButtonElement>(el, 'undo')!.click();
      await until(() => store().get().lines.length === 2, 3000, 'the line to come back');
      expect(
        store()
          .get()
          .lines.find((l) => l.variantId === 'tee-navy-m')!.quantity,
      ).to.equal(2);
      await until(() => live(el) !== '');
      expect(live(el)).to.equal('Restored Organic tee. Total $52.50');
      expect(text(el, 'notice')).to.equal('');
      expect(root(el).activeElement).to.equal(inside(line(el, 'Organic tee'), 'remove'));
    });

    it('keeps the Undo for 8 seconds, also when the last line was removed', async () => {
      await store().add(mug);
      const el = await mount();
      // Fake timers that still run with real time, so the store and `until` keep working.
      const clock = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
      try {
        inside<HTMLButtonElement>(line(el, 'Stoneware mug'), 'remove').click();
        await until(
          () => !!part(el, 'undo') && root(el).activeElement === part(el, 'undo'),
          3000,
          'focus on Undo',
        );
        expect(el.status).to.equal('empty');
        expect(text(el, 'notice')).to.equal('Removed Stoneware mug. Undo');
        expect(text(el, 'empty')).to.equal('Your cart is empty. Continue shopping');
        (root(el).activeElement as HTMLElement).blur();
        clock.tick(7600);
        await el.updateComplete;
        expect(text(el, 'notice')).to.equal('Removed Stoneware mug. Undo');
        clock.tick(400);
        await el.updateComplete;
        expect(text(el, 'notice')).to.equal('');
      } finally {
        clock.uninstall();
      }
    });

    it('follows changes made in another tab and announces the new total', async () => {
      await store().add(mug);
      const el = await mount();
      const other = createCartStore({ name: 'test-cart', target: null });
      try {
        await other.ready;
        await other.setQuantity('mug', 4);
        await until(() => inside<HTMLInputElement>(line(el, 'Stoneware mug'), 'quantity').value === '4');
        expect(row(el, 'total')).to.equal('Total $50.00');
        expect(live(el)).to.equal('Cart updated. Total $50.00');
      } finally {
        other.close();
      }
    });
  });

  describe('summary', () => {
    it('estimates shipping to the first country, with the free-shipping hint until it is reached', async () => {
      await store().add(mug);
      const el = await mount();
      expect(row(el, 'shipping')).to.equal('Shipping (estimate) $5.99');
      expect(text(el, 'free-over')).to.equal('Free shipping over $50.00: add $37.50 more.');
      expect(row(el, 'total')).to.equal('Total $18.49');
      expect(text(el, 'note')).to.equal('Taxes included. You choose shipping at checkout.');
      await store().setQuantity('mug', 4);
      await until(() => row(el, 'shipping') === 'Shipping (estimate) Free');
      expect(part(el, 'free-over')).to.equal(null);
      expect(row(el, 'total')).to.equal('Total $50.00');
    });

    it('estimates shipping to the country given', async () => {
      await store().add(mug);
      const el = await mount(undefined, { attrs: 'country="CA"' });
      expect(row(el, 'shipping')).to.equal('Shipping (estimate) $15.00');
      expect(part(el, 'free-over')).to.equal(null);
    });

    it('shows the same totals as priceOrder, which the checkout and the server use', async () => {
      await store().add({ ...tee, quantity: 2 });
      await store().add(mug);
      await store().addCode('WELCOME');
      const el = await mount();
      const cart = store().get();
      const { price } = priceOrder({
        lines: pricingLines(cart),
        codes: cart.codes,
        config: readCheckoutConfig(config).value!,
        now: getServerClock().now(),
      });
      expect(rows(el)).to.deep.equal([
        `Subtotal ${money(price.subtotal.amount)}`,
        `$10 off with WELCOME −${money(1000)} Saves $10.00; part of the best combination.`,
        `Shipping (estimate) ${price.shipping.amount ? money(price.shipping.amount) : 'Free'}`,
        `Total ${money(price.total.amount)}`,
      ]);
      // $52.50 − $10 = $42.50: under the $50 of free shipping.
      expect(price.total.amount).to.equal(5250 - 1000 + 599);
    });
  });

  describe('coupon codes', () => {
    it('applies a code: the saving, why it applies, and the saving on each line', async () => {
      await store().add({ ...tee, quantity: 2 });
      await store().add(mug);
      const el = await mount();
      const input = part<HTMLInputElement>(el, 'input')!;
      expect(clean(root(el).querySelector(`label[for="${input.id}"]`)?.textContent)).to.equal('Coupon code');
      await typeCode(el, ' welcome ');
      expect(store().get().codes).to.deep.equal(['welcome']);
      expect(text(el, 'form-message')).to.equal('Code welcome applied: you save $10.00.');
      expect(input.value).to.equal('');
      await until(() => row(el, 'discount') !== '');
      expect(row(el, 'discount')).to.equal(
        '$10 off with WELCOME −$10.00 Saves $10.00; part of the best combination.',
      );
      expect(row(el, 'total')).to.equal('Total $48.49');
      expect(text(el, 'free-over')).to.equal('Free shipping over $50.00: add $7.50 more.');
      // $10 split over the lines by their value: $40 and $12.50.
      expect(clean(inside(line(el, 'Organic tee'), 'line-saving').textContent)).to.equal('You save $7.62');
      expect(clean(inside(line(el, 'Stoneware mug'), 'line-saving').textContent)).to.equal('You save $2.38');
      expect(clean(part(el, 'codes')!.textContent)).to.equal('welcome −$10.00 Remove');
      part<HTMLButtonElement>(el, 'remove-code')!.click();
      await until(() => store().get().codes.length === 0);
      await until(() => live(el) === 'Code welcome removed. Total $52.50');
      expect(part(el, 'row-discount')).to.equal(null);
      expect(root(el).activeElement).to.equal(input);
    });

    it('explains an applied code in Chinese', async () => {
      await store().add({ ...tee, quantity: 2 });
      const el = await mount(undefined, { lang: 'zh-CN' });
      await typeCode(el, 'WELCOME');
      expect(text(el, 'form-message')).to.equal('优惠码 WELCOME 已使用，节省 US$10.00。');
      await until(() => row(el, 'discount') !== '');
      expect(row(el, 'discount')).to.equal('优惠码立减 10 美元 −US$10.00 节省US$10.00，属于最优组合。');
    });

    it('refuses an unknown code with the engine’s message and keeps the text', async () => {
      await store().add(mug);
      const el = await mount();
      const changes = recordEvents('vt-cart-change');
      try {
        await typeCode(el, 'WELCOM');
        expect(text(el, 'form-message')).to.equal('This code is not valid.');
        expect(part(el, 'form-message')!.className).to.equal('error');
        const input = part<HTMLInputElement>(el, 'input')!;
        expect(input.value).to.equal('WELCOM');
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(store().get().codes).to.deep.equal([]);
        expect(changes.list, 'the cart never held the code').to.have.length(0);
        // Typing again clears the error.
        input.dispatchEvent(new Event('input'));
        await el.updateComplete;
        expect(text(el, 'form-message')).to.equal('');
      } finally {
        changes.stop();
      }
    });

    it('refuses an ended code in Chinese', async () => {
      await store().add(mug);
      const el = await mount(undefined, { lang: 'zh-CN' });
      await typeCode(el, 'OLD5');
      expect(text(el, 'form-message')).to.equal('该优惠已结束。');
      expect(part<HTMLInputElement>(el, 'input')!.value).to.equal('OLD5');
      expect(store().get().codes).to.deep.equal([]);
    });

    it('keeps a code that needs a bigger cart, says why, and applies it once the cart qualifies', async () => {
      await store().add(mug);
      const el = await mount();
      await typeCode(el, 'BIG15');
      expect(text(el, 'form-message')).to.equal('Code BIG15 added. Spend $87.50 more to use this offer.');
      expect(store().get().codes).to.deep.equal(['BIG15']);
      await until(() => part(el, 'codes') !== null);
      expect(text(el, 'code-state')).to.equal('Spend $87.50 more to use this offer.');
      await store().setQuantity('mug', 8); // $100
      await until(() => text(el, 'code-state') === '−$15.00');
      expect(row(el, 'total')).to.equal('Total $85.00');
    });

    it('says when a code is already in the cart', async () => {
      await store().add(mug);
      await store().addCode('WELCOME');
      const el = await mount();
      await typeCode(el, 'welcome');
      expect(text(el, 'form-message')).to.equal('Code welcome is already in your cart.');
    });
  });

  describe('drawer', () => {
    it('opens from a button, takes focus, closes with Escape and gives focus back, with view_cart each time', async () => {
      await store().add({ ...tee, quantity: 2 });
      const el = await mount(undefined, { attrs: 'mode="drawer"' });
      const opener = document.createElement('button');
      opener.textContent = 'Cart';
      opener.addEventListener('click', () => el.show());
      document.body.append(opener);
      const views = funnel('view_cart');
      try {
        const dialog = part<HTMLDialogElement>(el, 'dialog')!;
        expect(dialog.open).to.equal(false);
        expect(views.list).to.have.length(0);
        opener.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => dialog.open, 3000, 'the drawer to open');
        expect(el.hasAttribute('open')).to.equal(true);
        expect(dialog.getAttribute('aria-labelledby')).to.equal('heading');
        expect(text(el, 'heading')).to.equal('Your cart 2 items');
        expect(root(el).activeElement).to.equal(part(el, 'close'));
        expect(views.list).to.have.length(1);
        expect(views.list[0]!.params).to.deep.equal({
          currency: 'USD',
          value: 4000,
          items: [
            {
              item_id: 'tee',
              item_name: 'Organic tee',
              price: 2000,
              quantity: 2,
              item_variant: 'Navy / M',
            },
          ],
        });
        await sendKeys({ press: 'Escape' });
        await until(() => !dialog.open, 3000, 'the drawer to close');
        expect(el.open).to.equal(false);
        expect(document.activeElement).to.equal(opener);

        await sendKeys({ press: 'Enter' });
        await until(() => dialog.open, 3000, 'the drawer to open again');
        expect(views.list).to.have.length(2);
        part<HTMLButtonElement>(el, 'close')!.click();
        await until(() => !dialog.open);
        expect(document.activeElement).to.equal(opener);
      } finally {
        views.stop();
      }
    });

    it('keeps Tab inside the open drawer, and closes on a backdrop click', async () => {
      await store().add(mug);
      const el = await mount(undefined, { attrs: 'mode="drawer" open' });
      const close = part(el, 'close')!;
      const checkout = part(el, 'checkout')!;
      expect(root(el).activeElement).to.equal(close);
      await shiftTab();
      expect(root(el).activeElement).to.equal(checkout);
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(close);
      // A click on the backdrop (the dialog box itself, outside its panel) closes it.
      part(el, 'dialog')!.click();
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(part<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
    });

    it('shows the empty cart in the drawer', async () => {
      const el = await mount(undefined, { attrs: 'mode="drawer" continue-url="/shop"', lang: 'zh-CN' });
      el.show();
      await el.updateComplete;
      expect(text(el, 'empty')).to.equal('购物车是空的。 继续购物');
      expect(part(el, 'continue')!.getAttribute('href')).to.equal('/shop');
      expect(text(el, 'heading')).to.equal('购物车');
      el.hide();
      await el.updateComplete;
    });
  });

  describe('states and events', () => {
    it('fires view_cart once in page mode, when the lines are first shown, and vt-ready', async () => {
      const views = funnel('view_cart');
      const ready = recordEvents('vt-ready');
      try {
        const el = await mount();
        await el.updateComplete;
        expect(ready.list).to.deep.equal([{ tag: 'vt-cart' }]);
        expect(views.list).to.have.length(0);
        await store().add(mug);
        await until(() => views.list.length === 1, 3000, 'view_cart');
        await store().setQuantity('mug', 2);
        await until(() => text(el, 'line-total').endsWith('$25.00'));
        expect(views.list).to.have.length(1);
        expect(ready.list).to.have.length(1);
      } finally {
        views.stop();
        ready.stop();
      }
    });

    it('shows the empty cart with a link to keep shopping', async () => {
      const el = await mount();
      expect(text(el, 'empty')).to.equal('Your cart is empty. Continue shopping');
      expect(part(el, 'continue')!.getAttribute('href')).to.equal('/');
    });

    it('reserves its space while loading', async () => {
      const container = document.createElement('div');
      // Test markup written here, not user input.
      container.innerHTML =
        '<vt-cart src="/__test__/status/cart-slow?code=400" style="--vt-cart-min-height: 300px"></vt-cart>';
      document.body.append(container);
      const el = container.firstElementChild as VtCart;
      await el.updateComplete;
      expect(el.status).to.equal('loading');
      expect(el.getBoundingClientRect().height).to.equal(300);
      const errors = captureConsole('error');
      try {
        await until(() => el.status === 'error', 3000, 'the error');
      } finally {
        errors.restore();
      }
    });

    it('shows a translated error for a bad config, with one console error and vt-error', async () => {
      const errors = captureConsole('error');
      const events = recordEvents<VtErrorDetail>('vt-error');
      try {
        const el = await mount((el) => (el.config = { countries: 'US' }), { lang: 'zh-CN' });
        await el.updateComplete;
        expect(el.status).to.equal('error');
        expect(el.getAttribute('status')).to.equal('error');
        expect(text(el, 'status')).to.equal('购物车加载失败。');
        expect(errors.calls).to.have.length(1);
        expect(errors.calls[0]).to.equal(
          '<vt-cart>: attribute "config" countries must be a non-empty array of ISO 3166-1 alpha-2 codes such as ["US", "CN"]',
        );
        expect(events.list).to.have.length(1);
        expect(events.list[0]).to.include({ tag: 'vt-cart', attribute: 'config' });
        // Fixed data brings it back.
        el.config = config;
        await el.updateComplete;
        expect(el.status).to.equal('empty');
      } finally {
        errors.restore();
        events.stop();
      }
    });

    it('reads the config from an inline script', async () => {
      await store().add(mug);
      const el = await mount(() => {}, {
        inner: `<script type="application/json">${JSON.stringify(config)}</script>`,
      });
      expect(el.status).to.equal('ready');
      expect(row(el, 'shipping')).to.equal('Shipping (estimate) $5.99');
    });
  });

  describe('validate-src', () => {
    it('marks sold-out lines, blocks checkout, and saves a changed price', async () => {
      await store().add(tee);
      await store().add(mug);
      const answer = {
        lines: [
          { variantId: 'tee-navy-m', available: false, price: usd(2000), title: 'Organic tee' },
          { variantId: 'mug', available: true, price: usd(1300), title: 'Stoneware mug' },
        ],
      };
      const key = `validate-${Date.now()}`;
      // Answers 503 first (the element retries once), then this JSON.
      const src = `/__test__/flaky/${key}?body=${encodeURIComponent(JSON.stringify(answer))}`;
      const el = await mount(undefined, { attrs: `validate-src="${src}" checkout-url="/pay"` });
      expect(part(el, 'checkout')!.getAttribute('href')).to.equal('/pay');
      await until(() => part(el, 'sold-out') !== null, 4000, 'the sold-out mark');
      const tee_ = line(el, 'Organic tee');
      expect(tee_.getAttribute('part')).to.equal('line line-unavailable');
      expect(clean(inside(tee_, 'sold-out').textContent)).to.equal('Sold out');
      expect(inside(tee_, 'stepper')).to.equal(null);
      expect(inside(tee_, 'remove')).to.not.equal(null);
      const checkout = part(el, 'checkout')!;
      expect(checkout.hasAttribute('href')).to.equal(false);
      expect(checkout.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, 'blocked')).to.equal('Remove sold-out items to check out.');

      await until(() => part(el, 'price-changed') !== null, 3000, 'the price note');
      expect(clean(inside(line(el, 'Stoneware mug'), 'price-changed').textContent)).to.equal(
        'Price changed from $12.50 to $13.00',
      );
      expect(store().get().lines[1]!.price).to.deep.equal(usd(1300));
      expect(row(el, 'total')).to.equal('Total $38.99');
      expect(live(el)).to.equal('Organic tee: Sold out. Stoneware mug: Price changed from $12.50 to $13.00');
      await expectAccessible(el);
      await new Promise((r) => setTimeout(r, 600));
      const hits = (await (await fetch(`/__test__/hits/${key}`)).json()) as { hits: number };
      // 503, retry, and nothing more: the cart with the new price is the one the server just checked.
      expect(hits.hits).to.equal(2);

      inside<HTMLButtonElement>(tee_, 'remove').click();
      await until(() => part(el, 'checkout')!.getAttribute('href') === '/pay', 3000, 'checkout to come back');
      expect(part(el, 'blocked')).to.equal(null);
    });

    it('posts the locale and the lines', async () => {
      await store().add({ ...tee, quantity: 3 });
      const key = `posted-${Date.now()}`;
      const warnings = captureConsole('warn');
      try {
        const el = await mount(undefined, { attrs: `validate-src="/__test__/record/${key}"`, lang: 'zh-CN' });
        await until(() => warnings.calls.length > 0, 3000, 'the POST');
        const posted = (await (await fetch(`/__test__/recorded/${key}`)).json()) as {
          type: string;
          body: string;
        };
        expect(posted.type).to.equal('application/json');
        expect(JSON.parse(posted.body)).to.deep.equal({
          locale: 'zh-CN',
          lines: [{ variantId: 'tee-navy-m', productId: 'tee', quantity: 3, price: usd(2000) }],
        });
        expect(el.status).to.equal('ready');
      } finally {
        warnings.restore();
      }
    });

    it('keeps working, with one warning, when the endpoint fails', async () => {
      await store().add(mug);
      const warnings = captureConsole('warn');
      try {
        const el = await mount(undefined, {
          attrs: 'validate-src="/__test__/status/validate-down?code=500"',
        });
        await until(() => warnings.calls.length > 0, 3000, 'the warning');
        expect(warnings.calls[0]).to.equal(
          '<vt-cart>: attribute "validate-src" (/__test__/status/validate-down?code=500) answered HTTP 500; stock and prices are not checked',
        );
        await store().setQuantity('mug', 2);
        await until(() => text(el, 'line-total').endsWith('$25.00'));
        await new Promise((r) => setTimeout(r, 1200));
        expect(warnings.calls).to.have.length(1);
        expect(part(el, 'checkout')!.getAttribute('href')).to.equal('/checkout');
        expect(part(el, 'sold-out')).to.equal(null);
      } finally {
        warnings.restore();
      }
    });
  });

  it('ships every string in English and Chinese with the same placeholders', () => {
    const placeholders = (m: unknown) =>
      JSON.stringify(m)
        .match(/\{\w+\}/g)
        ?.filter((v, i, a) => a.indexOf(v) === i)
        .sort() ?? [];
    const en = cartCatalogs.en as Record<string, unknown>;
    const zh = cartCatalogs['zh-CN'] as Record<string, unknown>;
    expect(Object.keys(zh).sort()).to.deep.equal(Object.keys(en).sort());
    for (const key of Object.keys(en))
      expect(placeholders(zh[key]), key).to.deep.equal(placeholders(en[key]));
  });
});
