/**
 * Auto-layout with elkjs (layered, left to right: senders → front door → tenants → Internet).
 * elkjs is ~1.5 MB, so it is imported only when the user asks for a layout.
 */
import type { Position, TopologyDocument } from '../../shared/model/schema';
import { tenantBox } from '../../shared/layout/canvas';
import { FRONT_DOOR_H, FRONT_DOOR_W, INTERNET_H, INTERNET_W, SERVER_H, SERVER_W } from './geometry';

interface ElkNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkNode[];
  edges?: Array<{ id: string; sources: string[]; targets: string[] }>;
}

export async function computeAutoLayout(doc: TopologyDocument): Promise<Record<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const partition = (p: number) => ({ 'elk.partitioning.partition': String(p) });
  const children: ElkNode[] = [
    ...doc.servers.map((s) => ({ id: s.id, width: SERVER_W, height: SERVER_H, layoutOptions: partition(0) })),
    { id: '__frontdoor', width: FRONT_DOOR_W, height: FRONT_DOOR_H, layoutOptions: partition(1) },
    ...doc.tenants.map((t) => {
      const box = tenantBox(t);
      return { id: t.id, width: box.width, height: box.height, layoutOptions: partition(2) };
    }),
    { id: '__internet', width: INTERNET_W, height: INTERNET_H, layoutOptions: partition(3) },
  ];
  const edges = [
    ...doc.servers.map((s) => ({ id: `s:${s.id}`, sources: [s.id], targets: ['__frontdoor'] })),
    ...doc.tenants.map((t) => ({ id: `t:${t.id}`, sources: ['__frontdoor'], targets: [t.id] })),
    ...doc.tenants.filter((t) => t.outboundConnectors.length > 0).map((t) => ({ id: `o:${t.id}`, sources: [t.id], targets: ['__internet'] })),
  ];
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '140',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children,
    edges,
  } as ElkNode);
  const out: Record<string, Position> = {};
  for (const n of graph.children ?? []) {
    if (n.id.startsWith('__')) continue;
    // Offset so the zones' labels stay on screen; round to the snap grid.
    out[n.id] = { x: Math.round(((n.x ?? 0) + 40) / 20) * 20, y: Math.round(((n.y ?? 0) + 120) / 20) * 20 };
  }
  return out;
}
