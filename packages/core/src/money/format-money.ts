import type { Money } from '@vitrine/schema';
import { cached } from '../i18n/intl-cache.js';

export type { Money };

const CURRENCY = /^[A-Z]{3}$/;

const currencyFormat = (locale: string, currency: string): Intl.NumberFormat =>
  cached(`c${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));

/** Number of minor-unit digits of `currency` as `Intl` knows it (USD 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  return currencyFormat('en', currency).resolvedOptions().maximumFractionDigits as number;
}

/**
 * Checks a {@link Money} value and returns the problem as one sentence, or `null` when it is
 * valid. Never throws.
 */
export function moneyProblem(value: Partial<Money>): string | null {
  if (typeof value.currency !== 'string' || !CURRENCY.test(value.currency)) {
    return `currency must be a three-letter ISO 4217 code such as "USD" or "CNY", got ${JSON.stringify(value.currency ?? null)}`;
  }
  if (typeof value.amount !== 'number' || !Number.isSafeInteger(value.amount)) {
    return `amount must be an integer number of minor units (1999 for 19.99), got ${JSON.stringify(value.amount ?? null)}`;
  }
  return null;
}

/**
 * Formats money for `locale` through `Intl.NumberFormat` only.
 *
 * @throws RangeError when `value` is not valid money (see {@link moneyProblem}).
 */
export function formatMoney(value: Money, locale: string): string {
  const problem = moneyProblem(value);
  if (problem) throw new RangeError(problem);
  const digits = minorDigits(value.currency);
  return currencyFormat(locale, value.currency).format(value.amount / 10 ** digits);
}
