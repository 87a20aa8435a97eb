// PostHog through its public capture API. Documents followed:
// - `POST {host}/batch/` with `{api_key, batch: [{event, properties: {distinct_id, …}, timestamp}]}`,
//   hosts `https://us.i.posthog.com` / `https://eu.i.posthog.com`, `$pageview` with `$current_url`,
//   `$process_person_profile: false` for events without person profiles:
//   https://posthog.com/docs/api/capture
// - the batch body and event fields as the capture service parses them (`sent_at`; `uuid` must be
//   a UUID or the whole request is rejected):
//   https://github.com/PostHog/posthog/blob/master/rust/capture/src/v0_request.rs
// - `$session_id`: https://posthog.com/docs/data/sessions
// - `$web_vitals` with `$web_vitals_<METRIC>_value` and `$web_vitals_<METRIC>_event`, as posthog-js
//   sends them: https://posthog.com/docs/web-analytics/web-vitals,
//   https://github.com/PostHog/posthog-js/blob/main/packages/browser/src/extensions/web-vitals/index.ts
// - exposures: `$feature_flag_called` with `$feature_flag` and `$feature_flag_response`; events of
//   an experiment carry `$feature/<flag>: <variant>`: https://posthog.com/docs/experiments/exposures,
//   https://posthog.com/docs/experiments/running-experiments-without-feature-flags
// - `$exception` with `$exception_list: [{type, value, mechanism}]`:
//   https://posthog.com/docs/error-tracking/installation/manual
// - e-commerce names and properties (mapping in ./ecommerce-spec.ts):
//   https://posthog.com/docs/data/event-spec/ecommerce-events
import type { WireEvent } from '@vitrine/schema';
import type { Destination } from '../types.js';
import { toEcommerceSpec } from './ecommerce-spec.js';
import { byteLength, chunkJson, KEEPALIVE_MAX_BYTES, postJson } from './post-json.js';

/** PostHog's default request body limit is 20 MB; stay well under it. */
const BATCH_MAX_BYTES = 10 * 1000 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One event of a PostHog batch. */
export interface PosthogEvent {
  event: string;
  properties: Record<string, unknown>;
  /** ISO 8601 time of the event. */
  timestamp: string;
  /** The wire event id when it is a UUID: PostHog rejects any other format. */
  uuid?: string;
}

/**
 * The `n`-th extra UUID of one wire event (a funnel event with several items becomes several
 * PostHog events): the same every time, so a resend keeps the ids PostHog dedups by.
 */
function nthUuid(id: string, n: number): string {
  const node = (parseInt(id.slice(24), 16) + n) % 2 ** 48;
  return `${id.slice(0, 24)}${node.toString(16).padStart(12, '0')}`;
}

function host(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

const DEVICE = { mobile: 'Mobile', tablet: 'Tablet', desktop: 'Desktop' } as const;

/** Properties PostHog's own SDK puts on every event, from the wire envelope. */
function common(event: WireEvent): Record<string, unknown> {
  const { page, device } = event;
  const props: Record<string, unknown> = {
    distinct_id: event.visitorId,
    $session_id: event.sessionId,
    $current_url: page.url,
    $host: host(page.url),
    $pathname: page.path,
    // posthog-js writes `$direct` when there is no referrer; web analytics' channels rely on it.
    $referrer: page.referrer ?? '$direct',
    $referring_domain: (page.referrer ? host(page.referrer) : undefined) ?? '$direct',
    // The visitor id is anonymous: no person profile, as posthog-js does for anonymous users.
    $process_person_profile: false,
  };
  if (page.title) props.title = page.title;
  if (device) {
    props.$device_type = DEVICE[device.class];
    props.$viewport_width = device.viewportWidth;
    props.$viewport_height = device.viewportHeight;
  }
  for (const [experiment, variant] of Object.entries(event.experiments ?? {})) {
    props[`$feature/${experiment}`] = variant;
  }
  return props;
}

/** `[event name, properties]` pairs for one wire event (several for a multi-item funnel event). */
function named(event: WireEvent): [string, Record<string, unknown>][] {
  switch (event.type) {
    case 'pageview':
      return [['$pageview', {}]];
    case 'custom':
      return [[event.data.name === 'page_leave' ? '$pageleave' : event.data.name, { ...event.data.props }]];
    case 'funnel':
      return toEcommerceSpec(event.data).map((spec) => [spec.event, spec.properties]);
    case 'vital': {
      const { name, value, rating, navigationType, attribution } = event.data;
      const metric: Record<string, unknown> = {
        name,
        value,
        rating,
        timestamp: event.ts,
        $current_url: event.page.url,
        $session_id: event.sessionId,
      };
      if (navigationType) metric.navigationType = navigationType;
      if (attribution) metric.attribution = attribution;
      return [
        ['$web_vitals', { [`$web_vitals_${name}_value`]: value, [`$web_vitals_${name}_event`]: metric }],
      ];
    }
    case 'exposure': {
      const { experimentId, variantId } = event.data;
      return [
        [
          '$feature_flag_called',
          {
            $feature_flag: experimentId,
            $feature_flag_response: variantId,
            [`$feature/${experimentId}`]: variantId,
          },
        ],
      ];
    }
    case 'error': {
      const { message, source, tag } = event.data;
      const fromComponent = source === 'vt-error';
      const props: Record<string, unknown> = {
        $exception_list: [
          {
            type: fromComponent ? 'VtError' : 'Error',
            value: message,
            // A `vt-error` was reported by the component itself; a script error escaped.
            mechanism: { handled: fromComponent, synthetic: false },
          },
        ],
        $exception_level: 'error',
      };
      if (source) props.$exception_source = source;
      if (tag) props.tag = tag;
      return [['$exception', props]];
    }
    case 'click': {
      // Not `$autocapture`: PostHog builds that from the `$elements` DOM chain, which the wire does
      // not carry (and heatmap points go through posthog-js's private `$heatmap` path). The
      // element key is the stable handle Vitrine heatmaps group by.
      const d = event.data;
      const props: Record<string, unknown> = {
        element_key: d.elementKey,
        offset_x: d.offsetX,
        offset_y: d.offsetY,
        page_x: d.pageX,
        page_y: d.pageY,
      };
      if (d.component) props.component = d.component;
      if (d.productId) props.product_id = d.productId;
      if (d.sku) props.sku = d.sku;
      if (d.rage) props.rage = true;
      if (d.dead) props.dead = true;
      return [['vitrine_click', props]];
    }
    case 'scroll':
      return [['vitrine_scroll', { max_depth: event.data.maxDepth, page_height: event.data.pageHeight }]];
    case 'visibility': {
      const props: Record<string, unknown> = {
        element_key: event.data.elementKey,
        visible_ms: event.data.visibleMs,
      };
      if (event.data.component) props.component = event.data.component;
      return [['vitrine_visibility', props]];
    }
    case 'move':
      return [['vitrine_move', { points: event.data.points }]];
    case 'replay':
      // PostHog recordings are ingested as `$snapshot` data by posthog-js itself; a replay chunk
      // as an event property would be an unusable 90 kB string.
      return [];
  }
}

/** The PostHog events for one wire event. */
export function toPosthog(event: WireEvent): PosthogEvent[] {
  const base = common(event);
  const timestamp = new Date(event.ts).toISOString();
  const isUuid = UUID.test(event.id);
  return named(event).map(([name, props], n) => {
    const out: PosthogEvent = { event: name, properties: { ...base, ...props }, timestamp };
    if (isUuid) out.uuid = n === 0 ? event.id : nthUuid(event.id, n);
    return out;
  });
}

/**
 * PostHog's capture API (`POST {host}/batch/` with the project API key), host
 * `https://us.i.posthog.com` by default (`https://eu.i.posthog.com` for EU Cloud).
 *
 * `distinct_id` is the visitor id, `$session_id` the session id, `uuid` the event id when it is a
 * UUID (the tracker's are), so PostHog can drop the duplicates of a resend. Page views are
 * `$pageview` (a custom `page_leave` is `$pageleave`), vitals `$web_vitals`, exposures
 * `$feature_flag_called`, errors `$exception`, funnel events the e-commerce spec names
 * (`Product Added`, `Order Completed`…) with money in decimal major units; clicks, scroll,
 * visibility and moves are `vitrine_click`, `vitrine_scroll`, `vitrine_visibility`,
 * `vitrine_move`; replay chunks are not sent. Acknowledged when PostHog answers 2xx.
 */
export function posthogDestination(options: { apiKey: string; host?: string }): Destination {
  const url = `${(options.host ?? 'https://us.i.posthog.com').replace(/\/+$/, '')}/batch/`;
  return {
    name: 'posthog',
    async send(events, { final }) {
      const batch = events.flatMap(toPosthog);
      if (batch.length === 0) return true;
      const sentAt = new Date().toISOString();
      const envelope = (run: PosthogEvent[]): string =>
        JSON.stringify({ api_key: options.apiKey, sent_at: sentAt, batch: run });
      const overhead = byteLength(envelope([])) - 2;
      const { chunks, tooBig } = chunkJson(batch, final ? KEEPALIVE_MAX_BYTES : BATCH_MAX_BYTES, overhead);
      if (final && chunks.length === 0) return false;
      for (const event of final ? [] : tooBig) {
        console.warn(
          `vitrine tracker: PostHog event ${event.event} is over ${BATCH_MAX_BYTES} bytes; dropped`,
        );
      }
      return postJson(url, chunks.map(envelope), {}, final);
    },
  };
}
