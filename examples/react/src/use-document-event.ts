import { useEffect, useRef } from 'react';
import type { VtEventMap } from '@vitrine/schema';

/**
 * Listens to a `vt-*` event on `document` while the component is mounted. For the events the cart
 * store dispatches on `document` (`vt-cart-change`, and the `vt-funnel` of `add_to_cart`), which no
 * element prop can catch, and to hear every element at once: Vitrine events bubble and are
 * composed, so they all reach `document`.
 */
export function useDocumentEvent<K extends keyof VtEventMap>(
  type: K,
  handler: (event: CustomEvent<VtEventMap[K]>) => void,
): void {
  // The latest handler without re-subscribing on every render.
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = (event: Event) => latest.current(event as CustomEvent<VtEventMap[K]>);
    document.addEventListener(type, listener);
    return () => document.removeEventListener(type, listener);
  }, [type]);
}
