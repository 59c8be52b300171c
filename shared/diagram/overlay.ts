/**
 * The simulation state drawn on top of the diagram: the path of the message along the hops the
 * engine reported, the first receipt in the attributed tenant, hand-offs between tenants, where it
 * was refused (with the SMTP code) and the NDR back to the sender. Everything comes from the
 * `Simulation` value (read once by route.ts); nothing about mail flow is decided here.
 *
 * The diagram is the canvas layout (layout.ts), so the paths run along the same lanes the canvas
 * has: between the zones, between the front door and the tenants, along the corridor above a
 * tenant's first row, and in the gap before the Internet. Every label is placed by the canvas's
 * collision-avoiding placer (shared/layout/placer.ts): never over a card, a tenant's header, a zone's
 * title, a note, a mark or another label.
 */
import type { TopologyDocument } from '../model/schema';
import type { MessageSimulation, Simulation } from '../engine/types';
import { textWidth } from './text';
import { backOnPremises, centerY, orthogonal, outboundRoute, zoneTitle, type Card, type DiagramLayout, type Point, type Rect, type TenantBox } from './layout';
import type { DiagramLabels } from './labels';
import { LANDMARK, readSimulation } from './route';
import { placeLabels, type LabelRequest, type Rect as Box, type Side } from '../layout/placer';

export interface OverlaySegment {
  kind: 'path' | 'handoff' | 'ndr';
  points: Point[];
  /** Draw as a smooth curve through the points, not straight segments. */
  curve: boolean;
}

export type LabelKind = 'stopLabel' | 'ndrLabel' | 'deliveredLabel' | 'firstReceipt' | 'handoff' | 'out';

export interface OverlayMark {
  kind: 'stop' | 'delivered' | LabelKind;
  /** A sign's centre; a label's top-left corner. */
  x: number;
  y: number;
  label: string;
  /** A label's size (0 for signs). */
  w: number;
  h: number;
}

export interface Overlay {
  segments: OverlaySegment[];
  marks: OverlayMark[];
  highlighted: Set<string>;
  /** Connectors that matched the source but were not (or not yet) used: drawn dashed. */
  considered: Set<string>;
  firstReceiptTenant: string | null;
}

export const LABEL_SIZE = 11.5;
export const LABEL_H = 22;
/** A sign (stop, delivered) is a circle of this radius. */
export const SIGN_R = 11;

export function labelWidth(label: string): number {
  return textWidth(label, LABEL_SIZE, true) + 16;
}

function right(r: Rect): number {
  return r.x + r.width;
}

const box = (r: Rect): Box => ({ x: r.x, y: r.y, w: r.width, h: r.height });
const around = (p: Point, r = SIGN_R): Box => ({ x: p.x - r, y: p.y - r, w: r * 2, h: r * 2 });

/** Every box a label must not cover: cards, tenant headers, zone titles, notes. */
export function overlayObstacles(layout: DiagramLayout): Box[] {
  return [
    ...[...layout.cards.values()].map(box),
    ...layout.tenants.map((t) => ({ x: t.x, y: t.y, w: t.width, h: t.headerHeight })),
    ...layout.zones.map((z) => box(zoneTitle(z))),
    ...layout.notes.map((n) => ({ x: n.x, y: n.y, w: n.w, h: n.h })),
  ];
}

/** Drops repeated points and middle points of straight runs. */
function clean(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((Math.abs(prev.x - last.x) < 0.5 && Math.abs(last.x - p.x) < 0.5) || (Math.abs(prev.y - last.y) < 0.5 && Math.abs(last.y - p.y) < 0.5))) out.pop();
    out.push(p);
  }
  return out;
}

export function buildOverlay(doc: TopologyDocument, layout: DiagramLayout, sim: Simulation, L: DiagramLabels): Overlay {
  const overlay: Overlay = { segments: [], marks: [], highlighted: new Set(), considered: new Set(), firstReceiptTenant: null };
  const seen = new Set<string>();
  const add = (kind: OverlaySegment['kind'], points: Point[]) => {
    const pts = clean(points);
    const key = kind + pts.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`).join(' ');
    if (pts.length > 1 && !seen.has(key)) {
      seen.add(key);
      overlay.segments.push({ kind, points: pts, curve: false });
    }
  };
  const requests: Array<LabelRequest & { kind: LabelKind; label: string }> = [];
  const label = (kind: LabelKind, text: string, anchor: Box, sides: Side[]) => {
    if (requests.some((r) => r.kind === kind && r.label === text && r.anchor.x === anchor.x && r.anchor.y === anchor.y)) return;
    requests.push({ key: String(requests.length), kind, label: text, anchor, w: labelWidth(text), h: LABEL_H, sides });
  };
  const sign = (kind: 'stop' | 'delivered', p: Point) => {
    if (!overlay.marks.some((m) => m.kind === kind && m.x === p.x && m.y === p.y)) overlay.marks.push({ kind, x: p.x, y: p.y, label: '', w: 0, h: 0 });
  };

  const eop = layout.eop;
  const fy = centerY(eop);
  const reading = readSimulation(sim, doc);
  const server = reading.sender ? layout.cards.get(reading.sender) : undefined;
  if (!server) return overlay;
  overlay.highlighted.add(server.id);
  const start: Point = { x: right(server), y: centerY(server) };
  /** Server → the front door, and the front door → a way into a tenant (the path does not cross the door's words). */
  const toFrontDoor = () => add('path', orthogonal(start, layout.serverLane, { x: eop.x, y: fy }));
  const into = (target: Point) => {
    toFrontDoor();
    add('path', orthogonal({ x: right(eop), y: fy }, layout.eopLane, target));
  };
  const code = `${sim.smtp.code} ${sim.smtp.enhanced}`;

  const stopAtFrontDoor = (text: string) => {
    const at = { x: eop.x - 14, y: fy };
    add('path', [...orthogonal(start, layout.serverLane, at)]);
    sign('stop', at);
    label('stopLabel', text, around(at), ['above', 'aboveCenter', 'below', 'left']);
  };

  const finish = () => {
    const signs = overlay.marks.map((m) => around(m));
    // The NDR's dashed return line runs through open space where labels also go: keep them off it.
    const ndrLines = overlay.segments
      .filter((seg) => seg.kind === 'ndr')
      .flatMap((seg) => seg.points.slice(1).map((b, i) => {
        const a = seg.points[i];
        return { x: Math.min(a.x, b.x) - 1, y: Math.min(a.y, b.y) - 1, w: Math.abs(a.x - b.x) + 2, h: Math.abs(a.y - b.y) + 2 };
      }));
    const placed = placeLabels(requests, [...overlayObstacles(layout), ...signs, ...ndrLines], null, 8);
    for (const r of requests) {
      const p = placed.get(r.key);
      if (p) overlay.marks.push({ kind: r.kind, x: p.x, y: p.y, label: r.label, w: p.w, h: p.h });
    }
    return overlay;
  };

  if (sim.type === 'load') {
    if (sim.result !== 'accepted') {
      stopAtFrontDoor(`${code} (${L.stage(sim.smtp.stage)})`);
      return finish();
    }
    const connector = sim.coveringConnector ? layout.cards.get(sim.coveringConnector) : undefined;
    if (connector) {
      overlay.highlighted.add(connector.id);
      into({ x: connector.x, y: centerY(connector) });
      sign('delivered', { x: right(connector), y: centerY(connector) });
    } else {
      toFrontDoor();
    }
    return finish();
  }

  const msg: MessageSimulation = sim;
  for (const c of reading.considered) overlay.considered.add(c);
  if (msg.result !== 'accepted') {
    stopAtFrontDoor(`${code} (${L.stage(msg.smtp.stage)})`);
    return finish();
  }

  // Recipients refused at RCPT while others went on: a sign per code below the front door.
  const refused = msg.recipients.filter((r) => r.disposition === 'rejected' || r.disposition === 'deferred');
  const refusedCodes = [...new Set(refused.map((r) => r.code))];
  refusedCodes.forEach((c, i) => {
    const at = { x: eop.x + 16, y: eop.y + eop.height + 18 + i * 28 };
    const count = refused.filter((r) => r.code === c).length;
    sign('stop', at);
    label('stopLabel', count > 1 ? `${c} ×${count}` : c, around(at), ['right', 'left', 'below']);
  });

  const tenantBox = (id: string) => layout.tenants.find((t) => t.id === id);
  const attribution = reading.firstReceipt;
  if (attribution) {
    overlay.firstReceiptTenant = attribution.tenant;
    const t = tenantBox(attribution.tenant);
    if (t) {
      const key = L.keyNames[attribution.key] ?? attribution.key;
      label('firstReceipt', `${L.firstReceipt} (${key})`, { x: t.x, y: t.y, w: t.width, h: t.headerHeight }, ['aboveRight', 'above', 'belowRight', 'below']);
    }
  }
  const deliveredTo = new Map<TenantBox, string[]>();
  const ruleTenant = new Map(reading.ruleMarks.map((m) => [m.rule, m.tenant] as const));
  let outCount = 0;

  for (const r of reading.recipients) {
    if (r.disposition === 'rejected' || r.disposition === 'deferred' || r.path.length === 0) continue;
    const first = tenantBox(r.path[0]);
    if (!first) continue;
    // The way in: the connector the message was attributed through, else the tenant's left edge.
    const entryCard = r.entry ? layout.cards.get(r.entry) : undefined;
    if (entryCard) overlay.highlighted.add(entryCard.id);
    const entryPoint = entryCard ? { x: entryCard.x, y: centerY(entryCard) } : first.entry;
    into(entryPoint);
    for (const m of reading.ruleMarks) {
      if (m.recipients.some((a) => a.toLowerCase() === r.address.toLowerCase())) overlay.highlighted.add(m.rule);
    }
    const endRule = r.rule ? layout.cards.get(r.rule) ?? null : null;
    const endsAtRuleIn = (t: TenantBox) =>
      (r.disposition === 'ndr' || r.disposition === 'deleted' || r.disposition === 'redirected') && !!r.rule && ruleTenant.get(r.rule) === t.id;

    // Entry → the tenant's rules (the rule that ended it, else the first): the path's last card.
    const intoRules = (t: TenantBox, from: Point, fromCard: Card | null): Card | null => {
      const target = endsAtRuleIn(t) ? endRule : (t.rules[0] ?? null);
      if (!target) return fromCard;
      const gutter = target.x - 7;
      const ty = centerY(target);
      if (fromCard) add('path', [{ x: right(fromCard), y: from.y }, { x: right(fromCard) + 7, y: from.y }, { x: right(fromCard) + 7, y: t.corridorY }, { x: gutter, y: t.corridorY }, { x: gutter, y: ty }, { x: target.x, y: ty }]);
      else add('path', [from, { x: from.x, y: t.corridorY }, { x: gutter, y: t.corridorY }, { x: gutter, y: ty }, { x: target.x, y: ty }]);
      return target;
    };
    let lastCard = intoRules(first, entryPoint, entryCard ?? null);
    /** Where the path is when no card was passed in the last tenant (its entry, or where a hand-off arrived). */
    let cursor: Point = entryPoint;
    /** True when the path reached the last tenant by a hand-off and passed no card there. */
    let arrivedByHandoff = false;

    // Hand-offs.
    for (let i = 1; i < r.path.length; i++) {
      const from = tenantBox(r.path[i - 1]);
      const to = tenantBox(r.path[i]);
      if (!from || !to) continue;
      const route = handoffRoute(from, to);
      add('handoff', route);
      const mid = route[Math.floor(route.length / 2)];
      label('handoff', `${L.handoff}: ${from.tenant.name} → ${to.tenant.name}`, around(mid, 4), ['right', 'left', 'below', 'above']);
      cursor = route[route.length - 1];
      lastCard = intoRules(to, cursor, null);
      arrivedByHandoff = lastCard === null;
    }

    const last = tenantBox(r.path[r.path.length - 1])!;
    /** From the last card passed (or the tenant's entry) along the corridor above the first row to x. */
    const viaCorridor = (x: number): Point[] => {
      const from = lastCard ? { x: right(lastCard), y: centerY(lastCard) } : cursor;
      const gx = lastCard ? right(lastCard) + 7 : cursor.x;
      return [from, { x: gx, y: from.y }, { x: gx, y: last.corridorY }, { x, y: last.corridorY }];
    };

    switch (r.disposition) {
      case 'delivered': {
        overlay.highlighted.add(last.id);
        const m = last.mailboxes;
        if (arrivedByHandoff) {
          // Handed off to a tenant with no rule to pass: straight from its border to the check mark
          // in its header, instead of down to the corridor and back up.
          const side = Math.abs(cursor.x - m.x) <= SIGN_R ? 0 : Math.sign(cursor.x - m.x);
          add('path', side === 0 ? [{ x: m.x, y: cursor.y }, { x: m.x, y: m.y + (cursor.y < m.y ? -SIGN_R : SIGN_R) }] : [cursor, { x: cursor.x, y: m.y }, { x: m.x + side * SIGN_R, y: m.y }]);
        } else add('path', [...viaCorridor(m.x), { x: m.x, y: m.y + SIGN_R }]);
        const list = deliveredTo.get(last) ?? [];
        list.push(r.address);
        deliveredTo.set(last, list);
        break;
      }
      case 'internet':
      case 'onPremises': {
        // The receiving server the connector's smart host names, when the design has it.
        const receiver = r.end !== LANDMARK.onPremises && r.end !== LANDMARK.internet ? layout.cards.get(r.end) : undefined;
        const onPremZone = layout.zones.find((z) => z.id === 'onPremises')!;
        const dest: Rect = r.disposition === 'internet' ? layout.internet : (receiver ?? onPremZone);
        overlay.highlighted.add(receiver?.id ?? (r.disposition === 'internet' ? layout.internet.id : 'onPremises'));
        const connector = r.connector ? layout.cards.get(r.connector) : undefined;
        if (connector) {
          overlay.highlighted.add(connector.id);
          if (connector !== lastCard) add('path', [...viaCorridor(connector.x - 7), { x: connector.x - 7, y: centerY(connector) }, { x: connector.x, y: centerY(connector) }]);
          const lane = layout.outboundLanes.get(connector.id) ?? layout.directLane;
          add('path', r.disposition === 'internet' ? outboundRoute(connector, dest, lane, right(connector)) : backOnPremises(connector, dest, lane, layout));
        } else {
          // Relayed by MX without a connector: out of the tenant along its corridor.
          const destY = Math.min(Math.max(last.corridorY, dest.y + 14), dest.y + dest.height - 14);
          add('path', [...viaCorridor(right(last)), { x: layout.directLane, y: last.corridorY }, { x: layout.directLane, y: destY }, { x: dest.x, y: destY }]);
        }
        const where = receiver ?? (r.disposition === 'internet' ? layout.internet : null);
        const anchor = where ? box(where) : { ...box(onPremZone), h: 40 };
        label('out', `→ ${r.address}`, { ...anchor, y: anchor.y + (outCount++ % 2) }, receiver ? ['aboveRight', 'above', 'below', 'belowRight'] : ['below', 'above', 'belowRight', 'aboveRight']);
        break;
      }
      case 'ndr':
      case 'deleted':
      case 'redirected': {
        const rc = endRule;
        if (!rc) break;
        const text = r.disposition === 'ndr' ? `NDR ${r.code}` : L.dispositions[r.disposition];
        if (r.disposition !== 'redirected') {
          const at = { x: right(rc), y: centerY(rc) };
          sign('stop', at);
          label('stopLabel', text, box(rc), ['aboveRight', 'belowRight', 'right', 'above', 'below', 'left']);
        }
        if (r.disposition === 'ndr' && (!r.ndr || r.ndr.sent)) {
          // Back to the sender: up above the tenant, left across the cloud, down to the server.
          // Up from the rule's right-hand side: the tenant's header text (name, accepted domains)
          // starts at its left, so a line from the rule's left would strike through it.
          const startX = right(rc) - Math.min(40, rc.width / 4);
          const laneY = last.y - 14;
          const endY = server.y + Math.min(14, server.height / 3);
          add('ndr', [{ x: startX, y: rc.y }, { x: startX, y: laneY }, { x: layout.serverLane, y: laneY }, { x: layout.serverLane, y: endY }, { x: right(server), y: endY }]);
          label('ndrLabel', `${L.ndrReturn} ${r.code} → ${r.ndr?.to ?? ''}`.trim(), around({ x: startX, y: laneY }, 4), ['aboveRight', 'above', 'right', 'belowRight', 'below']);
        }
        break;
      }
    }
  }
  // One check mark per tenant delivered to; its label lists every address delivered there.
  for (const [t, addresses] of deliveredTo) {
    sign('delivered', { x: t.mailboxes.x, y: t.mailboxes.y });
    const shown = addresses.length > 2 ? `${addresses.slice(0, 2).join(', ')} +${addresses.length - 2}` : addresses.join(', ');
    label('deliveredLabel', `${L.delivered}: ${shown}`, around(t.mailboxes), ['aboveRight', 'above', 'belowRight', 'left']);
  }
  return finish();
}

/**
 * A hand-off from one tenant to another: from the bottom of the one above to the top of the one
 * below (through the gap between them), or side to side when they are beside each other. Ends at
 * the receiving tenant's border.
 */
function handoffRoute(from: TenantBox, to: TenantBox): Point[] {
  const below = to.y >= from.y + from.height;
  const above = from.y >= to.y + to.height;
  if (below || above) {
    const x0 = from.x + from.width * 0.8;
    const x1 = Math.min(Math.max(x0, to.x + 24), to.x + to.width - 24);
    const y0 = below ? from.y + from.height : from.y;
    const y1 = below ? to.y : to.y + to.height;
    const mid = (y0 + y1) / 2;
    return x0 === x1 ? [{ x: x0, y: y0 }, { x: x1, y: y1 }] : [{ x: x0, y: y0 }, { x: x0, y: mid }, { x: x1, y: mid }, { x: x1, y: y1 }];
  }
  const leftToRight = to.x >= from.x + from.width;
  const x0 = leftToRight ? from.x + from.width : from.x;
  const x1 = leftToRight ? to.x : to.x + to.width;
  return orthogonal({ x: x0, y: from.corridorY }, (x0 + x1) / 2, { x: x1, y: to.corridorY });
}
