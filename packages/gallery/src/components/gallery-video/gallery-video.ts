import { defineElement } from '@vitrine/core';
import { VtGalleryVideo } from './gallery-video.component.js';

export { VtGalleryVideo };

defineElement('vt-gallery-video', VtGalleryVideo);

declare global {
  interface HTMLElementTagNameMap {
    'vt-gallery-video': VtGalleryVideo;
  }
}
