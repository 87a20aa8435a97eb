import type { WireEvent } from '@vitrine/schema';
import type { Outbox } from './types.js';

/**
 * The tracker's outbox plus what the tracker keeps next to it (visitor id, session, consent), in
 * the same database so that `clear()` (consent revoked) deletes both at once.
 */
export interface TrackerOutbox extends Outbox {
  /**
   * The oldest `limit` events of `destination` that this page queued or read and has not removed,
   * synchronously, from memory. For the page-hide send: a page being closed runs no further
   * tasks, so an IndexedDB read started in `pagehide` never returns, while a request dispatched
   * within the handler still leaves. Events another tab removed meanwhile may still be listed
   * (the collector drops the duplicates by id).
   */
  peek(destination: string, limit: number): WireEvent[];
  /** A value the tracker stored under `key` (`undefined` when none). */
  getMeta(key: string): Promise<unknown>;
  /** Stores `value` (structured-clonable) under `key`; resolves once written. */
  setMeta(key: string, value: unknown): Promise<void>;
  /**
   * Copies the events whose write has not committed yet to `localStorage`, synchronously, for a
   * page being hidden or closed: a closing page aborts its pending IndexedDB transactions, while a
   * `localStorage` write is kept. The next `createOutbox` of the same database moves them into
   * IndexedDB; once the writes commit after all (the page was only hidden), the copy is removed.
   * At most the newest {@link SPILL_MAX_EVENTS}. Without IndexedDB it does nothing.
   */
  spill(): void;
  /**
   * Queues `events` for every destination in `destinations` and stores `meta` (key → value), in
   * one transaction; resolves once committed. The events are in `peek` as soon as this is called.
   */
  write(destinations: readonly string[], events: WireEvent[], meta?: Record<string, unknown>): Promise<void>;
}

/** One queued event of one destination: a record of the `outbox` store (key `[destination, id]`). */
interface Row {
  destination: string;
  id: string;
  /** When it was queued (the outbox clock): the age cap and the queue order. */
  at: number;
  /** The event's own time and sequence number: the order of events queued together. */
  ts: number;
  seq: number;
  event: WireEvent;
}

type Counts = { overflow: number; expired: number };

/** localStorage key prefix (then the database name) of the events a closing page had not saved. */
const SPILL_PREFIX = 'vitrine-tracker:unsaved:';
/** Most events kept in localStorage at page close (about 0.5 KB each: well within its 5 MB). */
export const SPILL_MAX_EVENTS = 2000;

/** Store and index names; changing them (or the key paths) needs a new database version. */
const OUTBOX = 'outbox';
const META = 'meta';
const QUEUE = 'queue';

/**
 * Every row of `destination` in the `queue` index: `[d]` sorts before `[d, …]`, and an array
 * after any number (https://w3c.github.io/IndexedDB/#compare-two-keys).
 */
const queueOf = (destination: string) => IDBKeyRange.bound([destination], [destination, []]);

/** Oldest first: queue time, then the event's time and sequence number. */
const byQueue = (a: Row, b: Row) => a.at - b.at || a.ts - b.ts || a.seq - b.seq;

const noCounts = (): Counts => ({ overflow: 0, expired: 0 });

/** `request`'s result once it succeeds; its error if it fails. */
const settled = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * Opens the tracker's outbox in IndexedDB database `dbName` (object stores `outbox` and `meta`,
 * created in version 1): one queue per destination, oldest first. `add` resolves once the events
 * are committed, so a tab closed right after loses nothing; events are deleted only by `remove`,
 * after the backend acknowledged them, and the next visit (the same `dbName`) finds the rest.
 *
 * Caps per destination, applied on `add` and `take`: beyond `maxEvents` the oldest are dropped,
 * and events queued more than `maxAgeMs` ago (by `now`, default `Date.now`) are dropped; both
 * are counted for `takeDropped`, so the tracker can report them instead of losing them silently.
 *
 * Without IndexedDB, or when it cannot be opened (some private modes, storage blocked by the
 * user), the outbox lives in memory (`persistent: false`) and one console warning says that
 * events are lost if the tab closes before they are sent. It has the same queues (in the same
 * order) and caps, held in the page's mirror below, for this page only; `spill` does nothing.
 */
export async function createOutbox(options: {
  dbName: string;
  maxEvents: number;
  maxAgeMs: number;
  now?: () => number;
}): Promise<TrackerOutbox> {
  const { maxEvents, maxAgeMs } = options;
  const now = options.now ?? Date.now;
  const spillKey = SPILL_PREFIX + options.dbName;
  let db: IDBDatabase | undefined;
  try {
    const request = indexedDB.open(options.dbName, 1);
    request.onupgradeneeded = () => {
      request.result
        .createObjectStore(OUTBOX, { keyPath: ['destination', 'id'] })
        .createIndex(QUEUE, ['destination', 'at', 'ts', 'seq']);
      request.result.createObjectStore(META);
    };
    const opened = (db = await settled(request));
    // A newer tracker in another tab wants to upgrade (or a test deletes the database): let it.
    opened.onversionchange = () => opened.close();
  } catch (error) {
    console.warn(
      `vitrine tracker: IndexedDB is unavailable (${String(error)}); events are kept in memory and are lost if the tab closes before they are sent`,
    );
  }

  /**
   * What this page queued or read and has not removed, per destination (id → row, oldest put
   * first), for `peek`. At most `maxEvents` per destination (the oldest put are forgotten first),
   * so events that another tab removed cannot pile up. Without IndexedDB, the queues themselves.
   */
  const mirror = new Map<string, Map<string, Row>>();
  /** Rows of the mirror known to be committed to IndexedDB. */
  const durable = new WeakSet<Row>();
  /**
   * Per destination, an upper bound of its queue's length as this page knows it: exact after a
   * count, raised by every write, lowered by removals. A write counts the queue (and applies the
   * caps) only when this could exceed `maxEvents`, so the usual write is puts alone. Rows that
   * other tabs queue are not seen here; `take` always applies both caps, so the queue is back
   * within them at this page's next send.
   */
  const known = new Map<string, number>();
  /** Values of `setMeta` and `write` without IndexedDB. */
  const memoryMeta = new Map<string, unknown>();
  let dropped = noCounts();
  /** Whether localStorage may hold a spill of this page (to be rewritten as writes commit). */
  let spilled = false;
  let spillWarned = false;

  /** Puts `rows` in the mirror (an id put again moves to the end); returns how many it forgot. */
  const put = (rows: readonly Row[]) => {
    let forgotten = 0;
    for (const row of rows) {
      let queue = mirror.get(row.destination);
      if (!queue) mirror.set(row.destination, (queue = new Map()));
      queue.delete(row.id);
      queue.set(row.id, row);
      for (const id of queue.keys()) {
        if (queue.size <= maxEvents) break;
        queue.delete(id);
        forgotten++;
      }
    }
    return forgotten;
  };

  const forget = (destination: string, ids: Iterable<string>) => {
    const queue = mirror.get(destination);
    if (queue) for (const id of ids) queue.delete(id);
  };

  /**
   * The start of the age cap (rows queued before it are too old). Without IndexedDB, also drops
   * and counts the rows of `destination` that are too old.
   */
  const expire = (destination: string) => {
    const oldest = now() - maxAgeMs;
    const queue = mirror.get(destination);
    if (!db && queue)
      for (const row of queue.values())
        if (row.at < oldest) {
          queue.delete(row.id);
          dropped.expired++;
        }
    return oldest;
  };

  /**
   * Runs `body` in a read-write transaction on `stores` (`outbox` among them), with the `outbox`
   * store and where to count what the caps drop; resolves once it has committed, and only then
   * counts those for `takeDropped`; rejects with its error when it aborts (a failed request aborts it).
   */
  const run = (
    stores: string | string[],
    body: (outbox: IDBObjectStore, counts: Counts, tx: IDBTransaction) => unknown,
  ) =>
    new Promise((resolve, reject) => {
      const tx = db!.transaction(stores, 'readwrite');
      const counts = noCounts();
      body(tx.objectStore(OUTBOX), counts, tx);
      tx.oncomplete = () => {
        dropped.overflow += counts.overflow;
        dropped.expired += counts.expired;
        resolve(0);
      };
      tx.onabort = () => reject(tx.error);
    });

  /**
   * Applies the caps to `destination` inside a read-write transaction: walks its queue oldest
   * first, deleting while there are too many or the row is too old, and adds what it dropped to
   * `counts` (to be counted once the transaction has committed). Then calls `then`.
   */
  const enforce = (outbox: IDBObjectStore, destination: string, counts: Counts, then?: () => void) => {
    const index = outbox.index(QUEUE);
    const oldest = now() - maxAgeMs;
    // Requests run in order: the count is known by the cursor's first step.
    const total = index.count(queueOf(destination));
    const cursor = index.openCursor(queueOf(destination));
    let left: number | undefined;
    cursor.onsuccess = () => {
      left ??= total.result;
      const step = cursor.result;
      const old = step && step.value.at < oldest;
      if (step && (old || left > maxEvents)) {
        counts[old ? 'expired' : 'overflow']++;
        forget(destination, [step.value.id]);
        step.delete();
        left--;
        step.continue();
      } else {
        known.set(destination, left);
        then?.();
      }
    };
  };

  /** Every row of the mirror not known to be committed, oldest first. */
  const unsaved = () =>
    [...mirror.values()]
      .flatMap((queue) => [...queue.values()])
      .filter((row) => !durable.has(row))
      .sort(byQueue);

  // When the last write was queued (see `write`).
  let lastAt = 0;
  const outbox: TrackerOutbox = {
    persistent: !!db,

    add(destination, events) {
      return outbox.write([destination], events);
    },

    async write(destinations, events, meta) {
      const queued = events.length ? destinations : [];
      const entries = Object.entries(meta ?? {});
      if (!queued.length && !entries.length) return;
      // Strictly after the previous write, even within the same millisecond: `at` orders the queue.
      const at = (lastAt = Math.max(now(), lastAt + 0.001));
      const rows = queued.flatMap((destination) => {
        expire(destination);
        const group = events.map((event): Row => ({
          destination,
          id: event.id,
          at,
          ts: event.ts,
          seq: event.seq,
          event,
        }));
        // In the mirror at once: a page hidden before the commit can still send them. Without
        // IndexedDB the mirror is the queue, and what it forgets is the overflow.
        const forgotten = put(group);
        if (!db) dropped.overflow += forgotten;
        return group;
      });
      if (!db) {
        for (const [key, value] of entries) memoryMeta.set(key, value);
        return;
      }
      try {
        await run([OUTBOX, META], (store, counts, tx) => {
          for (const row of rows) store.put(row);
          for (const [key, value] of entries) tx.objectStore(META).put(value, key);
          for (const destination of queued) {
            const before = known.get(destination);
            known.set(destination, (before ?? 0) + events.length);
            // The cap needs a count only when this page's estimate could be over it (see `known`).
            if (before === undefined || before + events.length > maxEvents)
              enforce(store, destination, counts);
          }
        });
        for (const row of rows) durable.add(row);
        if (spilled) outbox.spill();
      } catch (error) {
        for (const row of rows) forget(row.destination, [row.id]);
        for (const destination of queued) known.delete(destination);
        throw error;
      }
    },

    async take(destination, limit) {
      if (!db) return outbox.peek(destination, limit);
      let read: IDBRequest<Row[]>;
      await run(OUTBOX, (store, counts) =>
        enforce(store, destination, counts, () => {
          read = store.index(QUEUE).getAll(queueOf(destination), Math.max(0, limit));
        }),
      );
      const rows = read!.result;
      put(rows);
      for (const row of rows) durable.add(row);
      return rows.map((row) => row.event);
    },

    /**
     * Up to `limit` events of `destination` queued at or after the age cap: first those not yet
     * committed (a closing page loses them unless they are sent), then the rest; oldest first in each.
     */
    peek(destination, limit) {
      const oldest = expire(destination);
      return [...(mirror.get(destination)?.values() ?? [])]
        .filter((row) => row.at >= oldest)
        .sort((a, b) => +durable.has(a) - +durable.has(b) || byQueue(a, b))
        .slice(0, Math.max(0, limit))
        .map((row) => row.event);
    },

    spill() {
      if (!db) return;
      const rows = unsaved().slice(-SPILL_MAX_EVENTS);
      spilled = rows.length > 0;
      try {
        if (spilled) localStorage.setItem(spillKey, JSON.stringify(rows));
        else localStorage.removeItem(spillKey);
      } catch (error) {
        if (!spillWarned)
          console.warn(
            `vitrine tracker: events not yet saved could not be kept in localStorage (${String(error)})`,
          );
        spillWarned = true;
      }
    },

    async remove(destination, ids) {
      if (db) {
        if (!ids.length) return;
        await run(OUTBOX, (store) => {
          for (const id of ids) store.delete([destination, id]);
        });
        const before = known.get(destination);
        if (before !== undefined) known.set(destination, Math.max(0, before - ids.length));
      } else expire(destination);
      forget(destination, ids);
    },

    async clear() {
      mirror.clear();
      known.clear();
      memoryMeta.clear();
      outbox.spill();
      if (db)
        await run([OUTBOX, META], (store, _counts, tx) => {
          store.clear();
          tx.objectStore(META).clear();
        });
    },

    takeDropped() {
      const counts = dropped;
      dropped = noCounts();
      return counts;
    },

    async getMeta(key) {
      return db ? settled(db.transaction(META).objectStore(META).get(key)) : memoryMeta.get(key);
    },

    setMeta(key, value) {
      return outbox.write([], [], { [key]: value });
    },

    close() {
      db?.close();
    },
  };

  if (db) {
    // Moves the rows a closing page left in localStorage (see `spill`) into IndexedDB.
    let rows: unknown;
    try {
      const text = localStorage.getItem(spillKey);
      if (text === null) return outbox;
      rows = JSON.parse(text);
    } catch (error) {
      console.warn(`vitrine tracker: unreadable events in localStorage were dropped (${String(error)})`);
    }
    // Only rows are kept (a string `destination` implies an object; `?.` skips null).
    const valid = (Array.isArray(rows) ? (rows as (Partial<Row> | null)[]) : []).filter(
      (row): row is Row =>
        typeof row?.destination === 'string' &&
        typeof row.id === 'string' &&
        typeof row.at === 'number' &&
        typeof row.event === 'object',
    );
    if (valid.length)
      await run(OUTBOX, (store) => {
        for (const row of valid) store.put(row);
      });
    try {
      localStorage.removeItem(spillKey);
    } catch {
      // Read a moment ago: only a revoked permission lands here; the rows are in IndexedDB now.
    }
  }
  return outbox;
}
