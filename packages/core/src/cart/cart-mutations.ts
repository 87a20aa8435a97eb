import type { Cart, CartLine, Money } from '../model/types.js';
import type { CartChangeReason, CartFunnelDetail } from './cart-events.js';
import { toFunnelDetail } from './cart-funnel.js';
import { MAX_QUANTITY, type CartLineData } from './cart-line.js';

/** What a mutation did: the new cart (its `updatedAt` is set by the store), why, and the funnel event. */
export interface CartChange {
  cart: Cart;
  reason: CartChangeReason;
  funnel: CartFunnelDetail | null;
}

/**
 * A change applied to the freshest stored cart inside one IndexedDB transaction, so it must be
 * synchronous. Returns `null` when it changes nothing; throws to abort the write.
 */
export type CartMutation = (current: Cart) => CartChange | null;

/** Adds `quantity` of `data`, merging with the line of the same variant. */
export function addLine(data: CartLineData, quantity: number): CartMutation {
  return addLines([{ data, quantity }], 'add');
}

/**
 * Adds several lines in one change (one write, one `vt-cart-change`, one `add_to_cart` with every
 * item). All lines must be in one currency, the cart's unless it is empty; otherwise nothing is added.
 */
export function addLines(items: { data: CartLineData; quantity: number }[], method: string): CartMutation {
  return (current) => {
    const currency = current.lines.length === 0 && items[0] ? items[0].data.price.currency : current.currency;
    const bad = items.find((i) => i.data.price.currency !== currency);
    if (bad) {
      throw new RangeError(
        `[vitrine] cart.${method}(): line "${bad.data.variantId}" is priced in ${bad.data.price.currency} but the cart is in ${currency}; a cart holds one currency.`,
      );
    }
    let lines = current.lines;
    const added: { line: CartLine; quantity: number }[] = [];
    for (const { data, quantity } of items) {
      const existing = lines.find((l) => l.variantId === data.variantId);
      const before = existing?.quantity ?? 0;
      let after = before + quantity;
      if (after > MAX_QUANTITY) {
        console.warn(
          `[vitrine] cart.${method}(): variant "${data.variantId}" would have ${after} items; the maximum of ${MAX_QUANTITY} is kept.`,
        );
        after = MAX_QUANTITY;
      }
      // The latest title, price and image win: they are what the shopper just saw.
      const line: CartLine = { ...data, quantity: after };
      lines = existing ? lines.map((l) => (l === existing ? line : l)) : [...lines, line];
      added.push({ line, quantity: after - before });
    }
    return {
      cart: { ...current, currency, lines },
      reason: 'add',
      funnel: toFunnelDetail('add_to_cart', currency, added),
    };
  };
}

/** Sets the quantity of a variant's line; 0 removes it. A variant not in the cart is left alone. */
export function setLineQuantity(variantId: string, quantity: number): CartMutation {
  return (current) => {
    const existing = current.lines.find((l) => l.variantId === variantId);
    if (!existing || existing.quantity === quantity) return null;
    if (quantity === 0) return removeLine(variantId)(current);
    const line: CartLine = { ...existing, quantity };
    const up = quantity > existing.quantity;
    return {
      cart: { ...current, lines: current.lines.map((l) => (l === existing ? line : l)) },
      reason: 'update',
      funnel: toFunnelDetail(up ? 'add_to_cart' : 'remove_from_cart', current.currency, [
        { line, quantity: Math.abs(quantity - existing.quantity) },
      ]),
    };
  };
}

/**
 * Sets the unit price of a variant's line (the shop's server says the price changed). A variant not
 * in the cart, or a price it already has, changes nothing; a price in another currency than the
 * cart's is rejected. No funnel event: the shopper added or removed nothing.
 */
export function setLinePrice(variantId: string, price: Money): CartMutation {
  return (current) => {
    const existing = current.lines.find((l) => l.variantId === variantId);
    if (!existing) return null;
    if (price.currency !== current.currency) {
      throw new RangeError(
        `[vitrine] cart.setPrice(): price is in ${price.currency} but the cart is in ${current.currency}; a cart holds one currency.`,
      );
    }
    if (existing.price.amount === price.amount) return null;
    const line: CartLine = { ...existing, price: { amount: price.amount, currency: price.currency } };
    return {
      cart: { ...current, lines: current.lines.map((l) => (l === existing ? line : l)) },
      reason: 'update',
      funnel: null,
    };
  };
}

/** Removes a variant's line. */
export function removeLine(variantId: string): CartMutation {
  return (current) => {
    const existing = current.lines.find((l) => l.variantId === variantId);
    if (!existing) return null;
    return {
      cart: { ...current, lines: current.lines.filter((l) => l !== existing) },
      reason: 'remove',
      funnel: toFunnelDetail('remove_from_cart', current.currency, [
        { line: existing, quantity: existing.quantity },
      ]),
    };
  };
}

/** Removes every line and code; one `remove_from_cart` lists everything removed. */
export const clearCart: CartMutation = (current) => {
  if (current.lines.length === 0 && current.codes.length === 0) return null;
  return {
    cart: { ...current, lines: [], codes: [] },
    reason: 'clear',
    funnel: toFunnelDetail(
      'remove_from_cart',
      current.currency,
      current.lines.map((line) => ({ line, quantity: line.quantity })),
    ),
  };
};

const sameCode = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/** Adds a coupon code unless it is already there (codes compare case-insensitively). */
export function addCode(code: string): CartMutation {
  return (current) =>
    current.codes.some((c) => sameCode(c, code))
      ? null
      : { cart: { ...current, codes: [...current.codes, code] }, reason: 'update', funnel: null };
}

/** Removes a coupon code (compared case-insensitively). */
export function removeCode(code: string): CartMutation {
  return (current) =>
    current.codes.some((c) => sameCode(c, code))
      ? {
          cart: { ...current, codes: current.codes.filter((c) => !sameCode(c, code)) },
          reason: 'update',
          funnel: null,
        }
      : null;
}
