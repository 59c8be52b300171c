/**
 * A linear pre-scan of a document's JSON text, before `JSON.parse` builds anything (issue 11).
 *
 * `JSON.parse` of 50 MB nested 25 million levels deep costs seconds and gigabytes before a depth
 * check on the parsed value can refuse it, and it silently keeps the last of two equal keys. This
 * scan walks the text once, keeping only a stack of open containers, and reports the first of:
 * - nesting deeper than the format ever needs,
 * - a key given twice in one object (JSON says names "should be unique"; RFC 8259 section 4 leaves
 *   the result to the parser, and `JSON.parse` keeps the last one, so the file would not mean what
 *   it shows),
 * - a number JSON can write but a double cannot hold (`-1e400` would become -Infinity, then null).
 * Anything that is not valid JSON is left to `JSON.parse`, whose message names the position.
 */

/** A document text never exceeds this (a 10,000-tenant design is about 60 MB). */
export const MAX_DOCUMENT_TEXT = 200 * 1024 * 1024;

export interface PrescanFinding {
  /** Keys from the root to the offending value. */
  path: Array<string | number>;
  /** Offset in the text where it starts. */
  offset: number;
  found: string;
  expected: string;
}

interface Frame {
  isObject: boolean;
  /**
   * Keys seen so far in this object: a list while it is short (most objects have a few fields,
   * and a document has hundreds of thousands of them), a set once it is long.
   */
  keys: string[] | Set<string> | null;
  /** How many keys (object) the container has so far. */
  size: number;
  /** The current key (object) or index (array). */
  key: string | number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

type State = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'end';

/** What the scan saw, for callers that can skip work on documents without long inner lists. */
export interface PrescanStats {
  /** The most items of a list, or keys of an object, below the root's own fields (depth 2 and deeper). */
  largestInner: number;
  /** The same, at depth 3 and deeper: inside the items of the root's lists (a tenant's recipients, not `view.positions`). */
  largestInItems?: number;
  /** Set when the scan read the whole text and found no key `__proto__` (at any depth, escaped or not). */
  noProtoKey?: boolean;
}

export interface PrescanLimits {
  /** Items in one list (the format's longest list, a tenant's recipients, holds 1,000,000). */
  maxItems?: number;
  /** Values in the whole text (a 60 MB design of 10,000 tenants has about 4 million). */
  maxValues?: number;
}

/** The first problem in the text, or null (also when the text is not JSON: JSON.parse says where). */
export function prescanJson(text: string, maxDepth: number, limits: PrescanLimits = {}, stats?: PrescanStats): PrescanFinding | null {
  const maxItems = limits.maxItems ?? Infinity;
  // Called as each container closes: the size of containers at depth 2 and deeper.
  const closing = () => {
    if (!stats || stack.length < 3) return;
    const top = stack[stack.length - 1];
    const size = top.isObject ? top.size : (top.key as number) + 1;
    if (size > stats.largestInner) stats.largestInner = size;
    if (stack.length >= 4 && size > (stats.largestInItems ?? 0)) stats.largestInItems = size;
  };
  const maxValues = limits.maxValues ?? Infinity;
  let values = 0;
  let protoKey = false;
  const stack: Frame[] = [];
  const n = text.length;
  let state: State = 'value';
  let i = 0;
  const path = (): Array<string | number> => stack.map((f) => f.key);
  const afterValue = () => {
    state = stack.length ? 'commaOrEnd' : 'end';
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i++;
      continue;
    }
    switch (state as State) {
      case 'end':
        return null;
      case 'value':
      case 'valueOrEnd': {
        if (c === 0x5d /* ] */ && state === 'valueOrEnd') {
          closing();
          stack.pop();
          i++;
          afterValue();
          break;
        }
        if (++values > maxValues) {
          return { path: path(), offset: i, found: `more than ${maxValues} values`, expected: 'a document of the size the format allows' };
        }
        if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
          if (stack.length >= maxDepth + 1) {
            return { path: path(), offset: i, found: `values nested deeper than ${maxDepth} levels`, expected: 'the shape of a mailflow-topology document' };
          }
          const isObject = c === 0x7b;
          stack.push({ isObject, keys: isObject ? [] : null, size: 0, key: isObject ? '' : 0 });
          state = isObject ? 'keyOrEnd' : 'valueOrEnd';
          i++;
          break;
        }
        if (c === 0x22 /* " */) {
          const end = stringEnd(text, i);
          if (end < 0) return null;
          i = end;
          afterValue();
          break;
        }
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return null;
          const end = NUMBER.lastIndex;
          // Only an exponent or more than 300 digits can leave a double's range: the number is
          // read (a string and a conversion) only then, not for each of a million coordinates.
          if (end - i > 300 || hasExponent(text, i, end)) {
            const num = text.slice(i, end);
            if (!Number.isFinite(Number(num))) {
              return {
                path: path(),
                offset: i,
                found: `a number out of range (${num.length > 40 ? `${num.slice(0, 37)}…` : num})`,
                expected: 'a number between -1.7976931348623157e308 and 1.7976931348623157e308',
              };
            }
          }
          i = end;
          afterValue();
          break;
        }
        const word = text.startsWith('true', i) ? 4 : text.startsWith('null', i) ? 4 : text.startsWith('false', i) ? 5 : 0;
        if (!word) return null;
        i += word;
        afterValue();
        break;
      }
      case 'key':
      case 'keyOrEnd': {
        const top = stack[stack.length - 1];
        if (c === 0x7d /* } */ && state === 'keyOrEnd') {
          closing();
          stack.pop();
          i++;
          afterValue();
          break;
        }
        if (c !== 0x22) return null;
        const end = stringEnd(text, i);
        if (end < 0) return null;
        const raw = text.slice(i + 1, end - 1);
        let key: string;
        try {
          key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        } catch {
          return null;
        }
        if (hasKey(top, key)) {
          return {
            path: [...stack.slice(0, -1).map((f) => f.key), key],
            offset: i,
            found: `the key "${key}" a second time in the same object`,
            expected: 'each key once (JSON readers keep only one of the two values, so the file would not mean what it shows)',
          };
        }
        addKey(top, key);
        top.key = key;
        if (key === '__proto__') protoKey = true;
        i = end;
        state = 'colon';
        break;
      }
      case 'colon':
        if (c !== 0x3a) return null;
        i++;
        state = 'value';
        break;
      case 'commaOrEnd': {
        const top = stack[stack.length - 1];
        if (c === 0x2c /* , */) {
          if (top.isObject) state = 'key';
          else {
            top.key = (top.key as number) + 1;
            if (top.key >= maxItems) {
              return { path: path().slice(0, -1), offset: i, found: `a list of more than ${maxItems} items`, expected: `at most ${maxItems} items (the longest list the format allows)` };
            }
            state = 'value';
          }
          i++;
        } else if ((c === 0x7d && top.isObject) || (c === 0x5d && !top.isObject)) {
          closing();
          stack.pop();
          i++;
          afterValue();
        } else return null;
        break;
      }
    }
  }
  if (stats && !protoKey) stats.noProtoKey = true;
  return null;
}

const SHORT_OBJECT = 16;

function hasKey(f: Frame, key: string): boolean {
  const keys = f.keys as string[] | Set<string>;
  return Array.isArray(keys) ? keys.includes(key) : keys.has(key);
}

function addKey(f: Frame, key: string): void {
  const keys = f.keys as string[] | Set<string>;
  if (!Array.isArray(keys)) keys.add(key);
  else if (keys.length < SHORT_OBJECT) keys.push(key);
  else f.keys = new Set([...keys, key]);
  f.size++;
}

function hasExponent(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x65 || c === 0x45) return true;
  }
  return false;
}

/** The offset just after the string that starts at `start` (a quote), or -1 if it never ends. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let k = quote - 1; k > start && text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

/**
 * The string value of `key` in the root object of a JSON text, or null (no such key at the root,
 * not a string, not an object). Linear, and builds nothing: main uses it to recognise a topology
 * document by its root `"format"` without parsing a large file, and without being fooled by the
 * same text nested somewhere inside an unrelated file.
 */
export function rootStringField(text: string, key: string): string | null {
  let depth = 0;
  let expectingKey = false;
  let pendingKey: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (end < 0) return null;
      if (depth === 1) {
        const raw = text.slice(i + 1, end - 1);
        if (expectingKey) {
          pendingKey = raw;
          expectingKey = false;
        } else if (pendingKey !== null) {
          if (pendingKey === key) {
            try {
              return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
            } catch {
              return null;
            }
          }
          pendingKey = null;
        }
      }
      i = end - 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth === 0 && c === 0x5b) return null;
      depth++;
      if (depth === 1) expectingKey = true;
      else if (depth === 2) pendingKey = null;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth <= 0) return null;
    } else if (c === 0x2c /* , */ && depth === 1) {
      expectingKey = true;
      pendingKey = null;
    }
  }
  return null;
}

/**
 * The number of items of a JSON text's root list (or of the list in `{"value": [...]}`), counted
 * without parsing, stopping at `stopAfter`; null when the root is not a list. Lets an import refuse
 * a file of 200,000 objects before building any of them.
 */
export function rootListLength(text: string, stopAfter = Infinity): number | null {
  let i = 0;
  while (i < text.length && /\s|\ufeff/.test(text[i])) i++;
  let listDepth = 1;
  if (text[i] === '{') {
    // PowerShell 5.1's {"value": [...], "Count": n}: the list one level down.
    const valueAt = text.indexOf('"value"', i);
    if (valueAt < 0) return null;
    i = text.indexOf('[', valueAt);
    if (i < 0) return null;
    listDepth = 2;
  } else if (text[i] !== '[') return null;
  let depth = listDepth;
  let count = 0;
  let sawValue = false;
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (end < 0) return null;
      if (depth === listDepth) sawValue = true;
      i = end - 1;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === listDepth) sawValue = true;
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth < listDepth) return count + (sawValue ? 1 : 0);
    } else if (c === 0x2c && depth === listDepth) {
      count++;
      if (count >= stopAfter) return count;
    } else if (depth === listDepth && c > 0x20) sawValue = true;
  }
  return null;
}
