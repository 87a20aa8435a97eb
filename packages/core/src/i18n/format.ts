import type { Locale } from './locale.js';

import { cached } from './intl-cache.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * "3 days ago" / "3天前": the largest whole unit between `date` and `now`, through
 * `Intl.RelativeTimeFormat`. Invalid dates give an empty string.
 */
export function formatRelativeTime(
  date: Date | string | number,
  locale: Locale,
  now: number = Date.now(),
): string {
  const time = new Date(date).getTime();
  if (Number.isNaN(time)) return '';
  const seconds = Math.round((time - now) / 1000);
  const format = cached(`rt${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second')
      return format.format(Math.trunc(seconds / size), unit);
  }
  return '';
}

/** A date for people ("Nov 28, 2026" / "2026年11月28日"). Invalid dates give an empty string. */
export function formatDate(
  date: Date | string | number,
  locale: Locale,
  style: 'medium' | 'long' = 'medium',
): string {
  const d = new Date(date);
  return Number.isNaN(d.getTime())
    ? ''
    : cached(`d${locale}${style}`, () => new Intl.DateTimeFormat(locale, { dateStyle: style })).format(d);
}

/** "Red, Blue and Green" / "Red、Blue和Green" through `Intl.ListFormat`. */
export function formatList(
  items: readonly string[],
  locale: Locale,
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  return cached(`l${locale}${type}`, () => new Intl.ListFormat(locale, { style: 'long', type })).format(
    items,
  );
}

/** A number with grouping ("1,234"), or in the style `options` give (percent, fixed decimals). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  const key = `n${locale}${options ? JSON.stringify(options) : ''}`;
  return cached(key, () => new Intl.NumberFormat(locale, options)).format(value);
}
