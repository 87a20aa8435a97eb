/**
 * An amount of money as every Vitrine contract carries it: an **integer number of minor units**
 * (cents, fen, yen) plus the ISO 4217 code of its currency. `{ amount: 1999, currency: 'USD' }`
 * is $19.99; `{ amount: 1999, currency: 'JPY' }` is ¥1,999. Never a float, never a formatted
 * string: formatting happens only through `Intl.NumberFormat` at the edge (`@vitrine/core`).
 */
export interface Money {
  /** Integer minor units of `currency` (a safe integer; `1999` for 19.99 USD). */
  amount: number;
  /** ISO 4217 alphabetic code, three upper-case letters: `USD`, `CNY`, `JPY`, `EUR`. */
  currency: string;
}
