/**
 * The minimap, drawn once per change of the nodes into a <canvas>; the visible area is a
 * translucent box moved with a compositor-only transform.
 *
 * Why not React Flow's <MiniMap>: its SVG `viewBox` follows the viewport, so every frame of a pan
 * at fit view re-lays out one SVG rect per node (1,000–3,000 of them) and repaints, and any repaint
 * makes the browser re-layerize the whole canvas. Here a pan repaints nothing.
 * Only top-level nodes are drawn (tenants contain their connectors and rules).
 */
import { memo, useCallback, useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { Panel, useReactFlow, useStoreApi, type ReactFlowState } from '@xyflow/react';
import type { FlowNode } from './documentToFlow';

const WIDTH = 168;
const HEIGHT = 112;
const PAD = 6;

/** CSS custom property of each node type's colour (resolved against the theme when drawing). */
const COLOR_VARS: Record<string, string> = {
  tenant: '--mf-tenant-border',
  server: '--mf-server',
  external: '--mf-external',
  frontDoor: '--mf-accent',
  internet: '--mf-internet',
};

interface Frame {
  x: number;
  y: number;
  scale: number;
}

function frameOf(nodes: readonly FlowNode[]): Frame {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of nodes) {
    if (n.parentId) continue;
    x1 = Math.min(x1, n.position.x);
    y1 = Math.min(y1, n.position.y);
    x2 = Math.max(x2, n.position.x + (n.width ?? 0));
    y2 = Math.max(y2, n.position.y + (n.height ?? 0));
  }
  if (!Number.isFinite(x1)) return { x: 0, y: 0, scale: 1 };
  const scale = Math.min((WIDTH - PAD * 2) / Math.max(1, x2 - x1), (HEIGHT - PAD * 2) / Math.max(1, y2 - y1));
  // Centre the drawing in the minimap.
  return { x: x1 - ((WIDTH - PAD * 2) / scale - (x2 - x1)) / 2 - PAD / scale, y: y1 - ((HEIGHT - PAD * 2) / scale - (y2 - y1)) / 2 - PAD / scale, scale };
}

export const Minimap = memo(function Minimap({ nodes, theme, label }: { nodes: readonly FlowNode[]; theme: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
  const frame = useMemo(() => frameOf(nodes), [nodes]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    el.width = WIDTH * ratio;
    el.height = HEIGHT * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const style = getComputedStyle(el);
    const colors = new Map(Object.entries(COLOR_VARS).map(([type, v]) => [type, style.getPropertyValue(v).trim() || '#888']));
    for (const n of nodes) {
      if (n.parentId || n.type === 'zone') continue;
      ctx.fillStyle = colors.get(n.type ?? '') ?? '#888';
      ctx.globalAlpha = n.type === 'tenant' ? 0.55 : 0.9;
      ctx.fillRect((n.position.x - frame.x) * frame.scale, (n.position.y - frame.y) * frame.scale, Math.max(1, (n.width ?? 0) * frame.scale), Math.max(1, (n.height ?? 0) * frame.scale));
    }
  }, [nodes, frame, theme]);

  // The visible area: a 100 × 100 box scaled and moved by transform only (no layout, no repaint),
  // straight from React Flow's store (no React render per frame).
  const store = useStoreApi();
  useEffect(() => {
    const place = (s: ReactFlowState) => {
      const [tx, ty, zoom] = s.transform;
      if (!box.current || !zoom) return;
      const x = (-tx / zoom - frame.x) * frame.scale;
      const y = (-ty / zoom - frame.y) * frame.scale;
      box.current.style.transform = `translate(${x}px, ${y}px) scale(${((s.width / zoom) * frame.scale) / 100}, ${((s.height / zoom) * frame.scale) / 100})`;
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store, frame]);

  // Click or drag on the minimap centres the canvas there.
  const centreAt = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      const rect = event.currentTarget.getBoundingClientRect();
      const x = (event.clientX - rect.left) / frame.scale + frame.x;
      const y = (event.clientY - rect.top) / frame.scale + frame.y;
      void flow.setCenter(x, y, { zoom: flow.getZoom() });
    },
    [flow, frame],
  );
  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      event.currentTarget.setPointerCapture(event.pointerId);
      centreAt(event);
    },
    [centreAt],
  );
  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      if (event.currentTarget.hasPointerCapture(event.pointerId)) centreAt(event);
    },
    [centreAt],
  );

  return (
    <Panel position="bottom-right" className="react-flow__minimap mf-minimap">
      <div className="mf-minimap-surface" style={{ width: WIDTH, height: HEIGHT }} onPointerDown={onPointerDown} onPointerMove={onPointerMove}>
        <canvas ref={canvas} role="img" aria-label={label} style={{ width: WIDTH, height: HEIGHT }} />
        <div ref={box} className="mf-minimap-view" aria-hidden="true" />
      </div>
    </Panel>
  );
});
