import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { WireEvent } from '@vitrine/schema';
import type { Outbox } from './types.js';

/** The outbox plus the few values the tracker keeps (visitor id, session), in the same database. */
export interface TrackerOutbox extends Outbox {
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
}

interface Row {
  destination: string;
  id: string;
  /** When it was queued, for the age cap. */
  at: number;
  /** Queue order: milliseconds then a counter. */
  order: number;
  event: WireEvent;
}

interface TrackerDB extends DBSchema {
  outbox: { key: [string, string]; value: Row; indexes: { byOrder: [string, number] } };
  meta: { key: string; value: unknown };
}

let counter = 0;
/** A strictly increasing queue position, even for events queued in the same millisecond. */
const nextOrder = (now: number) => now * 1000 + (counter = (counter + 1) % 1000);

/**
 * Opens the tracker's IndexedDB outbox: events per destination, oldest first, written before
 * `add` resolves and deleted only by `remove` (after an acknowledgement). Caps per destination:
 * `maxEvents` (the oldest go first) and `maxAgeMs`; what they drop is counted for `takeDropped`.
 * Without IndexedDB (private modes, blocked storage) it keeps everything in memory and warns once.
 */
export async function createOutbox(options: {
  dbName: string;
  maxEvents: number;
  maxAgeMs: number;
  now?: () => number;
}): Promise<TrackerOutbox> {
  const now = options.now ?? Date.now;
  let db: IDBPDatabase<TrackerDB>;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('indexedDB is not defined');
    db = await openDB<TrackerDB>(options.dbName, 1, {
      upgrade(d) {
        const store = d.createObjectStore('outbox', { keyPath: ['destination', 'id'] });
        store.createIndex('byOrder', ['destination', 'order']);
        d.createObjectStore('meta');
      },
      blocking: (_current, _blocked, event) => (event.target as IDBDatabase).close(),
    });
  } catch (error) {
    console.warn(
      `vitrine tracker: IndexedDB is unavailable (${String(error)}); events are kept in memory and are lost if the tab closes before they are sent`,
    );
    return memoryOutbox(options, now);
  }
  const dropped = { overflow: 0, expired: 0 };
  const range = (destination: string) => IDBKeyRange.bound([destination, -Infinity], [destination, Infinity]);

  /** Applies the caps to one destination inside an open read-write transaction. */
  async function enforce(destination: string, store: ReturnType<typeof tx>['store']): Promise<void> {
    const index = store.index('byOrder');
    let count = await index.count(range(destination));
    const oldest = now() - options.maxAgeMs;
    let cursor = await index.openCursor(range(destination));
    while (cursor && (count > options.maxEvents || cursor.value.at < oldest)) {
      if (cursor.value.at < oldest) dropped.expired++;
      else dropped.overflow++;
      await cursor.delete();
      count--;
      cursor = await cursor.continue();
    }
  }
  const tx = () => db.transaction('outbox', 'readwrite');

  return {
    persistent: true,
    async add(destination, events) {
      if (!events.length) return;
      const t = tx();
      const at = now();
      for (const event of events)
        void t.store.put({ destination, id: event.id, at, order: nextOrder(at), event });
      await enforce(destination, t.store);
      await t.done;
    },
    async take(destination, limit) {
      const t = tx();
      await enforce(destination, t.store);
      const rows = await t.store.index('byOrder').getAll(range(destination), limit);
      await t.done;
      return rows.map((row) => row.event);
    },
    async remove(destination, ids) {
      if (!ids.length) return;
      const t = tx();
      for (const id of ids) void t.store.delete([destination, id]);
      await t.done;
    },
    async clear() {
      const t = db.transaction(['outbox', 'meta'], 'readwrite');
      await Promise.all([t.objectStore('outbox').clear(), t.objectStore('meta').clear(), t.done]);
    },
    takeDropped() {
      const counts = { ...dropped };
      dropped.overflow = 0;
      dropped.expired = 0;
      return counts;
    },
    getMeta: (key) => db.get('meta', key),
    async setMeta(key, value) {
      await db.put('meta', value, key);
    },
    close: () => db.close(),
  };
}

function memoryOutbox(options: { maxEvents: number; maxAgeMs: number }, now: () => number): TrackerOutbox {
  const queues = new Map<string, { at: number; event: WireEvent }[]>();
  const meta = new Map<string, unknown>();
  const dropped = { overflow: 0, expired: 0 };
  const queue = (destination: string) => {
    let q = queues.get(destination);
    if (!q) queues.set(destination, (q = []));
    const oldest = now() - options.maxAgeMs;
    while (q.length && q[0]!.at < oldest) {
      q.shift();
      dropped.expired++;
    }
    return q;
  };
  return {
    persistent: false,
    async add(destination, events) {
      const q = queue(destination);
      const seen = new Set(q.map((row) => row.event.id));
      for (const event of events) if (!seen.has(event.id)) q.push({ at: now(), event });
      while (q.length > options.maxEvents) {
        q.shift();
        dropped.overflow++;
      }
    },
    async take(destination, limit) {
      return queue(destination)
        .slice(0, limit)
        .map((row) => row.event);
    },
    async remove(destination, ids) {
      const gone = new Set(ids);
      queues.set(
        destination,
        queue(destination).filter((row) => !gone.has(row.event.id)),
      );
    },
    async clear() {
      queues.clear();
      meta.clear();
    },
    takeDropped() {
      const counts = { ...dropped };
      dropped.overflow = 0;
      dropped.expired = 0;
      return counts;
    },
    getMeta: async (key) => meta.get(key),
    async setMeta(key, value) {
      meta.set(key, value);
    },
    close() {},
  };
}
