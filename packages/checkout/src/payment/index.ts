export {
  PaymentError,
  labelIn,
  type Label,
  type PaymentContext,
  type PaymentMethod,
  type PaymentResult,
} from './payment-method.js';
export { cardMethod, type CardProvider } from './card-method.js';
export { redirectMethod, type RedirectMethodOptions } from './redirect-method.js';
export { paymentRequestMethod, type PaymentRequestMethodOptions } from './payment-request-method.js';
export { demoCardProvider, DEMO_DECLINED_CARD, luhn } from './demo-card-provider.js';
