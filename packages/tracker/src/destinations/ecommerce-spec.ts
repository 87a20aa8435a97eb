// GA4 funnel events → the "E-commerce Spec v2" event names and properties. Segment defined the
// spec and PostHog adopted it unchanged for its CDP destinations, so both destinations share
// this mapping:
// - https://segment.com/docs/connections/spec/ecommerce/v2/
//   (source: https://github.com/segmentio/segment-docs/blob/develop/src/connections/spec/ecommerce/v2.md)
// - https://posthog.com/docs/data/event-spec/ecommerce-events
// Money in the spec is decimal major units ("Price ($)"), so every amount goes through
// toMajorUnits; totals are added up in integer minor units first, then converted once.
import type { FunnelDetail, FunnelEventName, Ga4CustomParams, Ga4Item } from '@vitrine/schema';
import { toMajorUnits } from './money.js';

/** Spec event name of each GA4 funnel event. */
export const ECOMMERCE_SPEC_EVENTS = {
  view_item_list: 'Product List Viewed',
  select_item: 'Product Clicked',
  view_item: 'Product Viewed',
  add_to_cart: 'Product Added',
  remove_from_cart: 'Product Removed',
  view_cart: 'Cart Viewed',
  begin_checkout: 'Checkout Started',
  add_shipping_info: 'Checkout Step Completed',
  add_payment_info: 'Payment Info Entered',
  purchase: 'Order Completed',
  view_promotion: 'Promotion Viewed',
  select_promotion: 'Promotion Clicked',
  search: 'Products Searched',
} as const satisfies Record<FunnelEventName, string>;

/** One product in the spec's names (`products[]` entries, or the properties of `Product *`). */
export interface SpecProduct {
  product_id: string;
  name: string;
  brand?: string;
  category?: string;
  variant?: string;
  /** Unit price, decimal major units. */
  price?: number;
  quantity?: number;
  coupon?: string;
  /** 1-based position in its list (GA4's `index` is 0-based). */
  position?: number;
}

/** Properties of one spec event. */
export type SpecProperties = Record<string, string | number | SpecProduct[]>;

/** One spec event: its name and properties. */
export interface SpecEvent {
  event: (typeof ECOMMERCE_SPEC_EVENTS)[FunnelEventName];
  properties: SpecProperties;
}

/** Every GA4 param this mapping reads; any other param is a shop's own and passes through. */
const GA4_PARAMS = new Set([
  'currency',
  'value',
  'items',
  'coupon',
  'item_list_id',
  'item_list_name',
  'transaction_id',
  'tax',
  'shipping',
  'shipping_tier',
  'payment_type',
  'promotion_id',
  'promotion_name',
  'creative_name',
  'creative_slot',
  'search_term',
]);

function defined<T>(source: Record<string, T | undefined>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined) out[key] = value;
  return out;
}

/** Maps one GA4 funnel event to spec events (one per item for the single-product events). */
export function toEcommerceSpec(detail: FunnelDetail): SpecEvent[] {
  const params: Ga4CustomParams = detail.params;
  const currency = typeof params.currency === 'string' ? params.currency : undefined;
  const str = (key: string): string | undefined => {
    const value = params[key];
    return typeof value === 'string' ? value : undefined;
  };
  const num = (key: string): number | undefined => {
    const value = params[key];
    return typeof value === 'number' ? value : undefined;
  };
  const money = (minor: number | undefined): number | undefined =>
    minor === undefined || currency === undefined ? undefined : toMajorUnits(minor, currency);
  const items: Ga4Item[] = Array.isArray(params.items) ? params.items : [];

  const product = (item: Ga4Item): SpecProduct => ({
    product_id: item.item_id,
    name: item.item_name,
    ...defined({
      brand: item.item_brand,
      category: item.item_category,
      variant: item.item_variant,
      coupon: item.coupon,
    }),
    ...defined({
      price: money(item.price),
      quantity: item.quantity,
      position: item.index === undefined ? undefined : item.index + 1,
    }),
  });
  const products = items.map(product);

  // A shop's custom GA4 params (strings or numbers, never money by contract) ride along.
  const extras: SpecProperties = {};
  for (const [key, value] of Object.entries(params)) {
    if (!GA4_PARAMS.has(key) && (typeof value === 'string' || typeof value === 'number')) extras[key] = value;
  }
  const spec = (properties: Record<string, string | number | SpecProduct[] | undefined>): SpecEvent => ({
    event: ECOMMERCE_SPEC_EVENTS[detail.name],
    properties: { ...extras, ...defined(properties) },
  });

  // Total item discount: GA4 `discount` is per unit.
  const discounted = items.some((item) => item.discount !== undefined);
  const discount = discounted
    ? items.reduce((sum, item) => sum + (item.discount ?? 0) * (item.quantity ?? 1), 0)
    : undefined;

  switch (detail.name) {
    case 'view_item_list':
      return [
        spec({
          list_id: str('item_list_id') ?? items[0]?.item_list_id,
          list_name: str('item_list_name') ?? items[0]?.item_list_name,
          currency,
          products,
        }),
      ];
    case 'select_item':
    case 'view_item':
    case 'add_to_cart':
    case 'remove_from_cart': {
      // The spec describes one product per event; GA4 allows several items, so one event each.
      if (items.length === 0) return [spec({ currency, value: money(num('value')) })];
      return items.map((item, i) => {
        const value =
          item.price !== undefined
            ? item.price * (item.quantity ?? 1)
            : items.length === 1
              ? num('value')
              : undefined;
        return spec({
          ...(detail.name === 'select_item'
            ? { list_id: str('item_list_id') ?? item.item_list_id }
            : { currency, value: money(value) }),
          ...products[i],
        });
      });
    }
    case 'view_cart':
      return [spec({ currency, value: money(num('value')), products })];
    case 'begin_checkout':
      return [
        spec({
          value: money(num('value')),
          revenue: money(num('value')),
          discount: money(discount),
          coupon: str('coupon'),
          currency,
          products,
        }),
      ];
    case 'add_shipping_info':
      return [
        spec({
          shipping_method: str('shipping_tier'),
          value: money(num('value')),
          coupon: str('coupon'),
          currency,
          products,
        }),
      ];
    case 'add_payment_info':
      return [
        spec({
          payment_method: str('payment_type'),
          value: money(num('value')),
          coupon: str('coupon'),
          currency,
          products,
        }),
      ];
    case 'purchase': {
      // GA4 `value` excludes tax and shipping (the spec's `revenue` and `subtotal`); the spec's
      // `total` is what the shopper paid: value + tax + shipping.
      const value = num('value') ?? 0;
      const tax = num('tax');
      const shipping = num('shipping');
      return [
        spec({
          order_id: str('transaction_id'),
          affiliation: items[0]?.affiliation,
          subtotal: money(value),
          revenue: money(value),
          total: money(value + (tax ?? 0) + (shipping ?? 0)),
          tax: money(tax),
          shipping: money(shipping),
          discount: money(discount),
          coupon: str('coupon'),
          currency,
          products,
        }),
      ];
    }
    case 'view_promotion':
    case 'select_promotion': {
      // GA4 allows the promotion fields on the event or on its items.
      const first = items[0];
      return [
        spec({
          promotion_id: str('promotion_id') ?? first?.promotion_id,
          name: str('promotion_name') ?? first?.promotion_name,
          creative: str('creative_name') ?? first?.creative_name,
          position: str('creative_slot') ?? first?.creative_slot,
        }),
      ];
    }
    case 'search':
      return [spec({ query: str('search_term') })];
  }
}
