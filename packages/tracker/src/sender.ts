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
  const warned = new Set<string>();
  let timer: ReturnType<typeof setInterval> | undefined;

  /** One console warning per `kind` of failure and kind of `error`. */
  const warn = (kind: string, message: string, error: unknown) => {
    kind += ` ${error instanceof Error ? error.name : typeof error}`;
    if (warned.has(kind)) return;
    warned.add(kind);
    console.warn(`vitrine tracker: ${message} (${String(error)})`);
  };

  /**
   * Per destination, its lane: one send loop at a time, and its backoff. Called by a flush:
   * `final`, the page-hide send; else a pass of the loop, after the page event `type` (if any) has
   * ended the backoff (`online`) or forgotten the page-hide sends (`visibilitychange` to visible).
   */
  const lanes = options.destinations.map((destination) => {
    const { name } = destination;
    /** The running send loop, awaited by a flush that finds it. */
    let running: Promise<void> | undefined;
    /** A flush asked for another pass while the loop was running. */
    let again = false;
    let failures = 0;
    /** No send before this time (`Date.now()`), after a failure. */
    let until = 0;
    /** Events handed to a page-hide send since the page was last visible: not sent twice. */
    const hidden = new Set<string>();

    /** `destination.send`, with a throw (sync or async) turned into `false` and one warning. */
    const attempt = async (events: WireEvent[], final: boolean) => {
      try {
        return (await destination.send(events, { final })) === true;
      } catch (error) {
        warn(`send ${name}`, `sending to ${name} failed; retrying later`, error);
        return false;
      }
    };

    const remove = async (events: readonly WireEvent[]) => {
      const ids = events.map((event) => event.id);
      for (const id of ids) hidden.delete(id);
      try {
        await outbox.remove(name, ids);
        return true;
      } catch (error) {
        warn('remove', 'the outbox could not delete sent events', error);
        return false;
      }
    };

    /** One pass of the loop (see {@link createSender}). */
    const pump = async () => {
      for (;;) {
        if (Date.now() < until) return;
        let events: WireEvent[];
        try {
          events = await outbox.take(name, WIRE_BATCH_MAX_EVENTS);
        } catch (error) {
          warn('take', 'the outbox could not be read', error);
          return;
        }
        if (!events.length) return;
        if (!(await attempt(events, false))) {
          until = Date.now() + random() * Math.min(cap, base * 2 ** Math.min(failures++, 30));
          return;
        }
        failures = until = 0;
        if (!(await remove(events)) || events.length < WIRE_BATCH_MAX_EVENTS) return;
      }
    };

    /**
     * The page-hide send. Synchronous up to `destination.send` when the outbox can `peek`; events
     * already handed to a page-hide send are left out, so `visibilitychange` then `pagehide` (or a
     * second listener) do not spend the keepalive budget twice on them.
     */
    const sendFinal = async () => {
      const limit = WIRE_BATCH_MAX_EVENTS + hidden.size;
      let events: WireEvent[];
      try {
        events = (outbox.peek ? outbox.peek(name, limit) : await outbox.take(name, limit))
          .filter((event) => !hidden.has(event.id))
          .slice(0, WIRE_BATCH_MAX_EVENTS);
      } catch (error) {
        warn('take', 'the outbox could not be read', error);
        return;
      }
      if (!events.length) return;
      for (const event of events) hidden.add(event.id);
      // A destination that can confirm at page hide (a synchronous one) may resolve `true`.
      if (await attempt(events, true)) await remove(events);
    };

    return (final: boolean, type?: string): Promise<void> => {
      if (final) return sendFinal();
      if (type === 'online') until = 0;
      // Visible again: a later hide may send those events again; for now, send and confirm them.
      if (type === 'visibilitychange') hidden.clear();
      if (running) {
        again = true;
        return running;
      }
      return (running = (async () => {
        try {
          do {
            again = false;
            await pump();
          } while (again);
        } finally {
          running = undefined;
        }
      })());
    };
  });

  /** A flush, after the page event `type` if any (see `lanes`). */
  async function flush(final = false, type?: string): Promise<void> {
    // `map` calls every page-hide send synchronously, so each reaches its `send` within the handler.
    await Promise.all(lanes.map((lane) => lane(final, type)));
    try {
      const dropped = outbox.takeDropped();
      if (dropped.overflow || dropped.expired) options.onDropped?.(dropped);
    } catch (error) {
      warn('dropped', 'reporting dropped events failed', error);
    }
  }

  /** `online`: send now; `pagehide`, `visibilitychange` to hidden: the page-hide send. */
  const onEvent = ({ type }: Event) =>
    void flush(type === 'pagehide' || (type !== 'online' && document.visibilityState === 'hidden'), type);
  const tick = () => {
    if (document.visibilityState === 'visible') void flush();
  };
  return {
    flush: (final) => flush(final),
    start() {
      if (timer !== undefined) return;
      timer = setInterval(tick, options.flushMs);
      addEventListener('online', onEvent);
      addEventListener('pagehide', onEvent);
      document.addEventListener('visibilitychange', onEvent);
      tick();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      removeEventListener('online', onEvent);
      removeEventListener('pagehide', onEvent);
      document.removeEventListener('visibilitychange', onEvent);
    },
  };
}
