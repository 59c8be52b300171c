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

/**
 * Fit to window for a design that may not fit readably: `fitBox`, and when the design is wider or taller
 * than the pane at that zoom (its top-left shown, the rest a pan away), shifted so that no card of
 * `cards` is cut at the pane's edge — each wholly on screen or wholly a pan away, the design's
 * top-left kept on screen (without this the Internet or a rule at the far edge came in half cut).
 */
export function fitUncut(bounds: Box, width: number, height: number, pad: number, minZoom: number, padLeft: number, cards: readonly Box[]): Viewport {
  const vp = fitBox(bounds, width, height, pad, minZoom, undefined, padLeft);
  if (showsWhole(vp, bounds, width, height, 0)) return vp;
  return uncutViewport(vp, { x: bounds.x, y: bounds.y, w: 0, h: 0 }, cards, { x: 0, y: 0, w: width, h: height }, vp.zoom);
}

/** Flow px above a first-receipt tenant kept in the camera's frame for its label (24 px high, 6 px gap, a margin). */
export const LABEL_ROOM_ABOVE = 40;

/**
 * The playback camera's frame grown to take in a strip of `room` above each of `anchors` that shares
 * its columns: the first-receipt label goes above its tenant. Without it a tenant at the frame's top
 * left the label no room, and the placer put it below the tenant, where it read as the label of the
 * tenant under it (seen at 1024×700).
 */
export function withRoomAbove(box: Box, anchors: readonly Box[], room = LABEL_ROOM_ABOVE): Box {
  let out = box;
  for (const r of anchors) {
    if (r.x > out.x + out.w || r.x + r.w < out.x || r.y - room >= out.y) continue;
    out = { ...out, y: r.y - room, h: out.h + (out.y - (r.y - room)) };
  }
  return out;
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

/** A rectangle of the canvas pane on screen (px, relative to the pane's top-left). */
export interface ScreenArea {
  x: number;
  y: number;
  w: number;
  h: number;
}

const EPS = 0.5;

function onScreen(vp: Viewport, b: Box): ScreenArea {
  return { x: b.x * vp.zoom + vp.x, y: b.y * vp.zoom + vp.y, w: b.w * vp.zoom, h: b.h * vp.zoom };
}

/** Whether `vp` shows `b` partly: some of it inside `area`, some outside. */
export function isCut(vp: Viewport, b: Box, area: ScreenArea): boolean {
  const s = onScreen(vp, b);
  const iw = Math.min(s.x + s.w, area.x + area.w) - Math.max(s.x, area.x);
  const ih = Math.min(s.y + s.h, area.y + area.h) - Math.max(s.y, area.y);
  if (iw <= EPS || ih <= EPS) return false;
  return s.x < area.x - EPS || s.y < area.y - EPS || s.x + s.w > area.x + area.w + EPS || s.y + s.h > area.y + area.h + EPS;
}

function shows(vp: Viewport, b: Box, area: ScreenArea): boolean {
  const s = onScreen(vp, b);
  return s.x >= area.x - EPS && s.y >= area.y - EPS && s.x + s.w <= area.x + area.w + EPS && s.y + s.h <= area.y + area.h + EPS;
}

/** Offsets along one axis that bring each box wholly inside, or wholly outside, the area. */
function offsets(starts: number[], sizes: number[], lo: number, hi: number): number[] {
  const out = new Set<number>([0]);
  starts.forEach((s, i) => {
    const e = s + sizes[i];
    if (e <= lo || s >= hi) return;
    if (s < lo) out.add(lo - s);
    if (e > hi) out.add(hi - e);
    out.add(hi - s + 1);
    out.add(lo - e - 1);
  });
  // No further than the area's own size: a camera that far away frames something else.
  return [...out].filter((d) => Math.abs(d) <= hi - lo).sort((a, b) => Math.abs(a) - Math.abs(b)).slice(0, 48);
}

/**
 * The camera never cuts a node (issue 12): from `vp`, the nearest camera where every box of
 * `boxes` (nodes, tenant headers, zone titles, notes) is wholly inside `area` or wholly outside it,
 * and `target` (the frame of the current step) stays whole on screen (its centre when it cannot
 * be whole). It first keeps the zoom and shifts; then zooms out step by step — which brings the
 * nodes beside the frame in — never below `minZoom` (names stay readable). Returns `vp` itself when
 * nothing is cut; when no camera cuts nothing, the one that cuts fewest.
 */
export function uncutViewport(vp: Viewport, target: Box, boxes: readonly Box[], area: ScreenArea, minZoom: number): Viewport {
  if (!boxes.some((b) => isCut(vp, b, area))) return vp;
  const zooms: number[] = [];
  for (let z = vp.zoom; z > minZoom + 1e-6; z *= 0.93) zooms.push(z);
  zooms.push(Math.min(vp.zoom, minZoom));
  // The target's centre stays where it is on screen while the zoom changes.
  const cx = target.x + target.w / 2;
  const cy = target.y + target.h / 2;
  const scx = cx * vp.zoom + vp.x;
  const scy = cy * vp.zoom + vp.y;
  // When no camera cuts nothing, the one cutting fewest.
  let best = vp;
  let bestCut = boxes.filter((b) => isCut(vp, b, area)).length;
  for (const zoom of zooms) {
    const base: Viewport = { x: scx - cx * zoom, y: scy - cy * zoom, zoom };
    const fits = target.w * zoom <= area.w && target.h * zoom <= area.h;
    const near = boxes.filter((b) => {
      const s = onScreen(base, b);
      return s.x < area.x + area.w * 2.5 && s.x + s.w > area.x - area.w * 1.5 && s.y < area.y + area.h * 2.5 && s.y + s.h > area.y - area.h * 1.5;
    });
    const screen = near.map((b) => onScreen(base, b));
    const dxs = offsets(screen.map((s) => s.x), screen.map((s) => s.w), area.x, area.x + area.w);
    const dys = offsets(screen.map((s) => s.y), screen.map((s) => s.h), area.y, area.y + area.h);
    const tries: Array<[number, number]> = [];
    for (const dx of dxs) for (const dy of dys) tries.push([dx, dy]);
    tries.sort((a, b) => Math.abs(a[0]) + Math.abs(a[1]) - Math.abs(b[0]) - Math.abs(b[1]));
    for (const [dx, dy] of tries) {
      const c: Viewport = { x: base.x + dx, y: base.y + dy, zoom };
      const targetOk = fits ? shows(c, target, area) : shows(c, { x: cx, y: cy, w: 0, h: 0 }, area);
      if (!targetOk) continue;
      const cut = near.filter((b) => isCut(c, b, area)).length;
      if (cut === 0) return c;
      if (cut < bestCut) {
        best = c;
        bestCut = cut;
      }
    }
  }
  return best;
}
