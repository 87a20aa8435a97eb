import { expect } from '@esm-bundle/chai';
import { WIRE_SCHEMA, type WireEvent } from '@vitrine/schema';
import { captureConsole } from '@vitrine/testing';
import { collectorDestination } from '../src/destinations/collector.js';
import { createOutbox } from '../src/outbox.js';
import { createSender } from '../src/sender.js';

interface Collected {
  events: WireEvent[];
  posts: number;
  failures: number;
  duplicates: number;
  invalid: unknown[];
  encodings: { encoding: string; bytes: number }[];
}

let n = 0;
function names() {
  n++;
  const key = `delivery-${Date.now().toString(36)}-${n}`;
  return { key, endpoint: `${location.origin}/__test__/collect/${key}`, dbName: `vt-delivery-${key}` };
}
const collected = async (key: string) =>
  (await (await fetch(`/__test__/collected/${key}`)).json()) as Collected;
const mode = (key: string, query: string) =>
  fetch(`/__test__/collect-mode/${key}?${query}`, { method: 'POST' });

let seq = 0;
/** A valid `custom` wire event; `pad` adds that many characters of props. */
function event(i: number, pad = 0): WireEvent {
  return {
    schema: WIRE_SCHEMA,
    id: `evt-${Date.now().toString(36)}-${i}-${(seq++).toString(36)}`,
    ts: Date.now(),
    sessionId: 'session-1',
    visitorId: 'visitor-1',
    seq: i,
    page: { url: location.href, path: location.pathname },
    type: 'custom',
    data: {
      name: 'delivery_test',
      props: {
        n: i,
        ...(pad
          ? {
              pad: Array.from({ length: pad }, (_, k) => String.fromCharCode(97 + ((k * 7 + i) % 26))).join(
                '',
              ),
            }
          : {}),
      },
    },
  };
}

describe('outbox and delivery', () => {
  it('keeps queued events in IndexedDB for the next visit, and deletes only what was acknowledged', async () => {
    const { dbName } = names();
    const first = await createOutbox({ dbName, maxEvents: 100, maxAgeMs: 60_000 });
    expect(first.persistent).to.equal(true);
    const events = [event(1), event(2), event(3)];
    await first.add('vitrine', events);
    await first.remove('vitrine', [events[0]!.id]);
    first.close();
    // The next visit opens the same database.
    const next = await createOutbox({ dbName, maxEvents: 100, maxAgeMs: 60_000 });
    expect((await next.take('vitrine', 10)).map((e) => e.id)).to.deep.equal([events[1]!.id, events[2]!.id]);
    expect(await next.take('posthog', 10), 'each destination has its own queue').to.deep.equal([]);
    next.close();
  });

  it('caps the queue by size and age and counts what it dropped', async () => {
    const { dbName } = names();
    let now = Date.now();
    const box = await createOutbox({ dbName, maxEvents: 5, maxAgeMs: 10_000, now: () => now });
    await box.add(
      'vitrine',
      Array.from({ length: 8 }, (_, i) => event(i)),
    );
    expect(
      (await box.take('vitrine', 10)).map((e) => (e.data as { props: { n: number } }).props.n),
    ).to.deep.equal([3, 4, 5, 6, 7]);
    now += 20_000;
    await box.add('vitrine', [event(99)]);
    expect(
      (await box.take('vitrine', 10)).map((e) => (e.data as { props: { n: number } }).props.n),
    ).to.deep.equal([99]);
    expect(box.takeDropped()).to.deep.equal({ overflow: 3, expired: 5 });
    expect(box.takeDropped()).to.deep.equal({ overflow: 0, expired: 0 });
    box.close();
  });

  it('falls back to memory with one warning when IndexedDB cannot be opened', async () => {
    const { dbName } = names();
    const warnings = captureConsole('warn');
    const open = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      const box = await createOutbox({ dbName, maxEvents: 10, maxAgeMs: 60_000 });
      expect(box.persistent).to.equal(false);
      await box.add('vitrine', [event(1)]);
      expect(await box.take('vitrine', 10)).to.have.length(1);
      expect(warnings.calls).to.have.length(1);
      expect(warnings.calls[0]).to.contain('in memory');
    } finally {
      indexedDB.open = open;
      warnings.restore();
    }
  });

  it('delivers 1,000 events exactly once through a network failing 30% of requests and a tab closed mid-way', async function () {
    this.timeout(30_000);
    const { key, endpoint, dbName } = names();
    await mode(key, 'fail=0.3');
    const destination = collectorDestination({ endpoint });
    const warnings = captureConsole('warn');
    try {
      // First visit: 1,000 events queued, a few sends (30% fail), then the tab closes with a final
      // unconfirmed send.
      const box = await createOutbox({ dbName, maxEvents: 5000, maxAgeMs: 86_400_000 });
      const all = Array.from({ length: 1000 }, (_, i) => event(i));
      const sender = createSender({
        outbox: box,
        destinations: [destination],
        flushMs: 50,
        baseBackoffMs: 20,
      });
      await box.add('vitrine', all.slice(0, 500));
      await sender.flush();
      // The last 500 are queued just before the tab closes: only the page-hide send goes out.
      await box.add('vitrine', all.slice(500));
      await sender.flush(true);
      sender.stop();
      expect((await box.take('vitrine', 1000)).length, 'events still queued at close').to.be.at.least(500);
      box.close();

      // Next visit: the same database, a new sender; the network still fails 30% of the time.
      const next = await createOutbox({ dbName, maxEvents: 5000, maxAgeMs: 86_400_000 });
      const again = createSender({
        outbox: next,
        destinations: [destination],
        flushMs: 50,
        baseBackoffMs: 20,
      });
      again.start();
      for (let tries = 0; tries < 200 && (await next.take('vitrine', 1)).length; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 60));
        await again.flush();
      }
      again.stop();
      const got = await collected(key);
      expect(got.failures, 'the network did fail').to.be.greaterThan(0);
      expect(got.invalid).to.deep.equal([]);
      const ids = new Set(got.events.map((e) => e.id));
      expect(ids.size).to.equal(1000);
      expect(all.every((e) => ids.has(e.id))).to.equal(true);
      expect(await next.take('vitrine', 10), 'the outbox is empty once acknowledged').to.deep.equal([]);
      next.close();
    } finally {
      warnings.restore();
    }
  });

  it('waits while offline and sends when the network comes back', async () => {
    const { key, endpoint, dbName } = names();
    await mode(key, 'offline=1');
    const box = await createOutbox({ dbName, maxEvents: 100, maxAgeMs: 60_000 });
    const warnings = captureConsole('warn');
    const sender = createSender({
      outbox: box,
      destinations: [collectorDestination({ endpoint })],
      flushMs: 60_000,
      baseBackoffMs: 60_000,
    });
    try {
      sender.start();
      await box.add('vitrine', [event(1), event(2)]);
      await sender.flush();
      expect((await collected(key)).events).to.have.length(0);
      expect(await box.take('vitrine', 10)).to.have.length(2);
      await mode(key, 'offline=0');
      dispatchEvent(new Event('online'));
      for (let i = 0; i < 50 && (await collected(key)).events.length < 2; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await collected(key)).events).to.have.length(2);
    } finally {
      sender.stop();
      box.close();
      warnings.restore();
    }
  });

  it('compresses batches and keeps every request body within 64 KB', async function () {
    this.timeout(20_000);
    const { key, endpoint, dbName } = names();
    const box = await createOutbox({ dbName, maxEvents: 5000, maxAgeMs: 60_000 });
    await box.add(
      'vitrine',
      Array.from({ length: 500 }, (_, i) => event(i, 400)),
    );
    const sender = createSender({
      outbox: box,
      destinations: [collectorDestination({ endpoint })],
      flushMs: 60_000,
    });
    await sender.flush();
    const got = await collected(key);
    expect(got.events).to.have.length(500);
    expect(got.encodings.every((e) => e.encoding === 'gzip')).to.equal(true);
    expect(Math.max(...got.encodings.map((e) => e.bytes))).to.be.at.most(65_536);
    box.close();
  });

  it('resends what a page-hide send could not confirm, and the collector keeps one copy', async () => {
    const { key, endpoint, dbName } = names();
    const box = await createOutbox({ dbName, maxEvents: 100, maxAgeMs: 60_000 });
    const sender = createSender({
      outbox: box,
      destinations: [collectorDestination({ endpoint })],
      flushMs: 60_000,
    });
    await box.add('vitrine', [event(1), event(2), event(3)]);
    await sender.flush(true);
    for (let i = 0; i < 40 && (await collected(key)).events.length < 3; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await box.take('vitrine', 10), 'unconfirmed: still queued').to.have.length(3);
    await sender.flush();
    const got = await collected(key);
    expect(got.events).to.have.length(3);
    expect(got.duplicates).to.equal(3);
    expect(await box.take('vitrine', 10)).to.deep.equal([]);
    box.close();
  });
});
