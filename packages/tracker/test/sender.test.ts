import { expect } from '@esm-bundle/chai';
import { WIRE_SCHEMA, type WireEvent } from '@vitrine/schema';
import { captureConsole, until } from '@vitrine/testing';
import { collectorDestination } from '../src/destinations/collector.js';
import { createOutbox, type TrackerOutbox } from '../src/outbox.js';
import { createSender, type Sender } from '../src/sender.js';
import type { Destination } from '../src/types.js';

interface Collected {
  events: WireEvent[];
  posts: number;
  failures: number;
  duplicates: number;
  invalid: unknown[];
  encodings: { encoding: string; bytes: number }[];
}

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
let keys = 0;
/** A fresh collector key, its endpoint and a fresh database. */
function fresh() {
  const key = `sender-${run}-${++keys}`;
  return { key, endpoint: `${location.origin}/__test__/collect/${key}`, dbName: `vt-sender-${key}` };
}
const collected = async (key: string) =>
  (await (await fetch(`/__test__/collected/${key}`)).json()) as Collected;
const mode = (key: string, query: string) =>
  fetch(`/__test__/collect-mode/${key}?${query}`, { method: 'POST' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let ids = 0;
/** A valid `custom` wire event; `pad` adds that many random characters of props (in 500-char props). */
function event(n: number, pad = 0): WireEvent {
  const props: Record<string, string | number> = { n };
  for (let k = 0; k * 500 < pad; k++) {
    let text = '';
    while (text.length < Math.min(500, pad - k * 500)) text += Math.random().toString(36).slice(2);
    props[`pad${k}`] = text.slice(0, Math.min(500, pad - k * 500));
  }
  return {
    schema: WIRE_SCHEMA,
    id: `sender-${run}-${++ids}`,
    ts: Date.now(),
    sessionId: 'session-1',
    visitorId: 'visitor-1',
    seq: n,
    page: { url: location.href, path: location.pathname },
    type: 'custom',
    data: { name: 'test_event', props },
  };
}

const cleanups: (() => void)[] = [];
async function outbox(dbName: string, maxEvents = 5000): Promise<TrackerOutbox> {
  const box = await createOutbox({ dbName, maxEvents, maxAgeMs: 86_400_000 });
  cleanups.push(() => box.close());
  return box;
}
function sender(options: Parameters<typeof createSender>[0]): Sender {
  const s = createSender(options);
  cleanups.push(() => s.stop());
  return s;
}
/** Silences (and records) console warnings for the test. */
function quiet() {
  const warnings = captureConsole('warn');
  cleanups.push(warnings.restore);
  return warnings;
}

describe('sender and collector destination', () => {
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });

  it('delivers 1,000 events exactly once through a network failing 30% of requests and a tab closed mid-way', async function () {
    this.timeout(15_000);
    const { key, endpoint, dbName } = fresh();
    const warnings = quiet();
    await mode(key, 'fail=0.3');
    const all = Array.from({ length: 1000 }, (_, i) => event(i));

    // First visit: events queued as they happen, sends on a fast timer, 30% of them failing.
    const box = await outbox(dbName);
    const first = sender({
      outbox: box,
      destinations: [collectorDestination({ endpoint })],
      flushMs: 20,
      baseBackoffMs: 10,
    });
    first.start();
    for (let i = 0; i < 600; i += 50) {
      await box.add('vitrine', all.slice(i, i + 50));
      await sleep(5);
    }
    // The tab closes: the last events are written, `pagehide` sends what fits, and the page is gone
    // (its timer, its requests, its database connection) without any acknowledgement.
    await box.add('vitrine', all.slice(600));
    dispatchEvent(new PageTransitionEvent('pagehide'));
    first.stop();
    box.close();

    // Next visit: the same database, a new sender; the network still fails 30% of requests.
    const next = await outbox(dbName);
    expect((await next.take('vitrine', 1000)).length, 'events left by the closed tab').to.be.greaterThan(0);
    const second = sender({
      outbox: next,
      destinations: [collectorDestination({ endpoint })],
      flushMs: 20,
      baseBackoffMs: 10,
    });
    second.start();
    for (let i = 0; i < 300 && (await next.take('vitrine', 1)).length; i++) await sleep(20);
    second.stop();

    const got = await collected(key);
    expect(got.failures, 'the network did fail').to.be.greaterThan(0);
    expect(got.invalid).to.deep.equal([]);
    expect(got.events).to.have.length(1000);
    const received = new Set(got.events.map((e) => e.id));
    expect(received.size).to.equal(1000);
    expect(all.every((e) => received.has(e.id))).to.equal(true);
    expect(await next.take('vitrine', 10), 'the outbox is empty once acknowledged').to.deep.equal([]);
    expect(
      warnings.calls.filter((c) => c.includes('503')).length,
      'one warning per kind of failure and page',
    ).to.be.within(1, 2);
  });

  it('sends the page-hide batch within the handler, once for visibilitychange and pagehide together', async () => {
    const { key, endpoint, dbName } = fresh();
    const box = await outbox(dbName);
    const s = sender({
      outbox: box,
      destinations: [collectorDestination({ endpoint, siteKey: 'shop-1' })],
      flushMs: 60_000,
    });
    const original = window.fetch;
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    window.fetch = (input, init) => {
      requests.push({ url: String(input), init });
      return original(input, init);
    };
    cleanups.push(() => (window.fetch = original));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    cleanups.push(() => delete (document as { visibilityState?: unknown }).visibilityState);
    s.start();
    await box.add('vitrine', [event(1), event(2), event(3)]);
    requests.length = 0;

    document.dispatchEvent(new Event('visibilitychange'));
    // Synchronously: a closing page runs nothing after its handlers.
    expect(requests).to.have.length(1);
    expect(requests[0]!.init).to.include({ keepalive: true, method: 'POST' });
    expect(requests[0]!.url).to.contain('site=shop-1');
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(requests, 'the same events are not sent twice at one hide').to.have.length(1);

    for (let i = 0; i < 50 && (await collected(key)).events.length < 3; i++) await sleep(20);
    const got = await collected(key);
    expect(got.events).to.have.length(3);
    expect(got.encodings, 'plain JSON: gzip is asynchronous').to.deep.equal([
      { encoding: 'identity', bytes: got.encodings[0]!.bytes },
    ]);
  });

  it('keeps page-hide sends queued, and the collector stores the resend once', async () => {
    const { key, endpoint, dbName } = fresh();
    const box = await outbox(dbName);
    const s = sender({ outbox: box, destinations: [collectorDestination({ endpoint })], flushMs: 60_000 });
    await box.add('vitrine', [event(1), event(2), event(3)]);
    await s.flush(true);
    expect((await collected(key)).events, 'the page-hide send arrived').to.have.length(3);
    expect(await box.take('vitrine', 10), 'unconfirmed: still queued').to.have.length(3);
    await s.flush();
    const got = await collected(key);
    expect(got.events).to.have.length(3);
    expect(got.duplicates).to.equal(3);
    expect(await box.take('vitrine', 10), 'acknowledged: deleted').to.deep.equal([]);
  });

  it('waits while offline and sends as soon as the network comes back', async () => {
    const { key, endpoint, dbName } = fresh();
    const warnings = quiet();
    await mode(key, 'offline=1');
    const box = await outbox(dbName);
    const s = sender({
      outbox: box,
      destinations: [collectorDestination({ endpoint })],
      flushMs: 20,
      baseBackoffMs: 60_000,
      random: () => 1,
    });
    await box.add('vitrine', [event(1), event(2)]);
    s.start();
    await until(() => warnings.calls.length > 0, 3000, 'the failed send');
    // (Chrome itself retries a request whose connection closed unanswered: count from here.)
    const before = (await collected(key)).posts;
    await sleep(200);
    const offline = await collected(key);
    expect(offline.events).to.have.length(0);
    expect(offline.posts, 'no retry before the backoff ends, despite the timer').to.equal(before);
    expect(await box.take('vitrine', 10)).to.have.length(2);
    expect(warnings.calls).to.have.length(1);

    await mode(key, 'offline=0');
    dispatchEvent(new Event('online'));
    for (let i = 0; i < 100 && (await collected(key)).events.length < 2; i++) await sleep(20);
    expect((await collected(key)).events).to.have.length(2);
  });

  it('backs off exponentially with jitter after failures, and a success resets it', async () => {
    const { key, endpoint, dbName } = fresh();
    quiet();
    await mode(key, 'status=500');
    const box = await outbox(dbName);
    const s = sender({
      outbox: box,
      destinations: [collectorDestination({ endpoint })],
      flushMs: 60_000,
      baseBackoffMs: 300,
      random: () => 0.999,
    });
    await box.add('vitrine', [event(1)]);
    const posts = async () => (await collected(key)).posts;
    await s.flush();
    expect(await posts()).to.equal(1);
    await s.flush();
    expect(await posts(), 'within the first backoff (≤ 300 ms)').to.equal(1);
    await sleep(350);
    await s.flush();
    expect(await posts()).to.equal(2);
    await sleep(350);
    await s.flush();
    expect(await posts(), 'the second backoff is twice as long (≤ 600 ms)').to.equal(2);
    await sleep(300);
    await mode(key, 'status=0');
    await s.flush();
    expect(await posts()).to.equal(3);
    expect((await collected(key)).events).to.have.length(1);
    // After the success, a new failure waits the first backoff again.
    await mode(key, 'status=500');
    await box.add('vitrine', [event(2)]);
    await s.flush();
    await sleep(350);
    await s.flush();
    expect(await posts()).to.equal(5);
  });

  it('compresses batches and keeps every request body within 64 KB', async () => {
    const { key, endpoint, dbName } = fresh();
    const box = await outbox(dbName);
    const events = Array.from({ length: 500 }, (_, i) => event(i, 1000));
    await box.add('vitrine', events);
    const s = sender({ outbox: box, destinations: [collectorDestination({ endpoint })], flushMs: 60_000 });
    await s.flush();
    const got = await collected(key);
    expect(got.events).to.have.length(500);
    expect(got.invalid).to.deep.equal([]);
    expect(got.encodings.length, 'split into several requests').to.be.greaterThan(4);
    expect(got.encodings.every((e) => e.encoding === 'gzip')).to.equal(true);
    expect(Math.max(...got.encodings.map((e) => e.bytes))).to.be.at.most(65_536);
    expect(await box.take('vitrine', 10)).to.deep.equal([]);
  });

  it('sends an event too large for one part alone instead of dropping it', async () => {
    const { key, endpoint, dbName } = fresh();
    const box = await outbox(dbName);
    const events = [event(0), event(1, 3000), event(2)];
    await box.add('vitrine', events);
    const s = sender({
      outbox: box,
      destinations: [collectorDestination({ endpoint, maxBytes: 1500 })],
      flushMs: 60_000,
    });
    await s.flush();
    const got = await collected(key);
    expect(got.events.map((e) => e.id)).to.have.members(events.map((e) => e.id));
    expect(
      got.encodings.some((e) => e.bytes > 1500),
      'the big one went alone',
    ).to.equal(true);
    expect(await box.take('vitrine', 10)).to.deep.equal([]);
  });

  it('drops an event the collector refuses on its own, reports it, and delivers the rest', async () => {
    const { key, endpoint, dbName } = fresh();
    const warnings = quiet();
    const box = await outbox(dbName);
    const rejected: string[] = [];
    const s = sender({
      outbox: box,
      destinations: [
        collectorDestination({ endpoint, onRejected: (events) => rejected.push(...events.map((e) => e.id)) }),
      ],
      flushMs: 60_000,
    });
    // Ids too short for the wire schema: the collector refuses every batch that holds one. The
    // first is the oldest event of a fresh page, at the head of the queue. (Made in queue order.)
    const bad1 = { ...event(0), id: 'bad-1' };
    const good1 = [1, 2, 3, 4, 5, 6].map((n) => event(n));
    await box.add('vitrine', [bad1, ...good1]);
    await s.flush();
    const good2 = [7, 8, 9].map((n) => event(n));
    const bad2 = { ...event(10), id: 'bad-2' };
    const good3 = [11, 12, 13].map((n) => event(n));
    await box.add('vitrine', [...good2, bad2, ...good3]);
    await s.flush();
    const good = [...good1, ...good2, ...good3];
    const got = await collected(key);
    expect(got.events.map((e) => e.id)).to.have.members(good.map((e) => e.id));
    expect(rejected).to.deep.equal(['bad-1', 'bad-2']);
    expect(await box.take('vitrine', 10), 'nothing blocks the queue').to.deep.equal([]);
    expect(warnings.calls.filter((c) => c.includes('refused'))).to.have.length(1);
  });

  it('keeps retrying when the collector refuses everything from the start', async () => {
    const { key, endpoint, dbName } = fresh();
    quiet();
    await mode(key, 'status=400');
    const box = await outbox(dbName);
    const rejected: WireEvent[] = [];
    const s = sender({
      outbox: box,
      destinations: [collectorDestination({ endpoint, onRejected: (events) => rejected.push(...events) })],
      flushMs: 60_000,
    });
    await box.add('vitrine', [event(1), event(2), event(3)]);
    await s.flush();
    expect(rejected, 'a misconfigured endpoint does not empty the outbox').to.deep.equal([]);
    expect(await box.take('vitrine', 10)).to.have.length(3);
    expect((await collected(key)).posts, 'the batch, then the newest event alone').to.equal(2);
  });

  it('never runs two sends of a destination at once, and a flush covers what was queued before it', async () => {
    const { dbName } = fresh();
    const box = await outbox(dbName);
    let inFlight = 0;
    let most = 0;
    const received: string[] = [];
    const slow: Destination = {
      name: 'slow',
      async send(events) {
        most = Math.max(most, ++inFlight);
        await sleep(30);
        received.push(...events.map((e) => e.id));
        inFlight--;
        return true;
      },
    };
    const s = sender({ outbox: box, destinations: [slow], flushMs: 60_000 });
    await box.add('slow', [event(1)]);
    const a = s.flush();
    await sleep(5);
    await box.add('slow', [event(2)]);
    await Promise.all([a, s.flush(), s.flush()]);
    expect(most).to.equal(1);
    expect(received).to.have.length(2);
    expect(await box.take('slow', 10)).to.deep.equal([]);
  });

  it('reports what the caps dropped after a flush, and survives a throwing destination', async () => {
    const { dbName } = fresh();
    const warnings = quiet();
    const box = await outbox(dbName, 2);
    const reports: { overflow: number; expired: number }[] = [];
    const broken: Destination = {
      name: 'broken',
      send() {
        throw new TypeError('not a function');
      },
    };
    const s = sender({
      outbox: box,
      destinations: [broken],
      flushMs: 60_000,
      baseBackoffMs: 1,
      onDropped: (counts) => reports.push(counts),
    });
    await box.add('broken', [event(1), event(2), event(3)]);
    await s.flush();
    await sleep(5);
    await s.flush();
    expect(reports).to.deep.equal([{ overflow: 1, expired: 0 }]);
    expect(warnings.calls).to.have.length(1);
    expect(warnings.calls[0]).to.contain('broken').and.to.contain('TypeError');
    expect(await box.take('broken', 10), 'kept for a retry').to.have.length(2);
  });
});
