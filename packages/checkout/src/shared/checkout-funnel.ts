import { toFunnelItem, type Cart } from '@vitrine/core';
import type { PriceResult } from '@vitrine/pricing';
import type { FunnelDetail, FunnelParams } from '@vitrine/schema';

type CheckoutStep = 'view_cart' | 'begin_checkout' | 'add_shipping_info' | 'add_payment_info' | 'purchase';

/**
 * The GA4 detail of a cart or checkout step: the cart's items (unit price and discount per unit
 * in minor units), `value` = what the items cost after discounts (GA4: without tax and shipping),
 * the entered codes as `coupon`, plus the step's own params (`shipping_tier`, `transaction_id`…).
 * At most 200 items (GA4's limit).
 */
export function checkoutFunnel<K extends CheckoutStep>(
  name: K,
  cart: Cart,
  price: PriceResult,
  extra: Omit<FunnelParams[K], 'items' | 'currency' | 'value'> = {} as Omit<
    FunnelParams[K],
    'items' | 'currency' | 'value'
  >,
): FunnelDetail {
  const items = cart.lines.slice(0, 200).map((line) => {
    const item = toFunnelItem(line, line.quantity);
    const discount = price.lines.find((l) => l.variantId === line.variantId)?.discount.amount ?? 0;
    const perUnit = Math.round(discount / line.quantity);
    if (perUnit > 0) {
      item.discount = perUnit;
      item.price = line.price.amount - perUnit;
    }
    return item;
  });
  const coupon = cart.codes.join(',');
  return {
    name,
    params: {
      currency: price.subtotal.currency,
      value: price.subtotal.amount - price.discounts.amount,
      ...(coupon && name !== 'view_cart' && { coupon }),
      ...extra,
      items,
    },
  } as FunnelDetail;
}
