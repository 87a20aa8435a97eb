import { priceCart } from './price-cart.js';
import type { Money, PriceCartInput, PriceResult } from './types.js';

/** Input of {@link verifyOrder}: the cart plus what the client claimed. */
export interface VerifyOrderInput extends PriceCartInput {
  claimed: { total: Money; discounts?: Money };
}

/**
 * Re-prices an order on the server with the same engine and compares it with the client's claim.
 * `ok` is false when a claimed amount differs or the input had problems.
 */
export function verifyOrder({ claimed, ...input }: VerifyOrderInput): {
  ok: boolean;
  expected: PriceResult;
  problems: string[];
} {
  const expected = priceCart(input);
  const problems = [...expected.problems];
  const check = (name: string, got: Money | undefined, want: Money) => {
    if (got && (got.amount !== want.amount || got.currency !== want.currency))
      problems.push(
        `claimed ${name} ${got.amount} ${got.currency} ≠ expected ${want.amount} ${want.currency}`,
      );
  };
  check('total', claimed.total, expected.total);
  check('discounts', claimed.discounts, expected.discounts);
  return { ok: problems.length === 0, expected, problems };
}
