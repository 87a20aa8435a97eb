// Each destination's payload checked against the format its vendor documents: PostHog and
// Segment receive real HTTP requests on a local server, GA4 calls are read back from a dataLayer,
// and every payload is validated with the JSON Schemas in ./fixtures, written from the vendors'
// docs (URLs in each schema's description).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, type TestContext } from 'node:test';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { FUNNEL_EVENTS, type WireEvent } from '@vitrine/schema';
import { envelope, VALID_EVENTS } from '../../schema/test/fixtures/valid-events.js';
import { validateEvent } from '../../schema/test/helpers/wire-ajv.js';
import { customDestination } from '../src/destinations/custom.js';
import { ECOMMERCE_SPEC_EVENTS } from '../src/destinations/ecommerce-spec.js';
import { ga4Destination } from '../src/destinations/ga4.js';
import { minorDigits, toMajorUnits } from '../src/destinations/money.js';
import { posthogDestination } from '../src/destinations/posthog.js';
import { segmentDestination } from '../src/destinations/segment.js';
import type { Destination } from '../src/types.js';

// ---------------------------------------------------------------------------------------------
// Schemas

function schema(file: string): object {
  return JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as object;
}

// Strict, except that `required` may name properties typed elsewhere (in if/then and anyOf branches).
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addSchema(schema('ecommerce-spec.schema.json'));
const validatePosthog = ajv.compile(schema('posthog-batch.schema.json'));
const validateSegment = ajv.compile(schema('segment-batch.schema.json'));
const validateGa4 = ajv.compile(schema('ga4-event.schema.json'));

function assertValid(validate: ValidateFunction, data: unknown, what: string): void {
  const ok = validate(data);
  assert.ok(
    ok,
    `${what} does not match the documented shape:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Fixtures: every valid wire event of @vitrine/schema, plus the cases the issue names.

const UUID = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const FIXTURES: WireEvent[] = VALID_EVENTS.map((f) => f.event);

function funnel(seq: number, data: Extract<WireEvent, { type: 'funnel' }>['data'], id?: string): WireEvent {
  return { ...envelope(seq), ...(id ? { id } : {}), type: 'funnel', data };
}

const addToCartUsd = funnel(
  100,
  {
    name: 'add_to_cart',
    params: {
      currency: 'USD',
      value: 1999,
      items: [{ item_id: 'p0002', item_name: 'Mug', price: 1999, quantity: 1 }],
    },
  },
  UUID,
);
const addToCartJpy = funnel(101, {
  name: 'add_to_cart',
  params: {
    currency: 'JPY',
    value: 1999,
    items: [{ item_id: 'p0003', item_name: 'Tenugui', price: 1999, quantity: 1 }],
  },
});
const purchaseKwd = funnel(102, {
  name: 'purchase',
  params: {
    currency: 'KWD',
    value: 12345,
    transaction_id: 'ORD-KW-1',
    items: [{ item_id: 'p0004', item_name: 'Dallah', price: 12345, quantity: 1 }],
  },
});
const twoItemsAdded = funnel(
  103,
  {
    name: 'add_to_cart',
    params: {
      currency: 'USD',
      value: 6998,
      items: [
        { item_id: 'p0001', item_name: 'Linen shirt', price: 4999, quantity: 1 },
        { item_id: 'p0002', item_name: 'Mug', price: 1999, quantity: 1 },
      ],
    },
  },
  UUID.replace('b3f1', 'c4a2'),
);
const pageLeave: WireEvent = { ...envelope(104), type: 'custom', data: { name: 'page_leave' } };
const EXTRA = [addToCartUsd, addToCartJpy, purchaseKwd, twoItemsAdded, pageLeave];

const byName = (name: string): WireEvent => {
  const found = VALID_EVENTS.find((f) => f.name === name);
  assert.ok(found, name);
  return found.event;
};
const purchaseUsd = byName('funnel purchase with tax and shipping');
const pageview = byName('pageview with every optional envelope field');

// ---------------------------------------------------------------------------------------------
// A local HTTP server recording what arrives.

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Backend {
  url: string;
  received: Received[];
  status: number;
  close(): Promise<void>;
}

async function backend(): Promise<Backend> {
  const state: Backend = {
    url: '',
    received: [],
    status: 200,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      state.received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(state.status, { 'content-type': 'application/json' });
      res.end('{"status":"Ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** Replaces fetch for one test; records each call's URL and init. */
function stubFetch(t: TestContext, status = 200): { url: string; init: RequestInit }[] {
  const calls: { url: string; init: RequestInit }[] = [];
  t.mock.method(globalThis, 'fetch', async (url: string | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response('{}', { status });
  });
  return calls;
}

// Loose views of the JSON bodies, for assertions after the schema check.
type Json = Record<string, unknown>;
interface PhEvent {
  event: string;
  properties: Json;
  timestamp: string;
  uuid?: string;
}
interface SegMessage {
  type: string;
  event?: string;
  properties: Json;
  anonymousId: string;
  messageId: string;
  timestamp: string;
  context: { page: Json };
}

const products = (props: Json): Json[] => props.products as Json[];

/** The gtag calls pushed to `dataLayer`, each checked to be an `arguments` object. */
function calls(dataLayer: unknown[]): unknown[][] {
  return dataLayer.map((entry) => {
    // gtag.js runs only what its snippet pushes: `arguments`, not an array.
    assert.equal(Object.prototype.toString.call(entry), '[object Arguments]');
    return Array.from(entry as ArrayLike<unknown>);
  });
}

// ---------------------------------------------------------------------------------------------

describe('money: minor units to the decimals the vendors expect', () => {
  it('takes each currency’s digits from Intl (USD 2, JPY 0, KWD 3)', () => {
    assert.equal(minorDigits('USD'), 2);
    assert.equal(minorDigits('JPY'), 0);
    assert.equal(minorDigits('KWD'), 3);
    assert.equal(minorDigits('CNY'), 2);
  });

  it('converts exactly, with no binary-float tails', () => {
    assert.equal(toMajorUnits(1999, 'USD'), 19.99);
    assert.equal(toMajorUnits(1999, 'JPY'), 1999);
    assert.equal(toMajorUnits(1999, 'KWD'), 1.999);
    assert.equal(toMajorUnits(10, 'USD'), 0.1);
    assert.equal(toMajorUnits(129900, 'CNY'), 1299);
  });

  it('uses fixtures the wire schema itself accepts', () => {
    for (const event of EXTRA)
      assert.ok(validateEvent(event), `${event.type} ${event.id} is not a valid wire event`);
  });
});

describe('the documented shapes reject what the vendors reject', () => {
  const rejects = (validate: ValidateFunction, data: unknown, what: string) =>
    assert.equal(validate(data), false, `${what} should not match`);
  const phEvent = (event: string, properties: Json) => ({
    api_key: 'k',
    batch: [
      {
        event,
        properties: { distinct_id: 'v1', $current_url: 'https://a.example/', $pathname: '/', ...properties },
      },
    ],
  });
  const segTrack = (event: string, properties: Json, extra: Json = {}) => ({
    batch: [
      {
        type: 'track',
        event,
        properties,
        anonymousId: 'v1',
        messageId: 'm1',
        timestamp: '2026-01-01T00:00:00.000Z',
        ...extra,
      },
    ],
  });
  const order = {
    order_id: 'o1',
    total: 1,
    revenue: 1,
    currency: 'USD',
    products: [{ product_id: 'p', name: 'n' }],
  };

  it('PostHog: api_key, distinct_id, UUIDs, flag exposures, e-commerce types', () => {
    assertValid(validatePosthog, phEvent('$pageview', {}), 'a minimal $pageview');
    rejects(validatePosthog, { batch: phEvent('x', {}).batch }, 'a batch without api_key');
    rejects(
      validatePosthog,
      { api_key: 'k', batch: [{ event: 'x', properties: {} }] },
      'an event without distinct_id',
    );
    rejects(
      validatePosthog,
      { ...phEvent('x', {}), batch: [{ ...phEvent('x', {}).batch[0], uuid: '01JDQ8ZK6V' }] },
      'a non-UUID uuid',
    );
    rejects(
      validatePosthog,
      phEvent('$feature_flag_called', { $feature_flag: 'exp' }),
      'an exposure without a variant',
    );
    rejects(
      validatePosthog,
      phEvent('$exception', { $exception_list: [] }),
      'an exception without exceptions',
    );
    rejects(
      validatePosthog,
      phEvent('Product Added', { product_id: 'p', name: 'n', price: '19.99', currency: 'USD' }),
      'a price as text',
    );
    rejects(
      validatePosthog,
      phEvent('Order Completed', { ...order, products: [{ item_id: 'p', item_name: 'n' }] }),
      'GA4 item names in products',
    );
  });

  it('Segment: identity, event names, page calls, orders, experiments', () => {
    assertValid(validateSegment, segTrack('Order Completed', order), 'a minimal Order Completed');
    rejects(
      validateSegment,
      segTrack('x', {}, { anonymousId: undefined }),
      'a call without anonymousId or userId',
    );
    rejects(
      validateSegment,
      { batch: [{ ...segTrack('x', {}).batch[0], event: undefined }] },
      'a track call without event',
    );
    rejects(validateSegment, segTrack('x', {}, { type: 'pageview' }), 'an unknown call type');
    rejects(
      validateSegment,
      segTrack('Order Completed', { ...order, order_id: undefined }),
      'an order without order_id',
    );
    rejects(validateSegment, segTrack('Order Completed', { ...order, total: '1.00' }), 'a total as text');
    rejects(
      validateSegment,
      segTrack('Experiment Viewed', { experiment_id: 'e' }),
      'an experiment without variation',
    );
    rejects(validateSegment, segTrack('x', {}, { timestamp: 1764300000000 }), 'an epoch timestamp');
  });

  it('GA4: names, required params, item fields, currency beside value', () => {
    const item = { item_id: 'p', item_name: 'n', price: 19.99, quantity: 1 };
    assertValid(
      validateGa4,
      ['event', 'add_to_cart', { currency: 'USD', value: 19.99, items: [item] }],
      'add_to_cart',
    );
    rejects(validateGa4, ['event', 'add-to-cart', {}], 'a name with a hyphen');
    rejects(validateGa4, ['event', `e${'x'.repeat(40)}`, {}], 'a name over 40 characters');
    rejects(validateGa4, ['event', 'google_thing', {}], 'a reserved prefix');
    rejects(
      validateGa4,
      ['event', 'add_to_cart', { currency: 'USD', value: 19.99 }],
      'add_to_cart without items',
    );
    rejects(
      validateGa4,
      ['event', 'purchase', { currency: 'USD', value: 1, items: [item] }],
      'purchase without transaction_id',
    );
    rejects(validateGa4, ['event', 'view_item', { value: 19.99, items: [item] }], 'value without currency');
    rejects(
      validateGa4,
      ['event', 'view_item', { currency: 'USD', value: 1, items: [{ ...item, sku: 's' }] }],
      'an unknown item field',
    );
    rejects(
      validateGa4,
      ['event', 'view_item', { currency: 'USD', value: 1, items: [{ price: 1 }] }],
      'an item without id or name',
    );
    rejects(
      validateGa4,
      ['event', 'x', Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`p${i}`, i]))],
      '26 params',
    );
    rejects(validateGa4, ['config', 'G-XXXX', {}], 'a config command');
  });
});

describe('PostHog destination (POST /batch/)', () => {
  let server: Backend;
  before(async () => {
    server = await backend();
  });
  after(() => server.close());

  async function sendAll(events: WireEvent[]): Promise<{ ok: boolean; body: Json; batch: PhEvent[] }> {
    server.received.length = 0;
    const ok = await posthogDestination({ apiKey: 'phc_test', host: `${server.url}/` }).send(events, {
      final: false,
    });
    assert.equal(server.received.length, 1);
    const [request] = server.received;
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/batch/');
    assert.equal(request.headers['content-type'], 'application/json');
    const body = JSON.parse(request.body) as Json;
    return { ok, body, batch: body.batch as PhEvent[] };
  }

  it('sends every wire event type as a batch PostHog documents', async () => {
    const { ok, body, batch } = await sendAll([...FIXTURES, ...EXTRA]);
    assert.equal(ok, true);
    assertValid(validatePosthog, body, 'PostHog batch');
    assert.equal(body.api_key, 'phc_test');
    // One PostHog event per wire event, except the replay chunk (not sent) and the two-item
    // add_to_cart (one `Product Added` per product).
    assert.equal(batch.length, FIXTURES.length + EXTRA.length - 1 + 1);
    for (const e of batch) {
      assert.match(e.properties.distinct_id as string, /^v_/);
      assert.equal(e.properties.$session_id, 's_7f3a9c2e');
    }
  });

  it('uses PostHog’s own events for page views, leaves, vitals, exposures and errors', async () => {
    const { batch } = await sendAll([pageview, pageLeave, ...FIXTURES.filter((e) => e.type !== 'pageview')]);
    const named = (name: string) => batch.filter((e) => e.event === name);

    const [view] = named('$pageview');
    assert.ok(view);
    assert.equal(view.properties.$current_url, 'https://shop.example/zh-CN/search?q=%E8%A1%AC%E8%A1%AB');
    assert.equal(view.properties.$pathname, '/zh-CN/search');
    assert.equal(view.properties.$referrer, 'https://www.google.com/');
    assert.equal(view.properties.$referring_domain, 'www.google.com');
    assert.equal(view.properties.title, '搜索 · Vitrine');
    assert.equal(view.properties.$device_type, 'Mobile');
    assert.equal(view.properties['$feature/pdp-gallery-layout'], 'b');
    assert.equal(view.timestamp, new Date(pageview.ts).toISOString());
    assert.equal(named('$pageleave').length, 1);

    const lcp = named('$web_vitals').find((e) => '$web_vitals_LCP_value' in e.properties);
    assert.equal(lcp?.properties.$web_vitals_LCP_value, 1834.5);
    assert.equal((lcp?.properties.$web_vitals_LCP_event as Json).rating, 'good');

    const [exposure] = named('$feature_flag_called');
    assert.equal(exposure?.properties.$feature_flag, 'pdp-gallery-layout');
    assert.equal(exposure?.properties.$feature_flag_response, 'b');

    const [error] = named('$exception');
    assert.deepEqual(error?.properties.$exception_list, [
      {
        type: 'VtError',
        value: 'attribute "amount" is invalid',
        mechanism: { handled: true, synthetic: false },
      },
    ]);

    const [click] = named('vitrine_click');
    assert.equal(click?.properties.element_key, 'vt-gallery[product=p0001]>thumb[2]');
    assert.equal(named('size_guide_open')[0]?.properties.step, 2);
  });

  it('sends funnel events with PostHog’s e-commerce spec names, money in major units', async () => {
    const { batch } = await sendAll([addToCartUsd, addToCartJpy, purchaseUsd, purchaseKwd]);
    const [usd, jpy, order, kwd] = batch;
    assert.equal(usd?.event, 'Product Added');
    assert.equal(usd?.properties.price, 19.99);
    assert.equal(usd?.properties.value, 19.99);
    assert.equal(usd?.properties.currency, 'USD');
    assert.equal(jpy?.properties.price, 1999);
    assert.equal(order?.event, 'Order Completed');
    assert.equal(order?.properties.order_id, 'ORD-2026-000123');
    assert.equal(order?.properties.total, 103.16);
    assert.equal(kwd?.properties.total, 12.345);
  });

  it('passes the event id as `uuid` only when it is a UUID, stable across resends', async () => {
    const first = await sendAll([addToCartUsd, addToCartJpy, twoItemsAdded]);
    const [usd, jpy, shirt, mug] = first.batch;
    assert.equal(usd?.uuid, UUID);
    assert.equal(jpy?.uuid, undefined, 'a ULID-like id is not sent: PostHog rejects non-UUIDs');
    assert.equal(shirt?.uuid, twoItemsAdded.id);
    assert.match(mug?.uuid ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(mug?.uuid, shirt?.uuid);
    const again = await sendAll([twoItemsAdded]);
    assert.deepEqual(
      again.batch.map((e) => e.uuid),
      [shirt?.uuid, mug?.uuid],
    );
  });

  it('is acknowledged on 2xx only', async () => {
    server.status = 503;
    try {
      const ok = await posthogDestination({ apiKey: 'phc_test', host: server.url }).send([pageview], {
        final: false,
      });
      assert.equal(ok, false);
    } finally {
      server.status = 200;
    }
  });

  it('sends to the US cloud by default, with keepalive at page hide (then unconfirmed)', async (t) => {
    const calls = stubFetch(t);
    const destination = posthogDestination({ apiKey: 'phc_test' });
    assert.equal(destination.name, 'posthog');
    assert.equal(await destination.send([pageview], { final: true }), false);
    assert.equal(calls[0]?.url, 'https://us.i.posthog.com/batch/');
    assert.equal(calls[0]?.init.keepalive, true);
    assert.ok(String(calls[0]?.init.body).length <= 64 * 1024);
  });

  it('sends nothing for a batch of replay chunks only, and acknowledges it', async (t) => {
    const calls = stubFetch(t);
    const replay = byName('replay');
    assert.equal(await posthogDestination({ apiKey: 'k' }).send([replay], { final: false }), true);
    assert.equal(calls.length, 0);
  });
});

describe('Segment destination (POST /v1/batch)', () => {
  let server: Backend;
  before(async () => {
    server = await backend();
  });
  after(() => server.close());

  async function sendAll(events: WireEvent[]): Promise<{ ok: boolean; messages: SegMessage[] }> {
    server.received.length = 0;
    const ok = await segmentDestination({ writeKey: 'wk_test', host: server.url }).send(events, {
      final: false,
    });
    const messages: SegMessage[] = [];
    for (const request of server.received) {
      assert.equal(request.method, 'POST');
      assert.equal(request.path, '/v1/batch');
      assert.equal(request.headers['content-type'], 'application/json');
      // HTTP Basic with the write key as user name and an empty password.
      assert.equal(request.headers.authorization, `Basic ${Buffer.from('wk_test:').toString('base64')}`);
      assert.ok(Buffer.byteLength(request.body) <= 500 * 1000, 'Segment accepts 500 KB per batch');
      const body = JSON.parse(request.body) as Json;
      assertValid(validateSegment, body, 'Segment batch');
      for (const message of body.batch as SegMessage[]) {
        assert.ok(Buffer.byteLength(JSON.stringify(message)) <= 32 * 1000, 'Segment accepts 32 KB per call');
        messages.push(message);
      }
    }
    return { ok, messages };
  }

  it('sends every wire event type as a batch Segment documents', async () => {
    const { ok, messages } = await sendAll([...FIXTURES, ...EXTRA]);
    assert.equal(ok, true);
    assert.equal(server.received.length, 1);
    // Heatmap data (clicks, scroll, moves, visibility) and replay are not sent.
    const skipped = FIXTURES.filter((e) =>
      ['click', 'scroll', 'move', 'visibility', 'replay'].includes(e.type),
    );
    assert.equal(skipped.length, 6);
    assert.equal(messages.length, FIXTURES.length - skipped.length + EXTRA.length + 1);
    const ids = messages.map((m) => m.messageId);
    assert.equal(new Set(ids).size, ids.length, 'messageIds are unique');
  });

  it('maps every GA4 funnel event to its E-commerce Spec v2 name', async () => {
    const { messages } = await sendAll(FIXTURES.filter((e) => e.type === 'funnel'));
    // Each funnel fixture has at most one item, so one Segment event per GA4 event.
    const expected = FIXTURES.flatMap((e) =>
      e.type === 'funnel' ? [ECOMMERCE_SPEC_EVENTS[e.data.name]] : [],
    );
    assert.deepEqual(
      messages.map((m) => m.event),
      expected,
    );
    assert.deepEqual(ECOMMERCE_SPEC_EVENTS, {
      view_item_list: 'Product List Viewed',
      select_item: 'Product Clicked',
      view_item: 'Product Viewed',
      add_to_cart: 'Product Added',
      remove_from_cart: 'Product Removed',
      view_cart: 'Cart Viewed',
      begin_checkout: 'Checkout Started',
      add_shipping_info: 'Checkout Step Completed',
      add_payment_info: 'Payment Info Entered',
      purchase: 'Order Completed',
      view_promotion: 'Promotion Viewed',
      select_promotion: 'Promotion Clicked',
      search: 'Products Searched',
    });
    assert.deepEqual(Object.keys(ECOMMERCE_SPEC_EVENTS).sort(), [...FUNNEL_EVENTS].sort());
  });

  it('converts money: add_to_cart of 1999 USD is 19.99, of 1999 JPY is 1999', async () => {
    const { messages } = await sendAll([addToCartUsd, addToCartJpy]);
    const [usd, jpy] = messages;
    assert.equal(usd?.event, 'Product Added');
    assert.deepEqual(usd?.properties, {
      currency: 'USD',
      value: 19.99,
      product_id: 'p0002',
      name: 'Mug',
      price: 19.99,
      quantity: 1,
    });
    assert.equal(jpy?.properties.price, 1999);
    assert.equal(jpy?.properties.currency, 'JPY');
  });

  it('sends purchase as Order Completed with order_id, total, revenue and products', async () => {
    const { messages } = await sendAll([purchaseUsd]);
    const [order] = messages;
    assert.equal(order?.event, 'Order Completed');
    const props = order?.properties ?? {};
    assert.equal(props.order_id, 'ORD-2026-000123');
    // GA4 value 89.97 excludes tax 7.20 and shipping 5.99; the spec's total includes them.
    assert.equal(props.revenue, 89.97);
    assert.equal(props.subtotal, 89.97);
    assert.equal(props.total, 103.16);
    assert.equal(props.tax, 7.2);
    assert.equal(props.shipping, 5.99);
    assert.equal(props.coupon, 'SAVE10');
    assert.equal(props.currency, 'USD');
    assert.deepEqual(products(props), [
      { product_id: 'p0001-red-m', name: 'Linen shirt', price: 49.99, quantity: 1 },
      { product_id: 'p0002', name: '马克杯', brand: 'Vitrine', price: 19.99, quantity: 2 },
    ]);
  });

  it('sends page views as page calls, with the envelope as Segment’s common fields', async () => {
    const { messages } = await sendAll([pageview]);
    const [page] = messages;
    const expectedPage = {
      url: 'https://shop.example/zh-CN/search?q=%E8%A1%AC%E8%A1%AB',
      path: '/zh-CN/search',
      search: '?q=%E8%A1%AC%E8%A1%AB',
      title: '搜索 · Vitrine',
      referrer: 'https://www.google.com/',
    };
    assert.equal(page?.type, 'page');
    assert.deepEqual(page?.properties, expectedPage);
    assert.deepEqual(page?.context.page, expectedPage);
    assert.equal(page?.messageId, pageview.id, 'Segment dedups resends by messageId');
    assert.equal(page?.anonymousId, pageview.visitorId);
    assert.equal(page?.timestamp, new Date(pageview.ts).toISOString());
  });

  it('sends exposures as Experiment Viewed', async () => {
    const { messages } = await sendAll([byName('exposure')]);
    assert.equal(messages[0]?.event, 'Experiment Viewed');
    assert.deepEqual(messages[0]?.properties, { experiment_id: 'pdp-gallery-layout', variation_id: 'b' });
  });

  it('acknowledges a batch with nothing for Segment without a request', async () => {
    const heatmap = FIXTURES.filter((e) =>
      ['click', 'scroll', 'move', 'visibility', 'replay'].includes(e.type),
    );
    const { ok } = await sendAll(heatmap);
    assert.equal(ok, true);
    assert.equal(server.received.length, 0);
  });

  it('is not acknowledged when Segment answers 400', async () => {
    server.status = 400;
    try {
      const { ok } = await sendAll([pageview]);
      assert.equal(ok, false);
    } finally {
      server.status = 200;
    }
  });

  it('splits at 500 KB and drops a message over 32 KB with a warning', async (t) => {
    const warn = t.mock.method(console, 'warn', () => {});
    const list = (seq: number, nameLength: number, count: number): WireEvent =>
      funnel(seq, {
        name: 'view_item_list',
        params: {
          items: Array.from({ length: count }, (_, i) => ({
            item_id: `p${i}`,
            item_name: `${'x'.repeat(nameLength)}${i}`,
          })),
        },
      });
    const big = Array.from({ length: 40 }, (_, i) => list(200 + i, 100, 150)); // ~20 KB each
    const huge = list(300, 300, 200); // ~70 KB
    const { ok, messages } = await sendAll([...big, huge]);
    assert.equal(ok, true);
    assert.ok(server.received.length >= 2, `${server.received.length} requests`);
    assert.equal(messages.length, 40);
    assert.equal(warn.mock.callCount(), 1);
  });

  it('sends at page hide with keepalive, unconfirmed', async (t) => {
    const calls = stubFetch(t);
    const destination = segmentDestination({ writeKey: 'wk' });
    assert.equal(destination.name, 'segment');
    assert.equal(await destination.send([pageview, purchaseUsd], { final: true }), false);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.url, 'https://api.segment.io/v1/batch');
    assert.equal(calls[0]?.init.keepalive, true);
  });
});

describe('GA4 destination (gtag / dataLayer)', () => {
  async function sendAll(events: WireEvent[], pageViews?: boolean) {
    const dataLayer: unknown[] = [];
    const ok = await ga4Destination({ dataLayer, pageViews }).send(events, { final: false });
    const pushed = calls(dataLayer);
    for (const call of pushed) assertValid(validateGa4, call, `gtag(${JSON.stringify(call).slice(0, 80)}…)`);
    return { ok, pushed };
  }

  it('pushes documented gtag event calls and is always acknowledged', async () => {
    const { ok, pushed } = await sendAll([...FIXTURES, ...EXTRA]);
    assert.equal(ok, true);
    const sent = FIXTURES.filter((e) => ['funnel', 'exposure', 'custom', 'vital', 'error'].includes(e.type));
    assert.equal(pushed.length, sent.length + EXTRA.length);
    assert.deepEqual(
      pushed.slice(0, sent.length).map((c) => c[1]),
      sent.map((e) =>
        e.type === 'funnel'
          ? e.data.name
          : e.type === 'exposure'
            ? 'experience_impression'
            : e.type === 'custom'
              ? e.data.name
              : e.type === 'vital'
                ? e.data.name
                : 'exception',
      ),
    );
  });

  it('converts money: add_to_cart of 1999 USD is 19.99, of 1999 JPY is 1999', async () => {
    const { pushed } = await sendAll([addToCartUsd, addToCartJpy, purchaseUsd, purchaseKwd]);
    assert.deepEqual(pushed[0], [
      'event',
      'add_to_cart',
      {
        currency: 'USD',
        value: 19.99,
        items: [{ item_id: 'p0002', item_name: 'Mug', price: 19.99, quantity: 1 }],
      },
    ]);
    assert.deepEqual(pushed[1]?.[2], {
      currency: 'JPY',
      value: 1999,
      items: [{ item_id: 'p0003', item_name: 'Tenugui', price: 1999, quantity: 1 }],
    });
    const purchase = pushed[2]?.[2] as Json;
    assert.equal(purchase.value, 89.97);
    assert.equal(purchase.tax, 7.2);
    assert.equal(purchase.shipping, 5.99);
    assert.equal(purchase.transaction_id, 'ORD-2026-000123');
    assert.equal((pushed[3]?.[2] as Json).value, 12.345);
  });

  it('keeps item discounts and custom params, converting only money', async () => {
    const { pushed } = await sendAll([
      byName('funnel begin_checkout with coupon and item discount'),
      byName('funnel add_to_cart with GA4 custom params'),
    ]);
    const checkout = pushed[0]?.[2] as Json;
    assert.deepEqual((checkout.items as Json[])[0], {
      item_id: 'p0001-red-m',
      item_name: 'Linen shirt',
      price: 49.99,
      quantity: 1,
      discount: 5,
      coupon: 'SHIRT5',
    });
    const custom = pushed[1]?.[2] as Json;
    assert.equal(custom.gift_wrap, 'yes');
    assert.equal(custom.bundleSize, 2);
  });

  it('sends exposures as experience_impression and custom events by their name', async () => {
    const { pushed } = await sendAll([byName('exposure'), byName('custom')]);
    assert.deepEqual(pushed[0], [
      'event',
      'experience_impression',
      { exp_variant_string: 'VT-pdp-gallery-layout-b' },
    ]);
    assert.deepEqual(pushed[1], [
      'event',
      'size_guide_open',
      { product: 'p0001', step: 2, from_pdp: 'true' },
    ]);
  });

  it('sends page_view only when asked (the Google tag already sends page views)', async () => {
    assert.equal((await sendAll([pageview])).pushed.length, 0);
    const { pushed } = await sendAll([pageview], true);
    assert.deepEqual(pushed, [
      [
        'event',
        'page_view',
        {
          page_location: 'https://shop.example/zh-CN/search?q=%E8%A1%AC%E8%A1%AB',
          page_referrer: 'https://www.google.com/',
          page_title: '搜索 · Vitrine',
        },
      ],
    ]);
  });

  it('calls a given gtag, else window.gtag, else pushes to window.dataLayer', async () => {
    const given: unknown[][] = [];
    await ga4Destination({ gtag: (...args) => given.push(args) }).send([addToCartUsd], { final: true });
    assert.equal(given[0]?.[1], 'add_to_cart');

    const page = globalThis as { dataLayer?: unknown[]; gtag?: unknown };
    try {
      delete page.dataLayer;
      const destination = ga4Destination();
      assert.equal(destination.name, 'ga4');
      assert.equal(await destination.send([addToCartUsd], { final: false }), true);
      assert.equal(calls(page.dataLayer ?? [])[0]?.[1], 'add_to_cart');

      const viaWindow: unknown[][] = [];
      page.gtag = (...args: unknown[]) => viaWindow.push(args);
      await ga4Destination().send([addToCartJpy], { final: false });
      assert.equal(viaWindow[0]?.[1], 'add_to_cart');
    } finally {
      delete page.dataLayer;
      delete page.gtag;
    }
  });
});

describe('custom destination', () => {
  it('hands over the wire events unchanged; void or true acknowledges, false does not', async () => {
    const seen: WireEvent[][] = [];
    const keep = customDestination('warehouse', (events) => void seen.push(events));
    assert.equal(keep.name, 'warehouse');
    assert.equal(await keep.send(FIXTURES, { final: false }), true);
    assert.equal(seen[0], FIXTURES);
    assert.equal(await customDestination('x', () => false).send(FIXTURES, { final: false }), false);
    assert.equal(await customDestination('x', async () => true).send(FIXTURES, { final: false }), true);
    await assert.rejects(
      customDestination('x', () => {
        throw new Error('down');
      }).send(FIXTURES, { final: false }),
    );
  });
});

describe('several destinations at once', () => {
  it('sends the same batch to each in its own format, acknowledged independently', async () => {
    const posthog = await backend();
    const segment = await backend();
    segment.status = 500;
    try {
      const dataLayer: unknown[] = [];
      const own: WireEvent[][] = [];
      const destinations: Destination[] = [
        posthogDestination({ apiKey: 'phc', host: posthog.url }),
        ga4Destination({ dataLayer }),
        segmentDestination({ writeKey: 'wk', host: segment.url }),
        customDestination('own', (events) => void own.push(events)),
      ];
      const batch = [pageview, addToCartUsd, purchaseUsd];
      const acks = await Promise.all(destinations.map((d) => d.send(batch, { final: false })));
      assert.deepEqual(acks, [true, true, false, true]);
      assert.deepEqual(
        destinations.map((d) => d.name),
        ['posthog', 'ga4', 'segment', 'own'],
      );
      const ph = JSON.parse(posthog.received[0]?.body ?? '{}') as { batch: PhEvent[] };
      assert.deepEqual(
        ph.batch.map((e) => e.event),
        ['$pageview', 'Product Added', 'Order Completed'],
      );
      assert.deepEqual(
        calls(dataLayer).map((c) => c[1]),
        ['add_to_cart', 'purchase'],
      );
      const seg = JSON.parse(segment.received[0]?.body ?? '{}') as { batch: SegMessage[] };
      assert.deepEqual(
        seg.batch.map((m) => m.event ?? m.type),
        ['page', 'Product Added', 'Order Completed'],
      );
      assert.equal(own[0], batch);
    } finally {
      await posthog.close();
      await segment.close();
    }
  });
});
