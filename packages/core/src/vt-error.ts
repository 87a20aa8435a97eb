/** Detail of the `vt-error` event that every Vitrine element dispatches when its input is unusable. */
export interface VtErrorDetail {
  /** The element's tag, e.g. `vt-price`. */
  tag: string;
  /** The attribute or property that was wrong, e.g. `amount`. */
  attribute: string;
  /** One sentence saying what was wrong and what was expected. */
  message: string;
}

/**
 * Reports a problem with an element's input the one way every Vitrine element does: one console
 * message naming the element, attribute and problem, and a `vt-error` event (bubbles, composed).
 * The caller renders the translated error state itself.
 */
export function reportError(el: HTMLElement, detail: Omit<VtErrorDetail, 'tag'>): void {
  const tag = el.localName;
  console.error(`<${tag}>: attribute "${detail.attribute}" ${detail.message}`);
  el.dispatchEvent(
    new CustomEvent<VtErrorDetail>('vt-error', {
      detail: { tag, ...detail },
      bubbles: true,
      composed: true,
    }),
  );
}
