import type { Cart } from '../model/types.js';
import type { Money } from '../money/format-money.js';

/** A cart line as `@vitrine/pricing` takes it (structurally its `CartLine`). */
export interface PricingLine {
  variantId: string;
  productId: string;
  quantity: number;
  price: Money;
  sku?: string;
  brand?: string;
  category?: string[];
}

/** The cart store's lines as the pricing engine takes them. */
export function pricingLines(cart: Cart): PricingLine[] {
  return cart.lines.map((l) => ({
    variantId: l.variantId,
    productId: l.productId,
    quantity: l.quantity,
    price: l.price,
    ...(l.sku !== undefined && { sku: l.sku }),
    ...(l.brand !== undefined && { brand: l.brand }),
    ...(l.category !== undefined && { category: l.category }),
  }));
}
