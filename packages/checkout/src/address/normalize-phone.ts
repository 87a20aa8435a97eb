import { phoneVerdict } from './phone-verdict.js';

/**
 * The E.164 form (`+8613800138000`) of a phone that {@link checkPhone} accepts for `country`, or
 * `null`. Loads libphonenumber on first call.
 */
export async function normalizePhone(phone: string, country: string): Promise<string | null> {
  const text = typeof phone === 'string' ? phone.trim() : '';
  if (!text) return null;
  const verdict = await phoneVerdict(text, country);
  return 'e164' in verdict ? verdict.e164 : null;
}
