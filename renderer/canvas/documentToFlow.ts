/**
 * The canvas is a projection of the document: `documentToFlow(doc, ui)` is a pure function from the
 * TopologyDocument (plus selection and diagnostics) to React Flow nodes and edges. The document is
 * the only source of truth; nodes are never edited as such (a drag is committed back to
 * `view.positions` on drag stop, a drop becomes a model edit).
 *
 * Tenants are group nodes; their connectors and rules are child nodes laid out in three columns
 * (inbound, rules, outbound) so a tenant always fits its contents. Zones, the Exchange Online front
 * door and the Internet are drawn around/next to the entities and are not part of the model.
 */
import type { NoteNodeData } from './NoteNode';
import { Position as Side, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { evaluationDate } from '../../shared/model/service';
import { serverStateAt, type ServerState } from './serverState';
import type { InboundConnector, OutboundConnector, Position, Server, Tenant, TopologyDocument, TransportRule } from '../../shared/model/schema';
import type { ChildKind, EntityKind } from '../model/entities';
import { CHILD_H, CHILD_W, FRONT_DOOR_H, FRONT_DOOR_W, INTERNET_H, INTERNET_W, SERVER_H, SERVER_W } from '../../shared/layout/geometry';
import { layoutCanvas, sortedRules, type Box } from '../../shared/layout/canvas';
import { receivingServer } from '../../shared/diagram/route';

export type Severity = 'error' | 'warning' | 'info';

export interface DiagnosticSummary {
  severity: Severity;
  count: number;
  messages: string[];
}

export const FRONT_DOOR_ID = '__frontdoor';
export const INTERNET_ID = '__internet';
export const ZONE_ONPREM_ID = '__zone-onprem';
export const ZONE_EXO_ID = '__zone-exo';
/** Width + height (flow px) above which a zone's outline is drawn solid (see ZoneData.large). */
const LARGE_ZONE = 6000;
/** The handle on a server's right side where mail from an OnPremises outbound connector arrives. */
export const SERVER_BACK_HANDLE = 'back';

export type NodeKind = EntityKind | 'frontDoor' | 'internet' | 'zone';

interface BaseData extends Record<string, unknown> {
  diagnostic: DiagnosticSummary | null;
}
export interface TenantData extends BaseData {
  kind: 'tenant';
  entity: Tenant;
}
export interface InboundData extends BaseData {
  kind: 'inbound';
  entity: InboundConnector;
}
export interface OutboundData extends BaseData {
  kind: 'outbound';
  entity: OutboundConnector;
}
export interface RuleData extends BaseData {
  kind: 'rule';
  entity: TransportRule;
}
export interface ServerData extends BaseData {
  kind: 'server' | 'external';
  entity: Server;
  /** Certificate and Exchange version at the evaluation date (issue 14). */
  state: ServerState;
}
export interface ZoneData extends Record<string, unknown> {
  kind: 'zone';
  zone: 'onprem' | 'exo';
  label: string;
  empty: boolean;
  /** Where the empty zone's hint goes, relative to the zone (beside the front door, never under it). */
  hint: Box | null;
  /**
   * A zone of a large design spans thousands of pixels: its dashed rounded outline then costs most of
   * every frame of a pan (the 3,000-node bench row), so it is drawn solid.
   */
  large: boolean;
}
export interface LandmarkData extends Record<string, unknown> {
  kind: 'frontDoor' | 'internet';
  label: string;
}
export type EntityNodeData = TenantData | InboundData | OutboundData | RuleData | ServerData;
export type FlowNodeData = EntityNodeData | ZoneData | LandmarkData | NoteNodeData;
export type FlowNode = Node<FlowNodeData>;

export interface FlowUiInput {
  selection: ReadonlySet<string>;
  diagnostics: ReadonlyMap<string, DiagnosticSummary>;
  /** Accessible label: kind and name, e.g. "Exchange Online tenant Contoso". */
  label(kind: NodeKind, name: string): string;
  /** The run's date of the "Evaluated as of" control (the document's own date wins). */
  today?: string;
}

/** Handle size in px (see .node-handle in canvas.css: invisible, centred on the left/right edge). */
const HANDLE = 6;
const handleCache = new Map<string, NodeHandle[]>();
/**
 * The handles each node draws (target on the left edge, source on the right), declared up front:
 * React Flow otherwise mounts every node once, visible or not, just to measure its handles —
 * 1,000 cards for a 1,000-node document before the first frame.
 */
function sideHandles(width: number, height: number, targetId: string | null = null, sourceToo = true): NodeHandle[] {
  const key = `${width}x${height}:${targetId ?? ''}:${sourceToo}`;
  let handles = handleCache.get(key);
  if (!handles) {
    const y = height / 2 - HANDLE / 2;
    handles = [
      { id: targetId, type: 'target', position: targetId ? Side.Right : Side.Left, x: targetId ? width - HANDLE / 2 : -HANDLE / 2, y, width: HANDLE, height: HANDLE },
      ...(sourceToo ? [{ id: null, type: 'source' as const, position: Side.Right, x: width - HANDLE / 2, y, width: HANDLE, height: HANDLE }] : []),
    ];
    handleCache.set(key, handles);
  }
  return handles;
}

const place = (b: Box | undefined): Position => (b ? { x: b.x, y: b.y } : { x: 0, y: 0 });

function diag(ui: FlowUiInput, id: string): DiagnosticSummary | null {
  return ui.diagnostics.get(id) ?? null;
}

export function documentToFlow(doc: TopologyDocument, ui: FlowUiInput): { nodes: FlowNode[]; edges: Edge[]; bounds: Box } {
  const layout = layoutCanvas(doc);
  const nodes: FlowNode[] = [];
  const edges: Edge[] = [];
  const frontDoor: Position = { x: layout.frontDoor.x, y: layout.frontDoor.y };
  const internet: Position = { x: layout.internet.x, y: layout.internet.y };

  // Zones first: React Flow draws earlier nodes below later ones of the same z-index.
  const zone = (id: string, zoneKind: 'onprem' | 'exo', r: Box, label: string, empty: boolean, hint: Box | null): FlowNode => ({
    id,
    type: 'zone',
    position: { x: r.x, y: r.y },
    data: { kind: 'zone', zone: zoneKind, label, empty, hint: hint && { x: hint.x - r.x, y: hint.y - r.y, w: hint.w, h: hint.h }, large: r.w + r.h > LARGE_ZONE },
    style: { width: r.w, height: r.h },
    width: r.w,
    height: r.h,
    // Only the on-premises zone has a handle (where OnPremises outbound connectors point).
    handles: zoneKind === 'onprem' ? sideHandles(r.w, r.h, 'outbound-target', false) : [],
    selectable: false,
    draggable: false,
    focusable: false,
    zIndex: -10,
    ariaRole: 'region',
    ariaLabel: label,
  });
  const onPremCount = doc.servers.filter((s) => s.role === 'onPremises').length;
  nodes.push(zone(ZONE_ONPREM_ID, 'onprem', layout.zones.onPremises, ui.label('zone', 'onprem'), onPremCount === 0, null));
  nodes.push(zone(ZONE_EXO_ID, 'exo', layout.zones.exchangeOnline, ui.label('zone', 'exo'), doc.tenants.length === 0, layout.hint));

  nodes.push({
    id: FRONT_DOOR_ID,
    type: 'frontDoor',
    position: frontDoor,
    data: { kind: 'frontDoor', label: ui.label('frontDoor', '') },
    width: FRONT_DOOR_W,
    height: FRONT_DOOR_H,
    handles: sideHandles(FRONT_DOOR_W, FRONT_DOOR_H),
    selectable: false,
    draggable: false,
    ariaLabel: ui.label('frontDoor', ''),
  });
  nodes.push({
    id: INTERNET_ID,
    type: 'internet',
    position: internet,
    data: { kind: 'internet', label: ui.label('internet', '') },
    width: INTERNET_W,
    height: INTERNET_H,
    handles: sideHandles(INTERNET_W, INTERNET_H),
    selectable: false,
    draggable: false,
    ariaLabel: ui.label('internet', ''),
  });

  const asOf = evaluationDate(doc.service, { today: ui.today ?? null }).date;
  for (const s of doc.servers) {
    const kind = s.role === 'external' ? 'external' : 'server';
    nodes.push({
      id: s.id,
      type: kind,
      position: place(layout.servers.get(s.id)),
      data: { kind, entity: s, diagnostic: diag(ui, s.id), state: serverStateAt(s, asOf) },
      width: SERVER_W,
      height: SERVER_H,
      // Servers also take mail back on their right side (an OnPremises connector's smart host).
      handles: [...sideHandles(SERVER_W, SERVER_H), ...sideHandles(SERVER_W, SERVER_H, SERVER_BACK_HANDLE, false)],
      selected: ui.selection.has(s.id),
      ariaLabel: ui.label(kind, s.name),
    });
    edges.push({
      id: `e:${s.id}->frontdoor`,
      source: s.id,
      target: FRONT_DOOR_ID,
      className: `edge-${kind}`,
      selectable: false,
      focusable: false,
    });
  }

  let onPremLane = 0;
  for (const t of doc.tenants) {
    const placed = layout.tenants.get(t.id);
    if (!placed) continue;
    const box = placed.box;
    nodes.push({
      id: t.id,
      type: 'tenant',
      position: place(placed),
      data: { kind: 'tenant', entity: t, diagnostic: diag(ui, t.id) },
      style: { width: box.width, height: box.height },
      width: box.width,
      height: box.height,
      handles: [],
      selected: ui.selection.has(t.id),
      ariaLabel: ui.label('tenant', t.name),
    });
    const child = (kind: ChildKind, entity: InboundConnector | OutboundConnector | TransportRule) => {
      nodes.push({
        id: entity.id,
        type: kind,
        parentId: t.id,
        position: box.children.get(entity.id) ?? { x: 0, y: 0 },
        data: { kind, entity, diagnostic: diag(ui, entity.id) } as EntityNodeData,
        width: CHILD_W,
        height: CHILD_H,
        handles: sideHandles(CHILD_W, CHILD_H),
        selected: ui.selection.has(entity.id),
        ariaLabel: ui.label(kind, entity.name),
      });
    };
    for (const c of t.inboundConnectors) child('inbound', c);
    for (const r of sortedRules(t)) child('rule', r);
    for (const c of t.outboundConnectors) {
      child('outbound', c);
      const onPrem = c.connectorType === 'OnPremises';
      // The server the connector's smart host names receives the mail (shared/diagram/route.ts).
      const receiver = onPrem ? receivingServer(doc, c.smartHosts) : null;
      const lane = onPremLane++;
      edges.push({
        id: `e:${c.id}->${onPrem ? 'onprem' : 'internet'}`,
        source: c.id,
        target: onPrem ? (receiver?.id ?? ZONE_ONPREM_ID) : INTERNET_ID,
        targetHandle: onPrem ? (receiver ? SERVER_BACK_HANDLE : 'outbound-target') : null,
        className: `edge-outbound edge-outbound-${onPrem ? 'onprem' : 'internet'}${c.enabled ? '' : ' edge-disabled'}`,
        selectable: false,
        focusable: false,
        zIndex: 1,
        // Back to the left, around the tenants rather than through them.
        ...(onPrem ? { type: 'detour', data: { laneY: layout.zones.exchangeOnline.y - 14 - (lane % 6) * 6, outX: 18 + (lane % 6) * 6, inX: 18 + (lane % 6) * 6 } } : {}),
      });
    }
  }
  // Every node's size is fixed and known: declared as measured, React Flow fits the view to all of
  // them, including the ones it has not mounted (off screen) and so never measured.
  for (const n of nodes) n.measured = { width: n.width, height: n.height };
  return { nodes, edges, bounds: layout.bounds };
}

/** Summaries of diagnostics per entity id (highest severity first). */
export function summariseDiagnostics(
  diagnostics: ReadonlyArray<{ entity: string | null; severity: Severity; message: string }>,
): Map<string, DiagnosticSummary> {
  const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
  const out = new Map<string, DiagnosticSummary>();
  for (const d of diagnostics) {
    if (!d.entity) continue;
    const cur = out.get(d.entity);
    if (!cur) out.set(d.entity, { severity: d.severity, count: 1, messages: [d.message] });
    else {
      cur.count += 1;
      cur.messages.push(d.message);
      if (rank[d.severity] > rank[cur.severity]) cur.severity = d.severity;
    }
  }
  return out;
}

/** Absolute rectangles of tenants on the canvas, for drop targets. */
export function tenantAt(
  nodes: ReadonlyArray<{ id: string; type?: string; position: Position; width?: number | null; height?: number | null }>,
  point: Position,
  excludeId?: string,
): string | null {
  // Later tenants are drawn above earlier ones: search from the top.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (n.type !== 'tenant' || n.id === excludeId) continue;
    const w = n.width ?? 0;
    const h = n.height ?? 0;
    if (point.x >= n.position.x && point.x <= n.position.x + w && point.y >= n.position.y && point.y <= n.position.y + h) return n.id;
  }
  return null;
}

function sameSummary(a: DiagnosticSummary | null | undefined, b: DiagnosticSummary | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.severity === b.severity && a.count === b.count && a.messages.join('\n') === b.messages.join('\n');
}

function sameData(a: FlowNodeData, b: FlowNodeData): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if ('entity' in a && 'entity' in b) return a.entity === b.entity && sameSummary(a.diagnostic as DiagnosticSummary | null, b.diagnostic as DiagnosticSummary | null);
  if (a.kind === 'zone' && b.kind === 'zone') return a.label === b.label && a.empty === b.empty && a.zone === b.zone && a.large === b.large && JSON.stringify(a.hint) === JSON.stringify(b.hint);
  return (a as LandmarkData).label === (b as LandmarkData).label;
}

/**
 * Keeps the previous node object wherever nothing it shows changed, so memoised node components
 * (and React Flow's own node wrappers) skip re-rendering: an edit re-renders one node, not all.
 */
export function reuseUnchangedNodes(previous: readonly FlowNode[], next: FlowNode[]): FlowNode[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((n) => [n.id, n] as const));
  return next.map((n) => {
    const old = byId.get(n.id);
    if (
      old &&
      old.type === n.type &&
      old.parentId === n.parentId &&
      old.position.x === n.position.x &&
      old.position.y === n.position.y &&
      old.width === n.width &&
      old.height === n.height &&
      old.ariaLabel === n.ariaLabel &&
      (old.selected ?? false) === (n.selected ?? false) &&
      sameData(old.data, n.data)
    ) {
      return old;
    }
    return n;
  });
}
