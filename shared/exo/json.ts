/**
 * Reading the text that `ConvertTo-Json` writes, with positions.
 *
 * `JSON.parse` reports errors differently in every engine (and, for a truncated file, without a
 * position), so the import parses with this small strict parser instead: a failure says the line
 * and column, whether the JSON ended early, and which object keys were read before it, so the
 * caller can still tell which cmdlet the file came from.
 *
 * Exchange Online PowerShell output reaches us as UTF-8 with a byte order mark (`Out-File -Encoding
 * utf8` in Windows PowerShell 5.1), UTF-16 LE (its `>` redirection), or plain UTF-8 (PowerShell 7),
 * with Windows line endings. `decodeExoBytes` and `parseExoJson` accept all of them.
 */

export interface JsonSyntaxFailure {
  /** 1-based. */
  line: number;
  column: number;
  /** True when the text stopped in the middle of a value (a truncated file). */
  endedEarly: boolean;
  /** What went wrong, in words, without the position: "the JSON ends early". */
  problem: string;
  /** Every object key read before the failure (lower case), for guessing the cmdlet. */
  keysSeen: Set<string>;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxFailure };

/** ConvertTo-Json's own maximum is 100; anything deeper is not its output. */
const MAX_DEPTH = 200;

/**
 * Bytes as the module writes them → text. UTF-16 is recognised by its byte order mark (Windows
 * PowerShell's `>` writes UTF-16 LE with one); everything else is read as UTF-8.
 */
export function decodeExoBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Swapped to little-endian: not every TextDecoder build knows 'utf-16be'.
    const swapped = new Uint8Array(bytes.length - 2);
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      swapped[i - 2] = bytes[i + 1];
      swapped[i - 1] = bytes[i];
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export function parseExoJson(text: string): JsonParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parser = new Parser(source);
  try {
    parser.skipWhitespace();
    if (parser.pos >= source.length) {
      return { ok: false, error: parser.failure('the file is empty', true) };
    }
    const first = source[parser.pos];
    if (first !== '{' && first !== '[') {
      // Format-List or Format-Table text, a CSV, an error message: not what ConvertTo-Json writes.
      const start = source.slice(parser.pos, parser.pos + 30).split(/\r?\n/)[0];
      throw parser.fail(`the file is not JSON (it starts with ${JSON.stringify(start)})`);
    }
    const value = parser.parseValue(0);
    parser.skipWhitespace();
    if (parser.pos < source.length) {
      throw parser.fail(`unexpected ${parser.describeHere()} after the end of the JSON value`);
    }
    return { ok: true, value };
  } catch (e) {
    if (e instanceof ParseStop) return { ok: false, error: e.failure };
    throw e;
  }
}

class ParseStop {
  constructor(readonly failure: JsonSyntaxFailure) {}
}

class Parser {
  pos = 0;
  readonly keysSeen = new Set<string>();

  constructor(private readonly src: string) {}

  failure(problem: string, endedEarly: boolean, at = this.pos): JsonSyntaxFailure {
    let line = 1;
    let column = 1;
    for (let i = 0; i < at && i < this.src.length; i++) {
      const c = this.src.charCodeAt(i);
      if (c === 10) {
        line++;
        column = 1;
      } else if (c === 13) {
        // CR LF counts once; a lone CR (old Mac) is a line break too.
        if (this.src.charCodeAt(i + 1) !== 10) {
          line++;
          column = 1;
        }
      } else {
        column++;
      }
    }
    return { line, column, endedEarly, problem, keysSeen: this.keysSeen };
  }

  fail(problem: string, at = this.pos): ParseStop {
    return new ParseStop(this.failure(problem, false, at));
  }

  early(): ParseStop {
    return new ParseStop(this.failure('the JSON ends early', true, this.src.length));
  }

  describeHere(): string {
    const ch = this.src[this.pos];
    if (ch === undefined) return 'end of file';
    return `character ${JSON.stringify(ch)}`;
  }

  skipWhitespace(): void {
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  parseValue(depth: number): unknown {
    if (depth > MAX_DEPTH) throw this.fail(`values are nested deeper than ${MAX_DEPTH} levels`);
    this.skipWhitespace();
    if (this.pos >= this.src.length) throw this.early();
    const ch = this.src[this.pos];
    if (ch === '{') return this.parseObject(depth);
    if (ch === '[') return this.parseArray(depth);
    if (ch === '"') return this.parseString();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.parseNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.src.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
      if (word.startsWith(this.src.slice(this.pos)) && this.src.length - this.pos < word.length) throw this.early();
    }
    throw this.fail(`unexpected ${this.describeHere()} where a value should start`);
  }

  parseObject(depth: number): Record<string, unknown> {
    this.pos++; // {
    const out: Record<string, unknown> = {};
    this.skipWhitespace();
    if (this.src[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.src.length) throw this.early();
      if (this.src[this.pos] !== '"') throw this.fail(`unexpected ${this.describeHere()} where a property name should start`);
      const key = this.parseString();
      this.keysSeen.add(key.toLowerCase());
      this.skipWhitespace();
      if (this.pos >= this.src.length) throw this.early();
      if (this.src[this.pos] !== ':') throw this.fail(`expected ":" after the property name "${key}"`);
      this.pos++;
      const value = this.parseValue(depth + 1);
      // A key that could reach an object's prototype is kept out of the value (never a real property).
      if (key !== '__proto__') out[key] = value;
      if (this.separator('}', `after the value of "${key}"`)) return out;
    }
  }

  /** After a value: "," (false: another follows) or the closing bracket (true: done); anything else fails. */
  separator(close: '}' | ']', where: string): boolean {
    this.skipWhitespace();
    if (this.pos >= this.src.length) throw this.early();
    const sep = this.src[this.pos];
    if (sep !== ',' && sep !== close) throw this.fail(`expected "," or "${close}" ${where}, found ${this.describeHere()}`);
    this.pos++;
    return sep === close;
  }

  parseArray(depth: number): unknown[] {
    this.pos++; // [
    const out: unknown[] = [];
    this.skipWhitespace();
    if (this.src[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.parseValue(depth + 1));
      if (this.separator(']', 'in a list')) return out;
    }
  }

  parseString(): string {
    const start = this.pos;
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      if (this.pos >= this.src.length) throw this.early();
      const ch = this.src[this.pos];
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === '\\') {
        const esc = this.src[this.pos + 1];
        if (esc === undefined) throw this.early();
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc in simple) {
          out += simple[esc];
          this.pos += 2;
          continue;
        }
        if (esc === 'u') {
          const hex = this.src.slice(this.pos + 2, this.pos + 6);
          if (hex.length < 4 && /^[0-9a-fA-F]*$/.test(hex)) throw this.early();
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.fail('a \\u escape needs four hexadecimal digits');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
          continue;
        }
        throw this.fail(`unknown escape "\\${esc}" in a string`);
      }
      if (ch.charCodeAt(0) < 0x20) {
        if (ch === '\n' || ch === '\r') throw this.fail('a string is not closed before the end of the line', start);
        throw this.fail('a control character inside a string');
      }
      out += ch;
      this.pos++;
    }
  }

  parseNumber(): number {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.src.slice(this.pos, this.pos + 400));
    if (!m) {
      if (this.pos + 1 >= this.src.length) throw this.early();
      throw this.fail(`unexpected ${this.describeHere()} in a number`);
    }
    this.pos += m[0].length;
    return Number(m[0]);
  }
}
