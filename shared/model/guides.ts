/**
 * Alignment guides while dragging (draw.io's and Visio's smart guides): when a moving box's left,
 * centre or right (top, middle or bottom) comes within a few units of another box's, the box snaps
 * to it and a guide line is drawn through both. Pure: the canvas passes boxes in flow coordinates
 * and a threshold (a few screen pixels divided by the zoom) and draws what comes back.
 */
import type { AlignBox } from './align';

export interface GuideLine {
  /** `x`: a vertical line at x = `at`; `y`: a horizontal line at y = `at`. */
  axis: 'x' | 'y';
  at: number;
  /** Extent along the other axis, covering the moving box and the box it aligns with. */
  from: number;
  to: number;
  /** The other box. */
  with: string;
}

export interface GuideResult {
  /** Offset to add to the moving box's position to snap (0 when nothing is within the threshold). */
  dx: number;
  dy: number;
  guides: GuideLine[];
}

type Box = Omit<AlignBox, 'id'>;

/** Left, centre, right (axis x) or top, middle, bottom (axis y) of a box. */
function lines(b: Box, axis: 'x' | 'y'): number[] {
  return axis === 'x' ? [b.x, b.x + b.w / 2, b.x + b.w] : [b.y, b.y + b.h / 2, b.y + b.h];
}

/** The smallest correction along one axis that lines one of the box's lines up with another box's. */
function nearest(moving: Box, others: readonly AlignBox[], axis: 'x' | 'y', threshold: number): number | null {
  let best: number | null = null;
  for (const o of others) {
    for (const mine of lines(moving, axis)) {
      for (const theirs of lines(o, axis)) {
        const d = theirs - mine;
        if (Math.abs(d) <= threshold && (best === null || Math.abs(d) < Math.abs(best))) best = d;
      }
    }
  }
  return best;
}

/**
 * Guides for `moving` among `others`. With `snap` false (Alt held) the box is not moved, and guides
 * are shown only for lines that already coincide.
 */
export function alignmentGuides(moving: AlignBox, others: readonly AlignBox[], threshold: number, snap = true): GuideResult {
  const candidates = others.filter((o) => o.id !== moving.id);
  const dx = snap ? (nearest(moving, candidates, 'x', threshold) ?? 0) : 0;
  const dy = snap ? (nearest(moving, candidates, 'y', threshold) ?? 0) : 0;
  const placed: Box = { x: moving.x + dx, y: moving.y + dy, w: moving.w, h: moving.h };
  const guides: GuideLine[] = [];
  for (const o of candidates) {
    for (const axis of ['x', 'y'] as const) {
      for (const at of lines(placed, axis)) {
        if (!lines(o, axis).some((v) => Math.abs(v - at) < 0.5)) continue;
        const key = `${axis}:${Math.round(at * 2) / 2}`;
        const [a0, a1] = axis === 'x' ? [placed.y, placed.y + placed.h] : [placed.x, placed.x + placed.w];
        const [b0, b1] = axis === 'x' ? [o.y, o.y + o.h] : [o.x, o.x + o.w];
        const from = Math.min(a0, b0);
        const to = Math.max(a1, b1);
        const prior = guides.find((g) => `${g.axis}:${Math.round(g.at * 2) / 2}` === key);
        if (prior) {
          // One line per position, long enough for every box on it.
          prior.from = Math.min(prior.from, from);
          prior.to = Math.max(prior.to, to);
          continue;
        }
        guides.push({ axis, at, from, to, with: o.id });
      }
    }
  }
  return { dx, dy, guides };
}
