/**
 * `@vitrine/checkout/address`: which fields a shipping address has per country, and the checks
 * the checkout and the merchant's server share. Pure (no DOM, no Lit), so Node can import it;
 * libphonenumber loads only when a phone is checked.
 */
export type { AddressField, AddressKey } from './address-types.js';
export { addressFields } from './address-fields.js';
export { checkAddressField } from './check-address-field.js';
export { checkAddress } from './check-address.js';
export { checkPhone } from './check-phone.js';
export { normalizePhone } from './normalize-phone.js';
export { checkEmail } from './check-email.js';
export { countryName } from './country-name.js';
export { COUNTRY_CODES } from './country-codes.js';
