import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { WIRE_SCHEMA, WIRE_SCHEMA_ID, type FunnelDetail, type WireEvent } from '@vitrine/schema';
import { createCartStore, type CartFunnelDetail } from '@vitrine/core';

// The cart store's funnel events, wrapped the way the tracker will wrap them, must be valid
// `vitrine.event/1` funnel events: the contract between core and the tracker.
const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@vitrine/schema/wire.schema.json'), 'utf8'),
) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addSchema(schema);
const validateEvent = ajv.getSchema(`${WIRE_SCHEMA_ID}#/$defs/event`)!;

function wrap(detail: FunnelDetail, seq: number): WireEvent {
  return {
    schema: WIRE_SCHEMA,
    id: `evt-${seq}-abcdef`,
    type: 'funnel',
    ts: Date.now(),
    sessionId: 'session-1234',
    visitorId: 'visitor-1234',
    seq,
    page: { url: 'https://shop.example/product/tee', path: '/product/tee' },
    data: detail,
  };
}

describe('core → tracker contract', () => {
  it('cart funnel events are valid vitrine.event/1 funnel events', async () => {
    const target = new EventTarget();
    const seen: CartFunnelDetail[] = [];
    target.addEventListener('vt-funnel', (e) => seen.push((e as CustomEvent<CartFunnelDetail>).detail));
    const store = createCartStore({ name: 'contract-test', storage: 'memory', target });
    await store.ready;
    await store.add({
      variantId: 'tee-navy-m',
      productId: 'tee',
      sku: 'VT-TEE-NM',
      title: 'Organic cotton tee',
      price: { amount: 1999, currency: 'USD' },
      options: { Colour: 'Navy', Size: 'M' },
      brand: 'Northwind',
      category: ['Apparel', 'T-shirts'],
      quantity: 2,
    });
    await store.setQuantity('tee-navy-m', 1);
    await store.clear();
    store.close();
    assert.deepEqual(
      seen.map((d) => d.name),
      ['add_to_cart', 'remove_from_cart', 'remove_from_cart'],
    );
    seen.forEach((detail, i) => {
      const ok = validateEvent(wrap(detail, i));
      assert.ok(ok, JSON.stringify(validateEvent.errors));
    });
    assert.equal(seen[0]!.params.value, 3998);
  });
});
