/**
 * GA4 recommended e-commerce events, as Vitrine's funnel vocabulary.
 *
 * Names and parameter names are GA4's own
 * (https://developers.google.com/analytics/devguides/collection/ga4/reference/events), so a
 * destination maps them without guessing.
 *
 * **One deliberate difference — money is integer minor units.** Everywhere in Vitrine money is an
 * integer number of minor units plus a currency (see {@link Money}). So `value`, `price`,
 * `discount`, `tax` and `shipping` here are **integer minor units** (`1999` for 19.99 USD,
 * `1999` for ¥1,999 JPY), always with `currency` alongside; GA4 itself expects decimals
 * (`19.99`). **A GA4 destination divides by 10^minorDigits(currency)** before sending (USD 2,
 * JPY 0, KWD 3 — `Intl.NumberFormat(…).resolvedOptions().maximumFractionDigits`). Never send
 * these numbers to GA4 unconverted.
 *
 * @module
 */
import type { Money } from './money.js';

/** The 13 GA4 recommended e-commerce events Vitrine emits, in funnel order. */
export const FUNNEL_EVENTS = [
  'view_item_list',
  'select_item',
  'view_item',
  'add_to_cart',
  'remove_from_cart',
  'view_cart',
  'begin_checkout',
  'add_shipping_info',
  'add_payment_info',
  'purchase',
  'view_promotion',
  'select_promotion',
  'search',
] as const;

/** One of {@link FUNNEL_EVENTS}. */
export type FunnelEventName = (typeof FUNNEL_EVENTS)[number];

/**
 * One item (product variant) in a GA4 e-commerce event, with GA4's item parameter names.
 *
 * GA4 requires `item_id` or `item_name`; Vitrine always knows both and requires both.
 * Money fields are **integer minor units** of the event's `currency` (see the module note).
 * No other keys are allowed on an item.
 */
export interface Ga4Item {
  /** Product or variant id (Vitrine sends the variant id when a variant is chosen, else the product id). */
  item_id: string;
  /** Product title as shown to the shopper. */
  item_name: string;
  /** Store or supplier that sells the item. */
  affiliation?: string;
  /** Coupon code applied to this item. */
  coupon?: string;
  /** Unit discount, **integer minor units** of `currency` (GA4: decimal). */
  discount?: number;
  /** Zero-based position of the item in its list. */
  index?: number;
  /** Brand. */
  item_brand?: string;
  /** Category, top level. */
  item_category?: string;
  /** Category, second level. */
  item_category2?: string;
  /** Category, third level. */
  item_category3?: string;
  /** Category, fourth level. */
  item_category4?: string;
  /** Category, fifth level. */
  item_category5?: string;
  /** Id of the list the item was shown in (e.g. `search-results`). */
  item_list_id?: string;
  /** Name of the list the item was shown in. */
  item_list_name?: string;
  /** Variant label, e.g. `Red / XL`. */
  item_variant?: string;
  /** Physical location (e.g. a Google Place id) associated with the item. */
  location_id?: string;
  /**
   * Unit price after item-level discounts, **integer minor units** of `currency` (GA4: decimal).
   * When `discount` is set, `price + discount` is the undiscounted unit price.
   */
  price?: number;
  /** Number of units, integer ≥ 1. */
  quantity?: number;
  /** Id of the promotion the item was shown in. */
  promotion_id?: string;
  /** Name of the promotion the item was shown in. */
  promotion_name?: string;
  /** Name of the promotional creative. */
  creative_name?: string;
  /** Slot of the promotional creative, e.g. `hero_1`. */
  creative_slot?: string;
}

/**
 * GA4 lets an event carry custom parameters beside the documented ones: names of 1–40
 * letters, digits and underscores starting with a letter (not `google_`, `ga_` or `firebase_`),
 * string or number values. The wire schema enforces those rules; TypeScript can only say that
 * unknown keys hold a string or a number. (`Ga4Item[]` is in the union only because `items`
 * must fit the index signature; the wire schema rejects arrays as custom values.)
 */
export interface Ga4CustomParams {
  [param: string]: string | number | Ga4Item[] | undefined;
}

/** Params of events that carry a list of items. */
export interface Ga4ItemsParams extends Ga4CustomParams {
  /** The items of the event (at most 200, GA4's limit). */
  items: Ga4Item[];
}

/** Params of events that carry a monetary value: `currency` and `value` are required. */
export interface Ga4ValueParams extends Ga4ItemsParams {
  /** ISO 4217 code that `value` and every item's `price`/`discount` are in. */
  currency: Money['currency'];
  /**
   * Sum of `price × quantity` over `items`, **integer minor units** of `currency`, without tax
   * and shipping (GA4 convention). GA4 expects a decimal: divide by 10^minorDigits(currency).
   */
  value: number;
}

/** Params of checkout steps: a value plus the order-level coupon. */
export interface Ga4CheckoutParams extends Ga4ValueParams {
  /** Order-level coupon code(s), comma-separated when several apply. */
  coupon?: string;
}

/** Params of `view_item_list` and `select_item`. */
export interface Ga4ListParams extends Ga4ItemsParams {
  /**
   * ISO 4217 code of the items' `price`/`discount`. Required as soon as any item carries a
   * price or a discount (the wire schema enforces this).
   */
  currency?: string;
  /** Id of the list, e.g. `related_products`. */
  item_list_id?: string;
  /** Name of the list, e.g. `Related products`. */
  item_list_name?: string;
}

/** Params of `view_promotion` and `select_promotion`. */
export interface Ga4PromotionParams extends Ga4CustomParams {
  /** ISO 4217 code of the items' `price`/`discount`; required as soon as any item carries one. */
  currency?: string;
  /** Name of the promotional creative. */
  creative_name?: string;
  /** Slot of the promotional creative, e.g. `hero_1`. */
  creative_slot?: string;
  /** Id of the promotion. */
  promotion_id?: string;
  /** Name of the promotion. */
  promotion_name?: string;
  /** Items shown in or selected from the promotion. */
  items?: Ga4Item[];
}

/**
 * The params of every funnel event, keyed by GA4 event name, following GA4's documented
 * parameters. Required keys are those GA4 requires, plus `currency` and `value` wherever money
 * is involved (Vitrine always knows them). Every money number is **integer minor units**.
 */
export interface FunnelParams {
  /** A list of products was shown (search results, category, related products). */
  view_item_list: Ga4ListParams;
  /** A product was chosen from a list (one item expected). */
  select_item: Ga4ListParams;
  /** A product page or quick view was shown. */
  view_item: Ga4ValueParams;
  /** Units were added to the cart; `items` hold the added quantities only. */
  add_to_cart: Ga4ValueParams;
  /** Units were removed from the cart; `items` hold the removed quantities only. */
  remove_from_cart: Ga4ValueParams;
  /** The cart was shown. */
  view_cart: Ga4ValueParams;
  /** Checkout started. */
  begin_checkout: Ga4CheckoutParams;
  /** Shipping details were submitted. */
  add_shipping_info: Ga4CheckoutParams & {
    /** Shipping option chosen, e.g. `Ground`, `Express`. */
    shipping_tier?: string;
  };
  /** Payment details were submitted. */
  add_payment_info: Ga4CheckoutParams & {
    /** Payment method chosen, e.g. `Credit Card`, `Alipay`. */
    payment_type?: string;
  };
  /** An order was placed and confirmed by the merchant endpoint. */
  purchase: Ga4CheckoutParams & {
    /** The merchant's order id; destinations deduplicate purchases by it. */
    transaction_id: string;
    /** Tax, **integer minor units** of `currency`. */
    tax?: number;
    /** Shipping cost, **integer minor units** of `currency`. */
    shipping?: number;
  };
  /** A promotion (banner, offer) was shown. GA4 requires `items` here. */
  view_promotion: Ga4PromotionParams & { items: Ga4Item[] };
  /** A promotion was chosen. */
  select_promotion: Ga4PromotionParams;
  /** A search was run. */
  search: Ga4CustomParams & {
    /** What the shopper searched for. */
    search_term: string;
  };
}

/** The detail of one funnel event named `K`. */
export interface FunnelDetailOf<K extends FunnelEventName> {
  /** GA4 event name. */
  name: K;
  /** GA4 params; money is integer minor units (see the module note). */
  params: FunnelParams[K];
}

/**
 * Detail of the `vt-funnel` DOM event and `data` of the `funnel` wire event: a GA4 event name
 * and its params, discriminated on `name`
 * (`{ name: 'add_to_cart'; params: FunnelParams['add_to_cart'] } | …`).
 */
export type FunnelDetail = { [K in FunnelEventName]: FunnelDetailOf<K> }[FunnelEventName];
