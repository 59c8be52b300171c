/**
 * A small XML reader for the SVG that `svg.ts` writes (and hand-edited variants of it): elements,
 * attributes, text and character references. No DTDs, no namespaces beyond keeping the prefix in the
 * name. Pure and linear in the length of the text; used by the PDF writer (`svgToPdf.ts`), which
 * draws the very SVG the other formats show.
 */

export interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: Array<SvgNode | string>;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Parses an SVG document and returns its root element (the first element). Throws on malformed markup. */
export function parseSvg(text: string): SvgNode {
  const root: SvgNode = { name: '#document', attrs: {}, children: [] };
  const stack: SvgNode[] = [root];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      pushText(stack[stack.length - 1], text.slice(i));
      break;
    }
    if (lt > i) pushText(stack[stack.length - 1], text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw new Error('unterminated CDATA section');
      stack[stack.length - 1].children.push(text.slice(lt + 9, end));
      i = end + 3;
      continue;
    }
    if (text[lt + 1] === '?' || text[lt + 1] === '!') {
      const end = text.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const gt = findTagEnd(text, lt + 1);
    if (gt < 0) throw new Error('unterminated tag');
    if (text[lt + 1] === '/') {
      const name = text.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) throw new Error(`unexpected </${name}>`);
      i = gt + 1;
      continue;
    }
    const selfClosing = text[gt - 1] === '/';
    const inner = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const node = parseTag(inner);
    stack[stack.length - 1].children.push(node);
    if (!selfClosing) stack.push(node);
    i = gt + 1;
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  const first = root.children.find((c): c is SvgNode => typeof c !== 'string');
  if (!first || first.name !== 'svg') throw new Error('not an SVG document');
  return first;
}

function pushText(parent: SvgNode, raw: string): void {
  if (parent.name === '#document') return;
  parent.children.push(decodeEntities(raw));
}

/** The `>` closing a tag that starts at `from`, skipping quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

function parseTag(inner: string): SvgNode {
  const m = /^\s*([^\s/>]+)/.exec(inner);
  if (!m) throw new Error('tag without a name');
  const attrs: Record<string, string> = {};
  const re = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const rest = inner.slice(m[0].length);
  for (let a = re.exec(rest); a; a = re.exec(rest)) attrs[a[1]] = decodeEntities(a[3] ?? a[4] ?? '');
  return { name: m[1], attrs, children: [] };
}
