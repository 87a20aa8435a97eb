import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VT_EVENTS, vtEvent, type CartSnapshot, type VtEventMap } from '../src/events.js';

const cart: CartSnapshot = {
  currency: 'USD',
  lines: [
    {
      variantId: 'p0001-red-m',
      productId: 'p0001',
      quantity: 2,
      title: 'Linen shirt',
      price: { amount: 4999, currency: 'USD' },
      options: { Color: 'Red', Size: 'M' },
      category: ['Apparel', 'Shirts'],
    },
  ],
  itemCount: 2,
  subtotal: { amount: 9998, currency: 'USD' },
  codes: ['SAVE10'],
  updatedAt: 1_764_300_000_000,
};

test('vtEvent builds a bubbling, composed CustomEvent carrying the detail', () => {
  const detail: VtEventMap['vt-cart-change'] = { reason: 'add', cart };
  const event = vtEvent('vt-cart-change', detail);
  assert.ok(event instanceof CustomEvent);
  assert.equal(event.type, 'vt-cart-change');
  assert.equal(event.bubbles, true);
  assert.equal(event.composed, true);
  assert.equal(event.cancelable, false);
  assert.equal(event.detail, detail);
});

test('a listener receives the detail unchanged', () => {
  const target = new EventTarget();
  const seen: unknown[] = [];
  target.addEventListener(VT_EVENTS.funnel, (e) => seen.push((e as CustomEvent).detail));
  const detail: VtEventMap['vt-funnel'] = { name: 'search', params: { search_term: '衬衫' } };
  target.dispatchEvent(vtEvent('vt-funnel', detail));
  assert.deepEqual(seen, [detail]);
});

test('every event name is vt- prefixed kebab-case and unique', () => {
  const names = Object.values(VT_EVENTS);
  for (const name of names) assert.match(name, /^vt-[a-z]+(-[a-z]+)*$/);
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual(Object.keys(VT_EVENTS).sort(), [
    'arLaunch',
    'cartChange',
    'checkoutAbandon',
    'error',
    'funnel',
    'groupBuy',
    'mediaOpen',
    'mediaView',
    'mediaZoom',
    'orderPlaced',
    'ready',
    'reviewFilter',
    'reviewHelpful',
    'reviewSubmit',
    'saleChange',
    'searchChange',
    'searchSubmit',
    'variantChange',
    'videoComplete',
    'videoPlay',
  ]);
});
