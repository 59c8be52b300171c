/**
 * Issue 11, item 1: the generated PowerShell script must mean the same thing whatever code page
 * Windows PowerShell decodes it with. Windows PowerShell 5.1 reads a .ps1 without a byte order mark
 * as the system's ANSI code page (Windows-1252 in the west, 932 in Japan; 437 is the OEM page a
 * console redirect may use), and it treats the typographic quotes as quote characters, so UTF-8
 * bytes of ordinary text (Cyrillic "т" is D1 82; 0x82 is "‚" in Windows-1252) could end a string.
 *
 * The test writes scripts whose design text is hostile, encodes them as UTF-8 without a BOM (what
 * `mailflow powershell > apply.ps1` produces), decodes them with each code page, and lexes them
 * with a small PowerShell lexer (comments, block comments, single-/double-quoted strings with the
 * typographic quote forms, here-strings). Every hostile value must stay inside its string: no code
 * token may contain the marker command, and the value must read back exactly.
 */
import { describe, expect, it } from 'vitest';
import { psQuote, tenantPowerShell } from '../../shared/exo';
import { parseDocumentText } from '../../shared/model/load';
import type { Tenant } from '../../shared/model/schema';
import { fixtureText } from './helpers';

// ---------------------------------------------------------------------------------------------
// Code pages

/**
 * Code page 437's upper half (0x80–0xFF), from the IBM PC character set (Unicode's
 * VENDORS/MICSFT/PC/CP437.TXT). Node's TextDecoder has no "ibm437" (WHATWG Encoding lists no such
 * label), so the table is here; its lower half is ASCII.
 */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/**
 * Windows-1252's 0x80–0x9F (Unicode's VENDORS/MICSFT/WINDOWS/CP1252.TXT; the five unassigned
 * bytes kept as C1 controls, as Windows' MultiByteToWideChar does). The rest is ISO-8859-1. Node
 * 20's TextDecoder("windows-1252") decodes as ISO-8859-1 (0x82 → U+0082, not "‚"), which would hide
 * exactly the quotes this test is about, so the table is here.
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const decoders: Record<string, (bytes: Uint8Array) => string> = {
  'utf-8': (b) => new TextDecoder('utf-8').decode(b),
  'windows-1252': (b) => Array.from(b, (x) => (x >= 0x80 && x <= 0x9f ? CP1252_80_9F[x - 0x80] : String.fromCharCode(x))).join(''),
  'cp932 (shift_jis)': (b) => new TextDecoder('shift_jis').decode(b),
  cp437: (b) => Array.from(b, (x) => (x < 0x80 ? String.fromCharCode(x) : CP437_HIGH[x - 0x80])).join(''),
};

const utf8 = (s: string) => new TextEncoder().encode(s);

// ---------------------------------------------------------------------------------------------
// A small PowerShell lexer (enough for the constructs the generator and an attacker could use)

const SINGLE = /['\u2018\u2019\u201a\u201b]/;
const DOUBLE = /["\u201c\u201d\u201e]/;
type Token = { kind: 'code' | 'string' | 'comment'; text: string };

/** Splits a script into code, string and comment tokens as PowerShell's tokenizer would. */
function lexPowerShell(src: string): Token[] {
  const tokens: Token[] = [];
  let code = '';
  const flush = () => {
    if (code) tokens.push({ kind: 'code', text: code });
    code = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '<' && src[i + 1] === '#') {
      flush();
      const end = src.indexOf('#>', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      tokens.push({ kind: 'comment', text: src.slice(i, stop) });
      i = stop;
    } else if (ch === '#') {
      flush();
      let end = i;
      while (end < src.length && src[end] !== '\n' && src[end] !== '\r') end++;
      tokens.push({ kind: 'comment', text: src.slice(i, end) });
      i = end;
    } else if (ch === '@' && (SINGLE.test(src[i + 1] ?? '') || DOUBLE.test(src[i + 1] ?? '')) && /^\r?\n/.test(src.slice(i + 2))) {
      // Here-string: ends at a line starting with the quote and @.
      flush();
      const close = new RegExp(`\\n${SINGLE.test(src[i + 1]) ? SINGLE.source : DOUBLE.source}@`);
      const m = close.exec(src.slice(i + 2));
      const stop = m ? i + 2 + m.index + m[0].length : src.length;
      tokens.push({ kind: 'string', text: src.slice(i, stop) });
      i = stop;
    } else if (SINGLE.test(ch)) {
      flush();
      const r = readSingleQuoted(src, i);
      tokens.push({ kind: 'string', text: r.value });
      i = r.end;
    } else if (DOUBLE.test(ch)) {
      flush();
      let j = i + 1;
      let text = '';
      for (; j < src.length; j++) {
        if (src[j] === '`') {
          text += src[++j] ?? '';
        } else if (DOUBLE.test(src[j])) {
          if (DOUBLE.test(src[j + 1] ?? '')) text += src[++j];
          else break;
        } else if (src[j] === '$' && src[j + 1] === '(') {
          // A subexpression inside a double-quoted string runs: count it as code.
          tokens.push({ kind: 'code', text: '$(' });
          text += src[j];
        } else text += src[j];
      }
      tokens.push({ kind: 'string', text });
      i = j + 1;
    } else {
      code += ch;
      i++;
    }
  }
  flush();
  return tokens;
}

/** A single-quoted literal starting at `start`: any single quote form ends it unless doubled. */
function readSingleQuoted(src: string, start: number): { value: string; end: number } {
  let value = '';
  for (let j = start + 1; j < src.length; j++) {
    if (SINGLE.test(src[j])) {
      if (SINGLE.test(src[j + 1] ?? '')) {
        value += src[j];
        j++;
        continue;
      }
      return { value, end: j + 1 };
    }
    value += src[j];
  }
  throw new Error('unterminated single-quoted string');
}

/** The value of a string expression as psQuote writes it: 'literal' or ('a' + [char]0xNNNN + …). */
function readStringExpression(src: string): { value: string; rest: string } {
  if (SINGLE.test(src[0] ?? '')) {
    const r = readSingleQuoted(src, 0);
    return { value: r.value, rest: src.slice(r.end) };
  }
  if (!src.startsWith('(')) throw new Error(`not a string expression: ${src.slice(0, 20)}`);
  let rest = src.slice(1);
  let value = '';
  for (;;) {
    const char = /^\[char\]0x([0-9A-F]{4})/.exec(rest);
    if (char) {
      value += String.fromCharCode(parseInt(char[1], 16));
      rest = rest.slice(char[0].length);
    } else {
      const r = readSingleQuoted(rest, 0);
      value += r.value;
      rest = rest.slice(r.end);
    }
    if (rest.startsWith(' + ')) rest = rest.slice(3);
    else if (rest.startsWith(')')) return { value, rest: rest.slice(1) };
    else throw new Error(`unexpected ${rest.slice(0, 20)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values

const MARKER = 'Invoke-Pwned';
const HOSTILE: string[] = [
  `Blocked by policy т + $(${MARKER}) #`,
  `ポリシーによりブロックされました '; ${MARKER}; '`,
  `Contoso’s policy ‘x’ ‚y‛ + $(${MARKER})`,
  `“double” „quotes” $(${MARKER}) "plain"`,
  `backtick \` $(${MARKER}) \`'`,
  `line\r\n${MARKER}\n#>\n<#`,
  `nul\u0000${MARKER}\u2028ls\u2029ps\u0085nel`,
  `@'\n${MARKER}\n'@`,
  `@"\n$(${MARKER})\n"@`,
  `Ñ‚ Ð’ ã€‚ \u0082\u0091\u0092\u0093\u0094 $(${MARKER})`,
  `emoji 😀 ${MARKER}`,
];

function design(): Tenant {
  const r = parseDocumentText(fixtureText('design.mailflow.json'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.document.tenants[0];
}

/** The fixture tenant with the hostile value in every text field the script writes. */
function hostileTenant(v: string): Tenant {
  const t = design();
  return {
    ...t,
    name: v,
    inboundConnectors: t.inboundConnectors.map((c) => ({ ...c, name: `${c.name} ${v}` })),
    outboundConnectors: t.outboundConnectors.map((c) => ({ ...c, name: `${c.name} ${v}` })),
    transportRules: t.transportRules.map((r) => ({
      ...r,
      name: `${r.name} ${v}`,
      actions: { rejectMessageReasonText: v, setHeaderName: 'X-Tag', setHeaderValue: v },
    })),
  };
}

describe('the generated PowerShell script under every code page', () => {
  it('is printable ASCII and line feeds only, so the code page cannot change its meaning', () => {
    for (const v of HOSTILE) {
      const bytes = utf8(tenantPowerShell(hostileTenant(v), v));
      const bad = bytes.findIndex((b) => !(b === 0x0a || (b >= 0x20 && b <= 0x7e)));
      expect(bad, `byte ${bytes[bad]} at ${bad} for ${JSON.stringify(v)}`).toBe(-1);
    }
  });

  for (const [name, decode] of Object.entries(decoders)) {
    it(`decoded as ${name}: every hostile value stays inside its string and reads back exactly`, () => {
      for (const v of HOSTILE) {
        const script = decode(utf8(tenantPowerShell(hostileTenant(v), v)));
        const tokens = lexPowerShell(script);
        const code = tokens.filter((t) => t.kind === 'code').map((t) => t.text);
        expect(code.filter((c) => c.includes(MARKER) || c.includes('$(')), JSON.stringify(v)).toEqual([]);
        // The reject text and header value in the $settings tables (which run before ShouldProcess)
        // read back as written, with nothing after them on the line.
        const lines = script.split('\n').filter((l) => /^\s+(RejectMessageReasonText|SetHeaderValue)\s+= /.test(l));
        expect(lines.length).toBeGreaterThanOrEqual(2);
        for (const line of lines) {
          const expr = line.replace(/^\s+\w+\s+= /, '');
          expect(readStringExpression(expr)).toEqual({ value: v, rest: '' });
        }
        // And so does every value through psQuote alone.
        expect(readStringExpression(decode(utf8(psQuote(v) + ' -Next')))).toEqual({ value: v, rest: ' -Next' });
      }
    });
  }

  it('the code page tables are complete', () => {
    expect([...CP437_HIGH]).toHaveLength(128);
    expect([...CP1252_80_9F]).toHaveLength(32);
    // Shift_JIS (cp932) comes from TextDecoder: check it really is that, not a Latin-1 fallback.
    expect(new TextDecoder('shift_jis').decode(Uint8Array.from([0x82, 0xa0]))).toBe('あ');
  });

  it('the lexer catches a value that escapes (checked against the old pass-through quoting)', () => {
    // What psQuote wrote before the fix: non-ASCII passed through inside the literal.
    const old = `'Blocked by policy т + $(${MARKER}) #'`;
    const decoded = decoders['windows-1252'](utf8(old));
    const code = lexPowerShell(decoded).filter((t) => t.kind === 'code');
    expect(code.some((t) => t.text.includes(MARKER))).toBe(true);
  });
});
