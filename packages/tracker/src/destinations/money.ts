// Vitrine money is integer minor units (packages/schema/src/money.ts); GA4, PostHog and Segment
// all expect decimal major units (`19.99`). The digits of each currency come from ICU via
// Intl.NumberFormat, the same source the storefront formats prices with:
// https://tc39.es/ecma402/#sec-currencydigits (USD 2, JPY 0, KWD 3, CLF 4).

const digits = new Map<string, number>();

/** Number of minor-unit digits of an ISO 4217 `currency` (USD 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  let n = digits.get(currency);
  if (n === undefined) {
    try {
      n = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      // Not a well-formed code: the wire schema rejects these, so this is defensive only.
      n = 2;
    }
    digits.set(currency, n);
  }
  return n;
}

/**
 * `amount` integer minor units of `currency` as a decimal number of major units: `1999` USD →
 * `19.99`, `1999` JPY → `1999`, `1999` KWD → `1.999`.
 */
export function toMajorUnits(amount: number, currency: string): number {
  const n = minorDigits(currency);
  // toFixed then Number: the nearest double to the decimal, never `19.990000000000002`.
  return n === 0 ? amount : Number((amount / 10 ** n).toFixed(n));
}
