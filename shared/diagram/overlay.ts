/**
 * The simulation state drawn on top of the diagram: the path of the message along the hops the
 * engine reported, the first receipt in the attributed tenant, hand-offs between tenants, where it
 * was refused (with the SMTP code) and the NDR back to the sender. Everything comes from the
 * `Simulation` value; nothing about mail flow is decided here.
 */
import type { TopologyDocument } from '../model/schema';
import type { MessageSimulation, Simulation } from '../engine/types';
import { textWidth } from './text';
import { centerY, COLUMN_GAP, FONT, outboundRoute, type Card, type DiagramLayout, type Point, type Rect, type TenantBox } from './layout';
import type { DiagramLabels } from './labels';
import { LANDMARK, readSimulation } from './route';

export interface OverlaySegment {
  kind: 'path' | 'handoff' | 'ndr';
  points: Point[];
  /** Draw as a smooth curve through the points (the NDR return), not straight segments. */
  curve: boolean;
}

export interface OverlayMark {
  kind: 'stop' | 'stopLabel' | 'ndrLabel' | 'deliveredLabel' | 'firstReceipt' | 'delivered' | 'handoff' | 'out' | 'info';
  x: number;
  y: number;
  label: string;
  /** Where the label goes relative to the point. */
  align: 'left' | 'right' | 'above' | 'below';
}

export interface Overlay {
  segments: OverlaySegment[];
  marks: OverlayMark[];
  highlighted: Set<string>;
  /** Connectors that matched the source but were not (or not yet) used: drawn dashed. */
  considered: Set<string>;
  firstReceiptTenant: string | null;
}

function right(r: Rect): number {
  return r.x + r.width;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

export function buildOverlay(doc: TopologyDocument, layout: DiagramLayout, sim: Simulation, L: DiagramLabels): Overlay {
  const overlay: Overlay = { segments: [], marks: [], highlighted: new Set(), considered: new Set(), firstReceiptTenant: null };
  const seen = new Set<string>();
  const add = (seg: OverlaySegment) => {
    const key = seg.kind + seg.points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`).join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      overlay.segments.push(seg);
    }
  };
  const eop = layout.eop;
  // The route is read once (route.ts, shared with the canvas playback); here it only gets coordinates.
  const reading = readSimulation(sim, doc);
  const serverId = reading.sender;
  const server = serverId ? layout.cards.get(serverId) : undefined;
  if (!server) return overlay;
  overlay.highlighted.add(server.id);
  const sy = centerY(server);
  const eopLane = right(eop) - 16;
  const code = `${sim.smtp.code} ${sim.smtp.enhanced}`;

  const stopAtFrontDoor = (label: string, y = sy) => {
    add({ kind: 'path', curve: false, points: [{ x: right(server), y: sy }, { x: eop.x - 14, y: sy }] });
    overlay.marks.push({ kind: 'stop', x: eop.x - 14, y, label, align: 'above' });
  };

  if (sim.type === 'load') {
    if (sim.result !== 'accepted') {
      stopAtFrontDoor(`${code} (${L.stage(sim.smtp.stage)})`);
      return overlay;
    }
    const connector = sim.coveringConnector ? layout.cards.get(sim.coveringConnector) : undefined;
    if (connector) {
      overlay.highlighted.add(connector.id);
      add({ kind: 'path', curve: false, points: intoEop(server, eop, eopLane, connector) });
      overlay.marks.push({ kind: 'delivered', x: right(connector), y: centerY(connector), label: code, align: 'right' });
    } else {
      add({ kind: 'path', curve: false, points: [{ x: right(server), y: sy }, { x: eop.x, y: sy }] });
    }
    return overlay;
  }

  const msg: MessageSimulation = sim;
  for (const c of reading.considered) overlay.considered.add(c);
  if (msg.result !== 'accepted') {
    stopAtFrontDoor(`${code} (${L.stage(msg.smtp.stage)})`);
    return overlay;
  }

  // Recipients refused at RCPT while others went on.
  const refused = msg.recipients.filter((r) => r.disposition === 'rejected' || r.disposition === 'deferred');
  // Only the code is drawn (the caption lists each recipient), so the label fits inside the EOP box.
  const refusedCodes = [...new Set(refused.map((r) => r.code))];
  refusedCodes.forEach((code, i) => {
    const count = refused.filter((r) => r.code === code).length;
    overlay.marks.push({ kind: 'stop', x: eop.x, y: sy + 30 + i * 26, label: count > 1 ? `${code} ×${count}` : code, align: 'right' });
  });

  const tenantBox = (id: string) => layout.tenants.find((t) => t.id === id);
  const attribution = reading.firstReceipt;
  if (attribution) {
    overlay.firstReceiptTenant = attribution.tenant;
    const box = tenantBox(attribution.tenant);
    if (box) {
      const key = L.keyNames[attribution.key] ?? attribution.key;
      overlay.marks.push({ kind: 'firstReceipt', x: box.x + box.width - 12, y: box.y + 10, label: `${L.firstReceipt} (${key})`, align: 'left' });
    }
  }
  const deliveredTo = new Map<Card, string[]>();
  const ruleTenant = new Map(reading.ruleMarks.map((m) => [m.rule, m.tenant] as const));

  for (const r of reading.recipients) {
    if (r.disposition === 'rejected' || r.disposition === 'deferred' || r.path.length === 0) continue;
    const first = tenantBox(r.path[0]);
    if (!first) continue;
    // The way in: the connector the message was attributed through, else the tenant's direct entry.
    const entry: Card = (r.entry ? layout.cards.get(r.entry) : undefined) ?? first.direct;
    overlay.highlighted.add(entry.id);
    add({ kind: 'path', curve: false, points: intoEop(server, eop, eopLane, entry) });

    for (const m of reading.ruleMarks) {
      if (m.recipients.some((a) => a.toLowerCase() === r.address.toLowerCase())) overlay.highlighted.add(m.rule);
    }
    const endRule = r.rule ? layout.cards.get(r.rule) ?? null : null;

    // Entry into the first tenant's rules.
    const endsAtRuleIn = (t: TenantBox) =>
      (r.disposition === 'ndr' || r.disposition === 'deleted' || r.disposition === 'redirected') && !!r.rule && ruleTenant.get(r.rule) === t.id;
    add({ kind: 'path', curve: false, points: entryToRules(entry, first, endsAtRuleIn(first) ? endRule : null) });

    // Hand-offs.
    for (let i = 1; i < r.path.length; i++) {
      const from = tenantBox(r.path[i - 1]);
      const to = tenantBox(r.path[i]);
      if (!from || !to) continue;
      const x = from.rulesFrame.x + from.rulesFrame.width * 0.8;
      const down = to.y > from.y;
      const y0 = down ? from.rulesFrame.y + from.rulesFrame.height : from.rulesFrame.y;
      const y1 = down ? to.rulesFrame.y : to.rulesFrame.y + to.rulesFrame.height;
      add({ kind: 'handoff', curve: false, points: [{ x, y: y0 }, { x, y: y1 }] });
      const gapY = down ? (from.y + from.height + to.y) / 2 : (to.y + to.height + from.y) / 2;
      const mark: OverlayMark = { kind: 'handoff', x, y: gapY, label: `${L.handoff}: ${from.tenant.name} → ${to.tenant.name}`, align: 'right' };
      if (!overlay.marks.some((m) => m.kind === 'handoff' && m.label === mark.label)) overlay.marks.push(mark);
      if (endsAtRuleIn(to)) {
        const rc = endRule;
        if (rc) add({ kind: 'path', curve: false, points: [{ x, y: y1 }, { x, y: centerY(rc) }, { x: right(rc) - 2, y: centerY(rc) }] });
      }
    }

    const last = tenantBox(r.path[r.path.length - 1])!;
    const frame = last.rulesFrame;
    const gutter2 = right(frame) + COLUMN_GAP / 2;
    const fromFrame = (target: Card): Point[] => {
      const ty = centerY(target);
      const fy = clamp(ty, frame.y + 16, frame.y + frame.height - 12);
      return [{ x: right(frame), y: fy }, { x: gutter2, y: fy }, { x: gutter2, y: ty }, { x: target.x, y: ty }];
    };

    switch (r.disposition) {
      case 'delivered': {
        overlay.highlighted.add(last.mailboxes.id);
        add({ kind: 'path', curve: false, points: fromFrame(last.mailboxes) });
        const list = deliveredTo.get(last.mailboxes) ?? [];
        list.push(r.address);
        deliveredTo.set(last.mailboxes, list);
        break;
      }
      case 'internet':
      case 'onPremises': {
        // The receiving server the connector's smart host names, when the design has it.
        const receiver = r.end !== LANDMARK.onPremises && r.end !== LANDMARK.internet ? layout.cards.get(r.end) : undefined;
        const dest = r.disposition === 'internet' ? layout.internet : layout.smartHosts;
        overlay.highlighted.add(receiver?.id ?? dest.id);
        const connector = r.connector ? layout.cards.get(r.connector) : undefined;
        if (connector) {
          overlay.highlighted.add(connector.id);
          add({ kind: 'path', curve: false, points: fromFrame(connector) });
          const lane = layout.outboundLanes.get(connector.id) ?? layout.directLane;
          add({ kind: 'path', curve: false, points: receiver ? backToServer(connector, receiver, lane, layout) : outboundRoute(connector, dest, lane, right(connector)) });
        } else {
          // Relayed by MX without a connector: leave the tenant below its columns.
          const fy = frame.y + frame.height - 12;
          const deliveryBottom = Math.max(...[last.mailboxes, ...last.outbound].map((c) => c.y + c.height));
          const below = Math.max(fy, deliveryBottom + 8);
          const destY = clamp(below, dest.y + 14, dest.y + dest.height - 14);
          add({
            kind: 'path',
            curve: false,
            points: [
              { x: right(frame), y: fy },
              { x: gutter2, y: fy },
              { x: gutter2, y: below },
              { x: layout.directLane, y: below },
              { x: layout.directLane, y: destY },
              { x: dest.x, y: destY },
            ],
          });
        }
        const outCount = overlay.marks.filter((m) => m.kind === 'out').length;
        if (receiver) {
          // Just above the receiving server, right-aligned, clear of its name and of the server below it.
          const w = textWidth(`→ ${r.address}`, 11.5, true) + 16;
          overlay.marks.push({ kind: 'out', x: right(receiver) - 8 - w, y: receiver.y - 26 - outCount * 26, label: r.address, align: 'below' });
        } else {
          overlay.marks.push({ kind: 'out', x: dest.x, y: dest.y + dest.height + 8 + outCount * 26, label: r.address, align: 'below' });
        }
        break;
      }
      case 'ndr':
      case 'deleted':
      case 'redirected': {
        const rc = endRule;
        if (!rc) break;
        const label = r.disposition === 'ndr' ? `NDR ${r.code}` : L.dispositions[r.disposition];
        if (r.disposition !== 'redirected') {
          // The stop sign sits on the card's right edge; its label straddles the card's top border.
          overlay.marks.push({ kind: 'stop', x: right(rc), y: centerY(rc), label: '', align: 'right' });
          if (!overlay.marks.some((m) => m.kind === 'stopLabel' && m.x === right(rc) - 8 && m.y === rc.y - 17)) {
            overlay.marks.push({ kind: 'stopLabel', x: right(rc) - 8, y: rc.y - 17, label, align: 'left' });
          }
        }
        if (r.disposition === 'ndr') {
          const ndr = r.ndr;
          if (!ndr || ndr.sent) {
            // Back to the sender: up above the tenant, left across the cloud, down to the server.
            // Rise between the rules column's label and the stop label, so the dashed line crosses neither.
            const labelEnd = last.rulesFrame.x + 10 + textWidth(L.rules, FONT.column, true) + 12;
            const stopLabelLeft = right(rc) - 8 - (textWidth(label, 11.5, true) + 16) - 12;
            const startX = labelEnd < stopLabelLeft ? labelEnd : rc.x + Math.min(40, rc.width / 4);
            const laneY = last.y - 16;
            const gapX = right(server) + 40;
            const endY = server.y + Math.min(14, server.height / 3);
            add({
              kind: 'ndr',
              curve: false,
              points: [
                { x: startX, y: rc.y },
                { x: startX, y: laneY },
                { x: gapX, y: laneY },
                { x: gapX, y: endY },
                { x: right(server), y: endY },
              ],
            });
            overlay.marks.push({ kind: 'ndrLabel', x: startX + 12, y: laneY - 11, label: `${L.ndrReturn} ${r.code} → ${ndr?.to ?? ''}`.trim(), align: 'right' });
          }
        }
        break;
      }
    }
  }
  // One check mark per mailbox card; its label (every address delivered there) straddles the card's
  // bottom border, right-aligned, in the space the layout leaves below the mailboxes.
  for (const [card, addresses] of deliveredTo) {
    overlay.marks.push({ kind: 'delivered', x: right(card), y: centerY(card), label: '', align: 'right' });
    const shown = addresses.length > 2 ? `${addresses.slice(0, 2).join(', ')} +${addresses.length - 2}` : addresses.join(', ');
    overlay.marks.push({ kind: 'deliveredLabel', x: right(card) - 8, y: card.y + card.height - 9, label: `${L.delivered}: ${shown}`, align: 'left' });
  }
  return overlay;
}

/**
 * An outbound connector to the organization's own server: out to its lane, up above the Exchange
 * Online zone, left across it, and down into the server's right edge (the server is on the left).
 */
function backToServer(connector: Card, server: Card, lane: number, layout: DiagramLayout): Point[] {
  const y0 = centerY(connector);
  const aboveY = layout.top + 8;
  const gapX = right(server) + 28;
  const ey = centerY(server);
  return [
    { x: right(connector), y: y0 },
    { x: lane, y: y0 },
    { x: lane, y: aboveY },
    { x: gapX, y: aboveY },
    { x: gapX, y: ey },
    { x: right(server), y: ey },
  ];
}

/** Server → front door → the way into a tenant, turning inside the EOP box on its right-hand lane. */
function intoEop(server: Card, eop: Card, lane: number, entry: Card): Point[] {
  const sy = centerY(server);
  const ey = centerY(entry);
  if (Math.abs(sy - ey) < 1) return [{ x: right(server), y: sy }, { x: entry.x, y: ey }];
  return [
    { x: right(server), y: sy },
    { x: lane, y: sy },
    { x: lane, y: ey },
    { x: entry.x, y: ey },
  ];
}

function entryToRules(entry: Card, tenant: TenantBox, target: Card | null): Point[] {
  const frame = tenant.rulesFrame;
  const ey = centerY(entry);
  const gutter = right(entry) + COLUMN_GAP / 2;
  const ty = target ? centerY(target) : clamp(ey, frame.y + 16, frame.y + frame.height - 12);
  const tx = target ? target.x : frame.x;
  if (Math.abs(ey - ty) < 1) return [{ x: right(entry), y: ey }, { x: tx, y: ty }];
  return [
    { x: right(entry), y: ey },
    { x: gutter, y: ey },
    { x: gutter, y: ty },
    { x: tx, y: ty },
  ];
}
