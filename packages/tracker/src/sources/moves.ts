import type { WireMovePoint } from '@vitrine/schema';
import { elementKeyOf, offsetIn } from '../element-key.js';
import type { Source } from '../types.js';

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
    const now = performance.now();
    // At most one point per 100 ms.
    if (!/^(mouse|pen)$/.test(event.pointerType) || now - last < 100) return;
    const target = event.composedPath().find((node): node is Element => node instanceof Element);
    if (!target || context.isPrivate(target)) return;
    const described = elementKeyOf(target, { snap: true });
    if (!described) return;
    last = now;
    points.push({
      elementKey: described.elementKey,
      ...offsetIn(described.element, event),
      t: Math.max(0, Math.round(now - start)),
    });
    // 50 points per `move` event (the wire allows 1–500).
    if (points.length >= 50) flush();
  };

  document.addEventListener('pointermove', onMove, { capture: true, passive: true });
  document.addEventListener('visibilitychange', onHidden);
  addEventListener('pagehide', flush);
  return () => {
    document.removeEventListener('pointermove', onMove, true);
    document.removeEventListener('visibilitychange', onHidden);
    removeEventListener('pagehide', flush);
    flush();
  };
};
