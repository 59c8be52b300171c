/**
 * The layout of an exported diagram IS the canvas layout (shared/layout/canvas.ts): the same zones
 * as lanes, tenant boxes, node places (the document's stored positions, re-flowed exactly as the
 * canvas does) and node sizes (shared/layout/geometry.ts). This file only translates it below the
 * picture's title and fills each fixed-size box with the words that fit (a name wraps; details are
 * added while there is room), so an exported picture looks like the canvas the user arranged.
 *
 * What the canvas does not draw as a box is an anchor here, not a box: mail that matches no
 * connector enters a tenant at its left edge, delivered mail ends at the tenant's header (as in the
 * canvas playback), and an OnPremises outbound connector goes back to the server its smart host names
 * or to the On-premises zone.
 */
import type { InboundConnector, OutboundConnector, Server, Tenant, TopologyDocument, TransportRule } from '../model/schema';
import type { DiagramLabels } from './labels';
import type { DiagramPalette } from './theme';
import { textWidth, wrapText } from './text';
import { layoutCanvas, sortedRules, union, type Box } from '../layout/canvas';
import { CHILD_GAP, CHILD_H, CHILD_W, TENANT_HEADER, TENANT_PAD, ZONE_HEADER } from '../layout/geometry';
import { noteBoxes, type NoteCard } from './notes';
import { receivingServer } from './route';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ColorRole = keyof DiagramPalette;

export interface TextLine {
  text: string;
  size: number;
  bold: boolean;
  color: ColorRole;
  /** Lines of one logical text (a wrapped name) share a group, so they form one SVG `<text>`. */
  group: number;
}

export type CardKind = 'server' | 'inbound' | 'rule' | 'outbound' | 'eop' | 'internet';

export interface Card extends Rect {
  /** Entity id, or `eop` / `internet` for the landmarks. */
  id: string;
  kind: CardKind;
  tenantId: string | null;
  lines: TextLine[];
  accent: ColorRole;
  disabled: boolean;
  dashed: boolean;
}

export interface TenantBox extends Rect {
  id: string;
  tenant: Tenant;
  headerLines: TextLine[];
  /** The header band (name, domains) on top of the tenant: labels never cover it. */
  headerHeight: number;
  inbound: Card[];
  rules: Card[];
  outbound: Card[];
  /** Where mail that matched no connector enters (the tenant's left edge, above its first row). */
  entry: Point;
  /** Where delivered mail ends (the right end of the header band). */
  mailboxes: Point;
  /** The corridor above the first row of children, for paths across the tenant. */
  corridorY: number;
}

export interface Zone extends Rect {
  id: 'onPremises' | 'exchangeOnline';
  label: string;
}

export interface BaseEdge {
  from: string;
  to: string;
  points: Point[];
  dashed: boolean;
}

export interface DiagramLayout {
  width: number;
  height: number;
  zones: Zone[];
  tenants: TenantBox[];
  servers: Card[];
  eop: Card;
  internet: Card;
  /** Every drawn card by id (servers, connectors, rules, the front door, the Internet). */
  cards: Map<string, Card>;
  edges: BaseEdge[];
  /** x of the vertical lane each outbound edge uses, by connector id. */
  outboundLanes: Map<string, number>;
  /** x of the lane for mail relayed out by MX without an outbound connector. */
  directLane: number;
  /** x of the lane between the On-premises lane and the front door (servers → front door). */
  serverLane: number;
  /** x of the lane between the front door and the tenants. */
  eopLane: number;
  /** The design's notes at their canvas places. */
  notes: NoteCard[];
  /** Picture coordinates = canvas (flow) coordinates + origin. */
  origin: Point;
  /** Top of the drawing area for the diagram (below the title and caption). */
  top: number;
  /** Where the caption and legend are drawn. */
  header: Rect;
  footer: Rect;
}

export const FONT = {
  title: 22,
  subtitle: 12.5,
  tenant: 15,
  zone: 13,
  name: 13,
  detail: 11.5,
  column: 11,
};

export const LINE_GAP = 1.38;
const CARD_PAD_X = 16;
const CARD_PAD_Y = 6;
/** Room around the canvas drawing inside the picture (for paths that go around it and their labels). */
const MARGIN = 40;

let groupCounter = 0;

function lines(text: string, size: number, bold: boolean, color: ColorRole, maxWidth: number): TextLine[] {
  const group = ++groupCounter;
  return wrapText(text, size, maxWidth, bold).map((t) => ({ text: t, size, bold, color, group }));
}

export function linesHeight(ls: TextLine[]): number {
  return ls.reduce((h, l) => h + l.size * LINE_GAP, 0);
}

/**
 * A name and its details in a box of fixed size: the whole name (up to three lines, smaller type
 * when it needs more), then each detail while it fits.
 */
function fillBox(name: string, details: Array<{ text: string; color: ColorRole; bold?: boolean }>, width: number, height: number, nameSize = FONT.name): TextLine[] {
  const maxW = width - CARD_PAD_X - 10;
  let title = lines(name, nameSize, true, 'text', maxW);
  if (title.length > 3) title = lines(name, FONT.detail, true, 'text', maxW);
  const out = [...title];
  let used = linesHeight(out) + CARD_PAD_Y * 2;
  for (const d of details) {
    const more = lines(d.text, FONT.detail, d.bold ?? false, d.color, maxW);
    for (const l of more) {
      if (used + l.size * LINE_GAP > height) {
        // What does not fit ends the last line with an ellipsis (never a line cut by the border).
        const lastLine = out[out.length - 1];
        if (out.length > title.length && !lastLine.text.endsWith('…')) {
          let t = lastLine.text;
          while (t.length > 1 && textWidth(`${t}…`, lastLine.size, lastLine.bold) > maxW) t = t.slice(0, -1);
          lastLine.text = `${t.trimEnd()}…`;
        }
        return out;
      }
      out.push(l);
      used += l.size * LINE_GAP;
    }
  }
  return out;
}

/**
 * A landmark's words: Japanese keeps its lines (they are cut at phrase ends, and Japanese has no
 * spaces to wrap at); other languages are one sentence wrapped to the box.
 */
function landmarkLines(ls: string[]): Array<{ text: string; color: ColorRole }> {
  if (ls.some((l) => /[\u3000-\u9fff\uff00-\uffef]/.test(l))) return ls.map((text) => ({ text, color: 'muted' }));
  return [{ text: ls.join(' '), color: 'muted' }];
}

function card(id: string, kind: CardKind, tenantId: string | null, box: Box, content: TextLine[], accent: ColorRole, opts: { disabled?: boolean; dashed?: boolean } = {}): Card {
  return { id, kind, tenantId, lines: content, accent, disabled: opts.disabled ?? false, dashed: opts.dashed ?? false, x: box.x, y: box.y, width: box.w, height: box.h };
}

function list(values: string[], max = 4): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')} +${values.length - max}`;
}

function serverLines(s: Server, L: DiagramLabels, b: Box): TextLine[] {
  const details: Array<{ text: string; color: ColorRole }> = [{ text: `${L.ip} ${s.ipAddress} · ${s.tls ? L.tls : L.noTls}`, color: 'muted' }];
  if (s.certificate) {
    const flags = [!s.certificate.trusted ? L.untrusted : null, !s.certificate.chainComplete ? L.noChain : null].filter(Boolean).join(', ');
    details.push({ text: `${L.certificate} ${s.certificate.subject}${flags ? ` (${flags})` : ''}`, color: 'muted' });
  } else details.push({ text: L.noCertificate, color: 'muted' });
  return fillBox(s.name, details, b.w, b.h);
}

function inboundLines(c: InboundConnector, L: DiagramLabels, b: Box): TextLine[] {
  const details: Array<{ text: string; color: ColorRole }> = [{ text: `${L.connectorTypes[c.connectorType]}${c.enabled ? '' : ` · ${L.disabled}`}`, color: 'connectorAccent' }];
  if (c.tlsSenderCertificateName) details.push({ text: `${L.certificate} ${c.tlsSenderCertificateName}`, color: 'muted' });
  if (c.senderIPAddresses.length > 0) details.push({ text: `${L.ip} ${list(c.senderIPAddresses, 2)}`, color: 'muted' });
  if (c.connectorType === 'Partner' && !(c.senderDomains.length === 1 && c.senderDomains[0] === '*')) {
    details.push({ text: `${L.senderDomains} ${list(c.senderDomains, 2)}`, color: 'muted' });
  }
  return fillBox(c.name, details, b.w, b.h);
}

function ruleSummary(r: TransportRule, L: DiagramLabels): { condition: string; action: string } {
  const cond: string[] = [];
  const c = r.conditions;
  if (c.sentToScope) cond.push(c.sentToScope === 'NotInOrganization' ? L.sentToOutside : L.sentToInside);
  if (c.fromScope) cond.push(c.fromScope === 'InOrganization' ? L.fromInside : L.fromOutside);
  if (c.recipientDomainIs?.length) cond.push(`${L.recipientDomainIs} ${list(c.recipientDomainIs, 3)}`);
  if (c.senderDomainIs?.length) cond.push(`${L.senderDomainIs} ${list(c.senderDomainIs, 3)}`);
  const exc: string[] = [];
  if (r.exceptions?.exceptIfRecipientDomainIs?.length) exc.push(`${L.recipientDomainIs} ${list(r.exceptions.exceptIfRecipientDomainIs, 3)}`);
  if (r.exceptions?.exceptIfSenderDomainIs?.length) exc.push(`${L.senderDomainIs} ${list(r.exceptions.exceptIfSenderDomainIs, 3)}`);
  let condition = cond.length ? `${L.conditionPrefix}: ${cond.join(L.listSeparator)}` : L.conditionAll;
  if (exc.length) condition += ` · ${L.exceptPrefix}: ${exc.join(L.listSeparator)}`;
  const a = r.actions;
  const acts: string[] = [];
  if ((a.rejectMessageReasonText ?? null) !== null || (a.rejectMessageEnhancedStatusCode ?? null) !== null) {
    acts.push(L.actionReject(a.rejectMessageEnhancedStatusCode ?? '5.7.1'));
  } else if (a.deleteMessage) acts.push(L.actionDelete);
  else if (a.redirectMessageTo?.length) acts.push(`${L.actionRedirect} ${list(a.redirectMessageTo, 2)}`);
  if (a.setHeaderName) acts.push(`${L.actionHeader} ${a.setHeaderName}: ${a.setHeaderValue ?? ''}`);
  if (a.stopRuleProcessing) acts.push(L.actionStop);
  return { condition, action: acts.join(' · ') };
}

function ruleLines(r: TransportRule, L: DiagramLabels, b: Box): TextLine[] {
  const { condition, action } = ruleSummary(r, L);
  // The action first: in a fixed-size box it is what a reader needs most after the name.
  const details: Array<{ text: string; color: ColorRole }> = [];
  if (action) details.push({ text: action, color: 'ruleAccent' });
  details.push({ text: `${L.priority} ${r.priority}${r.enabled ? '' : ` · ${L.disabled}`} · ${condition}`, color: 'muted' });
  return fillBox(r.name, details, b.w, b.h);
}

function outboundLines(c: OutboundConnector, L: DiagramLabels, b: Box): TextLine[] {
  const target = c.useMXRecord || c.smartHosts.length === 0 ? L.viaMx : list(c.smartHosts, 2);
  const details: Array<{ text: string; color: ColorRole; bold?: boolean }> = [
    { text: `${L.connectorTypes[c.connectorType]} → ${target}${c.enabled ? '' : ` · ${L.disabled}`}`, color: 'outboundAccent' },
  ];
  if (c.routeAllMessagesViaOnPremises) details.push({ text: L.centralized, color: 'outboundAccent', bold: true });
  details.push({ text: `${L.recipientDomains}: ${c.allAcceptedDomains ? L.allAcceptedDomains : list(c.recipientDomains, 2)}`, color: 'muted' });
  return fillBox(c.name, details, b.w, b.h);
}

/** Room kept at the right end of a tenant's header for the delivered mark. */
const MARK_ROOM = 34;

function tenantHeader(t: Tenant, L: DiagramLabels, width: number): TextLine[] {
  const maxW = width - TENANT_PAD * 2 - MARK_ROOM;
  let name = lines(t.name, FONT.tenant, true, 'title', maxW);
  if (name.length > 2) name = lines(t.name, FONT.name, true, 'title', maxW);
  const out = [...name];
  const domainText = t.acceptedDomains
    .map((d) => `${d.domainName}${d.domainType === 'InternalRelay' ? ` (${L.internalRelay}${d.matchSubDomains ? ', *.' : ''})` : ''}`)
    .join(', ');
  const details = [`${L.acceptedDomains}: ${domainText || '—'}`, ...(t.rejectDirectSend ? [L.rejectDirectSend] : [])];
  let used = linesHeight(out) + 12;
  for (const d of details) {
    for (const l of lines(d, FONT.detail, false, 'muted', maxW)) {
      if (used + l.size * LINE_GAP > TENANT_HEADER - 10) return out;
      out.push(l);
      used += l.size * LINE_GAP;
    }
  }
  return out;
}

export interface LayoutInput {
  doc: TopologyDocument;
  labels: DiagramLabels;
  padding: number;
  /** Heights reserved above and below the diagram for the title/caption and the legend. */
  headerHeight: number;
  footerHeight: number;
  minFooterWidth: number;
}

export function layoutDiagram(input: LayoutInput): DiagramLayout {
  const { doc, labels: L, padding } = input;
  groupCounter = 0;
  const canvas = layoutCanvas(doc);
  const notes = noteBoxes(doc.view?.notes ?? []);
  // The canvas drawing (and the notes where the user put them), with room around it.
  const drawn = union([canvas.bounds, ...notes.map((n) => ({ x: n.x, y: n.y, w: n.w, h: n.h }))]) ?? canvas.bounds;
  const top = padding + input.headerHeight;
  const origin: Point = { x: padding + MARGIN - drawn.x, y: top + MARGIN - drawn.y };
  const at = (b: Box): Box => ({ x: b.x + origin.x, y: b.y + origin.y, w: b.w, h: b.h });

  const servers = doc.servers
    .filter((s) => canvas.servers.has(s.id))
    .map((s) => {
      const b = at(canvas.servers.get(s.id)!);
      return card(s.id, 'server', null, b, serverLines(s, L, b), 'serverAccent');
    });

  const tenants: TenantBox[] = [];
  for (const t of doc.tenants) {
    const placed = canvas.tenants.get(t.id);
    if (!placed) continue;
    const tb = at(placed);
    const child = (id: string): Box => {
      const p = placed.box.children.get(id) ?? { x: 0, y: 0 };
      return { x: tb.x + p.x, y: tb.y + p.y, w: CHILD_W, h: CHILD_H };
    };
    const inbound = t.inboundConnectors.map((c) => {
      const b = child(c.id);
      return card(c.id, 'inbound', t.id, b, inboundLines(c, L, b), 'connectorAccent', { disabled: !c.enabled });
    });
    const rules = sortedRules(t).map((r) => {
      const b = child(r.id);
      return card(r.id, 'rule', t.id, b, ruleLines(r, L, b), 'ruleAccent', { disabled: !r.enabled });
    });
    const outbound = t.outboundConnectors.map((c) => {
      const b = child(c.id);
      return card(c.id, 'outbound', t.id, b, outboundLines(c, L, b), 'outboundAccent', { disabled: !c.enabled });
    });
    const headerLines = tenantHeader(t, L, tb.w);
    const headerHeight = Math.min(TENANT_HEADER - 6, linesHeight(headerLines) + 16);
    const corridorY = tb.y + TENANT_HEADER - CHILD_GAP / 2 - 2;
    tenants.push({
      id: t.id,
      tenant: t,
      x: tb.x,
      y: tb.y,
      width: tb.w,
      height: tb.h,
      headerLines,
      headerHeight,
      inbound,
      rules,
      outbound,
      entry: { x: tb.x, y: corridorY },
      mailboxes: { x: tb.x + tb.w - TENANT_PAD - 10, y: tb.y + 22 },
      corridorY,
    });
  }

  const fd = at(canvas.frontDoor);
  const eop = card('eop', 'eop', null, fd, fillBox(L.eopTitle, landmarkLines(L.eopLines), fd.w, fd.h), 'eopStroke');
  const net = at(canvas.internet);
  const internet = card('internet', 'internet', null, net, fillBox(L.internet, landmarkLines(L.internetLines), net.w, net.h, FONT.name + 1), 'internetZoneStroke');

  const onPrem = at(canvas.zones.onPremises);
  const exo = at(canvas.zones.exchangeOnline);
  const zones: Zone[] = [
    { id: 'onPremises', label: L.onPremises, x: onPrem.x, y: onPrem.y, width: onPrem.w, height: onPrem.h },
    { id: 'exchangeOnline', label: L.exchangeOnline, x: exo.x, y: exo.y, width: exo.w, height: exo.h },
  ];

  const cards = new Map<string, Card>();
  for (const c of [...servers, eop, internet]) cards.set(c.id, c);
  for (const t of tenants) for (const c of [...t.inbound, ...t.rules, ...t.outbound]) cards.set(c.id, c);

  // Lanes: in the gap between the lanes (zones) on the left of the front door, between the front
  // door and the tenants, and between the Exchange Online zone and the Internet.
  const leftLaneRight = Math.max(onPrem.x + onPrem.w, ...servers.map((s) => s.x + s.width));
  const serverLane = (leftLaneRight + exo.x) / 2;
  const tenantsLeft = tenants.length ? Math.min(...tenants.map((t) => t.x)) : eop.x + eop.width + 50;
  const eopLane = (eop.x + eop.width + tenantsLeft) / 2;

  const edges: BaseEdge[] = [];
  const ey = centerY(eop);
  for (const s of servers) {
    const sy = centerY(s);
    edges.push({ from: s.id, to: 'eop', dashed: false, points: orthogonal({ x: s.x + s.width, y: sy }, serverLane, { x: eop.x, y: ey }) });
  }
  for (const t of tenants) {
    for (const c of t.inbound) edges.push({ from: 'eop', to: c.id, dashed: c.disabled, points: orthogonal({ x: eop.x + eop.width, y: ey }, eopLane, { x: c.x, y: centerY(c) }) });
  }
  const outboundLanes = new Map<string, number>();
  const laneStart = exo.x + exo.w + 14;
  const laneRoom = Math.max(8, net.x - laneStart - 14);
  const allOutbound = tenants.flatMap((t) => t.outbound);
  const connectorById = new Map(doc.tenants.flatMap((t) => t.outboundConnectors.map((c) => [c.id, c] as const)));
  const toInternet = allOutbound.filter((c) => connectorById.get(c.id)?.connectorType !== 'OnPremises');
  const toOnPrem = allOutbound.filter((c) => connectorById.get(c.id)?.connectorType === 'OnPremises');
  const step = Math.min(10, laneRoom / Math.max(1, allOutbound.length + 1));
  // Lanes are assigned from the top connector outward, so the verticals do not cross each other's turns.
  [...[...toInternet].reverse(), ...toOnPrem].forEach((c, i) => outboundLanes.set(c.id, laneStart + step * i));
  const directLane = laneStart + step * allOutbound.length;
  for (const c of toInternet) {
    edges.push({ from: c.id, to: internet.id, dashed: c.disabled, points: outboundRoute(c, internet, outboundLanes.get(c.id)!, c.x + c.width) });
  }
  // OnPremises connectors go back to the server their smart host names (or the zone), as on the canvas.
  for (const c of toOnPrem) {
    const model = connectorById.get(c.id)!;
    const receiver = receivingServer(doc, model.smartHosts);
    const target = (receiver && servers.find((s) => s.id === receiver.id)) || zones[0];
    edges.push({ from: c.id, to: receiver?.id ?? 'onPremises', dashed: true, points: backOnPremises(c, target, outboundLanes.get(c.id)!, { zones, serverLane }) });
  }

  const notesPlaced = notes.map((n) => ({ ...n, x: n.x + origin.x, y: n.y + origin.y }));
  const diagramRight = drawn.x + drawn.w + origin.x + MARGIN;
  const diagramBottom = drawn.y + drawn.h + origin.y + MARGIN;
  const width = Math.ceil(Math.max(diagramRight, padding + input.minFooterWidth) + padding);
  const footer: Rect = { x: padding, y: diagramBottom + 8, width: width - padding * 2, height: input.footerHeight };
  const height = Math.ceil(footer.y + footer.height + padding);
  return {
    width,
    height,
    zones,
    tenants,
    servers,
    eop,
    internet,
    cards,
    edges,
    outboundLanes,
    directLane,
    serverLane,
    eopLane,
    notes: notesPlaced,
    origin,
    top,
    header: { x: padding, y: padding, width: width - padding * 2, height: input.headerHeight },
    footer,
  };
}

/** The zone label band on top of each zone (labels and marks keep off it). */
export function zoneTitle(z: Zone): Rect {
  return { x: z.x, y: z.y, width: Math.min(z.width, 16 + textWidth(z.label.toUpperCase(), FONT.zone, true) + 12), height: ZONE_HEADER };
}

/**
 * Moves everything drawn by (dx, dy) and grows the picture by the same amount on the right/bottom
 * (when the simulation's labels need room outside the canvas drawing).
 */
export function shiftLayout(layout: DiagramLayout, dx: number, dy: number, grow: { right: number; bottom: number }): void {
  const p = (q: Point) => {
    q.x += dx;
    q.y += dy;
  };
  for (const r of [...layout.zones, ...layout.tenants, ...layout.cards.values(), ...layout.notes]) p(r);
  for (const t of layout.tenants) {
    p(t.entry);
    p(t.mailboxes);
    t.corridorY += dy;
  }
  for (const e of layout.edges) e.points.forEach(p);
  for (const [k, v] of layout.outboundLanes) layout.outboundLanes.set(k, v + dx);
  layout.directLane += dx;
  layout.serverLane += dx;
  layout.eopLane += dx;
  p(layout.origin);
  layout.width = Math.ceil(layout.width + dx + grow.right);
  layout.footer.y += dy + grow.bottom;
  layout.footer.width = layout.width - layout.footer.x * 2;
  layout.header.width = layout.footer.width;
  layout.height = Math.ceil(layout.footer.y + layout.footer.height + layout.header.y);
}

export function centerY(r: Rect): number {
  return r.y + r.height / 2;
}

/** From a to b by a vertical lane at x: right, up or down, right again. */
export function orthogonal(a: Point, laneX: number, b: Point): Point[] {
  if (Math.abs(a.y - b.y) < 1) return [a, b];
  return [a, { x: laneX, y: a.y }, { x: laneX, y: b.y }, b];
}

/** An OnPremises outbound connector goes back on-premises; a Partner one to the Internet. */
export function destinationOf(c: OutboundConnector): 'internet' | 'onPremises' {
  return c.connectorType === 'OnPremises' ? 'onPremises' : 'internet';
}

export function outboundRoute(from: Rect, dest: Rect, laneX: number, startX: number): Point[] {
  const y0 = centerY(from);
  const y1 = Math.min(Math.max(y0, dest.y + 14), dest.y + dest.height - 14);
  return orthogonal({ x: startX, y: y0 }, laneX, { x: dest.x, y: y1 });
}

/**
 * An outbound connector back to the organization (its smart host's server, or the On-premises zone):
 * out to its lane, up above the Exchange Online zone, left across it, and down to the target's right
 * edge — around the tenants, as the canvas's detour edge goes.
 */
export function backOnPremises(connector: Rect, target: Rect, lane: number, layout: Pick<DiagramLayout, 'zones' | 'serverLane'>): Point[] {
  const exo = layout.zones.find((z) => z.id === 'exchangeOnline')!;
  const y0 = centerY(connector);
  const aboveY = exo.y - 14;
  // Down between the On-premises zone's border and the lane the servers' edges use.
  const gapX = layout.serverLane - 18;
  const ey = centerY(target);
  return [
    { x: connector.x + connector.width, y: y0 },
    { x: lane, y: y0 },
    { x: lane, y: aboveY },
    { x: gapX, y: aboveY },
    { x: gapX, y: ey },
    { x: target.x + target.width, y: ey },
  ];
}
