export { priceCart } from './price-cart.js';
export { codeVerdict, type CodeVerdict } from './code-verdict.js';
export { readPromotions } from './read-promotions.js';
export { verifyOrder, type VerifyOrderInput } from './verify-order.js';
export { formatMoney, REASON, type ReasonCode } from './messages.js';
export type * from './types.js';
