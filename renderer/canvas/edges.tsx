/**
 * Edges that must not cross nodes. An OnPremises outbound connector's edge goes back to the
 * organization's server on the left: drawn straight (or as a smooth step) it would run through
 * every connector and rule of its tenant. It leaves to the right, rises above the Exchange Online
 * zone on its own lane, crosses over and comes down into the server's right side.
 */
import { memo } from 'react';
import { BaseEdge, type Edge, type EdgeProps, type EdgeTypes } from '@xyflow/react';

export interface DetourData extends Record<string, unknown> {
  /** y of the lane above the zones (flow coordinates). */
  laneY: number;
  /** How far right of the source the path turns up, and left of... the target's right edge it comes down. */
  outX: number;
  inX: number;
}

export type DetourEdgeType = Edge<DetourData, 'detour'>;

/** An orthogonal path through the points with rounded corners. */
export function roundedPath(points: ReadonlyArray<{ x: number; y: number }>, radius = 10): string {
  if (points.length < 2) return '';
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1];
    const b = points[i];
    const c = points[i + 1];
    const r = Math.min(radius, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const p1 = { x: b.x + Math.sign(a.x - b.x) * r, y: b.y + Math.sign(a.y - b.y) * r };
    const p2 = { x: b.x + Math.sign(c.x - b.x) * r, y: b.y + Math.sign(c.y - b.y) * r };
    d += ` L${p1.x},${p1.y} Q${b.x},${b.y} ${p2.x},${p2.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L${last.x},${last.y}`;
}

export const DetourEdge = memo(function DetourEdge({ id, sourceX, sourceY, targetX, targetY, data, markerEnd, style }: EdgeProps<DetourEdgeType>) {
  const laneY = data?.laneY ?? Math.min(sourceY, targetY) - 40;
  const outX = sourceX + (data?.outX ?? 24);
  const inX = targetX + (data?.inX ?? 24);
  const path = roundedPath([
    { x: sourceX, y: sourceY },
    { x: outX, y: sourceY },
    { x: outX, y: laneY },
    { x: inX, y: laneY },
    { x: inX, y: targetY },
    { x: targetX, y: targetY },
  ]);
  return <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />;
});

export const edgeTypes: EdgeTypes = { detour: DetourEdge };
