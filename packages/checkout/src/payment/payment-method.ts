import type { Money } from '@vitrine/core';
import type { Contact } from '../order/order-types.js';

/** A text in both shipped locales, or one string for both. */
export type Label = string | { en: string; 'zh-CN': string };

/** What a payment method knows about the order when it is asked to check, render or confirm. */
export interface PaymentContext {
  total: Money;
  /** `en` or `zh-CN`. */
  locale: string;
  /** Shipping country, ISO 3166-1 alpha-2. */
  country: string;
  /** The contact as typed so far. */
  contact: Contact;
}

/** What a confirmed payment hands to the order: a token for the merchant's server, never card data. */
export interface PaymentResult {
  token: string;
  /** Contact details the wallet returned (express methods), merged into the form. */
  payer?: { name?: string; email?: string; phone?: string };
}

/**
 * Thrown by `confirm` when the shopper cancelled or the provider refused; `message` is shown to the
 * shopper as it is (translate it), and `cancelled` ones are not shown at all.
 */
export class PaymentError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'PaymentError';
  }
}

/**
 * One way to pay in `<vt-checkout>`. The checkout asks `available` once the total is known, shows
 * the available methods (express ones as buttons above the form), calls `mount` with a light-DOM
 * container when the method is chosen (card fields, a note), and `confirm` when the shopper
 * places the order or presses the express button.
 */
export interface PaymentMethod {
  /** Stable id, sent to the server as `payment.method`: `card`, `alipay`, `payment-request`… */
  id: string;
  label: Label;
  /** GA4 `payment_type` of `add_payment_info`: `Credit Card`, `Alipay`… */
  type: string;
  /** Express methods (a wallet sheet) are offered as a button above the form. */
  express?: boolean;
  /** False hides the method (unsupported browser, wrong currency). Errors count as false. */
  available(context: PaymentContext): boolean | Promise<boolean>;
  /** Renders the method's own inputs or note into `container` (light DOM, inside the form). */
  mount?(container: HTMLElement, context: PaymentContext): void | Promise<void>;
  /** Removes what `mount` rendered. */
  unmount?(): void;
  /**
   * Authorises or tokenises the payment. Resolves with the token to send with the order; rejects
   * with a {@link PaymentError} the shopper can read. Never logs, stores or emits card data.
   */
  confirm(context: PaymentContext): Promise<PaymentResult>;
}

/** The label in a locale. */
export const labelIn = (label: Label, locale: string): string =>
  typeof label === 'string' ? label : locale === 'zh-CN' ? label['zh-CN'] : label.en;
