import { defineElement } from '@vitrine/core';
import { VtBundle } from './bundle.component.js';

export { VtBundle };

defineElement('vt-bundle', VtBundle);

declare global {
  interface HTMLElementTagNameMap {
    'vt-bundle': VtBundle;
  }
}
