/** Integer minor units plus ISO 4217 code; structurally identical to `@vitrine/schema`'s `Money`. */
export interface Money {
  amount: number;
  currency: string;
}
/** A text in both shipped locales. */
export interface Localized {
  en: string;
  'zh-CN': string;
}
/** Shopify-style discount class. */
export type PromotionClass = 'product' | 'order' | 'shipping';
/** A cart line; `price` is the unit price. */
export interface CartLine {
  variantId: string;
  productId: string;
  quantity: number;
  price: Money;
  sku?: string;
  category?: string[];
  brand?: string;
  tags?: string[];
}
/** Epoch milliseconds or an ISO 8601 string. */
export type Instant = number | string;
/** Who is shopping and when. */
export interface PricingContext {
  now: Instant;
  newCustomer?: boolean;
  codes?: string[];
  currency?: string;
  shipping?: Money;
  groupSize?: Record<string, number>;
  usage?: Record<string, number>;
}
/** Fields shared by every promotion kind. */
export interface PromotionBase {
  id: string;
  title: Localized | string;
  code?: string;
  class?: PromotionClass;
  combinesWith?: { product?: boolean; order?: boolean; shipping?: boolean };
  exclusive?: boolean;
  startsAt?: Instant;
  endsAt?: Instant;
  minSpend?: Money;
  usageLimit?: number;
  eligibility?: Eligibility;
}
/** Which lines a promotion applies to: each given list must match (AND across lists, OR within one). */
export interface Eligibility {
  newCustomersOnly?: boolean;
  /** Repeat-purchase coupons: only when `context.newCustomer` is explicitly `false`. */
  returningCustomersOnly?: boolean;
  categories?: string[];
  brands?: string[];
  products?: string[];
  skus?: string[];
}
/** One item of a bundle: a product and how many units of it one set needs (default 1). */
export interface BundleItem {
  productId: string;
  quantity?: number;
}
/** A promotion: a union discriminated on `kind`. */
export type Promotion = PromotionBase &
  (
    | { kind: 'percent_off'; percent: number }
    | { kind: 'amount_off'; amount: Money }
    | { kind: 'tiered'; tiers: { spend: Money; save: Money }[] }
    | {
        kind: 'buy_x_get_y';
        /** Units to buy per application. */
        buy: number;
        /** Units discounted per application (the cheapest qualifying units). */
        get: number;
        /** Percent off the `get` units, integer 1–100; default 100 (free). */
        percent?: number;
        /** Which lines the `get` units come from; default: the same lines as `buy`. */
        getEligibility?: Omit<Eligibility, 'newCustomersOnly' | 'returningCustomersOnly'>;
        maxApplications?: number;
      }
    | {
        kind: 'bundle';
        items: BundleItem[];
        /** Price of one whole set (or give `percent`). */
        price?: Money;
        /** Percent off one whole set, integer 1–100 (or give `price`). */
        percent?: number;
        maxApplications?: number;
      }
    | { kind: 'flash_sale'; price: Money }
    | { kind: 'group_buy'; price: Money; minGroupSize: number }
    | { kind: 'free_shipping' }
  );
/** Input of {@link priceCart}. */
export interface PriceCartInput {
  lines: CartLine[];
  promotions: Promotion[];
  context: PricingContext;
}
/** An applied promotion and what it saved. */
export interface AppliedPromotion {
  id: string;
  kind: Promotion['kind'];
  class: PromotionClass;
  amount: Money;
  reason: Localized;
}
/** A promotion that was not applied, with a reason code and translated message. */
export interface RejectedPromotion {
  id: string;
  reason: string;
  message: Localized;
}
/** A priced line; `discount` includes its share of order discounts. */
export interface LineResult {
  variantId: string;
  subtotal: Money;
  discount: Money;
  total: Money;
}
/** The next reachable spend tier. */
export interface NextTier {
  promotionId: string;
  spendMore: Money;
  save: Money;
  message: Localized;
}
/** Output of {@link priceCart}. */
export interface PriceResult {
  subtotal: Money;
  discounts: Money;
  shippingDiscount: Money;
  shipping: Money;
  total: Money;
  lines: LineResult[];
  applied: AppliedPromotion[];
  rejected: RejectedPromotion[];
  nextTier: NextTier | null;
  why: Localized;
  explored: number;
  problems: string[];
}
