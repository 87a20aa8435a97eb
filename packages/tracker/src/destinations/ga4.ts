// Google Analytics 4 through the Google tag (gtag.js). Documents followed:
// - gtag snippet (`function gtag(){dataLayer.push(arguments);}`) and `gtag('event', name, params)`:
//   https://developers.google.com/tag-platform/gtagjs/install
//   https://developers.google.com/tag-platform/gtagjs/reference#event
// - recommended e-commerce events, their params and item params (money as decimal numbers):
//   https://developers.google.com/analytics/devguides/collection/ga4/reference/events?client_type=gtag
//   https://developers.google.com/analytics/devguides/collection/ga4/ecommerce?client_type=gtag
// - manual page views (`page_view` with `page_location`, `page_referrer`, `page_title`; turn the
//   automatic ones off with `send_page_view: false` to avoid duplicates):
//   https://developers.google.com/analytics/devguides/collection/ga4/views?client_type=gtag
// - experiment exposure `experience_impression` with `exp_variant_string` (`XXX-YYY-ZZZ`):
//   https://developers.google.com/analytics/devguides/collection/ga4/integration
// - web vitals as events named after the metric: https://github.com/GoogleChrome/web-vitals#send-the-results-to-google-analytics
// - `exception` with `description` and `fatal`: https://developers.google.com/tag-platform/gtagjs/reference/events#exception
// - limits (40-character names, 100-character values): https://support.google.com/analytics/answer/9267744
import type { Ga4CustomParams, Ga4Item, WireEvent } from '@vitrine/schema';
import type { Destination } from '../types.js';
import { toMajorUnits } from './money.js';

/** A GA4 param value as gtag receives it. */
export type Ga4Value = string | number | boolean | Record<string, string | number>[];

/** One `gtag('event', name, params)` call. */
export type GtagEventCall = ['event', string, Record<string, Ga4Value>];

/** Event-level params that are money (integer minor units on the wire, decimals for GA4). */
const EVENT_MONEY = new Set(['value', 'tax', 'shipping']);
/** Item params that are money. */
const ITEM_MONEY = new Set(['price', 'discount']);

function major(
  source: object,
  money: ReadonlySet<string>,
  currency: string | undefined,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(source) as [string, unknown][]) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    if (money.has(key) && typeof value === 'number') {
      // Without a currency the unit is unknown: drop the number rather than send minor units
      // (the wire schema requires a currency beside any money, so this does not happen).
      if (currency !== undefined) out[key] = toMajorUnits(value, currency);
    } else out[key] = value;
  }
  return out;
}

/**
 * GA4 params of a funnel event with every money field (`value`, `tax`, `shipping`, and each
 * item's `price` and `discount`) converted from integer minor units to decimal major units.
 */
export function ga4MajorParams(params: Ga4CustomParams): Record<string, Ga4Value> {
  const currency = typeof params.currency === 'string' ? params.currency : undefined;
  const out: Record<string, Ga4Value> = major(params, EVENT_MONEY, currency);
  if (Array.isArray(params.items)) {
    out.items = params.items.map((item: Ga4Item) => major(item, ITEM_MONEY, currency));
  }
  return out;
}

function text(value: string, max = 100): string {
  return value.length > max ? value.slice(0, max) : value;
}

/** The gtag call for one wire event, or `null` for events GA4 does not get. */
export function toGa4(event: WireEvent, pageViews: boolean): GtagEventCall | null {
  switch (event.type) {
    case 'funnel':
      return ['event', event.data.name, ga4MajorParams(event.data.params)];
    case 'pageview': {
      if (!pageViews) return null;
      const params: Record<string, Ga4Value> = { page_location: text(event.page.url, 1000) };
      if (event.page.referrer) params.page_referrer = text(event.page.referrer, 420);
      if (event.page.title) params.page_title = text(event.page.title, 300);
      return ['event', 'page_view', params];
    }
    case 'exposure':
      // GA4 has no exposure event of its own; this is the one Google documents for A/B tools,
      // with `VT` standing for the tool in its `tool-experiment-variant` format.
      return [
        'event',
        'experience_impression',
        { exp_variant_string: `VT-${event.data.experimentId}-${event.data.variantId}` },
      ];
    case 'custom': {
      const params: Record<string, Ga4Value> = {};
      // GA4 stores strings and numbers only.
      for (const [key, value] of Object.entries(event.data.props ?? {})) {
        params[key] = typeof value === 'boolean' ? String(value) : value;
      }
      return ['event', event.data.name, params];
    }
    case 'vital': {
      const params: Record<string, Ga4Value> = {
        metric_value: event.data.value,
        metric_rating: event.data.rating,
      };
      const attribution = event.data.attribution ?? {};
      const target = ['target', 'element', 'interactionTarget', 'largestShiftTarget']
        .map((key) => attribution[key])
        .find((value): value is string => typeof value === 'string');
      if (target) params.debug_target = text(target);
      return ['event', event.data.name, params];
    }
    case 'error':
      return ['event', 'exception', { description: text(event.data.message), fatal: false }];
    default:
      // click, scroll, move, visibility, replay: heatmap and replay data GA4 cannot use.
      return null;
  }
}

type Gtag = (...args: unknown[]) => void;

function dataLayerGtag(dataLayer: unknown[]): Gtag {
  return function gtag() {
    // Exactly the official snippet: gtag.js runs commands pushed as an `arguments` object; a
    // plain array would be read as a Tag Manager message instead.
    // eslint-disable-next-line prefer-rest-params
    dataLayer.push(arguments);
  };
}

/**
 * GA4 through the Google tag: each event becomes `gtag('event', name, params)`.
 *
 * - Funnel events keep their GA4 names and params, with money converted to decimals
 *   (`value: 1999` USD → `19.99`, JPY stays `1999`).
 * - `exposure` → `experience_impression` with `exp_variant_string: 'VT-<experiment>-<variant>'`.
 * - `custom` → its own name; `vital` → `LCP`/`INP`/`CLS`/`FCP`/`TTFB` with `metric_value`;
 *   `error` → `exception`.
 * - `pageview` → `page_view` only with `pageViews: true`, because the Google tag already sends
 *   page views; set `send_page_view: false` in its config when you turn this on.
 * - Clicks, scroll, moves, visibility and replay are not sent.
 *
 * Calls go to `options.gtag`, else `dataLayer.push(arguments)` on `options.dataLayer`, else
 * `window.gtag`, else `window.dataLayer` (created when missing). The push is synchronous, so a
 * batch is always acknowledged; GA4 itself timestamps the hits when gtag.js sends them.
 */
export function ga4Destination(
  options: { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void; pageViews?: boolean } = {},
): Destination {
  let gtag: Gtag | undefined;
  const resolve = (): Gtag => {
    if (options.gtag) return options.gtag;
    if (options.dataLayer) return dataLayerGtag(options.dataLayer);
    const page = globalThis as { gtag?: unknown; dataLayer?: unknown[] };
    if (typeof page.gtag === 'function') return page.gtag as Gtag;
    return dataLayerGtag((page.dataLayer ??= []));
  };
  return {
    name: 'ga4',
    async send(events) {
      gtag ??= resolve();
      for (const event of events) {
        const call = toGa4(event, options.pageViews ?? false);
        if (call) gtag(...call);
      }
      return true;
    },
  };
}
