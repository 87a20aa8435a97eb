export { DEV_MODE } from './dev-mode.js';
export { defineElement } from './define.js';
export { LOCALES, langOf, toLocale, type Locale } from './i18n/locale.js';
export { catalogs, msg, setMessages, type Catalog, type MessageKey } from './i18n/messages.js';
export { formatMoney, minorDigits, moneyProblem, type Money } from './money/format-money.js';
export { reportError, type VtErrorDetail } from './vt-error.js';
export { VtPrice } from './components/price/price.component.js';
