/**
 * The deterministic layout of an exported diagram, computed from the model alone (no DOM), so the CLI
 * and the app draw the same picture of the WHOLE design whatever the canvas zoom.
 *
 * Left to right: the organization's servers (an "On-premises" zone, Internet senders below it), the
 * Exchange Online zone (the EOP front door, then one box per tenant with three columns: inbound
 * connectors, mail flow rules in priority order, delivery and outbound connectors), and the
 * destinations on the right (the Internet, the organization's smart hosts). When the document has
 * canvas positions (`view.positions`), servers and tenants keep the canvas order (top to bottom,
 * then left to right); the boxes themselves are sized here, so nothing overlaps whatever the canvas
 * node sizes were.
 */
import type {
  InboundConnector,
  OutboundConnector,
  Server,
  Tenant,
  TopologyDocument,
  TransportRule,
} from '../model/schema';
import type { DiagramLabels } from './labels';
import type { DiagramPalette } from './theme';
import { textWidth, wrapText } from './text';
import { drawingOrder, layoutCanvas, type CanvasLayout } from '../layout/canvas';

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

export type CardKind =
  | 'server'
  | 'inbound'
  | 'direct'
  | 'rule'
  | 'noRule'
  | 'mailboxes'
  | 'outbound'
  | 'eop'
  | 'internet'
  | 'smartHosts';

export interface Card extends Rect {
  /** Entity id, or a synthetic id (`eop`, `internet`, `smart-hosts`, `<tenant>:direct` ...). */
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
  columnLabels: Array<{ text: string; x: number; y: number }>;
  /** The frame around the rules: the path enters it and leaves it. */
  rulesFrame: Rect;
  inbound: Card[];
  direct: Card;
  rules: Card[];
  mailboxes: Card;
  outbound: Card[];
}

export interface Zone extends Rect {
  id: 'onPremises' | 'externalSenders' | 'exchangeOnline';
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
  smartHosts: Card;
  /** The smart-host destination is drawn only when an OnPremises outbound connector exists. */
  showSmartHosts: boolean;
  /** Every card by id, for the simulation overlay. */
  cards: Map<string, Card>;
  edges: BaseEdge[];
  /** x of the vertical lane each outbound edge uses, by connector id. */
  outboundLanes: Map<string, number>;
  /** x of the lane for mail relayed out by MX without an outbound connector. */
  directLane: number;
  /** Top of the drawing area for the diagram (below the title and caption). */
  top: number;
  /** Where the caption and legend are drawn. */
  header: Rect;
  footer: Rect;
}

export const FONT = {
  title: 22,
  subtitle: 12.5,
  tenant: 16,
  zone: 13,
  name: 13,
  detail: 11.5,
  column: 11,
};

export const COLUMN_GAP = 44;
export const LINE_GAP = 1.38;
const CARD_PAD_X = 12;
const CARD_PAD_Y = 8;
const CARD_GAP = 10;
const COLUMN_GUTTER = COLUMN_GAP;
const TENANT_PAD = 16;
const TENANT_GAP = 56;
const ZONE_PAD = 20;
const ZONE_LABEL = 44;
const EOP_WIDTH = 150;
const EOP_BAND = 96;
const MAX_CARD_TEXT = 300;
const MIN_COLUMN = 190;

let groupCounter = 0;

function lines(text: string, size: number, bold: boolean, color: ColorRole, maxWidth = MAX_CARD_TEXT): TextLine[] {
  const group = ++groupCounter;
  return wrapText(text, size, maxWidth, bold).map((t) => ({ text: t, size, bold, color, group }));
}

export function linesHeight(ls: TextLine[]): number {
  return ls.reduce((h, l) => h + l.size * LINE_GAP, 0);
}

function linesWidth(ls: TextLine[]): number {
  return ls.reduce((w, l) => Math.max(w, textWidth(l.text, l.size, l.bold)), 0);
}

function card(
  id: string,
  kind: CardKind,
  tenantId: string | null,
  content: TextLine[],
  accent: ColorRole,
  opts: { disabled?: boolean; dashed?: boolean } = {},
): Card {
  return {
    id,
    kind,
    tenantId,
    lines: content,
    accent,
    disabled: opts.disabled ?? false,
    dashed: opts.dashed ?? false,
    x: 0,
    y: 0,
    width: Math.ceil(linesWidth(content) + CARD_PAD_X * 2 + 6),
    height: Math.ceil(linesHeight(content) + CARD_PAD_Y * 2),
  };
}

function list(values: string[], max = 4): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')} +${values.length - max}`;
}

function serverCard(s: Server, L: DiagramLabels): Card {
  const content = [...lines(s.name, FONT.name, true, 'text')];
  content.push(...lines(`${L.ip} ${s.ipAddress} · ${s.tls ? L.tls : L.noTls}`, FONT.detail, false, 'muted'));
  if (s.certificate) {
    const flags = [!s.certificate.trusted ? L.untrusted : null, !s.certificate.chainComplete ? L.noChain : null]
      .filter(Boolean)
      .join(', ');
    content.push(
      ...lines(`${L.certificate} ${s.certificate.subject}${flags ? ` (${flags})` : ''}`, FONT.detail, false, 'muted'),
    );
    const extra = s.certificate.subjectAlternativeNames.filter((n) => n.toLowerCase() !== s.certificate!.subject.toLowerCase());
    if (extra.length > 0) content.push(...lines(`SAN ${list(extra, 3)}`, FONT.detail, false, 'muted'));
  } else {
    content.push(...lines(L.noCertificate, FONT.detail, false, 'muted'));
  }
  return card(s.id, 'server', null, content, 'serverAccent');
}

function inboundCard(c: InboundConnector, tenantId: string, L: DiagramLabels): Card {
  const content = [...lines(c.name, FONT.name, true, 'text')];
  content.push(...lines(`${L.connectorTypes[c.connectorType]}${c.enabled ? '' : ` · ${L.disabled}`}`, FONT.detail, false, 'connectorAccent'));
  if (c.tlsSenderCertificateName) content.push(...lines(`${L.certificate} ${c.tlsSenderCertificateName}`, FONT.detail, false, 'muted'));
  if (c.senderIPAddresses.length > 0) content.push(...lines(`${L.ip} ${list(c.senderIPAddresses)}`, FONT.detail, false, 'muted'));
  if (c.connectorType === 'Partner') {
    if (!(c.senderDomains.length === 1 && c.senderDomains[0] === '*')) {
      content.push(...lines(`${L.senderDomains} ${list(c.senderDomains)}`, FONT.detail, false, 'muted'));
    }
    const restrictions = [
      c.requireTls ? 'TLS' : null,
      c.restrictDomainsToIPAddresses ? L.ip : null,
      c.restrictDomainsToCertificate ? L.certificate : null,
    ].filter((r): r is string => r !== null);
    if (restrictions.length > 0) content.push(...lines(`${L.partnerRestrictions}: ${restrictions.join(', ')}`, FONT.detail, false, 'muted'));
  }
  return card(c.id, 'inbound', tenantId, content, 'connectorAccent', { disabled: !c.enabled });
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

function ruleCard(r: TransportRule, tenantId: string, L: DiagramLabels): Card {
  const { condition, action } = ruleSummary(r, L);
  const content = [...lines(r.name, FONT.name, true, 'text')];
  content.push(...lines(`${L.priority} ${r.priority}${r.enabled ? '' : ` · ${L.disabled}`} · ${condition}`, FONT.detail, false, 'muted'));
  if (action) content.push(...lines(action, FONT.detail, false, 'ruleAccent'));
  return card(r.id, 'rule', tenantId, content, 'ruleAccent', { disabled: !r.enabled });
}

function outboundCard(c: OutboundConnector, tenantId: string, L: DiagramLabels): Card {
  const content = [...lines(c.name, FONT.name, true, 'text')];
  const target = c.useMXRecord || c.smartHosts.length === 0 ? L.viaMx : list(c.smartHosts, 2);
  content.push(...lines(`${L.connectorTypes[c.connectorType]} → ${target}${c.enabled ? '' : ` · ${L.disabled}`}`, FONT.detail, false, 'outboundAccent'));
  const domains = c.allAcceptedDomains ? L.allAcceptedDomains : list(c.recipientDomains);
  content.push(...lines(`${L.recipientDomains}: ${domains}`, FONT.detail, false, 'muted'));
  if (c.routeAllMessagesViaOnPremises) content.push(...lines(L.centralized, FONT.detail, true, 'outboundAccent'));
  return card(c.id, 'outbound', tenantId, content, 'outboundAccent', { disabled: !c.enabled });
}

function mailboxesCard(t: Tenant, L: DiagramLabels): Card {
  const content = [...lines(L.mailboxes, FONT.name, true, 'text')];
  content.push(...lines(t.recipients.length > 0 ? L.mailboxesListed(t.recipients.length) : L.mailboxesAll, FONT.detail, false, 'muted'));
  return card(`${t.id}:mailboxes`, 'mailboxes', t.id, content, 'mailboxAccent');
}

/**
 * Servers and tenants in the order the canvas draws them (the one layout, shared/layout/canvas.ts),
 * when the document has positions; else document order.
 */
function canvasOrder<T extends { id: string }>(items: T[], doc: TopologyDocument, canvas: () => CanvasLayout): T[] {
  const positions = doc.view?.positions ?? {};
  if (!items.some((i) => Object.hasOwn(positions, i.id))) return items;
  return drawingOrder(items, canvas());
}

function stack(cards: Card[], x: number, y: number, width: number): number {
  let at = y;
  for (const c of cards) {
    c.x = x;
    c.y = at;
    c.width = width;
    at += c.height + CARD_GAP;
  }
  return cards.length ? at - CARD_GAP : y;
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
  let canvasLayout: CanvasLayout | null = null;
  const canvas = () => (canvasLayout ??= layoutCanvas(doc));

  const onPrem = canvasOrder(doc.servers.filter((s) => s.role === 'onPremises'), doc, canvas).map((s) => serverCard(s, L));
  const external = canvasOrder(doc.servers.filter((s) => s.role === 'external'), doc, canvas).map((s) => serverCard(s, L));
  const serverWidth = Math.max(MIN_COLUMN + 20, ...onPrem.map((c) => c.width), ...external.map((c) => c.width));

  const tenantsInOrder = canvasOrder(doc.tenants, doc, canvas);
  const built = tenantsInOrder.map((t) => {
    const inbound = t.inboundConnectors.map((c) => inboundCard(c, t.id, L));
    // Mail that matches no connector enters the tenant that owns the recipient (mailflow-model.md 4.4).
    const direct = card(
      `${t.id}:direct`,
      'direct',
      t.id,
      lines(inbound.length === 0 ? L.noInbound : L.directEntry, FONT.detail, false, 'muted'),
      'muted',
      { dashed: true },
    );
    const rules = [...t.transportRules]
      .sort((a, b) => a.priority - b.priority)
      .map((r) => ruleCard(r, t.id, L));
    if (rules.length === 0) rules.push(card(`${t.id}:no-rule`, 'noRule', t.id, lines(L.noRules, FONT.detail, false, 'muted'), 'muted', { dashed: true }));
    const outbound = t.outboundConnectors.map((c) => outboundCard(c, t.id, L));
    const mailboxes = mailboxesCard(t, L);
    return { t, inbound, direct, rules, outbound, mailboxes };
  });

  const inW = Math.max(MIN_COLUMN, ...built.flatMap((b) => [...b.inbound, b.direct].map((c) => c.width)));
  const ruW = Math.max(MIN_COLUMN + 40, ...built.flatMap((b) => b.rules.map((c) => c.width + 16)));
  const deW = Math.max(MIN_COLUMN, ...built.flatMap((b) => [b.mailboxes, ...b.outbound].map((c) => c.width)));
  const tenantW = TENANT_PAD * 2 + inW + COLUMN_GUTTER + ruW + COLUMN_GUTTER + deW;

  // Horizontal bands.
  const leftZoneX = padding;
  const leftZoneW = serverWidth + ZONE_PAD * 2;
  const cloudZoneX = leftZoneX + leftZoneW + 90;
  const eopX = cloudZoneX + ZONE_PAD;
  const tenantX = eopX + EOP_WIDTH + 70;
  const cloudZoneW = tenantX + tenantW + ZONE_PAD - cloudZoneX;
  const outboundCount = built.reduce((n, b) => n + b.outbound.length, 0);
  const laneStart = cloudZoneX + cloudZoneW + 24;
  // One lane per outbound connector, plus one for mail that leaves by MX without a connector.
  const destX = laneStart + (outboundCount + 1) * 16 + 40;

  const top = padding + input.headerHeight;
  const contentTop = top + ZONE_LABEL;

  // Tenants, stacked.
  const tenants: TenantBox[] = [];
  let y = contentTop;
  const headerTextWidth = inW + COLUMN_GUTTER + ruW * 0.55;
  for (const b of built) {
    const x = tenantX;
    const header: TextLine[] = [...lines(b.t.name, FONT.tenant, true, 'title', headerTextWidth)];
    const domainText = b.t.acceptedDomains
      .map((d) => `${d.domainName}${d.domainType === 'InternalRelay' ? ` (${L.internalRelay}${d.matchSubDomains ? ', *.' : ''})` : ''}`)
      .join(', ');
    header.push(...lines(`${L.acceptedDomains}: ${domainText || '—'}`, FONT.detail, false, 'muted', headerTextWidth));
    if (b.t.rejectDirectSend) header.push(...lines(L.rejectDirectSend, FONT.detail, false, 'muted', headerTextWidth));
    const headerH = 12 + linesHeight(header) + 8;
    const labelY = y + headerH + 12;
    const colTop = labelY + 10;
    const inX = x + TENANT_PAD;
    const ruX = inX + inW + COLUMN_GUTTER;
    const deX = ruX + ruW + COLUMN_GUTTER;
    const inBottom = stack([...b.inbound, b.direct], inX, colTop, inW);
    const frameTop = colTop - 26;
    const ruBottom = stack(b.rules, ruX + 8, colTop + 4, ruW - 16) + 8;
    // Room under the mailboxes for the "Delivered" label of a simulation.
    const deBottom = Math.max(stack([b.mailboxes], deX, colTop, deW) + 14, stack(b.outbound, deX, colTop + b.mailboxes.height + CARD_GAP + 14, deW));
    const bottom = Math.max(inBottom, ruBottom, deBottom) + TENANT_PAD;
    const box: TenantBox = {
      id: b.t.id,
      tenant: b.t,
      x,
      y,
      width: tenantW,
      height: bottom - y,
      headerLines: header,
      columnLabels: [
        { text: L.inboundConnectors, x: inX, y: labelY },
        { text: L.rules, x: ruX + 10, y: labelY },
        { text: L.delivery, x: deX, y: labelY },
      ],
      rulesFrame: { x: ruX, y: frameTop, width: ruW, height: ruBottom - frameTop },
      inbound: b.inbound,
      direct: b.direct,
      rules: b.rules,
      mailboxes: b.mailboxes,
      outbound: b.outbound,
    };
    tenants.push(box);
    y = bottom + TENANT_GAP;
  }
  const tenantsBottom = tenants.length ? y - TENANT_GAP : contentTop + 120;

  // Servers: first one just below the EOP's text band, so paths never cross its label.
  const serversTop = contentTop + EOP_BAND + 8;
  let sy = stack(onPrem, leftZoneX + ZONE_PAD, serversTop, serverWidth);
  const onPremBottom = Math.max(sy, serversTop + 40) + ZONE_PAD;
  let externalZone: Zone | null = null;
  if (external.length > 0) {
    const ezTop = onPremBottom + 28;
    sy = stack(external, leftZoneX + ZONE_PAD, ezTop + ZONE_LABEL, serverWidth);
    externalZone = {
      id: 'externalSenders',
      label: L.externalSenders,
      x: leftZoneX,
      y: ezTop,
      width: leftZoneW,
      height: sy + ZONE_PAD - ezTop,
    };
  }
  const leftBottom = externalZone ? externalZone.y + externalZone.height : onPremBottom;

  const eopBottom = Math.max(tenantsBottom, leftBottom - ZONE_PAD, contentTop + EOP_BAND + 60);
  const eop = card('eop', 'eop', null, [
    ...lines(L.eopTitle, FONT.name, true, 'text', EOP_WIDTH - 24),
    ...L.eopLines.flatMap((l) => lines(l, FONT.detail, false, 'muted', EOP_WIDTH - 24)),
  ], 'eopStroke');
  Object.assign(eop, { x: eopX, y: contentTop, width: EOP_WIDTH, height: eopBottom - contentTop });

  const cloudBottom = eopBottom + ZONE_PAD;
  const zones: Zone[] = [
    {
      id: 'onPremises',
      label: L.onPremises,
      x: leftZoneX,
      y: top,
      width: leftZoneW,
      height: onPremBottom - top,
    },
    {
      id: 'exchangeOnline',
      label: L.exchangeOnline,
      x: cloudZoneX,
      y: top,
      width: cloudZoneW,
      height: cloudBottom - top,
    },
  ];
  if (externalZone) zones.push(externalZone);

  // Destinations.
  const internet = card('internet', 'internet', null, [
    ...lines(L.internet, FONT.name + 1, true, 'text'),
    ...L.internetLines.flatMap((l) => lines(l, FONT.detail, false, 'muted')),
  ], 'internetZoneStroke');
  const hosts = [...new Set(doc.tenants.flatMap((t) => t.outboundConnectors.filter((c) => c.connectorType === 'OnPremises').flatMap((c) => c.smartHosts)))];
  const smartHosts = card('smart-hosts', 'smartHosts', null, [
    ...lines(L.smartHosts, FONT.name, true, 'text'),
    ...(hosts.length ? hosts.map((h) => lines(h, FONT.detail, false, 'muted')).flat() : lines(L.smartHostsNone, FONT.detail, false, 'muted')),
  ], 'serverAccent');
  const destW = Math.max(internet.width, smartHosts.width, 200);
  internet.x = destX;
  internet.y = contentTop + EOP_BAND;
  internet.width = destW;
  smartHosts.x = destX;
  smartHosts.y = internet.y + internet.height + 96;
  smartHosts.width = destW;

  const cards = new Map<string, Card>();
  for (const c of [...onPrem, ...external, eop, internet, smartHosts]) cards.set(c.id, c);
  for (const t of tenants) for (const c of [...t.inbound, t.direct, ...t.rules, t.mailboxes, ...t.outbound]) cards.set(c.id, c);

  // Base edges: servers to the front door, the front door to each way into a tenant, outbound to destinations.
  const edges: BaseEdge[] = [];
  const eopRight = eop.x + eop.width;
  for (const s of [...onPrem, ...external]) {
    const yy = centerY(s);
    edges.push({ from: s.id, to: 'eop', dashed: false, points: [{ x: s.x + s.width, y: yy }, { x: eop.x, y: yy }] });
  }
  for (const t of tenants) {
    for (const c of [...t.inbound, t.direct]) {
      const yy = centerY(c);
      edges.push({ from: 'eop', to: c.id, dashed: c.kind === 'direct' || c.disabled, points: [{ x: eopRight, y: yy }, { x: c.x, y: yy }] });
    }
  }
  const outboundLanes = new Map<string, number>();
  let lane = 0;
  // Lanes are assigned from the top connector outward, so the verticals do not cross each other's turns.
  const allOutbound = tenants.flatMap((t) => t.outbound);
  const connectorById = new Map(doc.tenants.flatMap((t) => t.outboundConnectors.map((c) => [c.id, c] as const)));
  const destOf = (c: Card) => destinationOf(connectorById.get(c.id)!);
  const toInternet = allOutbound.filter((c) => destOf(c) === 'internet');
  const toOnPrem = allOutbound.filter((c) => destOf(c) === 'smart-hosts');
  for (const c of [...toInternet].reverse()) outboundLanes.set(c.id, laneStart + 16 * lane++);
  for (const c of toOnPrem) outboundLanes.set(c.id, laneStart + 16 * lane++);
  for (const c of allOutbound) {
    const dest = destOf(c) === 'internet' ? internet : smartHosts;
    edges.push({ from: c.id, to: dest.id, dashed: c.disabled, points: outboundRoute(c, dest, outboundLanes.get(c.id)!, c.x + c.width) });
  }

  const diagramRight = Math.max(destX + destW, cloudZoneX + cloudZoneW);
  const diagramBottom = Math.max(cloudBottom, leftBottom, toOnPrem.length > 0 ? smartHosts.y + smartHosts.height : 0);
  const width = Math.ceil(Math.max(diagramRight, padding + input.minFooterWidth) + padding);
  const footer: Rect = { x: padding, y: diagramBottom + 24, width: width - padding * 2, height: input.footerHeight };
  const height = Math.ceil(footer.y + footer.height + padding);
  return {
    width,
    height,
    zones,
    tenants,
    servers: [...onPrem, ...external],
    eop,
    internet,
    smartHosts,
    showSmartHosts: toOnPrem.length > 0,
    cards,
    edges,
    outboundLanes,
    directLane: laneStart + 16 * outboundCount,
    top,
    header: { x: padding, y: padding, width: width - padding * 2, height: input.headerHeight },
    footer,
  };
}

export function centerY(r: Rect): number {
  return r.y + r.height / 2;
}

/** An OnPremises outbound connector goes to the organization's smart hosts; a Partner one to the Internet. */
export function destinationOf(c: OutboundConnector): 'internet' | 'smart-hosts' {
  return c.connectorType === 'OnPremises' ? 'smart-hosts' : 'internet';
}

export function outboundRoute(from: Rect, dest: Rect, laneX: number, startX: number): Point[] {
  const y0 = centerY(from);
  const y1 = Math.min(Math.max(y0, dest.y + 14), dest.y + dest.height - 14);
  if (Math.abs(y0 - y1) < 1) return [{ x: startX, y: y0 }, { x: dest.x, y: y0 }];
  return [
    { x: startX, y: y0 },
    { x: laneX, y: y0 },
    { x: laneX, y: y1 },
    { x: dest.x, y: y1 },
  ];
}
