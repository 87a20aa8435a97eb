import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/core/add-to-cart';
import { getCartStore, type VtAddToCart } from '@vitrine/core';
import { tea, tee } from './fixtures/products.js';

interface Args {
  product: unknown;
  variant?: string;
  quantity: number;
}

/**
 * `<vt-add-to-cart>` adds the chosen variant to the shared cart (IndexedDB, synced across tabs).
 * Language and theme follow the toolbar. Clicking really adds to this Storybook's cart; see
 * Core/Cart count.
 */
const meta: Meta<Args> = {
  title: 'Core/Add to cart',
  component: 'vt-add-to-cart',
  args: { product: tea, quantity: 1 },
  argTypes: {
    variant: { control: 'select', options: [undefined, ...tee.variants.map((v) => v.id)] },
    quantity: { control: { type: 'number', min: 1, max: 999 } },
    product: { control: false },
  },
  render: ({ product, variant, quantity }) =>
    html`<vt-add-to-cart .product=${product} variant=${variant ?? ''} quantity=${quantity}></vt-add-to-cart>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Ready: Story = {};

/** Several variants and none chosen: the button explains what to choose. */
export const ChooseVariant: Story = { args: { product: tee } };

export const VariantChosen: Story = { args: { product: tee, variant: 'sb-tee-sand-l', quantity: 2 } };

export const SoldOut: Story = { args: { product: tee, variant: 'sb-tee-navy-l' } };

export const PreOrder: Story = { args: { product: tee, variant: 'sb-tee-sand-m' } };

/** After a click: the polite "added" message. */
export const Added: Story = {
  args: { product: tee, variant: 'sb-tee-sand-l' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtAddToCart>('vt-add-to-cart')!;
    await el.updateComplete;
    // A cart holds one currency: start from an empty one so the story adds whatever it shows.
    const store = getCartStore();
    await store.ready;
    await store.clear();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
  },
};

/** The view while a `src` request is in flight (shown here by holding the state). */
export const Loading: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtAddToCart>('vt-add-to-cart')!;
    await el.updateComplete;
    el.status = 'loading';
  },
};

/** Unusable data: translated message, one console error, a `vt-error` event. */
export const ErrorState: Story = { args: { product: { id: 'broken', title: 'No price' } } };
