/**
 * A small XML well-formedness checker for the tests (no DOMParser in Node): elements nest and
 * close, attributes are quoted and unique, entity references are the predefined or numeric ones,
 * there is exactly one root element. Returns the list of problems (empty when well-formed).
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const name = /^[A-Za-z_][\w.:-]*/;
  const checkText = (text: string, at: number) => {
    if (text.includes('<')) problems.push(`raw < at ${at}`);
    for (const m of text.matchAll(/&([^;\s]*);?/g)) {
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(m[0])) problems.push(`bad entity ${m[0]} at ${at}`);
    }
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim()) problems.push(`text outside the root at ${i}`);
    checkText(text, i);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return [...problems, 'unclosed comment'];
      i = end + 3;
      continue;
    }
    const gt = findTagEnd(xml, lt);
    if (gt < 0) return [...problems, `unclosed tag at ${lt}`];
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const n = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== n) problems.push(`</${n}> closes <${open ?? 'nothing'}> at ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const n = name.exec(body)?.[0];
    if (!n) {
      problems.push(`bad tag name at ${lt}`);
      continue;
    }
    const attrs = body.slice(n.length);
    const seen = new Set<string>();
    const attrRe = /\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/gy;
    let rest = attrs;
    let m: RegExpExecArray | null;
    attrRe.lastIndex = 0;
    let consumed = 0;
    while ((m = attrRe.exec(rest)) !== null) {
      if (seen.has(m[1])) problems.push(`duplicate attribute ${m[1]} at ${lt}`);
      seen.add(m[1]);
      checkText(m[3] ?? m[4] ?? '', lt);
      consumed = attrRe.lastIndex;
    }
    rest = rest.slice(consumed);
    if (rest.trim()) problems.push(`bad attributes "${rest.trim().slice(0, 40)}" at ${lt}`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(n);
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}

function findTagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** The visible texts of an SVG: each `<text>` element's content, its `<tspan>` lines joined by a space. */
export function svgTexts(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    const spans = [...m[1].matchAll(/<tspan\b[^>]*>([\s\S]*?)<\/tspan>/g)].map((s) => unescape(s[1]));
    out.push(spans.length ? spans.join(' ') : unescape(m[1]));
  }
  return out;
}
