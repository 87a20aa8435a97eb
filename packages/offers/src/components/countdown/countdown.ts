import { defineElement } from '@vitrine/core';
import { VtCountdown } from './countdown.component.js';

export { VtCountdown };

defineElement('vt-countdown', VtCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'vt-countdown': VtCountdown;
  }
}
