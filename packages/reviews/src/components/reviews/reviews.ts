import { defineElement } from '@vitrine/core';
import { VtReviews } from './reviews.component.js';

export { VtReviews };

defineElement('vt-reviews', VtReviews);

declare global {
  interface HTMLElementTagNameMap {
    'vt-reviews': VtReviews;
  }
}
