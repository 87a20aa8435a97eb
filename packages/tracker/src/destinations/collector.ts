import { WIRE_SCHEMA, type WireEvent } from '@vitrine/schema';
import { gzip } from '../gzip.js';
import type { Destination } from '../types.js';
import { byteLength } from './post-json.js';

/**
 * Most bytes in one request body: the browser's budget for requests that outlive the page
 * (`fetch` keepalive and `sendBeacon`, 64 KiB in flight per page —
 * https://fetch.spec.whatwg.org/#http-network-or-cache-fetch, step "inflight keepalive bytes").
 */
export const COLLECTOR_MAX_BYTES = 64 * 1024;

/** Content type of page-hide requests: CORS-safelisted, so a cross-origin collector needs no preflight. */
const PLAIN = 'text/plain;charset=UTF-8';

/** Settings of {@link collectorDestination}. */
export interface CollectorOptions {
  /** URL the batches are `POST`ed to (relative to the page, or absolute). */
  endpoint: string;
  /** Tells shops apart: header `x-vitrine-site`, or query `site` at page hide (no headers then). */
  siteKey?: string;
  /** Most bytes in one request body. Default {@link COLLECTOR_MAX_BYTES}. */
  maxBytes?: number;
  /**
   * Called with events the collector refused one by one (400, 413 or 422 for that event alone)
   * and that were therefore dropped — so the tracker can count them instead of losing them silently.
   */
  onRejected?: (events: WireEvent[], status: number) => void;
}

/** One event, serialized once and measured once. */
interface Item {
  event: WireEvent;
  json: string;
  bytes: number;
}

/**
 * The Vitrine collector: batches `vitrine.event/1` (`WireBatch`) `POST`ed to `endpoint`.
 *
 * **While the page is visible**, a batch is gzip-compressed (`CompressionStream`, plain JSON where
 * it is missing) with headers `content-type: application/json`, `content-encoding: gzip` and
 * `x-vitrine-site`, and split so that every compressed body is ≤ `maxBytes`. Parts go one after
 * the other; the batch is acknowledged when every part answered 2xx. When a part fails, the send
 * resolves `false` and the whole batch is retried later, parts already accepted included: the
 * collector drops those duplicates by event id (the `Destination` contract has no partial ack).
 * These requests do not use `keepalive`, whose 64 KiB budget is kept for the page-hide send.
 *
 * A single event that is larger than `maxBytes` even compressed (a big replay chunk) is sent alone
 * — an ordinary `fetch` has no size limit — rather than dropped. A part refused with 400, 413 or
 * 422 is split in halves to find the events at fault; an event refused on its own is dropped, with
 * one warning per status and `onRejected`. Refusals are trusted only once the collector has
 * accepted something from this page (if nothing yet, the newest event alone is tried first), so a
 * misconfigured endpoint that refuses everything does not empty the outbox: it is retried.
 *
 * **At page hide** (`final`), the request must leave within the event handler: a closing page runs
 * no later task, and gzip is asynchronous. So one part of plain JSON (≤ `maxBytes`, the events that
 * fit, oldest first) is dispatched synchronously with `fetch(…, {keepalive: true})`, falling back
 * to `navigator.sendBeacon` when keepalive is refused (its budget is shared by the page). Both go
 * as `content-type: text/plain` with the site key in the query (`?site=…`), a CORS "simple" request
 * that needs no preflight. Neither can be confirmed, so the send resolves `false`: the events stay
 * queued, and their later resend is dropped by the collector as duplicates.
 */
export function collectorDestination(options: CollectorOptions): Destination {
  const maxBytes = options.maxBytes ?? COLLECTOR_MAX_BYTES;
  const warned = new Set<string>();
  /** Whether the collector ever accepted a request from this page (see {@link collectorDestination}). */
  let accepted = false;

  const warnOnce = (kind: string, message: string) => {
    if (warned.has(kind)) return;
    warned.add(kind);
    console.warn(`vitrine tracker: ${message}`);
  };

  const batch = (items: readonly Item[]) =>
    `{"schema":${JSON.stringify(WIRE_SCHEMA)},"sentAt":${Date.now()},"events":[${items.map((i) => i.json).join(',')}]}`;

  /** Posts each of `runs` in turn (see `post`); `true` once all were acknowledged. */
  const postRuns = async (runs: Item[][]) => {
    for (const run of runs) if (!(await post(run))) return false;
    return true;
  };

  /** Posts `items` in two halves, to isolate the events a collector refuses. */
  const bisect = (items: Item[]) => postRuns(split(items, 2));

  /**
   * POSTs `items` in request bodies of at most `maxBytes` each (a single larger event alone), one
   * after the other; `true` once every event was accepted (or refused one by one and dropped).
   */
  async function post(items: Item[]): Promise<boolean> {
    if (!items.length) return true;
    const text = batch(items);
    const zipped = await gzip(text);
    const size = zipped ? zipped.byteLength : byteLength(text);
    // Too large: cut into runs of similar raw size, aiming at 90% of the limit, then check each run.
    if (size > maxBytes && items.length > 1)
      return postRuns(split(items, Math.ceil(size / (maxBytes * 0.9))));
    const response = await fetch(options.endpoint, {
      method: 'POST',
      body: zipped ?? text,
      headers: {
        'content-type': 'application/json',
        ...(zipped && { 'content-encoding': 'gzip' }),
        ...(options.siteKey && { 'x-vitrine-site': options.siteKey }),
      },
    });
    const { ok, status } = response;
    // Read the (small) answer to its end: an unread body keeps the request open and its
    // connection busy, and a page with a few of them runs out of connections to its own host.
    await response.arrayBuffer().catch(() => undefined);
    if (ok) return (accepted = true);
    // Answers that blame the events themselves: the batch is invalid (400, 422) or too large (413).
    // Sending them again cannot succeed, so they are split to find the culprits. Anything else
    // (5xx, 401/403, 404, 408, 429) is a retry with backoff.
    if (![400, 413, 422].includes(status) || (!accepted && items.length === 1)) {
      warnOnce(`status ${status}`, `the collector answered ${status}; retrying later`);
      return false;
    }
    // Is it the events, or an endpoint that refuses everything (wrong URL, another wire
    // version)? Only the first kind may drop events: probe with the newest event alone (the
    // culprit is usually the oldest, stuck at the head of the queue).
    if (!accepted) return (await post(items.slice(-1))) && bisect(items.slice(0, -1));
    if (items.length > 1) return bisect(items);
    const { event } = items[0]!;
    warnOnce(
      `rejected ${status}`,
      `the collector refused an event (${status}: ${event.type} ${event.id}); dropped`,
    );
    options.onRejected?.([event], status);
    return true;
  }

  /** The page-hide send, dispatched before this returns (see {@link collectorDestination}). */
  async function sendFinal(items: readonly Item[]): Promise<boolean> {
    const picked: Item[] = [];
    let size = byteLength(batch([]));
    for (const item of items) {
      const more = item.bytes + (picked.length ? 1 : 0);
      if (size + more > maxBytes) continue;
      picked.push(item);
      size += more;
    }
    if (!picked.length) return false;
    const body = batch(picked);
    const url = options.siteKey
      ? `${options.endpoint}${options.endpoint.includes('?') ? '&' : '?'}site=${encodeURIComponent(options.siteKey)}`
      : options.endpoint;
    try {
      await fetch(url, { method: 'POST', body, headers: { 'content-type': PLAIN }, keepalive: true });
    } catch {
      try {
        navigator.sendBeacon(url, new Blob([body], { type: PLAIN }));
      } catch {
        // No beacon either: the events stay queued for the next send or visit.
      }
    }
    return false;
  }

  return {
    name: 'vitrine',
    async send(events, { final }) {
      if (!events.length) return true;
      const items = events.map((event): Item => {
        const json = JSON.stringify(event);
        return { event, json, bytes: byteLength(json) };
      });
      return final ? sendFinal(items) : post(items);
    },
  };
}

/**
 * `items` cut into about `count` consecutive, non-empty runs of similar byte size — at least two
 * when `count` ≥ 2 and there are two items, so splitting always makes progress.
 */
function split(items: readonly Item[], count: number): Item[][] {
  const target = items.reduce((sum, item) => sum + item.bytes, 0) / count;
  const runs: Item[][] = [];
  let run: Item[] = [];
  let size = 0;
  for (const item of items) {
    // Closing a non-empty run before it passes the target guarantees at least two runs.
    if (run.length && size + item.bytes > target) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(item);
    size += item.bytes;
  }
  if (run.length) runs.push(run);
  return runs;
}
