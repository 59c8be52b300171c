/**
 * A reader for the subset of PowerShell that a Microsoft365DSC export uses (issue 16), built as a
 * tokenizer and a recursive-descent parser. Nothing is evaluated: `$variables` (the export's
 * `$ConfigurationData.NonNodeData.…`, `$Credscredential`, `$OrganizationName`) stay opaque values,
 * double-quoted strings keep `$name` as written, commands are skipped.
 *
 * `Export-M365DSCConfiguration` writes a `.ps1` with one `Configuration` holding `Node localhost`
 * and one resource block per object (Microsoft365DSC docs, "Export": https://microsoft365dsc.com/user-guide/get-started/snapshot-of-existing-tenant/;
 * resource examples such as Examples/Resources/EXOTransportRule/1-Create.ps1):
 *
 *     EXOTransportRule "EXOTransportRule-Tag external mail"
 *     {
 *         Name                 = "Tag external mail";
 *         FromScope            = "NotInOrganization";
 *         ExceptIfSubjectContainsWords = 'Press Release', 'Corporate Communication'
 *         Enabled              = $True;
 *         Ensure               = "Present";
 *         ApplicationId        = $ConfigurationData.NonNodeData.ApplicationId;
 *     }
 *
 * Values: strings ('…' with '' for a quote, "…" with `-escapes and "" for a quote, here-strings
 * @'…'@ / @"…"@), numbers, `$true`/`$false`/`$null`, `@(…)` arrays, `a, b` lists, `@{…}` hashtables.
 */

export interface DscVariable {
  /** The reference as written, e.g. `$ConfigurationData.NonNodeData.ApplicationId`. */
  $variable: string;
}

export type DscValue = string | number | boolean | null | DscValue[] | DscVariable | { [key: string]: DscValue };

export interface DscResource {
  type: string;
  instance: string;
  line: number;
  properties: Record<string, DscValue>;
}

export class DscSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

type TokenKind = 'string' | 'number' | 'variable' | 'word' | 'punct' | 'newline' | 'end';

interface Token {
  kind: TokenKind;
  text: string;
  /** The string's value (strings), the number (numbers). */
  value?: string | number;
  line: number;
  column: number;
}

const MAX_DEPTH = 100;

const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);
const DOUBLE_QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e']);

const BACKTICK: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = (start: number, startLine: number, startCol: number) => ({ line: startLine, column: startCol, text: text.slice(start, i) });
  const err = (problem: string, l = line, c = i - lineStart + 1): never => {
    throw new DscSyntaxError(l, c, problem);
  };
  const newline = () => {
    line++;
    lineStart = i + 1;
  };
  while (i < text.length) {
    const ch = text[i];
    const startLine = line;
    const startCol = i - lineStart + 1;
    const start = i;
    if (ch === '\n') {
      tokens.push({ kind: 'newline', text: '\n', line, column: startCol });
      newline();
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\ufeff') {
      i++;
    } else if (ch === '`' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      // Line continuation.
      i += text[i + 1] === '\r' ? 2 : 1;
      newline();
      i++;
    } else if (ch === '<' && text[i + 1] === '#') {
      const end = text.indexOf('#>', i + 2);
      if (end < 0) err('the block comment <# is not closed', startLine, startCol);
      for (let k = i; k < end; k++) if (text[k] === '\n') { i = k; newline(); }
      i = end + 2;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '@' && (text[i + 1] === "'" || text[i + 1] === '"') && /^[ \t]*\r?\n/.test(text.slice(i + 2, i + 40))) {
      // Here-string: its body runs from the next line to a line that starts with '@ or "@.
      const quote = text[i + 1];
      const bodyStart = text.indexOf('\n', i) + 1;
      const close = new RegExp(`\\r?\\n${quote}@`, 'g');
      close.lastIndex = bodyStart - 1;
      const m = close.exec(text);
      if (!m) return err(`the here-string @${quote} is not closed (expected ${quote}@ at the start of a line)`, startLine, startCol);
      const body = text.slice(bodyStart, m.index);
      const end = m.index + m[0].length;
      for (let k = i; k < end; k++) {
        if (text[k] === '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      i = end;
      tokens.push({ kind: 'string', value: quote === '"' ? unescapeDouble(body) : body, ...at(start, startLine, startCol) });
    } else if (SINGLE_QUOTES.has(ch) || DOUBLE_QUOTES.has(ch)) {
      // PowerShell treats the typographic quotes as quotes too; a doubled quote is one quote; only
      // "…" knows backtick escapes.
      const quotes = SINGLE_QUOTES.has(ch) ? SINGLE_QUOTES : DOUBLE_QUOTES;
      const double = quotes === DOUBLE_QUOTES;
      let raw = '';
      i++;
      for (;;) {
        if (i >= text.length) err('the string is not closed', startLine, startCol);
        const c = text[i];
        if (double && c === '`' && i + 1 < text.length) {
          raw += c + text[i + 1];
          if (text[i + 1] === '\n') newline();
          i += 2;
          continue;
        }
        if (quotes.has(c)) {
          if (quotes.has(text[i + 1] ?? '')) {
            raw += double ? '`"' : c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') newline();
        raw += c;
        i++;
      }
      tokens.push({ kind: 'string', value: double ? unescapeDouble(raw) : raw, ...at(start, startLine, startCol) });
    } else if (ch === '$') {
      i++;
      if (text[i] === '{') {
        while (i < text.length && text[i] !== '}') i++;
        i++;
      } else {
        // $name, $scope:name, and member access ($ConfigurationData.NonNodeData.X) as one opaque reference.
        while (i < text.length && /[A-Za-z0-9_:.?]/.test(text[i])) i++;
      }
      tokens.push({ kind: 'variable', ...at(start, startLine, startCol) });
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(text[i + 1] ?? '') && /[=,(\s@]/.test(prevSignificant(tokens)))) {
      i++;
      while (i < text.length && /[0-9.xXa-fA-F]/.test(text[i])) i++;
      const t = at(start, startLine, startCol);
      const n = Number(t.text);
      if (Number.isFinite(n)) tokens.push({ kind: 'number', value: n, ...t });
      else tokens.push({ kind: 'word', ...t });
    } else if (/[A-Za-z_-]/.test(ch)) {
      while (i < text.length && /[A-Za-z0-9_\-.\\]/.test(text[i])) i++;
      tokens.push({ kind: 'word', ...at(start, startLine, startCol) });
    } else if (ch === '@' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      i += 2;
      tokens.push({ kind: 'punct', ...at(start, startLine, startCol) });
    } else {
      i++;
      tokens.push({ kind: 'punct', ...at(start, startLine, startCol) });
    }
  }
  tokens.push({ kind: 'end', text: '', line, column: i - lineStart + 1 });
  return tokens;
}

function prevSignificant(tokens: readonly Token[]): string {
  for (let k = tokens.length - 1; k >= 0; k--) if (tokens[k].kind !== 'newline') return tokens[k].text || ' ';
  return ' ';
}

/** "…" content: `x escapes (`n, `t, `", ``, `$), "" already folded; `$name` is kept as written. */
function unescapeDouble(raw: string): string {
  return raw.replace(/`(.)/gs, (_, c: string) => BACKTICK[c] ?? c);
}

/** The resource blocks of the file (every type; the caller picks EXO ones). */
export function parseDscResources(text: string): DscResource[] {
  const tokens = tokenize(text);
  const resources: DscResource[] = [];
  let pos = 0;
  const peek = (k = 0) => tokens[Math.min(pos + k, tokens.length - 1)];
  const skipNewlines = () => {
    while (peek().kind === 'newline') pos++;
  };
  const fail = (t: Token, expected: string): never => {
    throw new DscSyntaxError(t.line, t.column, t.kind === 'end' ? `the file ends early; expected ${expected}` : `unexpected ${JSON.stringify(t.text.slice(0, 20))}; expected ${expected}`);
  };

  /** A value after `=`: a list when a comma follows. */
  const value = (): DscValue => {
    const first = single();
    if (peek().text !== ',') return first;
    const list: DscValue[] = [first];
    while (peek().text === ',') {
      pos++;
      skipNewlines();
      list.push(single());
    }
    return list;
  };
  let depth = 0;
  const single = (): DscValue => {
    const t = peek();
    // Exports nest a few levels; a file nesting thousands is not one, and must not exhaust the stack.
    if (depth > MAX_DEPTH) fail(t, `at most ${MAX_DEPTH} nested @( ), @{ } or ( )`);
    if (t.kind === 'string') {
      pos++;
      return t.value as string;
    }
    if (t.kind === 'number') {
      pos++;
      return t.value as number;
    }
    if (t.kind === 'variable') {
      pos++;
      const name = t.text.toLowerCase();
      if (name === '$true') return true;
      if (name === '$false') return false;
      if (name === '$null') return null;
      return { $variable: t.text };
    }
    if (t.text === '@(') {
      pos++;
      depth++;
      const items: DscValue[] = [];
      for (;;) {
        while (peek().kind === 'newline' || peek().text === ',' || peek().text === ';') pos++;
        if (peek().text === ')') {
          pos++;
          depth--;
          return items;
        }
        if (peek().kind === 'end') fail(peek(), 'a value or ) to close @(');
        // `@('a', 'b')` and `@('a'\n'b')` are the same flat list.
        const v = value();
        if (Array.isArray(v)) items.push(...v);
        else items.push(v);
      }
    }
    if (t.text === '@{' || t.text === '(') {
      pos++;
      depth++;
      let v: DscValue;
      if (t.text === '@{') v = hashtable('}');
      else {
        skipNewlines();
        v = value();
        skipNewlines();
        if (peek().text !== ')') fail(peek(), ') to close (');
        pos++;
      }
      depth--;
      return v;
    }
    return fail(t, 'a value: a string, a number, $true, $false, $null, a $variable, @( ) or @{ }');
  };
  /** `Key = value` entries up to the closing brace. */
  const hashtable = (close: string): Record<string, DscValue> => {
    const out: Record<string, DscValue> = {};
    for (;;) {
      while (peek().kind === 'newline' || peek().text === ';') pos++;
      const t = peek();
      if (t.text === close) {
        pos++;
        return out;
      }
      if (t.kind !== 'word' && t.kind !== 'string') fail(t, `a property name or ${close}`);
      pos++;
      if (peek().text !== '=') fail(peek(), `= after ${t.text}`);
      pos++;
      skipNewlines();
      const key = t.kind === 'string' ? String(t.value) : t.text;
      if (key !== '__proto__') out[key] = value();
      const after = peek();
      if (after.kind !== 'newline' && after.text !== ';' && after.text !== close) fail(after, `a line break or ; after the value of ${key}`);
    }
  };

  // Statement level: a resource block is `Type "instance" {`; anything else is walked over, with
  // braces, brackets and parentheses only counted (strings were already lexed, so a brace inside
  // one cannot confuse this).
  while (peek().kind !== 'end') {
    const t = peek();
    if (t.kind === 'word' && peek(1).kind === 'string') {
      let k = 2;
      while (peek(k).kind === 'newline') k++;
      if (peek(k).text === '{') {
        const instance = String(peek(1).value ?? '');
        pos += k + 1;
        resources.push({ type: t.text, instance, line: t.line, properties: hashtable('}') });
        continue;
      }
    }
    pos++;
  }
  return resources;
}
