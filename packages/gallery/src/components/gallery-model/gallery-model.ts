import { defineElement } from '@vitrine/core';
import { VtGalleryModel } from './gallery-model.component.js';

export { VtGalleryModel };

defineElement('vt-gallery-model', VtGalleryModel);

declare global {
  interface HTMLElementTagNameMap {
    'vt-gallery-model': VtGalleryModel;
  }
}
