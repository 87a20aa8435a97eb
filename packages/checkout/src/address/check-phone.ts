import type { Locale } from '@vitrine/core';
import { message } from './address-messages.js';
import { countryName } from './country-name.js';
import { phoneVerdict } from './phone-verdict.js';

/**
 * `''` when `phone` is a valid number for `country` (CN: a mainland mobile number; US: a North
 * American number); a message in `locale` otherwise. An empty string is fine: whether the phone
 * is required is {@link checkAddressField}'s job. Loads libphonenumber on first call.
 */
export async function checkPhone(phone: string, country: string, locale: Locale): Promise<string> {
  const text = typeof phone === 'string' ? phone.trim() : '';
  if (!text) return '';
  const verdict = await phoneVerdict(text, country);
  if ('e164' in verdict) return '';
  return message(verdict.error, locale, { country: countryName(country, locale) });
}
