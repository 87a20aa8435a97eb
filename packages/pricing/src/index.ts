export { priceCart } from './price-cart.js';
export { readPromotions } from './read-promotions.js';
export { verifyOrder, type VerifyOrderInput } from './verify-order.js';
export { formatMoney, REASON, type ReasonCode } from './messages.js';
export type * from './types.js';
