import {
  FUNNEL_EVENTS,
  VT_EVENTS,
  type CartChangeDetail,
  type CustomData,
  type ErrorData,
  type FunnelDetail,
  type VtErrorDetail,
} from '@vitrine/schema';
import { scrubUrl } from '../privacy.js';
import type { Source, SourceContext } from '../types.js';

type Props = NonNullable<CustomData['props']>;

/** `custom` event names and property keys (wire schema). */
const NAME = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_PROPS = 25;
const MAX_TEXT = 500;
/** Keys never forwarded from a component's detail, at any depth: contact details. */
const PERSONAL_KEY = /mail|phone|contact|address|passw/;
const EMAIL = /[^\s@"'<>()[\]{},;:]+@[^\s@"'<>()[\]{},;:]+\.[a-z]{2,}/gi;

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (!warned.has(message)) console.warn(`vitrine tracker: ${message}`);
  warned.add(message);
}

/** `text` without email addresses (search queries and other free text can hold them). */
function noEmail(text: string): string {
  return text.replace(EMAIL, '[email]');
}

/** `mediaOpen`, `media-open`, `Media Open` → `media_open`. */
function snake(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A flat, schema-valid projection of a component's event detail into `custom` props: keys in
 * snake_case (nested objects joined with `_`: `total.amount` → `total_amount`), strings without
 * email addresses and cut to 500 characters, URLs without secrets, finite numbers, booleans; arrays of plain
 * values joined with `,`, other arrays as their length; maps of strings (variant options) as one
 * `Color=Red; Size=XL` string. Contact fields are dropped; at most 25 keys.
 */
function flatten(value: Record<string, unknown>, out: Props = {}, prefix = ''): Props {
  for (const [rawKey, v] of Object.entries(value)) {
    const part = snake(rawKey);
    const key = prefix ? `${prefix}_${part}` : part;
    if (!part || !NAME.test(key) || PERSONAL_KEY.test(key)) continue;
    if (Object.keys(out).length >= MAX_PROPS) break;
    if (typeof v === 'string') {
      out[key] = (/(^|_)url$/.test(key) ? scrubUrl(v) : noEmail(v)).slice(0, MAX_TEXT);
    } else if (typeof v === 'number') {
      if (Number.isFinite(v)) out[key] = v;
    } else if (typeof v === 'boolean') {
      out[key] = v;
    } else if (Array.isArray(v)) {
      out[key] = v.every((x) => /^(string|number|boolean)$/.test(typeof x))
        ? noEmail(v.join(',')).slice(0, MAX_TEXT)
        : v.length;
    } else if (isRecord(v)) {
      const entries = Object.entries(v);
      if (entries.length && entries.every(([, x]) => typeof x === 'string'))
        out[key] = noEmail(entries.map(([k, x]) => `${k}=${String(x)}`).join('; ')).slice(0, MAX_TEXT);
      else flatten(v, out, key);
    }
  }
  return out;
}

/** The `custom` data of a component event other than `vt-funnel` and `vt-error`; null to drop it. */
function project(type: string, detail: unknown): CustomData | null {
  const name = snake(type.slice(3));
  let props: Props;
  if (type === VT_EVENTS.cartChange) {
    // Never the whole cart (titles, options, URLs of every line): what changed and the totals.
    const { reason, cart } = (detail ?? {}) as Partial<CartChangeDetail>;
    // `sync` and `load` are not a shopper action in this tab (another tab, a restored cart).
    if (!reason || reason === 'sync' || reason === 'load') return null;
    props = cart
      ? {
          reason,
          lines: cart.lines.length,
          item_count: cart.itemCount,
          subtotal: cart.subtotal.amount,
          currency: cart.subtotal.currency,
          codes: cart.codes.length,
        }
      : { reason };
  } else {
    props = isRecord(detail) ? flatten(detail) : {};
    // When it happened, in ms since navigation: a component's time to first render.
    if (type === VT_EVENTS.ready) props['ms'] = Math.round(performance.now());
    if (!Object.keys(props).length) return { name };
  }
  return { name, props };
}

/** Why `name`/`props` cannot be a `custom` event, or `''`. */
function customProblem(name: unknown, props: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name))
    return 'its name must be 1-40 of a-z 0-9 _, starting with a letter';
  if (props === undefined) return '';
  if (!isRecord(props)) return 'its props must be an object';
  const entries = Object.entries(props);
  if (entries.length > MAX_PROPS) return `it has more than ${MAX_PROPS} props`;
  for (const [key, value] of entries) {
    if (!NAME.test(key)) return `prop "${key}" must be named like an event`;
    if (
      typeof value === 'string'
        ? value.length > MAX_TEXT
        : typeof value === 'number'
          ? !Number.isFinite(value)
          : typeof value !== 'boolean'
    )
      return `prop "${key}" must be a string of at most ${MAX_TEXT} characters, a finite number or a boolean`;
  }
  return '';
}

/**
 * The shop's own event, for the tracker's `track(name, props)`: emits `custom` `{name, props}`
 * when `name` matches `^[a-z][a-z0-9_]{0,39}$` and `props` has at most 25 keys named the same
 * way, with strings of at most 500 characters, finite numbers or booleans. Anything else is
 * dropped whole with one console warning per event name, so what arrives is what was tracked.
 * Returns whether it was emitted.
 */
export function trackCustom(
  context: SourceContext,
  name: string,
  props?: Record<string, string | number | boolean>,
): boolean {
  const problem = customProblem(name, props);
  if (problem) warnOnce(`track("${String(name).slice(0, 60)}") dropped: ${problem}`);
  else context.emit('custom', props ? { name, props: { ...props } } : { name });
  return !problem;
}

/** `url:line:col` of where an error was thrown, without secrets in the URL. */
function where(url: string, line?: number, column?: number): string {
  return (scrubUrl(url) + (line ? `:${line}` : '') + (line && column ? `:${column}` : '')).slice(0, 2048);
}

function messageOf(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  if (typeof reason === 'string') return reason;
  try {
    return JSON.stringify(reason) ?? String(reason);
  } catch {
    return String(reason);
  }
}

/**
 * Component events and page errors. Listens on `document` (capture, so a shop's
 * `stopPropagation` cannot hide them) for every `vt-*` event of `@vitrine/schema`:
 *
 * - `vt-funnel` → `funnel`, the detail unchanged (GA4 name and params, money in minor units);
 * - `vt-error` → `error` `{message, source: 'vt-error', tag}`;
 * - `vt-checkout-abandon` → nothing, ever (it carries the shopper's contact);
 * - `vt-cart-change` → `custom` `cart_change` `{reason, lines, item_count, subtotal, currency,
 *   codes}` for shopper actions only (`sync` and `load` are dropped), never the cart itself;
 * - every other `vt-*` → `custom` named after the event without `vt-` in snake_case
 *   (`vt-media-view` → `media_view`) with a flat projection of its detail as props.
 *
 * Also uncaught errors and unhandled promise rejections → `error` `{message, source}`, with
 * emails and long numbers masked; at most 10 `error` events per page and each distinct one once.
 */
export const funnel: Source = (context) => {
  const errors = new Set<string>();

  /**
   * Emits an `error`, masked, unless the same one was reported already or 10 were: a loop that
   * throws must not flood the outbox.
   */
  function reportError(text: string, source?: string, tag?: string): void {
    // Error messages often quote input: emails and runs of 9+ digits (card, phone and account
    // numbers, with or without separators) are masked.
    const message =
      noEmail(text)
        .replace(/\d(?:[ -]?\d){8,}/g, '[number]')
        .trim()
        .slice(0, 2000) || 'Unknown error';
    const key = `${message}\n${source ?? ''}\n${tag ?? ''}`;
    if (errors.size >= 10 || errors.has(key)) return;
    errors.add(key);
    const data: ErrorData = { message };
    if (source) data.source = source;
    if (tag) data.tag = tag.slice(0, 64);
    context.emit('error', data);
  }

  function forward(type: string, detail: unknown): void {
    if (type === VT_EVENTS.funnel) {
      if (
        !isRecord(detail) ||
        !(FUNNEL_EVENTS as readonly unknown[]).includes(detail['name']) ||
        !isRecord(detail['params'])
      ) {
        warnOnce('a vt-funnel event without a GA4 name and params was dropped');
        return;
      }
      let data: unknown;
      try {
        // A copy: the outbox writes it a task later, and the component may reuse its object.
        data = structuredClone(detail);
      } catch {
        return;
      }
      // A GA4 event name and params, as checked above.
      context.emit('funnel', data as FunnelDetail);
    } else if (type === VT_EVENTS.error) {
      const { tag, attribute, message } = (detail ?? {}) as Partial<VtErrorDetail>;
      const text = String(message ?? 'invalid input');
      reportError(
        attribute && !text.includes(attribute) ? `${attribute}: ${text}` : text,
        'vt-error',
        typeof tag === 'string' ? tag : undefined,
      );
    } else {
      const data = project(type, detail);
      if (data) context.emit('custom', data);
    }
  }

  function onVtEvent(event: Event): void {
    try {
      forward(event.type, (event as CustomEvent<unknown>).detail);
    } catch (error) {
      // A malformed detail must not turn into an error thrown in the shop's page.
      warnOnce(`a ${event.type} event could not be read: ${String(error)}`);
    }
  }

  function onError(event: ErrorEvent): void {
    reportError(
      event.message || messageOf(event.error),
      event.filename ? where(event.filename, event.lineno, event.colno) : undefined,
    );
  }

  function onRejection(event: PromiseRejectionEvent): void {
    // The `url:line:col` of the first frame of its stack trace, if any.
    const stack = event.reason instanceof Error ? event.reason.stack : undefined;
    const frame = stack && /((?:https?|file):\/\/[^\s()]+?):(\d+):(\d+)/.exec(stack);
    reportError(
      `Unhandled rejection: ${messageOf(event.reason)}`,
      frame ? where(frame[1]!, Number(frame[2]), Number(frame[3])) : undefined,
    );
  }

  const names = Object.values(VT_EVENTS).filter((name) => name !== VT_EVENTS.checkoutAbandon);
  for (const name of names) document.addEventListener(name, onVtEvent, true);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return () => {
    for (const name of names) document.removeEventListener(name, onVtEvent, true);
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  };
};
