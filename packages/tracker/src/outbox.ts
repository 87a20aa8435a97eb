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
type OutboxStore =
  | IDBPObjectStore<TrackerDB, ['outbox'], 'outbox', 'readwrite'>
  | IDBPObjectStore<TrackerDB, ('outbox' | 'meta')[], 'outbox', 'readwrite'>;

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
  const outbox = new IdbOutbox(db, options.maxEvents, options.maxAgeMs, now);
  await outbox.restore();
  return outbox;
}

/**
 * What this page queued or read and has not removed, per destination, for {@link TrackerOutbox.peek}:
 * each row with whether it is known to be committed to IndexedDB. At most `maxEvents` per
 * destination (the oldest are forgotten first), so events that another tab removed cannot pile up.
 */
class Mirror {
  private readonly _rows = new Map<string, Map<string, { row: Row; durable: boolean }>>();
  private readonly _cap: number;

  constructor(cap: number) {
    this._cap = Math.max(0, cap);
  }

  put(rows: readonly Row[], durable: boolean): void {
    for (const row of rows) {
      let queue = this._rows.get(row.destination);
      if (!queue) this._rows.set(row.destination, (queue = new Map()));
      queue.delete(row.id);
      queue.set(row.id, { row, durable });
      for (const id of queue.keys()) {
        if (queue.size <= this._cap) break;
        queue.delete(id);
      }
    }
  }

  /** Marks rows as committed. */
  settle(rows: readonly Row[]): void {
    for (const row of rows) {
      const entry = this._rows.get(row.destination)?.get(row.id);
      if (entry?.row === row) entry.durable = true;
    }
  }

  delete(destination: string, ids: Iterable<string>): void {
    const queue = this._rows.get(destination);
    if (queue) for (const id of ids) queue.delete(id);
  }

  /**
   * Up to `limit` events of `destination` queued at or after `oldest`: first those not yet
   * committed (a closing page loses them unless they are sent), then the rest; oldest first in each.
   */
  peek(destination: string, limit: number, oldest: number): WireEvent[] {
    const entries = [...(this._rows.get(destination)?.values() ?? [])].filter((e) => e.row.at >= oldest);
    return entries
      .sort((a, b) => Number(a.durable) - Number(b.durable) || byQueue(a.row, b.row))
      .slice(0, Math.max(0, limit))
      .map((entry) => entry.row.event);
  }

  /** Every row not known to be committed, oldest first. */
  unsaved(): Row[] {
    const rows: Row[] = [];
    for (const queue of this._rows.values()) for (const e of queue.values()) if (!e.durable) rows.push(e.row);
    return rows.sort(byQueue);
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
  /**
   * Per destination, an upper bound of its queue's length as this page knows it: exact after a
   * count, raised by every write, lowered by removals. A write counts the queue (and applies the
   * caps) only when this could exceed `maxEvents`, so the usual write is puts alone. Rows that
   * other tabs queue are not seen here; `take` always applies both caps, so the queue is back
   * within them at this page's next send.
   */
  private readonly _known = new Map<string, number>();
  private readonly _spillKey: string;
  /** Whether localStorage may hold a spill of this page (to be rewritten as writes commit). */
  private _spilled = false;
  private _spillWarned = false;
  private _dropped: Counts = { overflow: 0, expired: 0 };

  constructor(db: IDBPDatabase<TrackerDB>, maxEvents: number, maxAgeMs: number, now: () => number) {
    this._db = db;
    this._spillKey = `${SPILL_PREFIX}${db.name}`;
    this._maxEvents = maxEvents;
    this._maxAgeMs = maxAgeMs;
    this._now = now;
    this._mirror = new Mirror(maxEvents);
  }

  add(destination: string, events: WireEvent[]): Promise<void> {
    return this.write([destination], events);
  }

  async write(
    destinations: readonly string[],
    events: WireEvent[],
    meta?: Record<string, unknown>,
  ): Promise<void> {
    const queued = events.length ? destinations : [];
    const metaEntries = Object.entries(meta ?? {});
    if (!queued.length && !metaEntries.length) return;
    const at = this._now();
    const rows = queued.map((destination) =>
      events.map((event): Row => ({ destination, id: event.id, at, ts: event.ts, seq: event.seq, event })),
    );
    // In the mirror at once: a page hidden before the commit can still send them.
    for (const group of rows) this._mirror.put(group, false);
    try {
      const tx = this._db.transaction([OUTBOX, META], 'readwrite');
      const store = tx.objectStore(OUTBOX);
      // A failed put aborts the transaction, so `done` rejects with the same error.
      for (const group of rows) for (const row of group) store.put(row).catch(() => undefined);
      for (const [key, value] of metaEntries)
        tx.objectStore(META)
          .put(value, key)
          .catch(() => undefined);
      const dropped: Counts[] = [];
      for (const destination of queued) {
        const known = this._known.get(destination);
        this._known.set(destination, (known ?? 0) + events.length);
        // The cap needs a count only when this page's estimate could be over it (see `_known`).
        if (known === undefined || known + events.length > this._maxEvents)
          dropped.push(await this._enforce(store, destination));
      }
      await tx.done;
      for (const counts of dropped) this._count(counts);
      for (const group of rows) this._mirror.settle(group);
      if (this._spilled) this.spill();
    } catch (error) {
      for (const group of rows)
        if (group[0])
          this._mirror.delete(
            group[0].destination,
            group.map((row) => row.id),
          );
      for (const destination of queued) this._known.delete(destination);
      throw error;
    }
  }

  async take(destination: string, limit: number): Promise<WireEvent[]> {
    const tx = this._db.transaction(OUTBOX, 'readwrite');
    const dropped = await this._enforce(tx.store, destination);
    const rows = await tx.store.index(QUEUE).getAll(queueOf(destination), Math.max(0, limit));
    await tx.done;
    this._count(dropped);
    this._mirror.put(rows, true);
    return rows.map((row) => row.event);
  }

  peek(destination: string, limit: number): WireEvent[] {
    return this._mirror.peek(destination, limit, this._now() - this._maxAgeMs);
  }

  spill(): void {
    const rows = this._mirror.unsaved().slice(-SPILL_MAX_EVENTS);
    this._spilled = rows.length > 0;
    try {
      if (rows.length) localStorage.setItem(this._spillKey, JSON.stringify(rows));
      else localStorage.removeItem(this._spillKey);
    } catch (error) {
      if (!this._spillWarned)
        console.warn(
          `vitrine tracker: events not yet saved could not be kept in localStorage (${String(error)})`,
        );
      this._spillWarned = true;
    }
  }

  /** Moves the rows a closing page left in localStorage (see `spill`) into IndexedDB. */
  async restore(): Promise<void> {
    let rows: unknown;
    try {
      const text = localStorage.getItem(this._spillKey);
      if (text === null) return;
      rows = JSON.parse(text);
    } catch (error) {
      console.warn(`vitrine tracker: unreadable events in localStorage were dropped (${String(error)})`);
      rows = [];
    }
    const valid = (Array.isArray(rows) ? rows : []).filter(
      (row): row is Row =>
        typeof row === 'object' &&
        row !== null &&
        typeof (row as Row).destination === 'string' &&
        typeof (row as Row).id === 'string' &&
        typeof (row as Row).at === 'number' &&
        typeof (row as Row).event === 'object',
    );
    if (valid.length) {
      const tx = this._db.transaction(OUTBOX, 'readwrite');
      for (const row of valid) tx.store.put(row).catch(() => undefined);
      await tx.done;
    }
    try {
      localStorage.removeItem(this._spillKey);
    } catch {
      // Read a moment ago: only a revoked permission lands here; the rows are in IndexedDB now.
    }
  }

  async remove(destination: string, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const tx = this._db.transaction(OUTBOX, 'readwrite');
    for (const id of ids) tx.store.delete([destination, id]).catch(() => undefined);
    await tx.done;
    this._mirror.delete(destination, ids);
    const known = this._known.get(destination);
    if (known !== undefined) this._known.set(destination, Math.max(0, known - ids.length));
  }

  async clear(): Promise<void> {
    this._mirror.clear();
    this._known.clear();
    this.spill();
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
    this._known.set(destination, count);
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

  async write(
    destinations: readonly string[],
    events: WireEvent[],
    meta?: Record<string, unknown>,
  ): Promise<void> {
    // `add` has no await: every queue is filled before this returns, as `peek` expects.
    for (const destination of destinations) void this.add(destination, events);
    for (const [key, value] of Object.entries(meta ?? {})) this._meta.set(key, value);
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

  spill(): void {}

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
