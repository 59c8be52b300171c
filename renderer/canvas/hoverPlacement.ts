/**
 * Where a hover card goes (pure): beside the hovered box — right, left, below, above, in that order
 * — on the first side where it fits inside the window, so it never covers what it describes. When
 * no side fits whole, the side with the most room is used and the card is kept inside the window
 * along the other axis (it may then be clipped by its own scrolling, never placed over the box).
 */
export interface ScreenRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Side = 'right' | 'left' | 'below' | 'above';

export function placeHoverCard(anchor: ScreenRect, size: { w: number; h: number }, view: { w: number; h: number }, gap = 10, margin = 8): { x: number; y: number; side: Side } {
  const clampX = (x: number) => Math.max(margin, Math.min(x, view.w - margin - size.w));
  const clampY = (y: number) => Math.max(margin, Math.min(y, view.h - margin - size.h));
  const room: Record<Side, number> = {
    right: view.w - margin - (anchor.x + anchor.w + gap),
    left: anchor.x - gap - margin,
    below: view.h - margin - (anchor.y + anchor.h + gap),
    above: anchor.y - gap - margin,
  };
  const need: Record<Side, number> = { right: size.w, left: size.w, below: size.h, above: size.h };
  const order: Side[] = ['right', 'left', 'below', 'above'];
  const side = order.find((s) => room[s] >= need[s]) ?? order.reduce((best, s) => (room[s] / need[s] > room[best] / need[best] ? s : best), order[0]);
  switch (side) {
    case 'right':
      return { x: anchor.x + anchor.w + gap, y: clampY(anchor.y), side };
    case 'left':
      return { x: anchor.x - gap - size.w, y: clampY(anchor.y), side };
    case 'below':
      return { x: clampX(anchor.x), y: anchor.y + anchor.h + gap, side };
    default:
      return { x: clampX(anchor.x), y: anchor.y - gap - size.h, side };
  }
}
