import type { AddressMessageKey } from './address-messages.js';
import { isCountryCode, toCountryCode } from './country-codes.js';

/** What {@link phoneVerdict} found: the E.164 form, or why the number can't be used. */
export type PhoneVerdict = { e164: string } | { error: AddressMessageKey };

// Mainland mobiles are 11 digits from 13x to 19x. libphonenumber's own per-prefix list lags behind
// new ranges (and its min metadata has no number types), and refusing a real number loses the order.
const CN_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Whether `phone` can reach the recipient of an address in `country`: CN needs a mainland mobile
 * (couriers text the pickup code), US a North American number, any other country a valid number
 * with that country's calling code. Loads libphonenumber on first use: it is ~29 KB gzipped and
 * no checkout screen needs it before the shopper types a phone number.
 */
export async function phoneVerdict(phone: string, country: string): Promise<PhoneVerdict> {
  const { parsePhoneNumberFromString, isSupportedCountry, getCountryCallingCode } =
    await import('libphonenumber-js/min');
  const code = toCountryCode(country);
  const supported = isCountryCode(code) && isSupportedCountry(code);
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed = supported ? parsePhoneNumberFromString(phone, code) : parsePhoneNumberFromString(phone);
  } catch {
    // The "FromString" variant returns undefined for junk, but a pathological input may still throw.
    parsed = undefined;
  }

  if (code === 'CN') {
    if (!parsed) return { error: 'phone.cnLength' };
    if (parsed.countryCallingCode !== '86') return { error: 'phone.cnForeign' };
    const national = parsed.nationalNumber;
    if (CN_MOBILE.test(national)) return { e164: parsed.number };
    // Landlines carry an area code: 10 (Beijing), 2x, or three digits from 3 to 9.
    if (parsed.isValid() && (!national.startsWith('1') || national.startsWith('10'))) {
      return { error: 'phone.cnLandline' };
    }
    return { error: national.length === 11 ? 'phone.cnPrefix' : 'phone.cnLength' };
  }
  if (!parsed?.isValid()) return { error: errorFor(code, supported) };
  if (code === 'US') {
    // Any +1 number is dialled from the US like a domestic one (Puerto Rico, Guam, Canada).
    return parsed.countryCallingCode === '1' ? { e164: parsed.number } : { error: 'phone.us' };
  }
  if (supported && parsed.countryCallingCode !== getCountryCallingCode(code)) {
    return { error: 'phone.country' };
  }
  return { e164: parsed.number };
}

function errorFor(code: string, supported: boolean): AddressMessageKey {
  if (code === 'US') return 'phone.us';
  return supported ? 'phone.country' : 'phone.international';
}
