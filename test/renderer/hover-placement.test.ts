/** Where a hover card goes: beside its target (never over it) and inside the window. */
import { describe, expect, it } from 'vitest';
import { placeHoverCard } from '../../renderer/canvas/hoverPlacement';

const view = { w: 1024, h: 700 };
const size = { w: 300, h: 200 };
const disjoint = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
  a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

describe('hover card placement', () => {
  it('goes right of the target when it fits, top-aligned', () => {
    expect(placeHoverCard({ x: 100, y: 100, w: 200, h: 80 }, size, view)).toEqual({ x: 310, y: 100, side: 'right' });
  });

  it('goes left, below or above near the window edges, never over the target, always inside', () => {
    for (const anchor of [
      { x: 800, y: 100, w: 200, h: 80 },
      { x: 10, y: 100, w: 1000, h: 80 },
      { x: 10, y: 450, w: 1000, h: 80 },
      { x: 700, y: 640, w: 200, h: 50 },
    ]) {
      const p = placeHoverCard(anchor, size, view);
      const card = { x: p.x, y: p.y, ...size };
      expect(disjoint(card, anchor)).toBe(true);
      expect(p.x).toBeGreaterThanOrEqual(8);
      expect(p.y).toBeGreaterThanOrEqual(8);
      expect(p.x + size.w).toBeLessThanOrEqual(view.w - 8);
      expect(p.y + size.h).toBeLessThanOrEqual(view.h - 8);
    }
    expect(placeHoverCard({ x: 800, y: 100, w: 200, h: 80 }, size, view).side).toBe('left');
    expect(placeHoverCard({ x: 10, y: 100, w: 1000, h: 80 }, size, view).side).toBe('below');
    expect(placeHoverCard({ x: 10, y: 450, w: 1000, h: 80 }, size, view).side).toBe('above');
  });
});
