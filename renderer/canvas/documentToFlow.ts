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
import { Position as Side, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { evaluationDate } from '../../shared/model/service';
import { serverStateAt, type ServerState } from './serverState';
import type { InboundConnector, OutboundConnector, Position, Server, Tenant, TopologyDocument, TransportRule } from '../../shared/model/schema';
import type { ChildKind, EntityKind } from '../model/entities';
import {
  CHILD_GAP,
  CHILD_H,
  CHILD_W,
  COLUMN_X,
  FRONT_DOOR_H,
  FRONT_DOOR_W,
  INTERNET_H,
  INTERNET_W,
  SERVER_H,
  SERVER_W,
  TENANT_COLUMN_MAX_H,
  TENANT_EMPTY_H,
  TENANT_HEADER,
  TENANT_MIN_W,
  TENANT_PAD,
  TOP_Y,
  ZONE_HEADER,
  ZONE_PAD,
} from './geometry';

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
}
export interface LandmarkData extends Record<string, unknown> {
  kind: 'frontDoor' | 'internet';
  label: string;
}
export type EntityNodeData = TenantData | InboundData | OutboundData | RuleData | ServerData;
export type FlowNodeData = EntityNodeData | ZoneData | LandmarkData;
export type FlowNode = Node<FlowNodeData>;

export interface FlowUiInput {
  selection: ReadonlySet<string>;
  diagnostics: ReadonlyMap<string, DiagnosticSummary>;
  /** Accessible label: kind and name, e.g. "Exchange Online tenant Contoso". */
  label(kind: NodeKind, name: string): string;
  /** The run's date of the "Evaluated as of" control (the document's own date wins). */
  today?: string;
}

export interface TenantBox {
  width: number;
  height: number;
  /** Child positions relative to the tenant. */
  children: Map<string, Position>;
}

/** The tenant's size and its children's places: columns inbound | rules | outbound, empty ones skipped. */
export function tenantBox(t: Tenant): TenantBox {
  const columns: Array<Array<{ id: string }>> = [t.inboundConnectors, sortedRules(t), t.outboundConnectors].filter((c) => c.length > 0);
  const children = new Map<string, Position>();
  columns.forEach((col, ci) => {
    col.forEach((child, ri) => {
      children.set(child.id, { x: TENANT_PAD + ci * (CHILD_W + CHILD_GAP), y: TENANT_HEADER + ri * (CHILD_H + CHILD_GAP) });
    });
  });
  const rows = Math.max(0, ...columns.map((c) => c.length));
  const width = Math.max(TENANT_MIN_W, TENANT_PAD * 2 + columns.length * CHILD_W + Math.max(0, columns.length - 1) * CHILD_GAP);
  const height = rows === 0 ? TENANT_EMPTY_H : TENANT_HEADER + rows * (CHILD_H + CHILD_GAP) + TENANT_PAD - CHILD_GAP + 4;
  return { width, height, children };
}

function sortedRules(t: Tenant): TransportRule[] {
  return [...t.transportRules].sort((a, b) => a.priority - b.priority);
}

/** Positions of top-level entities: the stored one, else a default column layout. */
export function topLevelPositions(doc: TopologyDocument, boxes: Map<string, TenantBox>): Map<string, Position> {
  const stored = doc.view?.positions ?? {};
  const out = new Map<string, Position>();
  let y = TOP_Y + ZONE_HEADER;
  for (const s of doc.servers.filter((s) => s.role === 'onPremises')) {
    out.set(s.id, stored[s.id] ?? { x: COLUMN_X.servers, y });
    y += SERVER_H + 28;
  }
  y += ZONE_PAD * 2 + 40;
  for (const s of doc.servers.filter((s) => s.role === 'external')) {
    out.set(s.id, stored[s.id] ?? { x: COLUMN_X.servers, y });
    y += SERVER_H + 28;
  }
  let tx = COLUMN_X.tenants;
  let ty = TOP_Y + ZONE_HEADER;
  let columnWidth = 0;
  for (const t of doc.tenants) {
    const box = boxes.get(t.id)!;
    if (ty > TOP_Y + ZONE_HEADER && ty + box.height > TENANT_COLUMN_MAX_H) {
      tx += columnWidth + 60;
      ty = TOP_Y + ZONE_HEADER;
      columnWidth = 0;
    }
    out.set(t.id, stored[t.id] ?? { x: tx, y: ty });
    ty += box.height + 40;
    columnWidth = Math.max(columnWidth, box.width);
  }
  return out;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function union(rects: Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of rects) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.w);
    y2 = Math.max(y2, r.y + r.h);
  }
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
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

function diag(ui: FlowUiInput, id: string): DiagnosticSummary | null {
  return ui.diagnostics.get(id) ?? null;
}

export function documentToFlow(doc: TopologyDocument, ui: FlowUiInput): { nodes: FlowNode[]; edges: Edge[] } {
  const boxes = new Map(doc.tenants.map((t) => [t.id, tenantBox(t)] as const));
  const positions = topLevelPositions(doc, boxes);
  const nodes: FlowNode[] = [];
  const edges: Edge[] = [];

  // Zones first: React Flow draws earlier nodes below later ones of the same z-index.
  const onPremRects: Rect[] = doc.servers
    .filter((s) => s.role === 'onPremises')
    .map((s) => ({ ...positions.get(s.id)!, w: SERVER_W, h: SERVER_H }));
  const tenantRects: Rect[] = doc.tenants.map((t) => ({ ...positions.get(t.id)!, w: boxes.get(t.id)!.width, h: boxes.get(t.id)!.height }));
  const tenantsBounds = union(tenantRects);

  const frontDoor: Position = tenantsBounds
    ? { x: tenantsBounds.x - FRONT_DOOR_W - 50, y: tenantsBounds.y }
    : { x: COLUMN_X.frontDoor, y: TOP_Y + ZONE_HEADER };
  const exoBounds = union([...tenantRects, { ...frontDoor, w: FRONT_DOOR_W, h: FRONT_DOOR_H }])!;
  const onPremBounds = union(onPremRects) ?? { x: COLUMN_X.servers, y: TOP_Y + ZONE_HEADER, w: SERVER_W, h: SERVER_H };
  const internet: Position = { x: exoBounds.x + exoBounds.w + ZONE_PAD + 70, y: exoBounds.y };

  const zone = (id: string, zoneKind: 'onprem' | 'exo', r: Rect, label: string, empty: boolean): FlowNode => ({
    id,
    type: 'zone',
    position: { x: r.x - ZONE_PAD, y: r.y - ZONE_PAD - ZONE_HEADER },
    data: { kind: 'zone', zone: zoneKind, label, empty },
    style: { width: r.w + ZONE_PAD * 2, height: r.h + ZONE_PAD * 2 + ZONE_HEADER },
    width: r.w + ZONE_PAD * 2,
    height: r.h + ZONE_PAD * 2 + ZONE_HEADER,
    // Only the on-premises zone has a handle (where OnPremises outbound connectors point).
    handles: zoneKind === 'onprem' ? sideHandles(r.w + ZONE_PAD * 2, r.h + ZONE_PAD * 2 + ZONE_HEADER, 'outbound-target', false) : [],
    selectable: false,
    draggable: false,
    focusable: false,
    zIndex: -10,
    ariaRole: 'region',
    ariaLabel: label,
  });
  nodes.push(zone(ZONE_ONPREM_ID, 'onprem', onPremBounds, ui.label('zone', 'onprem'), onPremRects.length === 0));
  nodes.push(zone(ZONE_EXO_ID, 'exo', exoBounds, ui.label('zone', 'exo'), doc.tenants.length === 0));

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
      position: positions.get(s.id)!,
      data: { kind, entity: s, diagnostic: diag(ui, s.id), state: serverStateAt(s, asOf) },
      width: SERVER_W,
      height: SERVER_H,
      handles: sideHandles(SERVER_W, SERVER_H),
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

  for (const t of doc.tenants) {
    const box = boxes.get(t.id)!;
    nodes.push({
      id: t.id,
      type: 'tenant',
      position: positions.get(t.id)!,
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
        position: box.children.get(entity.id)!,
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
      edges.push({
        id: `e:${c.id}->${c.connectorType === 'OnPremises' ? 'onprem' : 'internet'}`,
        source: c.id,
        target: c.connectorType === 'OnPremises' ? ZONE_ONPREM_ID : INTERNET_ID,
        targetHandle: c.connectorType === 'OnPremises' ? 'outbound-target' : null,
        className: `edge-outbound edge-outbound-${c.connectorType === 'OnPremises' ? 'onprem' : 'internet'}${c.enabled ? '' : ' edge-disabled'}`,
        selectable: false,
        focusable: false,
        zIndex: 1,
      });
    }
  }
  // Every node's size is fixed and known: declared as measured, React Flow fits the view to all of
  // them, including the ones it has not mounted (off screen) and so never measured.
  for (const n of nodes) n.measured = { width: n.width, height: n.height };
  return { nodes, edges };
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
  if (a.kind === 'zone' && b.kind === 'zone') return a.label === b.label && a.empty === b.empty && a.zone === b.zone;
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

/**
 * A free place for a new top-level entity added without a drop point: below the lowest entity of
 * its column (servers, external senders, tenants), so it never lands on top of another.
 */
export function freeSpot(doc: TopologyDocument, kind: 'tenant' | 'server' | 'external'): Position {
  const boxes = new Map(doc.tenants.map((t) => [t.id, tenantBox(t)] as const));
  const positions = topLevelPositions(doc, boxes);
  if (kind === 'tenant') {
    if (doc.tenants.length === 0) return { x: COLUMN_X.tenants, y: TOP_Y + ZONE_HEADER };
    let bottom = -Infinity;
    let x = Infinity;
    for (const t of doc.tenants) {
      const p = positions.get(t.id)!;
      bottom = Math.max(bottom, p.y + boxes.get(t.id)!.height);
      x = Math.min(x, p.x);
    }
    return { x, y: bottom + 40 };
  }
  const role = kind === 'server' ? 'onPremises' : 'external';
  const same = doc.servers.filter((s) => s.role === role);
  if (same.length === 0) {
    if (kind === 'server') return { x: COLUMN_X.servers, y: TOP_Y + ZONE_HEADER };
    // External senders start below every on-premises server, outside the On-premises zone.
    const below = Math.max(TOP_Y, ...doc.servers.map((s) => positions.get(s.id)!.y + SERVER_H));
    return { x: COLUMN_X.servers, y: below + ZONE_PAD * 2 + 40 };
  }
  const last = same.reduce((a, s) => (positions.get(s.id)!.y > positions.get(a.id)!.y ? s : a));
  const p = positions.get(last.id)!;
  return { x: p.x, y: p.y + SERVER_H + 28 };
}
