/**
 * Runtime validators for Vitrine's model, one file per type. Each returns every problem with its
 * path (`media[2].url`) and the usable value, or null. None throws, whatever the input.
 */
export { validateMoney } from './validate-money.js';
export { validateProduct } from './validate-product.js';
export { validateReview } from './validate-review.js';
export { validateOffer } from './validate-offer.js';
export { validateCartLine } from './validate-cart-line.js';
export { validateCart } from './validate-cart.js';
export { formatProblem } from './validate-shared.js';
