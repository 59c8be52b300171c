/** Align and distribute: edges and centres line up; gaps between neighbours become equal. */
import { describe, expect, it } from 'vitest';
import { alignBoxes, distributeBoxes, type AlignBox } from '../../shared/model/align';

const boxes: AlignBox[] = [
  { id: 'a', x: 10, y: 0, w: 100, h: 50 },
  { id: 'b', x: 200, y: 80, w: 60, h: 30 },
  { id: 'c', x: 50, y: 300, w: 120, h: 40 },
];

describe('align', () => {
  it('aligns left, right and centre edges to the selection', () => {
    expect(Object.values(alignBoxes(boxes, 'left')).map((p) => p.x)).toEqual([10, 10, 10]);
    const right = alignBoxes(boxes, 'right');
    expect(boxes.map((b) => right[b.id].x + b.w)).toEqual([260, 260, 260]);
    const center = alignBoxes(boxes, 'center');
    expect(boxes.map((b) => center[b.id].x + b.w / 2)).toEqual([135, 135, 135]);
    // Vertical positions are kept.
    expect(boxes.map((b) => alignBoxes(boxes, 'left')[b.id].y)).toEqual([0, 80, 300]);
  });

  it('aligns top, bottom and middle', () => {
    expect(Object.values(alignBoxes(boxes, 'top')).map((p) => p.y)).toEqual([0, 0, 0]);
    const bottom = alignBoxes(boxes, 'bottom');
    expect(boxes.map((b) => bottom[b.id].y + b.h)).toEqual([340, 340, 340]);
    const middle = alignBoxes(boxes, 'middle');
    expect(boxes.map((b) => middle[b.id].y + b.h / 2)).toEqual([170, 170, 170]);
  });

  it('does nothing for fewer than two boxes', () => {
    expect(alignBoxes(boxes.slice(0, 1), 'left')).toEqual({});
  });
});

describe('distribute', () => {
  it('makes the gaps between neighbours equal, keeping the outermost boxes in place', () => {
    const v = distributeBoxes(boxes, 'vertical');
    expect(v.a.y).toBe(0);
    expect(v.c.y).toBe(300);
    const gaps = [v.b.y - (v.a.y + 50), v.c.y - (v.b.y + 30)];
    expect(gaps[0]).toBeCloseTo(gaps[1]);
    const h = distributeBoxes(boxes, 'horizontal');
    expect(h.a.x).toBe(10);
    expect(h.b.x).toBe(200);
    expect(h.c.x - (h.a.x + 100)).toBeCloseTo(h.b.x - (h.c.x + 120));
  });

  it('needs three boxes', () => {
    expect(distributeBoxes(boxes.slice(0, 2), 'horizontal')).toEqual({});
  });
});
