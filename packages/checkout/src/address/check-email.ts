import type { Locale } from '@vitrine/core';
import { message } from './address-messages.js';

// Deliberately loose: something@something.tld. Only the mail server knows more, and a stricter
// pattern turns away real addresses (plus signs, unicode, new TLDs).
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/**
 * `''` when `email` (trimmed) is a plausible address: one `@`, a dot in the domain, no spaces, at
 * most 254 characters (RFC 5321's path limit). Otherwise a message in `locale`; empty gives
 * "Enter your email".
 */
export function checkEmail(email: string, locale: Locale): string {
  const text = typeof email === 'string' ? email.trim() : '';
  if (!text) return message('email.missing', locale);
  if (text.length > 254) return message('email.tooLong', locale);
  if (/\s/.test(text)) return message('email.spaces', locale);
  return EMAIL.test(text) ? '' : message('email.invalid', locale);
}
