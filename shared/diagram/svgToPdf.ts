/**
 * SVG → PDF drawing operators for the subset that `svg.ts` writes: `rect` (rounded too), `path`
 * (M L H V Q T C S A Z, absolute and relative), `line`, `polyline`, `polygon`, `circle`, `ellipse`,
 * `text`/`tspan`, `g` (with `transform`), markers at the end or start of a path (`marker-end`), and
 * fill / stroke / width / dashes / caps / joins / opacity as presentation attributes (or a simple
 * `style`). Pure: it returns the content stream text and asks its caller for font and transparency
 * resources, so the PDF library stays in `pdf.ts` and tests can run this alone.
 *
 * The page keeps the SVG's coordinates: one `cm` maps CSS pixels (1/96 in, y down) onto points
 * (1/72 in, y up), so every shape is written with the numbers of the SVG. Text is real text (`Tj`
 * with the font's glyph ids; the font carries a ToUnicode map), so it can be searched and copied.
 */
import type { SvgNode } from './svgParse';

/** CSS pixels are 1/96 inch; PDF points are 1/72 inch. */
export const PX_TO_PT = 72 / 96;

export interface PdfFontHandle {
  /** The font's name in the page's resources (without the slash). */
  resource: string;
  /** The text as a PDF string operand for `Tj` (for a CID font: hex glyph ids). */
  encode(text: string): string;
  /** Advance width of the text at this size, in the same units as the size. */
  width(text: string, size: number): number;
}

export interface PdfResources {
  font(bold: boolean): PdfFontHandle;
  /** The name of an ExtGState with these fill (`ca`) and stroke (`CA`) alphas. */
  alpha(fill: number, stroke: number): string;
}

export interface PdfPage {
  /** Page size in points. */
  width: number;
  height: number;
  /** The content stream. */
  content: string;
}

interface Style {
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeOpacity: number;
  strokeWidth: number;
  dash: number[];
  lineCap: string;
  lineJoin: string;
  opacity: number;
  fontSize: number;
  bold: boolean;
  anchor: string;
  color: string;
}

const INITIAL: Style = {
  fill: '#000000',
  fillOpacity: 1,
  stroke: 'none',
  strokeOpacity: 1,
  strokeWidth: 1,
  dash: [],
  lineCap: 'butt',
  lineJoin: 'miter',
  opacity: 1,
  fontSize: 16,
  bold: false,
  anchor: 'start',
  color: '#000000',
};

type Matrix = [number, number, number, number, number, number];

/** A path in absolute coordinates: only moves, lines, cubic curves and closes. */
type Segment = { op: 'M' | 'L'; x: number; y: number } | { op: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number } | { op: 'Z' };

interface Marker {
  viewBox: [number, number, number, number] | null;
  refX: number;
  refY: number;
  width: number;
  height: number;
  userSpace: boolean;
  orient: string;
  children: SvgNode[];
}

const NON_DRAWN = new Set(['title', 'desc', 'metadata', 'defs', 'style', 'script', 'marker', 'clipPath', 'mask', 'pattern', 'symbol', 'linearGradient', 'radialGradient']);

export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

function length(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : fallback;
}

function numbers(value: string | undefined): number[] {
  if (!value) return [];
  return (value.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? []).map(Number);
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  gray: '#808080',
  grey: '#808080',
  yellow: '#ffff00',
  orange: '#ffa500',
};

/** A colour as RGB in 0..1 and its own alpha, or null for none/transparent/unknown paint (url(), …). */
export function parseColor(value: string, current = '#000000'): { rgb: [number, number, number]; alpha: number } | null {
  let v = value.trim().toLowerCase();
  if (v === 'none' || v === 'transparent' || v.startsWith('url(')) return null;
  if (v === 'currentcolor') v = current.toLowerCase();
  v = NAMED_COLORS[v] ?? v;
  let m = /^#([0-9a-f]{3,4})$/.exec(v);
  if (m) v = '#' + [...m[1]].map((c) => c + c).join('');
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(v);
  if (m) {
    const n = parseInt(m[1], 16);
    return { rgb: [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255], alpha: m[2] ? parseInt(m[2], 16) / 255 : 1 };
  }
  m = /^rgba?\(([^)]*)\)$/.exec(v);
  if (m) {
    const parts = m[1].split(/[\s,/]+/).filter(Boolean);
    const channel = (p: string) => (p.endsWith('%') ? parseFloat(p) / 100 : parseFloat(p) / 255);
    const alpha = parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
    const rgb = parts.slice(0, 3).map(channel);
    if (rgb.length === 3 && rgb.every(Number.isFinite)) return { rgb: rgb.map(clamp01) as [number, number, number], alpha: clamp01(alpha) };
  }
  return null;
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(1, n)) : 1;
}

/** Attributes and a `style="a: b; c: d"` of one element, style winning as in CSS. */
function declared(node: SvgNode): Record<string, string> {
  const style = node.attrs.style;
  if (!style) return node.attrs;
  const out = { ...node.attrs };
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon > 0) out[decl.slice(0, colon).trim()] = decl.slice(colon + 1).trim();
  }
  return out;
}

function cascade(parent: Style, node: SvgNode): Style {
  const a = declared(node);
  const s: Style = { ...parent, opacity: 1 };
  if (a.color) s.color = a.color;
  if (a.fill) s.fill = a.fill;
  if (a['fill-opacity']) s.fillOpacity = clamp01(parseFloat(a['fill-opacity']));
  if (a.stroke) s.stroke = a.stroke;
  if (a['stroke-opacity']) s.strokeOpacity = clamp01(parseFloat(a['stroke-opacity']));
  if (a['stroke-width']) s.strokeWidth = length(a['stroke-width'], parent.strokeWidth);
  if (a['stroke-dasharray']) s.dash = a['stroke-dasharray'] === 'none' ? [] : numbers(a['stroke-dasharray']);
  if (a['stroke-linecap']) s.lineCap = a['stroke-linecap'];
  if (a['stroke-linejoin']) s.lineJoin = a['stroke-linejoin'];
  if (a.opacity) s.opacity = clamp01(parseFloat(a.opacity));
  if (a['font-size']) s.fontSize = length(a['font-size'], parent.fontSize);
  if (a['font-weight']) s.bold = a['font-weight'] === 'bold' || a['font-weight'] === 'bolder' || parseInt(a['font-weight'], 10) >= 600;
  if (a['text-anchor']) s.anchor = a['text-anchor'];
  return s;
}

/** `transform="translate(…) scale(…) rotate(…) matrix(…)"` as one matrix. */
export function parseTransform(value: string | undefined): Matrix | null {
  if (!value) return null;
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  const re = /(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)/g;
  for (let t = re.exec(value); t; t = re.exec(value)) {
    const v = numbers(t[2]);
    let next: Matrix;
    switch (t[1]) {
      case 'matrix':
        next = v.length === 6 ? (v as Matrix) : [1, 0, 0, 1, 0, 0];
        break;
      case 'translate':
        next = [1, 0, 0, 1, v[0] ?? 0, v[1] ?? 0];
        break;
      case 'scale':
        next = [v[0] ?? 1, 0, 0, v[1] ?? v[0] ?? 1, 0, 0];
        break;
      case 'rotate': {
        const a = ((v[0] ?? 0) * Math.PI) / 180;
        const [cx, cy] = [v[1] ?? 0, v[2] ?? 0];
        next = multiply(multiply([1, 0, 0, 1, cx, cy], [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0]), [1, 0, 0, 1, -cx, -cy]);
        break;
      }
      case 'skewX':
        next = [1, 0, Math.tan(((v[0] ?? 0) * Math.PI) / 180), 1, 0, 0];
        break;
      default:
        next = [1, Math.tan(((v[0] ?? 0) * Math.PI) / 180), 0, 1, 0, 0];
    }
    m = multiply(m, next);
  }
  return m;
}

/** m × n: n applied first, then m (SVG's order of a transform list read left to right). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** Path data to absolute moves, lines and cubics (quadratics and arcs become cubics). */
export function parsePathData(d: string): Segment[] {
  const tokens = d.match(/[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const out: Segment[] = [];
  let i = 0;
  let cmd = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  // The last control point, for S and T reflections.
  let lastC: { x: number; y: number; kind: 'C' | 'Q' } | null = null;
  const isCmd = (t: string | undefined) => t !== undefined && /^[A-Za-z]$/.test(t);
  const next = () => Number(tokens[i++]);
  while (i < tokens.length) {
    if (isCmd(tokens[i])) cmd = tokens[i++];
    else if (!cmd) return out;
    const rel = cmd === cmd.toLowerCase() && cmd !== 'z' ? true : false;
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    const upper = cmd.toUpperCase();
    if (upper !== 'Z' && (i >= tokens.length || isCmd(tokens[i]))) break;
    /** A curve's first control point: read (C, Q) or the reflection of the previous one of its kind (S, T). */
    const control = (kind: 'C' | 'Q', read: boolean): [number, number] => {
      if (read) return [ox + next(), oy + next()];
      return lastC?.kind === kind ? [2 * x - lastC.x, 2 * y - lastC.y] : [x, y];
    };
    switch (upper) {
      case 'M': {
        x = ox + next();
        y = oy + next();
        startX = x;
        startY = y;
        out.push({ op: 'M', x, y });
        // Further pairs after a move are lines.
        cmd = rel ? 'l' : 'L';
        lastC = null;
        break;
      }
      case 'L':
        x = ox + next();
        y = oy + next();
        out.push({ op: 'L', x, y });
        lastC = null;
        break;
      case 'H':
        x = ox + next();
        out.push({ op: 'L', x, y });
        lastC = null;
        break;
      case 'V':
        y = oy + next();
        out.push({ op: 'L', x, y });
        lastC = null;
        break;
      case 'C':
      case 'S': {
        // S reflects the previous cubic's second control point (or starts at the current point).
        const [x1, y1] = control('C', upper === 'C');
        const x2 = ox + next();
        const y2 = oy + next();
        const ex = ox + next();
        const ey = oy + next();
        out.push({ op: 'C', x1, y1, x2, y2, x: ex, y: ey });
        lastC = { x: x2, y: y2, kind: 'C' };
        x = ex;
        y = ey;
        break;
      }
      case 'Q':
      case 'T': {
        const [qx, qy] = control('Q', upper === 'Q');
        const ex = ox + next();
        const ey = oy + next();
        // A quadratic is the cubic with controls at 2/3 towards its control point.
        out.push({ op: 'C', x1: x + (2 / 3) * (qx - x), y1: y + (2 / 3) * (qy - y), x2: ex + (2 / 3) * (qx - ex), y2: ey + (2 / 3) * (qy - ey), x: ex, y: ey });
        lastC = { x: qx, y: qy, kind: 'Q' };
        x = ex;
        y = ey;
        break;
      }
      case 'A': {
        const rx = next();
        const ry = next();
        const rotation = next();
        const large = next() !== 0;
        const sweep = next() !== 0;
        const ex = ox + next();
        const ey = oy + next();
        out.push(...arcToCubics(x, y, rx, ry, rotation, large, sweep, ex, ey));
        x = ex;
        y = ey;
        lastC = null;
        break;
      }
      case 'Z':
        out.push({ op: 'Z' });
        x = startX;
        y = startY;
        lastC = null;
        cmd = '';
        break;
      default:
        return out;
    }
  }
  return out;
}

/** An elliptical arc (SVG endpoint form) as cubic Béziers, per SVG 1.1 appendix F.6. */
function arcToCubics(x1: number, y1: number, rx: number, ry: number, angle: number, large: boolean, sweep: boolean, x2: number, y2: number): Segment[] {
  if (rx === 0 || ry === 0 || (x1 === x2 && y1 === y2)) return [{ op: 'L', x: x2, y: y2 }];
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  const phi = (angle * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const xp = cos * dx + sin * dy;
  const yp = -sin * dx + cos * dy;
  const lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num2 = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp;
  const den = rx * rx * yp * yp + ry * ry * xp * xp;
  const coef = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num2 / den));
  const cxp = (coef * rx * yp) / ry;
  const cyp = (-coef * ry * xp) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const vecAngle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const theta1 = vecAngle(1, 0, (xp - cxp) / rx, (yp - cyp) / ry);
  let delta = vecAngle((xp - cxp) / rx, (yp - cyp) / ry, (-xp - cxp) / rx, (-yp - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const parts = Math.ceil(Math.abs(delta) / (Math.PI / 2));
  const step = delta / parts;
  const k = (4 / 3) * Math.tan(step / 4);
  const point = (t: number) => ({
    x: cx + rx * Math.cos(t) * cos - ry * Math.sin(t) * sin,
    y: cy + rx * Math.cos(t) * sin + ry * Math.sin(t) * cos,
  });
  const deriv = (t: number) => ({
    x: -rx * Math.sin(t) * cos - ry * Math.cos(t) * sin,
    y: -rx * Math.sin(t) * sin + ry * Math.cos(t) * cos,
  });
  const out: Segment[] = [];
  for (let p = 0; p < parts; p++) {
    const a = theta1 + p * step;
    const b = a + step;
    const pa = point(a);
    const pb = point(b);
    const da = deriv(a);
    const db = deriv(b);
    out.push({ op: 'C', x1: pa.x + k * da.x, y1: pa.y + k * da.y, x2: pb.x - k * db.x, y2: pb.y - k * db.y, x: pb.x, y: pb.y });
  }
  const last = out[out.length - 1];
  if (last.op === 'C') {
    last.x = x2;
    last.y = y2;
  }
  return out;
}

/** κ: the control distance of a cubic quarter circle. */
const KAPPA = 0.5522847498;

function rectSegments(x: number, y: number, w: number, h: number, rx: number, ry: number): Segment[] {
  rx = Math.min(Math.max(0, rx), w / 2);
  ry = Math.min(Math.max(0, ry), h / 2);
  if (rx === 0 || ry === 0) return [{ op: 'M', x, y }, { op: 'L', x: x + w, y }, { op: 'L', x: x + w, y: y + h }, { op: 'L', x, y: y + h }, { op: 'Z' }];
  const kx = rx * KAPPA;
  const ky = ry * KAPPA;
  const r = x + w;
  const b = y + h;
  return [
    { op: 'M', x: x + rx, y },
    { op: 'L', x: r - rx, y },
    { op: 'C', x1: r - rx + kx, y1: y, x2: r, y2: y + ry - ky, x: r, y: y + ry },
    { op: 'L', x: r, y: b - ry },
    { op: 'C', x1: r, y1: b - ry + ky, x2: r - rx + kx, y2: b, x: r - rx, y: b },
    { op: 'L', x: x + rx, y: b },
    { op: 'C', x1: x + rx - kx, y1: b, x2: x, y2: b - ry + ky, x, y: b - ry },
    { op: 'L', x, y: y + ry },
    { op: 'C', x1: x, y1: y + ry - ky, x2: x + rx - kx, y2: y, x: x + rx, y },
    { op: 'Z' },
  ];
}

function ellipseSegments(cx: number, cy: number, rx: number, ry: number): Segment[] {
  const kx = rx * KAPPA;
  const ky = ry * KAPPA;
  return [
    { op: 'M', x: cx + rx, y: cy },
    { op: 'C', x1: cx + rx, y1: cy + ky, x2: cx + kx, y2: cy + ry, x: cx, y: cy + ry },
    { op: 'C', x1: cx - kx, y1: cy + ry, x2: cx - rx, y2: cy + ky, x: cx - rx, y: cy },
    { op: 'C', x1: cx - rx, y1: cy - ky, x2: cx - kx, y2: cy - ry, x: cx, y: cy - ry },
    { op: 'C', x1: cx + kx, y1: cy - ry, x2: cx + rx, y2: cy - ky, x: cx + rx, y: cy },
    { op: 'Z' },
  ];
}

function pointsSegments(value: string | undefined, close: boolean): Segment[] {
  const v = numbers(value);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < v.length; i += 2) out.push({ op: i === 0 ? 'M' : 'L', x: v[i], y: v[i + 1] });
  if (close && out.length) out.push({ op: 'Z' });
  return out;
}

function pathOps(segments: Segment[]): string {
  return segments
    .map((s) =>
      s.op === 'Z' ? 'h' : s.op === 'C' ? `${num(s.x1)} ${num(s.y1)} ${num(s.x2)} ${num(s.y2)} ${num(s.x)} ${num(s.y)} c` : `${num(s.x)} ${num(s.y)} ${s.op === 'M' ? 'm' : 'l'}`,
    )
    .join('\n');
}

/** Where a path ends or starts and the direction it travels there (for markers). */
function pathEnds(segments: Segment[]): { start: { x: number; y: number; angle: number }; end: { x: number; y: number; angle: number } } | null {
  type P = { x: number; y: number };
  // Each vertex with the curve's control points around it: `out` leaves the previous vertex, `in` arrives here.
  const pts: Array<P & { in?: P; out?: P }> = [];
  let sub: P = { x: 0, y: 0 };
  for (const s of segments) {
    if (s.op === 'M') {
      sub = { x: s.x, y: s.y };
      pts.push({ x: s.x, y: s.y });
    } else if (s.op === 'L') pts.push({ x: s.x, y: s.y });
    else if (s.op === 'C') pts.push({ x: s.x, y: s.y, out: { x: s.x1, y: s.y1 }, in: { x: s.x2, y: s.y2 } });
    else pts.push({ x: sub.x, y: sub.y });
  }
  if (pts.length < 2) return null;
  const same = (a: P, b: P) => a.x === b.x && a.y === b.y;
  const angle = (from: P, to: P) => Math.atan2(to.y - from.y, to.x - from.x);
  const last = pts[pts.length - 1];
  const before = pts[pts.length - 2];
  // The tangent at the end: from the nearest control point that differs from the end point.
  const endFrom = [last.in, last.out, before].find((p): p is P => p !== undefined && !same(p, last)) ?? before;
  const first = pts[0];
  const second = pts[1];
  const startTo = [second.out, second.in, second].find((p): p is P => p !== undefined && !same(p, first)) ?? second;
  return { start: { x: first.x, y: first.y, angle: angle(first, startTo) }, end: { x: last.x, y: last.y, angle: angle(endFrom, last) } };
}

/** Collapses whitespace as SVG does without `xml:space="preserve"`. */
function svgText(raw: string): string {
  return raw.replace(/[\r\n]+/g, '').replace(/\t/g, ' ').replace(/ {2,}/g, ' ');
}

interface TextRun {
  text: string;
  x: number | null;
  y: number | null;
  style: Style;
}

function textRuns(node: SvgNode, style: Style, out: TextRun[], first: boolean): void {
  const x = node.attrs.x !== undefined ? numbers(node.attrs.x)[0] : null;
  const y = node.attrs.y !== undefined ? numbers(node.attrs.y)[0] : null;
  let pending = { x: first ? (x ?? 0) : x, y: first ? (y ?? 0) : y };
  for (const child of node.children) {
    if (typeof child === 'string') {
      const text = svgText(child);
      if (text.trim()) out.push({ text, x: pending.x, y: pending.y, style });
      if (text) pending = { x: null, y: null };
    } else if (child.name === 'tspan') {
      textRuns(child, cascade(style, child), out, false);
      pending = { x: null, y: null };
    }
  }
}

/** Collects every `<text>`'s content in document order (tests, and which font weights are needed). */
export function svgTextContent(root: SvgNode): Array<{ text: string; bold: boolean }> {
  const out: Array<{ text: string; bold: boolean }> = [];
  const walk = (node: SvgNode, style: Style) => {
    if (NON_DRAWN.has(node.name)) return;
    const s = cascade(style, node);
    if (node.name === 'text') {
      const runs: TextRun[] = [];
      textRuns(node, s, runs, true);
      for (const r of runs) out.push({ text: r.text.trim(), bold: r.style.bold });
      return;
    }
    for (const c of node.children) if (typeof c !== 'string') walk(c, s);
  };
  walk(root, INITIAL);
  // Markers' content is drawn too, but it is shapes only in svg.ts.
  return out;
}

/** The page size in points of an SVG root (its width/height, else its viewBox). */
export function svgPageSize(root: SvgNode): { width: number; height: number; viewBox: [number, number, number, number] } {
  const vb = numbers(root.attrs.viewBox);
  const width = length(root.attrs.width, vb[2] ?? 300);
  const height = length(root.attrs.height, vb[3] ?? 150);
  const viewBox: [number, number, number, number] = vb.length === 4 && vb[2] > 0 && vb[3] > 0 ? [vb[0], vb[1], vb[2], vb[3]] : [0, 0, width, height];
  return { width: width * PX_TO_PT, height: height * PX_TO_PT, viewBox };
}

/** Converts a parsed SVG into one page's content stream. */
export function svgToPdfPage(root: SvgNode, resources: PdfResources): PdfPage {
  const { width, height, viewBox } = svgPageSize(root);
  const markers = new Map<string, Marker>();
  collectMarkers(root, markers);
  const ops: string[] = [];
  const sx = width / viewBox[2];
  const sy = height / viewBox[3];
  // Points, y up → the SVG's user units, y down.
  ops.push(`q ${num(sx)} 0 0 ${num(-sy)} ${num(-viewBox[0] * sx)} ${num(height + viewBox[1] * sy)} cm`);
  const writer = new Writer(ops, resources, markers);
  writer.children(root, cascade(INITIAL, root));
  ops.push('Q');
  return { width, height, content: ops.join('\n') + '\n' };
}

function collectMarkers(node: SvgNode, into: Map<string, Marker>): void {
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'marker' && c.attrs.id) {
      const vb = numbers(c.attrs.viewBox);
      into.set(c.attrs.id, {
        viewBox: vb.length === 4 && vb[2] > 0 && vb[3] > 0 ? [vb[0], vb[1], vb[2], vb[3]] : null,
        refX: length(c.attrs.refX, 0),
        refY: length(c.attrs.refY, 0),
        width: length(c.attrs.markerWidth, 3),
        height: length(c.attrs.markerHeight, 3),
        userSpace: c.attrs.markerUnits === 'userSpaceOnUse',
        orient: c.attrs.orient ?? '0',
        children: c.children.filter((k): k is SvgNode => typeof k !== 'string'),
      });
    } else collectMarkers(c, into);
  }
}

class Writer {
  constructor(
    private readonly ops: string[],
    private readonly resources: PdfResources,
    private readonly markers: Map<string, Marker>,
  ) {}

  children(node: SvgNode, style: Style): void {
    for (const c of node.children) if (typeof c !== 'string') this.element(c, style);
  }

  element(node: SvgNode, parent: Style): void {
    if (NON_DRAWN.has(node.name)) return;
    const a = declared(node);
    if (a.display === 'none' || a.visibility === 'hidden') return;
    const style = cascade(parent, node);
    const transform = parseTransform(node.attrs.transform);
    if (transform) this.ops.push(`q ${transform.map(num).join(' ')} cm`);
    switch (node.name) {
      case 'g':
      case 'a':
      case 'svg':
        // Group opacity is applied to each child (the subset draws no overlapping shapes inside a faded group).
        this.children(node, { ...style, fillOpacity: style.fillOpacity * style.opacity, strokeOpacity: style.strokeOpacity * style.opacity, opacity: 1 });
        break;
      case 'rect': {
        const w = length(a.width, 0);
        const h = length(a.height, 0);
        if (w > 0 && h > 0) {
          const rx = a.rx !== undefined ? length(a.rx, 0) : length(a.ry, 0);
          const ry = a.ry !== undefined ? length(a.ry, 0) : rx;
          this.shape(rectSegments(length(a.x, 0), length(a.y, 0), w, h, rx, ry), style, node);
        }
        break;
      }
      case 'circle': {
        const r = length(a.r, 0);
        if (r > 0) this.shape(ellipseSegments(length(a.cx, 0), length(a.cy, 0), r, r), style, node);
        break;
      }
      case 'ellipse': {
        const rx = length(a.rx, 0);
        const ry = length(a.ry, 0);
        if (rx > 0 && ry > 0) this.shape(ellipseSegments(length(a.cx, 0), length(a.cy, 0), rx, ry), style, node);
        break;
      }
      case 'line':
        this.shape(
          [
            { op: 'M', x: length(a.x1, 0), y: length(a.y1, 0) },
            { op: 'L', x: length(a.x2, 0), y: length(a.y2, 0) },
          ],
          { ...style, fill: 'none' },
          node,
        );
        break;
      case 'polyline':
      case 'polygon':
        this.shape(pointsSegments(a.points, node.name === 'polygon'), style, node);
        break;
      case 'path':
        if (a.d) this.shape(parsePathData(a.d), style, node);
        break;
      case 'text':
        this.text(node, style);
        break;
      default:
        break;
    }
    if (transform) this.ops.push('Q');
  }

  private paintState(style: Style): { fill: string | null; stroke: string | null; state: string[] } {
    const state: string[] = [];
    const fill = parseColor(style.fill, style.color);
    const stroke = style.strokeWidth > 0 ? parseColor(style.stroke, style.color) : null;
    const fillAlpha = fill ? fill.alpha * style.fillOpacity * style.opacity : 1;
    const strokeAlpha = stroke ? stroke.alpha * style.strokeOpacity * style.opacity : 1;
    if (fillAlpha < 1 || strokeAlpha < 1) state.push(`/${this.resources.alpha(fillAlpha, strokeAlpha)} gs`);
    if (fill) state.push(`${fill.rgb.map(num).join(' ')} rg`);
    if (stroke) {
      state.push(`${stroke.rgb.map(num).join(' ')} RG`, `${num(style.strokeWidth)} w`);
      if (style.lineCap !== 'butt') state.push(`${style.lineCap === 'round' ? 1 : style.lineCap === 'square' ? 2 : 0} J`);
      if (style.lineJoin !== 'miter') state.push(`${style.lineJoin === 'round' ? 1 : style.lineJoin === 'bevel' ? 2 : 0} j`);
      else state.push('4 M'); // SVG's default miter limit (PDF's is 10)
      const dash = style.dash.length % 2 === 1 ? [...style.dash, ...style.dash] : style.dash;
      if (dash.length && dash.some((d) => d > 0)) state.push(`[${dash.map(num).join(' ')}] 0 d`);
    }
    return { fill: fill && fillAlpha > 0 ? 'fill' : null, stroke: stroke && strokeAlpha > 0 ? 'stroke' : null, state };
  }

  private shape(segments: Segment[], style: Style, node: SvgNode): void {
    if (segments.length === 0) return;
    const paint = this.paintState(style);
    if (paint.fill || paint.stroke) {
      const op = paint.fill && paint.stroke ? 'B' : paint.fill ? 'f' : 'S';
      this.ops.push('q', ...paint.state, pathOps(segments), op, 'Q');
    }
    const a = declared(node);
    const ends = a['marker-start'] || a['marker-end'] ? pathEnds(segments) : null;
    if (ends) {
      this.marker(a['marker-start'], ends.start, style);
      this.marker(a['marker-end'], ends.end, style);
    }
  }

  private marker(ref: string | undefined, at: { x: number; y: number; angle: number }, style: Style): void {
    const id = ref ? /^url\(\s*#([^)\s]+)\s*\)$/.exec(ref)?.[1] : undefined;
    const m = id ? this.markers.get(id) : undefined;
    if (!m) return;
    const unit = m.userSpace ? 1 : style.strokeWidth;
    const vb = m.viewBox ?? [0, 0, m.width, m.height];
    const scaleX = (m.width * unit) / vb[2];
    const scaleY = (m.height * unit) / vb[3];
    const angle = m.orient === 'auto' || m.orient === 'auto-start-reverse' ? at.angle : (parseFloat(m.orient) * Math.PI) / 180 || 0;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    let t: Matrix = [cos, sin, -sin, cos, at.x, at.y];
    t = multiply(t, [scaleX, 0, 0, scaleY, 0, 0]);
    t = multiply(t, [1, 0, 0, 1, -m.refX - vb[0], -m.refY - vb[1]]);
    this.ops.push(`q ${t.map(num).join(' ')} cm`);
    // A marker's content inherits from the marker, not from the path (SVG 1.1 §11.6.2).
    for (const c of m.children) this.element(c, INITIAL);
    this.ops.push('Q');
  }

  private text(node: SvgNode, style: Style): void {
    const runs: TextRun[] = [];
    textRuns(node, style, runs, true);
    let penX = 0;
    let penY = 0;
    for (const run of runs) {
      const fill = parseColor(run.style.fill, run.style.color);
      if (!fill) continue;
      let text = run.text;
      if (run.x !== null) text = text.replace(/^ +/, '');
      if (run === runs[runs.length - 1] || runs[runs.indexOf(run) + 1]?.x !== null) text = text.replace(/ +$/, '');
      if (!text) continue;
      const font = this.resources.font(run.style.bold);
      const size = run.style.fontSize;
      const w = font.width(text, size);
      let x = run.x ?? penX;
      const y = run.y ?? penY;
      if (run.x !== null) {
        if (run.style.anchor === 'middle') x -= w / 2;
        else if (run.style.anchor === 'end') x -= w;
      }
      const alpha = fill.alpha * run.style.fillOpacity * run.style.opacity;
      if (alpha <= 0) continue;
      this.ops.push('q');
      if (alpha < 1) this.ops.push(`/${this.resources.alpha(alpha, 1)} gs`);
      this.ops.push(`${fill.rgb.map(num).join(' ')} rg`, 'BT', `/${font.resource} ${num(size)} Tf`, `1 0 0 -1 ${num(x)} ${num(y)} Tm`, `${font.encode(text)} Tj`, 'ET', 'Q');
      penX = x + w;
      penY = y;
    }
  }
}
