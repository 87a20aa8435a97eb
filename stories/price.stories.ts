import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@vitrine/core/price';

interface PriceArgs {
  amount: number | string;
  currency: string;
  compareAt?: number;
}

/** `<vt-price>` formats integer minor units for the page's language (toolbar: Language, Theme). */
const meta: Meta<PriceArgs> = {
  title: 'Core/Price',
  component: 'vt-price',
  args: { amount: 1999, currency: 'USD' },
  argTypes: {
    amount: { control: 'text', description: 'Minor units (1999 = 19.99)' },
    currency: { control: 'select', options: ['USD', 'CNY', 'EUR', 'JPY', 'KWD'] },
    compareAt: { control: 'number', description: 'Former price in minor units' },
  },
  render: ({ amount, currency, compareAt }) =>
    html`<vt-price amount=${amount} currency=${currency} compare-at=${compareAt ?? nothing}></vt-price>`,
};
export default meta;

type Story = StoryObj<PriceArgs>;

export const Regular: Story = {};

export const OnSale: Story = { args: { amount: 1999, compareAt: 2999 } };

export const Yuan: Story = { args: { amount: 129900, currency: 'CNY', compareAt: 159900 } };

export const NoMinorUnits: Story = { args: { amount: 1999, currency: 'JPY' } };

/** Unusable input: a translated "unavailable" text, one console error, a `vt-error` event. */
export const ErrorState: Story = { args: { amount: '19.99' } };
