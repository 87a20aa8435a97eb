import { WIRE_BATCH_MAX_EVENTS } from '@vitrine/schema';
import type { Destination, Outbox } from './types.js';

/** Sends the outbox to its destinations: on a timer, when the network returns, at page hide. */
export interface Sender {
  /** Sends what is queued now; `final` while the page is being hidden or closed. */
  flush(final?: boolean): Promise<void>;
  start(): void;
  stop(): void;
}

const BASE_MS = 1000;
const CAP_MS = 5 * 60_000;

/**
 * Per destination: take the oldest events (up to 500), send, delete on acknowledgement. A failure
 * waits an exponential backoff with full jitter (1 s doubling up to 5 min; reset by a success)
 * before that destination is tried again; other destinations go on. One send at a time per
 * destination. Events dropped by the outbox's caps are reported through `onDropped`.
 */
export function createSender(options: {
  outbox: Outbox;
  destinations: Destination[];
  flushMs: number;
  onDropped?: (counts: { overflow: number; expired: number }) => void;
  random?: () => number;
  baseBackoffMs?: number;
}): Sender {
  const random = options.random ?? Math.random;
  const base = options.baseBackoffMs ?? BASE_MS;
  const state = new Map(
    options.destinations.map((d) => [d.name, { busy: null as Promise<void> | null, failures: 0, until: 0 }]),
  );
  const warned = new Set<string>();
  let timer: ReturnType<typeof setInterval> | undefined;

  /**
   * One send loop per destination at a time: a flush that finds one running waits for it and then
   * sends what was queued meanwhile, so `await flush()` means "what was queued is sent".
   */
  async function drain(destination: Destination, final: boolean): Promise<void> {
    const s = state.get(destination.name)!;
    while (s.busy) await s.busy;
    if (!final && Date.now() < s.until) return;
    const run = send(destination, final, s);
    s.busy = run;
    try {
      await run;
    } finally {
      s.busy = null;
    }
  }

  async function send(
    destination: Destination,
    final: boolean,
    s: { failures: number; until: number },
  ): Promise<void> {
    try {
      for (;;) {
        const events = await options.outbox.take(destination.name, WIRE_BATCH_MAX_EVENTS);
        if (!events.length) return;
        let acked = false;
        try {
          acked = await destination.send(events, { final });
        } catch (error) {
          const kind = `${destination.name}: ${error instanceof Error ? error.name : 'error'}`;
          if (!warned.has(kind)) {
            warned.add(kind);
            console.warn(
              `vitrine tracker: sending to ${destination.name} failed (${String(error)}); retrying later`,
            );
          }
        }
        if (final) {
          // Unconfirmed (beacon / keepalive): keep them; the collector drops duplicates by id.
          if (acked)
            await options.outbox.remove(
              destination.name,
              events.map((e) => e.id),
            );
          return;
        }
        if (!acked) {
          s.failures++;
          const ceiling = Math.min(CAP_MS, base * 2 ** (s.failures - 1));
          s.until = Date.now() + random() * ceiling;
          return;
        }
        s.failures = 0;
        s.until = 0;
        await options.outbox.remove(
          destination.name,
          events.map((e) => e.id),
        );
        if (events.length < WIRE_BATCH_MAX_EVENTS) return;
      }
    } catch (error) {
      console.warn(`vitrine tracker: the outbox of ${destination.name} could not be read: ${String(error)}`);
    }
  }

  async function flush(final = false): Promise<void> {
    await Promise.all(options.destinations.map((d) => drain(d, final)));
    const dropped = options.outbox.takeDropped();
    if (dropped.overflow || dropped.expired) options.onDropped?.(dropped);
  }

  const onOnline = () => {
    for (const s of state.values()) s.until = 0;
    void flush();
  };
  const tick = () => {
    if (document.visibilityState === 'visible') void flush();
  };

  return {
    flush,
    start() {
      if (timer !== undefined) return;
      timer = setInterval(tick, options.flushMs);
      addEventListener('online', onOnline);
      void flush();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      removeEventListener('online', onOnline);
    },
  };
}
