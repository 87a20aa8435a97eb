export { OffersElement } from './shared/offers-element.js';
export { VtCountdown } from './components/countdown/countdown.component.js';
export { VtOffers } from './components/offers/offers.component.js';
export { VtBundle } from './components/bundle/bundle.component.js';
export { VtGroupBuy } from './components/group-buy/group-buy.component.js';
