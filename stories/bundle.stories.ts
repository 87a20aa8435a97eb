import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/offers/bundle';

const meta: Meta<{ label: string }> = {
  title: 'Offers/Bundle',
  component: 'vt-bundle',
  args: { label: 'Hello' },
  render: ({ label }) => html`<vt-bundle label=${label}></vt-bundle>`,
};
export default meta;

export const Default: StoryObj<{ label: string }> = {};
