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
 * file, and the document is only returned after `validateDocument` accepted it.
 */
import { entityPaths } from '../model/integrity';
import { validateDocument, type LoadError } from '../model/load';
import {
  CURRENT_VERSION,
  FORMAT,
  patterns,
  type AcceptedDomain,
  type InboundConnector,
  type OutboundConnector,
  type RuleActions,
  type RuleConditions,
  type RuleExceptions,
  type Tenant,
  type TopologyDocument,
  type TransportRule,
} from '../model/schema';
import {
  ACCEPTED_DOMAIN_TYPE,
  CONNECTOR_SOURCE,
  CONNECTOR_TYPE,
  FROM_USER_SCOPE,
  METADATA_PROPERTIES,
  RULE_MODE,
  RULE_STATE,
  SENDER_ADDRESS_LOCATION_NAMES,
  TLS_AUTH_LEVEL,
  TO_USER_SCOPE,
  cmdletHint,
  detectCmdletFromKeys,
  type ExoCmdlet,
} from './cmdlets';
import { parseExoJson } from './json';
import type { ImportEntry, ImportFileReport, ImportObjectReport, ImportReport } from './report';
import {
  Props,
  asBool,
  asCertificateName,
  asDomainPattern,
  asEnum,
  asList,
  asPlainDomain,
  asText,
  ipEntryToCidrs,
  isEmail,
  isEmptyValue,
  shortValue,
  type ExoObject,
} from './values';

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
/** The header a not-evaluated rule stamps when none of its actions is in the model (it is disabled, so it never does). */
export const PLACEHOLDER_HEADER = 'X-MailflowStudio-Not-Evaluated';

// ---------------------------------------------------------------------------------------------
// Reading one file

export interface ExoFileContents {
  file: string;
  cmdlet: ExoCmdlet;
  objects: ExoObject[];
}

export type ReadFileResult = { ok: true; contents: ExoFileContents } | { ok: false; error: ImportError };

/** Parses one file and recognises the cmdlet that wrote it. */
export function readExoFile(file: ExoFile): ReadFileResult {
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
  let items: unknown[];
  const v = parsed.value;
  if (Array.isArray(v)) items = v;
  else if (v && typeof v === 'object' && Array.isArray((v as ExoObject).value) && 'Count' in (v as ExoObject)) {
    // `ConvertTo-Json -InputObject $list` in Windows PowerShell 5.1 writes {"value": [...], "Count": n}.
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

function fail(file: string, message: string): ReadFileResult {
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
    const r = readExoFile(f);
    if (r.ok) contents.push(r.contents);
    else errors.push(r.error);
  }
  if (errors.length) return { ok: false, errors };

  const base: TopologyDocument = options.into
    ? structuredClone(options.into)
    : { format: FORMAT, version: CURRENT_VERSION, title: tenantName, tenants: [], servers: [], scenarios: [] };
  const ids = new IdAllocator(new Set(entityPaths(base).keys()));
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
  const order: ExoCmdlet[] = ['Get-AcceptedDomain', 'Get-OrganizationConfig', 'Get-InboundConnector', 'Get-OutboundConnector', 'Get-TransportRule'];
  const sorted = [...contents].sort((a, b) => order.indexOf(a.cmdlet) - order.indexOf(b.cmdlet));
  const ctx: Ctx = { tenant, ids, tenantId };
  for (const c of sorted) {
    const objects = c.objects.map((o) => importObject(c.cmdlet, new Props(o), ctx));
    fileReports.push({ file: c.file, cmdlet: c.cmdlet, objects });
  }
  // Keep the user's file order in the report.
  fileReports.sort((a, b) => contents.findIndex((c) => c.file === a.file) - contents.findIndex((c) => c.file === b.file));

  const doc: TopologyDocument = { ...base, tenants: [...base.tenants, tenant] };
  doc.view = { ...(base.view ?? {}), positions: { ...(base.view?.positions ?? {}), ...layoutTenant(tenant, base) } };

  const validated = validateDocument(doc);
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
      notEvaluated: all.filter((o) => o.outcome === 'not-evaluated').length,
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
}

function importObject(cmdlet: ExoCmdlet, p: Props, ctx: Ctx): ImportObjectReport {
  switch (cmdlet) {
    case 'Get-AcceptedDomain':
      return importAcceptedDomain(p, ctx);
    case 'Get-InboundConnector':
      return importInboundConnector(p, ctx);
    case 'Get-OutboundConnector':
      return importOutboundConnector(p, ctx);
    case 'Get-TransportRule':
      return importTransportRule(p, ctx);
    case 'Get-OrganizationConfig':
      return importOrganizationConfig(p, ctx);
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

/** Why a property that is not mapped matters, for the report; a generic reason otherwise. */
const REASONS: Record<string, string> = {
  associatedaccepteddomains: 'limits the connector to these accepted domains; the model applies a connector to all of its tenant\'s domains',
  trustedorganizations: 'cross-organization trust is not modelled',
  cloudservicesmailenabled: 'hybrid cross-premises headers (set by the Hybrid Configuration wizard); they do not change attribution in the model',
  treatmessagesasinternal: 'treating messages as internal is not modelled',
  efskipips: 'Enhanced Filtering for Connectors (which IP spam filtering looks at) is not modelled',
  efskiplastip: 'Enhanced Filtering for Connectors is not modelled',
  efusers: 'Enhanced Filtering for Connectors is not modelled',
  eftestmode: 'Enhanced Filtering for Connectors is not modelled',
  efskipmailgateway: 'Enhanced Filtering for Connectors is not modelled',
  scanandroprecipients: 'Enhanced Filtering for Connectors is not modelled',
  comment: 'a comment; the format has no field for it',
  comments: 'a comment; the format has no field for it',
  connectorsource: 'how the connector was created (for example by the Hybrid Configuration wizard); not modelled',
  tlssettings: 'outbound TLS requirements are not modelled (mail is routed as if TLS succeeds)',
  tlsdomain: 'outbound TLS requirements are not modelled',
  senderrewritingenabled: 'sender rewriting (SRS) is not modelled',
  testmode: 'connector test mode is not modelled',
  default: 'the default accepted domain; the format has no field for it',
  initialdomain: 'the tenant\'s initial *.onmicrosoft.com domain; not distinguished in the model',
  iscoexistencedomain: 'the hybrid coexistence (mail.onmicrosoft.com) domain; not distinguished in the model',
  outboundonly: 'an outbound-only domain is not modelled',
  addressbookenabled: 'recipient lookup (Directory-Based Edge Blocking) follows the domain type in the model',
  authenticationtype: 'a sign-in setting; unrelated to mail flow',
  liveidinstancetype: 'a sign-in setting; unrelated to mail flow',
  ruleerroraction: 'what Exchange does when the rule fails to process; not modelled',
  senderaddresslocation: 'the simulation reads the header From when the scenario gives one, else MAIL FROM',
};

function leftovers(p: Props, entries: ImportEntry[], reasonFor?: (lowerKey: string) => string | null): string[] {
  const unmapped: string[] = [];
  for (const key of p.keys()) {
    if (p.used.has(key)) continue;
    const lower = key.toLowerCase();
    if (METADATA_PROPERTIES.has(lower)) continue;
    const value = p.raw[key];
    if (isEmptyValue(value)) continue;
    if (DEFAULT_VALUES[lower]?.(value)) continue;
    unmapped.push(key);
    entries.push({
      property: key,
      value: shortValue(DISPLAY[lower]?.(value) ?? value),
      reason: reasonFor?.(lower) ?? REASONS[lower] ?? 'not part of the model (format version 1); left out',
    });
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
    entries.push({ property: 'DomainName', value: shortValue(rawDomain), reason: 'not a domain name; the accepted domain was not imported' });
    return { name, entityId: null, outcome: 'skipped', entries };
  }
  // An accepted domain written "*.contoso.com" is the domain with its subdomains.
  const wildcard = pattern.startsWith('*.');
  const domainName = wildcard ? pattern.slice(2) : pattern;
  if (name !== domainName && name !== pattern) {
    entries.push({ property: 'Name', value: shortValue(name), reason: 'the accepted domain object\'s name; the model names it by its domain' });
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
    entries.push({
      property: 'DomainType',
      value: 'ExternalRelay',
      reason:
        'ExternalRelay is not in format version 1; imported as InternalRelay, which the simulation treats the same way here (the domain is accepted, and with no recipients listed every recipient goes out through the outbound connector). The PowerShell export never changes an ExternalRelay domain.',
    });
  } else {
    entries.push({ property: 'DomainType', value: shortValue(rawType), reason: 'not Authoritative, InternalRelay or ExternalRelay; the accepted domain was not imported' });
    return { name: domainName, entityId: null, outcome: 'skipped', entries };
  }

  let matchSubDomains = asBool(p.get('MatchSubDomains')) === true || wildcard;
  if (matchSubDomains && domainType !== 'InternalRelay') {
    // Set-AcceptedDomain: MatchSubDomains is only valid on InternalRelay domains.
    entries.push({ property: 'MatchSubDomains', value: 'True', reason: 'only InternalRelay domains can match subdomains; left out for this Authoritative domain' });
    matchSubDomains = false;
  }
  if (ctx.tenant.acceptedDomains.some((d) => d.domainName.toLowerCase() === domainName.toLowerCase())) {
    entries.push({ property: 'DomainName', value: domainName, reason: 'the same domain appeared earlier in the import; this copy was not imported' });
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
    entries.push({
      property: 'RejectDirectSend',
      value: '(absent)',
      reason: 'this output has no RejectDirectSend (older module or tenant); left off in the design',
    });
  } else {
    const raw = p.get('RejectDirectSend');
    const v = asBool(raw);
    if (v === null && raw !== null) {
      entries.push({ property: 'RejectDirectSend', value: shortValue(raw), reason: 'not true or false; left off in the design' });
    }
    ctx.tenant.rejectDirectSend = v === true;
  }
  // Only RejectDirectSend concerns the modelled mail flow; listing the ~300 other organization
  // settings one by one would bury the report, so they are counted instead.
  const others = p.keys().filter((k) => !p.used.has(k) && !METADATA_PROPERTIES.has(k.toLowerCase()) && !isEmptyValue(p.raw[k]));
  if (others.length) {
    entries.push({
      property: '(other properties)',
      value: `${others.length} set`,
      reason: 'organization-wide settings other than RejectDirectSend do not take part in the modelled mail flow; not read',
    });
  }
  return { name, entityId: null, outcome: 'imported', entries };
}

// ---------------------------------------------------------------------------------------------
// Connectors

function connectorType(p: Props, entries: ImportEntry[]): InboundConnector['connectorType'] | null {
  const raw = p.get('ConnectorType');
  const t = asEnum(raw, CONNECTOR_TYPE);
  if (!t) entries.push({ property: 'ConnectorType', value: shortValue(raw), reason: 'not OnPremises or Partner, the connector kinds the model knows; the connector was not imported' });
  return t;
}

function enabledOf(p: Props, entries: ImportEntry[], what: string): boolean {
  const enabled = asBool(p.get('Enabled'));
  if (enabled === false) entries.push({ property: 'Enabled', value: 'False', reason: `the ${what} is disabled in Exchange Online; imported disabled` });
  return enabled !== false;
}

function domainList(p: Props, property: string, entries: ImportEntry[]): string[] {
  const out: string[] = [];
  for (const item of asList(p.get(property))) {
    const d = asDomainPattern(item);
    if (d) {
      if (!out.some((x) => x.toLowerCase() === d.toLowerCase())) out.push(d);
    } else entries.push({ property, value: shortValue(item), reason: 'not a domain, *.domain or *; this value was left out' });
  }
  return out;
}

function importInboundConnector(p: Props, ctx: Ctx): ImportObjectReport {
  const entries: ImportEntry[] = [];
  const name = nameOf(p, '(unnamed inbound connector)');
  const type = connectorType(p, entries);
  if (!type) {
    leftovers(p, entries);
    return { name, entityId: null, outcome: 'skipped', entries };
  }
  const enabled = enabledOf(p, entries, 'connector');

  const senderIPAddresses: string[] = [];
  for (const item of asList(p.get('SenderIPAddresses'))) {
    const r = ipEntryToCidrs(item);
    if (!r.ok) {
      entries.push({ property: 'SenderIPAddresses', value: shortValue(item), reason: `${r.reason}; this value was left out` });
      continue;
    }
    if (r.converted) {
      entries.push({
        property: 'SenderIPAddresses',
        value: shortValue(item),
        reason: `the range is not one CIDR block; converted to ${r.cidrs.length} block(s): ${shortValue(r.cidrs.join(', '), 120)}`,
      });
    }
    for (const c of r.cidrs) if (!senderIPAddresses.includes(c)) senderIPAddresses.push(c);
  }

  const rawCert = p.get('TlsSenderCertificateName');
  const tlsSenderCertificateName = asCertificateName(rawCert);
  if (tlsSenderCertificateName === null && !isEmptyValue(rawCert)) {
    entries.push({
      property: 'TlsSenderCertificateName',
      value: shortValue(rawCert),
      reason: 'not a certificate name the model can hold (a domain or *.domain); left out, so the connector matches by IP only',
    });
  }
  const senderDomains = domainList(p, 'SenderDomains', entries);
  const connector: InboundConnector = {
    id: '',
    name,
    connectorType: type,
    enabled,
    senderIPAddresses,
    tlsSenderCertificateName,
    requireTls: asBool(p.get('RequireTls')) === true,
    restrictDomainsToIPAddresses: asBool(p.get('RestrictDomainsToIPAddresses')) === true,
    restrictDomainsToCertificate: asBool(p.get('RestrictDomainsToCertificate')) === true,
    senderDomains: senderDomains.length ? senderDomains : ['*'],
  };
  leftovers(p, entries);
  if (ctx.tenant.inboundConnectors.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    entries.push({ property: 'Name', value: name, reason: 'an inbound connector of this name appeared earlier in the import; this copy was not imported' });
    return { name, entityId: null, outcome: 'skipped', entries };
  }
  connector.id = ctx.ids.take(`${ctx.tenantId}-in-${slug(name) || 'connector'}`);
  ctx.tenant.inboundConnectors.push(connector);
  return { name, entityId: connector.id, outcome: enabled ? 'imported' : 'disabled', entries };
}

/** SmartHosts: "mail.contoso.com", "[192.0.2.25]", "192.0.2.25", or {Domain/Address/IsIPAddress}. */
function smartHostOf(value: unknown): string | null {
  let text: string | null = null;
  if (typeof value === 'string') text = value;
  else if (value && typeof value === 'object') {
    const o = value as ExoObject;
    const domain = o.Domain;
    if (asBool(o.IsIPAddress) === true) text = asText(o.Address);
    else if (typeof domain === 'string') text = domain;
    else if (domain && typeof domain === 'object') text = asText((domain as ExoObject).HostnameString ?? (domain as ExoObject).Domain);
    text ??= asText(o.Address);
  }
  if (text === null) return null;
  const s = text.trim().replace(/^\[(.*)\]$/, '$1');
  return patterns.smartHost.test(s) ? s : null;
}

function importOutboundConnector(p: Props, ctx: Ctx): ImportObjectReport {
  const entries: ImportEntry[] = [];
  let name = nameOf(p, '(unnamed outbound connector)');
  const type = connectorType(p, entries);
  if (!type) {
    leftovers(p, entries);
    return { name, entityId: null, outcome: 'skipped', entries };
  }
  let enabled = enabledOf(p, entries, 'connector');
  let outcome: ImportObjectReport['outcome'] = enabled ? 'imported' : 'disabled';

  const smartHosts: string[] = [];
  for (const item of asList(p.get('SmartHosts'))) {
    const h = smartHostOf(item);
    if (h) smartHosts.push(h);
    else entries.push({ property: 'SmartHosts', value: shortValue(item), reason: 'not a host name or IPv4 address; this value was left out' });
  }
  const scoped = asBool(p.get('IsTransportRuleScoped')) === true;
  if (scoped) {
    // A connector scoped to transport rules is used only by rules that route through it
    // (RouteMessageOutboundConnector), which the model does not have; as an ordinary connector it
    // would capture mail it never sees in Exchange Online.
    entries.push({
      property: 'IsTransportRuleScoped',
      value: 'True',
      reason: 'used only by mail flow rules that route through it, which the simulation does not model; kept disabled and named "[not evaluated]"',
    });
    name += NOT_EVALUATED_SUFFIX;
    enabled = false;
    outcome = 'not-evaluated';
  }
  const connector: OutboundConnector = {
    id: '',
    name,
    connectorType: type,
    enabled,
    recipientDomains: domainList(p, 'RecipientDomains', entries),
    allAcceptedDomains: asBool(p.get('AllAcceptedDomains')) === true,
    useMXRecord: asBool(p.get('UseMXRecord')) === true,
    smartHosts,
    routeAllMessagesViaOnPremises: asBool(p.get('RouteAllMessagesViaOnPremises')) === true,
  };
  leftovers(p, entries);
  if (ctx.tenant.outboundConnectors.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    entries.push({ property: 'Name', value: name, reason: 'an outbound connector of this name appeared earlier in the import; this copy was not imported' });
    return { name, entityId: null, outcome: 'skipped', entries };
  }
  connector.id = ctx.ids.take(`${ctx.tenantId}-out-${slug(name.replace(NOT_EVALUATED_SUFFIX, '')) || 'connector'}`);
  ctx.tenant.outboundConnectors.push(connector);
  return { name, entityId: connector.id, outcome, entries };
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
const RULE_SETTINGS_REPORT_ONLY = new Set(['comments', 'ruleerroraction', 'recipientaddresstype', 'senderaddresslocation']);

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
  'senttoscope', 'recipientdomainis', 'senderdomainis', 'fromscope', 'rejectmessage', 'deletemessage',
  'redirectmessage', 'redirectmessageto', 'setheader', 'stopruleprocessing', 'rejectmessagereasontext',
  'rejectmessageenhancedstatuscode',
]);

function importTransportRule(p: Props, ctx: Ctx): ImportObjectReport {
  const entries: ImportEntry[] = [];
  let name = nameOf(p, '(unnamed rule)');
  /** Parts the simulation cannot evaluate, by property; the rule is kept but disabled when any. */
  const unevaluable: string[] = [];
  const notEvaluated = (property: string, value: unknown, reason: string) => {
    unevaluable.push(property);
    entries.push({ property, value: shortValue(value), reason });
  };

  const rawPriority = p.get('Priority');
  const priorityNumber = typeof rawPriority === 'string' && /^\d+$/.test(rawPriority) ? Number(rawPriority) : rawPriority;
  const priority =
    typeof priorityNumber === 'number' && Number.isInteger(priorityNumber) && priorityNumber >= 0 && priorityNumber <= 100_000 ? priorityNumber : null;
  if (priority === null) entries.push({ property: 'Priority', value: shortValue(rawPriority), reason: 'not a whole number from 0; the rule is placed after the others' });

  const rawState = p.get('State');
  const state = asEnum(rawState, RULE_STATE);
  let enabled = state !== 'Disabled';
  let outcome: ImportObjectReport['outcome'] = 'imported';
  if (state === 'Disabled') {
    entries.push({ property: 'State', value: 'Disabled', reason: 'the rule is disabled in Exchange Online; imported disabled' });
    outcome = 'disabled';
  } else if (state === null && rawState !== undefined && rawState !== null) {
    entries.push({ property: 'State', value: shortValue(rawState), reason: 'not Enabled or Disabled; imported as enabled' });
  }
  const rawMode = p.get('Mode');
  const mode = asEnum(rawMode, RULE_MODE);
  if (mode === 'Audit' || mode === 'AuditAndNotify') {
    // Test mode: Exchange evaluates the rule but does not enforce its actions ("Mail flow rule procedures").
    entries.push({ property: 'Mode', value: mode, reason: 'the rule is in test mode, so Exchange does not enforce its actions; imported disabled' });
    enabled = false;
    outcome = 'disabled';
  } else if (mode === null && rawMode !== undefined && rawMode !== null) {
    entries.push({ property: 'Mode', value: shortValue(rawMode), reason: 'not Audit, AuditAndNotify or Enforce; treated as Enforce' });
  }

  // Conditions.
  const conditions: RuleConditions = {};
  const exceptions: RuleExceptions = {};
  const sentTo = p.get('SentToScope');
  if (!isEmptyValue(sentTo)) {
    const s = asEnum(sentTo, TO_USER_SCOPE);
    if (s === 'InOrganization' || s === 'NotInOrganization') conditions.sentToScope = s;
    else notEvaluated('SentToScope', sentTo, 'only InOrganization and NotInOrganization are modelled');
  }
  const fromScope = p.get('FromScope');
  if (!isEmptyValue(fromScope)) {
    const s = asEnum(fromScope, FROM_USER_SCOPE);
    if (s) conditions.fromScope = s;
    else notEvaluated('FromScope', fromScope, 'not InOrganization or NotInOrganization');
  }
  const domains = (property: string): string[] | undefined => {
    const raw = p.get(property);
    const out: string[] = [];
    for (const item of asList(raw)) {
      const d = asPlainDomain(item);
      if (d) out.push(d);
      else notEvaluated(property, item, 'not a domain name the model can compare');
    }
    return out.length ? out : undefined;
  };
  const rd = domains('RecipientDomainIs');
  if (rd) conditions.recipientDomainIs = rd;
  const sd = domains('SenderDomainIs');
  if (sd) conditions.senderDomainIs = sd;
  const erd = domains('ExceptIfRecipientDomainIs');
  if (erd) exceptions.exceptIfRecipientDomainIs = erd;
  const esd = domains('ExceptIfSenderDomainIs');
  if (esd) exceptions.exceptIfSenderDomainIs = esd;

  // Actions.
  const actions: RuleActions = {};
  const reasonText = asText(p.get('RejectMessageReasonText'));
  if (reasonText) actions.rejectMessageReasonText = reasonText;
  const rawCode = p.get('RejectMessageEnhancedStatusCode');
  const code = asText(rawCode);
  if (code) {
    if (patterns.rejectStatusCode.test(code)) actions.rejectMessageEnhancedStatusCode = code;
    else notEvaluated('RejectMessageEnhancedStatusCode', rawCode, 'not 5.7.1 or 5.7.900-5.7.999');
  }
  if (asBool(p.get('DeleteMessage')) === true) actions.deleteMessage = true;
  const redirect: string[] = [];
  for (const item of asList(p.get('RedirectMessageTo'))) {
    const a = typeof item === 'string' ? item.replace(/^smtp:/i, '') : asText((item as ExoObject | null)?.PrimarySmtpAddress);
    if (a && isEmail(a)) redirect.push(a);
    else notEvaluated('RedirectMessageTo', item, 'not an e-mail address (a recipient name cannot be resolved here)');
  }
  if (redirect.length) actions.redirectMessageTo = redirect;
  const headerName = asText(p.get('SetHeaderName'));
  const headerValue = asText(p.get('SetHeaderValue'));
  if (headerName) {
    actions.setHeaderName = headerName;
    actions.setHeaderValue = headerValue ?? null;
  } else if (headerValue) entries.push({ property: 'SetHeaderValue', value: shortValue(headerValue), reason: 'a header value without a header name; left out' });
  if (asBool(p.get('StopRuleProcessing')) === true) actions.stopRuleProcessing = true;

  // Settings that change when the rule applies.
  for (const dateProp of ['ActivationDate', 'ExpiryDate']) {
    const v = p.get(dateProp);
    if (!isEmptyValue(v)) notEvaluated(dateProp, v, 'the rule applies only in a time window, which the simulation does not model');
  }
  const location = p.get('SenderAddressLocation');
  const locationName = typeof location === 'string' ? SENDER_ADDRESS_LOCATION_NAMES.find((n) => n.toLowerCase() === location.toLowerCase()) : undefined;
  const usesSender = !!conditions.senderDomainIs || !!exceptions.exceptIfSenderDomainIs || !!conditions.fromScope;
  if (!isEmptyValue(location) && locationName !== 'Header' && usesSender) {
    notEvaluated('SenderAddressLocation', location, 'sender conditions read the envelope here; the simulation reads the header From when the scenario gives one');
  } else if (!isEmptyValue(location) && locationName !== 'Header') {
    entries.push({ property: 'SenderAddressLocation', value: shortValue(location), reason: 'no sender condition uses it; left out' });
  }

  // Whatever else is set is a condition, exception or action the model does not have.
  const unmapped = leftovers(p, entries, (lower) => {
    if (RULE_SETTINGS_REPORT_ONLY.has(lower)) return null;
    const kind = lower.startsWith('exceptif') ? 'an exception' : RULE_ACTIONS.has(lower) ? 'an action' : 'a condition';
    return `${kind} the simulation does not model`;
  });
  for (const key of unmapped) if (!RULE_SETTINGS_REPORT_ONLY.has(key.toLowerCase())) unevaluable.push(key);

  // Conditions/Exceptions/Actions name the rule's parts; one that no property above accounted for
  // (for example a value ConvertTo-Json cut off at its depth) still makes the rule unevaluable.
  const seen = new Set([...unevaluable.map((u) => u.toLowerCase())]);
  for (const listName of ['Conditions', 'Exceptions', 'Actions']) {
    for (const part of listedParts(p.get(listName))) {
      const key = listName === 'Exceptions' ? `exceptif${part}` : part;
      if (MODELLED_PARTS.has(part) || seen.has(key) || [...seen].some((s) => s.startsWith(key) || key.startsWith(s))) continue;
      seen.add(key);
      notEvaluated(listName, part, `the rule lists this ${listName === 'Actions' ? 'action' : listName === 'Exceptions' ? 'exception' : 'condition'}, which the simulation does not model`);
    }
  }

  if (unevaluable.length) {
    name += NOT_EVALUATED_SUFFIX;
    enabled = false;
    outcome = 'not-evaluated';
    entries.push({
      property: '(rule)',
      value: name,
      reason: `kept disabled and named "[not evaluated]": the simulation cannot evaluate ${unique(unevaluable).join(', ')}, so it would misjudge what this rule does; the document format has no field for this, hence the name`,
    });
    if (!hasModelledAction(actions)) {
      actions.setHeaderName = PLACEHOLDER_HEADER;
      actions.setHeaderValue = shortValue(unique(unevaluable).join(', '), 2000);
      entries.push({
        property: '(actions)',
        value: PLACEHOLDER_HEADER,
        reason: 'none of the rule\'s actions is in the model, and a rule needs one; a placeholder header action stands in (the rule is disabled)',
      });
    }
  } else if (!hasModelledAction(actions)) {
    // A rule with no action at all does nothing; keep it visible but disabled.
    name += NOT_EVALUATED_SUFFIX;
    enabled = false;
    outcome = 'not-evaluated';
    actions.setHeaderName = PLACEHOLDER_HEADER;
    actions.setHeaderValue = 'no action';
    entries.push({ property: '(actions)', value: '(none)', reason: 'the rule has no action; kept disabled and named "[not evaluated]" with a placeholder header action' });
  }

  if (ctx.tenant.transportRules.some((r) => r.name.toLowerCase() === name.toLowerCase())) {
    entries.push({ property: 'Name', value: name, reason: 'a rule of this name appeared earlier in the import; this copy was not imported' });
    return { name, entityId: null, outcome: 'skipped', entries };
  }
  const rule: TransportRule = {
    id: ctx.ids.take(`${ctx.tenantId}-rule-${slug(name.replace(NOT_EVALUATED_SUFFIX, '')) || 'rule'}`),
    name,
    priority: priority ?? nextPriority(ctx.tenant),
    enabled,
    conditions,
    ...(Object.keys(exceptions).length ? { exceptions } : {}),
    actions,
  };
  ctx.tenant.transportRules.push(rule);
  return { name, entityId: rule.id, outcome, entries };
}

function hasModelledAction(a: RuleActions): boolean {
  return !!(a.rejectMessageReasonText || a.rejectMessageEnhancedStatusCode || a.deleteMessage || a.redirectMessageTo?.length || a.setHeaderName || a.stopRuleProcessing);
}

function nextPriority(t: Tenant): number {
  return t.transportRules.reduce((m, r) => Math.max(m, r.priority + 1), 0);
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

/** Hands out ids unique across the document (tenants, connectors, rules, servers, scenarios). */
class IdAllocator {
  constructor(private readonly taken: Set<string>) {}

  take(wanted: string): string {
    let base = wanted.slice(0, 120).replace(/-+$/g, '');
    if (!patterns.id.test(base)) base = `x-${base}`.slice(0, 120);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

const GRID_X = 240;
const GRID_Y = 140;

/**
 * A simple grid below whatever the document already shows: the tenant, then a row of inbound
 * connectors, a row of outbound connectors and a row of rules. The app's auto layout can redo it.
 */
function layoutTenant(t: Tenant, base: TopologyDocument): Record<string, { x: number; y: number }> {
  const existing = Object.values(base.view?.positions ?? {});
  const top = existing.length ? Math.max(...existing.map((p) => p.y)) + GRID_Y * 2 : 80;
  const left = 40;
  const out: Record<string, { x: number; y: number }> = { [t.id]: { x: left, y: top } };
  const rows = [t.inboundConnectors, t.outboundConnectors, t.transportRules];
  rows.forEach((row, r) => {
    row.forEach((entity, i) => {
      out[entity.id] = { x: left + GRID_X * i, y: top + GRID_Y * (r + 1) };
    });
  });
  return out;
}
