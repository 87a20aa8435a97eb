/**
 * Gives this test page its own cart database, so test files running in parallel pages on one
 * origin do not see each other's carts through IndexedDB and BroadcastChannel. Call before any
 * element touches the cart: `getCartStore()` then returns this store (it is kept under the same
 * registry key the shared store uses).
 */
export function isolateCart(create: (options: { name: string }) => unknown, name: string): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('vitrine.cart-store.v1')] = create({ name });
}
