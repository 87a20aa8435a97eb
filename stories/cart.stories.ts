import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '@vitrine/checkout/cart';
import type { VtCart } from '@vitrine/checkout/cart';
import { createCartStore, type CartLineInput, type CartStore } from '@vitrine/core';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** A shop's checkout configuration: where it ships, how, and its promotions. */
const config = {
  countries: ['US', 'CA'],
  delivery: [
    {
      id: 'standard',
      title: { en: 'Standard', 'zh-CN': '标准配送' },
      price: usd(599),
      freeOver: usd(5000),
      days: [3, 5],
      countries: ['US'],
    },
    { id: 'express', title: { en: 'Express', 'zh-CN': '加急配送' }, price: usd(1500), days: [1, 2] },
  ],
  promotions: [
    {
      id: 'welcome',
      title: { en: '$10 off with WELCOME', 'zh-CN': '优惠码立减 10 美元' },
      code: 'WELCOME',
      kind: 'amount_off',
      amount: usd(1000),
      combinesWith: { product: true },
    },
    {
      id: 'mugs',
      title: { en: '15% off mugs', 'zh-CN': '马克杯 85 折' },
      kind: 'percent_off',
      percent: 15,
      class: 'product',
      eligibility: { products: ['sb-mug'] },
      combinesWith: { order: true },
    },
    {
      id: 'big',
      title: { en: '$15 off orders of $100', 'zh-CN': '满 100 美元减 15 美元' },
      code: 'BIG15',
      kind: 'amount_off',
      amount: usd(1500),
      minSpend: usd(10000),
    },
  ],
};

/** A small picture, inline so stories need no image server. */
const picture = (fill: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80"><rect width="80" height="80" fill="${fill}"/><circle cx="40" cy="40" r="22" fill="#fff" opacity=".5"/></svg>`,
  )}`;

const tee: CartLineInput = {
  variantId: 'sb-tee-navy-m',
  productId: 'sb-tee',
  title: 'Organic cotton tee',
  price: usd(2400),
  compareAt: usd(3000),
  options: { Colour: 'Navy', Size: 'M' },
  url: '#tee',
  image: picture('#27457a'),
  quantity: 2,
};
const mug: CartLineInput = {
  variantId: 'sb-mug',
  productId: 'sb-mug',
  title: 'Stoneware mug',
  price: usd(1250),
  url: '#mug',
  image: picture('#a0522d'),
};
const tea: CartLineInput = {
  variantId: 'sb-tea-250',
  productId: 'sb-tea',
  title: 'Longjing tea 250 g',
  price: usd(1800),
  image: picture('#5b7f3a'),
};

/** A `validate-src` answering `answer` to the POST (a `data:` URL: no server needed). */
const answering = (answer: unknown) => `data:application/json,${encodeURIComponent(JSON.stringify(answer))}`;

interface Args {
  /** Lines put in the story's cart. */
  lines: CartLineInput[];
  /** Codes already entered. */
  codes: string[];
  config: unknown;
  mode: 'page' | 'drawer';
  open: boolean;
  country?: string;
  validateSrc?: string;
}

/**
 * Each story gets its own cart in memory, so nothing here reads or changes the shopper's real
 * (IndexedDB) cart and stories do not leak into each other.
 */
async function cartWith(lines: CartLineInput[], codes: string[]): Promise<CartStore> {
  const store = createCartStore({ storage: 'memory', currency: 'USD', target: null });
  for (const line of lines) await store.add(line);
  for (const code of codes) await store.addCode(code);
  return store;
}

const cart = (args: Args, store: CartStore): TemplateResult =>
  html`<vt-cart
    .store=${store}
    .config=${args.config}
    mode=${args.mode}
    ?open=${args.open}
    country=${args.country ?? ''}
    validate-src=${args.validateSrc ?? ''}
    checkout-url="#checkout"
    continue-url="#shop"
  ></vt-cart>`;

/**
 * `<vt-cart>`: the cart page section or drawer. Each story prices its own in-memory cart with the
 * same `priceOrder` the checkout uses; change quantities, remove a line (and undo), or type
 * `WELCOME` or `BIG15` to see it update. Language and theme follow the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Checkout/Cart',
  component: 'vt-cart',
  args: { lines: [tee, mug], codes: [], config, mode: 'page', open: false },
  argTypes: {
    lines: { control: false },
    codes: { control: 'object' },
    config: { control: 'object' },
    mode: { control: 'inline-radio', options: ['page', 'drawer'] },
    country: { control: 'select', options: [undefined, 'US', 'CA'] },
  },
  loaders: [async ({ args }) => ({ store: await cartWith(args.lines, args.codes) })],
  render: (args, { loaded }) => cart(args, loaded['store'] as CartStore),
};
export default meta;

type Story = StoryObj<Args>;

/** Two lines: the tee on sale, 15% off the mug (automatic), shipping $5.99 until $50. */
export const WithLines: Story = {};

/** The WELCOME code entered: it combines with 15% off the mug, each with its reason; shipping is free. */
export const WithSavings: Story = { args: { lines: [tee, mug, tea], codes: ['WELCOME'] } };

/** A code that needs a bigger cart stays in it, and says why. */
export const CodeWaiting: Story = { args: { lines: [mug], codes: ['BIG15'] } };

/** Shipping to Canada: only Express delivers there. */
export const OtherCountry: Story = { args: { country: 'CA' } };

/** Nothing in the cart: a link to keep shopping. */
export const Empty: Story = { args: { lines: [] } };

/** Before the cart has been read: the reserved space with a loading line. */
export const Loading: Story = {
  loaders: [
    () => ({
      store: {
        ready: new Promise(() => {}),
        closed: false,
        subscribe: () => () => {},
        get: () => ({ currency: 'USD', lines: [], codes: [], updatedAt: 0 }),
      } as unknown as CartStore,
    }),
  ],
};

/** An unusable configuration: translated message, one console error, a `vt-error` event. */
export const ErrorState: Story = { args: { config: { countries: [], delivery: [] } } };

/** The shop's stock check says the tee is sold out: checkout waits until it is removed. */
export const SoldOutLine: Story = {
  args: {
    validateSrc: answering({
      lines: [
        { variantId: 'sb-tee-navy-m', available: false, price: usd(2400), title: 'Organic cotton tee' },
        { variantId: 'sb-mug', available: true, price: usd(1250), title: 'Stoneware mug' },
      ],
    }),
  },
};

/** The shop's server has a new price for the mug: the cart takes it and says so. */
export const PriceChanged: Story = {
  args: {
    validateSrc: answering({
      lines: [
        { variantId: 'sb-tee-navy-m', available: true, price: usd(2400), title: 'Organic cotton tee' },
        { variantId: 'sb-mug', available: true, price: usd(1400), title: 'Stoneware mug' },
      ],
    }),
  },
};

/** The drawer, open: a modal panel from the inline end (Escape, × or the backdrop close it). */
export const DrawerOpen: Story = { args: { mode: 'drawer', open: true, codes: ['WELCOME'] } };

/** The drawer, closed, with the shop's own button opening it (`show()`). */
export const Drawer: Story = {
  args: { mode: 'drawer' },
  render: (args, { loaded }) =>
    html`<button
        type="button"
        @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as VtCart | null)?.show()}
      >
        Open cart
      </button>
      ${cart(args, loaded['store'] as CartStore)}`,
};

/** Themed through its custom properties only. */
export const Themed: Story = {
  render: (args, { loaded }) =>
    html`<vt-cart
      .store=${loaded['store'] as CartStore}
      .config=${args.config}
      style="--vt-cart-accent: #7b1fa2; --vt-cart-on-accent: #fff; --vt-cart-image-size: 6rem; --vt-cart-border: 1px dashed #c9a3d6; --vt-cart-save-color: light-dark(#2e7d32, #81c784)"
    ></vt-cart>`,
};
