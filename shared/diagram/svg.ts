/**
 * A standalone SVG of the whole design, drawn from the model (and, optionally, a simulation), with
 * the document embedded in `<metadata>` so opening the file in the app restores the design.
 *
 * Styles are presentation attributes (no CSS, no `foreignObject`, no web fonts) so the file renders
 * the same in browsers, in resvg (the CLI's PNG) and in vector editors.
 */
import type { Scenario, TopologyDocument } from '../model/schema';
import { serializeDocument } from '../model/load';
import type { Lang, Simulation } from '../engine/types';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from './encoding';
import { documentDisplayTitle, scenarioDisplayDescription, scenarioDisplayName } from '../i18n/gallery';
import { diagramLabels, type DiagramLabels } from './labels';
import { FONT, LINE_GAP, layoutDiagram, shiftLayout, type Card, type DiagramLayout, type Point, type TextLine } from './layout';
import { embeddedDocumentPayload, svgMetadataContent } from './metadata';
import { drawNotes } from './notes';
import { buildOverlay, LABEL_SIZE, SIGN_R, type Overlay } from './overlay';
import { escapeXml, textWidth, wrapText } from './text';
import { DEFAULT_FONT_FAMILY, PALETTES, type DiagramPalette, type DiagramThemeName } from './theme';

export const MAILFLOW_NS = 'https://mailflow.studio/ns/1';

export interface DiagramOptions {
  theme?: DiagramThemeName;
  /** No background rectangle (for pasting on coloured slides). */
  transparent?: boolean;
  /** Space around the drawing, in px. */
  padding?: number;
  fontFamily?: string;
  lang?: Lang;
  /** Simulation state to draw: path, first receipt, hand-offs, stop mark, NDR. */
  simulation?: Simulation | null;
  /** Embed the document in `<metadata>` (default true). */
  embedDocument?: boolean;
}

export interface RenderedDiagram {
  svg: string;
  width: number;
  height: number;
  layout: DiagramLayout;
}

export const DEFAULT_PADDING = 32;

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

interface Caption {
  lines: Array<{ text: string; size: number; bold: boolean; color: keyof DiagramPalette }>;
  height: number;
}

function captionFor(doc: TopologyDocument, sim: Simulation | null, L: DiagramLabels, maxWidth: number, lang: Lang = 'en'): Caption {
  const out: Caption['lines'] = [];
  // A gallery example's title, scenario name and description in the export's language (shared/i18n/gallery.ts).
  for (const t of wrapText(documentDisplayTitle(doc, lang), FONT.title, maxWidth, true)) out.push({ text: t, size: FONT.title, bold: true, color: 'title' });
  out.push({ text: L.service(doc.service?.preset ?? 'current'), size: FONT.subtitle, bold: false, color: 'muted' });
  if (sim) {
    const scenario: Scenario | undefined = doc.scenarios.find((s) => s.id === sim.scenarioId);
    if (scenario) {
      out.push({ text: `${L.scenario}: ${scenarioDisplayName(scenario, lang)}`, size: 15, bold: true, color: 'path' });
      if (scenario.description) {
        for (const t of wrapText(scenarioDisplayDescription(scenario, lang) ?? scenario.description, FONT.subtitle, maxWidth)) out.push({ text: t, size: FONT.subtitle, bold: false, color: 'text' });
      }
    }
    let reply = `${L.reply}: ${sim.smtp.code} ${sim.smtp.enhanced} ${sim.smtp.text}`;
    if (sim.attribution) {
      const tenant = doc.tenants.find((t) => t.id === sim.attribution!.tenant)?.name ?? sim.attribution.tenant;
      reply += ` · ${L.firstReceipt}: ${tenant} (${L.keyNames[sim.attribution.key] ?? sim.attribution.key})`;
    }
    for (const t of wrapText(reply, FONT.subtitle, maxWidth)) out.push({ text: t, size: FONT.subtitle, bold: false, color: 'text' });
    if (sim.type === 'load') {
      const deferred = sim.hours.reduce((n, h) => n + h.deferred, 0);
      const expired = sim.hours.reduce((n, h) => n + h.expired, 0);
      out.push({ text: L.loadSummary(grouped(deferred), grouped(expired), sim.hours.length), size: FONT.subtitle, bold: false, color: 'text' });
    }
    const tenantName = (id: string) => doc.tenants.find((t) => t.id === id)?.name ?? id;
    const shown = sim.recipients.slice(0, 8);
    for (const r of shown) {
      const route = r.path.length ? ` (${r.path.map(tenantName).join(' → ')})` : '';
      out.push({ text: `• ${r.address}: ${L.dispositions[r.disposition] ?? r.disposition} ${r.code}${route}`, size: FONT.subtitle, bold: false, color: 'text' });
    }
    if (sim.recipients.length > shown.length) out.push({ text: `• +${sim.recipients.length - shown.length}`, size: FONT.subtitle, bold: false, color: 'muted' });
  }
  const height = out.reduce((h, l) => h + l.size * LINE_GAP, 0) + 16;
  return { lines: out, height };
}

/** 633981 → 633,981 (both languages group by thousands with a comma). */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function legendItems(L: DiagramLabels, withSimulation: boolean): Array<{ label: string; kind: string }> {
  const items = [
    { label: L.legendServer, kind: 'serverAccent' },
    { label: L.legendConnector, kind: 'connectorAccent' },
    { label: L.legendRule, kind: 'ruleAccent' },
    { label: L.legendOutbound, kind: 'outboundAccent' },
  ];
  if (withSimulation) {
    items.push({ label: L.legendPath, kind: 'path' }, { label: L.legendHandoff, kind: 'handoff' }, { label: L.legendNdr, kind: 'ndr' }, { label: L.legendStop, kind: 'stop' });
  }
  return items;
}

function legendWidth(L: DiagramLabels, withSimulation: boolean): number {
  return textWidth(L.legendTitle, 12, true) + 20 + legendItems(L, withSimulation).reduce((w, i) => w + 36 + textWidth(i.label, 11.5) + 22, 0);
}

/** Draws the diagram. Pure: the same document and options always give the same SVG text. */
export function renderDiagramSvg(doc: TopologyDocument, options: DiagramOptions = {}): RenderedDiagram {
  const theme = options.theme ?? 'light';
  const P = PALETTES[theme];
  const L = diagramLabels(options.lang ?? 'en');
  const padding = Math.max(0, Math.min(options.padding ?? DEFAULT_PADDING, 1000));
  const sim = options.simulation ?? null;
  const font = options.fontFamily ?? DEFAULT_FONT_FAMILY;

  const caption = captionFor(doc, sim, L, 1100, options.lang ?? 'en');
  const captionWidth = Math.max(...caption.lines.map((l) => textWidth(l.text, l.size, l.bold)));
  const layout = layoutDiagram({
    doc,
    labels: L,
    padding,
    headerHeight: caption.height,
    footerHeight: 30,
    minFooterWidth: Math.max(legendWidth(L, sim !== null), captionWidth),
  });
  let overlay = sim ? buildOverlay(doc, layout, sim, L) : null;
  if (overlay) {
    // Paths around the drawing and their labels may need room beyond the canvas's drawing: the
    // picture grows (placement does not depend on where the drawing starts, so it is the same).
    const extent = overlayExtent(overlay);
    const dx = Math.max(0, padding - extent.x1);
    const dy = Math.max(0, layout.top + 4 - extent.y1);
    const grow = { right: Math.max(0, extent.x2 - (layout.width - padding)), bottom: Math.max(0, extent.y2 - (layout.footer.y - 4)) };
    if (dx || dy || grow.right || grow.bottom) {
      shiftLayout(layout, dx, dy, grow);
      overlay = buildOverlay(doc, layout, sim!, L);
    }
  }
  const { width, height } = layout;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:mailflow="${MAILFLOW_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}">`,
  );
  out.push(`<title>${escapeXml(documentDisplayTitle(doc, options.lang ?? 'en'))}</title>`);
  if (options.embedDocument !== false) {
    const encoded = base64Encode(utf8Encode(serializeDocument(doc)));
    out.push(`<metadata><mailflow:document encoding="base64">${encoded}</mailflow:document></metadata>`);
  }
  out.push(defs(P));
  if (!options.transparent) out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="${P.background}"/>`);

  // Caption.
  let cy = layout.header.y;
  for (const l of caption.lines) {
    cy += l.size * LINE_GAP;
    out.push(text(l.text, layout.header.x, cy - l.size * 0.3, l.size, l.bold, P[l.color]));
  }

  drawZones(out, layout, P);
  drawBaseEdges(out, layout, P);
  drawEop(out, layout.eop, P, overlay);
  for (const t of layout.tenants) drawTenant(out, t, P, overlay);
  for (const c of layout.servers) drawCard(out, c, P, overlay);
  drawCard(out, layout.internet, P, overlay, 24);
  // Notes are above the design, as on the canvas; the simulation's marks above them.
  drawNotes(out, layout.notes);
  if (overlay) drawOverlay(out, overlay, P);
  drawLegend(out, layout, P, L, sim !== null);
  out.push('</svg>');
  return { svg: out.join('\n') + '\n', width, height, layout };
}

function defs(P: DiagramPalette): string {
  const marker = (id: string, color: string, size: number) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="${size}" markerHeight="${size}" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`;
  return `<defs>${marker('mf-arrow', P.edge, 9)}${marker('mf-arrow-path', P.path, 13)}${marker('mf-arrow-handoff', P.handoff, 13)}${marker('mf-arrow-ndr', P.ndr, 12)}</defs>`;
}

function text(content: string, x: number, y: number, size: number, bold: boolean, fill: string, anchor: 'start' | 'middle' | 'end' = 'start'): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}" font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="${fill}"${anchor !== 'start' ? ` text-anchor="${anchor}"` : ''}>${escapeXml(content)}</text>`;
}

/** Lines sharing a group become one `<text>` with a `<tspan>` per line, so a wrapped name stays one text. */
function textBlock(lines: TextLine[], x: number, top: number, P: DiagramPalette, opacity = 1): string {
  const parts: string[] = [];
  let y = top;
  let i = 0;
  while (i < lines.length) {
    const group = lines[i].group;
    const first = lines[i];
    const spans: string[] = [];
    let gy = y;
    while (i < lines.length && lines[i].group === group) {
      const l = lines[i];
      gy += l.size * LINE_GAP;
      spans.push(`<tspan x="${fmt(x)}" y="${fmt(gy - l.size * 0.32)}">${escapeXml(l.text)}</tspan>`);
      i++;
    }
    y = gy;
    parts.push(
      `<text font-size="${first.size}"${first.bold ? ' font-weight="bold"' : ''} fill="${P[first.color]}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}>${spans.join('')}</text>`,
    );
  }
  return parts.join('');
}

function drawZones(out: string[], layout: DiagramLayout, P: DiagramPalette): void {
  for (const z of layout.zones) {
    const [fill, stroke] =
      z.id === 'exchangeOnline' ? [P.cloudZone, P.cloudZoneStroke] : z.id === 'onPremises' ? [P.onPremZone, P.onPremZoneStroke] : [P.internetZone, P.internetZoneStroke];
    out.push(`<rect x="${fmt(z.x)}" y="${fmt(z.y)}" width="${fmt(z.width)}" height="${fmt(z.height)}" rx="16" fill="${fill}" stroke="${stroke}" stroke-width="1.5" stroke-dasharray="7 5"/>`);
    out.push(text(z.label.toUpperCase(), z.x + 16, z.y + 21, FONT.zone, true, stroke));
  }
}

function polyline(points: Point[], radius = 8): string {
  if (points.length < 2) return '';
  let d = `M${fmt(points[0].x)},${fmt(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    const next = points[i + 1];
    if (!next) {
      d += ` L${fmt(p.x)},${fmt(p.y)}`;
      break;
    }
    const prev = points[i - 1];
    const lenIn = Math.hypot(p.x - prev.x, p.y - prev.y);
    const lenOut = Math.hypot(next.x - p.x, next.y - p.y);
    const r = Math.min(radius, lenIn / 2, lenOut / 2);
    if (r < 0.5) {
      d += ` L${fmt(p.x)},${fmt(p.y)}`;
      continue;
    }
    const a = { x: p.x - ((p.x - prev.x) / lenIn) * r, y: p.y - ((p.y - prev.y) / lenIn) * r };
    const b = { x: p.x + ((next.x - p.x) / lenOut) * r, y: p.y + ((next.y - p.y) / lenOut) * r };
    d += ` L${fmt(a.x)},${fmt(a.y)} Q${fmt(p.x)},${fmt(p.y)} ${fmt(b.x)},${fmt(b.y)}`;
  }
  return d;
}

function curve(points: Point[]): string {
  const [a, b, c, d] = points;
  return `M${fmt(a.x)},${fmt(a.y)} C${fmt(b.x)},${fmt(b.y)} ${fmt(c.x)},${fmt(c.y)} ${fmt(d.x)},${fmt(d.y)}`;
}

function drawBaseEdges(out: string[], layout: DiagramLayout, P: DiagramPalette): void {
  for (const e of layout.edges) {
    out.push(
      `<path d="${polyline(e.points)}" fill="none" stroke="${P.edge}" stroke-width="1.4"${e.dashed ? ' stroke-dasharray="4 4"' : ''} marker-end="url(#mf-arrow)"/>`,
    );
  }
}

/** The box around everything the overlay draws (paths, signs, labels). */
function overlayExtent(overlay: Overlay): { x1: number; y1: number; x2: number; y2: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of overlay.segments) {
    for (const p of s.points) {
      xs.push(p.x);
      ys.push(p.y);
    }
  }
  for (const m of overlay.marks) {
    const r = m.w ? { x: m.x, y: m.y, w: m.w, h: m.h } : { x: m.x - SIGN_R, y: m.y - SIGN_R, w: SIGN_R * 2, h: SIGN_R * 2 };
    xs.push(r.x, r.x + r.w);
    ys.push(r.y, r.y + r.h);
  }
  if (!xs.length) return { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

function drawEop(out: string[], eop: Card, P: DiagramPalette, overlay: Overlay | null): void {
  const hi = overlay !== null;
  out.push(`<rect x="${fmt(eop.x)}" y="${fmt(eop.y)}" width="${fmt(eop.width)}" height="${fmt(eop.height)}" rx="12" fill="${P.eopFill}" stroke="${hi ? P.path : P.eopStroke}" stroke-width="${hi ? 2.5 : 1.5}"/>`);
  out.push(textBlock(eop.lines, eop.x + 12, eop.y + 8, P));
}

function drawCard(out: string[], c: Card, P: DiagramPalette, overlay: Overlay | null, radius = 8): void {
  const hi = overlay?.highlighted.has(c.id) ?? false;
  const considered = !hi && (overlay?.considered.has(c.id) ?? false);
  const opacity = c.disabled ? 0.55 : 1;
  const fill = c.kind === 'internet' ? P.internetZone : P.card;
  const stroke = hi || considered ? P.path : c.kind === 'internet' ? P.internetZoneStroke : P.cardStroke;
  out.push(
    `<rect x="${fmt(c.x)}" y="${fmt(c.y)}" width="${fmt(c.width)}" height="${fmt(c.height)}" rx="${radius}" fill="${fill}" stroke="${stroke}" stroke-width="${hi ? 2.5 : considered ? 2 : 1.2}"${c.dashed || c.disabled || considered ? ' stroke-dasharray="5 4"' : ''}${opacity < 1 ? ` opacity="${opacity}"` : ''}/>`,
  );
  if (!c.dashed && c.kind !== 'internet') {
    out.push(`<rect x="${fmt(c.x + 4)}" y="${fmt(c.y + 7)}" width="4" height="${fmt(Math.max(4, c.height - 14))}" rx="2" fill="${P[c.accent]}"${opacity < 1 ? ` opacity="${opacity}"` : ''}/>`);
  }
  out.push(textBlock(c.lines, c.x + (c.kind === 'internet' ? 18 : 16), c.y + 6, P, opacity));
}

function drawTenant(out: string[], t: DiagramLayout['tenants'][number], P: DiagramPalette, overlay: Overlay | null): void {
  const first = overlay?.firstReceiptTenant === t.id;
  const hi = !first && (overlay?.highlighted.has(t.id) ?? false);
  const headerH = t.headerHeight;
  out.push(`<rect x="${fmt(t.x)}" y="${fmt(t.y)}" width="${fmt(t.width)}" height="${fmt(t.height)}" rx="12" fill="${P.tenantFill}" stroke="${first ? P.firstReceipt : hi ? P.path : P.tenantStroke}" stroke-width="${first || hi ? 3 : 1.6}"/>`);
  // Header band with rounded top corners only.
  const r = 12;
  out.push(
    `<path d="M${fmt(t.x + 1)},${fmt(t.y + headerH)} L${fmt(t.x + 1)},${fmt(t.y + r)} Q${fmt(t.x + 1)},${fmt(t.y + 1)} ${fmt(t.x + r)},${fmt(t.y + 1)} L${fmt(t.x + t.width - r)},${fmt(t.y + 1)} Q${fmt(t.x + t.width - 1)},${fmt(t.y + 1)} ${fmt(t.x + t.width - 1)},${fmt(t.y + r)} L${fmt(t.x + t.width - 1)},${fmt(t.y + headerH)} Z" fill="${P.tenantHeader}"/>`,
  );
  out.push(textBlock(t.headerLines, t.x + 16, t.y + 6, P));
  for (const c of [...t.inbound, ...t.rules, ...t.outbound]) drawCard(out, c, P, overlay);
}

function drawOverlay(out: string[], overlay: Overlay, P: DiagramPalette): void {
  out.push('<g>');
  // A halo under the path keeps it readable where it crosses boxes and other edges.
  for (const s of overlay.segments) {
    const d = s.curve ? curve(s.points) : polyline(s.points);
    out.push(`<path d="${d}" fill="none" stroke="${P.background}" stroke-opacity="0.85" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>`);
  }
  for (const s of overlay.segments) {
    const d = s.curve ? curve(s.points) : polyline(s.points);
    const color = s.kind === 'path' ? P.path : s.kind === 'handoff' ? P.handoff : P.ndr;
    const marker = s.kind === 'path' ? 'mf-arrow-path' : s.kind === 'handoff' ? 'mf-arrow-handoff' : 'mf-arrow-ndr';
    const dash = s.kind === 'ndr' ? ' stroke-dasharray="8 6"' : '';
    out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="${s.kind === 'ndr' ? 2.4 : 3.2}" stroke-linejoin="round"${dash} marker-end="url(#${marker})"/>`);
  }
  for (const m of overlay.marks) out.push(mark(m, P));
  out.push('</g>');
}

function pill(label: string, x: number, y: number, w: number, fill: string, color: string): string {
  return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="22" rx="11" fill="${fill}"/>${text(label, x + 8, y + 15, LABEL_SIZE, true, color)}`;
}

function mark(m: Overlay['marks'][number], P: DiagramPalette): string {
  switch (m.kind) {
    case 'stop': {
      // An octagon: the "stop" sign.
      const r = SIGN_R;
      const pts: string[] = [];
      for (let i = 0; i < 8; i++) {
        const a = Math.PI / 8 + (i * Math.PI) / 4;
        pts.push(`${fmt(m.x + r * Math.cos(a))},${fmt(m.y + r * Math.sin(a))}`);
      }
      return `<polygon points="${pts.join(' ')}" fill="${P.stop}" stroke="${P.background}" stroke-width="2"/><path d="M${fmt(m.x - 4.5)},${fmt(m.y - 4.5)} L${fmt(m.x + 4.5)},${fmt(m.y + 4.5)} M${fmt(m.x + 4.5)},${fmt(m.y - 4.5)} L${fmt(m.x - 4.5)},${fmt(m.y + 4.5)}" stroke="${P.stopText}" stroke-width="2.4" stroke-linecap="round"/>`;
    }
    case 'delivered':
      return `<circle cx="${fmt(m.x)}" cy="${fmt(m.y)}" r="10" fill="${P.ok}" stroke="${P.background}" stroke-width="2"/><path d="M${fmt(m.x - 4.5)},${fmt(m.y)} L${fmt(m.x - 1)},${fmt(m.y + 3.5)} L${fmt(m.x + 5)},${fmt(m.y - 4)}" fill="none" stroke="#ffffff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`;
    case 'stopLabel':
      return pill(m.label, m.x, m.y, m.w, P.stop, P.stopText);
    case 'ndrLabel':
      return pill(m.label, m.x, m.y, m.w, P.ndr, P.stopText);
    case 'firstReceipt':
      return pill(m.label, m.x, m.y, m.w, P.firstReceipt, P.pillText);
    case 'deliveredLabel':
      return pill(m.label, m.x, m.y, m.w, P.ok, P.pillText);
    case 'out':
      return pill(m.label, m.x, m.y, m.w, P.path, P.pillText);
    case 'handoff':
      return pill(m.label, m.x, m.y, m.w, P.handoff, P.pillText);
  }
}

function drawLegend(out: string[], layout: DiagramLayout, P: DiagramPalette, L: DiagramLabels, withSimulation: boolean): void {
  const y = layout.footer.y + 18;
  let x = layout.footer.x;
  out.push(text(L.legendTitle, x, y + 4, 12, true, P.muted));
  x += textWidth(L.legendTitle, 12, true) + 20;
  for (const item of legendItems(L, withSimulation)) {
    const color = P[item.kind as keyof DiagramPalette];
    if (item.kind === 'path' || item.kind === 'handoff' || item.kind === 'ndr') {
      out.push(`<path d="M${fmt(x)},${fmt(y)} L${fmt(x + 26)},${fmt(y)}" stroke="${color}" stroke-width="3"${item.kind === 'ndr' ? ' stroke-dasharray="6 4"' : ''}/>`);
    } else if (item.kind === 'stop') {
      out.push(`<circle cx="${fmt(x + 13)}" cy="${fmt(y)}" r="8" fill="${color}"/>`);
    } else {
      out.push(`<rect x="${fmt(x)}" y="${fmt(y - 9)}" width="26" height="18" rx="4" fill="${P.card}" stroke="${P.cardStroke}"/><rect x="${fmt(x + 3)}" y="${fmt(y - 6)}" width="4" height="12" rx="2" fill="${color}"/>`);
    }
    x += 36;
    out.push(text(item.label, x, y + 4, 11.5, false, P.text));
    x += textWidth(item.label, 11.5) + 22;
  }
}

/** The document text embedded in an exported SVG, or null when the file carries none. */
export function extractDocumentFromSvg(svgText: string): string | null {
  // Only an element in the Mailflow namespace counts, wherever it sits inside <metadata>.
  if (!svgText.includes(MAILFLOW_NS)) return null;
  // Linear scans (metadata.ts): a hostile picture must not freeze Electron main.
  const metadata = svgMetadataContent(svgText);
  if (metadata === null) return null;
  const payload = embeddedDocumentPayload(metadata);
  if (payload === null) return null;
  const bytes = base64Decode(payload);
  if (!bytes) return null;
  try {
    return utf8Decode(bytes);
  } catch {
    return null;
  }
}
