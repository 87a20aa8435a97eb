export {
  CART_CHANGE_EVENT,
  CART_CHANGE_REASONS,
  CART_FUNNEL_EVENTS,
  FUNNEL_EVENT,
  type CartChangeDetail,
  type CartChangeReason,
  type CartFunnelDetail,
  type CartFunnelEventName,
  type CartFunnelParams,
  type CartLineSnapshot,
  type CartSnapshot,
  type FunnelItem,
} from './cart-events.js';
export { MAX_QUANTITY, type CartLineInput } from './cart-line.js';
export {
  CART_STORAGE_KINDS,
  createCartStore,
  type CartListener,
  type CartStorageKind,
  type CartStore,
  type CartStoreOptions,
  type CartSyncMessage,
} from './cart-store.js';
export { getCartStore } from './get-cart-store.js';
export { CATEGORY_KEYS, toFunnelItem } from './cart-funnel.js';
