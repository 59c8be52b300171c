/**
 * The one layout of a design, used by the canvas (renderer/canvas/documentToFlow.ts), the canvas's
 * placement of new entities and the exported picture (shared/diagram/layout.ts draws these very boxes).
 * Pure and deterministic: a function of the document alone.
 *
 * Zones are lanes, left to right: the On-premises lane (servers, Internet senders below the zone),
 * the Exchange Online lane (front door, then the tenants), then the Internet. Stored positions
 * (`view.positions`) are where the user put things and are respected, but resolved: a box that would
 * overlap one placed before it (in top-to-bottom order) moves down below it, and a lane that would
 * reach into the lane on its left is shifted right as a whole. So whatever the document says — an
 * old file, a paste, an import, two tenants dropped on one spot — the drawing keeps the invariant:
 * no two zones, tenants or nodes overlap, every node is inside its zone or tenant, and nothing is
 * left of or above the origin.
 */
import type { Position, Server, Tenant, TopologyDocument, TransportRule } from '../model/schema';
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

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TenantBox {
  width: number;
  height: number;
  /** Child positions relative to the tenant. */
  children: Map<string, Position>;
}

export interface CanvasLayout {
  /** Absolute boxes of servers (on-premises and Internet senders). */
  servers: Map<string, Box>;
  /** Absolute boxes of tenants with their children's relative places. */
  tenants: Map<string, Box & { box: TenantBox }>;
  frontDoor: Box;
  internet: Box;
  zones: { onPremises: Box; exchangeOnline: Box };
  /** Where the empty Exchange Online zone shows "drop a tenant here" (null once it has tenants). */
  hint: Box | null;
  /** The union of everything drawn. */
  bounds: Box;
}

/** The smallest coordinate any zone edge may have. */
export const MARGIN = 20;
/** Between two lanes (zones) side by side. */
export const LANE_GAP = 90;
const SERVER_GAP = 28;
const TENANT_GAP = 40;
/** The front door sits this far left of the tenants. */
const FRONT_DOOR_GAP = 50;
/** The empty Exchange Online zone's drop area (right of the front door). */
const HINT_W = 320;
const HINT_H = 170;

export function sortedRules(t: Tenant): TransportRule[] {
  return [...t.transportRules].sort((a, b) => a.priority - b.priority);
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

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

export function union(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of boxes) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.w);
    y2 = Math.max(y2, r.y + r.h);
  }
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

/** A zone's box around its content (padding, and the label band on top). */
function zoneAround(r: Box): Box {
  return { x: r.x - ZONE_PAD, y: r.y - ZONE_PAD - ZONE_HEADER, w: r.w + ZONE_PAD * 2, h: r.h + ZONE_PAD * 2 + ZONE_HEADER };
}

function storedPosition(doc: TopologyDocument, id: string): Position | undefined {
  const stored = doc.view?.positions;
  // An id may be "constructor" or "__proto__": only the document's own keys count.
  return stored && Object.hasOwn(stored, id) ? stored[id] : undefined;
}

interface Wanted {
  id: string;
  index: number;
  at: Position;
  w: number;
  h: number;
}

/**
 * Places boxes in top-to-bottom order of where they are wanted; one that would overlap a box placed
 * before it moves down below that box (a lane grows downwards, never into its neighbour).
 */
function resolve(items: Wanted[], minX: number, minY: number, gap: number): Map<string, Box> {
  const order = [...items].sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x || a.index - b.index);
  const placed: Box[] = [];
  const out = new Map<string, Box>();
  for (const it of order) {
    const box: Box = { x: Math.max(minX, Number.isFinite(it.at.x) ? it.at.x : minX), y: Math.max(minY, Number.isFinite(it.at.y) ? it.at.y : minY), w: it.w, h: it.h };
    for (let moved = true; moved; ) {
      moved = false;
      for (const p of placed) {
        if (overlaps(box, p, gap)) {
          box.y = p.y + p.h + gap;
          moved = true;
        }
      }
    }
    placed.push(box);
    out.set(it.id, box);
  }
  return out;
}

/** Default places: servers in a column, Internet senders below them, tenants in columns. */
function defaultPlaces(doc: TopologyDocument, boxes: Map<string, TenantBox>): Map<string, Position> {
  const out = new Map<string, Position>();
  let y = TOP_Y + ZONE_HEADER;
  for (const s of doc.servers.filter((s) => s.role === 'onPremises')) {
    out.set(s.id, { x: COLUMN_X.servers, y });
    y += SERVER_H + SERVER_GAP;
  }
  y += ZONE_PAD * 2 + 40;
  for (const s of doc.servers.filter((s) => s.role === 'external')) {
    out.set(s.id, { x: COLUMN_X.servers, y });
    y += SERVER_H + SERVER_GAP;
  }
  let tx = COLUMN_X.tenants;
  let ty = TOP_Y + ZONE_HEADER;
  let columnWidth = 0;
  for (const t of doc.tenants) {
    const box = boxes.get(t.id);
    if (!box) continue;
    if (ty > TOP_Y + ZONE_HEADER && ty + box.height > TENANT_COLUMN_MAX_H) {
      tx += columnWidth + 60;
      ty = TOP_Y + ZONE_HEADER;
      columnWidth = 0;
    }
    out.set(t.id, { x: tx, y: ty });
    ty += box.height + TENANT_GAP;
    columnWidth = Math.max(columnWidth, box.width);
  }
  return out;
}

function wanted(doc: TopologyDocument, defaults: Map<string, Position>, items: ReadonlyArray<{ id: string }>, size: (id: string) => { w: number; h: number }): Wanted[] {
  return items.map((item, index) => ({ id: item.id, index, at: storedPosition(doc, item.id) ?? defaults.get(item.id) ?? { x: 0, y: 0 }, ...size(item.id) }));
}

export function layoutCanvas(doc: TopologyDocument): CanvasLayout {
  const boxes = new Map(doc.tenants.map((t) => [t.id, tenantBox(t)] as const));
  const defaults = defaultPlaces(doc, boxes);
  const serverSize = () => ({ w: SERVER_W, h: SERVER_H });
  const contentTop = MARGIN + ZONE_PAD + ZONE_HEADER;
  const contentLeft = MARGIN + ZONE_PAD;

  // The On-premises lane.
  const onPremServers: Server[] = doc.servers.filter((s) => s.role === 'onPremises');
  const onPrem = resolve(wanted(doc, defaults, onPremServers, serverSize), contentLeft, contentTop, SERVER_GAP);
  const onPremZone = zoneAround(union([...onPrem.values()]) ?? { x: Math.max(contentLeft, COLUMN_X.servers), y: TOP_Y + ZONE_HEADER, w: SERVER_W, h: SERVER_H });
  // Internet senders are not in the zone: below it, in the same lane.
  const external = resolve(
    wanted(doc, defaults, doc.servers.filter((s) => s.role === 'external'), serverSize),
    MARGIN,
    onPremZone.y + onPremZone.h + SERVER_GAP,
    SERVER_GAP,
  );
  const servers = new Map<string, Box>();
  for (const s of doc.servers) {
    const b = onPrem.get(s.id) ?? external.get(s.id);
    if (b) servers.set(s.id, b);
  }
  const leftLaneRight = Math.max(onPremZone.x + onPremZone.w, ...[...external.values()].map((b) => b.x + b.w));

  // The Exchange Online lane: the front door, then the tenants; shifted right as a whole if it
  // would reach into the On-premises lane.
  const placedTenants = resolve(
    wanted(doc, defaults, doc.tenants, (id) => {
      const b = boxes.get(id);
      return { w: b?.width ?? TENANT_MIN_W, h: b?.height ?? TENANT_EMPTY_H };
    }),
    -Infinity,
    contentTop,
    TENANT_GAP,
  );
  const tenantsBounds = union([...placedTenants.values()]);
  let frontDoor: Box;
  let hint: Box | null = null;
  if (tenantsBounds) {
    frontDoor = { x: tenantsBounds.x - FRONT_DOOR_W - FRONT_DOOR_GAP, y: tenantsBounds.y, w: FRONT_DOOR_W, h: FRONT_DOOR_H };
  } else {
    frontDoor = { x: COLUMN_X.frontDoor, y: TOP_Y + ZONE_HEADER, w: FRONT_DOOR_W, h: FRONT_DOOR_H };
    // The "drop a tenant here" hint gets its own place, right of the front door (never under it).
    hint = { x: frontDoor.x + FRONT_DOOR_W + FRONT_DOOR_GAP, y: frontDoor.y, w: HINT_W, h: HINT_H };
  }
  const shift = Math.max(0, leftLaneRight + LANE_GAP + ZONE_PAD - frontDoor.x);
  if (shift > 0) {
    for (const b of placedTenants.values()) b.x += shift;
    frontDoor = { ...frontDoor, x: frontDoor.x + shift };
    if (hint) hint = { ...hint, x: hint.x + shift };
  }
  const tenants = new Map<string, Box & { box: TenantBox }>();
  for (const t of doc.tenants) {
    const b = placedTenants.get(t.id);
    const box = boxes.get(t.id);
    if (b && box) tenants.set(t.id, { ...b, box });
  }
  const exoZone = zoneAround(union([...placedTenants.values(), frontDoor, ...(hint ? [hint] : [])]) ?? frontDoor);
  const internet: Box = { x: exoZone.x + exoZone.w + LANE_GAP, y: exoZone.y + ZONE_HEADER + ZONE_PAD, w: INTERNET_W, h: INTERNET_H };
  const bounds = union([onPremZone, exoZone, internet, ...external.values()]) ?? onPremZone;
  return { servers, tenants, frontDoor, internet, zones: { onPremises: onPremZone, exchangeOnline: exoZone }, hint, bounds };
}

/**
 * A free place for a new top-level entity added without a drop point: below the lowest entity of
 * its kind as drawn, so it never lands on top of another.
 */
export function freeSpot(doc: TopologyDocument, kind: 'tenant' | 'server' | 'external'): Position {
  const layout = layoutCanvas(doc);
  if (kind === 'tenant') {
    const placed = [...layout.tenants.values()];
    if (placed.length === 0) return { x: COLUMN_X.tenants, y: TOP_Y + ZONE_HEADER };
    const x = Math.min(...placed.map((b) => b.x));
    const bottom = Math.max(...placed.map((b) => b.y + b.h));
    return { x, y: bottom + TENANT_GAP };
  }
  const role = kind === 'server' ? 'onPremises' : 'external';
  const same = doc.servers.filter((s) => s.role === role).map((s) => layout.servers.get(s.id)).filter((b): b is Box => !!b);
  if (same.length === 0) {
    if (kind === 'server') return { x: COLUMN_X.servers, y: TOP_Y + ZONE_HEADER };
    const zone = layout.zones.onPremises;
    return { x: COLUMN_X.servers, y: zone.y + zone.h + SERVER_GAP };
  }
  const last = same.reduce((a, b) => (b.y > a.y ? b : a));
  return { x: last.x, y: last.y + last.h + SERVER_GAP };
}

/**
 * The layout invariant, as a list of what breaks it (empty when it holds): no two zones, tenants or
 * top-level nodes overlap; every node is inside its zone or tenant; nothing is left of or above the
 * origin. Used by the property test and available to debugging tools.
 */
export function layoutProblems(doc: TopologyDocument, layout: CanvasLayout = layoutCanvas(doc)): string[] {
  const problems: string[] = [];
  const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
  const { onPremises, exchangeOnline } = layout.zones;
  if (overlaps(onPremises, exchangeOnline)) problems.push('the zones overlap');
  const top: Array<[string, Box]> = [
    ['front door', layout.frontDoor],
    ['Internet', layout.internet],
    ...[...layout.servers.entries()],
    ...[...layout.tenants.entries()],
  ];
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) if (overlaps(top[i][1], top[j][1])) problems.push(`${top[i][0]} overlaps ${top[j][0]}`);
  }
  for (const s of doc.servers) {
    const b = layout.servers.get(s.id);
    if (!b) problems.push(`${s.id} is not placed`);
    else if (s.role === 'onPremises' && !inside(b, onPremises)) problems.push(`${s.id} is outside the On-premises zone`);
    else if (s.role === 'external' && (overlaps(b, onPremises) || overlaps(b, exchangeOnline))) problems.push(`${s.id} is inside a zone`);
  }
  if (!inside(layout.frontDoor, exchangeOnline)) problems.push('the front door is outside the Exchange Online zone');
  if (overlaps(layout.internet, onPremises) || overlaps(layout.internet, exchangeOnline)) problems.push('the Internet is inside a zone');
  if (layout.hint && overlaps(layout.hint, layout.frontDoor)) problems.push('the front door is on the drop hint');
  for (const t of doc.tenants) {
    const b = layout.tenants.get(t.id);
    if (!b) {
      problems.push(`${t.id} is not placed`);
      continue;
    }
    if (!inside(b, exchangeOnline)) problems.push(`${t.id} is outside the Exchange Online zone`);
    const kids = [...b.box.children.entries()].map(([id, p]) => [id, { x: b.x + p.x, y: b.y + p.y, w: CHILD_W, h: CHILD_H }] as const);
    for (const [id, k] of kids) if (!inside(k, b)) problems.push(`${id} is outside its tenant ${t.id}`);
    for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) if (overlaps(kids[i][1], kids[j][1])) problems.push(`${kids[i][0]} overlaps ${kids[j][0]}`);
  }
  const all = [onPremises, exchangeOnline, ...top.map(([, b]) => b)];
  if (all.some((b) => b.x < 0 || b.y < 0 || !Number.isFinite(b.x) || !Number.isFinite(b.y))) problems.push('something is outside the design bounds');
  return problems;
}
