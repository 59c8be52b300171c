/** Alignment guides while dragging: snap within the threshold, guide lines through both boxes, none with Alt. */
import { describe, expect, it } from 'vitest';
import { alignmentGuides } from '../../shared/model/guides';

const other = { id: 'b', x: 100, y: 300, w: 200, h: 80 };

describe('alignment guides', () => {
  it('snaps a left edge within the threshold and draws one vertical guide through both boxes', () => {
    const r = alignmentGuides({ id: 'a', x: 104, y: 0, w: 120, h: 60 }, [other], 6);
    expect(r.dx).toBe(-4);
    expect(r.dy).toBe(0);
    expect(r.guides).toEqual([{ axis: 'x', at: 100, from: 0, to: 380, with: 'b' }]);
  });

  it('lines centres and right edges up too, choosing the nearest', () => {
    // Centre 200 vs moving centre 203 (3 away) beats nothing else in reach.
    const centre = alignmentGuides({ id: 'a', x: 143, y: 0, w: 120, h: 60 }, [other], 6);
    expect(centre.dx).toBe(-3);
    expect(centre.guides.map((g) => g.at)).toEqual([200]);
    const right = alignmentGuides({ id: 'a', x: 182, y: 0, w: 120, h: 60 }, [other], 6);
    expect(right.dx).toBe(-2);
    expect(right.guides[0]).toMatchObject({ axis: 'x', at: 300 });
  });

  it('snaps top, middle and bottom on the y axis', () => {
    const r = alignmentGuides({ id: 'a', x: 600, y: 305, w: 100, h: 80 }, [other], 6);
    expect(r.dy).toBe(-5);
    expect(r.guides.map((g) => [g.axis, g.at])).toEqual([
      ['y', 300],
      ['y', 340],
      ['y', 380],
    ]);
    expect(r.guides[0]).toMatchObject({ from: 100, to: 700 });
  });

  it('does nothing beyond the threshold, and does not snap when snapping is off (Alt)', () => {
    expect(alignmentGuides({ id: 'a', x: 120, y: 0, w: 50, h: 50 }, [other], 6)).toEqual({ dx: 0, dy: 0, guides: [] });
    const alt = alignmentGuides({ id: 'a', x: 104, y: 0, w: 120, h: 60 }, [other], 6, false);
    expect(alt).toEqual({ dx: 0, dy: 0, guides: [] });
    // Lines that already coincide still show their guide.
    expect(alignmentGuides({ id: 'a', x: 100, y: 0, w: 120, h: 60 }, [other], 6, false).guides).toHaveLength(1);
  });

  it('never aligns a box with itself', () => {
    expect(alignmentGuides({ id: 'b', x: 101, y: 301, w: 200, h: 80 }, [other], 6)).toEqual({ dx: 0, dy: 0, guides: [] });
  });
});
