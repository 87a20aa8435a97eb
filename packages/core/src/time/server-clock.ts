/**
 * The shop server's clock as this page sees it: the shopper's clock plus an offset. Flash sales
 * start and end by the server's time, so a shopper whose clock is wrong still sees the sale switch
 * at the right moment. One clock per page (kept on `globalThis`), so every element agrees.
 */
export interface ServerClock {
  /** Server time minus local time, in milliseconds; 0 until set. */
  readonly offset: number;
  /** True once the offset came from the server (an attribute or a `Date` header). */
  readonly synced: boolean;
  /** Server time now, milliseconds since the Unix epoch. */
  now(): number;
  /** Records that the server's time was `serverTime` when the local clock read `localTime`. */
  set(serverTime: number, localTime?: number): void;
}

const KEY = Symbol.for('vitrine.server-clock.v1');

class Clock implements ServerClock {
  offset = 0;
  synced = false;
  now(): number {
    return Date.now() + this.offset;
  }
  set(serverTime: number, localTime = Date.now()): void {
    this.offset = serverTime - localTime;
    this.synced = true;
  }
}

/** The page's server clock. */
export function getServerClock(): ServerClock {
  const registry = globalThis as { [KEY]?: ServerClock };
  return (registry[KEY] ??= new Clock());
}

/**
 * Reads a time attribute: an ISO 8601 date-time (`2026-11-28T20:00:00+08:00`) or epoch
 * milliseconds (`1795780800000`). NaN when missing or unreadable.
 */
export function parseInstant(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return NaN;
  if (typeof value === 'number') return value;
  return /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
}

/**
 * Sets the clock from the `Date` header of a `HEAD` request to `url` (same origin, or one that
 * lists `Date` in `Access-Control-Expose-Headers`). The header has whole seconds, so the offset is
 * taken at the middle of the round trip plus half a second. Rejects with a sentence naming the
 * URL when there is no usable header.
 */
export async function syncFromDateHeader(url: string, clock = getServerClock()): Promise<void> {
  const sent = Date.now();
  const res = await fetch(url, { method: 'HEAD', cache: 'no-store' });
  const received = Date.now();
  const date = Date.parse(res.headers.get('date') ?? '');
  if (Number.isNaN(date))
    throw new Error(`${url} sent no readable Date header (cross-origin servers must expose it)`);
  clock.set(date + 500, (sent + received) / 2);
}
