/**
 * Import of a real tenant from Exchange Online PowerShell JSON (issue 6).
 *
 * Input: the text of files written by `Get-AcceptedDomain | ConvertTo-Json`,
 * `Get-InboundConnector | ConvertTo-Json -Depth 5`, `Get-OutboundConnector …`, `Get-TransportRule …`
 * and `Get-OrganizationConfig …`. Each file's cmdlet is recognised from its objects' properties.
 * Output: one Tenant of format version 1, added to a document (an existing one or a new one), and an
 * import report listing every property that was not carried over and why.
 *
 * Nothing is half-done: any unreadable file makes the whole import fail with messages naming the
 * file, and the document is only returned after validation (`validateAddition`) accepted it.
 */
import { uniqueId } from '../model/ids';
import { entityIds } from '../model/integrity';
import { validateAddition, type LoadError } from '../model/load';
import { rootListLength } from '../model/prescan';
import {
  CURRENT_VERSION,
  hasAnyAction,
  FORMAT,
  type AcceptedDomain,
  type InboundConnector,
  type OutboundConnector,
  type RuleActions,
  type Server,
  type Tenant,
  type TopologyDocument,
  type TransportRule,
} from '../model/schema';
import { ACCEPTED_DOMAIN_TYPE, CONNECTOR_SOURCE, METADATA_PROPERTIES, RULE_MODE, TLS_AUTH_LEVEL, cmdletHint, detectCmdletFromKeys, type ExoCmdlet } from './cmdlets';
import { INBOUND_TABLE, OUTBOUND_TABLE, RULE_TABLE, readingOrder, setPath, type FieldTable } from './fields';
import type { ReadSink } from './readers';
import { parseExoJson } from './json';
import { DSC_HINT, GRAPH_HINT, isGraphSnapshot, looksLikeDsc, readDscExport, readGraphSnapshot } from './sources';
import { importExchangeCertificate, importSendConnector, type ExchangeCertificate, type OnPremContext } from './onprem';
import { PROPERTY_NOTES, type ImportReasonCode, type ReasonParams } from './messages';
import { reportEntry, type ImportEntry, type ImportFileReport, type ImportObjectReport, type ImportReport } from './report';
import { Props, asBool, asDomainPattern, asEnum, asList, asText, isEmptyValue, shortValue, type ExoObject } from './values';

export interface ExoFile {
  /** Shown in messages and in the report (a file name or path). */
  name: string;
  text: string;
}

export interface ImportOptions {
  tenantName: string;
  /** The document to add the tenant to; a new document when absent. */
  into?: TopologyDocument | null;
}

export interface ImportError {
  /** The file concerned; null for problems of the import as a whole. */
  file: string | null;
  line?: number;
  column?: number;
  /** A full sentence that starts with the file name. */
  message: string;
}

export type ImportResult =
  | { ok: true; document: TopologyDocument; tenant: Tenant; report: ImportReport }
  | { ok: false; errors: ImportError[] };

/** Suffix of an imported object the simulation cannot evaluate (format version 1 has no field for it). */
export const NOT_EVALUATED_SUFFIX = ' [not evaluated]';

// ---------------------------------------------------------------------------------------------
// Reading one file

export interface ExoFileContents {
  file: string;
  cmdlet: ExoCmdlet;
  objects: ExoObject[];
}

export type ReadFileResult = { ok: true; contents: ExoFileContents } | { ok: false; error: ImportError };

export type ReadSourceResult = { ok: true; contents: ExoFileContents[] } | { ok: false; error: ImportError };

/**
 * Reads one file of any supported shape, recognised by its content: a Microsoft365DSC export
 * (PowerShell), a Microsoft Graph tenant configuration snapshot (JSON with `resources`), or a
 * cmdlet's JSON (ConvertTo-Json or the admin API). A file with several kinds gives several contents.
 */
export function readExoSource(file: ExoFile): ReadSourceResult {
  if (looksLikeDsc(file.text)) {
    const r = readDscExport(file.text);
    if (!r.ok) {
      const where = r.line !== undefined ? `line ${r.line}, column ${r.column}: ` : '';
      return { ok: false, error: { file: file.name, line: r.line, column: r.column, message: `${file.name}: ${where}${r.problem}; expected ${DSC_HINT}.` } };
    }
    return { ok: true, contents: r.groups.map((g) => ({ file: file.name, cmdlet: g.cmdlet, objects: g.objects })) };
  }
  const parsed = parseFile(file);
  if (!parsed.ok) return parsed;
  if (isGraphSnapshot(parsed.value)) {
    const r = readGraphSnapshot(parsed.value);
    if (!r.ok) return fail(file.name, `${file.name}: ${r.problem}; expected ${GRAPH_HINT}.`);
    return { ok: true, contents: r.groups.map((g) => ({ file: file.name, cmdlet: g.cmdlet, objects: g.objects })) };
  }
  const single = cmdletContents(file, parsed.value);
  return single.ok ? { ok: true, contents: [single.contents] } : single;
}

/** Parses one file and recognises the cmdlet that wrote it. */
export function readExoFile(file: ExoFile): ReadFileResult {
  const parsed = parseFile(file);
  return parsed.ok ? cmdletContents(file, parsed.value) : parsed;
}

/** The file's JSON without the admin API's annotations, or the error naming the place. */
function parseFile(file: ExoFile): { ok: true; value: unknown } | { ok: false; error: ImportError } {
  // Counted before parsing: no cmdlet's file holds more objects than a tenant may have of a kind.
  const listed = rootListLength(file.text, MAX_IMPORTED_PER_KIND + 1);
  if (listed !== null && listed > MAX_IMPORTED_PER_KIND) {
    return fail(file.name, `${file.name}: more than ${MAX_IMPORTED_PER_KIND} objects; a tenant holds at most ${MAX_IMPORTED_PER_KIND} of each kind (nothing was imported).`);
  }
  const parsed = parseExoJson(file.text);
  if (!parsed.ok) {
    const e = parsed.error;
    const guess = detectCmdletFromKeys(e.keysSeen);
    if (e.problem === 'the file is empty') {
      return fail(file.name, `${file.name}: the file is empty; expected ${cmdletHint(null)}.`);
    }
    return {
      ok: false,
      error: {
        file: file.name,
        line: e.line,
        column: e.column,
        message: `${file.name}: line ${e.line}, column ${e.column}: ${e.problem}; expected ${cmdletHint(guess)}.`,
      },
    };
  }
  return { ok: true, value: containsAnnotations(parsed.value) ? withoutAnnotations(parsed.value) : parsed.value };
}

/** The objects of one cmdlet's output, recognised from their properties. */
function cmdletContents(file: ExoFile, v: unknown): ReadFileResult {
  let items: unknown[];
  if (Array.isArray(v)) items = v;
  else if (v && typeof v === 'object' && Array.isArray((v as ExoObject).value) && ('Count' in (v as ExoObject) || Object.keys(v).length === 1)) {
    // `ConvertTo-Json -InputObject $list` in Windows PowerShell 5.1 writes {"value": [...], "Count": n};
    // the admin API answers {"@odata.context": …, "value": [...]} (its annotations removed above).
    items = (v as ExoObject).value as unknown[];
  } else items = [v];

  if (items.length === 0) {
    return fail(file.name, `${file.name}: the file holds an empty list, so there is nothing to import and no way to tell which cmdlet wrote it; expected ${cmdletHint(null)}.`);
  }
  let cmdlet: ExoCmdlet | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const where = items.length > 1 || Array.isArray(v) ? `item ${i + 1}` : 'the object';
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      return fail(file.name, `${file.name}: ${where} is ${describe(item)}, not an object; expected ${cmdletHint(cmdlet)}.`);
    }
    const keys = new Set(Object.keys(item).map((k) => k.toLowerCase()));
    const detected = detectCmdletFromKeys(keys);
    if (!detected) {
      return fail(
        file.name,
        `${file.name}: ${where} has none of the properties that identify an accepted domain, connector, mail flow rule or organization configuration; expected ${cmdletHint(cmdlet)}.`,
      );
    }
    if (cmdlet && detected !== cmdlet) {
      return fail(
        file.name,
        `${file.name}: ${where} looks like output of ${detected}, but the items before it came from ${cmdlet}; expected one cmdlet's output per file.`,
      );
    }
    cmdlet = detected;
  }
  return { ok: true, contents: { file: file.name, cmdlet: cmdlet!, objects: items as ExoObject[] } };
}

/**
 * OData annotations of the Exchange Online admin API (the REST endpoint behind the
 * ExchangeOnlineManagement module, https://outlook.office365.com/adminapi/beta/<tenant>/InvokeCommand;
 * described in michev.info, "All you need to know about Exchange Online Admin API"): the response's
 * "@odata.context" / "@odata.nextLink", and per property "Priority@data.type": "System.Int32",
 * "Conditions@odata.type": "#Collection(String)". They describe a value's type, never the
 * configuration, so they are not properties.
 */
const ANNOTATION = /^@|@(odata|data)\./i;

function containsAnnotations(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsAnnotations);
  if (value && typeof value === 'object') return Object.keys(value).some((k) => ANNOTATION.test(k) || containsAnnotations((value as ExoObject)[k]));
  return false;
}

function withoutAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAnnotations);
  if (!value || typeof value !== 'object') return value;
  const out: ExoObject = {};
  for (const [k, v] of Object.entries(value)) if (!ANNOTATION.test(k)) out[k] = withoutAnnotations(v);
  return out;
}

function fail(file: string, message: string): { ok: false; error: ImportError } {
  return { ok: false, error: { file, message } };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${shortValue(JSON.stringify(value), 40)}`;
  return `a ${typeof value}`;
}

// ---------------------------------------------------------------------------------------------
// The import

export function importExoFiles(files: readonly ExoFile[], options: ImportOptions): ImportResult {
  const tenantName = options.tenantName.trim();
  if (!tenantName) return { ok: false, errors: [{ file: null, message: 'A tenant name is needed (--tenant-name).' }] };
  if (files.length === 0) {
    return { ok: false, errors: [{ file: null, message: `No files to import; expected ${cmdletHint(null)}.` }] };
  }

  const contents: ExoFileContents[] = [];
  const errors: ImportError[] = [];
  for (const f of files) {
    const r = readExoSource(f);
    if (r.ok) contents.push(...r.contents);
    else errors.push(r.error);
  }
  if (errors.length) return { ok: false, errors };
  // Counted before anything is imported: a file of 200,000 rules is refused in milliseconds, not
  // after minutes of work (format version 1 allows 10,000 of each per tenant).
  const tooMany = countLimitErrors(contents, options.into ?? null);
  if (tooMany.length) return { ok: false, errors: tooMany };

  // `into` is read, never changed (the result shares its objects), so it needs no copy.
  const base: TopologyDocument = options.into ?? { format: FORMAT, version: CURRENT_VERSION, title: tenantName, tenants: [], servers: [], scenarios: [] };
  const ids = new IdAllocator(entityIds(base));
  const tenantId = ids.take(slug(tenantName) || 'tenant');

  const tenant: Tenant = {
    id: tenantId,
    name: tenantName,
    acceptedDomains: [],
    recipients: [],
    rejectDirectSend: false,
    inboundConnectors: [],
    outboundConnectors: [],
    transportRules: [],
  };
  const fileReports: ImportFileReport[] = [];
  // Accepted domains first, so rules and connectors see them, whatever order the files came in.
  // Certificates before send connectors, which pick the certificate each server presents.
  const order: ExoCmdlet[] = [
    'Get-AcceptedDomain', 'Get-OrganizationConfig', 'Get-InboundConnector', 'Get-OutboundConnector', 'Get-TransportRule',
    'Get-ExchangeCertificate', 'Get-SendConnector',
  ];
  const sorted = [...contents].sort((a, b) => order.indexOf(a.cmdlet) - order.indexOf(b.cmdlet));
  const ctx: Ctx = { tenant, ids, tenantId, names: new Set(), maxPriority: -1, certificates: [], servers: [] };
  for (const c of sorted) {
    const objects = c.objects.map((o) => importObject(c.cmdlet, new Props(o), ctx));
    fileReports.push({ file: c.file, cmdlet: c.cmdlet, objects });
  }
  // Keep the user's file order in the report.
  const fileOrder = new Map(contents.map((c, i) => [c.file, i] as const));
  fileReports.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0));

  // Only what the import adds is validated: `into` is a validated document already (the CLI loaded
  // it, the app holds it), and validating all of it again took seconds for 140,000 entities.
  const validated = validateAddition(base, { tenants: [tenant], servers: ctx.servers, positions: layoutTenant(tenant, base, ctx.servers) });
  if (!validated.ok) {
    return {
      ok: false,
      errors: validated.errors.map((e: LoadError) => ({
        file: null,
        message: `The imported tenant "${tenantName}" does not fit the document: ${e.message}`,
      })),
    };
  }
  const finalTenant = validated.document.tenants[validated.document.tenants.length - 1];

  const all = fileReports.flatMap((f) => f.objects);
  const report: ImportReport = {
    tenantId,
    tenantName,
    files: fileReports,
    counts: {
      acceptedDomains: finalTenant.acceptedDomains.length,
      inboundConnectors: finalTenant.inboundConnectors.length,
      outboundConnectors: finalTenant.outboundConnectors.length,
      transportRules: finalTenant.transportRules.length,
      servers: ctx.servers.length,
      unmodelled: all.filter((o) => o.outcome === 'unmodelled').length,
      skipped: all.filter((o) => o.outcome === 'skipped').length,
      entries: all.reduce((n, o) => n + o.entries.length, 0),
    },
  };
  return { ok: true, document: validated.document, tenant: finalTenant, report };
}

interface Ctx {
  tenant: Tenant;
  ids: IdAllocator;
  tenantId: string;
  /** `kind:lower-cased name` of every object imported so far, so a duplicate is found in O(1). */
  names: Set<string>;
  /** The highest rule priority so far (-1: none). */
  maxPriority: number;
  /** Get-ExchangeCertificate's certificates, for the send connectors' servers. */
  certificates: ExchangeCertificate[];
  /** On-premises servers made from Get-SendConnector. */
  servers: Server[];
}

function onPremContext(ctx: Ctx): OnPremContext {
  return {
    tenant: ctx.tenant,
    certificates: ctx.certificates,
    servers: ctx.servers,
    takeId: (wanted) => ctx.ids.take(wanted),
    slug,
    seenName: (kind, name) => seenName(ctx, kind, name),
  };
}

/** Whether `kind:name` was already imported; records it otherwise. */
function seenName(ctx: Ctx, kind: string, name: string): boolean {
  const key = `${kind}:${name.toLowerCase()}`;
  if (ctx.names.has(key)) return true;
  ctx.names.add(key);
  return false;
}

/** Per tenant, format version 1 holds at most this many of each (shared/model/schema.ts). */
export const MAX_IMPORTED_PER_KIND = 10_000;

function countLimitErrors(contents: readonly ExoFileContents[], into: TopologyDocument | null): ImportError[] {
  const counts = new Map<ExoCmdlet, number>();
  for (const c of contents) counts.set(c.cmdlet, (counts.get(c.cmdlet) ?? 0) + c.objects.length);
  const what: Array<[ExoCmdlet, string]> = [
    ['Get-AcceptedDomain', 'accepted domains'],
    ['Get-InboundConnector', 'inbound connectors'],
    ['Get-OutboundConnector', 'outbound connectors'],
    ['Get-TransportRule', 'mail flow rules'],
  ];
  const errors: ImportError[] = [];
  for (const [cmdlet, label] of what) {
    const n = counts.get(cmdlet) ?? 0;
    if (n > MAX_IMPORTED_PER_KIND) {
      const file = contents.find((c) => c.cmdlet === cmdlet)?.file ?? null;
      errors.push({ file, message: `${file ?? cmdlet}: ${n} ${label}; a tenant holds at most ${MAX_IMPORTED_PER_KIND} (nothing was imported).` });
    }
  }
  if (into && into.tenants.length >= 100_000) {
    errors.push({ file: null, message: `The document already has ${into.tenants.length} tenants, the most a document holds (nothing was imported).` });
  }
  return errors;
}

function importObject(cmdlet: ExoCmdlet, p: Props, ctx: Ctx): ImportObjectReport {
  switch (cmdlet) {
    case 'Get-AcceptedDomain':
      return importAcceptedDomain(p, ctx);
    case 'Get-InboundConnector':
      return importConnector(p, ctx, INBOUND);
    case 'Get-OutboundConnector':
      return importConnector(p, ctx, OUTBOUND);
    case 'Get-TransportRule':
      return importTransportRule(p, ctx);
    case 'Get-OrganizationConfig':
      return importOrganizationConfig(p, ctx);
    case 'Get-ExchangeCertificate':
      return importExchangeCertificate(p, onPremContext(ctx));
    case 'Get-SendConnector':
      return importSendConnector(p, onPremContext(ctx));
  }
}

// ---------------------------------------------------------------------------------------------
// Leftover properties: everything the mapping did not read goes into the report.

/** Values that are the property's default and say nothing about this object's configuration. */
const DEFAULT_VALUES: Record<string, (v: unknown) => boolean> = {
  connectorsource: (v) => asEnum(v, CONNECTOR_SOURCE) === 'Default',
  addressbookenabled: (v) => v === true,
  authenticationtype: (v) => /^(managed|0)$/i.test(String(v)),
  liveidinstancetype: (v) => /^(business|1)$/i.test(String(v)),
  senderaddresslocation: (v) => String(v).toLowerCase() === 'header',
  ruleerroraction: (v) => /^(ignore|0)$/i.test(String(v)),
  recipientaddresstype: (v) => /^(resolved)$/i.test(String(v)),
  applyhtmldisclaimerfallbackaction: (v) => /^(wrap)$/i.test(String(v)),
  mode: (v) => asEnum(v, RULE_MODE) === 'Enforce',
};

/** Enum values shown by name in the report even when the file has numbers. */
const DISPLAY: Record<string, (v: unknown) => string | null> = {
  tlssettings: (v) => asEnum(v, TLS_AUTH_LEVEL),
  connectorsource: (v) => asEnum(v, CONNECTOR_SOURCE),
};

/** How a leftover property is explained; null for the per-property note (or the generic reason). */
type LeftoverReason = { code: ImportReasonCode; params?: ReasonParams } | null;

function leftovers(p: Props, entries: ImportEntry[], reasonFor?: (lowerKey: string, key: string, value: unknown) => LeftoverReason): string[] {
  const unmapped: string[] = [];
  for (const key of p.keys()) {
    if (p.used.has(key)) continue;
    const lower = key.toLowerCase();
    if (METADATA_PROPERTIES.has(lower)) continue;
    const value = p.raw[key];
    if (isEmptyValue(value)) continue;
    if (DEFAULT_VALUES[lower]?.(value)) continue;
    unmapped.push(key);
    // Why a property the model has no field for matters: shared/exo/messages.ts PROPERTY_NOTES.
    const reason: NonNullable<LeftoverReason> =
      reasonFor?.(lower, key, value) ?? (Object.hasOwn(PROPERTY_NOTES, lower) ? { code: 'property-note', params: { property: lower } } : { code: 'not-in-model' });
    entries.push(reportEntry(key, shortValue(DISPLAY[lower]?.(value) ?? value), reason.code, reason.params));
  }
  return unmapped;
}

function nameOf(p: Props, fallback: string): string {
  const name = asText(p.get('Name'));
  return name && name.trim() ? name.trim() : fallback;
}

// ---------------------------------------------------------------------------------------------
// Accepted domains

function importAcceptedDomain(p: Props, ctx: Ctx): ImportObjectReport {
  const entries: ImportEntry[] = [];
  const rawDomain = p.get('DomainName');
  const pattern = asDomainPattern(rawDomain);
  const name = asText(p.get('Name')) ?? shortValue(rawDomain);
  if (!pattern || pattern === '*') {
    entries.push(reportEntry('DomainName', shortValue(rawDomain), 'domain-not-a-domain-name'));
    return { name, entityId: null, outcome: 'skipped', entries };
  }
  // An accepted domain written "*.contoso.com" is the domain with its subdomains.
  const wildcard = pattern.startsWith('*.');
  const domainName = wildcard ? pattern.slice(2) : pattern;
  if (name !== domainName && name !== pattern) {
    entries.push(reportEntry('Name', shortValue(name), 'domain-object-name'));
  }

  const rawType = p.get('DomainType');
  const type = asEnum(rawType, ACCEPTED_DOMAIN_TYPE);
  let domainType: AcceptedDomain['domainType'];
  const outcome: ImportObjectReport['outcome'] = 'imported';
  if (type === 'Authoritative' || type === 'InternalRelay') domainType = type;
  else if (type === 'ExternalRelay') {
    // ExternalRelay is not in format version 1. InternalRelay behaves the same for attribution (the
    // domain is accepted) and, since the import lists no recipients, for routing too: every recipient
    // of the domain leaves through the tenant's outbound connector ("Manage accepted domains").
    domainType = 'InternalRelay';
    entries.push(reportEntry('DomainType', 'ExternalRelay', 'domain-external-relay'));
  } else {
    entries.push(reportEntry('DomainType', shortValue(rawType), 'domain-type-unknown'));
    return { name: domainName, entityId: null, outcome: 'skipped', entries };
  }

  let matchSubDomains = asBool(p.get('MatchSubDomains')) === true || wildcard;
  if (matchSubDomains && domainType !== 'InternalRelay') {
    // Set-AcceptedDomain: MatchSubDomains is only valid on InternalRelay domains.
    entries.push(reportEntry('MatchSubDomains', 'True', 'domain-subdomains-authoritative'));
    matchSubDomains = false;
  }
  if (seenName(ctx, 'domain', domainName)) {
    entries.push(reportEntry('DomainName', domainName, 'domain-duplicate'));
    leftovers(p, entries);
    return { name: domainName, entityId: null, outcome: 'skipped', entries };
  }
  ctx.tenant.acceptedDomains.push({ domainName, domainType, matchSubDomains });
  leftovers(p, entries);
  return { name: domainName, entityId: null, outcome, entries };
}

// ---------------------------------------------------------------------------------------------
// Organization configuration

function importOrganizationConfig(p: Props, ctx: Ctx): ImportObjectReport {
  const entries: ImportEntry[] = [];
  const name = nameOf(p, 'Organization configuration');
  if (!p.has('RejectDirectSend')) {
    entries.push(reportEntry('RejectDirectSend', '(absent)', 'org-reject-direct-send-absent'));
  } else {
    const raw = p.get('RejectDirectSend');
    const v = asBool(raw);
    if (v === null && raw !== null) {
      entries.push(reportEntry('RejectDirectSend', shortValue(raw), 'org-reject-direct-send-invalid'));
    }
    ctx.tenant.rejectDirectSend = v === true;
  }
  // Only RejectDirectSend concerns the modelled mail flow; listing the ~300 other organization
  // settings one by one would bury the report, so they are counted instead.
  const others = p.keys().filter((k) => !p.used.has(k) && !METADATA_PROPERTIES.has(k.toLowerCase()) && !isEmptyValue(p.raw[k]));
  if (others.length) {
    entries.push(reportEntry('(other properties)', `${others.length} set`, 'org-other-properties', { count: others.length }));
  }
  return { name, entityId: null, outcome: 'imported', entries };
}

// ---------------------------------------------------------------------------------------------
// Reading an object through its field table (fields.ts)

type NotEvaluated = (property: string, value: unknown, code: ImportReasonCode, params?: ReasonParams) => void;

/** Where the rows' converters report to. */
export interface RowIO {
  entries: ImportEntry[];
  /** A rule keeps what it cannot evaluate; connectors only report. */
  notEvaluated?: NotEvaluated;
  connectorId?: (name: string) => string | undefined;
}

/**
 * The design's fields of one object, read through a table in its reading order: each row's
 * converter gets the property's value, its report entries name the property, and the property
 * counts as read unless the converter leaves it for the report. Null when a required row gave
 * nothing (the rest of the object is left for the report).
 */
export function readFields<T>(p: Props, table: FieldTable<T>, io: RowIO): Record<string, unknown> | null {
  const entity: Record<string, unknown> = {};
  for (const row of readingOrder(table)) {
    let left = false;
    const sink: ReadSink = {
      report: (value, code, params) => io.entries.push(reportEntry(row.parameter, value, code, params)),
      notEvaluated: (value, code, params) =>
        io.notEvaluated ? io.notEvaluated(row.parameter, value, code, params) : io.entries.push(reportEntry(row.parameter, shortValue(value), code, params)),
      leave: () => {
        left = true;
      },
      connectorId: (name) => io.connectorId?.(name),
    };
    const value = row.read(p.peek(row.parameter), sink, entity);
    if (!left) p.get(row.parameter);
    if (value !== undefined && row.field) setPath(entity, row.field, value);
    else if (value === undefined && row.required) return null;
  }
  return entity;
}

// ---------------------------------------------------------------------------------------------
// Connectors

interface ConnectorKind<T extends InboundConnector | OutboundConnector> {
  table: FieldTable<T>;
  unnamed: string;
  /** `<tenant>-in-<name>` / `<tenant>-out-<name>`. */
  idPart: string;
  /** The name the id is made from. */
  idName: (name: string) => string;
  duplicate: ImportReasonCode;
  list: (t: Tenant) => T[];
}

const INBOUND: ConnectorKind<InboundConnector> = {
  table: INBOUND_TABLE,
  unnamed: '(unnamed inbound connector)',
  idPart: 'in',
  idName: (name) => name,
  duplicate: 'inbound-duplicate',
  list: (t) => t.inboundConnectors,
};

const OUTBOUND: ConnectorKind<OutboundConnector> = {
  table: OUTBOUND_TABLE,
  unnamed: '(unnamed outbound connector)',
  idPart: 'out',
  idName: (name) => name.replace(NOT_EVALUATED_SUFFIX, ''),
  duplicate: 'outbound-duplicate',
  list: (t) => t.outboundConnectors,
};

/** A connector whose type is neither OnPremises nor Partner, or whose name came before, is skipped. */
function importConnector<T extends InboundConnector | OutboundConnector>(p: Props, ctx: Ctx, kind: ConnectorKind<T>): ImportObjectReport {
  const entries: ImportEntry[] = [];
  const name = nameOf(p, kind.unnamed);
  const fields = readFields(p, kind.table, { entries });
  leftovers(p, entries);
  if (!fields) return { name, entityId: null, outcome: 'skipped', entries };
  if (seenName(ctx, kind.idPart === 'in' ? 'inbound' : 'outbound', name)) {
    entries.push(reportEntry('Name', name, kind.duplicate));
    return { name, entityId: null, outcome: 'skipped', entries };
  }
  const connector = { ...fields, id: ctx.ids.take(`${ctx.tenantId}-${kind.idPart}-${slug(kind.idName(name)) || 'connector'}`), name } as T;
  kind.list(ctx.tenant).push(connector);
  return { name, entityId: connector.id, outcome: connector.enabled ? 'imported' : 'disabled', entries };
}

// ---------------------------------------------------------------------------------------------
// Mail flow rules

/** New-TransportRule parameters that are actions (the rest, apart from ExceptIf…, are conditions or settings). */
const RULE_ACTIONS = new Set(
  [
    'AddManagerAsRecipientType', 'AddToRecipients', 'ApplyClassification', 'ApplyHtmlDisclaimerFallbackAction',
    'ApplyHtmlDisclaimerLocation', 'ApplyHtmlDisclaimerText', 'ApplyOME', 'ApplyRightsProtectionCustomizationTemplate',
    'ApplyRightsProtectionTemplate', 'BlindCopyTo', 'CopyTo', 'DeleteMessage', 'Disconnect', 'GenerateIncidentReport',
    'GenerateNotification', 'IncidentReportContent', 'IncidentReportOriginalMail', 'LogEventText', 'ModerateMessageByManager',
    'ModerateMessageByUser', 'NotifySender', 'PrependSubject', 'Quarantine', 'RedirectMessageTo',
    'RejectMessageEnhancedStatusCode', 'RejectMessageReasonText', 'RemoveHeader', 'RemoveOME', 'RemoveOMEv2',
    'RemoveRMSAttachmentEncryption', 'RouteMessageOutboundConnector', 'RouteMessageOutboundRequireTls', 'SetAuditSeverity',
    'SetHeaderName', 'SetHeaderValue', 'SetSCL', 'SmtpRejectMessageRejectStatusCode', 'SmtpRejectMessageRejectText',
    'StopRuleProcessing',
  ].map((k) => k.toLowerCase()),
);
/** Rule settings that are neither conditions nor actions and do not stop the simulation from evaluating it. */
const RULE_SETTINGS_REPORT_ONLY = new Set(['ruleerroraction', 'recipientaddresstype']);

/**
 * The predicate and action class names a rule lists in Conditions/Exceptions/Actions, reduced to
 * the parameter they stand for ("…Rules.Tasks.SentToScopePredicate" → "senttoscope").
 */
function listedParts(value: unknown): string[] {
  return asList(value)
    .map((x) => (typeof x === 'string' ? x : asText((x as ExoObject | null)?.Name ?? (x as ExoObject | null)?.name)))
    .filter((x): x is string => !!x)
    .map((x) => x.split('.').pop()!.replace(/(Predicate|Action)$/i, '').toLowerCase());
}
/** Listed class names that correspond to what the model maps. */
const MODELLED_PARTS = new Set([
  'routemessageoutboundconnector',
  'senttoscope', 'recipientdomainis', 'senderdomainis', 'fromscope', 'rejectmessage', 'deletemessage',
  'redirectmessage', 'redirectmessageto', 'setheader', 'stopruleprocessing', 'rejectmessagereasontext',
  'rejectmessageenhancedstatuscode',
]);

/** What a rule keeps as it is: conditions it cannot evaluate, and actions that do not route. */
interface KeptParts {
  unmodelled: Array<{ name: string; value?: unknown }>;
  otherActions: Array<{ name: string; value?: unknown }>;
}

function importTransportRule(p: Props, ctx: Ctx): ImportObjectReport {
  const entries: ImportEntry[] = [];
  const name = nameOf(p, '(unnamed rule)');
  /**
   * Conditions (and exceptions, test mode, time windows) the simulation cannot evaluate, kept as
   * they are in `unmodelledConditions`: the engine then skips the rule and says so in the trace.
   * The rule keeps its name and its state (issue 16: the design simulates what the tenant does).
   */
  const kept: KeptParts = { unmodelled: [], otherActions: [] };
  const notEvaluated: NotEvaluated = (property, value, code, params) => {
    if (!kept.unmodelled.some((u) => u.name === property)) kept.unmodelled.push({ name: property, value: keptValue(value) });
    entries.push(reportEntry(property, shortValue(value), code, params));
  };
  // RouteMessageOutboundConnector names a connector of this tenant (imported before the rules).
  const connectorId = (target: string) => ctx.tenant.outboundConnectors.find((c) => c.name.toLowerCase() === target.toLowerCase())?.id;
  const fields = readFields(p, RULE_TABLE, { entries, notEvaluated, connectorId }) as Partial<TransportRule>;
  keepTheRest(p, entries, kept);

  const actions: RuleActions = { ...fields.actions };
  if (kept.otherActions.length) actions.otherActions = kept.otherActions;
  if (!hasAnyAction(actions)) {
    // Exchange requires an action; a record without one still runs in the tenant as nothing.
    actions.otherActions = [{ name: 'None' }];
    entries.push(reportEntry('(actions)', '(none)', 'rule-no-action-kept'));
  }
  let outcome: ImportObjectReport['outcome'] = fields.enabled === false ? 'disabled' : 'imported';
  if (kept.unmodelled.length) {
    outcome = 'unmodelled';
    entries.push(reportEntry('(rule)', name, 'rule-unmodelled', { parts: unique(kept.unmodelled.map((u) => u.name)).join(', ') }));
  }

  if (seenName(ctx, 'rule', name)) {
    entries.push(reportEntry('Name', name, 'rule-duplicate'));
    return { name, entityId: null, outcome: 'skipped', entries };
  }
  const exceptions = fields.exceptions ?? {};
  const rule: TransportRule = {
    ...fields,
    id: ctx.ids.take(`${ctx.tenantId}-rule-${slug(name) || 'rule'}`),
    name,
    priority: fields.priority ?? ctx.maxPriority + 1,
    enabled: fields.enabled !== false,
    conditions: fields.conditions ?? {},
    ...(Object.keys(exceptions).length ? { exceptions } : {}),
    actions,
    ...(kept.unmodelled.length ? { unmodelledConditions: kept.unmodelled.slice(0, 100) } : {}),
  };
  if (rule.actions.otherActions) rule.actions.otherActions = rule.actions.otherActions.slice(0, 100);
  ctx.tenant.transportRules.push(rule);
  ctx.maxPriority = Math.max(ctx.maxPriority, rule.priority);
  return { name, entityId: rule.id, outcome, entries };
}

/**
 * Whatever else is set is a condition, exception or action the model does not evaluate. Actions
 * that do not route (PrependSubject, SetAuditSeverity…) are kept in otherActions and the rule still
 * runs; conditions and exceptions are kept in unmodelledConditions. Then the parts the rule lists
 * only by class name.
 */
function keepTheRest(p: Props, entries: ImportEntry[], kept: KeptParts): void {
  leftovers(p, entries, (lower, key, value) => {
    if (RULE_SETTINGS_REPORT_ONLY.has(lower)) return null;
    if (RULE_ACTIONS.has(lower)) {
      kept.otherActions.push({ name: key, value: keptValue(value) });
      return { code: 'rule-other-action' };
    }
    kept.unmodelled.push({ name: key, value: keptValue(value) });
    return { code: 'rule-unmodelled-part', params: { kind: lower.startsWith('exceptif') ? 'exception' : 'condition' } };
  });
  // Conditions/Exceptions/Actions name the rule's parts; one that no property above accounted for
  // (for example a value ConvertTo-Json cut off at its depth) is kept by its name.
  listedOnlyParts(p, kept.unmodelled, kept.otherActions, entries);
}

/** A property's value as the design keeps it: `{value, Count}` lists as plain lists, enums by name. */
function keptValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as ExoObject).value)) return asList(value);
  return value;
}

/** Parts listed only by class name in Conditions/Exceptions/Actions (their property is absent). */
function listedOnlyParts(
  p: Props,
  unmodelled: Array<{ name: string; value?: unknown }>,
  otherActions: Array<{ name: string; value?: unknown }>,
  entries: ImportEntry[],
): void {
  const seen = new Set(p.keys().filter((k) => !isEmptyValue(p.raw[k])).map((k) => k.toLowerCase()));
  for (const u of [...unmodelled, ...otherActions]) seen.add(u.name.toLowerCase());
  for (const listName of ['Conditions', 'Exceptions', 'Actions']) {
    for (const part of listedParts(p.get(listName))) {
      const key = listName === 'Exceptions' ? `exceptif${part}` : part;
      // A property named after the part, or longer (SetHeader → SetHeaderName); never a shorter one
      // ("Mode" is not the property of a ModerateMessageByUser action).
      if (MODELLED_PARTS.has(part) || [...seen].some((s) => s.startsWith(key))) continue;
      seen.add(key);
      if (listName === 'Actions') {
        otherActions.push({ name: part });
        entries.push(reportEntry(listName, part, 'rule-listed-other-action'));
      } else {
        unmodelled.push({ name: key });
        entries.push(reportEntry(listName, part, 'rule-listed-unmodelled', { kind: listName === 'Exceptions' ? 'exception' : 'condition' }));
      }
    }
  }
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

// ---------------------------------------------------------------------------------------------
// Ids and layout

/** Lower-case letters, digits and hyphens, as the format's ids allow; at most 60 characters. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** Ids unique across the document: the model's one allocator (shared/model/ids.ts) over every id in use. */
class IdAllocator {
  constructor(private readonly taken: Set<string>) {}

  take(wanted: string): string {
    return uniqueId(this.taken, wanted);
  }
}

const GRID_X = 240;
const GRID_Y = 140;

/**
 * A simple grid below whatever the document already shows: the tenant, then a row of inbound
 * connectors, a row of outbound connectors and a row of rules. The app's auto layout can redo it.
 */
function layoutTenant(t: Tenant, base: TopologyDocument, servers: readonly Server[]): Record<string, { x: number; y: number }> {
  // A loop, not Math.max(...list): spreading 140,000 positions overflows the call stack.
  // for…in, not Object.values: no list of 140,000 values (V8 keeps such an object as a dictionary).
  let lowest = -Infinity;
  const positions = base.view?.positions ?? {};
  for (const key in positions) {
    if (!Object.hasOwn(positions, key)) continue;
    const y = positions[key].y;
    if (y > lowest) lowest = y;
  }
  const top = lowest === -Infinity ? 80 : lowest + GRID_Y * 2;
  const left = 40;
  const out: Record<string, { x: number; y: number }> = { [t.id]: { x: left, y: top } };
  const rows = [t.inboundConnectors, t.outboundConnectors, t.transportRules, servers];
  rows.forEach((row, r) => {
    row.forEach((entity, i) => {
      out[entity.id] = { x: left + GRID_X * i, y: top + GRID_Y * (r + 1) };
    });
  });
  return out;
}
