import { defineElement } from '../../define.js';
import { VtLightbox, type LightboxContext } from './lightbox.component.js';

export { VtLightbox, type LightboxContext };

defineElement('vt-lightbox', VtLightbox);

declare global {
  interface HTMLElementTagNameMap {
    'vt-lightbox': VtLightbox;
  }
}
