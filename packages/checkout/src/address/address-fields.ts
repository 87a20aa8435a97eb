import type { Locale } from '@vitrine/core';
import { addressFormat } from './address-format.js';
import { message } from './address-messages.js';
import type { AddressField } from './address-types.js';
import { toCountryCode } from './country-codes.js';

/**
 * The fields of a shipping address form for `country` (ISO alpha-2), in display order: the
 * Chinese convention for `CN` (name, mobile, province, city, district, street; postal code
 * collapsed), the US one for `US`, and a generic international form for any other code.
 * Each call returns fresh objects the caller may change.
 */
export function addressFields(country: string, locale: Locale): AddressField[] {
  return addressFormat(toCountryCode(country)).map((rule) => {
    const field: AddressField = {
      key: rule.key,
      autocomplete: rule.autocomplete,
      label: message(rule.label, locale),
      required: rule.required,
      type: rule.type,
      maxLength: rule.maxLength,
    };
    if (rule.collapsed) field.collapsed = true;
    if (rule.open) field.openLabel = message(rule.open, locale);
    if (rule.inputMode) field.inputMode = rule.inputMode;
    if (rule.options) field.options = rule.options(locale);
    if (rule.hint) field.hint = message(rule.hint, locale, rule.hintVars);
    return field;
  });
}
