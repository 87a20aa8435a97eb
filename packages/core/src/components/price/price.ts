import { defineElement } from '../../define.js';
import { VtPrice } from './price.component.js';

export { VtPrice };

defineElement('vt-price', VtPrice);

declare global {
  interface HTMLElementTagNameMap {
    'vt-price': VtPrice;
  }
}
