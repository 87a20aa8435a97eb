import { expect } from '@esm-bundle/chai';
import { WIRE_SCHEMA, type WireEvent } from '@vitrine/schema';
import { captureConsole } from '@vitrine/testing';
import { createOutbox, type TrackerOutbox } from '../src/outbox.js';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
let dbs = 0;
const dbName = () => `vt-outbox-test-${run}-${++dbs}`;

/** A valid `custom` wire event numbered `n` (its `props.n`). */
function event(n: number, ts = Date.now()): WireEvent {
  return {
    schema: WIRE_SCHEMA,
    id: `outbox-${run}-${n}`,
    ts,
    sessionId: 'session-1',
    visitorId: 'visitor-1',
    seq: n,
    page: { url: location.href, path: location.pathname },
    type: 'custom',
    data: { name: 'test_event', props: { n } },
  };
}

const numbers = (events: WireEvent[]) => events.map((e) => (e.type === 'custom' ? e.data.props?.n : -1));

const opened: TrackerOutbox[] = [];
async function open(name: string, caps: { maxEvents?: number; maxAgeMs?: number; now?: () => number } = {}) {
  const box = await createOutbox({ dbName: name, maxEvents: 100, maxAgeMs: 60_000, ...caps });
  opened.push(box);
  return box;
}

describe('outbox', () => {
  afterEach(() => {
    for (const box of opened.splice(0)) box.close();
  });

  it('keeps queued events in IndexedDB for the next visit, even when the tab never closed it', async () => {
    const name = dbName();
    const first = await open(name);
    expect(first.persistent).to.equal(true);
    await first.add('vitrine', [event(1), event(2), event(3)]);
    // No close(): a killed tab does not close its database. `add` resolved, so it is committed.
    const next = await open(name);
    expect(numbers(await next.take('vitrine', 10))).to.deep.equal([1, 2, 3]);
  });

  it('gives events oldest first, and deletes only the acknowledged ones', async () => {
    const name = dbName();
    const box = await open(name);
    const t = Date.now();
    // Queued together, they come back in event order (ts, then seq), whatever the order given.
    await box.add('vitrine', [event(3, t + 5), event(1, t), event(2, t)]);
    await box.add('vitrine', [event(4, t - 1000)]);
    expect(numbers(await box.take('vitrine', 10))).to.deep.equal([1, 2, 3, 4]);
    expect(numbers(await box.take('vitrine', 2)), 'take leaves them queued').to.deep.equal([1, 2]);
    await box.remove('vitrine', [event(1).id, event(3).id]);
    const next = await open(name);
    expect(numbers(await next.take('vitrine', 10))).to.deep.equal([2, 4]);
  });

  it('keeps one queue per destination', async () => {
    const box = await open(dbName(), { maxEvents: 2 });
    await box.add('vitrine', [event(1), event(2)]);
    await box.add('posthog', [event(1), event(2), event(3)]);
    await box.remove('posthog', [event(1).id]);
    expect(
      numbers(await box.take('vitrine', 10)),
      'posthog’s removal and cap leave vitrine alone',
    ).to.deep.equal([1, 2]);
    expect(numbers(await box.take('posthog', 10))).to.deep.equal([2, 3]);
    expect(await box.take('ga4', 10)).to.deep.equal([]);
  });

  it('drops the oldest events over the size cap and counts them', async () => {
    const box = await open(dbName(), { maxEvents: 5 });
    await box.add(
      'vitrine',
      Array.from({ length: 8 }, (_, i) => event(i)),
    );
    await box.add('vitrine', [event(8)]);
    expect(numbers(await box.take('vitrine', 10))).to.deep.equal([4, 5, 6, 7, 8]);
    expect(box.takeDropped()).to.deep.equal({ overflow: 4, expired: 0 });
    expect(box.takeDropped(), 'reset once taken').to.deep.equal({ overflow: 0, expired: 0 });
  });

  it('drops events queued longer than the age cap, on add and on take, and counts them', async () => {
    let now = Date.now();
    const name = dbName();
    const box = await open(name, { maxAgeMs: 10_000, now: () => now });
    await box.add('vitrine', [event(1), event(2)]);
    now += 6_000;
    await box.add('vitrine', [event(3)]);
    now += 6_000;
    expect(numbers(await box.take('vitrine', 10))).to.deep.equal([3]);
    expect(box.takeDropped()).to.deep.equal({ overflow: 0, expired: 2 });
    // The next visit, days later, applies the cap too.
    const later = await open(name, { maxAgeMs: 10_000, now: () => now + 86_400_000 });
    await later.add('vitrine', [event(4)]);
    expect(numbers(await later.take('vitrine', 10))).to.deep.equal([4]);
    expect(later.takeDropped()).to.deep.equal({ overflow: 0, expired: 1 });
  });

  it('keeps the tracker’s ids next to the events, and clear() deletes both', async () => {
    const name = dbName();
    const box = await open(name);
    expect(await box.getMeta('visitor')).to.equal(undefined);
    await box.setMeta('visitor', 'visitor-abc');
    await box.setMeta('session', { id: 's1', seq: 3 });
    await box.add('vitrine', [event(1)]);
    const next = await open(name);
    expect(await next.getMeta('visitor')).to.equal('visitor-abc');
    expect(await next.getMeta('session')).to.deep.equal({ id: 's1', seq: 3 });
    await next.clear();
    const after = await open(name);
    expect(await after.getMeta('visitor')).to.equal(undefined);
    expect(await after.take('vitrine', 10)).to.deep.equal([]);
  });

  it('lists what this page queued synchronously, for the page-hide send', async () => {
    const name = dbName();
    const box = await open(name, { maxEvents: 3 });
    const adding = box.add('vitrine', [event(1), event(2)]);
    // Before the transaction commits: a page hidden now can still send them.
    expect(numbers(box.peek('vitrine', 10))).to.deep.equal([1, 2]);
    await adding;
    await box.add('vitrine', [event(3), event(4)]);
    expect(numbers(box.peek('vitrine', 10)), 'what the cap dropped is gone').to.deep.equal([2, 3, 4]);
    await box.remove('vitrine', [event(3).id]);
    expect(numbers(box.peek('vitrine', 1))).to.deep.equal([2]);
    expect(numbers(box.peek('vitrine', 10))).to.deep.equal([2, 4]);
    // The next visit lists what it has read.
    const next = await open(name, { maxEvents: 3 });
    expect(next.peek('vitrine', 10)).to.deep.equal([]);
    await next.take('vitrine', 10);
    expect(numbers(next.peek('vitrine', 10))).to.deep.equal([2, 4]);
  });

  it('puts what is not committed first in the page-hide list, and keeps it in localStorage for a closing page', async () => {
    const name = dbName();
    const key = `vitrine-tracker:unsaved:${name}`;
    const box = await open(name);
    await box.add('vitrine', [event(1), event(2)]);
    const writing = box.write(['vitrine'], [event(3), event(4)]);
    // Not committed yet: these go first, a closing page loses them unless they leave now.
    expect(numbers(box.peek('vitrine', 3))).to.deep.equal([3, 4, 1]);
    box.spill();
    const spilled = JSON.parse(localStorage.getItem(key) ?? '[]') as { event: WireEvent }[];
    expect(numbers(spilled.map((row) => row.event))).to.deep.equal([3, 4]);
    await writing;
    expect(localStorage.getItem(key), 'committed after all: the copy is removed').to.equal(null);

    // A page closed before its write committed left this behind; the next visit queues it.
    localStorage.setItem(
      key,
      JSON.stringify(spilled.map((row, i) => ({ ...row, event: event(10 + i), id: event(10 + i).id }))),
    );
    const next = await open(name);
    expect(localStorage.getItem(key)).to.equal(null);
    const sorted = (events: WireEvent[]) => numbers(events).sort((a, b) => Number(a) - Number(b));
    expect(sorted(await next.take('vitrine', 10))).to.deep.equal([1, 2, 3, 4, 10, 11]);
    // A damaged copy is dropped with a warning, not thrown.
    localStorage.setItem(key, '{not json');
    const logs = captureConsole('warn');
    try {
      const third = await open(name);
      expect(sorted(await third.take('vitrine', 10))).to.deep.equal([1, 2, 3, 4, 10, 11]);
    } finally {
      logs.restore();
    }
    expect(logs.calls.join('\n')).to.contain('unreadable events in localStorage');
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('keeps events in memory with one warning when IndexedDB cannot be opened', async () => {
    const warnings = captureConsole('warn');
    const original = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    let box: TrackerOutbox;
    try {
      box = await open(dbName(), { maxEvents: 2 });
    } finally {
      indexedDB.open = original;
      warnings.restore();
    }
    expect(box.persistent).to.equal(false);
    expect(warnings.calls).to.have.length(1);
    expect(warnings.calls[0]).to.contain('in memory').and.to.contain('lost if the tab closes');

    const more = captureConsole('warn');
    try {
      await box.add('vitrine', [event(1), event(2), event(3)]);
      await box.remove('vitrine', [event(2).id]);
      expect(numbers(await box.take('vitrine', 10))).to.deep.equal([3]);
      expect(numbers(box.peek('vitrine', 10))).to.deep.equal([3]);
      expect(box.takeDropped()).to.deep.equal({ overflow: 1, expired: 0 });
      await box.setMeta('visitor', 'v1');
      expect(await box.getMeta('visitor')).to.equal('v1');
      await box.clear();
      expect(await box.getMeta('visitor')).to.equal(undefined);
      expect(await box.take('vitrine', 10)).to.deep.equal([]);
      expect(more.calls, 'warned once, not on every use').to.deep.equal([]);
    } finally {
      more.restore();
    }
  });

  it('applies the age cap in memory too', async () => {
    let now = Date.now();
    const original = indexedDB.open;
    const warnings = captureConsole('warn');
    indexedDB.open = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    let box: TrackerOutbox;
    try {
      box = await open(dbName(), { maxAgeMs: 1000, now: () => now });
    } finally {
      indexedDB.open = original;
      warnings.restore();
    }
    await box.add('vitrine', [event(1)]);
    now += 2000;
    await box.add('vitrine', [event(2)]);
    expect(numbers(await box.take('vitrine', 10))).to.deep.equal([2]);
    expect(box.takeDropped()).to.deep.equal({ overflow: 0, expired: 1 });
  });
});
