export * from './order-types.js';
export {
  priceOrder,
  deliveryOptionsFor,
  type DeliveryQuote,
  type OrderPrice,
  type PriceOrderInput,
} from './price-order.js';
export { readCheckoutConfig } from './read-checkout-config.js';
export { sendOrder, type SendOrderResult } from './send-order.js';
