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
  eligibility?: {
    newCustomersOnly?: boolean;
    categories?: string[];
    brands?: string[];
    products?: string[];
    skus?: string[];
  };
}
/** A promotion: a union discriminated on `kind`. */
export type Promotion = PromotionBase &
  (
    | { kind: 'percent_off'; percent: number }
    | { kind: 'amount_off'; amount: Money }
    | { kind: 'tiered'; tiers: { spend: Money; save: Money }[] }
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
