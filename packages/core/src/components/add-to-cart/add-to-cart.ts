import { defineElement } from '../../define.js';
import { VtAddToCart } from './add-to-cart.component.js';

export { VtAddToCart };

defineElement('vt-add-to-cart', VtAddToCart);

declare global {
  interface HTMLElementTagNameMap {
    'vt-add-to-cart': VtAddToCart;
  }
}
