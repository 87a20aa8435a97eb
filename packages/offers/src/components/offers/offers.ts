import { defineElement } from '@vitrine/core';
import { VtOffers } from './offers.component.js';

export { VtOffers };

defineElement('vt-offers', VtOffers);

declare global {
  interface HTMLElementTagNameMap {
    'vt-offers': VtOffers;
  }
}
