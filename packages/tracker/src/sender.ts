import { WIRE_BATCH_MAX_EVENTS, type WireEvent } from '@vitrine/schema';
import type { Destination, Outbox } from './types.js';

/** Sends the outbox to its destinations: on a timer, when the network returns, at page hide. */
export interface Sender {
  /**
   * Sends what is queued. Resolves once every destination has been tried (a destination waiting
   * out its backoff is skipped). `final` while the page is being hidden or closed: one unconfirmed
   * send per destination, dispatched before the first `await`. Never rejects.
   */
  flush(final?: boolean): Promise<void>;
  /** Sends every `flushMs` while the page is visible, at once on `online`, and at page hide. */
  start(): void;
  /** Stops the timer and the listeners; what is queued stays for the next visit. */
  stop(): void;
}

/** Settings of {@link createSender}. */
export interface SenderOptions {
  outbox: Outbox & { peek?(destination: string, limit: number): WireEvent[] };
  destinations: readonly Destination[];
  /** Milliseconds between sends while the page is visible. */
  flushMs: number;
  /** Called after a flush with the events the outbox's caps dropped since the last one (non-zero only). */
  onDropped?: (counts: { overflow: number; expired: number }) => void;
  /** Backoff of the first retry, doubled per failure. Default 1 s. */
  baseBackoffMs?: number;
  /** Longest backoff. Default 5 minutes. */
  maxBackoffMs?: number;
  /** Jitter source, 0 ≤ x < 1. Default `Math.random`. */
  random?: () => number;
}

const BASE_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 5 * 60_000;

/** Per destination: one send loop at a time, and its backoff. */
interface Lane {
  destination: Destination;
  /** The running send loop, awaited by a flush that finds it. */
  running: Promise<void> | null;
  /** A flush asked for another pass while the loop was running. */
  again: boolean;
  failures: number;
  /** No send before this time (`Date.now()`), after a failure. */
  until: number;
  /** Events handed to a page-hide send since the page was last visible: not sent twice. */
  hidden: Set<string>;
}

/**
 * Sends the outbox to `destinations`. Per destination, one loop at a time: take the oldest events
 * (up to {@link WIRE_BATCH_MAX_EVENTS}), `send`, and `remove` them once acknowledged; repeat while
 * full batches come. A flush that finds the loop running waits for it, and the loop makes one
 * more pass, so sends never overlap and `await flush()` still covers what was queued before it.
 *
 * A failure (`false` or a rejection) stops that destination's loop for an exponential backoff with
 * full jitter — a random wait up to `baseBackoffMs · 2^(failures − 1)`, at most `maxBackoffMs` —
 * so many pages coming back online do not retry in step
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). A success resets it;
 * `online` ends it at once. Other destinations go on meanwhile.
 *
 * At page hide (`flush(true)`, on `visibilitychange` to hidden and on `pagehide`) each destination
 * gets one `final` send of the events `outbox.peek` lists, called synchronously: a closing page
 * runs no later task, so an IndexedDB read would never return. Without `peek` the events are read
 * from the outbox first. Final sends ignore the backoff and a running loop (the loop's request is
 * cancelled with the page); what they could not confirm stays queued and is resent later.
 *
 * After every flush the outbox's cap counts go to `onDropped`. Failures never throw out: one
 * console warning per destination and kind of error.
 */
export function createSender(options: SenderOptions): Sender {
  const random = options.random ?? Math.random;
  const base = options.baseBackoffMs ?? BASE_BACKOFF_MS;
  const cap = options.maxBackoffMs ?? MAX_BACKOFF_MS;
  const { outbox } = options;
  const lanes: Lane[] = options.destinations.map((destination) => ({
    destination,
    running: null,
    again: false,
    failures: 0,
    until: 0,
    hidden: new Set(),
  }));
  const warned = new Set<string>();
  let timer: ReturnType<typeof setInterval> | undefined;

  function warnOnce(kind: string, message: string, error: unknown): void {
    if (warned.has(kind)) return;
    warned.add(kind);
    console.warn(`vitrine tracker: ${message} (${String(error)})`);
  }

  const errorKind = (error: unknown) => (error instanceof Error ? error.name : typeof error);

  /** `destination.send`, with a throw (sync or async) turned into `false` and one warning. */
  function attempt(lane: Lane, events: WireEvent[], final: boolean): Promise<boolean> {
    const { name } = lane.destination;
    const fail = (error: unknown) => {
      warnOnce(`send ${name} ${errorKind(error)}`, `sending to ${name} failed; retrying later`, error);
      return false;
    };
    try {
      return Promise.resolve(lane.destination.send(events, { final })).then((ok) => ok === true, fail);
    } catch (error) {
      return Promise.resolve(fail(error));
    }
  }

  async function remove(lane: Lane, events: readonly WireEvent[]): Promise<boolean> {
    const ids = events.map((event) => event.id);
    for (const id of ids) lane.hidden.delete(id);
    try {
      await outbox.remove(lane.destination.name, ids);
      return true;
    } catch (error) {
      warnOnce(`remove ${errorKind(error)}`, 'the outbox could not delete sent events', error);
      return false;
    }
  }

  /** One pass of a destination's loop (see {@link createSender}). */
  async function pump(lane: Lane): Promise<void> {
    const { name } = lane.destination;
    for (;;) {
      if (Date.now() < lane.until) return;
      let events: WireEvent[];
      try {
        events = await outbox.take(name, WIRE_BATCH_MAX_EVENTS);
      } catch (error) {
        warnOnce(`take ${errorKind(error)}`, 'the outbox could not be read', error);
        return;
      }
      if (!events.length) return;
      if (!(await attempt(lane, events, false))) {
        lane.failures++;
        const ceiling = Math.min(cap, base * 2 ** Math.min(lane.failures - 1, 30));
        lane.until = Date.now() + random() * ceiling;
        return;
      }
      lane.failures = 0;
      lane.until = 0;
      if (!(await remove(lane, events)) || events.length < WIRE_BATCH_MAX_EVENTS) return;
    }
  }

  function drain(lane: Lane): Promise<void> {
    if (lane.running) {
      lane.again = true;
      return lane.running;
    }
    const run = (async () => {
      try {
        do {
          lane.again = false;
          await pump(lane);
        } while (lane.again);
      } finally {
        lane.running = null;
      }
    })();
    lane.running = run;
    return run;
  }

  /**
   * The page-hide send of one destination. Synchronous up to `destination.send` when the outbox can
   * `peek`; events already handed to a page-hide send are left out, so `visibilitychange` then
   * `pagehide` (or a second listener) do not spend the keepalive budget twice on them.
   */
  async function sendFinal(lane: Lane): Promise<void> {
    const { name } = lane.destination;
    const fresh = (events: WireEvent[]) =>
      events.filter((event) => !lane.hidden.has(event.id)).slice(0, WIRE_BATCH_MAX_EVENTS);
    const limit = WIRE_BATCH_MAX_EVENTS + lane.hidden.size;
    let events: WireEvent[];
    try {
      events = fresh(outbox.peek ? outbox.peek(name, limit) : await outbox.take(name, limit));
    } catch (error) {
      warnOnce(`take ${errorKind(error)}`, 'the outbox could not be read', error);
      return;
    }
    if (!events.length) return;
    for (const event of events) lane.hidden.add(event.id);
    // A destination that can confirm at page hide (a synchronous one) may resolve `true`.
    if (await attempt(lane, events, true)) await remove(lane, events);
  }

  function report(): void {
    try {
      const dropped = outbox.takeDropped();
      if (dropped.overflow || dropped.expired) options.onDropped?.(dropped);
    } catch (error) {
      warnOnce(`dropped ${errorKind(error)}`, 'reporting dropped events failed', error);
    }
  }

  async function flush(final = false): Promise<void> {
    // `map` calls every `sendFinal` synchronously, so each reaches its `send` within the handler.
    await Promise.all(lanes.map((lane) => (final ? sendFinal(lane) : drain(lane))));
    report();
  }

  const onOnline = () => {
    for (const lane of lanes) lane.until = 0;
    void flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') void flush(true);
    else {
      // Visible again: a later hide may send those events again; for now, send and confirm them.
      for (const lane of lanes) lane.hidden.clear();
      void flush();
    }
  };
  const onPageHide = () => void flush(true);
  const tick = () => {
    if (document.visibilityState === 'visible') void flush();
  };

  return {
    flush,
    start() {
      if (timer !== undefined) return;
      timer = setInterval(tick, options.flushMs);
      addEventListener('online', onOnline);
      addEventListener('pagehide', onPageHide);
      document.addEventListener('visibilitychange', onVisibility);
      tick();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      removeEventListener('online', onOnline);
      removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
