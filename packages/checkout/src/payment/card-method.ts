import type { Label, PaymentContext, PaymentMethod } from './payment-method.js';

/**
 * The bridge to a card payment provider (Stripe, Adyen, a bank's SDK). The provider renders and
 * owns the card inputs (usually its own iframes) and turns them into a token; the shop and
 * Vitrine never see the card number.
 */
export interface CardProvider {
  /** Renders the card inputs into `container` (light DOM, inside the checkout form). */
  mount(container: HTMLElement, context: PaymentContext): void | Promise<void>;
  /** Tokenises what the shopper typed; rejects with a `PaymentError` the shopper can read. */
  tokenize(context: PaymentContext): Promise<string>;
  unmount?(): void;
  /** Currencies the provider takes (all when absent). */
  currencies?: string[];
}

/** A card payment method that hands card entry to `provider`. */
export function cardMethod(
  provider: CardProvider,
  {
    id = 'card',
    label = { en: 'Credit or debit card', 'zh-CN': '银行卡 / 信用卡' },
  }: { id?: string; label?: Label } = {},
): PaymentMethod {
  return {
    id,
    label,
    type: 'Credit Card',
    available: ({ total }) => !provider.currencies || provider.currencies.includes(total.currency),
    mount: (container, context) => provider.mount(container, context),
    unmount: () => provider.unmount?.(),
    confirm: async (context) => ({ token: await provider.tokenize(context) }),
  };
}
