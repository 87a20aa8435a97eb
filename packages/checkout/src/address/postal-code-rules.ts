import type { AddressMessageKey } from './address-messages.js';

/** How one country's postal codes look. */
export interface PostalCodeRule {
  pattern: RegExp;
  /** A real code shown in the hint and the error. */
  example: string;
  maxLength: number;
  /** Set when the code is all digits: the hint and error say "{digits} digits". */
  digits?: number;
  /** `numeric` when the code is digits only (a phone keypad on touch screens). */
  inputMode?: 'numeric';
  label: AddressMessageKey;
  missing: AddressMessageKey;
  invalid: AddressMessageKey;
  required: boolean;
}

const digits = (count: number, example: string, extra?: Partial<PostalCodeRule>): PostalCodeRule => ({
  pattern: new RegExp(`^\\d{${count}}$`),
  example,
  maxLength: count,
  digits: count,
  inputMode: 'numeric',
  label: 'label.postal',
  missing: 'missing.postal',
  invalid: 'invalid.digits',
  required: true,
  ...extra,
});

/**
 * Countries whose postal code format is certain and used on every address, so a code is
 * required and checked. Any other country gets {@link GENERIC_POSTAL_CODE}.
 */
export const POSTAL_CODE_RULES = {
  US: {
    ...digits(5, '94103'),
    pattern: /^\d{5}(-\d{4})?$/,
    maxLength: 10,
    label: 'label.zip',
    missing: 'missing.zip',
    invalid: 'invalid.zip',
  },
  CN: { ...digits(6, '518000'), required: false },
  DE: digits(5, '10115'),
  FR: digits(5, '75001'),
  IT: digits(5, '00184'),
  ES: digits(5, '28013'),
  AU: digits(4, '2000'),
  // Japan writes 〒100-0001; the hyphen is optional when typed.
  JP: { ...digits(7, '100-0001'), pattern: /^\d{3}-?\d{4}$/, maxLength: 8 },
  GB: {
    // Royal Mail formats A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA, plus Girobank's GIR 0AA.
    pattern: /^(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i,
    example: 'SW1A 1AA',
    maxLength: 8,
    label: 'label.postcode',
    missing: 'missing.postcode',
    invalid: 'invalid.postcode',
    required: true,
  },
  CA: {
    // Canada Post never uses D F I O Q U, nor W or Z in first position.
    pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i,
    example: 'K1A 0B1',
    maxLength: 7,
    label: 'label.postal',
    missing: 'missing.postal',
    invalid: 'invalid.postal',
    required: true,
  },
  NL: {
    pattern: /^[1-9]\d{3} ?[A-Z]{2}$/i,
    example: '1012 AB',
    maxLength: 7,
    label: 'label.postcode',
    missing: 'missing.postcode',
    invalid: 'invalid.postcode',
    required: true,
  },
} as const satisfies Record<string, PostalCodeRule>;

/** Any other country: optional, and loose enough for every national format. */
export const GENERIC_POSTAL_CODE: PostalCodeRule = {
  pattern: /^[A-Z\d -]{1,12}$/i,
  example: '',
  maxLength: 12,
  label: 'label.postal',
  missing: 'missing.postal',
  invalid: 'invalid.generic',
  required: false,
};

/** The postal code rule of `country` (upper case). */
export function postalCodeRule(country: string): PostalCodeRule {
  return Object.hasOwn(POSTAL_CODE_RULES, country)
    ? POSTAL_CODE_RULES[country as keyof typeof POSTAL_CODE_RULES]
    : GENERIC_POSTAL_CODE;
}
