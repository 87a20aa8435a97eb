import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '@vitrine/offers/offers';
import type { VtOffers } from '@vitrine/offers/offers';
import { createCartStore, type CartLineInput, type CartStore } from '@vitrine/core';

const cny = (amount: number) => ({ amount, currency: 'CNY' });

/** A shop's promotions in the `@vitrine/pricing` format. */
const promotions = [
  {
    id: 'mj',
    title: { en: '¥20 off ¥200, ¥30 off ¥300', 'zh-CN': '满200减20，满300减30' },
    kind: 'tiered',
    combinesWith: { order: true },
    tiers: [
      { spend: cny(20000), save: cny(2000) },
      { spend: cny(30000), save: cny(3000) },
    ],
  },
  {
    id: 'welcome',
    title: { en: '¥10 off with WELCOME', 'zh-CN': '优惠码立减10元' },
    code: 'WELCOME',
    kind: 'amount_off',
    amount: cny(1000),
    combinesWith: { order: true },
  },
  {
    id: 'mug15',
    title: { en: '15% off mugs', 'zh-CN': '马克杯85折' },
    code: 'MUG15',
    kind: 'percent_off',
    percent: 15,
    class: 'product',
    eligibility: { products: ['sb-mug'] },
  },
  {
    id: 'first',
    title: { en: '¥5 off your first order', 'zh-CN': '新客立减5元' },
    kind: 'amount_off',
    amount: cny(500),
    eligibility: { newCustomersOnly: true },
    combinesWith: { order: true },
  },
  {
    id: 'summer',
    title: { en: 'Summer sale', 'zh-CN': '夏日特惠' },
    code: 'SUMMER',
    kind: 'amount_off',
    amount: cny(1500),
    endsAt: '2024-09-01T00:00:00+08:00',
  },
];

const tea: CartLineInput = {
  variantId: 'sb-tea-250',
  productId: 'sb-tea',
  title: 'Longjing tea 250 g',
  price: cny(15500),
};
const mug: CartLineInput = {
  variantId: 'sb-mug',
  productId: 'sb-mug',
  title: 'Stoneware mug',
  price: cny(10000),
};

interface Args {
  /** Lines put in the story's cart. */
  lines: CartLineInput[];
  /** Codes already entered. */
  codes: string[];
  promotions: unknown;
  productId?: string;
  newCustomer: boolean;
  noCodeEntry: boolean;
  /** Forces a language; otherwise the toolbar's. */
  lang?: 'en' | 'zh-CN';
}

/**
 * Each story gets its own cart in memory, so nothing here reads or changes the shopper's real
 * (IndexedDB) cart and stories do not leak into each other.
 */
async function cartWith(lines: CartLineInput[], codes: string[]): Promise<CartStore> {
  const store = createCartStore({ storage: 'memory', currency: 'CNY', target: null });
  for (const line of lines) await store.add(line);
  for (const code of codes) await store.addCode(code);
  return store;
}

function inLang(lang: string | undefined, content: TemplateResult): TemplateResult {
  return lang ? html`<div lang=${lang}>${content}</div>` : content;
}

/**
 * `<vt-offers>`: what the cart saves, the spend-tier (满减) progress bar and the shop's coupons,
 * live as the cart changes. Each story prices its own in-memory cart; click Apply, Copy code or
 * type `WELCOME` to see it update. Language follows the toolbar unless the story forces one.
 */
const meta: Meta<Args> = {
  title: 'Offers/Offers',
  component: 'vt-offers',
  args: { lines: [tea], codes: [], promotions, newCustomer: false, noCodeEntry: false },
  argTypes: {
    lines: { control: false },
    codes: { control: 'object' },
    promotions: { control: 'object' },
    productId: { control: 'select', options: [undefined, 'sb-tea', 'sb-mug'] },
    lang: { control: 'inline-radio', options: [undefined, 'en', 'zh-CN'] },
  },
  loaders: [async ({ args }) => ({ store: await cartWith(args.lines, args.codes) })],
  render: (args, { loaded }) =>
    inLang(
      args.lang,
      html`<vt-offers
        .store=${loaded['store'] as CartStore}
        .promotions=${args.promotions}
        product-id=${args.productId ?? ''}
        ?new-customer=${args.newCustomer}
        ?no-code-entry=${args.noCodeEntry}
      ></vt-offers>`,
    ),
};
export default meta;

type Story = StoryObj<Args>;

/** Cart page, ¥155 in the cart: ¥45 short of the first tier. */
export const NextTier: Story = {};

export const NextTierChinese: Story = { args: { lang: 'zh-CN' } };

/** ¥255: the first tier applies, the bar aims at the second. */
export const TierApplied: Story = { args: { lines: [tea, mug] } };

/** The WELCOME coupon entered: both offers combine (¥30 in all). */
export const CouponApplied: Story = { args: { lines: [tea, mug], codes: ['WELCOME'] } };

export const CouponAppliedChinese: Story = {
  args: { lines: [tea, mug], codes: ['WELCOME'], lang: 'zh-CN' },
};

/** ¥410: the top tier is reached. */
export const TopTier: Story = { args: { lines: [{ ...tea, quantity: 2 }, mug] } };

/** A new customer also gets the first-order offer. */
export const NewCustomer: Story = { args: { lines: [tea, mug], newCustomer: true } };

/** Product page of the mug: only the offers that can apply to it; the savings stay the cart's. */
export const ProductPage: Story = { args: { productId: 'sb-mug', lines: [tea] } };

export const ProductPageChinese: Story = { args: { productId: 'sb-mug', lines: [tea], lang: 'zh-CN' } };

/** Nothing in the cart yet: every offer says what it needs. */
export const EmptyCart: Story = { args: { lines: [] } };

/** Without the code field (`no-code-entry`). */
export const NoCodeEntry: Story = { args: { noCodeEntry: true } };

/** A mistyped code: the engine's message inline, the text kept for correction. */
export const UnknownCode: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtOffers>('vt-offers')!;
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="input"]')!;
    input.value = 'WELCOM';
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  },
};

export const UnknownCodeChinese: Story = { ...UnknownCode, args: { lang: 'zh-CN' } };

/** After Copy code: "Copied", or, where the browser refuses the clipboard, the code selected. */
export const CopyCode: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtOffers>('vt-offers')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="copy"]')!.click();
  },
};

/** Themed through its custom properties only. */
export const Themed: Story = {
  args: { lines: [tea, mug] },
  render: (args, { loaded }) =>
    html`<vt-offers
      .store=${loaded['store'] as CartStore}
      .promotions=${args.promotions}
      style="--vt-offers-accent: #b3261e; --vt-offers-on-accent: #fff; --vt-offers-coupon-border: 1px solid #e8b4b0; --vt-offers-bar-height: 0.75rem"
    ></vt-offers>`,
};

/** Before the cart has been read: the reserved space with a loading line. */
export const Loading: Story = {
  loaders: [
    () => ({
      store: {
        ready: new Promise(() => {}),
        closed: false,
        subscribe: () => () => {},
        get: () => ({ currency: 'CNY', lines: [], codes: [], updatedAt: 0 }),
      } as unknown as CartStore,
    }),
  ],
};

/** The shop has no promotions. */
export const NoOffers: Story = { args: { promotions: [] } };

export const NoOffersChinese: Story = { args: { promotions: [], lang: 'zh-CN' } };

/** Unusable promotions (not an array): translated message, one console error, a `vt-error` event. */
export const ErrorState: Story = { args: { promotions: { id: 'not-a-list' } } };

export const ErrorStateChinese: Story = { args: { promotions: { id: 'not-a-list' }, lang: 'zh-CN' } };
