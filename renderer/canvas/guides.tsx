/**
 * Alignment guides while dragging (draw.io's smart guides): the dragged node's left/centre/right
 * and top/middle/bottom are compared with the other nodes of its lane (on-premises servers and
 * Internet senders; tenants and the front door; notes with everything) by the pure
 * shared/model/guides.ts; within a few screen pixels the node snaps and a guide line is drawn.
 * Holding Alt turns snapping off. The drag itself stays local to React Flow (Canvas.tsx); the snap
 * offset is added to what is committed on drag stop.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ViewportPortal, type Node, type NodeChange, type ReactFlowInstance } from '@xyflow/react';
import type { AlignBox } from '../../shared/model/align';
import { alignmentGuides, type GuideLine } from '../../shared/model/guides';
import type { FlowNode } from './documentToFlow';
import { GRID } from './geometry';
import { useUiStore } from '../store/uiStore';

/** Screen pixels within which a node snaps to another's line. */
export const SNAP_PX = 6;

/** The lane a top-level node aligns within (null: with every node — notes). */
function laneOf(type: string | undefined): string | null {
  if (type === 'server' || type === 'external') return 'left';
  if (type === 'tenant' || type === 'frontDoor') return 'exo';
  if (type === 'internet') return 'internet';
  return null;
}

interface Drag {
  id: string;
  /** Every node of the drag (they move by the same offset). */
  ids: ReadonlySet<string>;
  w: number;
  h: number;
  others: AlignBox[];
}

export function useAlignmentGuides(flow: ReactFlowInstance<FlowNode>) {
  const drag = useRef<Drag | null>(null);
  const offset = useRef({ dx: 0, dy: 0, x: false, y: false });
  const alt = useRef(false);
  const [guides, setGuides] = useState<GuideLine[]>([]);

  useEffect(() => {
    const track = (e: KeyboardEvent | PointerEvent | MouseEvent) => {
      alt.current = e.altKey;
    };
    window.addEventListener('keydown', track, true);
    window.addEventListener('keyup', track, true);
    window.addEventListener('pointermove', track, true);
    window.addEventListener('mousemove', track, true);
    return () => {
      window.removeEventListener('keydown', track, true);
      window.removeEventListener('keyup', track, true);
      window.removeEventListener('pointermove', track, true);
      window.removeEventListener('mousemove', track, true);
    };
  }, []);

  /** On drag start: the boxes the dragged node may align with (a connector or rule stays in its tenant: none). */
  const start = useCallback(
    (node: Node, dragged: Node[]) => {
      offset.current = { dx: 0, dy: 0, x: false, y: false };
      const internal = flow.getInternalNode(node.id);
      if (!internal || node.parentId) {
        drag.current = null;
        return;
      }
      const lane = laneOf(node.type);
      const moving = new Set(dragged.map((n) => n.id));
      const others: AlignBox[] = [];
      for (const n of flow.getNodes()) {
        if (moving.has(n.id) || n.parentId || n.type === 'zone') continue;
        const other = laneOf(n.type);
        if (lane !== null && other !== null && other !== lane) continue;
        const i = flow.getInternalNode(n.id);
        if (!i) continue;
        others.push({ id: n.id, x: i.internals.positionAbsolute.x, y: i.internals.positionAbsolute.y, w: i.measured.width ?? n.width ?? 0, h: i.measured.height ?? n.height ?? 0 });
      }
      drag.current = { id: node.id, ids: moving, w: internal.measured.width ?? node.width ?? 0, h: internal.measured.height ?? node.height ?? 0, others };
    },
    [flow],
  );

  /** During a drag: the position changes, snapped (every dragged node moves by the same offset). */
  const adjust = useCallback(
    (changes: NodeChange<FlowNode>[]): NodeChange<FlowNode>[] => {
      const d = drag.current;
      if (!d) return changes;
      const primary = changes.find((c) => c.type === 'position' && c.id === d.id && c.position);
      if (!primary || primary.type !== 'position' || !primary.position) return changes;
      const zoom = flow.getViewport().zoom || 1;
      // With snap to grid on, React Flow has already put the node on the grid, up to half a step
      // from where the pointer is: a line within that reach wins over the grid (as in draw.io).
      const threshold = Math.max(SNAP_PX / zoom, useUiStore.getState().snapToGrid ? GRID / 2 : 0);
      const result = alignmentGuides({ id: d.id, x: primary.position.x, y: primary.position.y, w: d.w, h: d.h }, d.others, threshold, !alt.current);
      offset.current = { dx: result.dx, dy: result.dy, x: result.guides.some((g) => g.axis === 'x'), y: result.guides.some((g) => g.axis === 'y') };
      setGuides((old) => (JSON.stringify(old) === JSON.stringify(result.guides) ? old : result.guides));
      if (!result.dx && !result.dy) return changes;
      // Only the moves of the drag itself: what is committed on drag stop (with the same offset)
      // redraws the node where the document has it.
      return changes.map((c) => (c.type === 'position' && c.position && c.dragging && d.ids.has(c.id) ? { ...c, position: { x: c.position.x + result.dx, y: c.position.y + result.dy } } : c));
    },
    [flow],
  );

  /** On drag stop: the offset to add to the positions committed and the axes aligned on a guide (kept exact, off the grid); the guides go. */
  const stop = useCallback(() => {
    const o = drag.current ? offset.current : { dx: 0, dy: 0, x: false, y: false };
    drag.current = null;
    offset.current = { dx: 0, dy: 0, x: false, y: false };
    setGuides([]);
    return o;
  }, []);

  return { guides, start, adjust, stop };
}

/** The guide lines, in flow coordinates over the nodes (a hairline at any zoom). */
export function AlignmentGuides({ guides }: { guides: GuideLine[] }) {
  if (!guides.length) return null;
  return (
    <ViewportPortal>
      <svg className="align-guides" width="1" height="1" overflow="visible" aria-hidden="true">
        {guides.map((g, i) =>
          g.axis === 'x' ? (
            <line key={i} x1={g.at} x2={g.at} y1={g.from - 16} y2={g.to + 16} data-testid="align-guide" data-axis="x" data-at={g.at} />
          ) : (
            <line key={i} x1={g.from - 16} x2={g.to + 16} y1={g.at} y2={g.at} data-testid="align-guide" data-axis="y" data-at={g.at} />
          ),
        )}
      </svg>
    </ViewportPortal>
  );
}
