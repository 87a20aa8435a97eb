import { defineElement } from '@vitrine/core';
import { VtCart } from './cart.component.js';

export { VtCart };

defineElement('vt-cart', VtCart);

declare global {
  interface HTMLElementTagNameMap {
    'vt-cart': VtCart;
  }
}
