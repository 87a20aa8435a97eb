import { defineElement } from '@vitrine/core';
import { VtGallery } from './gallery.component.js';

export { VtGallery };

defineElement('vt-gallery', VtGallery);

declare global {
  interface HTMLElementTagNameMap {
    'vt-gallery': VtGallery;
  }
}
