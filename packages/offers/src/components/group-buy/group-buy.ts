import { defineElement } from '@vitrine/core';
import { VtGroupBuy } from './group-buy.component.js';

export { VtGroupBuy };

defineElement('vt-group-buy', VtGroupBuy);

declare global {
  interface HTMLElementTagNameMap {
    'vt-group-buy': VtGroupBuy;
  }
}
