import { defineElement } from '@vitrine/core';
import { VtSearchResults } from './search-results.component.js';

export { VtSearchResults };

defineElement('vt-search-results', VtSearchResults);

declare global {
  interface HTMLElementTagNameMap {
    'vt-search-results': VtSearchResults;
  }
}
