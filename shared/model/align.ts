/**
 * Align and distribute (draw.io's Arrange ▸ Align, Visio's Align/Position): pure functions from
 * the selected boxes to their new top-left positions. One call gives all positions, which the
 * designer commits as one undo step.
 */
import type { Position } from './schema';

export interface AlignBox {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export const ALIGN_MODES = ['left', 'center', 'right', 'top', 'middle', 'bottom'] as const;
export type AlignMode = (typeof ALIGN_MODES)[number];
export const DISTRIBUTE_AXES = ['horizontal', 'vertical'] as const;
export type DistributeAxis = (typeof DISTRIBUTE_AXES)[number];

/** Aligns the boxes' edges or centres to the selection's outermost edge (left, top…) or centre line. */
export function alignBoxes(boxes: readonly AlignBox[], mode: AlignMode): Record<string, Position> {
  if (boxes.length < 2) return {};
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  const out: Record<string, Position> = {};
  for (const b of boxes) {
    let { x, y } = b;
    if (mode === 'left') x = left;
    else if (mode === 'right') x = right - b.w;
    else if (mode === 'center') x = (left + right) / 2 - b.w / 2;
    else if (mode === 'top') y = top;
    else if (mode === 'bottom') y = bottom - b.h;
    else y = (top + bottom) / 2 - b.h / 2;
    out[b.id] = { x, y };
  }
  return out;
}

/**
 * Spreads the boxes so the gaps between neighbours are equal along the axis; the first and the
 * last box (by position) stay where they are. Fewer than three boxes: nothing to distribute.
 */
export function distributeBoxes(boxes: readonly AlignBox[], axis: DistributeAxis): Record<string, Position> {
  if (boxes.length < 3) return {};
  const start = (b: AlignBox) => (axis === 'horizontal' ? b.x : b.y);
  const size = (b: AlignBox) => (axis === 'horizontal' ? b.w : b.h);
  const sorted = [...boxes].sort((a, b) => start(a) - start(b) || a.id.localeCompare(b.id));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const span = start(last) + size(last) - start(first);
  const gap = (span - sorted.reduce((s, b) => s + size(b), 0)) / (sorted.length - 1);
  const out: Record<string, Position> = {};
  let at = start(first);
  for (const b of sorted) {
    out[b.id] = axis === 'horizontal' ? { x: at, y: b.y } : { x: b.x, y: at };
    at += size(b) + gap;
  }
  return out;
}
