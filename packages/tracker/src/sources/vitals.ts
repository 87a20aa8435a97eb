import type { VitalData } from '@vitrine/schema';
import type { MetricWithAttribution } from 'web-vitals/attribution';
import { elementKeyOf } from '../element-key.js';
import { isPrivate, scrubUrl } from '../privacy.js';
import type { Source } from '../types.js';

type Listener = (data: VitalData) => void;
type Attribution = Record<string, string | number | boolean>;

/** The running vitals sources; web-vitals reports to whichever run when a metric is final. */
const listeners = new Set<Listener>();
/** Metric ids already reported: each metric instance is sent once. */
const sent = new Set<string>();
let loading: Promise<void> | null = null;

/**
 * The targets of the latest inputs, by event time. Event Timing and LCP entries never name a
 * node inside a shadow root (https://w3c.github.io/paint-timing/#get-an-element), which is where
 * every Vitrine component renders, and Chromium often leaves `pointerdown` entries without a
 * target; `composedPath()[0]` is the real one.
 */
const inputs: { time: number; target: EventTarget | undefined }[] = [];
function onInput(event: Event): void {
  // The latest 100 are kept.
  if (inputs.push({ time: event.timeStamp, target: event.composedPath()[0] }) > 100) inputs.shift();
}

/** An element's heatmap key (`snap`: the button, not its icon); `private` for a private one. */
function keyOf(node: unknown, snap?: boolean): string | undefined {
  if (!(node instanceof Element)) return undefined;
  if (isPrivate(node)) return 'private';
  return elementKeyOf(node, { snap })?.elementKey;
}

/** The first `img`/`video` showing `url`, looking into open shadow roots too. */
function findMedia(root: Document | ShadowRoot, url: string): Element | undefined {
  for (const el of root.querySelectorAll('img, video')) {
    const media = el as HTMLImageElement | HTMLVideoElement;
    if (media.currentSrc === url || (media instanceof HTMLVideoElement && media.poster === url)) return el;
  }
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot && findMedia(el.shadowRoot, url);
    if (found) return found;
  }
  return undefined;
}

/**
 * The primitive fields of a web-vitals attribution (timing parts, targets, load state), without
 * its performance entries and DOM nodes, which do not serialise; URLs without secrets; INP's
 * longest script as flat `longestScript*` fields. Targets are heatmap element keys.
 */
function attributionOf(metric: MetricWithAttribution): Attribution {
  const out: Attribution = {};
  for (const [key, value] of Object.entries(metric.attribution)) {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) out[key] = Math.round(value * 10_000) / 10_000;
    } else if (typeof value === 'string') {
      out[key] = (/url$/i.test(key) ? scrubUrl(value) : value).slice(0, 512);
    } else if (typeof value === 'boolean') {
      out[key] = value;
    }
  }
  if (metric.name === 'LCP') {
    const { url } = metric.attribution;
    // An image in a shadow root: found again by its URL.
    const target = !out['target'] && url ? keyOf(findMedia(document, url)) : undefined;
    if (target) out['target'] = target;
  } else if (metric.name === 'INP') {
    const time = metric.attribution.interactionTime;
    const input = time === undefined ? undefined : inputs.find((i) => Math.abs(i.time - time) < 2);
    const target = keyOf(input?.target, true);
    if (target) out['interactionTarget'] = target;
    const longest = metric.attribution.longestScript;
    if (longest) {
      out['longestScriptSubpart'] = longest.subpart;
      out['longestScriptDuration'] = Math.round(longest.intersectingDuration);
      if (longest.entry.sourceURL) out['longestScriptUrl'] = scrubUrl(longest.entry.sourceURL).slice(0, 512);
      if (longest.entry.invoker) out['longestScriptInvoker'] = longest.entry.invoker.slice(0, 512);
    }
  }
  return out;
}

function report(metric: MetricWithAttribution): void {
  if (sent.has(metric.id) || !listeners.size) return;
  sent.add(metric.id);
  const data: VitalData = {
    name: metric.name,
    value: Math.max(0, Math.round(metric.value * 10_000) / 10_000),
    rating: metric.rating,
    navigationType: metric.navigationType.slice(0, 32),
    attribution: attributionOf(metric),
  };
  for (const listener of listeners) listener(data);
}

/**
 * Loads the web-vitals attribution build (only now: it is outside the tracker's core size) and
 * registers its five metrics, once per page — web-vitals cannot unregister.
 */
function load(): Promise<void> {
  loading ??= import('web-vitals/attribution').then(({ onCLS, onFCP, onINP, onLCP, onTTFB }) => {
    for (const type of ['pointerdown', 'keydown', 'click'])
      document.addEventListener(type, onInput, { capture: true, passive: true });
    // Elements are named the way heatmaps name them (component + product, across shadow roots);
    // private ones are never described. `undefined` lets web-vitals use its own selector.
    const options = { generateTarget: (node: Node | null) => keyOf(node) };
    // Without `reportAllChanges`, web-vitals reports each metric when it is final: LCP at the
    // first input or when hidden, CLS and INP when the page is hidden, FCP and TTFB when known.
    onLCP(report, options);
    onINP(report, options);
    onCLS(report, options);
    onFCP(report, options);
    onTTFB(report, options);
  });
  return loading;
}

/**
 * Core Web Vitals with their attribution: LCP, INP, CLS, FCP and TTFB through `web-vitals`, each
 * metric sent once as `vital` `{name, value, rating, navigationType, attribution}` with its final
 * value (CLS and INP when the page is first hidden; a later change after the tab comes back is
 * not sent). `attribution` holds web-vitals' primitive fields, never entries or nodes: for LCP the
 * element (`target`), `url` and the timing parts; for INP `interactionTarget`, `interactionType`
 * and the three phases; for CLS `largestShiftTarget` and `largestShiftValue`. Elements are named
 * by their heatmap keys (`vt-gallery[product=p0001]>part(image)`), also inside shadow roots,
 * which the browser's entries leave unnamed; a private element is named `private`.
 *
 * The web-vitals attribution build is imported dynamically, only when this source starts, so it
 * is outside the tracker's core size.
 */
export const vitals: Source = (context) => {
  const listener: Listener = (data) => context.emit('vital', data);
  listeners.add(listener);
  load().catch((error: unknown) => {
    loading = null;
    console.warn(`vitrine tracker: web vitals could not load: ${String(error)}`);
  });
  return () => {
    listeners.delete(listener);
  };
};
