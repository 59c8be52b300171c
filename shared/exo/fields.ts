/**
 * One table per cmdlet pair (issue 10): Get-/New-/Set-InboundConnector, …OutboundConnector and
 * …TransportRule. A row is one Exchange setting: the design's field ↔ the Get-* property and
 * New-/Set- parameter of the same name ↔ the import's converter (`readers.ts`) ↔ how the script
 * writes it ↔ how the diff compares it. `import.ts` reads, `powershell.ts` writes and `diff.ts`
 * compares through these rows, so a field added here is imported, exported and compared alike
 * (recipe in CONTEXT.md; `test/exo/fields.test.ts` round-trips every row).
 */
import type { InboundConnector, OutboundConnector, TransportRule } from '../model/schema';
import type { ExoCmdlet } from './cmdlets';
import {
  readCertificateName,
  readComment,
  readConnectorEnabled,
  readConnectorType,
  readDomainList,
  readFlag,
  readFromScope,
  readHeaderValue,
  readPlainDomains,
  readPriority,
  readRedirect,
  readRouteConnector,
  readRuleMode,
  readRuleScoped,
  readRuleState,
  readSenderDomains,
  readSenderIPs,
  readSenderLocation,
  readSentToScope,
  readSmartHosts,
  readStatusCode,
  readText,
  readTimeWindow,
  readTlsDomain,
  readTlsSettings,
  readTrueOrUnset,
  type Reader,
} from './readers';

/** A scalar, or a set of strings compared case-insensitively unless said (`{ set: [...] }`). */
export type Comparable = string | number | boolean | null | { set: string[]; caseSensitive?: boolean };

/** What the script and the diff need besides the entity: a rule names its connector by id, Exchange by name. */
export interface FieldContext {
  connectorName(id: string): string | undefined;
  /** The priority the script gives the rule (Exchange numbers rules 0, 1, 2, …). */
  priority?: number;
}

export interface FieldSpec<T> {
  /**
   * The design's field, as a path (`conditions.sentToScope`); absent for a setting the design does
   * not hold (Mode: a designed rule is enforced; ActivationDate: kept in `unmodelledConditions`).
   */
  field?: string;
  /** The Get-* property and New-/Set- parameter (Exchange uses one name for both). */
  parameter: string;
  /** How the value is written in PowerShell. */
  kind: 'text' | 'bool' | 'list' | 'number';
  /**
   * `always`: every run sets it; `clear`: set when the design has it, cleared on update otherwise
   * ($null, or $false for a switch); `optional`: only when the design sets it (so older designs give
   * the same script); `never`: not a `$settings` entry (the rule's state has its own cmdlets).
   */
  write: 'always' | 'clear' | 'optional' | 'never';
  /** The import's converter. */
  read: Reader;
  /** The value the script writes when it is not the field's own. */
  out?: (entity: T, ctx: FieldContext) => unknown;
  /** The value the diff compares (Exchange's equality: sets, case, /32); absent: not compared. */
  compare?: (value: unknown, ctx: FieldContext) => Comparable;
  /** Without it the object is not imported (the rest of its properties go to the report). */
  required?: true;
}

export interface FieldTable<T> {
  cmdlet: ExoCmdlet;
  /** In the order the script writes them. */
  rows: ReadonlyArray<FieldSpec<T>>;
  /** Parameters in the order the import reads them (and lists them in its report), when that differs. */
  readOrder?: readonly string[];
  /** Fields in the order the diff lists them, when that differs (it always starts with `name`). */
  diffOrder?: readonly string[];
  /** Fields the diff compares that no single property fills (what the import kept as it is). */
  kept?: ReadonlyArray<{ field: string; compare: (value: unknown) => Comparable }>;
  /**
   * Microsoft365DSC / Graph snapshot parameters that stand for a property of the cmdlet (`sources.ts`):
   * the property is set from it when absent; `replaces` drops the parameter itself.
   */
  sourceAliases?: ReadonlyArray<{ source: string; property: string; convert?: (v: unknown) => unknown; replaces?: true }>;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
export const asSet = (v: unknown, caseSensitive = false): Comparable => ({ set: list(v), caseSensitive });
export const scalar = (v: unknown): Comparable => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null);
export const flag = (v: unknown): Comparable => v === true;
export const asText = (v: unknown): Comparable => (typeof v === 'string' && v !== '' ? v : null);
export const asLower = (v: unknown): Comparable => (typeof v === 'string' && v ? v.toLowerCase() : null);
/** A set of text compared without case (domains, addresses, host names). */
const domainSet = (v: unknown): Comparable => asSet(v);
/** `x.x.x.x/32` is `x.x.x.x`. */
const ipSet = (v: unknown): Comparable => ({ set: list(v).map((a) => a.replace(/\/32$/, '')) });
/** No sender domains is every domain. */
const senderDomains = (v: unknown): Comparable => ({ set: list(v).length ? list(v) : ['*'] });
/** A kept list of `{name, value}` (otherActions, unmodelledConditions) as a set of `name = value` texts. */
const namedValues = (v: unknown): Comparable =>
  asSet((Array.isArray(v) ? (v as Array<{ name: string; value?: unknown }>) : []).map((x) => (x.value === undefined ? x.name : `${x.name} = ${JSON.stringify(x.value)}`)), true);
const connectorByName = (v: unknown, ctx: FieldContext): Comparable => (typeof v === 'string' && v ? (ctx.connectorName(v) ?? v) : null);

/** Every connector starts with its name-giving type (required), then whether it is on. */
function connectorHead<T extends InboundConnector | OutboundConnector>(): Array<FieldSpec<T>> {
  return [
    { field: 'connectorType', parameter: 'ConnectorType', kind: 'text', write: 'always', read: readConnectorType, compare: scalar, required: true },
    { field: 'enabled', parameter: 'Enabled', kind: 'bool', write: 'always', read: readConnectorEnabled, compare: flag },
  ];
}

/** Exchange names a parameter as the design names the field, capitalised (conditions.sentToScope → SentToScope). */
const parameterOf = (field: string) => {
  const last = field.slice(field.lastIndexOf('.') + 1);
  return last[0].toUpperCase() + last.slice(1);
};

/** Rows that differ only in their field and converter, in the order given. */
function alike<T>(common: Pick<FieldSpec<T>, 'kind' | 'write' | 'compare'>, ...rows: Array<[field: string, read: Reader]>): Array<FieldSpec<T>> {
  return rows.map(([field, read]) => ({ ...common, field, parameter: parameterOf(field), read }));
}

/** Exchange switches (requireTls → RequireTls): read, written and compared as true/false, written every run. */
function switches<T>(...fields: Array<keyof T & string>): Array<FieldSpec<T>> {
  return alike<T>({ kind: 'bool', write: 'always', compare: flag }, ...fields.map((f): [string, Reader] => [f, readFlag]));
}

/** Cleared on update when the design leaves them unset. */
const CLEARED = {
  scope: { kind: 'text', write: 'clear', compare: scalar },
  text: { kind: 'text', write: 'clear', compare: asText },
  list: { kind: 'list', write: 'clear', compare: domainSet },
  action: { kind: 'bool', write: 'clear', compare: flag },
} as const;

/** Microsoft365DSC names a connector by `Identity`. */
const IDENTITY_IS_NAME = [{ source: 'Identity', property: 'Name' }] as const;

export const INBOUND_TABLE: FieldTable<InboundConnector> = {
  cmdlet: 'Get-InboundConnector',
  rows: [
    ...connectorHead<InboundConnector>(),
    { field: 'senderDomains', parameter: 'SenderDomains', kind: 'list', write: 'always', read: readSenderDomains, compare: senderDomains },
    ...switches<InboundConnector>('requireTls', 'restrictDomainsToIPAddresses', 'restrictDomainsToCertificate'),
    { field: 'senderIPAddresses', parameter: 'SenderIPAddresses', kind: 'list', write: 'clear', read: readSenderIPs, compare: ipSet },
    { field: 'tlsSenderCertificateName', parameter: 'TlsSenderCertificateName', kind: 'text', write: 'clear', read: readCertificateName, compare: asLower },
    { field: 'comment', parameter: 'Comment', kind: 'text', write: 'optional', read: readComment, compare: asText },
  ],
  readOrder: ['ConnectorType', 'Enabled', 'SenderIPAddresses', 'TlsSenderCertificateName', 'SenderDomains', 'RequireTls', 'RestrictDomainsToIPAddresses', 'RestrictDomainsToCertificate', 'Comment'],
  sourceAliases: IDENTITY_IS_NAME,
};

export const OUTBOUND_TABLE: FieldTable<OutboundConnector> = {
  cmdlet: 'Get-OutboundConnector',
  rows: [
    ...connectorHead<OutboundConnector>(),
    ...switches<OutboundConnector>('useMXRecord', 'allAcceptedDomains', 'routeAllMessagesViaOnPremises'),
    ...alike<OutboundConnector>(CLEARED.list, ['recipientDomains', readDomainList], ['smartHosts', readSmartHosts]),
    // Format 2: kept from import and handed back.
    { field: 'isTransportRuleScoped', parameter: 'IsTransportRuleScoped', kind: 'bool', write: 'optional', read: readRuleScoped, compare: flag },
    { field: 'tlsSettings', parameter: 'TlsSettings', kind: 'text', write: 'optional', read: readTlsSettings, compare: scalar },
    { field: 'tlsDomain', parameter: 'TlsDomain', kind: 'text', write: 'optional', read: readTlsDomain, compare: asLower },
    { field: 'comment', parameter: 'Comment', kind: 'text', write: 'optional', read: readComment, compare: asText },
  ],
  readOrder: [
    'ConnectorType', 'Enabled', 'SmartHosts', 'IsTransportRuleScoped', 'RecipientDomains', 'AllAcceptedDomains', 'UseMXRecord', 'RouteAllMessagesViaOnPremises',
    'TlsSettings', 'TlsDomain', 'Comment',
  ],
  sourceAliases: IDENTITY_IS_NAME,
};

type Actions = TransportRule['actions'];
const action = <K extends keyof Actions>(r: TransportRule, k: K): Actions[K] => r.actions[k];

/**
 * New-TransportRule's parameters the design models. The rule's state is `-Enabled` on New- and
 * Enable-/Disable-TransportRule afterwards (Set-TransportRule has no -Enabled); what the design
 * does not model is kept by name in `unmodelledConditions` / `actions.otherActions` and written back
 * under that name (`powershell.ts`).
 */
export const RULE_TABLE: FieldTable<TransportRule> = {
  cmdlet: 'Get-TransportRule',
  rows: [
    { field: 'priority', parameter: 'Priority', kind: 'number', write: 'always', read: readPriority, out: (_, ctx) => ctx.priority, compare: scalar },
    { field: 'enabled', parameter: 'State', kind: 'bool', write: 'never', read: readRuleState, compare: flag },
    // The design has no test mode: a designed rule is enforced (or disabled); Audit is kept.
    { parameter: 'Mode', kind: 'text', write: 'always', read: readRuleMode, out: () => 'Enforce' },
    ...alike<TransportRule>(CLEARED.scope, ['conditions.sentToScope', readSentToScope], ['conditions.fromScope', readFromScope]),
    ...alike<TransportRule>(
      CLEARED.list,
      ['conditions.recipientDomainIs', readPlainDomains],
      ['conditions.senderDomainIs', readPlainDomains],
      ['exceptions.exceptIfRecipientDomainIs', readPlainDomains],
      ['exceptions.exceptIfSenderDomainIs', readPlainDomains],
    ),
    ...alike<TransportRule>(CLEARED.text, ['actions.rejectMessageReasonText', readText], ['actions.rejectMessageEnhancedStatusCode', readStatusCode]),
    ...alike<TransportRule>(CLEARED.action, ['actions.deleteMessage', readTrueOrUnset]),
    ...alike<TransportRule>(CLEARED.list, ['actions.redirectMessageTo', readRedirect]),
    ...alike<TransportRule>(CLEARED.text, ['actions.setHeaderName', readText]),
    // Exchange needs a value with a header name; an empty one and none stamp the same header.
    {
      field: 'actions.setHeaderValue',
      parameter: 'SetHeaderValue',
      kind: 'text',
      write: 'clear',
      read: readHeaderValue,
      out: (r) => (action(r, 'setHeaderName') ? (action(r, 'setHeaderValue') ?? '') : null),
      compare: asText,
    },
    ...alike<TransportRule>(CLEARED.action, ['actions.stopRuleProcessing', readTrueOrUnset]),
    // Format 2: which sender the sender conditions read (Header is the default), the connector a
    // rule routes through (by name, as New-TransportRule takes it), and the administrator's comment.
    {
      field: 'senderAddressLocation',
      parameter: 'SenderAddressLocation',
      kind: 'text',
      write: 'optional',
      read: readSenderLocation,
      out: (r) => (r.senderAddressLocation === 'Header' ? undefined : r.senderAddressLocation),
      compare: (v) => scalar(v ?? 'Header'),
    },
    {
      field: 'actions.routeMessageOutboundConnector',
      parameter: 'RouteMessageOutboundConnector',
      kind: 'text',
      write: 'optional',
      read: readRouteConnector,
      out: (r, ctx) => connectorByName(action(r, 'routeMessageOutboundConnector'), ctx) ?? undefined,
      compare: connectorByName,
    },
    { field: 'comment', parameter: 'Comments', kind: 'text', write: 'optional', read: readComment, compare: asText },
    // Settings that change when the rule applies: kept, not evaluated.
    { parameter: 'ActivationDate', kind: 'text', write: 'never', read: readTimeWindow },
    { parameter: 'ExpiryDate', kind: 'text', write: 'never', read: readTimeWindow },
  ],
  readOrder: [
    'Priority', 'State', 'Mode', 'SentToScope', 'FromScope', 'RecipientDomainIs', 'SenderDomainIs', 'ExceptIfRecipientDomainIs', 'ExceptIfSenderDomainIs',
    'RejectMessageReasonText', 'RejectMessageEnhancedStatusCode', 'DeleteMessage', 'RedirectMessageTo', 'SetHeaderName', 'SetHeaderValue',
    'StopRuleProcessing', 'RouteMessageOutboundConnector', 'ActivationDate', 'ExpiryDate', 'SenderAddressLocation', 'Comments',
  ],
  diffOrder: [
    'name', 'priority', 'enabled', 'conditions.sentToScope', 'conditions.recipientDomainIs', 'conditions.senderDomainIs', 'conditions.fromScope',
    'exceptions.exceptIfRecipientDomainIs', 'exceptions.exceptIfSenderDomainIs', 'actions.rejectMessageReasonText', 'actions.rejectMessageEnhancedStatusCode',
    'actions.deleteMessage', 'actions.redirectMessageTo', 'actions.setHeaderName', 'actions.setHeaderValue', 'actions.stopRuleProcessing',
    'actions.routeMessageOutboundConnector', 'actions.otherActions', 'senderAddressLocation', 'unmodelledConditions', 'comment',
  ],
  kept: [
    { field: 'actions.otherActions', compare: namedValues },
    { field: 'unmodelledConditions', compare: namedValues },
  ],
  sourceAliases: [
    { source: 'Identity', property: 'Name' },
    // Microsoft365DSC's EXOTransportRule has Enabled where the cmdlet shows State.
    { source: 'Enabled', property: 'State', replaces: true, convert: (v) => (v === false || String(v).toLowerCase() === 'false' ? 'Disabled' : 'Enabled') },
  ],
};

/** A field's value by path (`conditions.sentToScope`). */
export function getPath(entity: unknown, path: string): unknown {
  let v: unknown = entity;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** Sets a field by path, making the objects on the way. */
export function setPath(entity: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = entity;
  for (const key of keys.slice(0, -1)) o = (o[key] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
}

/** The rows in the order the import reads them. */
export function readingOrder<T>(table: FieldTable<T>): Array<FieldSpec<T>> {
  if (!table.readOrder) return [...table.rows];
  return table.readOrder.map((p) => {
    const row = table.rows.find((r) => r.parameter === p);
    if (!row) throw new Error(`internal error: ${table.cmdlet} reads ${p}, which has no row`);
    return row;
  });
}

/** The diff's view of an entity: its name, then every compared field of the table. */
export function fieldView<T extends { name: string }>(entity: T, table: FieldTable<T>, ctx: FieldContext): Record<string, Comparable> {
  const view: Record<string, Comparable> = { name: entity.name };
  for (const f of table.rows) if (f.field && f.compare) view[f.field] = f.compare(getPath(entity, f.field), ctx);
  for (const k of table.kept ?? []) view[k.field] = k.compare(getPath(entity, k.field));
  if (!table.diffOrder) return view;
  return Object.fromEntries(table.diffOrder.map((field) => [field, view[field]]));
}
