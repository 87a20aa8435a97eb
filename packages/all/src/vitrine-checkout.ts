/**
 * The cart and checkout page bundle: `<vt-cart>` and `<vt-checkout>` with the payment adapters,
 * next to `vitrine.js`. Load both on the cart and checkout pages; the shared code (Lit, core,
 * pricing) is one chunk the two files import, so the browser fetches it once.
 */
import '@vitrine/checkout/cart';
import '@vitrine/checkout/checkout';
export { VtCart, VtCheckout, DraftStore, priceOrder } from '@vitrine/checkout';
export * from '@vitrine/checkout/payment';
