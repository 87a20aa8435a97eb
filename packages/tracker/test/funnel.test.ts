import { expect } from '@esm-bundle/chai';
import { captureConsole, fixture } from '@vitrine/testing';
import {
  VT_EVENTS,
  WIRE_SCHEMA,
  vtEvent,
  type FunnelDetail,
  type VtEventMap,
  type VtEventName,
  type WireDataMap,
  type WireEvent,
  type WireEventType,
} from '@vitrine/schema';
import { isPrivate } from '../src/privacy.js';
import { funnel, trackCustom } from '../src/sources/funnel.js';
import type { ResolvedOptions, SourceContext } from '../src/types.js';

const OPTIONS: ResolvedOptions = {
  consent: 'granted',
  respectGpc: true,
  sampleSessions: 1,
  sampleReplay: 0,
  moves: false,
  vitals: false,
  debug: false,
  idleMs: 1_800_000,
  flushMs: 5000,
  maxEvents: 5000,
  maxAgeMs: 604_800_000,
  dbName: 'unused',
};

type Recorded = { [T in WireEventType]: { type: T; data: WireDataMap[T] } }[WireEventType];
const stops: (() => void)[] = [];

function recorder() {
  const events: Recorded[] = [];
  const context: SourceContext = {
    emit: (type, data) => void events.push({ type, data } as Recorded),
    options: OPTIONS,
    isPrivate,
  };
  return { events, context };
}

function start() {
  const { events, context } = recorder();
  const stop = funnel(context);
  stops.push(stop);
  return { events, stop };
}

/** A stand-in component: dispatches from inside its open shadow root, as Vitrine elements do. */
class TestEmitter extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<button part="go">Go</button>`;
  }
  fire<K extends VtEventName>(type: K, detail: VtEventMap[K]): void {
    this.shadowRoot!.querySelector('button')!.dispatchEvent(vtEvent(type, detail));
  }
}
if (!customElements.get('vt-test-emitter')) customElements.define('vt-test-emitter', TestEmitter);
const emitter = () => fixture<TestEmitter>(`<vt-test-emitter></vt-test-emitter>`);

/** Posts `events` in envelopes to the test collector, which checks them against wire.schema.json. */
async function expectValid(events: readonly Recorded[]): Promise<void> {
  expect(events.length, 'events to check').to.be.greaterThan(0);
  const key = `funnel-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const wire = events.map(
    (e, seq) =>
      ({
        schema: WIRE_SCHEMA,
        id: `test-${key}-${seq}`,
        ts: Date.now(),
        sessionId: 's1',
        visitorId: 'v1',
        seq,
        page: { url: location.href, path: location.pathname },
        ...e,
      }) as WireEvent,
  );
  const res = await fetch(`/__test__/collect/${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ schema: WIRE_SCHEMA, sentAt: Date.now(), events: wire }),
  });
  expect(res.status, await res.clone().text()).to.equal(200);
}

const ADD_TO_CART: FunnelDetail = {
  name: 'add_to_cart',
  params: {
    currency: 'USD',
    value: 3998,
    items: [
      { item_id: 'p0001-m', item_name: 'Linen shirt', item_variant: 'M', price: 1999, quantity: 2, index: 0 },
    ],
  },
};

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('funnel', () => {
  it('turns vt-funnel into a funnel event equal to its detail, even when the shop stops its propagation', async () => {
    const el = await emitter();
    const { events } = start();
    const stopper = (e: Event) => e.stopPropagation();
    el.addEventListener('vt-funnel', stopper);
    el.fire('vt-funnel', ADD_TO_CART);
    el.removeEventListener('vt-funnel', stopper);
    expect(events).to.deep.equal([{ type: 'funnel', data: ADD_TO_CART }]);
    // A copy: the component reusing its object later does not change what was queued.
    expect(events[0]!.data).to.not.equal(ADD_TO_CART);
    await expectValid(events);
  });

  it('drops a vt-funnel detail that is not a GA4 event, with a warning', async () => {
    const el = await emitter();
    const { events } = start();
    const warn = captureConsole('warn');
    try {
      el.dispatchEvent(
        new CustomEvent('vt-funnel', { detail: { name: 'add_to_basket', params: {} }, bubbles: true }),
      );
    } finally {
      warn.restore();
    }
    expect(events).to.deep.equal([]);
    expect(warn.calls.join('\n')).to.match(/vt-funnel/);
  });

  it('turns vt-media-view into a custom media_view event with flat props', async () => {
    const el = await emitter();
    const { events } = start();
    el.fire('vt-media-view', {
      tag: 'vt-gallery',
      productId: 'p0001',
      index: 2,
      type: 'image',
      url: 'https://cdn.example.com/p0001/2.jpg?w=800&X-Amz-Signature=abc123',
      ms: 4200,
    });
    expect(events).to.deep.equal([
      {
        type: 'custom',
        data: {
          name: 'media_view',
          props: {
            tag: 'vt-gallery',
            product_id: 'p0001',
            index: 2,
            type: 'image',
            url: 'https://cdn.example.com/p0001/2.jpg?w=800',
            ms: 4200,
          },
        },
      },
    ]);
    await expectValid(events);
  });

  it('flattens nested details: options, review queries, money', async () => {
    const el = await emitter();
    const { events } = start();
    el.fire('vt-variant-change', {
      productId: 'p0001',
      variantId: 'p0001-red-xl',
      options: { Color: 'Red', 尺码: 'XL' },
    });
    el.fire('vt-review-filter', {
      productId: 'p0001',
      count: 12,
      query: { stars: [4, 5], withMedia: true, verified: false, sort: 'newest', variant: { Color: 'Red' } },
    });
    el.fire('vt-order-placed', {
      orderId: 'A-1001',
      status: 'paid',
      total: { amount: 4598, currency: 'EUR' },
    });
    el.fire('vt-ready', { tag: 'vt-gallery' });
    const data = events.map((e) => e.data);
    expect(data[0]).to.deep.equal({
      name: 'variant_change',
      props: { product_id: 'p0001', variant_id: 'p0001-red-xl', options: 'Color=Red; 尺码=XL' },
    });
    expect(data[1]).to.deep.equal({
      name: 'review_filter',
      props: {
        product_id: 'p0001',
        count: 12,
        query_stars: '4,5',
        query_with_media: true,
        query_verified: false,
        query_sort: 'newest',
        query_variant: 'Color=Red',
      },
    });
    expect(data[2]).to.deep.equal({
      name: 'order_placed',
      props: { order_id: 'A-1001', status: 'paid', total_amount: 4598, total_currency: 'EUR' },
    });
    expect(data[3]).to.have.nested.property('props.tag', 'vt-gallery');
    expect(data[3]).to.have.nested.property('props.ms').that.is.a('number');
    await expectValid(events);
  });

  it('never forwards vt-checkout-abandon or anything of the contact in it', async () => {
    const el = await emitter();
    const { events } = start();
    el.fire('vt-checkout-abandon', {
      locale: 'en',
      contact: { email: 'alice.shopper@example.com', phone: '+1 415 555 0123', remindMe: true },
      cart: {
        currency: 'USD',
        lines: [{ variantId: 'p0001-m', productId: 'p0001', quantity: 1 }],
        codes: [],
      },
      step: 'payment',
    });
    // The same contact sneaking into another event's free text is masked too.
    el.fire('vt-search-submit', { query: 'order for alice.shopper@example.com' });
    const wire = JSON.stringify(events);
    for (const secret of ['alice.shopper', 'example.com', '415 555', '4155550123', 'remindMe', 'contact'])
      expect(wire, secret).to.not.include(secret);
    expect(events.map((e) => e.type === 'custom' && e.data.name)).to.deep.equal(['search_submit']);
  });

  it('summarises vt-cart-change (never the whole cart) and skips changes the shopper did not make here', async () => {
    const el = await emitter();
    const { events } = start();
    const cart = {
      currency: 'USD',
      lines: [
        {
          variantId: 'p0001-m',
          productId: 'p0001',
          quantity: 2,
          title: 'Linen shirt',
          price: { amount: 1999, currency: 'USD' },
          url: 'https://shop.example/p/p0001',
          options: { Size: 'M' },
        },
        {
          variantId: 'p0002',
          productId: 'p0002',
          quantity: 1,
          title: 'Socks',
          price: { amount: 500, currency: 'USD' },
        },
      ],
      itemCount: 3,
      subtotal: { amount: 4498, currency: 'USD' },
      codes: ['SAVE10'],
      updatedAt: Date.now(),
    };
    el.fire('vt-cart-change', { reason: 'load', cart });
    el.fire('vt-cart-change', { reason: 'sync', cart });
    el.fire('vt-cart-change', { reason: 'add', cart });
    expect(events).to.deep.equal([
      {
        type: 'custom',
        data: {
          name: 'cart_change',
          props: { reason: 'add', lines: 2, item_count: 3, subtotal: 4498, currency: 'USD', codes: 1 },
        },
      },
    ]);
    const wire = JSON.stringify(events);
    for (const text of ['Linen shirt', 'SAVE10', 'shop.example']) expect(wire).to.not.include(text);
    await expectValid(events);
  });

  it('turns vt-error into an error event', async () => {
    const el = await emitter();
    const { events } = start();
    el.fire('vt-error', {
      tag: 'vt-price',
      attribute: 'amount',
      message: 'expected an integer of minor units, got "12.5"',
    });
    expect(events).to.deep.equal([
      {
        type: 'error',
        data: {
          message: 'amount: expected an integer of minor units, got "12.5"',
          source: 'vt-error',
          tag: 'vt-price',
        },
      },
    ]);
    await expectValid(events);
  });

  it('reports page errors and unhandled rejections with their source, masked, at most 10 per page', async () => {
    const { events } = start();
    // Mocha treats `window.onerror` as a failed test: keep it away while the page "throws"; the
    // runner's own listener logs each error to the console: keep that quiet too.
    const mochaHandler = window.onerror;
    window.onerror = null;
    const logged = captureConsole('error');
    try {
      const script = new URL('/assets/app.js?token=s3cret', location.href).href;
      dispatchEvent(
        new ErrorEvent('error', {
          message: 'TypeError: bob@example.com is not valid for 4242 4242 4242 4242',
          filename: script,
          lineno: 12,
          colno: 34,
        }),
      );
      const reason = new Error('fetch failed');
      dispatchEvent(new PromiseRejectionEvent('unhandledrejection', { promise: Promise.resolve(), reason }));
      for (let i = 0; i < 3; i++)
        dispatchEvent(new ErrorEvent('error', { message: 'same error', filename: script }));
      for (let i = 0; i < 20; i++) dispatchEvent(new ErrorEvent('error', { message: `error ${i}` }));
    } finally {
      window.onerror = mochaHandler;
      logged.restore();
    }
    const errors = events.flatMap((e) => (e.type === 'error' ? [e.data] : []));
    expect(errors).to.have.length(10);
    expect(errors[0]).to.deep.equal({
      message: 'TypeError: [email] is not valid for [number]',
      source: `${location.origin}/assets/app.js:12:34`,
    });
    expect(errors[1]!.message).to.equal('Unhandled rejection: Error: fetch failed');
    expect(errors[1]!.source).to.match(/funnel\.test\.ts.*:\d+:\d+$/);
    expect(errors.filter((e) => e.message === 'same error')).to.have.length(1);
    await expectValid(events);
  });

  it('listens to every vt-* event of the schema but vt-checkout-abandon, and stops listening when stopped', async () => {
    const el = await emitter();
    const { events, stop } = start();
    for (const name of Object.values(VT_EVENTS))
      el.shadowRoot!.firstElementChild!.dispatchEvent(
        new CustomEvent(name, { detail: {}, bubbles: true, composed: true }),
      );
    // vt-funnel without a name and vt-cart-change without a reason are dropped too.
    expect(events.length).to.equal(Object.values(VT_EVENTS).length - 3);
    stop();
    el.fire('vt-funnel', ADD_TO_CART);
    expect(events.length).to.equal(Object.values(VT_EVENTS).length - 3);
  });
});

describe('trackCustom', () => {
  it("emits the shop's own events", async () => {
    const { events, context } = recorder();
    expect(trackCustom(context, 'newsletter_signup', { source: 'footer', step: 2, ok: true })).to.equal(true);
    expect(trackCustom(context, 'x')).to.equal(true);
    expect(events).to.deep.equal([
      { type: 'custom', data: { name: 'newsletter_signup', props: { source: 'footer', step: 2, ok: true } } },
      { type: 'custom', data: { name: 'x' } },
    ]);
    await expectValid(events);
  });

  it('drops invalid names and props, warning once per name', () => {
    const { events, context } = recorder();
    const warn = captureConsole('warn');
    const many = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`k${i}`, i]));
    const bad: [string, Record<string, string | number | boolean>?][] = [
      ['Newsletter'],
      ['1st_visit'],
      ['sign-up'],
      ['a'.repeat(41)],
      [''],
      ['too_many', many],
      ['long_text', { text: 'x'.repeat(501) }],
      ['not_finite', { n: Number.NaN }],
      ['bad_key', { 'Bad Key': 1 }],
      ['nested', { deep: { a: 1 } as unknown as string }],
    ];
    try {
      for (const [name, props] of bad) expect(trackCustom(context, name, props), name).to.equal(false);
      trackCustom(context, 'Newsletter');
    } finally {
      warn.restore();
    }
    expect(events).to.deep.equal([]);
    expect(warn.calls).to.have.length(bad.length);
    expect(warn.calls[0]).to.match(/Newsletter.*name/);
  });
});
