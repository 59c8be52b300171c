/**
 * Readable by construction (renderer/canvas/viewport.ts) and the overlay's placer
 * (shared/layout/placer.ts, also used by the export): fit never goes below the readable zoom, labels avoid node titles,
 * the minimap and each other, curves go around nodes.
 */
import { describe, expect, it } from 'vitest';
import { fitBox, fitUncut, followBox, isCut, LABEL_ROOM_ABOVE, READABLE_ZOOM, showsWhole, uncutViewport, withRoomAbove } from '../../renderer/canvas/viewport';
import { intersection, placeLabels, routeAround, type Rect } from '../../shared/layout/placer';

describe('the camera never cuts a node', () => {
  const area = { x: 0, y: 0, w: 800, h: 600 };
  const target = { x: 100, y: 200, w: 300, h: 100 };

  it('zooms out (readably) to take in a node the frame would cut', () => {
    const beside = { x: 700, y: 220, w: 200, h: 80 };
    const vp = { x: 0, y: 0, zoom: 1 };
    expect(isCut(vp, beside, area)).toBe(true);
    const next = uncutViewport(vp, target, [target, beside], area, READABLE_ZOOM);
    expect(isCut(next, beside, area)).toBe(false);
    expect(isCut(next, target, area)).toBe(false);
    expect(showsWhole(next, target, area.w, area.h, 0)).toBe(true);
    expect(next.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('shifts a node out when taking it in would make names unreadable', () => {
    // A row of nodes too wide to show whole at a readable zoom.
    const row = Array.from({ length: 8 }, (_, i) => ({ x: i * 260, y: 220, w: 220, h: 80 }));
    const vp = { x: -130, y: 0, zoom: 1 };
    const next = uncutViewport(vp, row[1], row, area, READABLE_ZOOM);
    expect(row.filter((b) => isCut(next, b, area))).toEqual([]);
    expect(showsWhole(next, row[1], area.w, area.h, 0)).toBe(true);
    expect(next.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('leaves a view that cuts nothing as it is', () => {
    const vp = { x: 0, y: 0, zoom: 1 };
    expect(uncutViewport(vp, target, [target, { x: 900, y: 0, w: 100, h: 100 }], area, READABLE_ZOOM)).toBe(vp);
  });
});

describe('fit to window', () => {
  it('never zooms below the zoom at which 14 px names render at 11 CSS px', () => {
    expect(READABLE_ZOOM * 14).toBeCloseTo(11);
    const vp = fitBox({ x: 0, y: 0, w: 5000, h: 3000 }, 900, 600, 24, READABLE_ZOOM);
    expect(vp.zoom).toBeCloseTo(READABLE_ZOOM);
    // Too big: the start of the design (top-left) is shown.
    expect(vp.x).toBeCloseTo(24);
    expect(vp.y).toBeCloseTo(24);
  });

  it('a design that fits is shown whole and centred, using the space', () => {
    const bounds = { x: 20, y: 44, w: 1800, h: 600 };
    const vp = fitBox(bounds, 2000, 1000, 24, READABLE_ZOOM);
    expect(showsWhole(vp, bounds, 2000, 1000, 23)).toBe(true);
    // One dimension fills the pane (no 40 % left empty on both axes).
    expect(Math.max((bounds.w * vp.zoom) / 2000, (bounds.h * vp.zoom) / 1000)).toBeGreaterThan(0.9);
  });

  it('the playback camera keeps a view that already shows the step readably, and moves otherwise', () => {
    const box = { x: 100, y: 100, w: 300, h: 100 };
    expect(followBox({ x: 0, y: 0, zoom: 1 }, box, 1000, 700, 20, READABLE_ZOOM)).toBeNull();
    const moved = followBox({ x: -2000, y: 0, zoom: 0.4 }, box, 1000, 700, 20, READABLE_ZOOM)!;
    expect(moved.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(showsWhole(moved, box, 1000, 700, 20)).toBe(true);
  });
});

describe('fit never cuts a card', () => {
  it('a design too wide to fit readably shows its top-left, and the card at the far edge wholly or not at all', () => {
    // The hybrid example at 1920×1080: the Internet node past the right edge at the readable zoom.
    const cards = [
      { x: 0, y: 0, w: 220, h: 80 },
      { x: 300, y: 0, w: 190, h: 76 },
      { x: 1560, y: 0, w: 170, h: 76 },
    ];
    const bounds = { x: 0, y: 0, w: 1730, h: 400 };
    const plain = fitBox(bounds, 1330, 900, 24, READABLE_ZOOM, undefined, 56);
    expect(cards.some((c) => isCut(plain, c, { x: 0, y: 0, w: 1330, h: 900 }))).toBe(true);
    const vp = fitUncut(bounds, 1330, 900, 24, READABLE_ZOOM, 56, cards);
    expect(cards.filter((c) => isCut(vp, c, { x: 0, y: 0, w: 1330, h: 900 }))).toEqual([]);
    expect(vp.zoom).toBe(plain.zoom);
    // The top-left (where mail starts) stays on screen.
    expect(vp.x).toBeGreaterThanOrEqual(0);
    expect(vp.x).toBeLessThan(1330);
  });

  it('a design that fits is fitted as before', () => {
    const bounds = { x: 0, y: 0, w: 600, h: 400 };
    expect(fitUncut(bounds, 1200, 800, 24, READABLE_ZOOM, 56, [bounds])).toEqual(fitBox(bounds, 1200, 800, 24, READABLE_ZOOM, undefined, 56));
  });
});

describe('the playback frame keeps room for the first-receipt label', () => {
  it('a tenant at the top of the frame gets the strip above it, so the camera shows the label there', () => {
    const tenant = { x: 400, y: 100, w: 700, h: 300 };
    const hops = { x: 420, y: 150, w: 200, h: 80 };
    const box = withRoomAbove(hops, [tenant]);
    expect(box.y).toBe(tenant.y - LABEL_ROOM_ABOVE);
    expect(box.y + box.h).toBe(hops.y + hops.h);
    // The camera that frames it shows the strip above the tenant on screen.
    const vp = followBox({ x: -300, y: -60, zoom: 1 }, box, 900, 500, 48, READABLE_ZOOM)!;
    expect((tenant.y - LABEL_ROOM_ABOVE) * vp.zoom + vp.y).toBeGreaterThanOrEqual(0);
  });

  it('a tenant beside the frame, or with room already, changes nothing', () => {
    const hops = { x: 0, y: 200, w: 200, h: 80 };
    expect(withRoomAbove(hops, [{ x: 600, y: 100, w: 300, h: 300 }])).toEqual(hops);
    expect(withRoomAbove(hops, [{ x: 0, y: 300, w: 300, h: 300 }])).toEqual(hops);
  });
});

describe('label placer', () => {
  const node: Rect = { x: 100, y: 100, w: 200, h: 80 };
  it('puts a label where it covers no node title, no other label, nothing the minimap hides', () => {
    const above: Rect = { x: 100, y: 40, w: 200, h: 50 }; // another node right above
    const minimap: Rect = { x: 100, y: 186, w: 200, h: 60 }; // the minimap right below
    const placed = placeLabels(
      [
        { key: 'a', anchor: node, w: 120, h: 24, sides: ['above', 'below', 'right'] },
        { key: 'b', anchor: node, w: 120, h: 24, sides: ['above', 'below', 'right'] },
      ],
      [node, above, minimap],
      { x: 0, y: 0, w: 1000, h: 1000 },
    );
    const a = placed.get('a')!;
    const b = placed.get('b')!;
    for (const o of [node, above, minimap]) {
      expect(intersection(a, o)).toBe(0);
      expect(intersection(b, o)).toBe(0);
    }
    expect(intersection(a, b)).toBe(0);
  });

  it('a curve between two nodes bends around a connector in its way', () => {
    const blocker = { x: 180, y: 80, w: 140, h: 40 };
    const g = routeAround({ x: 100, y: 100 }, { x: 400, y: 100 }, 0.12, [blocker]);
    for (let i = 1; i < 24; i++) {
      const t = i / 24;
      const u = 1 - t;
      const p = { x: u * u * g.p0.x + 2 * u * t * g.c.x + t * t * g.p1.x, y: u * u * g.p0.y + 2 * u * t * g.c.y + t * t * g.p1.y };
      const inside = p.x > blocker.x && p.x < blocker.x + blocker.w && p.y > blocker.y && p.y < blocker.y + blocker.h;
      expect(inside).toBe(false);
    }
  });
});
