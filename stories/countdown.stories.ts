import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/offers/countdown';

const meta: Meta<{ label: string }> = {
  title: 'Offers/Countdown',
  component: 'vt-countdown',
  args: { label: 'Hello' },
  render: ({ label }) => html`<vt-countdown label=${label}></vt-countdown>`,
};
export default meta;

export const Default: StoryObj<{ label: string }> = {};
