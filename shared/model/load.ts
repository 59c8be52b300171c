/**
 * Reading a topology document: JSON text → migrated → validated → cross-checked.
 *
 * Every failure is a located error (a JSON path such as
 * `tenants[1].inboundConnectors[0].senderIPAddresses[2]`, what was found, what was expected). The
 * loader never changes its input: callers write nothing when loading fails.
 */
import type { z } from 'zod';
import { LONG, maxLength, safeParseBounded, unwrap } from './bounded';
import { checkIntegrity, tooManyExpectedRecipients, type IntegrityIssue } from './integrity';
import { migrateToCurrent } from './migrate';
import { MAX_DOCUMENT_TEXT, prescanJson, type PrescanStats } from './prescan';
import { CURRENT_VERSION, documentSchema, FORMAT, type TopologyDocument } from './schema';

export interface LoadError {
  /** JSON path of the offending value; `$` for the whole document. */
  path: string;
  /** One sentence: what is wrong, where, and what was expected. */
  message: string;
  found: string;
  expected: string;
  /** For JSON syntax errors: 1-based line and column. */
  line?: number;
  column?: number;
}

export type LoadResult =
  | { ok: true; document: TopologyDocument; migratedFrom: number | null }
  | { ok: false; errors: LoadError[] };

/** Deeper nesting than any valid document has is refused before validation (hostile input). */
const MAX_DEPTH = 64;
/** `__proto__` could reach an object's prototype; it is never a valid field, id or address. */
const FORBIDDEN_KEYS = new Set(['__proto__']);
const MAX_ERRORS = 50;
/** The format's longest list: a tenant's recipients (schema.ts). Longer lists are refused before parsing. */
const MAX_LIST_ITEMS = 1_000_000;
/**
 * Values in one document. A 60 MB design of 10,000 tenants has about 4 million; 50 MB of `1,1,1…`
 * has 26 million, which JSON.parse alone turns into seconds and hundreds of megabytes.
 */
const MAX_VALUES = 10_000_000;

export function parseDocumentText(text: string): LoadResult {
  // A UTF-8 byte order mark is not part of the JSON (editors on Windows write one).
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stats: PrescanStats = { largestInner: 0 };
  const early = prescanError(source, stats);
  if (early) return { ok: false, errors: [early] };
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (e) {
    return { ok: false, errors: [jsonSyntaxError(source, e)] };
  }
  // The pre-scan read all the text: no container deeper than MAX_DEPTH, and it says whether a key
  // `__proto__` exists; without one, findHostileShape can find nothing and is skipped.
  return validateDocument(raw, {
    innerListsShort: stats.largestInner <= LONG,
    itemListsShort: (stats.largestInItems ?? 0) <= LONG,
    shapeChecked: stats.noProtoKey === true,
    owned: true,
  });
}

interface ShapeOptions {
  /** No list or map longer than LONG below the root's own fields (the pre-scan knows). */
  innerListsShort?: boolean;
  /** The same inside the items of the root's lists (`view.positions` may be long). */
  itemListsShort?: boolean;
  /** `raw` was made for this load (JSON.parse): the result may keep parts of it that zod would only copy. */
  owned?: boolean;
  /** Nothing deeper than MAX_DEPTH and no `__proto__` key (the pre-scan knows). */
  shapeChecked?: boolean;
}

export function validateDocument(raw: unknown, options: ShapeOptions = {}): LoadResult {
  const parsed = validateShape(raw, options);
  if (!parsed.ok) return parsed;
  const integrity = integrityErrors(parsed.document);
  if (integrity.length > 0) return { ok: false, errors: integrity };
  return parsed;
}

/** Everything `validateDocument` checks but the cross-references (checkIntegrity). */
function validateShape(raw: unknown, options: ShapeOptions = {}): LoadResult {
  const hostile = options.shapeChecked ? null : findHostileShape(raw);
  if (hostile) return { ok: false, errors: [hostile] };

  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  // Refused before the schema looks at each of 100,000 expected recipients (the cap is an
  // integrity rule, checked again with the others).
  const overCap = tooManyExpectedRecipients(migrated.value);
  if (overCap.length > 0) return { ok: false, errors: overCap.slice(0, MAX_ERRORS).map(integrityError) };

  // Stops after MAX_ERRORS issues: a file of millions of invalid values costs no more than that.
  const parsed = safeParseBounded(documentSchema, migrated.value, MAX_ERRORS, {
    innerListsShort: options.innerListsShort,
    itemListsShort: options.itemListsShort,
    owned: options.owned,
  });
  if (!parsed.success) {
    return { ok: false, errors: parsed.issues.slice(0, MAX_ERRORS).map((i) => zodIssueToError(i, migrated.value)) };
  }
  return { ok: true, document: parsed.data, migratedFrom: migrated.from };
}

function integrityErrors(doc: TopologyDocument): LoadError[] {
  return checkIntegrity(doc).slice(0, MAX_ERRORS).map(integrityError);
}

function integrityError(i: IntegrityIssue): LoadError {
  return { path: i.path, found: i.found, expected: i.expected, message: `${i.path}: found ${i.found}; expected ${i.expected}.` };
}

/** What an import adds to a document. */
export interface DocumentAddition {
  tenants: unknown[];
  servers: unknown[];
  positions: Record<string, unknown>;
}

/**
 * `validateDocument` of `base` with `addition` appended (tenants and servers at the end of their
 * lists, positions merged), for a `base` that already is a validated document (loaded, or the
 * app's own): only the addition goes through the schema (as a document of its own, so its errors
 * read like the loader's, with paths into the merged document); the list limits and the
 * cross-references (unique ids and domains, references to either part) are checked on the whole
 * merged document, in linear time. Validating a 140,000-entity document again for each import cost seconds and
 * hundreds of megabytes (issue 11). The result shares `base`'s objects; `base` is not changed.
 */
export function validateAddition(base: TopologyDocument, addition: DocumentAddition): LoadResult {
  const added = validateShape({
    format: FORMAT,
    version: CURRENT_VERSION,
    title: base.title,
    tenants: addition.tenants,
    servers: addition.servers,
    scenarios: [],
    view: { positions: addition.positions },
  });
  if (!added.ok) {
    const shift = (text: string) =>
      text
        .replace(/^tenants\[(\d+)\]/, (_, i: string) => `tenants[${base.tenants.length + Number(i)}]`)
        .replace(/^servers\[(\d+)\]/, (_, i: string) => `servers[${base.servers.length + Number(i)}]`);
    return { ok: false, errors: added.errors.map((e) => ({ ...e, path: shift(e.path), message: shift(e.message) })) };
  }
  const doc: TopologyDocument = {
    ...base,
    tenants: [...base.tenants, ...added.document.tenants],
    servers: [...base.servers, ...added.document.servers],
    view: { ...base.view, positions: mergedPositions(base.view?.positions ?? {}, added.document.view?.positions ?? {}) },
  };
  for (const key of ['tenants', 'servers'] as const) {
    const max = maxLength(unwrap(documentSchema.shape[key]));
    if (doc[key].length > max) {
      const found = `${doc[key].length} items`;
      const expected = `at most ${max} items`;
      return { ok: false, errors: [{ path: key, found, expected, message: `${key}: found ${found}; expected ${expected}.` }] };
    }
  }
  const integrity = integrityErrors(doc);
  return integrity.length > 0 ? { ok: false, errors: integrity } : { ok: true, document: doc, migratedFrom: null };
}

/**
 * `{ ...base, ...added }`, by a loop over the keys: a spread of 140,000 positions (an object V8
 * keeps as a dictionary) costs twice as much.
 */
function mergedPositions<P>(base: Record<string, P>, added: Record<string, P>): Record<string, P> {
  const out: Record<string, P> = {};
  for (const from of [base, added]) {
    for (const key of Object.keys(from)) {
      // The loader refused it; assigning it would set the prototype instead.
      if (key !== '__proto__') out[key] = from[key];
    }
  }
  return out;
}

/** The document as the app saves it: the validated form, two-space indented, ending in a newline. */
export function serializeDocument(doc: TopologyDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

export function formatLoadErrors(errors: LoadError[]): string {
  return errors.map((e) => e.message).join('\n');
}

// ---------------------------------------------------------------------------------------------

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '$';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key as string)) {
      return { present: false, value: undefined };
    }
    cur = (cur as Record<string, unknown>)[key as string];
  }
  return { present: true, value: cur };
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…"` : json;
}

/** A zod issue as a located error (exported for the test that compares the loader with zod alone). */
export function zodIssueToError(issue: z.core.$ZodIssue, root: unknown): LoadError {
  const path = [...issue.path];
  let expected: string;
  let found: string;
  if (issue.code === 'unrecognized_keys') {
    // Name the unknown field itself so the path points at the typo.
    const key = issue.keys[0];
    path.push(key);
    found = `an unknown field "${key}"${issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more)` : ''}`;
    expected = `only the fields the format defines${suggestField(key)}`;
  } else {
    const at = valueAt(root, path);
    found = at.present ? describeValue(at.value) : 'nothing (the field is missing)';
    expected = expectedText(issue);
  }
  const where = formatPath(path);
  return { path: where, found, expected, message: `${where}: found ${found}; expected ${expected}.` };
}

/** What was expected, without the word "expected" (the message adds it). */
function expectedText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'a whole number' : article(String(issue.expected));
    case 'invalid_value':
      return issue.values.map((v) => JSON.stringify(v)).join(' or ');
    case 'too_small':
      return issue.origin === 'array' ? `at least ${issue.minimum} item(s)` : `at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `at most ${issue.maximum} items`
        : issue.origin === 'string'
          ? `at most ${issue.maximum} characters`
          : `at most ${issue.maximum}`;
    default:
      return issue.message.replace(/^expected /, '');
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
    null: 'null',
  };
  return names[type] ?? type;
}

/** "Did you mean" for a misspelt field: the known field closest by edit distance. */
function suggestField(key: string): string {
  const known = KNOWN_FIELDS.filter((f) => editDistance(f.toLowerCase(), key.toLowerCase()) <= 2);
  return known.length ? ` (did you mean "${known[0]}"?)` : '';
}

const KNOWN_FIELDS = [
  'format', 'version', 'title', 'service', 'tenants', 'servers', 'scenarios', 'view', 'preset',
  'headerFromCountsForRelay', 'multiRecipientDomainPolicy', 'certDomainMatch', 'ambiguousTenantPolicy',
  'unattributedRelayReply', 'throttling', 'surgeFactor', 'surgeFloorPerHour', 'newSourcePerHour', 'historyDays',
  'messageExpirationHours', 'id', 'name', 'acceptedDomains', 'domainName', 'domainType', 'matchSubDomains',
  'recipients', 'rejectDirectSend', 'inboundConnectors', 'outboundConnectors', 'transportRules', 'connectorType',
  'enabled', 'senderIPAddresses', 'tlsSenderCertificateName', 'requireTls', 'restrictDomainsToIPAddresses',
  'restrictDomainsToCertificate', 'senderDomains', 'recipientDomains', 'allAcceptedDomains', 'useMXRecord',
  'smartHosts', 'routeAllMessagesViaOnPremises', 'priority', 'conditions', 'exceptions', 'actions', 'sentToScope',
  'recipientDomainIs', 'senderDomainIs', 'fromScope', 'exceptIfRecipientDomainIs', 'exceptIfSenderDomainIs',
  'rejectMessageReasonText', 'rejectMessageEnhancedStatusCode', 'deleteMessage', 'redirectMessageTo',
  'setHeaderName', 'setHeaderValue', 'stopRuleProcessing', 'role', 'ipAddress', 'tls', 'certificate', 'subject',
  'subjectAlternativeNames', 'trusted', 'chainComplete', 'description', 'serverId', 'mailFrom', 'rcptTo',
  'headerFrom', 'load', 'expect', 'result', 'code', 'attributedTenant', 'disposition', 'tenant', 'path',
  'baselinePerHour', 'baselineDays', 'burstPerHour', 'burstHours', 'positions', 'viewport', 'x', 'y', 'zoom',
  // Version 2
  'asOf', 'nullSenderSkipsRules', 'minimumInboundTlsVersion', 'outOfDateServerEnforcement', 'stage', 'minutesPerHour',
  'enforcementPausedUntil', 'comment', 'tlsVersion', 'exchange', 'upToDate', 'notBefore', 'notAfter',
  'isTransportRuleScoped', 'tlsSettings', 'tlsDomain', 'senderAddressLocation', 'routeMessageOutboundConnector',
  'otherActions', 'unmodelledConditions', 'value', 'fromMailbox', 'unstable', 'notes', 'text', 'width', 'color',
];

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** 1-based line and column of an offset. */
function lineColumn(source: string, pos: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < pos && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/** Size, depth, repeated keys and out-of-range numbers, found before JSON.parse builds anything. */
function prescanError(source: string, stats: PrescanStats): LoadError | null {
  if (source.length > MAX_DOCUMENT_TEXT) {
    const found = `${source.length} characters`;
    const expected = `at most ${MAX_DOCUMENT_TEXT} characters (a 10,000-tenant design is about 60 MB)`;
    return { path: '$', found, expected, message: `$: found ${found}; expected ${expected}.` };
  }
  const f = prescanJson(source, MAX_DEPTH, { maxItems: MAX_LIST_ITEMS, maxValues: MAX_VALUES }, stats);
  if (!f) return null;
  const { line, column } = lineColumn(source, f.offset);
  const where = formatPath(f.path);
  return { path: where, line, column, found: f.found, expected: f.expected, message: `${where} (line ${line}, column ${column}): found ${f.found}; expected ${f.expected}.` };
}

function jsonSyntaxError(source: string, e: unknown): LoadError {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  const pos = m ? Number(m[1]) : source.length;
  const { line, column } = lineColumn(source, pos);
  const found = source.trim() === '' ? 'an empty file' : `invalid JSON (${msg.replace(/^JSON\.parse: /, '')})`;
  return {
    path: '$',
    line,
    column,
    found,
    expected: 'a JSON document (a mailflow-topology file)',
    message: `line ${line}, column ${column}: found ${found}; expected a JSON document (a mailflow-topology file).`,
  };
}

/**
 * Refuses prototype keys and absurd nesting before anything else looks at the value. Iterative, so
 * a hostile document cannot exhaust the stack; it tracks only depth and parent links (a path is
 * spelled out only for the error), so a large valid document costs one cheap pass.
 */
function findHostileShape(raw: unknown): LoadError | null {
  interface Frame {
    value: unknown;
    depth: number;
    parent: Frame | null;
    key: string | number | null;
  }
  const stack: Frame[] = [{ value: raw, depth: 0, parent: null, key: null }];
  const pathOf = (f: Frame, last?: string) => {
    const keys: Array<string | number> = last === undefined ? [] : [last];
    for (let x: Frame | null = f; x && x.key !== null; x = x.parent) keys.unshift(x.key);
    return formatPath(keys);
  };
  while (stack.length) {
    const frame = stack.pop()!;
    const value = frame.value;
    if (value === null || typeof value !== 'object') continue;
    if (frame.depth > MAX_DEPTH) {
      const where = pathOf(frame);
      return {
        path: where,
        found: `values nested deeper than ${MAX_DEPTH} levels`,
        expected: 'the shape of a mailflow-topology document',
        message: `${where}: found values nested deeper than ${MAX_DEPTH} levels; expected the shape of a mailflow-topology document.`,
      };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const v = value[i];
        if (v !== null && typeof v === 'object') stack.push({ value: v, depth: frame.depth + 1, parent: frame, key: i });
      }
    } else {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          const where = pathOf(frame, key);
          return {
            path: where,
            found: `the reserved key "${key}"`,
            expected: 'only the fields and ids the format defines',
            message: `${where}: found the reserved key "${key}"; expected only the fields and ids the format defines.`,
          };
        }
        const v = (value as Record<string, unknown>)[key];
        if (v !== null && typeof v === 'object') stack.push({ value: v, depth: frame.depth + 1, parent: frame, key });
      }
    }
  }
  return null;
}
