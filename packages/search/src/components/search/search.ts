import { defineElement } from '@vitrine/core';
import { VtSearch } from './search.component.js';

export { VtSearch };

defineElement('vt-search', VtSearch);

declare global {
  interface HTMLElementTagNameMap {
    'vt-search': VtSearch;
  }
}
