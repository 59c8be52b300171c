/**
 * The connectors' fields in one table (issue 10): the design's field, the Exchange property and
 * New-/Set- parameter of the same name, how the script writes it and how the diff compares it.
 * `powershell.ts` builds the `$settings` / `$clear` hashtables and `diff.ts` its comparable views
 * from these rows, so a field added here is exported and compared alike. The import stays
 * per-cmdlet (`import.ts`): its conversions (IP ranges, address spaces, certificate names) and
 * report reasons differ per property.
 */
import type { InboundConnector, OutboundConnector } from '../model/schema';

/** A scalar, or a set of strings compared case-insensitively unless said (`{ set: [...] }`). */
export type Comparable = string | number | boolean | null | { set: string[]; caseSensitive?: boolean };

export interface FieldSpec<T> {
  /** The design's field. */
  field: keyof T & string;
  /** The Get-* property and New-/Set- parameter (Exchange uses one name for both). */
  parameter: string;
  /** How the value is written in PowerShell. */
  kind: 'text' | 'bool' | 'list';
  /**
   * `always`: every run sets it; `clear`: set when the design has it, cleared with $null on update
   * otherwise; `optional`: only when the design sets it (so older designs give the same script).
   */
  write: 'always' | 'clear' | 'optional';
  /** The value the diff compares (Exchange's equality: sets, case, /32). */
  compare: (value: unknown) => Comparable;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
export const asSet = (v: unknown, caseSensitive = false): Comparable => ({ set: list(v), caseSensitive });
export const scalar = (v: unknown): Comparable => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null);
export const flag = (v: unknown): Comparable => v === true;
export const asText = (v: unknown): Comparable => (typeof v === 'string' && v !== '' ? v : null);
export const asLower = (v: unknown): Comparable => (typeof v === 'string' && v ? v.toLowerCase() : null);
/** `x.x.x.x/32` is `x.x.x.x`. */
const ipSet = (v: unknown): Comparable => ({ set: list(v).map((a) => a.replace(/\/32$/, '')) });
/** No sender domains is every domain. */
const senderDomains = (v: unknown): Comparable => ({ set: list(v).length ? list(v) : ['*'] });

/** The fields every connector starts with (type, then whether it is on). */
function connectorHead<T extends InboundConnector | OutboundConnector>(): Array<FieldSpec<T>> {
  return [
    { field: 'connectorType', parameter: 'ConnectorType', kind: 'text', write: 'always', compare: scalar },
    { field: 'enabled', parameter: 'Enabled', kind: 'bool', write: 'always', compare: flag },
  ];
}

/** In the order the script writes them. */
export const INBOUND_FIELDS: ReadonlyArray<FieldSpec<InboundConnector>> = [
  ...connectorHead<InboundConnector>(),
  { field: 'senderDomains', parameter: 'SenderDomains', kind: 'list', write: 'always', compare: senderDomains },
  { field: 'requireTls', parameter: 'RequireTls', kind: 'bool', write: 'always', compare: flag },
  { field: 'restrictDomainsToIPAddresses', parameter: 'RestrictDomainsToIPAddresses', kind: 'bool', write: 'always', compare: flag },
  { field: 'restrictDomainsToCertificate', parameter: 'RestrictDomainsToCertificate', kind: 'bool', write: 'always', compare: flag },
  { field: 'senderIPAddresses', parameter: 'SenderIPAddresses', kind: 'list', write: 'clear', compare: ipSet },
  { field: 'tlsSenderCertificateName', parameter: 'TlsSenderCertificateName', kind: 'text', write: 'clear', compare: asLower },
  { field: 'comment', parameter: 'Comment', kind: 'text', write: 'optional', compare: asText },
];

export const OUTBOUND_FIELDS: ReadonlyArray<FieldSpec<OutboundConnector>> = [
  ...connectorHead<OutboundConnector>(),
  { field: 'useMXRecord', parameter: 'UseMXRecord', kind: 'bool', write: 'always', compare: flag },
  { field: 'allAcceptedDomains', parameter: 'AllAcceptedDomains', kind: 'bool', write: 'always', compare: flag },
  { field: 'routeAllMessagesViaOnPremises', parameter: 'RouteAllMessagesViaOnPremises', kind: 'bool', write: 'always', compare: flag },
  { field: 'recipientDomains', parameter: 'RecipientDomains', kind: 'list', write: 'clear', compare: (v) => asSet(v) },
  { field: 'smartHosts', parameter: 'SmartHosts', kind: 'list', write: 'clear', compare: (v) => asSet(v) },
  // Format 2: kept from import and handed back.
  { field: 'isTransportRuleScoped', parameter: 'IsTransportRuleScoped', kind: 'bool', write: 'optional', compare: flag },
  { field: 'tlsSettings', parameter: 'TlsSettings', kind: 'text', write: 'optional', compare: scalar },
  { field: 'tlsDomain', parameter: 'TlsDomain', kind: 'text', write: 'optional', compare: asLower },
  { field: 'comment', parameter: 'Comment', kind: 'text', write: 'optional', compare: asText },
];

/** The diff's view of an entity: its name, then every field of the table. */
export function fieldView<T extends { name: string }>(entity: T, fields: ReadonlyArray<FieldSpec<T>>): Record<string, Comparable> {
  const view: Record<string, Comparable> = { name: entity.name };
  for (const f of fields) view[f.field] = f.compare(entity[f.field]);
  return view;
}
