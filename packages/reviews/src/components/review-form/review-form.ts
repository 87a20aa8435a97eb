import { defineElement } from '@vitrine/core';
import { VtReviewForm } from './review-form.component.js';

export { VtReviewForm };

defineElement('vt-review-form', VtReviewForm);

declare global {
  interface HTMLElementTagNameMap {
    'vt-review-form': VtReviewForm;
  }
}
