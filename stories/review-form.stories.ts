import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@vitrine/reviews/review-form';
import type { VtReviewForm } from '@vitrine/reviews';

interface Args {
  open: boolean;
}

/**
 * `<vt-review-form>`: write a review with stars, text, name and photos checked in the browser.
 * Storybook has no review endpoint, so posting shows the failure state (the text is kept).
 */
const meta: Meta<Args> = {
  title: 'Reviews/Write a review',
  component: 'vt-review-form',
  args: { open: true },
  render: ({ open }) =>
    html`<vt-review-form
      endpoint="/storybook-has-no-review-endpoint"
      product-id="sb-tee"
      ?open=${open}
    ></vt-review-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Closed: the "Write a review" button. */
export const Closed: Story = { args: { open: false } };

export const Open: Story = {};

/** Submitted empty: every error next to its field, focus on the first. */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<VtReviewForm>('vt-review-form')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};
