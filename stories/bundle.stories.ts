import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/offers/bundle';
import { getCartStore } from '@vitrine/core';
import type { VtBundle } from '@vitrine/offers';
import type { Promotion } from '@vitrine/pricing';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
/** A local placeholder picture (no network): a tinted square with the product's initial. */
const picture = (hue: number, letter: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160"><rect width="160" height="160" fill="hsl(${hue} 45% 80%)"/><text x="80" y="100" font-size="64" text-anchor="middle" font-family="sans-serif" fill="hsl(${hue} 40% 30%)">${letter}</text></svg>`,
  )}`;
const product = (id: string, title: string, amount: number, hue: number, availability = 'in_stock') => ({
  id,
  title,
  price: cny(amount),
  availability,
  category: ['Kitchen'],
  options: [],
  variants: [{ id: `sb-${id}`, options: {}, price: cny(amount), availability }],
  media: [{ type: 'image', url: picture(hue, title[0]!), alt: title }],
});
const products = [
  product('kettle', 'Glass kettle 玻璃壶', 9900, 200),
  product('cups', 'Tea cups ×4 茶杯', 3900, 30),
  product('tea', 'Longjing tea 龙井 100 g', 1900, 110),
];
const tray = product('tray', 'Bamboo tray 竹茶盘', 2500, 60, 'out_of_stock');
const set: Promotion = {
  id: 'tea-set',
  title: { en: 'Tea set', 'zh-CN': '茶具套餐' },
  kind: 'bundle',
  items: [{ productId: 'kettle' }, { productId: 'cups' }, { productId: 'tea' }],
  price: cny(12900),
};

interface Args {
  products: unknown;
  promotions: unknown;
}

/**
 * `<vt-bundle>`: "frequently bought together" with a set price (套餐). Untick an item to see the
 * price change and the hint; "Add" puts every ticked item in this Storybook's cart in one change.
 * Language and theme follow the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Offers/Bundle',
  component: 'vt-bundle',
  args: { products, promotions: [set] },
  argTypes: { products: { control: false }, promotions: { control: false } },
  render: ({ products, promotions }) =>
    html`<vt-bundle .products=${products} .promotions=${promotions}></vt-bundle>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Every item ticked: the set price and the saving. */
export const SetPrice: Story = {};

/** A set at a percentage off instead of a fixed price. */
export const PercentOff: Story = {
  args: { promotions: [{ ...set, price: undefined, percent: 15 }] },
};

/** One item unticked: the saving is gone and the hint says what ticking it would save. */
export const PartlyTicked: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtBundle>('vt-bundle')!;
    await el.updateComplete;
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="toggle"]')[2]!.click();
  },
};

/** A sold-out item is shown unticked and cannot be ticked. */
export const WithSoldOutItem: Story = { args: { products: [...products, tray] } };

/** No bundle promotion: a plain "bought together" picker. */
export const NoPromotion: Story = { args: { promotions: [] } };

/** After "Add": the polite confirmation (the cart is emptied first so its currency matches). */
export const Added: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtBundle>('vt-bundle')!;
    await el.updateComplete;
    const store = getCartStore();
    await store.ready;
    await store.clear();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="add"]')!.click();
  },
};

/** Unusable products: translated message, one console error, a `vt-error` event. */
export const ErrorState: Story = { args: { products: { not: 'a list' } } };
