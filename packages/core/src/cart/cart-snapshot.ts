import type { Cart, CartLine } from '../model/types.js';
import type { Money } from '../money/format-money.js';
import type { CartLineSnapshot, CartSnapshot } from './cart-events.js';

/** Sum of the line quantities. */
export function cartItemCount(cart: Cart): number {
  return cart.lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** Sum of unit price × quantity in the cart's currency, in minor units. */
export function cartSubtotal(cart: Cart): Money {
  return {
    amount: cart.lines.reduce((sum, line) => sum + line.price.amount * line.quantity, 0),
    currency: cart.currency,
  };
}

/** Freezes `value` and everything inside it, so a snapshot handed out cannot be changed. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function toLineSnapshot(line: CartLine): CartLineSnapshot {
  const { compareAt: _compareAt, ...rest } = line;
  return rest;
}

/** The cart with its totals, as `vt-cart-change` carries it; frozen. */
export function toCartSnapshot(cart: Cart): CartSnapshot {
  return deepFreeze({
    currency: cart.currency,
    lines: cart.lines.map(toLineSnapshot),
    itemCount: cartItemCount(cart),
    subtotal: cartSubtotal(cart),
    codes: [...cart.codes],
    updatedAt: cart.updatedAt,
  });
}
