/**
 * Experiments: deterministic, weighted variant assignment by visitor id, one `exposure` event per
 * session and experiment, and the assignments the tracker attaches to every later event.
 *
 * @module
 */
import { fraction } from './ids.js';
import type { SourceContext } from './types.js';

/** Experiment and variant ids, as the wire schema's `token`. */
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (!warned.has(message)) console.warn(`vitrine tracker: ${message}`);
  warned.add(message);
}

/** The problem with the input, or `''` when it can be assigned. */
function problemOf(
  visitorId: string,
  key: string,
  variants: readonly string[],
  weights: readonly number[] | undefined,
): string {
  if (typeof key !== 'string' || !ID.test(key)) return 'its key must be 1-64 of A-Z a-z 0-9 _ . : -';
  if (!Array.isArray(variants) || !variants.length) return 'it has no variants';
  if (!variants.every((v) => typeof v === 'string' && ID.test(v)))
    return 'each variant must be 1-64 of A-Z a-z 0-9 _ . : -';
  if (new Set(variants).size !== variants.length) return 'its variants repeat';
  if (weights !== undefined) {
    if (!Array.isArray(weights) || weights.length !== variants.length)
      return 'it needs one weight per variant';
    if (!weights.every((w) => Number.isFinite(w) && w >= 0)) return 'its weights must be finite numbers >= 0';
    if (!weights.some((w) => w > 0)) return 'its weights are all 0';
  }
  if (typeof visitorId !== 'string' || !visitorId) return 'there is no visitor id';
  return '';
}

/**
 * The weighted pick for `visitorId`, or `undefined` (after one console warning) for input that
 * cannot be assigned. The point is a 32-bit hash of `${key}:${visitorId}` as a fraction 0..1
 * (FNV-1a with murmur3's finaliser: `fraction(…, true)`), scaled by the sum of the weights.
 */
function assign(
  visitorId: string,
  key: string,
  variants: readonly string[],
  weights: readonly number[] | undefined,
): string | undefined {
  const problem = problemOf(visitorId, key, variants, weights);
  if (problem) {
    warnOnce(`experiment "${String(key)}" gives its first variant: ${problem}`);
    return undefined;
  }
  const w = weights ?? variants.map(() => 1);
  const point = fraction(`${key}:${visitorId}`, true) * w.reduce((a, b) => a + b, 0);
  let edge = 0;
  let last = variants[0]!;
  for (let i = 0; i < variants.length; i++) {
    if (!(w[i]! > 0)) continue;
    edge += w[i]!;
    last = variants[i]!;
    if (point < edge) return last;
  }
  // Only reached through rounding at the very top of the range.
  return last;
}

/** What invalid input gives: the first variant, or `''` when there is none. */
function first(variants: readonly string[]): string {
  return (Array.isArray(variants) && typeof variants[0] === 'string' && variants[0]) || '';
}

/**
 * The variant of experiment `key` for `visitorId`: a 32-bit hash of `${key}:${visitorId}` mapped
 * to 0..1 and picked by `weights` (any non-negative numbers, one per variant; equal when omitted).
 * The same visitor always gets the same variant of the same experiment, on every page and in
 * every session, in the browser and on a server; experiments are independent of one another.
 *
 * Ids must be 1–64 characters of `A-Z a-z 0-9 _ . : -` (the wire schema's). Invalid input (no or
 * repeated variants, bad ids, weights not matching the variants) gives `variants[0]` (`''` when
 * there is none) and one console warning.
 */
export function assignVariant(
  visitorId: string,
  key: string,
  variants: readonly string[],
  weights?: readonly number[],
): string {
  return assign(visitorId, key, variants, weights) ?? first(variants);
}

/** What {@link createExperiments} needs from the tracker. */
export interface ExperimentDeps {
  /** The current visitor id. */
  visitorId(): string;
  /** The current session id: a new id means exposures are recorded again. */
  sessionId(): string;
  /** Records an event (the tracker's emit). */
  emit: SourceContext['emit'];
  /**
   * Exposures already recorded in the current session, kept with the session so a full page load
   * in the same session does not report them again. Default: remembered in memory for the page.
   */
  exposed?: { has(seen: string): boolean; add(seen: string): void };
}

/** The experiments of one tracker. */
export interface Experiments {
  /**
   * The visitor's variant of experiment `key` (see {@link assignVariant}). The first call in a
   * session emits `exposure` `{experimentId, variantId}`; from then on the assignment is in
   * {@link Experiments.active}. Invalid input returns `variants[0]` and records nothing.
   */
  experiment(key: string, variants: readonly string[], weights?: readonly number[]): string;
  /** Experiment id → variant id of every experiment seen by this tracker (at most 50), a copy. */
  active(): Record<string, string>;
}

// Exposures already emitted, for one session at a time: shared by every tracker of the page so a
// tracker started again (destroyed and created, consent granted again) does not repeat them.
let exposedSession = '';
let exposed = new Set<string>();

/**
 * Experiments for a tracker: deterministic assignment by visitor id, the `exposure` event once
 * per session and experiment (remembered in memory, so a new session id reports it again), and
 * the assignments the tracker puts in every event's `experiments` so reports can compare
 * conversion by variant.
 */
export function createExperiments(deps: ExperimentDeps): Experiments {
  const assigned = new Map<string, string>();
  return {
    experiment(key, variants, weights) {
      const variant = assign(deps.visitorId(), key, variants, weights);
      if (variant === undefined) return first(variants);
      // At most 50 experiments per envelope (`experiments`, `maxProperties` in the wire schema).
      if (assigned.has(key) || assigned.size < 50) assigned.set(key, variant);
      else warnOnce(`experiment "${key}" is not attached to events: at most 50 experiments are`);
      const session = deps.sessionId();
      if (session !== exposedSession) {
        exposedSession = session;
        exposed = new Set();
      }
      const store = deps.exposed ?? exposed;
      // Keyed by variant too: if the shop changes the variants mid-session, the new one is exposed.
      const seen = `${key}\n${variant}`;
      if (!store.has(seen)) {
        store.add(seen);
        deps.emit('exposure', { experimentId: key, variantId: variant });
      }
      return variant;
    },
    active: () => Object.fromEntries(assigned),
  };
}
