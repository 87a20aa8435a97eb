import { onBeforeUnmount, onMounted } from 'vue';
import type { VtEventMap } from '@vitrine/schema';

/**
 * Listens to a `vt-*` event on `document` while the component is mounted. For the events the cart
 * store dispatches on `document` (`vt-cart-change`, and the `vt-funnel` of `add_to_cart`), which no
 * `@` handler on an element can catch, and to hear every element at once: Vitrine events bubble
 * and are composed, so they all reach `document`.
 */
export function useDocumentEvent<K extends keyof VtEventMap>(
  type: K,
  handler: (event: CustomEvent<VtEventMap[K]>) => void,
): void {
  const listener = (event: Event) => handler(event as CustomEvent<VtEventMap[K]>);
  onMounted(() => document.addEventListener(type, listener));
  onBeforeUnmount(() => document.removeEventListener(type, listener));
}
