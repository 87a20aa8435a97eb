import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { createCartStore, type CartLineInput, type CartStore } from '@vitrine/core';
import '@vitrine/checkout/checkout';
import type { VtCheckout } from '@vitrine/checkout/checkout';
import { DraftStore, type CheckoutConfig, type CheckoutDraft } from '@vitrine/checkout';
import { cardMethod, demoCardProvider, redirectMethod, type PaymentMethod } from '@vitrine/checkout/payment';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const cny = (amount: number) => ({ amount, currency: 'CNY' });

const usConfig: CheckoutConfig = {
  countries: ['US', 'CA', 'GB'],
  delivery: [
    {
      id: 'standard',
      title: { en: 'Standard', 'zh-CN': '标准配送' },
      price: usd(599),
      freeOver: usd(5000),
      days: [3, 5],
      countries: ['US'],
    },
    {
      id: 'express',
      title: { en: 'Express', 'zh-CN': '加急配送' },
      price: usd(1499),
      days: [1, 2],
      countries: ['US'],
    },
    {
      id: 'intl',
      title: { en: 'International', 'zh-CN': '国际配送' },
      price: usd(1999),
      days: [7, 14],
      countries: ['CA', 'GB'],
    },
  ],
  promotions: [
    {
      id: 'ten',
      title: { en: '$10 off $80', 'zh-CN': '满80美元减10美元' },
      kind: 'amount_off',
      amount: usd(1000),
      minSpend: usd(8000),
    },
  ],
};

const cnConfig: CheckoutConfig = {
  countries: ['CN'],
  delivery: [
    {
      id: 'standard',
      title: { en: 'Standard courier', 'zh-CN': '标准快递' },
      price: cny(1000),
      freeOver: cny(9900),
      days: [2, 4],
    },
    { id: 'sf', title: { en: 'SF Express next day', 'zh-CN': '顺丰次日达' }, price: cny(2300), days: [1, 1] },
  ],
  promotions: [],
};

const jacket: CartLineInput = {
  variantId: 'sb-jacket-m',
  productId: 'sb-jacket',
  title: 'Rain jacket',
  price: usd(6900),
  options: { Colour: 'Navy', Size: 'M' },
};
const socks: CartLineInput = {
  variantId: 'sb-socks',
  productId: 'sb-socks',
  title: 'Wool socks',
  price: usd(1500),
  quantity: 2,
};
const tea: CartLineInput = {
  variantId: 'sb-tea-250',
  productId: 'sb-tea',
  title: '龙井茶 250 克',
  price: cny(15500),
};

/**
 * Storybook has no shop server: order requests to this prefix are answered in the page by a
 * simulated endpoint (it says so in the order id). Everything else goes to the network.
 */
const SIMULATED = '/storybook-simulated-shop';
const realFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith(SIMULATED)) return realFetch(input, init);
  if (url.endsWith('/slow')) return new Promise(() => {});
  const order = JSON.parse(String(init?.body ?? '{}')) as { total?: unknown };
  return Promise.resolve(
    new Response(JSON.stringify({ orderId: 'VT-STORYSIM', status: 'paid', total: order.total }), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    }),
  );
};

const methods = (): PaymentMethod[] => [
  cardMethod(demoCardProvider()),
  redirectMethod({
    id: 'alipay',
    label: { en: 'Alipay', 'zh-CN': '支付宝' },
    note: { en: 'You will pay on the Alipay page.', 'zh-CN': '将跳转到支付宝页面完成付款。' },
  }),
];

interface Args {
  lines: CartLineInput[];
  config: CheckoutConfig | unknown;
  /** A saved draft, so the story opens at a later section (as after a reload). */
  draft?: Omit<CheckoutDraft, 'version' | 'updatedAt'>;
  action: string;
  lang?: 'en' | 'zh-CN';
}

let stories = 0;
async function setUp(args: Args): Promise<{ store: CartStore; draft: string }> {
  const store = createCartStore({
    storage: 'memory',
    currency: args.lines[0]?.price.currency ?? 'USD',
    target: null,
  });
  if (args.lines.length) await store.addAll(args.lines);
  const draft = `story-${Date.now()}-${stories++}`;
  if (args.draft) await new DraftStore().save(draft, { ...args.draft, version: 1, updatedAt: Date.now() });
  return { store, draft };
}

const inLang = (lang: string | undefined, content: TemplateResult) =>
  lang ? html`<div lang=${lang}>${content}</div>` : content;

/**
 * `<vt-checkout>`: one-page guest checkout with native light-DOM inputs (autofill-ready), address
 * forms per country, delivery options, payment adapters and the order summary. Each story has
 * its own in-memory cart; later sections open from a saved draft, as after a reload. Card entry
 * uses the simulated demo provider (nothing is charged).
 */
const meta: Meta<Args> = {
  title: 'Checkout/Checkout',
  component: 'vt-checkout',
  args: { lines: [jacket, socks], config: usConfig, action: `${SIMULATED}/orders` },
  argTypes: { lines: { control: false }, draft: { control: false } },
  loaders: [async ({ args }) => setUp(args)],
  render: (args, { loaded }) =>
    inLang(
      args.lang,
      html`<vt-checkout
        .store=${loaded['store'] as CartStore}
        .config=${args.config}
        .paymentMethods=${methods()}
        action=${args.action}
        draft=${loaded['draft'] as string}
      ></vt-checkout>`,
    ),
};
export default meta;

type Story = StoryObj<Args>;

const ada = {
  'contact.email': 'ada@example.com',
  'shipping.name': 'Ada Lovelace',
  'shipping.line1': '12 Market St',
  'shipping.city': 'San Francisco',
  'shipping.region': 'CA',
  'shipping.postalCode': '94103',
};
const base = { opened: [], billingSame: true, country: 'US' };

/** First section: the contact (email, and the reminder opt-in). */
export const Contact: Story = {};

/** The delivery address of a US order, contact done (folded to one line with Change). */
export const Address: Story = {
  args: { draft: { ...base, values: { 'contact.email': 'ada@example.com' }, done: ['contact'] } },
};

/** Fields checked on Continue: messages tied to the inputs, focus on the first. */
export const AddressErrors: Story = {
  ...Address,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtCheckout>('vt-checkout')!;
    await customElements.whenDefined('vt-checkout');
    for (let i = 0; i < 100 && !el.querySelector('[data-section="address"][data-state="open"]'); i++)
      await new Promise((r) => setTimeout(r, 20));
    el.querySelector<HTMLButtonElement>('[data-state="open"] button[type="submit"]')?.click();
  },
};

/** A Chinese order: mobile number as the contact; province, city, district and street. */
export const AddressChina: Story = {
  args: {
    lang: 'zh-CN',
    lines: [tea],
    config: cnConfig,
    draft: { ...base, country: 'CN', values: { 'shipping.phone': '13812345678' }, done: ['contact'] },
  },
};

/** Delivery options with their cost for this order (standard is free over $50). */
export const Delivery: Story = {
  args: { draft: { ...base, values: ada, done: ['contact', 'address'] } },
};

/** Payment: the simulated card provider's fields and a redirect method. */
export const Payment: Story = {
  args: { draft: { ...base, values: ada, done: ['contact', 'address', 'delivery'], deliveryId: 'express' } },
};

async function toReview(canvasElement: HTMLElement): Promise<VtCheckout> {
  const el = canvasElement.querySelector<VtCheckout>('vt-checkout')!;
  for (let i = 0; i < 100 && !el.querySelector('input[autocomplete="cc-number"]'); i++)
    await new Promise((r) => setTimeout(r, 20));
  for (const [token, value] of [
    ['cc-number', '4242 4242 4242 4242'],
    ['cc-exp', '12 / 39'],
    ['cc-csc', '123'],
  ] as const) {
    const input = el.querySelector<HTMLInputElement>(`input[autocomplete="${token}"]`);
    if (input) input.value = value;
  }
  el.querySelector<HTMLButtonElement>('[data-state="open"] button[type="submit"]')?.click();
  for (let i = 0; i < 100 && !el.querySelector('[data-section="review"][data-state="open"]'); i++)
    await new Promise((r) => setTimeout(r, 20));
  return el;
}

/** Review: every section folded, and Place order with the total. */
export const Review: Story = {
  ...Payment,
  play: async ({ canvasElement }) => void (await toReview(canvasElement)),
};

/** Placed: the confirmation with the order number (from the simulated endpoint). */
export const Placed: Story = {
  ...Payment,
  play: async ({ canvasElement }) => {
    const el = await toReview(canvasElement);
    el.querySelector<HTMLButtonElement>('[data-state="open"] button[type="submit"]')?.click();
  },
};

/** The shop cannot be reached: every field kept, and Try again. */
export const Unreachable: Story = {
  args: { ...Payment.args, action: '/storybook-has-no-order-endpoint' },
  play: Placed.play,
};

/** Nothing in the cart. */
export const Empty: Story = { args: { lines: [] } };

/** The config is not usable: the translated error state (and one console error). */
export const BadConfig: Story = { args: { config: { countries: [], delivery: [] } } };

/** Before the config has arrived: the reserved space. */
export const Loading: Story = {
  render: (args, { loaded }) =>
    html`<vt-checkout
      .store=${loaded['store'] as CartStore}
      src=${`${SIMULATED}/slow`}
      action=${args.action}
      draft=${loaded['draft'] as string}
    ></vt-checkout>`,
};

/** Themed with custom properties only. */
export const Themed: Story = {
  render: (args, { loaded }) =>
    html`<vt-checkout
      .store=${loaded['store'] as CartStore}
      .config=${args.config}
      .paymentMethods=${methods()}
      action=${args.action}
      draft=${loaded['draft'] as string}
      style="--vt-checkout-accent: #5b3cc4; --vt-checkout-on-accent: #fff; --vt-checkout-section-background: transparent; --vt-radius: 0"
    ></vt-checkout>`,
};
