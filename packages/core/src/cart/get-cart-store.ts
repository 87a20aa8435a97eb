import { createCartStore, type CartStore } from './cart-store.js';

/**
 * Kept on `globalThis` under a registered symbol so that two copies of this module on one page
 * (shops load scripts twice) still share one store and dispatch each event once. The `v1`
 * changes if the `CartStore` API ever changes incompatibly.
 */
const KEY = Symbol.for('vitrine.cart-store.v1');

type Registry = { [KEY]?: CartStore };

/**
 * The page's shared cart store (database `vitrine-cart`, events on `document`), created on
 * first use. Vitrine elements use it; a closed store is replaced by a new one.
 */
export function getCartStore(): CartStore {
  const registry = globalThis as Registry;
  let store = registry[KEY];
  if (!store || store.closed) {
    store = createCartStore();
    registry[KEY] = store;
  }
  return store;
}
