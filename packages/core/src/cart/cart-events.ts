/**
 * Event names and detail shapes the cart store dispatches. The cart snapshot types come from
 * `@vitrine/schema`; the funnel payloads below are the narrower shape the store emits, and a test
 * (`satisfies FunnelDetail`) keeps them assignable to the schema's `FunnelDetail`.
 */

/** Name of the event dispatched after every cart change (bubbles, composed). */
export const CART_CHANGE_EVENT = 'vt-cart-change' as const;

/** Name of the GA4-style funnel event (bubbles, composed). */
export const FUNNEL_EVENT = 'vt-funnel' as const;

/**
 * Why the cart changed: a line was added, a quantity or code changed, a line was removed, the
 * cart was emptied, another tab changed it, or it was first read from storage.
 */
export const CART_CHANGE_REASONS = ['add', 'update', 'remove', 'clear', 'sync', 'load'] as const;
export type CartChangeReason = (typeof CART_CHANGE_REASONS)[number];

// The event contracts are owned by @vitrine/schema.
export type { CartChangeDetail, CartLineSnapshot, CartSnapshot } from '@vitrine/schema';

/** The funnel events the cart store emits, named as GA4 recommends. */
export const CART_FUNNEL_EVENTS = ['add_to_cart', 'remove_from_cart'] as const;
export type CartFunnelEventName = (typeof CART_FUNNEL_EVENTS)[number];

/** One entry of GA4's `items` array. Amounts are integer minor units. */
export type FunnelItem = {
  /** The SKU when the line has one, else the product id. */
  item_id: string;
  item_name: string;
  item_brand?: string;
  item_category?: string;
  item_category2?: string;
  item_category3?: string;
  item_category4?: string;
  item_category5?: string;
  /** The variant's option values joined with " / ", e.g. "Red / M". */
  item_variant?: string;
  /** Unit price in minor units. */
  price: number;
  /** How many were added or removed by this change. */
  quantity: number;
};

/** Parameters of `add_to_cart` and `remove_from_cart`. */
export type CartFunnelParams = {
  currency: string;
  /** Unit price × quantity changed, summed over `items`, in minor units. */
  value: number;
  items: FunnelItem[];
};

/** Detail of `vt-funnel` as dispatched by the cart store. */
export type CartFunnelDetail = {
  [K in CartFunnelEventName]: { name: K; params: CartFunnelParams };
}[CartFunnelEventName];
