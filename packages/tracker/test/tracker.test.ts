import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { fixture, until } from '@vitrine/testing';
import type { WireEvent } from '@vitrine/schema';
import { createTracker, type Tracker, type TrackerOptions } from '@vitrine/tracker';

interface Collected {
  events: WireEvent[];
  posts: number;
  duplicates: number;
  invalid: unknown[];
}

let n = 0;
/** A fresh collector key and IndexedDB name per test: tests share one page. */
function names() {
  n++;
  const key = `tracker-${Date.now().toString(36)}-${n}`;
  return { key, endpoint: `/__test__/collect/${key}`, dbName: `vt-tracker-test-${key}` };
}

async function collected(key: string): Promise<Collected> {
  return (await fetch(`/__test__/collected/${key}`)).json() as Promise<Collected>;
}

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

const trackers: Tracker[] = [];
function tracker(options: TrackerOptions): Tracker {
  const t = createTracker({ flushMs: 200, vitals: false, ...options });
  trackers.push(t);
  return t;
}

afterEach(async () => {
  for (const t of trackers.splice(0)) await t.destroy();
});

describe('createTracker', () => {
  it('stores and sends nothing before consent, then tracks once granted', async () => {
    const { key, endpoint, dbName } = names();
    const t = tracker({ endpoint: `${location.origin}${endpoint}`, dbName });
    await t.ready;
    expect(t.consent).to.equal('required');
    t.track('before_consent');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await databases(), 'no IndexedDB database before consent').to.not.include(dbName);
    expect((await collected(key)).posts).to.equal(0);

    await t.grant();
    expect(t.consent).to.equal('granted');
    t.track('after_consent', { step: 2 });
    await t.flush();
    const got = await collected(key);
    expect(got.invalid).to.deep.equal([]);
    const types = got.events.map((e) => (e.type === 'custom' ? e.data.name : e.type));
    expect(types).to.include('pageview');
    expect(types).to.include('after_consent');
    expect(types).to.not.include('before_consent');
    expect(await databases()).to.include(dbName);
  });

  it('forgets everything on revoke: the outbox and the ids, and a new grant starts a new visitor', async () => {
    const { key, endpoint, dbName } = names();
    const t = tracker({ endpoint: `${location.origin}${endpoint}`, dbName, consent: 'granted' });
    await t.ready;
    t.track('first');
    await t.flush();
    const first = (await collected(key)).events[0]!.visitorId;
    await fetch(`/__test__/collect-mode/${key}?offline=1`, { method: 'POST' });
    t.track('queued_then_revoked');
    await t.revoke();
    expect(t.consent).to.equal('denied');
    await fetch(`/__test__/collect-mode/${key}?offline=0`, { method: 'POST' });
    t.track('after_revoke');
    await t.grant();
    t.track('second');
    await t.flush();
    const events = (await collected(key)).events;
    const names_ = events.map((e) => (e.type === 'custom' ? e.data.name : e.type));
    expect(names_).to.not.include('queued_then_revoked');
    expect(names_).to.not.include('after_revoke');
    const second = events.find((e) => e.type === 'custom' && e.data.name === 'second')!;
    expect(second.visitorId).to.not.equal(first);
  });

  it('tracks nothing under Global Privacy Control unless the shopper grants consent', async () => {
    const { key, endpoint, dbName } = names();
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const t = tracker({ endpoint: `${location.origin}${endpoint}`, dbName, consent: 'granted' });
      await t.ready;
      expect(t.consent).to.equal('denied');
      t.track('gpc');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await collected(key)).posts).to.equal(0);
      expect(await databases()).to.not.include(dbName);
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('never sends what is typed, nor a card number or a password', async () => {
    const { key, endpoint, dbName } = names();
    const form = await fixture<HTMLFormElement>(`<form id="pay">
      <input id="name" name="name" autocomplete="name" />
      <input id="card" name="cardnumber" autocomplete="cc-number" />
      <input id="pw" type="password" name="password" />
      <button type="button" id="go">Pay</button>
    </form>`);
    const t = tracker({ endpoint: `${location.origin}${endpoint}`, dbName, consent: 'granted', moves: true });
    await t.ready;
    for (const [id, text] of [
      ['name', 'Alice Typed-Name'],
      ['card', '4242 4242 4242 4242'],
      ['pw', 'hunter2-Secret!'],
    ] as const) {
      const input = form.querySelector<HTMLInputElement>(`#${id}`)!;
      input.focus();
      input.click();
      await sendKeys({ type: text });
    }
    form.querySelector<HTMLButtonElement>('#go')!.click();
    await t.flush();
    const got = await collected(key);
    expect(got.events.length).to.be.greaterThan(0);
    const wire = JSON.stringify(got.events);
    for (const secret of ['4242 4242', '4242424242', 'hunter2', 'Alice Typed-Name'])
      expect(wire, secret).to.not.include(secret);
  });

  it('gives the same visitor the same experiment variant on every page, and reports the exposure once per session', async () => {
    const { key, endpoint, dbName } = names();
    const a = tracker({ endpoint: `${location.origin}${endpoint}`, dbName, consent: 'granted' });
    await a.ready;
    const variant = a.experiment('checkout_button', ['control', 'green'], [0.5, 0.5]);
    expect(a.experiment('checkout_button', ['control', 'green'], [0.5, 0.5])).to.equal(variant);
    a.track('after_exposure');
    await a.flush();
    await a.destroy();
    // The next page of the same visit: same database, same visitor.
    const b = tracker({ endpoint: `${location.origin}${endpoint}`, dbName, consent: 'granted' });
    await b.ready;
    expect(b.experiment('checkout_button', ['control', 'green'], [0.5, 0.5])).to.equal(variant);
    await b.flush();
    const events = (await collected(key)).events;
    const exposures = events.filter((e) => e.type === 'exposure');
    expect(exposures).to.have.length(1);
    const later = events.find((e) => e.type === 'custom' && e.data.name === 'after_exposure')!;
    expect(later.experiments).to.deep.equal({ checkout_button: variant });
    expect(new Set(events.map((e) => e.visitorId)).size).to.equal(1);
  });

  it('gives every event a unique id, so the collector can drop duplicates', async () => {
    const { key, endpoint, dbName } = names();
    const t = tracker({ endpoint: `${location.origin}${endpoint}`, dbName, consent: 'granted' });
    await t.ready;
    for (let i = 0; i < 50; i++) t.track('many', { i });
    await t.flush();
    const got = await collected(key);
    const ids = got.events.map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(got.events.filter((e) => e.type === 'custom' && e.data.name === 'many')).to.have.length(50);
    // seq increases within the session.
    const seqs = got.events.map((e) => e.seq);
    expect([...seqs].sort((x, y) => x - y)).to.deep.equal([...new Set(seqs)].sort((x, y) => x - y));
  });

  it('records single-page-app route changes as page views with the new path', async () => {
    const { key, endpoint, dbName } = names();
    const start = location.pathname + location.search;
    const t = tracker({ endpoint: `${location.origin}${endpoint}`, dbName, consent: 'granted' });
    await t.ready;
    try {
      history.pushState({}, '', '/spa-route/products?utm_source=newsletter');
      await until(() => true);
      await t.flush();
      const views = (await collected(key)).events.filter((e) => e.type === 'pageview');
      const spa = views.find((e) => e.type === 'pageview' && e.data.navigationType === 'spa');
      expect(spa?.page.path).to.equal('/spa-route/products');
      expect(spa?.page.url).to.include('utm_source=newsletter');
    } finally {
      history.replaceState({}, '', start);
    }
  });
  it('keeps what happens while it starts: track() and component events before `ready`', async () => {
    const { key, endpoint, dbName } = names();
    const t = tracker({ endpoint: `${location.origin}${endpoint}`, dbName, consent: 'granted' });
    // The same task as createTracker: the outbox is not open yet.
    t.track('early_call', { step: 1 });
    document.body.dispatchEvent(
      new CustomEvent('vt-funnel', {
        bubbles: true,
        composed: true,
        detail: {
          name: 'add_to_cart',
          params: {
            currency: 'USD',
            value: 1999,
            items: [{ item_id: 'p1', item_name: 'Linen shirt', price: 1999, quantity: 1 }],
          },
        },
      }),
    );
    const before = Date.now();
    await t.ready;
    await t.flush();
    const got = await collected(key);
    expect(got.invalid).to.deep.equal([]);
    const early = got.events.find((e) => e.type === 'custom' && e.data.name === 'early_call');
    const funnel = got.events.find((e) => e.type === 'funnel' && e.data.name === 'add_to_cart');
    expect(early, 'track() before ready').to.not.equal(undefined);
    expect(funnel, 'a vt-funnel event before ready').to.not.equal(undefined);
    expect(early!.ts, 'keeps the time it happened').to.be.at.most(before);
    expect(early!.visitorId).to.equal(got.events.find((e) => e.type === 'pageview')!.visitorId);
  });

  it('hands a burst from the last task to the page-hide send within the handler', async () => {
    const { key, endpoint, dbName } = names();
    const t = tracker({
      endpoint: `${location.origin}${endpoint}`,
      dbName,
      consent: 'granted',
      flushMs: 60_000,
    });
    await t.ready;
    await t.flush();
    const original = window.fetch;
    const bodies: string[] = [];
    window.fetch = (input, init) => {
      if (init?.keepalive && typeof init.body === 'string') bodies.push(init.body);
      return original(input, init);
    };
    try {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      // Emitted and hidden in one task: nothing of the burst has reached IndexedDB yet.
      for (let i = 0; i < 80; i++) t.track('burst', { i });
      document.dispatchEvent(new Event('visibilitychange'));
      // Synchronously: a closing page runs nothing after its handlers.
      const sent = bodies.flatMap((body) => (JSON.parse(body) as { events: WireEvent[] }).events);
      const burst = sent.filter((e) => e.type === 'custom' && e.data.name === 'burst');
      expect(burst, 'the whole burst in the page-hide request').to.have.length(80);
    } finally {
      window.fetch = original;
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    await t.flush();
    const got = await collected(key);
    expect(got.events.filter((e) => e.type === 'custom' && e.data.name === 'burst')).to.have.length(80);
  });
});
