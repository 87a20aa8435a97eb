/**
 * Event names and detail shapes the cart store dispatches. The cart snapshot types come from
 * `@vitrine/schema`; the funnel payloads below are the narrower shape the store emits, and a test
 * (`satisfies FunnelDetail`) keeps them assignable to the schema's `FunnelDetail`.
 */

/** Name of the event dispatched after every cart change (bubbles, composed). */
export const CART_CHANGE_EVENT = VT_EVENTS.cartChange;

/** Name of the GA4-style funnel event (bubbles, composed). */
export const FUNNEL_EVENT = VT_EVENTS.funnel;

/**
 * Why the cart changed: a line was added, a quantity or code changed, a line was removed, the
 * cart was emptied, another tab changed it, or it was first read from storage.
 */
export const CART_CHANGE_REASONS = ['add', 'update', 'remove', 'clear', 'sync', 'load'] as const;
export type CartChangeReason = (typeof CART_CHANGE_REASONS)[number];

// The event contracts are owned by @vitrine/schema.
import { VT_EVENTS, type Ga4Item } from '@vitrine/schema';

export type { CartChangeDetail, CartLineSnapshot, CartSnapshot } from '@vitrine/schema';

/** The funnel events the cart store emits, named as GA4 recommends. */
export const CART_FUNNEL_EVENTS = ['add_to_cart', 'remove_from_cart'] as const;
export type CartFunnelEventName = (typeof CART_FUNNEL_EVENTS)[number];

/**
 * One entry of GA4's `items` array as the cart store sends it: `item_id` is the SKU when the line
 * has one, else the product id; `item_variant` the option values joined with " / "; `price` the
 * unit price in minor units; `quantity` how many this change added or removed.
 */
export type FunnelItem = Ga4Item & { price: number; quantity: number };

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
