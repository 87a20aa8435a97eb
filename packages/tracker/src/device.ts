import type { WireDevice } from '@vitrine/schema';

/**
 * Coarse facts about the layout the page is rendered in, for splitting heatmaps: the class by
 * viewport width (below 768 CSS px `mobile`, below 1024 `tablet`, else `desktop`), the viewport
 * size in whole CSS px and the device pixel ratio. Read on every event: the window can be resized
 * or a tablet turned between two clicks.
 */
export function deviceInfo(): WireDevice {
  const viewportWidth = Math.max(0, Math.round(innerWidth));
  const dpr = Math.round(devicePixelRatio * 100) / 100;
  const device: WireDevice = {
    class: viewportWidth < 768 ? 'mobile' : viewportWidth < 1024 ? 'tablet' : 'desktop',
    viewportWidth,
    viewportHeight: Math.max(0, Math.round(innerHeight)),
  };
  if (dpr > 0) device.dpr = dpr;
  return device;
}
