import type { Locale } from '@vitrine/core';
import type { Address } from '../order/order-types.js';
import { addressFormat } from './address-format.js';
import { message } from './address-messages.js';
import type { AddressKey } from './address-types.js';
import { checkAddressField } from './check-address-field.js';
import { checkPhone } from './check-phone.js';
import { isCountryCode, toCountryCode } from './country-codes.js';

/**
 * Checks a whole address, the phone included (so it loads libphonenumber when a phone is given).
 * Returns a message in `locale` for each bad field, `{}` when the address is fine. A missing or
 * unknown country gives only `{country: message}`, since the other rules depend on it.
 */
export async function checkAddress(
  address: Address,
  locale: Locale,
): Promise<Partial<Record<AddressKey | 'country', string>>> {
  const country = toCountryCode(address?.country);
  if (!country) return { country: message('country.missing', locale) };
  if (!isCountryCode(country)) return { country: message('country.unknown', locale) };

  const errors: Partial<Record<AddressKey | 'country', string>> = {};
  for (const { key } of addressFormat(country)) {
    const error = checkAddressField(key, address[key] ?? '', country, locale);
    if (error) errors[key] = error;
  }
  const phone = address.phone;
  if (!errors.phone && typeof phone === 'string' && phone.trim()) {
    const error = await checkPhone(phone, country, locale);
    if (error) errors.phone = error;
  }
  return errors;
}
