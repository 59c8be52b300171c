/**
 * Configuration as code (issue 16): a Microsoft365DSC export (`.ps1`) and a Microsoft Graph tenant
 * configuration snapshot (JSON) hold the same Exchange Online objects as the Get-* cmdlets, under
 * the Microsoft365DSC resource parameter names. They are turned into the cmdlets' objects here and
 * then imported exactly like the cmdlets' JSON (same report, same checks).
 *
 * - Microsoft365DSC resources EXOAcceptedDomain, EXOInboundConnector, EXOOutboundConnector,
 *   EXOTransportRule (https://microsoft365dsc.com/resources/exchange/EXOTransportRule/ and siblings):
 *   the key is `Identity` (`Name` for EXOTransportRule), a rule's state is `Enabled`, every block
 *   has `Ensure` and the credentials (`Credential`, `ApplicationId`, `TenantId`,
 *   `CertificateThumbprint`, …).
 * - Microsoft Graph tenant configuration management, configurationBaseline / snapshot
 *   (https://learn.microsoft.com/graph/api/resources/configurationbaseline, createSnapshot): a JSON
 *   object whose `resources` are `{displayName, resourceType, properties}` with resource types such
 *   as `microsoft.exchange.transportrule` and the same Microsoft365DSC property names.
 */
import type { ExoCmdlet } from './cmdlets';
import { INBOUND_TABLE, OUTBOUND_TABLE, RULE_TABLE, type FieldTable } from './fields';
import { DscSyntaxError, parseDscResources, type DscValue } from './dsc';
import type { ExoObject } from './values';

export interface SourceObjects {
  cmdlet: ExoCmdlet;
  objects: ExoObject[];
}

/** What the import says a file should have been, per shape. */
export const DSC_HINT = 'a Microsoft365DSC export (Export-M365DSCConfiguration -Components EXOAcceptedDomain, EXOInboundConnector, EXOOutboundConnector, EXOTransportRule)';
export const GRAPH_HINT =
  'a Microsoft Graph tenant configuration snapshot (JSON with "resources": [{"resourceType": "microsoft.exchange.transportrule", "properties": {…}}, …])';

const RESOURCE_CMDLET: Record<string, ExoCmdlet> = {
  exoaccepteddomain: 'Get-AcceptedDomain',
  exoinboundconnector: 'Get-InboundConnector',
  exooutboundconnector: 'Get-OutboundConnector',
  exotransportrule: 'Get-TransportRule',
};

const GRAPH_TYPE: Record<string, ExoCmdlet> = {
  'microsoft.exchange.accepteddomain': 'Get-AcceptedDomain',
  'microsoft.exchange.inboundconnector': 'Get-InboundConnector',
  'microsoft.exchange.outboundconnector': 'Get-OutboundConnector',
  'microsoft.exchange.transportrule': 'Get-TransportRule',
};

/** Properties of every Microsoft365DSC resource that say how to connect, never what is configured. */
const CONNECTION_PROPERTIES = new Set(
  ['Credential', 'ApplicationId', 'TenantId', 'CertificateThumbprint', 'CertificatePath', 'CertificatePassword', 'ApplicationSecret', 'ManagedIdentity', 'AccessTokens', 'Ensure'].map((k) =>
    k.toLowerCase(),
  ),
);

/** Whether a text looks like a PowerShell script rather than JSON. */
export function looksLikeDsc(text: string): boolean {
  const t = text.replace(/^\ufeff/, '').trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return false;
  return /\b(configuration\s+[A-Za-z_]|EXO[A-Za-z]+\s+["'])/i.test(t) || t.startsWith('#') || t.startsWith('<#') || /^param\s*\(/i.test(t);
}

/** Whether parsed JSON is a Graph snapshot (an object with `resources`). */
export function isGraphSnapshot(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && 'resources' in value;
}

type SourceAlias = NonNullable<FieldTable<unknown>['sourceAliases']>[number];

/**
 * Microsoft365DSC parameters that stand for a cmdlet property: the connectors' and rules' come from
 * their field tables (`Identity` is the name, EXOTransportRule's `Enabled` is `State`); an accepted
 * domain's `Identity` is its domain name and its name.
 */
const SOURCE_ALIASES: Partial<Record<ExoCmdlet, readonly SourceAlias[]>> = {
  'Get-AcceptedDomain': [
    { source: 'Identity', property: 'DomainName' },
    { source: 'Identity', property: 'Name' },
  ],
  'Get-InboundConnector': INBOUND_TABLE.sourceAliases,
  'Get-OutboundConnector': OUTBOUND_TABLE.sourceAliases,
  'Get-TransportRule': RULE_TABLE.sourceAliases,
};

/** A resource's properties as the cmdlet's object: aliases resolved, credentials out; null for `Ensure = "Absent"`. */
function asCmdletObject(cmdlet: ExoCmdlet, properties: Record<string, unknown>): ExoObject | null {
  const lower = new Map(Object.keys(properties).map((k) => [k.toLowerCase(), k]));
  const get = (name: string) => {
    const k = lower.get(name.toLowerCase());
    return k === undefined ? undefined : properties[k];
  };
  const ensure = get('Ensure');
  if (typeof ensure === 'string' && ensure.toLowerCase() === 'absent') return null;
  const out: ExoObject = {};
  for (const [k, v] of Object.entries(properties)) {
    if (CONNECTION_PROPERTIES.has(k.toLowerCase())) continue;
    out[k] = v;
  }
  for (const alias of SOURCE_ALIASES[cmdlet] ?? []) {
    const value = get(alias.source);
    if (value === undefined) continue;
    if (alias.replaces) delete out[lower.get(alias.source.toLowerCase()) ?? alias.source];
    if (get(alias.property) === undefined) out[alias.property] = alias.convert ? alias.convert(value) : value;
  }
  return out;
}

/** Opaque `$variable` references become text the report can show; everything else stays. */
function plain(value: DscValue): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    if ('$variable' in value && typeof value.$variable === 'string' && Object.keys(value).length === 1) return { Variable: value.$variable };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function group(list: Array<{ cmdlet: ExoCmdlet; object: ExoObject }>): SourceObjects[] {
  const out: SourceObjects[] = [];
  for (const { cmdlet, object } of list) {
    let g = out.find((x) => x.cmdlet === cmdlet);
    if (!g) out.push((g = { cmdlet, objects: [] }));
    g.objects.push(object);
  }
  return out;
}

export type SourceResult = { ok: true; groups: SourceObjects[] } | { ok: false; line?: number; column?: number; problem: string };

export function readDscExport(text: string): SourceResult {
  let resources;
  try {
    resources = parseDscResources(text);
  } catch (e) {
    if (e instanceof DscSyntaxError) return { ok: false, line: e.line, column: e.column, problem: e.problem };
    throw e;
  }
  const picked: Array<{ cmdlet: ExoCmdlet; object: ExoObject }> = [];
  for (const r of resources) {
    const cmdlet = RESOURCE_CMDLET[r.type.toLowerCase()];
    if (!cmdlet) continue;
    const object = asCmdletObject(cmdlet, plain(r.properties) as Record<string, unknown>);
    if (object) picked.push({ cmdlet, object });
  }
  if (!picked.length) return { ok: false, problem: 'the script has no EXOAcceptedDomain, EXOInboundConnector, EXOOutboundConnector or EXOTransportRule block' };
  return { ok: true, groups: group(picked) };
}

export function readGraphSnapshot(value: unknown): SourceResult {
  const resources = (value as { resources: unknown }).resources;
  if (!Array.isArray(resources)) return { ok: false, problem: `"resources" is ${kind(resources)}, not a list` };
  const picked: Array<{ cmdlet: ExoCmdlet; object: ExoObject }> = [];
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i] as { resourceType?: unknown; properties?: unknown } | null;
    if (!r || typeof r !== 'object' || Array.isArray(r)) return { ok: false, problem: `resources[${i}] is ${kind(r)}, not an object` };
    if (typeof r.resourceType !== 'string') return { ok: false, problem: `resources[${i}].resourceType is ${kind(r.resourceType)}, not a text such as "microsoft.exchange.transportrule"` };
    const cmdlet = GRAPH_TYPE[r.resourceType.toLowerCase()];
    if (!cmdlet) continue;
    if (!r.properties || typeof r.properties !== 'object' || Array.isArray(r.properties)) {
      return { ok: false, problem: `resources[${i}].properties (${r.resourceType}) is ${kind(r.properties)}, not an object of properties` };
    }
    const object = asCmdletObject(cmdlet, r.properties as Record<string, unknown>);
    if (object) picked.push({ cmdlet, object });
  }
  if (!picked.length) return { ok: false, problem: 'the snapshot has no resource of type microsoft.exchange.accepteddomain, inboundconnector, outboundconnector or transportrule' };
  return { ok: true, groups: group(picked) };
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'absent';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.slice(0, 40))}`;
  return `a ${typeof v}`;
}
