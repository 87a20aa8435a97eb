import type { Locale } from '@vitrine/core';
import type { AddressMessageKey } from './address-messages.js';
import type { AddressField, AddressKey } from './address-types.js';
import { CN_PROVINCE_VALUES, cnProvinceOptions } from './cn-provinces.js';
import { POSTAL_CODE_RULES, postalCodeRule, type PostalCodeRule } from './postal-code-rules.js';
import { US_STATE_VALUES, usStateOptions } from './us-states.js';

/** One field of a country's form, untranslated: what {@link AddressField} is built from and checked by. */
export interface FieldRule extends Pick<
  AddressField,
  'key' | 'autocomplete' | 'required' | 'collapsed' | 'type' | 'inputMode' | 'maxLength'
> {
  label: AddressMessageKey;
  open?: AddressMessageKey;
  hint?: AddressMessageKey;
  hintVars?: Record<string, string | number>;
  /** The error when a required field is empty, or a select holds a value not in its list. */
  missing?: AddressMessageKey;
  /** Select fields: the options in `locale`, and the set of values accepted. */
  options?: (locale: Locale) => { value: string; label: string }[];
  values?: ReadonlySet<string>;
  /** The stored value is compared upper-cased (US state codes). */
  upperCase?: boolean;
  postal?: PostalCodeRule;
}

/** Long enough for `+86 138 0013 8000` and `+1 (201) 555-0123 x1234`. */
const PHONE_MAX = 24;

const name = (label: AddressMessageKey, missing: AddressMessageKey): FieldRule => ({
  key: 'name',
  autocomplete: 'name',
  label,
  required: true,
  type: 'text',
  maxLength: 100,
  missing,
});
const line1 = (
  label: AddressMessageKey,
  missing: AddressMessageKey,
  hint?: AddressMessageKey,
): FieldRule => ({
  key: 'line1',
  autocomplete: 'address-line1',
  label,
  required: true,
  type: 'text',
  maxLength: 120,
  missing,
  ...(hint ? { hint } : {}),
});
const LINE2: FieldRule = {
  key: 'line2',
  autocomplete: 'address-line2',
  label: 'label.line2',
  required: false,
  collapsed: true,
  open: 'open.line2',
  type: 'text',
  maxLength: 120,
};
const CITY: FieldRule = {
  key: 'city',
  autocomplete: 'address-level2',
  label: 'label.city',
  required: true,
  type: 'text',
  maxLength: 60,
  missing: 'missing.city',
};
const postalCode = (rule: PostalCodeRule, collapsed: boolean): FieldRule => ({
  key: 'postalCode',
  autocomplete: 'postal-code',
  label: rule.label,
  required: rule.required,
  ...(collapsed ? { collapsed, open: 'open.postal' as const } : {}),
  type: 'text',
  ...(rule.inputMode ? { inputMode: rule.inputMode } : {}),
  maxLength: rule.maxLength,
  missing: rule.missing,
  ...(rule.example
    ? {
        hint: rule.digits ? 'hint.digits' : 'hint.example',
        hintVars: { n: rule.digits ?? 0, example: rule.example },
      }
    : {}),
  postal: rule,
});
const phone = (required: boolean, extra?: Partial<FieldRule>): FieldRule => ({
  key: 'phone',
  autocomplete: 'tel',
  label: 'label.phone',
  required,
  ...(required ? {} : { collapsed: true, open: 'open.phone' as const }),
  type: 'tel',
  inputMode: 'tel',
  maxLength: PHONE_MAX,
  ...extra,
});
const longest = (values: ReadonlySet<string>) => Math.max(...[...values].map((v) => v.length));

// Chinese order, largest to smallest after the contact: the way 淘宝, 京东 and every courier slip ask.
const CN: readonly FieldRule[] = [
  name('label.recipient', 'missing.recipient'),
  phone(true, { label: 'label.mobile', missing: 'missing.mobile' }),
  {
    key: 'region',
    autocomplete: 'address-level1',
    label: 'label.province',
    required: true,
    type: 'select',
    maxLength: longest(CN_PROVINCE_VALUES),
    missing: 'missing.province',
    options: cnProvinceOptions,
    values: CN_PROVINCE_VALUES,
  },
  CITY,
  {
    key: 'district',
    autocomplete: 'address-level3',
    label: 'label.district',
    required: true,
    type: 'text',
    maxLength: 60,
    missing: 'missing.district',
  },
  line1('label.line1.cn', 'missing.line1.cn', 'hint.line1.cn'),
  // Couriers route by province, city and district; few shoppers know their 邮编, so it stays optional.
  postalCode(POSTAL_CODE_RULES.CN, true),
];

const US: readonly FieldRule[] = [
  name('label.name', 'missing.name'),
  line1('label.line1', 'missing.line1'),
  LINE2,
  CITY,
  {
    key: 'region',
    autocomplete: 'address-level1',
    label: 'label.state',
    required: true,
    type: 'select',
    maxLength: 2,
    missing: 'missing.state',
    options: usStateOptions,
    values: US_STATE_VALUES,
    upperCase: true,
  },
  postalCode(POSTAL_CODE_RULES.US, false),
  phone(false, { hint: 'hint.phone.us' }),
];

const generic = (country: string): readonly FieldRule[] => [
  name('label.name', 'missing.name'),
  line1('label.line1', 'missing.line1'),
  LINE2,
  CITY,
  {
    key: 'region',
    autocomplete: 'address-level1',
    label: 'label.region',
    required: false,
    type: 'text',
    maxLength: 60,
  },
  postalCode(postalCodeRule(country), false),
  phone(false),
];

const GENERIC = generic('');
// Keyed only by countries with their own postal rule, so junk codes from a request can't grow it.
const byPostalRule = new Map<string, readonly FieldRule[]>();

/** The untranslated field rules of `country` (already upper case), in display order. */
export function addressFormat(country: string): readonly FieldRule[] {
  if (country === 'CN') return CN;
  if (country === 'US') return US;
  if (!Object.hasOwn(POSTAL_CODE_RULES, country)) return GENERIC;
  let rules = byPostalRule.get(country);
  if (!rules) {
    rules = generic(country);
    byPostalRule.set(country, rules);
  }
  return rules;
}

/** The rule of `key` in `country`'s form; undefined when that form has no such field (CN `line2`). */
export function fieldRule(country: string, key: AddressKey): FieldRule | undefined {
  return addressFormat(country).find((rule) => rule.key === key);
}
