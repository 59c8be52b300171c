/**
 * Readable by construction: the zoom at which node names render at 11 CSS px or more, and the
 * viewport that "Fit to window" and the playback camera choose with it. Pure (no React).
 */
import type { Box } from '../../shared/layout/canvas';

/** Node names are 14 px (canvas.css): at this zoom they render at ≥ 11 CSS px. */
export const NAME_PX = 14;
export const MIN_READABLE_PX = 11;
export const READABLE_ZOOM = MIN_READABLE_PX / NAME_PX;
/** Low-detail names are 20 px (canvas.css .mf-lod): readable down to this zoom. */
export const LOW_DETAIL_NAME_PX = 20;
export const LOW_DETAIL_READABLE_ZOOM = MIN_READABLE_PX / LOW_DETAIL_NAME_PX;
export const MAX_FIT_ZOOM = 1.1;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The viewport showing `bounds` in a `width`×`height` pane with `pad` screen px around it, never
 * below `minZoom`. When the design does not fit at `minZoom`, its top-left (where mail starts: the
 * organization's servers and the front door) is shown and the rest is a pan away.
 */
export function fitBox(bounds: Box, width: number, height: number, pad: number, minZoom: number, maxZoom = MAX_FIT_ZOOM, padLeft = pad): Viewport {
  const availW = width - pad - padLeft;
  const availH = height - pad * 2;
  const fit = Math.min(availW / Math.max(1, bounds.w), availH / Math.max(1, bounds.h));
  const zoom = Math.max(minZoom, Math.min(maxZoom, fit));
  const fitsX = bounds.w * zoom <= availW;
  const fitsY = bounds.h * zoom <= availH;
  const x = fitsX ? padLeft + (availW - bounds.w * zoom) / 2 - bounds.x * zoom : padLeft - bounds.x * zoom;
  const y = fitsY ? (height - bounds.h * zoom) / 2 - bounds.y * zoom : pad - bounds.y * zoom;
  return { x, y, zoom };
}

/** Room kept on the left for the canvas's zoom controls, so a fitted design is never under them. */
export const CONTROLS_W = 56;

/** Whether `box` (flow coordinates) is wholly on screen in `vp` with `pad` px to spare. */
export function showsWhole(vp: Viewport, box: Box, width: number, height: number, pad: number): boolean {
  const left = box.x * vp.zoom + vp.x;
  const top = box.y * vp.zoom + vp.y;
  return left >= pad && top >= pad && left + box.w * vp.zoom <= width - pad && top + box.h * vp.zoom <= height - pad;
}

/**
 * The camera for one playback step: the current hops framed at a readable size. Keeps the view when
 * it already shows them readably (no needless motion); otherwise centres them at the current zoom
 * clamped to [readable, 1.1], zooming out no further than readable.
 */
export function followBox(current: Viewport, box: Box, width: number, height: number, pad: number, minZoom: number): Viewport | null {
  if (current.zoom >= minZoom - 1e-6 && showsWhole(current, box, width, height, pad)) return null;
  const fit = Math.min((width - pad * 2) / Math.max(1, box.w), (height - pad * 2) / Math.max(1, box.h));
  const zoom = Math.max(minZoom, Math.min(MAX_FIT_ZOOM, Math.max(current.zoom, minZoom), fit));
  return { x: width / 2 - (box.x + box.w / 2) * zoom, y: height / 2 - (box.y + box.h / 2) * zoom, zoom };
}
