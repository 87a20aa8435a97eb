// Compile-time checks, proven by `tsc -p tsconfig.json` (which covers packages/*/test). Nothing
// here runs; a line that stops compiling, or a `@ts-expect-error` that stops being needed, fails
// the typecheck.
import type { CartSnapshot, VtEventMap, VtEventName } from '../src/events.js';
import { VT_EVENTS, vtEvent } from '../src/events.js';
import type { FunnelDetail, FunnelEventName, FunnelParams } from '../src/ga4.js';
import type { WireDataMap, WireEvent, WireEventType } from '../src/wire.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** VT_EVENTS names exactly the events of VtEventMap. */
export const vtEventsAgree: Same<(typeof VT_EVENTS)[keyof typeof VT_EVENTS], VtEventName> = true;
/** FunnelParams has params for exactly the FUNNEL_EVENTS. */
export const funnelParamsAgree: Same<keyof FunnelParams, FunnelEventName> = true;
/** WireDataMap has data for exactly the WIRE_EVENT_TYPES. */
export const wireDataAgree: Same<keyof WireDataMap, WireEventType> = true;
/** The funnel wire event's data is the vt-funnel detail. */
export const funnelDataIsDetail: Same<Extract<WireEvent, { type: 'funnel' }>['data'], FunnelDetail> = true;

/** The GlobalEventHandlersEventMap augmentation types listeners on elements, document and window. */
export function listen(el: HTMLElement): void {
  el.addEventListener('vt-cart-change', (e) => {
    const snapshot: CartSnapshot = e.detail.cart;
    void snapshot;
    // @ts-expect-error the detail is typed, not any
    void e.detail.missing;
  });
  document.addEventListener('vt-funnel', (e) => {
    if (e.detail.name === 'purchase') {
      const orderId: string = e.detail.params.transaction_id;
      void orderId;
    }
  });
  window.addEventListener('vt-error', (e) => void e.detail.attribute.toUpperCase());
  el.addEventListener(VT_EVENTS.variantChange, (e) => void e.detail.options);
}

/** vtEvent ties the detail to the event name. */
export function dispatch(el: HTMLElement, cart: CartSnapshot): VtEventMap['vt-ready'] {
  el.dispatchEvent(vtEvent('vt-cart-change', { reason: 'sync', cart }));
  // @ts-expect-error 'merge' is not a CartChangeReason
  el.dispatchEvent(vtEvent('vt-cart-change', { reason: 'merge', cart }));
  // @ts-expect-error vt-ready's detail has no cart
  el.dispatchEvent(vtEvent('vt-ready', { cart }));
  // @ts-expect-error vt-tap is not a Vitrine event
  el.dispatchEvent(vtEvent('vt-tap', {}));
  // @ts-expect-error add_to_cart params need currency and value
  el.dispatchEvent(vtEvent('vt-funnel', { name: 'add_to_cart', params: { items: [] } }));
  return vtEvent('vt-ready', { tag: el.localName }).detail;
}
