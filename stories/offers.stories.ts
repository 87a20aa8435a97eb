import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/offers/offers';

const meta: Meta<{ label: string }> = {
  title: 'Offers/Offers',
  component: 'vt-offers',
  args: { label: 'Hello' },
  render: ({ label }) => html`<vt-offers label=${label}></vt-offers>`,
};
export default meta;

export const Default: StoryObj<{ label: string }> = {};
