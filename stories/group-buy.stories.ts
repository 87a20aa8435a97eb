import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/offers/group-buy';

const meta: Meta<{ label: string }> = {
  title: 'Offers/GroupBuy',
  component: 'vt-group-buy',
  args: { label: 'Hello' },
  render: ({ label }) => html`<vt-group-buy label=${label}></vt-group-buy>`,
};
export default meta;

export const Default: StoryObj<{ label: string }> = {};
