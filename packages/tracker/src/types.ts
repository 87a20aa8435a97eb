import type { WireDataMap, WireEvent, WireEventType } from '@vitrine/schema';

/**
 * `required`: nothing is stored or sent until `grant()`; `granted`: tracking from the start;
 * `denied`: nothing, ever, until `grant()`.
 */
export type ConsentMode = 'required' | 'granted' | 'denied';

/** Where events go. Several can be used at once; each has its own queue in the outbox. */
export interface Destination {
  /** Unique, stable name (`vitrine`, `posthog`, `ga4`, `segment`, or the shop's own): keys its queue. */
  readonly name: string;
  /**
   * Sends `events` (at most 500, oldest first). Resolves `true` only when the backend has
   * acknowledged all of them: they are then deleted from the outbox. `false` (or a rejection)
   * keeps them for a retry with backoff. `final` is set while the page is being hidden or closed:
   * use `fetch(…, {keepalive: true})` or `navigator.sendBeacon`, whose delivery cannot be
   * confirmed — resolve `false` then, and let the collector drop the duplicates by event id.
   */
  send(events: WireEvent[], how: { final: boolean }): Promise<boolean>;
}

/** The tracker's settings, after defaults. */
export interface ResolvedOptions {
  consent: ConsentMode;
  /** Honour `navigator.globalPrivacyControl` (treated as `denied`). Default true. */
  respectGpc: boolean;
  /** Fraction 0..1 of sessions tracked at all. Default 1. */
  sampleSessions: number;
  /** Fraction 0..1 of tracked sessions recorded for replay. Default 0. */
  sampleReplay: number;
  /** Sampled pointer movement (heatmap `move` events). Default false. */
  moves: boolean;
  /** Web vitals. Default true. */
  vitals: boolean;
  /** Log every event with its schema check. Default false. */
  debug: boolean;
  /** A session ends after this long without an event. Default 30 minutes. */
  idleMs: number;
  /** Milliseconds between sends while the page is visible. Default 5000. */
  flushMs: number;
  /** Outbox caps: most events kept per destination (default 5000) and oldest age (default 7 days). */
  maxEvents: number;
  maxAgeMs: number;
  /** IndexedDB database name of the outbox and ids. Default `vitrine-tracker`. */
  dbName: string;
}

/** What a source of events (clicks, scroll, paths, funnel, vitals…) gets from the tracker. */
export interface SourceContext {
  /**
   * Records one event of `type`; the tracker adds the envelope (id, ts, session, visitor, seq,
   * page, device, experiments), checks consent and sampling, and queues it in the outbox.
   */
  emit<T extends WireEventType>(type: T, data: WireDataMap[T]): void;
  readonly options: Readonly<ResolvedOptions>;
  /**
   * True when `node` must never be described: a password or payment-card field (by `type` or
   * `autocomplete="cc-*"`), or inside an element with `data-vt-private` — across shadow roots.
   */
  isPrivate(node: Node): boolean;
}

/** A source starts listening when called and returns the function that stops it. */
export type Source = (context: SourceContext) => () => void;

/** The IndexedDB (or, without it, in-memory) queue of events not yet acknowledged. */
export interface Outbox {
  /** False when IndexedDB is unavailable and events live in memory only (a warning was logged). */
  readonly persistent: boolean;
  /** Queues `events` for `destination`; written before this resolves. Applies the caps. */
  add(destination: string, events: WireEvent[]): Promise<void>;
  /** The oldest `limit` events queued for `destination` (they stay queued). */
  take(destination: string, limit: number): Promise<WireEvent[]>;
  /** Deletes acknowledged events. */
  remove(destination: string, ids: readonly string[]): Promise<void>;
  /** Deletes everything (consent revoked). */
  clear(): Promise<void>;
  /** Events dropped by the caps since the last call (then reset to 0). */
  takeDropped(): { overflow: number; expired: number };
  close(): void;
}
