import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/core/cart-count';
import { getCartStore, type VtCartCount } from '@vitrine/core';

interface Args {
  href?: string;
  items: number;
}

/** Puts exactly `items` units in this Storybook's shared cart. */
async function fill(items: number): Promise<void> {
  const store = getCartStore();
  await store.ready;
  await store.clear();
  if (items > 0) {
    await store.add({
      variantId: 'sb-mug',
      productId: 'sb-mug',
      title: 'Stoneware mug',
      price: { amount: 1500, currency: 'USD' },
      quantity: items,
    });
  }
}

/** `<vt-cart-count>`: the cart badge, kept current across tabs. */
const meta: Meta<Args> = {
  title: 'Core/Cart count',
  component: 'vt-cart-count',
  args: { href: '/cart', items: 3 },
  argTypes: { items: { control: { type: 'number', min: 0, max: 999 } } },
  render: ({ href }) => html`<vt-cart-count href=${href ?? ''}></vt-cart-count>`,
  play: async ({ args }) => fill(args.items),
};
export default meta;

type Story = StoryObj<Args>;

export const WithItems: Story = {};

export const Empty: Story = { args: { items: 0 } };

export const Many: Story = { args: { items: 128 } };

/** Without `href` it is a labelled badge, not a link. */
export const NotALink: Story = {
  args: { href: undefined },
  render: () => html`<vt-cart-count></vt-cart-count>`,
};

/** Themed through tokens only. */
export const Themed: Story = {
  render: () =>
    html`<vt-cart-count
      href="/cart"
      style="--vt-cart-count-background: #7b1fa2; --vt-cart-count-color: #fff; --vt-cart-count-size: 3rem; color: #7b1fa2"
    ></vt-cart-count>`,
};

/** Before the cart has been read (shown here by holding the state): an empty bag, no shift. */
export const Loading: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtCartCount>('vt-cart-count')!;
    await el.updateComplete;
    el.status = 'loading';
  },
};
