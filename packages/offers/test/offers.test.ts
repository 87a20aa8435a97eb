import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { captureConsole, expectAccessible, isolateCart, until } from '@vitrine/testing';
import { createCartStore, getCartStore, type CartStore, type VtErrorDetail } from '@vitrine/core';
import type { FunnelDetail } from '@vitrine/schema';
import type { Promotion } from '@vitrine/pricing';
import { getServerClock } from '@vitrine/core';
import '@vitrine/offers/offers';
import type { VtOffers } from '@vitrine/offers/offers';
import { offersCatalogs } from '../src/components/offers/offers.messages.js';

// Test files run in parallel pages on one origin: this one gets its own cart.
isolateCart(createCartStore, 'test-offers');

const cny = (amount: number) => ({ amount, currency: 'CNY' });

/** 满200减20，满300减30, combinable with the WELCOME coupon. */
const tiers = {
  id: 'mj',
  title: { en: '¥20 off ¥200, ¥30 off ¥300', 'zh-CN': '满200减20，满300减30' },
  kind: 'tiered',
  combinesWith: { order: true },
  tiers: [
    { spend: cny(20000), save: cny(2000) },
    { spend: cny(30000), save: cny(3000) },
  ],
};
const welcome = {
  id: 'welcome',
  title: { en: '¥10 off with WELCOME', 'zh-CN': '优惠码立减10元' },
  code: 'WELCOME',
  kind: 'amount_off',
  amount: cny(1000),
  combinesWith: { order: true },
};
const expired = {
  id: 'old',
  title: 'Old coupon',
  code: 'OLD5',
  kind: 'amount_off',
  amount: cny(500),
  endsAt: '2020-01-01T00:00:00Z',
};
const mugOnly = {
  id: 'mug15',
  title: { en: '15% off mugs', 'zh-CN': '马克杯85折' },
  code: 'MUG15',
  kind: 'percent_off',
  percent: 15,
  class: 'product',
  eligibility: { products: ['mug'] },
};
const promotions = [tiers, welcome, expired, mugOnly];

const tea = { variantId: 'tea-250', productId: 'tea', title: 'Longjing tea', price: cny(15500) };
const mug = { variantId: 'mug-1', productId: 'mug', title: 'Stoneware mug', price: cny(10000) };

const store = () => getCartStore();
const root = (el: Element) => el.shadowRoot!;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const part = <T extends Element = HTMLElement>(el: Element, name: string) =>
  root(el).querySelector<T>(`[part~="${name}"]`);
const text = (el: Element, name: string) => clean(part(el, name)?.textContent);
const live = (el: Element) => clean(root(el).querySelector('.sr[role="status"]')?.textContent);
const titles = (el: Element) =>
  [...root(el).querySelectorAll('[part="title"]')].map((t) => clean(t.textContent));
function coupon(el: Element, title: string): HTMLElement {
  const found = [...root(el).querySelectorAll<HTMLElement>('[part~="coupon"]')].find(
    (li) => clean(li.querySelector('[part="title"]')?.textContent) === title,
  );
  if (!found) throw new Error(`no coupon titled ${title}; have ${titles(el).join(', ')}`);
  return found;
}
const inside = (li: Element, name: string) => li.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Connects a `<vt-offers>` with `setup` applied first, and waits until it leaves `loading`. */
async function mount(
  setup: (el: VtOffers) => void = (el) => (el.promotions = promotions),
  { lang = 'en', attrs = '', inner = '' } = {},
): Promise<VtOffers> {
  const container = document.createElement('div');
  container.lang = lang;
  container.innerHTML = `<vt-offers ${attrs}>${inner}</vt-offers>`;
  const el = container.firstElementChild as VtOffers;
  setup(el);
  document.body.append(container);
  await until(() => el.status !== 'loading', 3000, 'the element to load');
  await el.updateComplete;
  return el;
}

/** Records every `vt-funnel` detail of one of the promotion events until `stop()`. */
function recordFunnel() {
  const seen: FunnelDetail[] = [];
  const listen = (e: Event) => {
    const d = (e as CustomEvent<FunnelDetail>).detail;
    if (d.name === 'view_promotion' || d.name === 'select_promotion') seen.push(d);
  };
  document.addEventListener('vt-funnel', listen);
  return { seen, stop: () => document.removeEventListener('vt-funnel', listen) };
}

/** Replaces `navigator.clipboard` for one test: headless Chromium grants no clipboard permission. */
function stubClipboard(writeText: ((text: string) => Promise<void>) | null): () => void {
  // Boundary: the system clipboard is outside the page; we check what the element hands to it.
  const value = writeText ? { writeText } : undefined;
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value });
  return () => delete (navigator as { clipboard?: unknown }).clipboard;
}

describe('<vt-offers>', () => {
  beforeEach(async () => {
    await store().ready;
    await store().clear();
  });
  afterEach(() => {
    document.querySelectorAll('body > div').forEach((d) => d.remove());
  });

  it('is accessible in English and Chinese, with coupons, the progress bar and a form message', async () => {
    await store().add(tea);
    const en = await mount();
    expect(part(en, 'progress')).to.not.equal(null);
    await expectAccessible(en);
    const zh = await mount(undefined, { lang: 'zh-CN' });
    const input = part<HTMLInputElement>(zh, 'input')!;
    input.value = 'NOPE';
    part<HTMLButtonElement>(zh, 'submit')!.click();
    await until(() => text(zh, 'form-message') !== '');
    await expectAccessible(zh);
  });

  it('follows the cart: savings, applied offers and the spend-tier bar update, and changes are announced', async () => {
    const el = await mount();
    expect(el.status).to.equal('ready');
    expect(text(el, 'total')).to.equal('No savings yet');
    expect(part(el, 'progress')).to.equal(null);
    // An empty cart is priced in the shop's currency, not rejected as another currency.
    expect(clean(inside(coupon(el, '¥20 off ¥200, ¥30 off ¥300'), 'state')!.textContent)).to.equal(
      'Add items to your cart to use this offer.',
    );
    expect(live(el)).to.equal('');

    await store().add(tea); // ¥155: ¥45 short of the first tier
    await until(() => part(el, 'progress') !== null);
    const bar = part(el, 'progress')!;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuemin')).to.equal('0');
    expect(bar.getAttribute('aria-valuemax')).to.equal('100');
    expect(bar.getAttribute('aria-valuenow')).to.equal('77'); // 155 / 200
    expect(bar.getAttribute('aria-valuetext')).to.equal('Add CN¥45.00 to save CN¥20.00');
    expect(text(el, 'tier-text')).to.equal('Add CN¥45.00 to save CN¥20.00');
    expect(live(el), 'the saving did not change').to.equal('');

    await store().add(mug); // ¥255: first tier reached, ¥45 short of the second
    await until(() => text(el, 'total') === 'You save CN¥20.00');
    expect(clean(part(el, 'applied')!.textContent)).to.equal('¥20 off ¥200, ¥30 off ¥300 −CN¥20.00');
    expect(part(el, 'progress')!.getAttribute('aria-valuenow')).to.equal('85'); // 255 / 300
    expect(text(el, 'tier-text')).to.equal('Add CN¥45.00 to save CN¥30.00');
    expect(live(el)).to.equal('You save CN¥20.00');
    expect(coupon(el, '¥20 off ¥200, ¥30 off ¥300').getAttribute('part')).to.equal('coupon coupon-applied');

    await store().setQuantity('tea-250', 2); // ¥410: top tier
    await until(() => text(el, 'total') === 'You save CN¥30.00');
    expect(live(el)).to.equal('You save CN¥30.00');
    expect(text(el, 'tier-text')).to.equal('Top tier reached: you save CN¥30.00');
    expect(part(el, 'progress')!.getAttribute('aria-valuenow')).to.equal('100');

    await store().clear();
    await until(() => text(el, 'total') === 'No savings yet');
    expect(live(el)).to.equal('No savings yet');
    expect(part(el, 'progress')).to.equal(null);
  });

  it('does not announce the saving the cart already had when the panel appears', async () => {
    await store().add({ ...tea, quantity: 2 });
    const el = await mount(undefined, { lang: 'zh-CN' });
    expect(text(el, 'total')).to.equal('已省 ¥30.00');
    expect(text(el, 'tier-text')).to.equal('已达最高档，立减 ¥30.00');
    expect(live(el)).to.equal('');
  });

  it('applies a coupon from its button, shows it applied with its amount, and removes it', async () => {
    await store().add(tea);
    await store().add(mug);
    const el = await mount();
    const funnel = recordFunnel();
    try {
      const li = coupon(el, '¥10 off with WELCOME');
      expect(clean(inside(li, 'code')!.textContent)).to.equal('WELCOME');
      expect(clean(inside(li, 'state')!.textContent)).to.equal('Enter the code to use this offer.');
      const button = inside(li, 'apply') as HTMLButtonElement;
      expect(clean(button.textContent)).to.equal('Apply');
      button.click();
      await until(() => store().get().codes.includes('WELCOME'));
      await until(() => text(el, 'total') === 'You save CN¥30.00'); // ¥20 tier + ¥10 coupon
      const applied = coupon(el, '¥10 off with WELCOME');
      expect(applied.getAttribute('part')).to.contain('coupon-applied');
      expect(clean(inside(applied, 'state')!.textContent)).to.equal('✓ Applied, saves CN¥10.00');
      expect(clean(inside(applied, 'apply')!.textContent)).to.equal('Remove');
      expect(clean(part(el, 'applied')!.textContent)).to.contain('¥10 off with WELCOME −CN¥10.00');
      expect(live(el)).to.equal('You save CN¥30.00');
      const selects = funnel.seen.filter((d) => d.name === 'select_promotion');
      expect(selects).to.have.length(1);
      expect(selects[0]!.params).to.include({
        promotion_id: 'welcome',
        promotion_name: '¥10 off with WELCOME',
      });

      (inside(applied, 'apply') as HTMLButtonElement).click();
      await until(() => store().get().codes.length === 0);
      await until(() => text(el, 'total') === 'You save CN¥20.00');
      expect(clean(inside(coupon(el, '¥10 off with WELCOME'), 'apply')!.textContent)).to.equal('Apply');
      expect(funnel.seen.filter((d) => d.name === 'select_promotion')).to.have.length(1);
    } finally {
      funnel.stop();
    }
  });

  it('shows expired coupons as ended, without Apply or Copy', async () => {
    await store().add(tea);
    const el = await mount(undefined, { lang: 'zh-CN' });
    const li = coupon(el, 'Old coupon');
    expect(clean(inside(li, 'state')!.textContent)).to.equal('该优惠已结束。');
    expect(inside(li, 'apply')).to.equal(null);
    expect(inside(li, 'copy')).to.equal(null);
    expect(li.getAttribute('part')).to.contain('coupon-unavailable');
  });

  describe('code entry', () => {
    it('adds a typed code to the cart and clears the field', async () => {
      await store().add(tea);
      await store().add(mug);
      const el = await mount();
      const input = part<HTMLInputElement>(el, 'input')!;
      expect(clean(root(el).querySelector(`label[for="${input.id}"]`)?.textContent)).to.equal('Coupon code');
      input.value = ' welcome ';
      part<HTMLButtonElement>(el, 'submit')!.click();
      await until(() => store().get().codes.length === 1);
      expect(store().get().codes).to.deep.equal(['welcome']);
      await until(() => text(el, 'form-message') !== '');
      expect(text(el, 'form-message')).to.equal('Code welcome applied.');
      expect(input.value).to.equal('');
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      await until(() => text(el, 'total') === 'You save CN¥30.00');
    });

    it('keeps a code that does not apply yet and says why', async () => {
      const el = await mount((el) => (el.promotions = [{ ...welcome, minSpend: cny(20000) }]));
      await store().add(tea); // ¥155 of ¥200
      const input = part<HTMLInputElement>(el, 'input')!;
      input.value = 'WELCOME';
      part<HTMLButtonElement>(el, 'submit')!.click();
      await until(() => text(el, 'form-message') !== '');
      expect(text(el, 'form-message')).to.equal('Code WELCOME added. Spend CN¥45.00 more to use this offer.');
      expect(store().get().codes).to.deep.equal(['WELCOME']);
    });

    it("says an unknown code is not valid, inline, and keeps the shopper's text", async () => {
      await store().add(tea);
      const el = await mount(undefined, { lang: 'zh-CN' });
      const input = part<HTMLInputElement>(el, 'input')!;
      input.value = 'WELCOM';
      part<HTMLButtonElement>(el, 'submit')!.click();
      await until(() => text(el, 'form-message') !== '');
      const message = part(el, 'form-message')!;
      expect(clean(message.textContent)).to.equal('优惠码无效。');
      expect(message.getAttribute('role')).to.equal('alert');
      expect(input.getAttribute('aria-describedby')).to.equal(message.id);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.value).to.equal('WELCOM');
      expect(store().get().codes).to.deep.equal([]);
    });

    it('refuses a code that has ended', async () => {
      await store().add(tea);
      const el = await mount();
      part<HTMLInputElement>(el, 'input')!.value = 'old5';
      part<HTMLButtonElement>(el, 'submit')!.click();
      await until(() => text(el, 'form-message') !== '');
      expect(text(el, 'form-message')).to.equal('This offer has ended.');
      expect(store().get().codes).to.deep.equal([]);
    });

    it('asks for a code when the field is empty, and is absent with no-code-entry', async () => {
      const el = await mount();
      part<HTMLButtonElement>(el, 'submit')!.click();
      await until(() => text(el, 'form-message') !== '');
      expect(text(el, 'form-message')).to.equal('Enter a coupon code.');
      const without = await mount(undefined, { attrs: 'no-code-entry' });
      expect(part(without, 'form')).to.equal(null);
      expect(part(without, 'coupons')).to.not.equal(null);
    });
  });

  describe('copy code', () => {
    it('copies the code, says so and emits select_promotion', async () => {
      const copied: string[] = [];
      const restore = stubClipboard(async (t) => void copied.push(t));
      const funnel = recordFunnel();
      try {
        const el = await mount();
        const li = coupon(el, '¥10 off with WELCOME');
        (inside(li, 'copy') as HTMLButtonElement).click();
        await until(() => clean(inside(li, 'feedback')!.textContent) !== '');
        expect(copied).to.deep.equal(['WELCOME']);
        expect(clean(inside(li, 'feedback')!.textContent)).to.equal('Copied');
        expect(inside(li, 'feedback')!.getAttribute('role')).to.equal('status');
        const selects = funnel.seen.filter((d) => d.name === 'select_promotion');
        expect(selects.map((d) => d.params.promotion_id)).to.deep.equal(['welcome']);
      } finally {
        funnel.stop();
        restore();
      }
    });

    it('when the clipboard refuses, selects the code and says how to copy it, without throwing', async () => {
      const restore = stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
      try {
        const el = await mount(undefined, { lang: 'zh-CN' });
        const li = coupon(el, '优惠码立减10元');
        (inside(li, 'copy') as HTMLButtonElement).click();
        await until(() => clean(inside(li, 'feedback')!.textContent) !== '');
        expect(clean(inside(li, 'feedback')!.textContent)).to.equal(
          '复制失败，优惠码已选中，请按 Ctrl+C（⌘C）复制。',
        );
        const code = inside(li, 'code')!;
        expect(getComputedStyle(code).userSelect).to.equal('all');
        await until(() => String(getSelection()) === 'WELCOME', 1000, 'the code to be selected');
      } finally {
        restore();
      }
    });

    it('copes with no clipboard API at all', async () => {
      const restore = stubClipboard(null); // plain http: navigator.clipboard is undefined
      try {
        const el = await mount();
        const li = coupon(el, '¥10 off with WELCOME');
        (inside(li, 'copy') as HTMLButtonElement).click();
        await until(() => clean(inside(li, 'feedback')!.textContent) !== '');
        expect(clean(inside(li, 'feedback')!.textContent)).to.contain('Could not copy');
      } finally {
        restore();
      }
    });
  });

  it('lists a set on the pages of its own products only', async () => {
    const set: Promotion = {
      id: 'set',
      title: 'Tea and mug set',
      kind: 'bundle',
      items: [{ productId: 'tea' }, { productId: 'mug' }],
      percent: 10,
    };
    const setOnly = (el: VtOffers) => (el.promotions = [set]);
    expect(titles(await mount(setOnly, { attrs: 'product-id="tea"' }))).to.deep.equal(['Tea and mug set']);
    expect(titles(await mount(setOnly, { attrs: 'product-id="mug"' }))).to.deep.equal(['Tea and mug set']);
    const other = await mount(setOnly, { attrs: 'product-id="kettle"' });
    expect(titles(other)).to.deep.equal([]);
  });

  it('lists on a product page only the offers that can apply to that product', async () => {
    await store().add(tea);
    const teaPage = await mount(undefined, { attrs: 'product-id="tea"' });
    expect(titles(teaPage)).to.deep.equal([
      '¥20 off ¥200, ¥30 off ¥300',
      '¥10 off with WELCOME',
      'Old coupon',
    ]);
    expect(text(teaPage, 'heading')).to.equal('3 offers');
    const mugPage = await mount(undefined, { attrs: 'product-id="mug"', lang: 'zh-CN' });
    expect(titles(mugPage)).to.deep.equal([
      '满200减20，满300减30',
      '优惠码立减10元',
      'Old coupon',
      '马克杯85折',
    ]);
    expect(text(mugPage, 'heading')).to.equal('4 个优惠');
    // The savings and the spend tier stay the cart's.
    expect(text(mugPage, 'tier-text')).to.equal('再买 ¥45.00 可减 ¥20.00');
  });

  describe('GA4 events', () => {
    it('emits view_promotion once per shown offer, with the cart lines as items', async () => {
      await store().add({ ...tea, sku: 'VT-TEA' });
      const funnel = recordFunnel();
      try {
        const el = await mount();
        await store().add(mug);
        await until(() => text(el, 'total') === 'You save CN¥20.00');
        await el.updateComplete;
        const views = funnel.seen.filter((d) => d.name === 'view_promotion');
        expect(views.map((d) => d.params.promotion_id)).to.deep.equal(['mj', 'welcome', 'old', 'mug15']);
        expect(views[0]!.params).to.deep.equal({
          promotion_id: 'mj',
          promotion_name: '¥20 off ¥200, ¥30 off ¥300',
          currency: 'CNY',
          items: [{ item_id: 'VT-TEA', item_name: 'Longjing tea', price: 15500, quantity: 1 }],
        });
      } finally {
        funnel.stop();
      }
    });

    it('uses the product-id item on a product page, and names the promotion in English', async () => {
      const funnel = recordFunnel();
      try {
        await mount(undefined, { attrs: 'product-id="mug"', lang: 'zh-CN' });
        const views = funnel.seen.filter((d) => d.name === 'view_promotion');
        expect(views).to.have.length(4);
        expect(views[3]!.params).to.deep.equal({
          promotion_id: 'mug15',
          promotion_name: '15% off mugs',
          items: [{ item_id: 'mug', item_name: 'mug' }],
        });
      } finally {
        funnel.stop();
      }
    });
  });

  describe('keyboard', () => {
    it('reaches Apply and Copy with Tab and applies with Enter', async () => {
      await store().add(tea);
      await store().add(mug);
      const el = await mount();
      const li = coupon(el, '¥10 off with WELCOME');
      const apply = inside(li, 'apply') as HTMLButtonElement;
      apply.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(inside(li, 'copy'));
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(root(el).activeElement).to.equal(apply);
      await sendKeys({ press: 'Enter' });
      await until(() => store().get().codes.includes('WELCOME'));
      await until(() => clean(apply.textContent) === 'Remove');
      expect(root(el).activeElement, 'focus stays on the button').to.equal(apply);
    });

    it('submits the code field with Enter', async () => {
      await store().add(tea);
      const el = await mount();
      part<HTMLInputElement>(el, 'input')!.focus();
      await sendKeys({ type: 'WELCOME' });
      await sendKeys({ press: 'Enter' });
      await until(() => store().get().codes.includes('WELCOME'));
    });
  });

  describe('bad input', () => {
    it('shows the error state for broken promotions JSON, logs once and dispatches vt-error', async () => {
      const log = captureConsole('error');
      const errors: VtErrorDetail[] = [];
      const listen = (e: Event) => errors.push((e as CustomEvent<VtErrorDetail>).detail);
      document.addEventListener('vt-error', listen);
      try {
        const el = await mount(() => {}, {
          lang: 'zh-CN',
          inner: '<script type="application/json">[{"id": "x",</script>',
        });
        await store().add(tea); // a cart change does not hide or repeat the problem
        await new Promise((r) => setTimeout(r, 50));
        expect(el.status).to.equal('error');
        expect(text(el, 'status')).to.equal('优惠信息加载失败。');
        expect(log.calls).to.have.length(1);
        expect(log.calls[0]).to.contain('<vt-offers>: attribute "script[type="application/json"]"');
        expect(errors).to.have.length(1);
        expect(errors[0]).to.include({ tag: 'vt-offers', attribute: 'script[type="application/json"]' });
      } finally {
        document.removeEventListener('vt-error', listen);
        log.restore();
      }
    });

    it('shows a promotion the engine finds misconfigured as not applicable, and keeps the rest', async () => {
      await store().add(tea);
      const warn = captureConsole('warn');
      try {
        const el = await mount(
          (el) =>
            (el.promotions = [
              { id: 'silly', title: 'Silly', kind: 'percent_off', percent: 150 },
              { id: 'broken', title: 'Broken', kind: 'tiered' }, // no tiers: the engine cannot price it
              welcome,
            ]),
        );
        expect(el.status).to.equal('ready');
        expect(clean(inside(coupon(el, 'Silly'), 'state')!.textContent)).to.equal(
          'This offer is misconfigured.',
        );
        expect(clean(inside(coupon(el, 'Broken'), 'state')!.textContent)).to.equal(
          'This offer is misconfigured.',
        );
        expect(clean(inside(coupon(el, '¥10 off with WELCOME'), 'state')!.textContent)).to.equal(
          'Enter the code to use this offer.',
        );
        expect(warn.calls.filter((c) => c.includes('"broken"'))).to.have.length(1);
      } finally {
        warn.restore();
      }
    });

    it('shows shop text as text, never as HTML', async () => {
      const el = await mount(
        (el) => (el.promotions = [{ ...welcome, title: '<img src=x onerror="window.pwned=1">Deal' }]),
      );
      expect(root(el).querySelector('img')).to.equal(null);
      expect(titles(el)).to.deep.equal(['<img src=x onerror="window.pwned=1">Deal']);
    });

    it('goes to the error state when the cart cannot be read', async () => {
      const log = captureConsole('error');
      const errors: VtErrorDetail[] = [];
      const listen = (e: Event) => errors.push((e as CustomEvent<VtErrorDetail>).detail);
      document.addEventListener('vt-error', listen);
      const broken = {
        ready: Promise.reject(new Error('storage exploded')),
        subscribe: () => () => {},
        get: () => ({ currency: 'CNY', lines: [], codes: [], updatedAt: 0 }),
      } as unknown as CartStore;
      try {
        const el = await mount((el) => {
          el.promotions = promotions;
          el.store = broken;
        });
        expect(el.status).to.equal('error');
        expect(text(el, 'status')).to.equal('Offers could not be loaded.');
        expect(errors).to.have.length(1);
        expect(errors[0]).to.include({ attribute: 'cart' });
        expect(errors[0]!.message).to.contain('storage exploded');
        expect(log.calls).to.have.length(1);
      } finally {
        document.removeEventListener('vt-error', listen);
        log.restore();
      }
    });

    it('reports a failed cart change and stays usable', async () => {
      const own = createCartStore({ storage: 'memory', target: null });
      const el = await mount((el) => {
        el.promotions = promotions;
        el.store = own;
      });
      own.close(); // later mutations reject
      const log = captureConsole('error');
      try {
        (inside(coupon(el, '¥10 off with WELCOME'), 'apply') as HTMLButtonElement).click();
        await until(() => live(el) !== '');
        expect(live(el)).to.equal('Your cart could not be updated. Please try again.');
        expect(log.calls).to.have.length(1);
        expect(log.calls[0]).to.contain('attribute "cart" could not be changed');
        expect(el.status).to.equal('ready');
      } finally {
        log.restore();
      }
    });
  });

  it('uses a given cart store instead of the shared one', async () => {
    const own = createCartStore({ storage: 'memory', target: null });
    await own.add({ ...tea, quantity: 2 });
    const el = await mount((el) => {
      el.promotions = promotions;
      el.store = own;
    });
    expect(text(el, 'total')).to.equal('You save CN¥30.00');
    expect(store().get().lines).to.have.length(0);
    own.close();
  });

  it('lets new customers use new-customer offers', async () => {
    await store().add(tea);
    const firstOrder = {
      id: 'first',
      title: 'First order ¥5 off',
      kind: 'amount_off',
      amount: cny(500),
      eligibility: { newCustomersOnly: true },
    };
    const returning = await mount((el) => (el.promotions = [firstOrder]));
    expect(clean(inside(coupon(returning, 'First order ¥5 off'), 'state')!.textContent)).to.equal(
      'You are not eligible for this offer.',
    );
    const fresh = await mount((el) => (el.promotions = [firstOrder]), { attrs: 'new-customer' });
    expect(text(fresh, 'total')).to.equal('You save CN¥5.00');
    expect(clean(inside(coupon(fresh, 'First order ¥5 off'), 'auto')!.textContent)).to.equal(
      'No code needed',
    );
  });

  it('reserves its space while the cart loads, so the page does not shift', async () => {
    const pending = {
      ready: new Promise(() => {}),
      subscribe: () => () => {},
      get: () => ({ currency: 'CNY', lines: [], codes: [], updatedAt: 0 }),
    } as unknown as CartStore;
    const container = document.createElement('div');
    container.innerHTML = '<vt-offers></vt-offers>';
    const el = container.firstElementChild as VtOffers;
    el.promotions = promotions;
    el.store = pending;
    document.body.append(container);
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    expect(el.getBoundingClientRect().height).to.be.at.least(160); // 10rem
  });

  it("judges start and end times by the server clock (server-time), not the shopper's", async () => {
    await store().add(tea);
    const sale = {
      id: 'newyear',
      title: 'New year ¥5 off',
      kind: 'amount_off',
      amount: cny(500),
      startsAt: '2031-01-01T00:00:00+08:00',
      endsAt: '2031-01-02T00:00:00+08:00',
    };
    const before = await mount((el) => (el.promotions = [sale]));
    expect(clean(inside(coupon(before, 'New year ¥5 off'), 'state')!.textContent)).to.equal(
      'This offer has not started yet.',
    );
    try {
      const during = await mount((el) => (el.promotions = [sale]), {
        attrs: 'server-time="2031-01-01T09:30:00+08:00"',
      });
      expect(text(during, 'total')).to.equal('You save CN¥5.00');
    } finally {
      getServerClock().set(Date.now()); // the clock is the page's: give the other tests theirs back
    }
  });

  it('reads the promotions from src (retried once after a 5xx) and dispatches vt-ready once', async () => {
    const key = `offers-${Math.random().toString(36).slice(2)}`;
    const ready: Event[] = [];
    const listen = (e: Event) => ready.push(e);
    document.addEventListener('vt-ready', listen);
    try {
      const el = await mount(
        (el) => (el.src = `/__test__/flaky/${key}?body=${encodeURIComponent(JSON.stringify(promotions))}`),
      );
      expect(el.status).to.equal('ready');
      expect(titles(el)).to.have.length(4);
      await store().add(tea);
      await until(() => part(el, 'progress') !== null);
      expect(ready).to.have.length(1);
      expect((ready[0] as CustomEvent).detail).to.deep.equal({ tag: 'vt-offers' });
    } finally {
      document.removeEventListener('vt-ready', listen);
    }
  });

  it('keeps following the cart after being moved in the page', async () => {
    const el = await mount();
    const container = el.parentElement!;
    el.remove();
    await store().add(tea);
    container.append(el);
    await until(() => part(el, 'progress') !== null);
    await store().add(mug);
    await until(() => text(el, 'total') === 'You save CN¥20.00');
  });

  it('has every string in both languages, with the same placeholders', () => {
    const placeholders = (m: unknown) =>
      [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort().join();
    const keys = Object.keys(offersCatalogs.en).sort();
    expect(Object.keys(offersCatalogs['zh-CN']).sort()).to.deep.equal(keys);
    for (const key of keys as (keyof typeof offersCatalogs.en)[]) {
      expect(placeholders(offersCatalogs['zh-CN'][key]), key).to.equal(placeholders(offersCatalogs.en[key]));
      for (const m of [offersCatalogs.en[key], offersCatalogs['zh-CN'][key]])
        for (const form of typeof m === 'string' ? [m] : Object.values(m))
          expect(form.trim(), key).to.not.equal('');
    }
  });

  it('shows the empty state when there are no promotions', async () => {
    const el = await mount((el) => (el.promotions = []), { lang: 'zh-CN' });
    expect(el.status).to.equal('empty');
    expect(text(el, 'status')).to.equal('暂无优惠。');
  });
});
