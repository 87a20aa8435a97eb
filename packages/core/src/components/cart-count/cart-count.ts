import { defineElement } from '../../define.js';
import { VtCartCount } from './cart-count.component.js';

export { VtCartCount };

defineElement('vt-cart-count', VtCartCount);

declare global {
  interface HTMLElementTagNameMap {
    'vt-cart-count': VtCartCount;
  }
}
