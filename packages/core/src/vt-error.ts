import { vtEvent, type VtErrorDetail } from '@vitrine/schema';

export type { VtErrorDetail };

/**
 * Reports a problem with an element's input the one way every Vitrine element does: one console
 * message naming the element, attribute and problem, and a `vt-error` event (bubbles, composed).
 * The caller renders the translated error state itself.
 */
export function reportError(el: HTMLElement, detail: Omit<VtErrorDetail, 'tag'>): void {
  const tag = el.localName;
  console.error(`<${tag}>: attribute "${detail.attribute}" ${detail.message}`);
  el.dispatchEvent(vtEvent('vt-error', { tag, ...detail }));
}
