import type { Locale } from '@vitrine/core';
import { fieldRule } from './address-format.js';
import { message } from './address-messages.js';
import type { AddressKey } from './address-types.js';
import { toCountryCode } from './country-codes.js';

/**
 * Synchronous check of one field of `country`'s form: required, length, ZIP/postcode format,
 * region in the list. The value is trimmed first. Returns `''` when fine, else a message in
 * `locale`. The phone is only checked for presence and length here; {@link checkPhone} does the
 * rest. A key the country's form doesn't have (`line2` in CN) is always fine.
 */
export function checkAddressField(key: AddressKey, value: string, country: string, locale: Locale): string {
  const rule = fieldRule(toCountryCode(country), key);
  if (!rule) return '';
  // A server passes whatever JSON it received; anything but a string counts as empty.
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return rule.required && rule.missing ? message(rule.missing, locale) : '';
  if (rule.values) {
    const stored = rule.upperCase ? text.toUpperCase() : text;
    return rule.values.has(stored) || !rule.missing ? '' : message(rule.missing, locale);
  }
  if (rule.postal) {
    const { pattern, invalid, digits, example } = rule.postal;
    return pattern.test(text) ? '' : message(invalid, locale, { n: digits ?? 0, example });
  }
  return text.length > rule.maxLength ? message('invalid.tooLong', locale, { max: rule.maxLength }) : '';
}
