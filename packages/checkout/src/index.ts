export { VtCart } from './components/cart/cart.component.js';
export { VtCheckout } from './components/checkout/checkout.component.js';
export { CheckoutElement } from './shared/checkout-element.js';
export { checkoutFunnel } from './shared/checkout-funnel.js';
export { DraftStore, type CheckoutDraft } from './draft/draft-store.js';
export * from './order/index.js';
export * from './payment/index.js';
