import type { Address } from '../order/order-types.js';

/** The keys of an {@link Address} that a shopper types or picks; the country is chosen apart. */
export type AddressKey = Exclude<keyof Address, 'country'>;

/** One input of a shipping address form, as `<vt-checkout>` renders it. */
export interface AddressField {
  key: AddressKey;
  /**
   * Autocomplete detail token without the section/shipping/billing prefix: `name`,
   * `address-line1`, `address-line2`, `address-level1`, `address-level2`, `address-level3`,
   * `postal-code` or `tel`.
   */
  autocomplete: string;
  /** Translated label. */
  label: string;
  required: boolean;
  /** Hidden behind an "Add …" button until the shopper opens it (address line 2, CN postal code, US phone). */
  collapsed?: boolean;
  /** Text of that "Add …" button, translated, when collapsed. */
  openLabel?: string;
  type: 'text' | 'tel' | 'select';
  inputMode?: 'numeric' | 'tel' | 'text';
  /** For selects: value stored + label shown, in display order. */
  options?: { value: string; label: string }[];
  /** Short format hint ("5 digits, e.g. 94103"), translated; optional. */
  hint?: string;
  maxLength: number;
}
