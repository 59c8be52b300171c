/**
 * Collision-avoiding placement of the labels drawn over the canvas during playback
 * (renderer/playback/CanvasOverlay.tsx) and over the exported picture (shared/diagram/overlay.ts):
 * first receipt, rule acted, hand-off, stop mark, delivery marks, NDR; and routing of the overlay's
 * curves around nodes. Pure: rectangles in, positions out (flow or picture coordinates).
 *
 * A label tries its candidate places in order of preference and takes the first that covers no
 * obstacle (node titles, the labels placed before it, the minimap, the canvas controls, panels) and
 * stays in the visible part of the canvas; if none is free, the one overlapping least.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Side = 'above' | 'aboveRight' | 'below' | 'belowRight' | 'right' | 'left' | 'aboveCenter' | 'belowCenter';

export interface LabelRequest {
  key: string;
  /** What the label is about (a node, or a small box around a point). */
  anchor: Rect;
  w: number;
  h: number;
  /** Preferred places, best first. */
  sides: Side[];
}

const GAP = 6;

function candidate(anchor: Rect, w: number, h: number, side: Side, push: number): Rect {
  const { x, y } = anchor;
  const right = anchor.x + anchor.w;
  const bottom = anchor.y + anchor.h;
  const cx = anchor.x + anchor.w / 2;
  switch (side) {
    case 'above':
      return { x, y: y - h - GAP - push, w, h };
    case 'aboveRight':
      return { x: right - w, y: y - h - GAP - push, w, h };
    case 'aboveCenter':
      return { x: cx - w / 2, y: y - h - GAP - push, w, h };
    case 'below':
      return { x, y: bottom + GAP + push, w, h };
    case 'belowRight':
      return { x: right - w, y: bottom + GAP + push, w, h };
    case 'belowCenter':
      return { x: cx - w / 2, y: bottom + GAP + push, w, h };
    case 'right':
      return { x: right + GAP + push, y: anchor.y + Math.min(8, anchor.h / 4), w, h };
    case 'left':
      return { x: x - w - GAP - push, y: anchor.y + Math.min(8, anchor.h / 4), w, h };
  }
}

export function intersection(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** A label above or below a node that is partly off screen slides along it into view (and vice versa). */
function slideInto(r: Rect, visible: Rect | null, side: Side): Rect {
  if (!visible) return r;
  const out = { ...r };
  if (side !== 'left' && side !== 'right') out.x = Math.min(Math.max(out.x, visible.x), Math.max(visible.x, visible.x + visible.w - out.w));
  else out.y = Math.min(Math.max(out.y, visible.y), Math.max(visible.y, visible.y + visible.h - out.h));
  return out;
}

function outside(r: Rect, visible: Rect | null): number {
  if (!visible) return 0;
  return r.w * r.h - intersection(r, visible);
}

/**
 * Places labels one after the other (earlier requests win). `obstacles` are fixed boxes; `visible`
 * is the part of the canvas on screen (labels outside it would be hidden under the panels); `rings`
 * is how many places further out each side may try (the export, with no screen, tries more).
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Rect[], visible: Rect | null, rings = 3): Map<string, Rect> {
  const placed = new Map<string, Rect>();
  const taken: Rect[] = [];
  for (const req of requests) {
    // A label whose node is off screen stays beside it (it would point at nothing in view).
    const view = visible && intersection(req.anchor, visible) > 0 ? visible : null;
    let best: Rect | null = null;
    let bestCost = Infinity;
    // Each side as preferred, then the same sides a little further out (a stack of labels).
    for (let ring = 0; ring < rings; ring++) {
      const push = ring * (req.h + GAP);
      for (const side of req.sides) {
        const c = slideInto(candidate(req.anchor, req.w, req.h, side, push), view, side);
        let cost = 0;
        for (const o of obstacles) cost += intersection(c, o);
        for (const o of taken) cost += intersection(c, o) * 2;
        cost += outside(c, view) * 3;
        if (cost < bestCost) {
          bestCost = cost;
          best = c;
        }
        if (cost === 0) break;
      }
      if (bestCost === 0) break;
    }
    if (best) {
      placed.set(req.key, best);
      taken.push(best);
    }
  }
  return placed;
}

export interface Point {
  x: number;
  y: number;
}

export interface Curve {
  p0: Point;
  c: Point;
  p1: Point;
}

function at(g: Curve, t: number): Point {
  const u = 1 - t;
  return { x: u * u * g.p0.x + 2 * u * t * g.c.x + t * t * g.p1.x, y: u * u * g.p0.y + 2 * u * t * g.c.y + t * t * g.p1.y };
}

function crossings(g: Curve, obstacles: readonly Rect[]): number {
  let n = 0;
  // The ends sit on their own nodes' borders: only the inner part of the curve counts.
  for (let i = 2; i <= 22; i++) {
    const p = at(g, i / 24);
    for (const o of obstacles) if (p.x > o.x && p.x < o.x + o.w && p.y > o.y && p.y < o.y + o.h) n++;
  }
  return n;
}

/**
 * A curve from p0 to p1 that passes no obstacle when one exists: the preferred bend first, then
 * stronger bends either way, then arcs over or under everything in between.
 */
export function routeAround(p0: Point, p1: Point, bend: number, obstacles: readonly Rect[]): Curve {
  const mx = (p0.x + p1.x) / 2;
  const my = (p0.y + p1.y) / 2;
  const dx = p1.x - p0.x;
  const dy = p1.y - p0.y;
  const minX = Math.min(p0.x, p1.x);
  const maxX = Math.max(p0.x, p1.x);
  const minY = Math.min(p0.y, p1.y);
  const maxY = Math.max(p0.y, p1.y);
  const near = obstacles.filter((o) => o.x < maxX + 200 && o.x + o.w > minX - 200 && o.y < maxY + 200 && o.y + o.h > minY - 200);
  const curve = (k: number): Curve => ({ p0, c: { x: mx - dy * k, y: my + dx * k }, p1 });
  const preferred = curve(bend);
  if (near.length === 0 || crossings(preferred, near) === 0) return preferred;
  const tries: Curve[] = [bend * 2, -bend, bend * 3.5, -bend * 2.5, 0, bend * 5, -bend * 4].map(curve);
  const top = Math.min(...near.map((o) => o.y), minY);
  const bottom = Math.max(...near.map((o) => o.y + o.h), maxY);
  // A quadratic curve reaches half-way to its control point: twice the clearance above/below.
  tries.push({ p0, c: { x: mx, y: 2 * (top - 24) - my }, p1 }, { p0, c: { x: mx, y: 2 * (bottom + 24) - my }, p1 });
  let best = preferred;
  let bestN = crossings(preferred, near);
  for (const g of tries) {
    const n = crossings(g, near);
    if (n < bestN) {
      best = g;
      bestN = n;
      if (n === 0) break;
    }
  }
  return best;
}
