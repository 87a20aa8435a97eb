/**
 * Zoom state of one image: `scale` around the box's centre, then a pan of `x`, `y` CSS pixels
 * (`transform: translate(x, y) scale(scale)` with `transform-origin: center`).
 */
export interface Zoom {
  scale: number;
  x: number;
  y: number;
}

export const NO_ZOOM: Zoom = { scale: 1, x: 0, y: 0 };

/** Keeps the zoomed image covering its box: no empty band shows at any edge. */
export function clampZoom(zoom: Zoom, width: number, height: number, maxScale: number): Zoom {
  const scale = Math.min(Math.max(zoom.scale, 1), maxScale);
  const maxX = ((scale - 1) * width) / 2;
  const maxY = ((scale - 1) * height) / 2;
  return {
    scale,
    x: Math.min(Math.max(zoom.x, -maxX), maxX),
    y: Math.min(Math.max(zoom.y, -maxY), maxY),
  };
}

/**
 * Zooms to `scale` keeping the image point under (`px`, `py`) — offsets from the box's centre —
 * where it is, as pinch and double-tap users expect.
 */
export function zoomAt(zoom: Zoom, scale: number, px: number, py: number): Zoom {
  const ratio = scale / zoom.scale;
  return { scale, x: px - (px - zoom.x) * ratio, y: py - (py - zoom.y) * ratio };
}

/**
 * Hover zoom: the image point under the pointer at (`px`, `py`), offsets from the centre, shows
 * under the pointer, so moving to an edge reveals that edge.
 */
export function hoverZoom(scale: number, px: number, py: number): Zoom {
  return { scale, x: -px * (scale - 1), y: -py * (scale - 1) };
}
