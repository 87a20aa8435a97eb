/**
 * The catalog of every `vt-*` DOM event: its name, its detail type, and a helper that builds it
 * the one way Vitrine dispatches events (bubbles, composed, typed detail).
 *
 * Components dispatch these; the tracker listens on `document` and turns them into wire events.
 * They are the only way components and the tracker meet (ARCHITECTURE.md).
 *
 * @module
 */
import type { FunnelDetail } from './ga4.js';
import type { Money } from './money.js';

/** Every `vt-*` DOM event name, by a short camelCase key. */
export const VT_EVENTS = {
  error: 'vt-error',
  funnel: 'vt-funnel',
  cartChange: 'vt-cart-change',
  variantChange: 'vt-variant-change',
  searchSubmit: 'vt-search-submit',
  searchChange: 'vt-search-change',
  ready: 'vt-ready',
  groupBuy: 'vt-group-buy',
  saleChange: 'vt-sale-change',
  reviewFilter: 'vt-review-filter',
  reviewHelpful: 'vt-review-helpful',
  mediaOpen: 'vt-media-open',
  reviewSubmit: 'vt-review-submit',
  checkoutAbandon: 'vt-checkout-abandon',
  orderPlaced: 'vt-order-placed',
  mediaView: 'vt-media-view',
  mediaZoom: 'vt-media-zoom',
  arLaunch: 'vt-ar-launch',
  videoPlay: 'vt-video-play',
  videoComplete: 'vt-video-complete',
} as const;

/** Detail of `vt-error`: an element's input (attribute, property or data) is unusable. */
export interface VtErrorDetail {
  /** The element's tag, e.g. `vt-price`. */
  tag: string;
  /** The attribute or property that was wrong, e.g. `amount`. */
  attribute: string;
  /** One sentence saying what was wrong and what was expected. */
  message: string;
}

/** One cart line as the cart store holds it, in a {@link CartSnapshot}. */
export interface CartLineSnapshot {
  /** Variant id (the product id again for products without variants); unique within the cart. */
  variantId: string;
  /** Product id. */
  productId: string;
  /** Number of units, integer ≥ 1. */
  quantity: number;
  /** Product title as shown to the shopper. */
  title: string;
  /** Unit price before promotions, integer minor units. */
  price: Money;
  /** Stock-keeping unit, when the shop has one. */
  sku?: string;
  /** Chosen options, option name → value, e.g. `{ Color: 'Red', Size: 'XL' }`. */
  options?: Record<string, string>;
  /** Brand. */
  brand?: string;
  /** Category path, top level first, e.g. `['Apparel', 'Shirts']`. */
  category?: string[];
  /** Product page URL. */
  url?: string;
  /** Image URL. */
  image?: string;
}

/** The whole cart at one moment, as the cart store persists and broadcasts it. */
export interface CartSnapshot {
  /** ISO 4217 code every line price and the subtotal are in. */
  currency: string;
  /** Lines in the order they were added. */
  lines: CartLineSnapshot[];
  /** Sum of `quantity` over `lines`. */
  itemCount: number;
  /**
   * Sum of `price.amount × quantity` over `lines`, integer minor units, before promotions,
   * shipping and tax (the pricing engine computes those from the snapshot).
   */
  subtotal: Money;
  /** Coupon codes the shopper entered, in entry order. */
  codes: string[];
  /** When the cart last changed, milliseconds since the Unix epoch. */
  updatedAt: number;
}

/** Why the cart changed, in {@link CartChangeDetail}. */
export type CartChangeReason = 'add' | 'update' | 'remove' | 'clear' | 'sync' | 'load';

/**
 * Detail of `vt-cart-change`, fired by the cart store on `document` after every change.
 * Only `add`, `update`, `remove` and `clear` are shopper actions in this tab; `sync` (another
 * tab changed the cart) and `load` (the cart was restored from storage) are not, and the tracker
 * must not turn them into funnel events.
 */
export interface CartChangeDetail {
  /**
   * `add` units added; `update` a quantity or option changed; `remove` a line removed; `clear`
   * every line removed (or an order completed); `sync` changed in another tab; `load` restored
   * from IndexedDB on page load.
   */
  reason: CartChangeReason;
  /** The cart after the change. */
  cart: CartSnapshot;
}

/** Detail of `vt-variant-change`, fired when the shopper picks a different variant. */
export interface VariantChangeDetail {
  /** Product id. */
  productId: string;
  /** The newly selected variant id. */
  variantId: string;
  /** The options that select it, option name → value, e.g. `{ Color: 'Red' }`. */
  options: Record<string, string>;
}

/** Detail of `vt-search-submit`, fired when the shopper submits a search. */
export interface SearchSubmitDetail {
  /** The query as typed, trimmed. */
  query: string;
  /** The results page URL the search navigates to, when it navigates. */
  url?: string;
  /** Filters chosen with it (a category or brand picked from the suggestions), facet → values. */
  filters?: Record<string, string[]>;
}

/**
 * Detail of `vt-search-change`, fired when the shopper changes the query, a filter, the sort or the
 * page of a result list (never on a programmatic change or a back/forward navigation).
 */
export interface SearchChangeDetail {
  /** The query, trimmed. */
  query: string;
  /** Active filters: facet name (`category`, `brand`, `availability`, `price`, or `option:<name>`) → values. */
  filters: Record<string, string[]>;
  /** `relevance`, `price-asc`, `price-desc`, `newest` or `rating`. */
  sort: string;
  /** 1-based page number. */
  page: number;
}

/** Detail of `vt-ready`, fired once when an element has loaded its data and first rendered. */
export interface ReadyDetail {
  /** The element's tag, e.g. `vt-gallery`. */
  tag: string;
}

/**
 * Detail of `vt-group-buy`: the shopper asked to start or join a group buy (拼团). Vitrine does not
 * run groups; the shop's backend listens for this, creates or joins the group and later tells the
 * pricing context how many members it has.
 */
export interface GroupBuyDetail {
  /** `start` a new group, or `join` the group in `groupId`. */
  action: 'start' | 'join';
  /** Id of the `group_buy` promotion. */
  promotionId: string;
  /** Product the group is for. */
  productId: string;
  /** Variant chosen, when the product has variants. */
  variantId?: string;
  /** Group price per unit, integer minor units. */
  price: Money;
  /** Members the group needs before the group price applies. */
  minGroupSize: number;
  /** The group to join (for `join`), as the shop gave it to the element. */
  groupId?: string;
}

/** Phase of a time-limited sale, in {@link SaleChangeDetail}. */
export type SalePhase = 'upcoming' | 'live' | 'ended';

/**
 * Detail of `vt-sale-change`, fired by `<vt-countdown>` when a flash sale starts or ends by the
 * server's clock (not the shopper's), so prices on the page can switch at the same moment.
 */
export interface SaleChangeDetail {
  /** Id of the promotion, when the countdown names one. */
  promotionId?: string;
  /** The phase the sale has just entered. */
  phase: SalePhase;
  /** Server time of the change, milliseconds since the Unix epoch. */
  at: number;
}

/** The review list's filters and sort, in {@link ReviewFilterDetail}. */
export interface ReviewQuery {
  /** Star ratings shown (whole stars 1–5); empty means all. */
  stars: number[];
  /** Review tag chosen, e.g. `true to size` / `面料舒适`. */
  tag?: string;
  /** Only reviews with photos or videos. */
  withMedia: boolean;
  /** Only verified buyers. */
  verified: boolean;
  /** Only reviews of this variant, option name → value. */
  variant?: Record<string, string>;
  /** Sort order. */
  sort: 'helpful' | 'newest' | 'highest' | 'lowest' | 'media';
}

/** Detail of `vt-review-filter`: the shopper changed a filter or the sort of `<vt-reviews>`. */
export interface ReviewFilterDetail {
  /** Product the reviews are for, when known. */
  productId?: string;
  /** The query after the change. */
  query: ReviewQuery;
  /** Reviews matching it. */
  count: number;
}

/** Detail of `vt-review-helpful`: the shopper voted on a review (once per review and shopper). */
export interface ReviewHelpfulDetail {
  productId?: string;
  reviewId: string;
  /** `true` for "helpful", `false` for "not helpful". */
  helpful: boolean;
}

/** Detail of `vt-media-open`: the shopper opened a photo or video in the lightbox. */
export interface MediaOpenDetail {
  /** Tag of the element it was opened from, e.g. `vt-reviews`. */
  tag: string;
  /** Product shown, when known. */
  productId?: string;
  /** Review the media belongs to, when opened from a review. */
  reviewId?: string;
  /** Position of the item in the list opened. */
  index: number;
  /** `image`, `video` or `model`. */
  type: 'image' | 'video' | 'model';
  /** URL of the item. */
  url: string;
}

/** Detail of `vt-review-submit`: the shop's endpoint accepted a review the shopper wrote. */
export interface ReviewSubmitDetail {
  productId?: string;
  /** Stars given, 1–5. */
  rating: number;
  /** Photos attached. */
  photos: number;
  /** The endpoint's review id, when its JSON answer has an `id`. */
  reviewId?: string;
}

/**
 * Detail of `vt-checkout-abandon`: a shopper who gave a contact and asked for a reminder left the
 * checkout before paying. It carries personal data for the merchant's reminder (email or phone):
 * the tracker never forwards this event.
 */
export interface CheckoutAbandonDetail {
  /** `en` or `zh-CN`: the language of the reminder. */
  locale: string;
  contact: { email?: string; phone?: string; remindMe: true };
  /** What was in the cart: enough for a return link that restores it. */
  cart: {
    currency: string;
    lines: { variantId: string; productId: string; quantity: number }[];
    codes: string[];
  };
  /** The checkout section the shopper was in: `contact`, `address`, `delivery`, `payment`, `review`. */
  step: string;
}

/** Detail of `vt-order-placed`: the merchant's endpoint confirmed an order. */
export interface OrderPlacedDetail {
  orderId: string;
  /** `paid`, or `pending` while a redirect payment method finishes. */
  status: 'paid' | 'pending';
  total: Money;
}

/** Which gallery item an event is about. */
export interface MediaRef {
  /** Tag of the element, e.g. `vt-gallery`. */
  tag: string;
  productId?: string;
  /** Position of the item in the gallery's media list. */
  index: number;
  type: 'image' | 'video' | 'model';
  url: string;
}

/** Detail of `vt-media-view`: an item was on screen (fired when it leaves, or when the page hides). */
export interface MediaViewDetail extends MediaRef {
  /** How long it was shown, in milliseconds. */
  ms: number;
}

/** Detail of `vt-media-zoom`: the shopper zoomed an image. */
export interface MediaZoomDetail extends MediaRef {
  /** Zoom factor after the change (1 = not zoomed). */
  scale: number;
  /** How: `hover`, `pinch`, `double-tap`, `wheel`, `keyboard`, `button` or `lightbox`. */
  method: string;
}

/** Detail of `vt-ar-launch`: the shopper opened a 3D model in augmented reality. */
export interface ArLaunchDetail extends MediaRef {
  /** `webxr`, `scene-viewer` or `quick-look`. */
  mode: string;
}

/** Every `vt-*` DOM event name mapped to its detail type. */
export interface VtEventMap {
  /** An element's input is unusable; it renders its error state and logs one console error. */
  'vt-error': VtErrorDetail;
  /** A GA4 e-commerce step happened (`detail.name` is the GA4 event name). */
  'vt-funnel': FunnelDetail;
  /** The cart changed (here or in another tab) or was loaded. */
  'vt-cart-change': CartChangeDetail;
  /** The shopper picked another variant. */
  'vt-variant-change': VariantChangeDetail;
  /** The shopper submitted a search. */
  'vt-search-submit': SearchSubmitDetail;
  /** The shopper changed the query, a filter, the sort or the page of a result list. */
  'vt-search-change': SearchChangeDetail;
  /** An element loaded its data and rendered for the first time. */
  'vt-ready': ReadyDetail;
  /** The shopper asked to start or join a group buy; the shop's backend takes it from here. */
  'vt-group-buy': GroupBuyDetail;
  /** A countdown's sale started or ended by the server clock. */
  'vt-sale-change': SaleChangeDetail;
  /** The shopper changed a filter or the sort of a review list. */
  'vt-review-filter': ReviewFilterDetail;
  /** The shopper voted a review helpful or not helpful. */
  'vt-review-helpful': ReviewHelpfulDetail;
  /** The shopper opened a photo or video in a lightbox. */
  'vt-media-open': MediaOpenDetail;
  /** The shop accepted a review the shopper wrote. */
  'vt-review-submit': ReviewSubmitDetail;
  /** A shopper who asked for a reminder left the checkout before paying (personal data inside). */
  'vt-checkout-abandon': CheckoutAbandonDetail;
  /** The merchant's endpoint confirmed an order. */
  'vt-order-placed': OrderPlacedDetail;
  /** A gallery item was on screen for `ms` milliseconds. */
  'vt-media-view': MediaViewDetail;
  /** The shopper zoomed a gallery image. */
  'vt-media-zoom': MediaZoomDetail;
  /** The shopper opened a 3D model in AR. */
  'vt-ar-launch': ArLaunchDetail;
  /** A gallery video started playing. */
  'vt-video-play': MediaRef;
  /** A gallery video played to its end. */
  'vt-video-complete': MediaRef;
}

/** One `vt-*` event name. */
export type VtEventName = keyof VtEventMap;

/**
 * Builds a `vt-*` event the one way Vitrine dispatches them: a `CustomEvent` that bubbles and is
 * composed (crosses shadow roots), so one listener on `document` hears every element.
 *
 * ```ts
 * this.dispatchEvent(vtEvent('vt-variant-change', { productId, variantId, options }));
 * ```
 */
export function vtEvent<K extends VtEventName>(type: K, detail: VtEventMap[K]): CustomEvent<VtEventMap[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

// Typed listeners everywhere: HTMLElementEventMap, DocumentEventMap and WindowEventMap all
// extend GlobalEventHandlersEventMap in lib.dom, so one augmentation types
// `el.addEventListener('vt-cart-change', (e) => e.detail.cart)` on elements, document and window.
declare global {
  interface GlobalEventHandlersEventMap {
    'vt-error': CustomEvent<VtErrorDetail>;
    'vt-funnel': CustomEvent<FunnelDetail>;
    'vt-cart-change': CustomEvent<CartChangeDetail>;
    'vt-variant-change': CustomEvent<VariantChangeDetail>;
    'vt-search-submit': CustomEvent<SearchSubmitDetail>;
    'vt-search-change': CustomEvent<SearchChangeDetail>;
    'vt-ready': CustomEvent<ReadyDetail>;
    'vt-group-buy': CustomEvent<GroupBuyDetail>;
    'vt-sale-change': CustomEvent<SaleChangeDetail>;
    'vt-review-filter': CustomEvent<ReviewFilterDetail>;
    'vt-review-helpful': CustomEvent<ReviewHelpfulDetail>;
    'vt-media-open': CustomEvent<MediaOpenDetail>;
    'vt-review-submit': CustomEvent<ReviewSubmitDetail>;
    'vt-checkout-abandon': CustomEvent<CheckoutAbandonDetail>;
    'vt-order-placed': CustomEvent<OrderPlacedDetail>;
    'vt-media-view': CustomEvent<MediaViewDetail>;
    'vt-media-zoom': CustomEvent<MediaZoomDetail>;
    'vt-ar-launch': CustomEvent<ArLaunchDetail>;
    'vt-video-play': CustomEvent<MediaRef>;
    'vt-video-complete': CustomEvent<MediaRef>;
  }
}
