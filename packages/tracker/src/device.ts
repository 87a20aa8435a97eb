import type { WireDevice } from '@vitrine/schema';

/** Widths (CSS px) below which the layout is `mobile`, then `tablet`; `desktop` from the second on. */
const DEVICE_BREAKPOINTS = { tablet: 768, desktop: 1024 } as const;

/**
 * Coarse facts about the layout the page is rendered in, for splitting heatmaps: the class by
 * viewport width (below 768 CSS px `mobile`, below 1024 `tablet`, else `desktop`), the viewport
 * size in whole CSS px and the device pixel ratio. Read on every event: the window can be resized
 * or a tablet turned between two clicks.
 */
export function deviceInfo(): WireDevice {
  const viewportWidth = Math.max(0, Math.round(innerWidth));
  const viewportHeight = Math.max(0, Math.round(innerHeight));
  const dpr = Math.round(devicePixelRatio * 100) / 100;
  return {
    class:
      viewportWidth < DEVICE_BREAKPOINTS.tablet
        ? 'mobile'
        : viewportWidth < DEVICE_BREAKPOINTS.desktop
          ? 'tablet'
          : 'desktop',
    viewportWidth,
    viewportHeight,
    ...(dpr > 0 ? { dpr } : {}),
  };
}
