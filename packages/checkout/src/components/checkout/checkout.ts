import { defineElement } from '@vitrine/core';
import { VtCheckout } from './checkout.component.js';

export { VtCheckout };

defineElement('vt-checkout', VtCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'vt-checkout': VtCheckout;
  }
}
