import { priceCart } from '@vitrine/pricing';
import type { CartLine, Instant, PriceResult } from '@vitrine/pricing';
import type { CheckoutConfig, DeliveryOption } from './order-types.js';

/** Input of {@link priceOrder}. */
export interface PriceOrderInput {
  /** The lines with the unit prices to charge (the server passes its own catalog prices). */
  lines: CartLine[];
  codes: string[];
  config: CheckoutConfig;
  /** The chosen delivery option; without it (or when it does not serve `country`) the cheapest that does. */
  deliveryId?: string;
  /** Shipping country (ISO 3166-1 alpha-2); defaults to the shop's first country. */
  country?: string;
  /** The pricing clock: the server's time, never only the shopper's. */
  now: Instant;
  newCustomer?: boolean;
  currency?: string;
}

/** A delivery option with what it costs this order (after `freeOver`, before shipping promotions). */
export interface DeliveryQuote {
  option: DeliveryOption;
  cost: PriceResult['shipping'];
}

/** Output of {@link priceOrder}. */
export interface OrderPrice {
  /** The priced order; `shipping` is the chosen option's cost and `total` includes it. */
  price: PriceResult;
  /** Every option serving the country, cheapest first, with its cost for this order. */
  quotes: DeliveryQuote[];
  /** The option priced in, or null when none serves the country (shipping is then 0). */
  delivery: DeliveryQuote | null;
}

/** The options that deliver to `country` (in the shop's order). */
export function deliveryOptionsFor(config: CheckoutConfig, country: string): DeliveryOption[] {
  return config.delivery.filter((o) => !o.countries || o.countries.includes(country));
}

/**
 * Prices an order the one way the cart, the checkout and the merchant's server all do: the
 * promotions by `@vitrine/pricing`, then the delivery option's cost (free once the discounted
 * subtotal reaches its `freeOver`), then shipping promotions on that cost. Never throws: bad
 * input is named in `price.problems`, like `priceCart`.
 */
export function priceOrder(input: PriceOrderInput): OrderPrice {
  const { lines, codes, config, now, newCustomer } = input;
  const country = input.country ?? config.countries[0] ?? '';
  const base = { lines, promotions: config.promotions };
  const context = { now, codes, ...(newCustomer !== undefined && { newCustomer }) };
  const currency = input.currency ?? lines[0]?.price.currency;
  const goods = priceCart({ ...base, context: { ...context, ...(currency && { currency }) } });
  const spent = goods.subtotal.amount - goods.discounts.amount;
  const quotes = deliveryOptionsFor(config, country)
    .filter((option) => option.price.currency === goods.subtotal.currency)
    .map((option) => ({
      option,
      cost: {
        amount:
          option.freeOver &&
          option.freeOver.currency === goods.subtotal.currency &&
          spent >= option.freeOver.amount
            ? 0
            : option.price.amount,
        currency: option.price.currency,
      },
    }))
    .sort((a, b) => a.cost.amount - b.cost.amount);
  const delivery = quotes.find((q) => q.option.id === input.deliveryId) ?? quotes[0] ?? null;
  if (!delivery) return { price: goods, quotes, delivery };
  const price = priceCart({
    ...base,
    context: { ...context, currency: goods.subtotal.currency, shipping: delivery.cost },
  });
  return { price, quotes, delivery };
}
