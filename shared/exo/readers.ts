/**
 * The import's converters (the "converter" column of the field tables in `fields.ts`): an Exchange
 * property's value as the cmdlet writes it → the design's value, with the report entries for what
 * does not fit. Each gets the raw value (undefined when the property is absent) and a sink that
 * knows which property it is reading; it returns the value, or undefined to leave the field unset.
 */
import { patterns, TLS_SETTINGS } from '../model/schema';
import { CONNECTOR_TYPE, FROM_USER_SCOPE, RULE_MODE, RULE_STATE, SENDER_ADDRESS_LOCATION_NAMES, TLS_AUTH_LEVEL, TO_USER_SCOPE } from './cmdlets';
import type { ImportReasonCode, ReasonParams } from './messages';
import {
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

/** What a converter may do besides returning the value; the property is the row's. */
export interface ReadSink {
  /** A report entry for this property (the value as the report shows it). */
  report(value: string, code: ImportReasonCode, params?: ReasonParams): void;
  /** Keeps the property as it is in the rule's `unmodelledConditions` (the simulation skips the rule) and reports it. */
  notEvaluated(value: unknown, code: ImportReasonCode, params?: ReasonParams): void;
  /** Leaves the property unread, so the report lists it as not carried over. */
  leave(): void;
  /** The id of the tenant's outbound connector of this name (imported before the rules). */
  connectorId(name: string): string | undefined;
}

/** A converter: the property's value → the field's value (undefined: not set); `entity` is what was read so far. */
export type Reader = (raw: unknown, sink: ReadSink, entity: Readonly<Record<string, unknown>>) => unknown;

// ---------------------------------------------------------------------------------------------
// Values every table uses

/** true or false; an absent or unreadable value is false. */
export const readFlag: Reader = (raw) => asBool(raw) === true;
/** true, or not set (the format leaves a false action out). */
export const readTrueOrUnset: Reader = (raw) => (asBool(raw) === true ? true : undefined);
/** Text as it is; empty text is not set. */
export const readText: Reader = (raw) => asText(raw) || undefined;
/** `Comment` / `Comments` (format 2), at most 2,000 characters; nothing when empty. */
export const readComment: Reader = (raw) => asText(raw)?.slice(0, 2000) || undefined;

// ---------------------------------------------------------------------------------------------
// Connectors

/** OnPremises or Partner; any other type leaves the connector out (the row is required). */
export const readConnectorType: Reader = (raw, sink) => {
  const t = asEnum(raw, CONNECTOR_TYPE);
  if (!t) sink.report(shortValue(raw), 'connector-type-unknown');
  return t ?? undefined;
};

export const readConnectorEnabled: Reader = (raw, sink) => {
  const enabled = asBool(raw);
  if (enabled === false) sink.report('False', 'connector-disabled');
  return enabled !== false;
};

/** A list of domains (`smtp:*;1`, `*.contoso.com`, `{Domain, IncludeSubDomains}`), each once. */
export const readDomainList: Reader = (raw, sink) => {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of asList(raw)) {
    const d = asDomainPattern(item);
    if (!d) sink.report(shortValue(item), 'domain-list-value-invalid');
    else if (!seen.has(d.toLowerCase())) {
      seen.add(d.toLowerCase());
      out.push(d);
    }
  }
  return out;
};

/** No sender domains is every domain (`*`). */
export const readSenderDomains: Reader = (raw, sink, entity) => {
  const list = readDomainList(raw, sink, entity) as string[];
  return list.length ? list : ['*'];
};

/** Addresses, CIDR blocks and ranges (a range that is not one block becomes the blocks covering it). */
export const readSenderIPs: Reader = (raw, sink) => {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of asList(raw)) {
    const r = ipEntryToCidrs(item);
    if (!r.ok) {
      sink.report(shortValue(item), r.code);
      continue;
    }
    if (r.converted) sink.report(shortValue(item), 'ip-range-converted', { count: r.cidrs.length, blocks: shortValue(r.cidrs.join(', '), 120) });
    for (const c of r.cidrs) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push(c);
    }
  }
  return out;
};

/** A certificate's domain name; null when unset or unreadable (reported). */
export const readCertificateName: Reader = (raw, sink) => {
  const name = asCertificateName(raw);
  if (name === null && !isEmptyValue(raw)) sink.report(shortValue(raw), 'certificate-name-invalid');
  return name;
};

/** SmartHosts: "mail.contoso.com", "[192.0.2.25]", "192.0.2.25", or {Domain/Address/IsIPAddress}. */
export function smartHostOf(value: unknown): string | null {
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

export const readSmartHosts: Reader = (raw, sink) => {
  const out: string[] = [];
  for (const item of asList(raw)) {
    const h = smartHostOf(item);
    if (h) out.push(h);
    else sink.report(shortValue(item), 'smart-host-invalid');
  }
  return out;
};

/**
 * Format 2: a connector scoped to transport rules is kept as it is: the engine uses it only for a
 * rule's routeMessageOutboundConnector, as Exchange Online does.
 */
export const readRuleScoped: Reader = (raw, sink) => {
  if (asBool(raw) !== true) return undefined;
  sink.report('True', 'outbound-rule-scoped');
  return true;
};

/**
 * TlsSettings (format 2: kept and exported, not simulated), by name (admin API, -EnumsAsStrings) or
 * by the TlsAuthLevel number ConvertTo-Json writes; any other value stays in the report.
 */
export const readTlsSettings: Reader = (raw, sink) => {
  const named = asEnum(raw, TLS_AUTH_LEVEL);
  const name = TLS_SETTINGS.find((n) => n === named);
  if (name) return name;
  if (raw !== null) sink.leave();
  return undefined;
};

/** TlsDomain (format 2): a domain name; an unreadable one stays in the report. */
export const readTlsDomain: Reader = (raw, sink) => {
  const domain = raw === undefined ? null : asCertificateName(raw);
  if (domain) return domain;
  if (!isEmptyValue(raw)) sink.leave();
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// Mail flow rules

export const readPriority: Reader = (raw, sink) => {
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 100_000) return n;
  sink.report(shortValue(raw), 'rule-priority-invalid');
  return undefined;
};

/** A rule is imported enabled or disabled exactly as in the tenant (issue 16). */
export const readRuleState: Reader = (raw, sink) => {
  const state = asEnum(raw, RULE_STATE);
  if (state === 'Disabled') sink.report('Disabled', 'rule-disabled');
  else if (state === null && raw !== undefined && raw !== null) sink.report(shortValue(raw), 'rule-state-unknown');
  return state !== 'Disabled';
};

/**
 * Test mode: Exchange evaluates the rule but does not enforce its actions ("Mail flow rule
 * procedures in Exchange Online"). The rule keeps its state; the simulation skips it.
 */
export const readRuleMode: Reader = (raw, sink) => {
  const mode = asEnum(raw, RULE_MODE);
  if (mode === 'Audit' || mode === 'AuditAndNotify') sink.notEvaluated(mode, 'rule-test-mode-kept');
  else if (mode === null && raw !== undefined && raw !== null) sink.report(shortValue(raw), 'rule-mode-unknown');
  return undefined;
};

/** SentToScope: the model evaluates InOrganization and NotInOrganization. */
export const readSentToScope: Reader = (raw, sink) => {
  if (isEmptyValue(raw)) return undefined;
  const s = asEnum(raw, TO_USER_SCOPE);
  if (s === 'InOrganization' || s === 'NotInOrganization') return s;
  sink.notEvaluated(s ?? raw, 'rule-sent-to-scope-unmodelled');
  return undefined;
};

export const readFromScope: Reader = (raw, sink) => {
  if (isEmptyValue(raw)) return undefined;
  const s = asEnum(raw, FROM_USER_SCOPE);
  if (!s) sink.notEvaluated(raw, 'rule-from-scope-unknown');
  return s ?? undefined;
};

/** RecipientDomainIs & co.: plain domains; a value the model cannot compare keeps the whole property. */
export const readPlainDomains: Reader = (raw, sink) => {
  const out: string[] = [];
  for (const item of asList(raw)) {
    const d = asPlainDomain(item);
    if (d) out.push(d);
    else sink.notEvaluated(raw, 'rule-domain-uncomparable');
  }
  return out.length ? out : undefined;
};

export const readStatusCode: Reader = (raw, sink) => {
  const code = asText(raw);
  if (!code) return undefined;
  if (patterns.rejectStatusCode.test(code)) return code;
  sink.notEvaluated(raw, 'rule-status-code-invalid');
  return undefined;
};

export const readRedirect: Reader = (raw, sink) => {
  const out: string[] = [];
  for (const item of asList(raw)) {
    const a = typeof item === 'string' ? item.replace(/^smtp:/i, '') : asText((item as ExoObject | null)?.PrimarySmtpAddress);
    if (a && isEmail(a)) out.push(a);
    else sink.notEvaluated(item, 'rule-redirect-not-address');
  }
  return out.length ? out : undefined;
};

/** SetHeaderValue goes with SetHeaderName (read before it); a value without a name is only reported. */
export const readHeaderValue: Reader = (raw, sink, entity) => {
  const value = asText(raw);
  if ((entity.actions as { setHeaderName?: string } | undefined)?.setHeaderName) return value ?? null;
  if (value) sink.report(shortValue(value), 'rule-header-value-without-name');
  return undefined;
};

/** RouteMessageOutboundConnector names a connector of this tenant; the design holds its id. */
export const readRouteConnector: Reader = (raw, sink) => {
  if (isEmptyValue(raw)) return undefined;
  const target = asText(raw);
  const id = target ? sink.connectorId(target) : undefined;
  if (id) return id;
  sink.notEvaluated(raw, 'rule-route-connector-missing');
  return undefined;
};

/** ActivationDate / ExpiryDate change when the rule applies: kept, not evaluated. */
export const readTimeWindow: Reader = (raw, sink) => {
  if (!isEmptyValue(raw)) sink.notEvaluated(raw, 'rule-time-window');
  return undefined;
};

/** Format 2 models SenderAddressLocation (Header, Envelope, HeaderOrEnvelope); Header is the default, left out. */
export const readSenderLocation: Reader = (raw, sink) => {
  const name = typeof raw === 'string' ? SENDER_ADDRESS_LOCATION_NAMES.find((n) => n.toLowerCase() === raw.toLowerCase()) : undefined;
  if (!isEmptyValue(raw) && !name) sink.notEvaluated(raw, 'rule-sender-location-envelope');
  return name && name !== 'Header' ? name : undefined;
};
