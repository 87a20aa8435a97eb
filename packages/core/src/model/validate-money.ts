import type { Money, Result } from './types.js';
import { Problems, at, describe, guard, isCurrency, isRecord } from './validate-shared.js';

/**
 * Checks money at `path` and returns it, or null after reporting why it is unusable. A
 * lowercase currency (`"usd"`) is repaired and reported; `nonNegative` rejects amounts below 0.
 */
export function checkMoney(
  input: unknown,
  path: string,
  problems: Problems,
  options: { nonNegative?: boolean } = {},
): Money | null {
  if (input === undefined || input === null) {
    problems.add(path, 'is required');
    return null;
  }
  if (!isRecord(input)) {
    problems.add(path, `must be an object like { amount: 1999, currency: "USD" }, got ${describe(input)}`);
    return null;
  }
  let ok = true;
  let currency = input.currency;
  const upper = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  if (upper !== currency && isCurrency(upper)) {
    problems.add(
      at(path, 'currency'),
      `must be three uppercase letters, got ${describe(currency)}; used "${upper}"`,
    );
    currency = upper;
  }
  if (!isCurrency(currency)) {
    problems.add(
      at(path, 'currency'),
      `must be a three-letter uppercase ISO 4217 code such as "USD" or "CNY", got ${describe(currency)}`,
    );
    ok = false;
  }
  const amount = input.amount;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    problems.add(
      at(path, 'amount'),
      `must be an integer number of minor units (1999 for 19.99), got ${describe(amount)}`,
    );
    ok = false;
  } else if (options.nonNegative && amount < 0) {
    problems.add(at(path, 'amount'), `must not be negative, got ${amount}`);
    ok = false;
  }
  if (!ok) return null;
  return { amount: amount as number, currency: currency as string };
}

/**
 * Validates {@link Money}: an integer amount of minor units and a three-letter uppercase ISO 4217
 * currency. Paths are `amount` and `currency`. Never throws.
 */
export function validateMoney(input: unknown): Result<Money> {
  return guard(() => {
    const problems = new Problems();
    const value = checkMoney(input, '', problems);
    return { value, problems: problems.list };
  });
}
