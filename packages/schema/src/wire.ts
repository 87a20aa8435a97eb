/**
 * TypeScript types of the tracker wire format `vitrine.event/1`, kept by hand next to its
 * JSON Schema (`@vitrine/schema/wire.schema.json`). The schema is the authority at runtime
 * (the collector validates with it); these types let the tracker build events the compiler
 * checks. `test/wire-agreement.node.test.ts` proves the two agree on fixtures of every type.
 *
 * Limits the type system cannot express (string lengths, ranges, patterns) are stated in each
 * field's JSDoc and enforced by the schema only.
 *
 * @module
 */
import type { FunnelDetail } from './ga4.js';

/** Version mark carried by every event and batch. A breaking change makes `vitrine.event/2`. */
export const WIRE_SCHEMA = 'vitrine.event/1' as const;

/** `$id` of `wire.schema.json`; `${WIRE_SCHEMA_ID}#/$defs/event` validates one event. */
export const WIRE_SCHEMA_ID = 'https://vitrine.dev/schema/vitrine.event/1.json' as const;

/** Most events in one {@link WireBatch}. */
export const WIRE_BATCH_MAX_EVENTS = 500;

/** Every wire event `type`. */
export const WIRE_EVENT_TYPES = [
  'pageview',
  'click',
  'scroll',
  'move',
  'visibility',
  'funnel',
  'vital',
  'exposure',
  'replay',
  'error',
  'custom',
] as const;

/** One of {@link WIRE_EVENT_TYPES}. */
export type WireEventType = (typeof WIRE_EVENT_TYPES)[number];

/** The page an event happened on. */
export interface WirePage {
  /** Full URL (absolute URI, ≤ 4096 chars). Strip secrets (tokens, emails) before sending. */
  url: string;
  /** `location.pathname`, starting with `/` (≤ 2048 chars). */
  path: string;
  /** `document.title` (≤ 512 chars). */
  title?: string;
  /** `document.referrer` when not empty (absolute URI, ≤ 4096 chars). */
  referrer?: string;
}

/** Coarse device facts, for splitting heatmaps by layout. */
export interface WireDevice {
  /** Layout class the page rendered in. */
  class: 'mobile' | 'tablet' | 'desktop';
  /** `innerWidth` in CSS px, integer ≥ 0. */
  viewportWidth: number;
  /** `innerHeight` in CSS px, integer ≥ 0. */
  viewportHeight: number;
  /** `devicePixelRatio`, > 0. */
  dpr?: number;
}

/** Fields every wire event carries. */
export interface WireEnvelope {
  /** Always {@link WIRE_SCHEMA}. */
  schema: typeof WIRE_SCHEMA;
  /**
   * Unique event id, 8–64 chars of `A-Z a-z 0-9 _ - . :` (a UUID, ULID or nanoid). Retries resend
   * the same id; the collector drops duplicates by it.
   */
  id: string;
  /** When it happened, integer milliseconds since the Unix epoch. */
  ts: number;
  /** Session id, 1–64 chars of `A-Z a-z 0-9 _ - . :`. */
  sessionId: string;
  /** Visitor id (stable across sessions while consent lasts), 1–64 chars of `A-Z a-z 0-9 _ - . :`. */
  visitorId: string;
  /** Order of the event within its session, integer ≥ 0, increasing. */
  seq: number;
  /** Where it happened. */
  page: WirePage;
  /** Experiments the visitor is in: experiment id → variant id (≤ 50 entries, ids ≤ 64 chars). */
  experiments?: Record<string, string>;
  /** Device facts. */
  device?: WireDevice;
}

/** `data` of `pageview`: a page (or SPA route) was shown. */
export interface PageviewData {
  /** How the page was reached; `spa` for a client-side route change. */
  navigationType?: 'navigate' | 'reload' | 'back_forward' | 'prerender' | 'spa';
}

/** `data` of `click`: one heatmap point. */
export interface ClickData {
  /**
   * Stable key of the clicked element (1–512 chars): the component plus the product, SKU or
   * coupon where known, else a selector that crosses shadow roots, e.g.
   * `vt-gallery[product=p0001]>thumb[2]`.
   */
  elementKey: string;
  /** Tag of the Vitrine component clicked in, e.g. `vt-gallery` (≤ 64 chars). */
  component?: string;
  /** Product id in context, when known (≤ 128 chars). */
  productId?: string;
  /** SKU in context, when known (≤ 128 chars). */
  sku?: string;
  /** Horizontal position inside the element, fraction 0..1 of its width. */
  offsetX: number;
  /** Vertical position inside the element, fraction 0..1 of its height. */
  offsetY: number;
  /** Page X in CSS px, integer ≥ 0. */
  pageX: number;
  /** Page Y in CSS px, integer ≥ 0. */
  pageY: number;
  /** Part of a rage click (several fast clicks on one spot). */
  rage?: boolean;
  /** A dead click (nothing changed afterwards). */
  dead?: boolean;
}

/** `data` of `scroll`: how far the visitor scrolled on this page. */
export interface ScrollData {
  /** Deepest point seen, fraction 0..1 of the page height. */
  maxDepth: number;
  /** Page height in CSS px, integer ≥ 0. */
  pageHeight: number;
}

/** One sampled pointer position in a `move` event. */
export interface WireMovePoint {
  /** Element under the pointer, as {@link ClickData.elementKey}. */
  elementKey: string;
  /** Fraction 0..1 of the element's width. */
  offsetX: number;
  /** Fraction 0..1 of the element's height. */
  offsetY: number;
  /** Milliseconds since the pageview, integer ≥ 0. */
  t: number;
}

/** `data` of `move`: sampled pointer movement. */
export interface MoveData {
  /** 1–500 points, in time order. */
  points: WireMovePoint[];
}

/** `data` of `visibility`: how long an element was in view. */
export interface VisibilityData {
  /** Element key, as {@link ClickData.elementKey}. */
  elementKey: string;
  /** Tag of the Vitrine component, e.g. `vt-offers`. */
  component?: string;
  /** Milliseconds at least half visible, integer ≥ 0. */
  visibleMs: number;
}

/**
 * `data` of `funnel`: the `vt-funnel` detail unchanged — a GA4 event name and its params, with
 * money in **integer minor units** (see `ga4.ts`).
 */
export type FunnelData = FunnelDetail;

/** `data` of `vital`: one Core Web Vital, as web-vitals reports it. */
export interface VitalData {
  /** Metric name. */
  name: 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB';
  /** Value ≥ 0: milliseconds, except CLS (unitless). */
  value: number;
  /** web-vitals' rating. */
  rating: 'good' | 'needs-improvement' | 'poor';
  /** web-vitals' navigation type, e.g. `navigate`, `back-forward-cache` (≤ 32 chars). */
  navigationType?: string;
  /** web-vitals attribution object, when the attribution build is loaded. Open shape. */
  attribution?: Record<string, unknown>;
}

/** `data` of `exposure`: the visitor was shown a variant of an experiment. */
export interface ExposureData {
  /** Experiment id (1–64 chars of `A-Z a-z 0-9 _ - . :`). */
  experimentId: string;
  /** Variant id (1–64 chars of `A-Z a-z 0-9 _ - . :`). */
  variantId: string;
}

/** `data` of `replay`: one chunk of a session recording. */
export interface ReplayData {
  /** Chunk number within the session, integer ≥ 0. */
  chunk: number;
  /** rrweb events as gzip then base64, or as plain JSON. */
  encoding: 'rrweb/gzip+base64' | 'rrweb/json';
  /** The chunk, 1–90000 chars. */
  payload: string;
}

/** `data` of `error`: a script error or a `vt-error` on the page. */
export interface ErrorData {
  /** The message (1–2000 chars). */
  message: string;
  /** Script URL with line and column, or `vt-error` (≤ 2048 chars). */
  source?: string;
  /** Tag of the element that reported it (≤ 64 chars). */
  tag?: string;
}

/** `data` of `custom`: a shop-defined event. */
export interface CustomData {
  /** Event name: `^[a-z][a-z0-9_]{0,39}$`. */
  name: string;
  /** Up to 25 properties; keys as `name`, strings ≤ 500 chars. */
  props?: Record<string, string | number | boolean>;
}

/** Each wire event `type` mapped to the type of its `data`. */
export interface WireDataMap {
  pageview: PageviewData;
  click: ClickData;
  scroll: ScrollData;
  move: MoveData;
  visibility: VisibilityData;
  funnel: FunnelData;
  vital: VitalData;
  exposure: ExposureData;
  replay: ReplayData;
  error: ErrorData;
  custom: CustomData;
}

/** One wire event of type `T`: the envelope plus `type` and its `data`. */
export interface WireEventOf<T extends WireEventType> extends WireEnvelope {
  /** What happened; selects the shape of `data`. */
  type: T;
  /** Type-specific payload. */
  data: WireDataMap[T];
}

/** One tracker event on the wire, discriminated on `type`. */
export type WireEvent = { [T in WireEventType]: WireEventOf<T> }[WireEventType];

/** What the tracker POSTs: events sent together. The collector validates and dedups each event. */
export interface WireBatch {
  /** Always {@link WIRE_SCHEMA}. */
  schema: typeof WIRE_SCHEMA;
  /** When the batch left the browser, integer ms since the epoch (estimates clock skew). */
  sentAt: number;
  /** 1–500 events ({@link WIRE_BATCH_MAX_EVENTS}). */
  events: WireEvent[];
}
