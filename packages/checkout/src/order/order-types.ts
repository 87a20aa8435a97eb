import type { Localized, Money, Promotion } from '@vitrine/pricing';

/** A way to deliver an order, as the shop offers it in {@link CheckoutConfig.delivery}. */
export interface DeliveryOption {
  id: string;
  /** Shown to the shopper: a string, or one text per shipped locale. */
  title: Localized | string;
  /** Cost of the option, before free-shipping promotions. */
  price: Money;
  /** The option is free once the discounted subtotal reaches this amount. */
  freeOver?: Money;
  /** Delivery estimate in days: `[min, max]`. */
  days?: [number, number];
  /** ISO 3166-1 alpha-2 codes this option delivers to; every shipping country when absent. */
  countries?: string[];
}

/**
 * What `<vt-cart>`, `<vt-checkout>` and the merchant's server price an order with, so the three
 * agree to the minor unit: the promotions (the `@vitrine/pricing` format), the delivery options
 * and the countries the shop ships to.
 */
export interface CheckoutConfig {
  promotions: Promotion[];
  delivery: DeliveryOption[];
  /** ISO 3166-1 alpha-2 codes, the default first. */
  countries: string[];
}

/** A postal address. Which fields a country needs is in `@vitrine/checkout/address`. */
export interface Address {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** Full name in one field (autocomplete `name`). */
  name: string;
  /** Street and number (CN: street, building, room). */
  line1: string;
  line2?: string;
  /** City (autocomplete `address-level2`; CN 市). */
  city: string;
  /** State or province (autocomplete `address-level1`; CN 省). */
  region?: string;
  /** District (autocomplete `address-level3`; CN 区/县). */
  district?: string;
  postalCode?: string;
  /** Phone as typed; the server normalises it to E.164. */
  phone?: string;
}

/** The shopper's contact. */
export interface Contact {
  email?: string;
  /** Mobile phone (CN checkouts use it as the contact). */
  phone?: string;
  /** The shopper agreed to a reminder if they leave before paying. */
  remindMe?: boolean;
}

/** One line of an order as the client sends it; the server prices it from its own catalog. */
export interface OrderLine {
  variantId: string;
  productId: string;
  quantity: number;
  /** The unit price the shopper saw. */
  price: Money;
}

/**
 * The JSON body `<vt-checkout>` POSTs to the merchant's order endpoint, with the same key in the
 * `Idempotency-Key` header. Payment-card data is never part of it: only the provider's token.
 */
export interface OrderRequest {
  idempotencyKey: string;
  /** `en` or `zh-CN`: the language of the server's messages. */
  locale: string;
  currency: string;
  lines: OrderLine[];
  /** Coupon codes entered. */
  codes: string[];
  contact: Contact;
  shipping: Address;
  /** Absent when billing is the shipping address. */
  billing?: Address;
  delivery: { id: string };
  payment: { method: string; token: string };
  /** What the shopper was shown; the server re-prices and refuses a different total. */
  total: Money;
  discounts: Money;
  shippingCost: Money;
}

/** The server's answer when the order is placed (201), or was already placed with this key (200). */
export interface OrderConfirmation {
  orderId: string;
  /** `paid`, or `pending` while a redirect payment method finishes. */
  status: 'paid' | 'pending';
  total: Money;
  /** Where a redirect payment method continues (Alipay, PayPal…); absent otherwise. */
  redirectUrl?: string;
}

/** Error codes of the order endpoint. */
export const ORDER_ERRORS = {
  /** 422: fields are wrong; `fields` maps paths like `shipping.postalCode` to messages. */
  invalid: 'invalid',
  /** 409: the re-priced total differs from the claimed one; `expected` has the server's total. */
  totalChanged: 'total_changed',
  /** 409: a line is sold out or no longer sold; `lines` names the variant ids. */
  unavailable: 'unavailable',
  /** 409: this idempotency key was used for a different order. */
  idempotencyConflict: 'idempotency_conflict',
  /** 402: the payment provider refused the token. */
  paymentFailed: 'payment_failed',
} as const;
export type OrderErrorCode = (typeof ORDER_ERRORS)[keyof typeof ORDER_ERRORS];

/** The JSON body of a 4xx answer from the order endpoint. Messages are in the request's locale. */
export interface OrderErrorBody {
  error: {
    code: OrderErrorCode;
    message: string;
    /** Field path (`contact.email`, `shipping.postalCode`, `delivery.id`) → message. */
    fields?: Record<string, string>;
    /** With `total_changed`: the server's total and the current unit price of every line. */
    expected?: { total: Money; lines?: { variantId: string; price: Money }[] };
    lines?: string[];
  };
}
