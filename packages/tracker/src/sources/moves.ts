import type { WireMovePoint } from '@vitrine/schema';
import { elementKeyOf } from '../element-key.js';
import type { Source } from '../types.js';

/** At most one point per this many milliseconds. */
const SAMPLE_MS = 100;
/** Points per `move` event (the wire allows 1–500). */
const BATCH = 50;

function fraction(offset: number, size: number): number {
  if (!(size > 0)) return 0.5;
  return Math.round(Math.min(1, Math.max(0, offset / size)) * 10_000) / 10_000;
}

/**
 * Sampled pointer movement for move heatmaps (off unless the tracker's `moves` option is set):
 * at most one point per 100 ms, each the stable key of the element under a mouse or pen pointer,
 * the offset inside it as fractions and `t`, whole milliseconds since the source started. Points
 * are sent 50 to a `move` event, and the rest when the page is hidden or left or the source
 * stops. Touch is left out: moving a finger scrolls. Points over private elements are skipped.
 */
export const moves: Source = (context) => {
  const start = performance.now();
  let last = -Infinity;
  let points: WireMovePoint[] = [];

  const flush = (): void => {
    if (!points.length) return;
    context.emit('move', { points });
    points = [];
  };
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') flush();
  };
  const onMove = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse' && event.pointerType !== 'pen') return;
    const now = performance.now();
    if (now - last < SAMPLE_MS) return;
    const target = event.composedPath().find((node): node is Element => node instanceof Element);
    if (!target || context.isPrivate(target)) return;
    const described = elementKeyOf(target, { snap: true });
    if (!described) return;
    last = now;
    const box = described.element.getBoundingClientRect();
    points.push({
      elementKey: described.elementKey,
      offsetX: fraction(event.clientX - box.left, box.width),
      offsetY: fraction(event.clientY - box.top, box.height),
      t: Math.max(0, Math.round(now - start)),
    });
    if (points.length >= BATCH) flush();
  };

  document.addEventListener('pointermove', onMove, { capture: true, passive: true });
  document.addEventListener('visibilitychange', onHidden);
  addEventListener('pagehide', flush);
  return () => {
    document.removeEventListener('pointermove', onMove, { capture: true });
    document.removeEventListener('visibilitychange', onHidden);
    removeEventListener('pagehide', flush);
    flush();
  };
};
