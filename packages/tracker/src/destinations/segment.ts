// Segment through its HTTP Tracking API. Documents followed:
// - `POST /v1/batch` with `{batch: [...]}`, Basic auth of `writeKey:`, `application/json`, 500 KB per
//   batch and 32 KB per message, 200 for everything but oversized or malformed bodies (400):
//   https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/
// - common fields (`type`, `anonymousId`, `messageId` for deduplication, `timestamp`, `sentAt`,
//   `context.page` with `path`, `referrer`, `search`, `title`, `url`; `context.userAgent`):
//   https://segment.com/docs/connections/spec/common/
// - page calls and their reserved properties: https://segment.com/docs/connections/spec/page/
// - e-commerce names and properties (mapping in ./ecommerce-spec.ts):
//   https://segment.com/docs/connections/spec/ecommerce/v2/
// - `Experiment Viewed` with `experiment_id`, `variation_id`: https://segment.com/docs/connections/spec/ab-testing/
import type { WireEvent, WirePage } from '@vitrine/schema';
import type { Destination } from '../types.js';
import { toEcommerceSpec } from './ecommerce-spec.js';
import { byteLength, chunkJson, KEEPALIVE_MAX_BYTES, postJson } from './post-json.js';

/** Segment's limits: bytes per batch request and per message in it. */
const BATCH_MAX_BYTES = 500 * 1000;
const MESSAGE_MAX_BYTES = 32 * 1000;

/** The page as Segment's `context.page` and page properties name it. */
export interface SegmentPage {
  url: string;
  path: string;
  search: string;
  title?: string;
  referrer?: string;
}

/** One message of a Segment batch. */
export interface SegmentMessage {
  type: 'track' | 'page';
  /** Track calls only: the event name. */
  event?: string;
  properties: Record<string, unknown>;
  anonymousId: string;
  /** The wire event id (plus `:n` for the n-th message of one event): Segment dedups by it. */
  messageId: string;
  /** ISO 8601 time of the event. */
  timestamp: string;
  context: { page: SegmentPage; library: { name: string }; userAgent?: string };
}

function segmentPage(page: WirePage): SegmentPage {
  let search = '';
  try {
    search = new URL(page.url).search;
  } catch {
    // The wire schema only admits absolute URLs; keep the empty search otherwise.
  }
  const out: SegmentPage = { url: page.url, path: page.path, search };
  if (page.title) out.title = page.title;
  if (page.referrer) out.referrer = page.referrer;
  return out;
}

/**
 * The Segment messages for one wire event: `pageview` → a page call; funnel events → the
 * E-commerce Spec v2 track calls; `exposure` → `Experiment Viewed`; `custom` → a track call of its
 * name; `vital` → `Vitrine Vital`; `error` → `Vitrine Error`. Clicks, scroll, moves, visibility and
 * replay are not sent (heatmap volume that Segment would bill per event, and replay chunks are
 * larger than its 32 KB message limit).
 */
export function toSegment(event: WireEvent): SegmentMessage[] {
  const page = segmentPage(event.page);
  const context: SegmentMessage['context'] = { page, library: { name: '@vitrine/tracker' } };
  if (typeof navigator !== 'undefined' && navigator.userAgent) context.userAgent = navigator.userAgent;
  const base = {
    anonymousId: event.visitorId,
    timestamp: new Date(event.ts).toISOString(),
    context,
  };
  const track = (name: string, properties: Record<string, unknown>, n = 0): SegmentMessage => ({
    type: 'track',
    event: name,
    properties,
    messageId: n === 0 ? event.id : `${event.id}:${n}`,
    ...base,
  });
  switch (event.type) {
    case 'pageview':
      return [{ type: 'page', properties: { ...page }, messageId: event.id, ...base }];
    case 'funnel':
      return toEcommerceSpec(event.data).map((spec, n) => track(spec.event, spec.properties, n));
    case 'exposure':
      return [
        track('Experiment Viewed', {
          experiment_id: event.data.experimentId,
          variation_id: event.data.variantId,
        }),
      ];
    case 'custom':
      return [track(event.data.name, { ...event.data.props })];
    case 'vital': {
      const { name, value, rating, navigationType } = event.data;
      const properties: Record<string, unknown> = { name, value, rating };
      if (navigationType) properties.navigation_type = navigationType;
      return [track('Vitrine Vital', properties)];
    }
    case 'error': {
      const properties: Record<string, unknown> = { message: event.data.message };
      if (event.data.source) properties.source = event.data.source;
      if (event.data.tag) properties.tag = event.data.tag;
      return [track('Vitrine Error', properties)];
    }
    default:
      return [];
  }
}

/**
 * Segment's HTTP Tracking API (`POST {host}/v1/batch`, Basic auth with the source's write key).
 * Funnel events use the E-commerce Spec v2 names (`add_to_cart` → `Product Added`, `purchase` →
 * `Order Completed` with `order_id`, `total`, `revenue`, `products[]`), money in decimal major
 * units. `anonymousId` is the visitor id and `messageId` the event id, so a resend after an
 * unconfirmed page-hide send is dropped by Segment as a duplicate.
 *
 * Batches are split at 500 KB; a message over 32 KB is dropped with a warning (Segment would
 * reject the whole batch with 400). Acknowledged when every batch answers 2xx.
 */
export function segmentDestination(options: { writeKey: string; host?: string }): Destination {
  const url = `${(options.host ?? 'https://api.segment.io').replace(/\/+$/, '')}/v1/batch`;
  const headers = { authorization: `Basic ${btoa(`${options.writeKey}:`)}` };
  const overhead = byteLength(JSON.stringify({ batch: [] })) - 2;
  return {
    name: 'segment',
    async send(events, { final }) {
      const sentAt = new Date().toISOString();
      const messages = events.flatMap(toSegment).map((message) => ({ ...message, sentAt }));
      if (messages.length === 0) return true;
      const fitting = messages.filter((message) => {
        if (byteLength(JSON.stringify(message)) <= MESSAGE_MAX_BYTES) return true;
        console.warn(
          `vitrine tracker: Segment message ${message.messageId} is over 32 KB (Segment's limit); dropped`,
        );
        return false;
      });
      const { chunks } = chunkJson(fitting, final ? KEEPALIVE_MAX_BYTES : BATCH_MAX_BYTES, overhead);
      if (final && chunks.length === 0) return false;
      const bodies = chunks.map((batch) => JSON.stringify({ batch }));
      return postJson(url, bodies, headers, final);
    },
  };
}
