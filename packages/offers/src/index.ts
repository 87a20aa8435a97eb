export { OffersElement } from './shared/offers-element.js';
export { getServerClock, parseInstant, syncFromDateHeader, type ServerClock } from './shared/server-clock.js';
export { pricingLines, readPromotions } from './shared/pricing-input.js';
export { VtCountdown } from './components/countdown/countdown.component.js';
export { VtOffers } from './components/offers/offers.component.js';
export { VtBundle } from './components/bundle/bundle.component.js';
export { VtGroupBuy } from './components/group-buy/group-buy.component.js';
