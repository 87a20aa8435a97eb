import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
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
}

/** One queued event of one destination. */
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

type QueueKey = [destination: string, at: number, ts: number, seq: number];

interface TrackerDB extends DBSchema {
  outbox: { key: [string, string]; value: Row; indexes: { queue: QueueKey } };
  meta: { key: string; value: unknown };
}

type Counts = { overflow: number; expired: number };
type OutboxStore = IDBPObjectStore<TrackerDB, ['outbox'], 'outbox', 'readwrite'>;

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
 * events are lost if the tab closes before they are sent.
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
      upgrade(database) {
        const outbox = database.createObjectStore(OUTBOX, { keyPath: ['destination', 'id'] });
        outbox.createIndex(QUEUE, ['destination', 'at', 'ts', 'seq']);
        database.createObjectStore(META);
      },
      // A newer tracker in another tab wants to upgrade (or a test deletes the database): let it.
      blocking: (_current, _next, event) => (event.target as IDBDatabase).close(),
    });
  } catch (error) {
    console.warn(
      `vitrine tracker: IndexedDB is unavailable (${String(error)}); events are kept in memory and are lost if the tab closes before they are sent`,
    );
    return new MemoryOutbox(options.maxEvents, options.maxAgeMs, now);
  }
  return new IdbOutbox(db, options.maxEvents, options.maxAgeMs, now);
}

/**
 * What this page queued or read and has not removed, per destination, for {@link TrackerOutbox.peek}.
 * At most `maxEvents` per destination (the oldest are forgotten first), so events that another
 * tab removed cannot pile up.
 */
class Mirror {
  private readonly _rows = new Map<string, Map<string, Row>>();
  private readonly _cap: number;

  constructor(cap: number) {
    this._cap = Math.max(0, cap);
  }

  put(rows: readonly Row[]): void {
    for (const row of rows) {
      let queue = this._rows.get(row.destination);
      if (!queue) this._rows.set(row.destination, (queue = new Map()));
      queue.delete(row.id);
      queue.set(row.id, row);
      for (const id of queue.keys()) {
        if (queue.size <= this._cap) break;
        queue.delete(id);
      }
    }
  }

  delete(destination: string, ids: Iterable<string>): void {
    const queue = this._rows.get(destination);
    if (queue) for (const id of ids) queue.delete(id);
  }

  peek(destination: string, limit: number, oldest: number): WireEvent[] {
    const rows = [...(this._rows.get(destination)?.values() ?? [])].filter((row) => row.at >= oldest);
    return rows
      .sort(byQueue)
      .slice(0, Math.max(0, limit))
      .map((row) => row.event);
  }

  clear(): void {
    this._rows.clear();
  }
}

class IdbOutbox implements TrackerOutbox {
  readonly persistent = true;
  private readonly _db: IDBPDatabase<TrackerDB>;
  private readonly _maxEvents: number;
  private readonly _maxAgeMs: number;
  private readonly _now: () => number;
  private readonly _mirror: Mirror;
  private _dropped: Counts = { overflow: 0, expired: 0 };

  constructor(db: IDBPDatabase<TrackerDB>, maxEvents: number, maxAgeMs: number, now: () => number) {
    this._db = db;
    this._maxEvents = maxEvents;
    this._maxAgeMs = maxAgeMs;
    this._now = now;
    this._mirror = new Mirror(maxEvents);
  }

  async add(destination: string, events: WireEvent[]): Promise<void> {
    if (!events.length) return;
    const at = this._now();
    const rows = events.map((event): Row => ({
      destination,
      id: event.id,
      at,
      ts: event.ts,
      seq: event.seq,
      event,
    }));
    // In the mirror at once: a page hidden before the commit can still send them.
    this._mirror.put(rows);
    try {
      const tx = this._db.transaction(OUTBOX, 'readwrite');
      // A failed put aborts the transaction, so `done` rejects with the same error.
      for (const row of rows) tx.store.put(row).catch(() => undefined);
      const dropped = await this._enforce(tx.store, destination);
      await tx.done;
      this._count(dropped);
    } catch (error) {
      this._mirror.delete(
        destination,
        rows.map((row) => row.id),
      );
      throw error;
    }
  }

  async take(destination: string, limit: number): Promise<WireEvent[]> {
    const tx = this._db.transaction(OUTBOX, 'readwrite');
    const dropped = await this._enforce(tx.store, destination);
    const rows = await tx.store.index(QUEUE).getAll(queueOf(destination), Math.max(0, limit));
    await tx.done;
    this._count(dropped);
    this._mirror.put(rows);
    return rows.map((row) => row.event);
  }

  peek(destination: string, limit: number): WireEvent[] {
    return this._mirror.peek(destination, limit, this._now() - this._maxAgeMs);
  }

  async remove(destination: string, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const tx = this._db.transaction(OUTBOX, 'readwrite');
    for (const id of ids) tx.store.delete([destination, id]).catch(() => undefined);
    await tx.done;
    this._mirror.delete(destination, ids);
  }

  async clear(): Promise<void> {
    this._mirror.clear();
    const tx = this._db.transaction([OUTBOX, META], 'readwrite');
    tx.objectStore(OUTBOX)
      .clear()
      .catch(() => undefined);
    tx.objectStore(META)
      .clear()
      .catch(() => undefined);
    await tx.done;
  }

  takeDropped(): Counts {
    const counts = this._dropped;
    this._dropped = { overflow: 0, expired: 0 };
    return counts;
  }

  getMeta(key: string): Promise<unknown> {
    return this._db.get(META, key);
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this._db.put(META, value, key);
  }

  close(): void {
    this._db.close();
  }

  /**
   * Applies the caps to `destination` inside a read-write transaction: walks its queue oldest
   * first, deleting while there are too many or the row is too old. Returns what it dropped, to
   * be counted once the transaction has committed.
   */
  private async _enforce(store: OutboxStore, destination: string): Promise<Counts> {
    const dropped: Counts = { overflow: 0, expired: 0 };
    const index = store.index(QUEUE);
    const oldest = this._now() - this._maxAgeMs;
    let count = await index.count(queueOf(destination));
    let cursor = await index.openCursor(queueOf(destination));
    const gone: string[] = [];
    while (cursor && (count > this._maxEvents || cursor.value.at < oldest)) {
      if (cursor.value.at < oldest) dropped.expired++;
      else dropped.overflow++;
      gone.push(cursor.value.id);
      cursor.delete().catch(() => undefined);
      count--;
      cursor = await cursor.continue();
    }
    this._mirror.delete(destination, gone);
    return dropped;
  }

  private _count(dropped: Counts): void {
    this._dropped.overflow += dropped.overflow;
    this._dropped.expired += dropped.expired;
  }
}

/** The outbox without IndexedDB: the same queues and caps, in memory, for this page only. */
class MemoryOutbox implements TrackerOutbox {
  readonly persistent = false;
  private readonly _queues = new Map<string, Row[]>();
  private readonly _meta = new Map<string, unknown>();
  private readonly _maxEvents: number;
  private readonly _maxAgeMs: number;
  private readonly _now: () => number;
  private _dropped: Counts = { overflow: 0, expired: 0 };

  constructor(maxEvents: number, maxAgeMs: number, now: () => number) {
    this._maxEvents = maxEvents;
    this._maxAgeMs = maxAgeMs;
    this._now = now;
  }

  async add(destination: string, events: WireEvent[]): Promise<void> {
    if (!events.length) return;
    const at = this._now();
    const ids = new Set(events.map((event) => event.id));
    // Like IndexedDB's `put`: an id queued again replaces the earlier copy.
    const queue = this._queue(destination).filter((row) => !ids.has(row.id));
    for (const event of events)
      queue.push({ destination, id: event.id, at, ts: event.ts, seq: event.seq, event });
    const overflow = Math.max(0, queue.length - this._maxEvents);
    queue.splice(0, overflow);
    this._dropped.overflow += overflow;
    this._queues.set(destination, queue);
  }

  async take(destination: string, limit: number): Promise<WireEvent[]> {
    return this.peek(destination, limit);
  }

  peek(destination: string, limit: number): WireEvent[] {
    return this._queue(destination)
      .slice(0, Math.max(0, limit))
      .map((row) => row.event);
  }

  async remove(destination: string, ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    this._queues.set(
      destination,
      this._queue(destination).filter((row) => !gone.has(row.id)),
    );
  }

  async clear(): Promise<void> {
    this._queues.clear();
    this._meta.clear();
  }

  takeDropped(): Counts {
    const counts = this._dropped;
    this._dropped = { overflow: 0, expired: 0 };
    return counts;
  }

  async getMeta(key: string): Promise<unknown> {
    return this._meta.get(key);
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    this._meta.set(key, value);
  }

  close(): void {}

  /** `destination`'s queue (oldest first) after dropping what is too old. */
  private _queue(destination: string): Row[] {
    const queue = this._queues.get(destination) ?? [];
    const oldest = this._now() - this._maxAgeMs;
    let expired = 0;
    while (expired < queue.length && queue[expired]!.at < oldest) expired++;
    if (expired) {
      queue.splice(0, expired);
      this._dropped.expired += expired;
    }
    this._queues.set(destination, queue);
    return queue;
  }
}
