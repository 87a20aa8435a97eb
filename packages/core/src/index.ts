export { DEV_MODE } from './dev-mode.js';
export { defineElement } from './define.js';
export { LOCALES, langOf, toLocale, type Locale } from './i18n/locale.js';
export {
  catalogs,
  defineMessages,
  msg,
  setMessages,
  type Catalog,
  type Message,
  type MessageKey,
} from './i18n/messages.js';
export { formatDate, formatList, formatNumber, formatRelativeTime } from './i18n/format.js';
export { formatMoney, minorDigits, moneyProblem, type Money } from './money/format-money.js';
export { reportError, type VtErrorDetail } from './vt-error.js';
export { tokens, TOKEN_NAMES } from './theme/tokens.js';
export * from './model/types.js';
export { VitrineElement, STATUS, type Status } from './base/vitrine-element.js';
export { ProductElement } from './base/product-element.js';
export {
  validateCart,
  validateCartLine,
  validateMoney,
  validateOffer,
  validateProduct,
  validateReview,
  formatProblem,
} from './model/validate.js';
export { fetchJson, type FetchJsonResult } from './data/fetch-json.js';
export { readJsonSource, type JsonSource, type JsonSourceResult } from './data/read-json-source.js';
export { readProduct } from './data/read-product.js';
export { readReviews } from './data/read-reviews.js';
export { readPageJsonLd, findJsonLd } from './data/jsonld-page.js';
export * from './cart/index.js';
export { pricingLines, type PricingLine } from './cart/pricing-lines.js';
export { getServerClock, parseInstant, syncFromDateHeader, type ServerClock } from './time/server-clock.js';
export { codeField, codeFieldStyles, type CodeFieldOptions } from './components/code-field/code-field.js';
export { VtPrice } from './components/price/price.component.js';
export { VtAddToCart } from './components/add-to-cart/add-to-cart.component.js';
export { VtCartCount } from './components/cart-count/cart-count.component.js';
