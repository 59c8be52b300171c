/**
 * The topology document, format version 2, as `document-format.md` defines it (version-1 files
 * load through the `1 → 2` migration in `migrate.ts`).
 *
 * One zod schema is the single description of the format: the loader validates with it, the JSON
 * Schema in `shared/model/mailflow-topology.schema.json` is generated from it (`npm run schema`), and
 * the TypeScript types below are inferred from it. Objects are strict: an unknown field is an error
 * naming its path, so a typo never passes silently.
 */
import { z } from 'zod';
import { guardsSchema } from '../analysis/guardsSchema';
import { registerFastAcceptor } from './bounded';

// Patterns are regular expressions (not refinements) so the generated JSON Schema carries them too.
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN = `(?:${LABEL}\\.)+${LABEL}`;
const LOCAL = '[^\\s@<>"(),;:\\\\\\[\\]]{1,64}';

export const patterns = {
  ipv4: new RegExp(`^${IPV4}$`),
  ipv4OrCidr: new RegExp(`^${IPV4}(?:/(?:[0-9]|[12][0-9]|3[0-2]))?$`),
  domain: new RegExp(`^${DOMAIN}$`),
  domainOrWildcard: new RegExp(`^(?:\\*\\.)?${DOMAIN}$`),
  domainPattern: new RegExp(`^(?:\\*|(?:\\*\\.)?${DOMAIN})$`),
  email: new RegExp(`^${LOCAL}@${DOMAIN}$`),
  emailOrNull: new RegExp(`^(?:<>|${LOCAL}@${DOMAIN})$`),
  id: /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/,
  rejectStatusCode: /^5\.7\.(?:1|9\d\d)$/,
  date: /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/,
  smartHost: new RegExp(`^(?:${DOMAIN}|${IPV4})$`),
} as const;

const ipv4 = z.string().regex(patterns.ipv4, 'expected an IPv4 address such as 203.0.113.10');
const ipv4OrCidr = z
  .string()
  .regex(patterns.ipv4OrCidr, 'expected an IPv4 address or CIDR block (/0 to /32) such as 198.51.100.0/24');
const domain = z.string().regex(patterns.domain, 'expected a domain name such as contoso.com');
const domainOrWildcard = z
  .string()
  .regex(patterns.domainOrWildcard, 'expected a name such as mail.contoso.com or *.contoso.com');
const domainPattern = z
  .string()
  .regex(patterns.domainPattern, 'expected a domain, a wildcard such as *.contoso.com, or *');
const email = z.string().regex(patterns.email, 'expected an e-mail address such as alice@contoso.com');
const emailOrNull = z
  .string()
  .regex(patterns.emailOrNull, 'expected an e-mail address such as alice@contoso.com, or <> for a null sender');
const id = z
  .string()
  .regex(patterns.id, 'expected an id of letters, digits, ".", "_" or "-" (starting with a letter or digit)');
const text = z.string().max(10_000);
/** A calendar date `YYYY-MM-DD` (document-format.md, version 2: "Dates are YYYY-MM-DD"). */
const date = z
  .string()
  .regex(patterns.date, 'expected a date such as 2026-02-01 (YYYY-MM-DD)')
  // The refinement also runs when the pattern failed, so it must not throw on any string.
  .refine((d) => !patterns.date.test(d) || isRealDate(d), 'expected a date that exists, such as 2026-02-28');

/** Is `YYYY-MM-DD` a day of the calendar (not 2026-02-30)? */
export function isRealDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
}
/** The administrator's note, imported from `Comment` / `Comments` (version 2). */
const comment = z.string().max(2000);
/** An action or condition the model keeps but does not simulate: a name and any JSON value. */
const namedValue = z.strictObject({ name: z.string().min(1).max(200), value: z.unknown().optional() });
// SMTP cannot carry a line break inside one header or one reply line (RFC 5322 2.2 and 3.2.2,
// RFC 5321 4.2): a CR or LF would end it early and start a forged one. A field name is printable
// US-ASCII without a colon (RFC 5322 2.2).
const oneLine = (max: number) => z.string().max(max).regex(/^[^\r\n]*$/, 'expected one line of text (no line breaks: SMTP cannot carry them)');
const headerName = z.string().min(1).max(200).regex(/^[\x21-\x39\x3b-\x7e]+$/, 'expected a header name of printable ASCII without spaces or colons, such as X-Contoso-Tag');

export const PRESETS = ['current', '2017-12'] as const;
export const DOMAIN_TYPES = ['Authoritative', 'InternalRelay'] as const;
export const CONNECTOR_TYPES = ['OnPremises', 'Partner'] as const;
export const MULTI_RECIPIENT_DOMAIN_POLICIES = ['acceptIfSameTenant', 'rejectIfMultipleDomains'] as const;
export const CERT_DOMAIN_MATCH_MODES = ['oneLabelUp', 'exact', 'anyAncestor', 'wildcardNamespace'] as const;
export const AMBIGUOUS_TENANT_POLICIES = ['reject', 'firstListed', 'unstable'] as const;
export const TLS_VERSIONS = ['1.0', '1.1', '1.2', '1.3'] as const;
export const MINIMUM_TLS_VERSIONS = ['1.0', '1.2'] as const;
export const ENFORCEMENT_STAGES = ['off', 'report', 'throttle', 'block'] as const;
export const EXCHANGE_VERSIONS = ['2013', '2016', '2019', 'SE'] as const;
export const SENDER_ADDRESS_LOCATIONS = ['Header', 'Envelope', 'HeaderOrEnvelope'] as const;
export const TLS_SETTINGS = ['EncryptionOnly', 'CertificateValidation', 'DomainValidation'] as const;
export const UNATTRIBUTED_RELAY_REPLIES = ['5.7.64', '4.4.62'] as const;
export const SCOPES = ['InOrganization', 'NotInOrganization'] as const;
export const SERVER_ROLES = ['onPremises', 'external'] as const;
export const RESULTS = ['accepted', 'rejected', 'deferred'] as const;
export const DISPOSITIONS = [
  'delivered',
  'onPremises',
  'internet',
  'ndr',
  'deleted',
  'redirected',
  'rejected',
  'deferred',
] as const;

export const throttlingSchema = z.strictObject({
  surgeFactor: z.number().positive().max(1e6).optional(),
  surgeFloorPerHour: z.number().int().nonnegative().max(1e9).optional(),
  newSourcePerHour: z.number().int().nonnegative().max(1e9).optional(),
  historyDays: z.number().int().min(1).max(365).optional(),
  messageExpirationHours: z.number().int().min(1).max(24 * 30).optional(),
});

export const serviceSchema = z.strictObject({
  preset: z.enum(PRESETS).default('current'),
  headerFromCountsForRelay: z.boolean().optional(),
  multiRecipientDomainPolicy: z.enum(MULTI_RECIPIENT_DOMAIN_POLICIES).optional(),
  certDomainMatch: z.enum(CERT_DOMAIN_MATCH_MODES).optional(),
  ambiguousTenantPolicy: z.enum(AMBIGUOUS_TENANT_POLICIES).optional(),
  unattributedRelayReply: z.enum(UNATTRIBUTED_RELAY_REPLIES).optional(),
  throttling: throttlingSchema.optional(),
  asOf: date.nullable().optional(),
  nullSenderSkipsRules: z.boolean().optional(),
  minimumInboundTlsVersion: z.enum(MINIMUM_TLS_VERSIONS).optional(),
  outOfDateServerEnforcement: z
    .strictObject({
      stage: z.enum(ENFORCEMENT_STAGES).optional(),
      minutesPerHour: z.number().int().min(1).max(60).optional(),
    })
    .optional(),
});

export const acceptedDomainSchema = z.strictObject({
  domainName: domain,
  domainType: z.enum(DOMAIN_TYPES),
  matchSubDomains: z.boolean().default(false),
});

export const inboundConnectorSchema = z.strictObject({
  id,
  name: text,
  connectorType: z.enum(CONNECTOR_TYPES),
  enabled: z.boolean().default(true),
  senderIPAddresses: z.array(ipv4OrCidr).max(10_000).default([]),
  tlsSenderCertificateName: domainOrWildcard.nullable().default(null),
  requireTls: z.boolean().default(false),
  restrictDomainsToIPAddresses: z.boolean().default(false),
  restrictDomainsToCertificate: z.boolean().default(false),
  senderDomains: z.array(domainPattern).max(10_000).default(['*']),
  comment: comment.optional(),
});

export const outboundConnectorSchema = z.strictObject({
  id,
  name: text,
  connectorType: z.enum(CONNECTOR_TYPES),
  enabled: z.boolean(),
  recipientDomains: z.array(domainPattern).max(10_000),
  allAcceptedDomains: z.boolean(),
  useMXRecord: z.boolean(),
  smartHosts: z.array(z.string().regex(patterns.smartHost, 'expected a host name or IPv4 address')).max(100),
  routeAllMessagesViaOnPremises: z.boolean(),
  isTransportRuleScoped: z.boolean().optional(),
  tlsSettings: z.enum(TLS_SETTINGS).nullable().optional(),
  tlsDomain: domainOrWildcard.nullable().optional(),
  comment: comment.optional(),
});

export const ruleConditionsSchema = z.strictObject({
  sentToScope: z.enum(SCOPES).optional(),
  recipientDomainIs: z.array(domain).max(10_000).optional(),
  senderDomainIs: z.array(domain).max(10_000).optional(),
  fromScope: z.enum(SCOPES).optional(),
});

export const ruleExceptionsSchema = z.strictObject({
  exceptIfRecipientDomainIs: z.array(domain).max(10_000).optional(),
  exceptIfSenderDomainIs: z.array(domain).max(10_000).optional(),
});

export const ruleActionsSchema = z
  .strictObject({
    rejectMessageReasonText: oneLine(10_000).nullable().optional(),
    rejectMessageEnhancedStatusCode: z
      .string()
      .regex(patterns.rejectStatusCode, 'expected 5.7.1 or a code from 5.7.900 to 5.7.999')
      .nullable()
      .optional(),
    deleteMessage: z.boolean().optional(),
    redirectMessageTo: z.array(email).max(100).optional(),
    setHeaderName: headerName.nullable().optional(),
    setHeaderValue: oneLine(2000).nullable().optional(),
    stopRuleProcessing: z.boolean().optional(),
    routeMessageOutboundConnector: id.nullable().optional(),
    otherActions: z.array(namedValue).max(100).optional(),
  })
  .superRefine((a, ctx) => {
    if (!hasAnyAction(a)) {
      ctx.addIssue({ code: 'custom', message: 'expected at least one action' });
    }
    if ((a.setHeaderName ?? null) === null && (a.setHeaderValue ?? null) !== null) {
      ctx.addIssue({ code: 'custom', path: ['setHeaderName'], message: 'expected a header name with setHeaderValue' });
    }
  });

/**
 * A rule must do something: reject, delete, redirect, stamp a header, stop processing, route through
 * a connector, or an action kept in `otherActions` (version 2: "they count as an action").
 */
export function hasAnyAction(a: z.input<typeof ruleActionsSchema>): boolean {
  return (
    (a.rejectMessageReasonText ?? null) !== null ||
    (a.rejectMessageEnhancedStatusCode ?? null) !== null ||
    a.deleteMessage === true ||
    (a.redirectMessageTo?.length ?? 0) > 0 ||
    (a.setHeaderName ?? null) !== null ||
    a.stopRuleProcessing === true ||
    (a.routeMessageOutboundConnector ?? null) !== null ||
    (a.otherActions?.length ?? 0) > 0
  );
}

export const transportRuleSchema = z.strictObject({
  id,
  name: text,
  priority: z.number().int().min(0).max(100_000),
  enabled: z.boolean(),
  conditions: ruleConditionsSchema,
  exceptions: ruleExceptionsSchema.optional(),
  actions: ruleActionsSchema,
  senderAddressLocation: z.enum(SENDER_ADDRESS_LOCATIONS).optional(),
  unmodelledConditions: z.array(namedValue).max(100).optional(),
  comment: comment.optional(),
});

export const tenantSchema = z.strictObject({
  id,
  name: text,
  acceptedDomains: z.array(acceptedDomainSchema).max(10_000),
  recipients: z.array(email).max(1_000_000).default([]),
  rejectDirectSend: z.boolean().default(false),
  inboundConnectors: z.array(inboundConnectorSchema).max(10_000).default([]),
  outboundConnectors: z.array(outboundConnectorSchema).max(10_000).default([]),
  transportRules: z.array(transportRuleSchema).max(10_000).default([]),
  enforcementPausedUntil: date.nullable().optional(),
  comment: comment.optional(),
});

export const certificateSchema = z.strictObject({
  subject: domainOrWildcard,
  subjectAlternativeNames: z.array(domainOrWildcard).max(1000),
  trusted: z.boolean(),
  chainComplete: z.boolean(),
  notBefore: date.nullable().optional(),
  notAfter: date.nullable().optional(),
});

export const serverSchema = z.strictObject({
  id,
  name: text,
  role: z.enum(SERVER_ROLES),
  ipAddress: ipv4,
  tls: z.boolean(),
  certificate: certificateSchema.nullable().default(null),
  tlsVersion: z.enum(TLS_VERSIONS).optional(),
  exchange: z.strictObject({ version: z.enum(EXCHANGE_VERSIONS), upToDate: z.boolean().optional() }).nullable().optional(),
  comment: comment.optional(),
});

/** The fields of a server, and which of them the fast path below takes as they are. */
const PLAIN_SERVER_FIELDS = new Set(['id', 'name', 'role', 'ipAddress', 'tls', 'certificate', 'tlsVersion', 'exchange', 'comment']);

/**
 * serverSchema without zod for the common server (a document may list 100,000): its own fields,
 * no certificate or Exchange version (absent or null), every value as the schema wants it. The
 * result is what zod returns (fields in the schema's order, `certificate: null` by default);
 * anything else goes to zod, which gives its own issues (test/model/fast-accept.test.ts).
 */
registerFastAcceptor(serverSchema, (v) => {
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const s = v as Record<string, unknown>;
  for (const key in s) if (!PLAIN_SERVER_FIELDS.has(key) || s[key] === undefined) return undefined;
  const { id, name, role, ipAddress, tls, tlsVersion, comment } = s;
  if (typeof id !== 'string' || !patterns.id.test(id) || typeof name !== 'string' || name.length > 10_000) return undefined;
  if (!SERVER_ROLES.includes(role as never) || typeof ipAddress !== 'string' || !patterns.ipv4.test(ipAddress) || typeof tls !== 'boolean') return undefined;
  if ((s.certificate ?? null) !== null || (s.exchange ?? null) !== null) return undefined;
  if (tlsVersion !== undefined && !TLS_VERSIONS.includes(tlsVersion as never)) return undefined;
  if (comment !== undefined && (typeof comment !== 'string' || comment.length > 2000)) return undefined;
  const out: Record<string, unknown> = { id, name, role, ipAddress, tls, certificate: null };
  if (tlsVersion !== undefined) out.tlsVersion = tlsVersion;
  if (Object.hasOwn(s, 'exchange')) out.exchange = null;
  if (comment !== undefined) out.comment = comment;
  return out;
});

export const expectedRecipientSchema = z.strictObject({
  disposition: z.enum(DISPOSITIONS),
  tenant: id.nullable().optional(),
  path: z.array(id).max(1000).optional(),
  code: z.string().regex(/^[245]\.\d{1,3}\.\d{1,3}$/, 'expected an enhanced status code such as 5.7.64').optional(),
});

export const expectSchema = z.strictObject({
  result: z.enum(RESULTS),
  code: z.string().regex(/^[245]\.\d{1,3}\.\d{1,3}$/, 'expected an enhanced status code such as 5.7.64').optional(),
  attributedTenant: id.optional(),
  recipients: z.record(z.string(), expectedRecipientSchema).optional(),
  unstable: z.boolean().optional(),
});

export const loadSchema = z.strictObject({
  baselinePerHour: z.number().int().nonnegative().max(1e9),
  baselineDays: z.number().int().nonnegative().max(365),
  burstPerHour: z.number().int().nonnegative().max(1e9),
  burstHours: z.number().int().min(1).max(24 * 365),
});

export const scenarioSchema = z
  .strictObject({
    id,
    name: text,
    description: text.optional(),
    serverId: id.optional(),
    fromMailbox: email.optional(),
    mailFrom: emailOrNull.optional(),
    rcptTo: z.array(email).min(1, 'expected at least one recipient').max(1000).optional(),
    headerFrom: email.optional(),
    load: loadSchema.optional(),
    expect: expectSchema.optional(),
    asOf: date.optional(),
    comment: comment.optional(),
  })
  .superRefine((s, ctx) => {
    // Version 2: a message comes from a server (`serverId`) or a cloud mailbox (`fromMailbox`).
    if (s.serverId === undefined && s.fromMailbox === undefined) {
      ctx.addIssue({ code: 'custom', path: ['serverId'], message: 'expected serverId (the sending server), or fromMailbox for a message sent by a cloud mailbox' });
    }
    if (s.serverId !== undefined && s.fromMailbox !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['fromMailbox'], message: 'expected either serverId or fromMailbox, not both' });
    }
    if (s.fromMailbox !== undefined && s.load) {
      ctx.addIssue({ code: 'custom', path: ['fromMailbox'], message: 'expected serverId in a load scenario (a load comes from a server)' });
    }
    if (s.fromMailbox !== undefined && s.mailFrom === '<>') {
      ctx.addIssue({ code: 'custom', path: ['mailFrom'], message: 'expected an address: a mailbox always has one, so a fromMailbox scenario cannot send as <>' });
    }
    // "A load scenario has `load` and no `mailFrom`/`rcptTo`; a message scenario has both and no `load`."
    if (s.load) {
      for (const key of ['mailFrom', 'rcptTo', 'headerFrom'] as const) {
        if (s[key] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: `a load scenario has no ${key}` });
        }
      }
    } else {
      for (const key of ['mailFrom', 'rcptTo'] as const) {
        if (s[key] === undefined && !(key === 'mailFrom' && s.fromMailbox !== undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `expected ${key} (a message scenario has mailFrom and rcptTo; a load scenario has load)`,
          });
        }
      }
    }
  });

export const positionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

/**
 * positionSchema without zod for the common case (a document holds one position per entity):
 * `{x, y}` of two finite numbers, an object of exactly those own fields, is what zod returns too;
 * anything else goes to zod, which gives its own issues (test/model/fast-accept.test.ts).
 */
registerFastAcceptor(positionSchema, (v, reuse) => {
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const p = v as Record<string, unknown>;
  const { x, y } = p;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  let fields = 0;
  let xFirst = false;
  for (const key in p) {
    if (key !== 'x' && key !== 'y') return undefined;
    if (fields++ === 0) xFirst = key === 'x';
  }
  if (fields !== 2 || !Object.hasOwn(p, 'x') || !Object.hasOwn(p, 'y')) return undefined;
  // The loader's own object, already `{x, y}` in zod's order: kept, not copied.
  return reuse && xFirst ? p : { x, y };
});

export const viewSchema = z.strictObject({
  positions: z.record(z.string(), positionSchema).default({}),
  viewport: z
    .strictObject({ x: z.number().finite(), y: z.number().finite(), zoom: z.number().positive().max(100) })
    .optional(),
  notes: z
    .array(
      z.strictObject({
        id,
        text,
        x: z.number().finite(),
        y: z.number().finite(),
        width: z.number().positive().max(100_000).optional(),
        color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'expected a colour such as #FFE08A').optional(),
      }),
    )
    .max(10_000)
    .optional(),
});

export const FORMAT = 'mailflow-topology';
export const CURRENT_VERSION = 2;

export const documentSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  title: text,
  service: serviceSchema.optional(),
  tenants: z.array(tenantSchema).max(100_000),
  servers: z.array(serverSchema).max(100_000),
  scenarios: z.array(scenarioSchema).max(100_000).default([]),
  view: viewSchema.optional(),
  guards: guardsSchema({ id, domain, text, results: RESULTS, dispositions: DISPOSITIONS, roles: SERVER_ROLES }).optional(),
});

export type TopologyDocument = z.output<typeof documentSchema>;
export type TopologyDocumentInput = z.input<typeof documentSchema>;
export type ServiceSettingsInput = z.output<typeof serviceSchema>;
export type ThrottlingInput = z.output<typeof throttlingSchema>;
export type Tenant = z.output<typeof tenantSchema>;
export type AcceptedDomain = z.output<typeof acceptedDomainSchema>;
export type InboundConnector = z.output<typeof inboundConnectorSchema>;
export type OutboundConnector = z.output<typeof outboundConnectorSchema>;
export type TransportRule = z.output<typeof transportRuleSchema>;
export type RuleConditions = z.output<typeof ruleConditionsSchema>;
export type RuleExceptions = z.output<typeof ruleExceptionsSchema>;
export type RuleActions = z.output<typeof ruleActionsSchema>;
export type Server = z.output<typeof serverSchema>;
export type Certificate = z.output<typeof certificateSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type LoadProfile = z.output<typeof loadSchema>;
export type Expectation = z.output<typeof expectSchema>;
export type ExpectedRecipient = z.output<typeof expectedRecipientSchema>;
export type Position = z.output<typeof positionSchema>;
export type View = z.output<typeof viewSchema>;
export type Guard = NonNullable<TopologyDocument['guards']>[number];
export type Disposition = (typeof DISPOSITIONS)[number];
export type Result = (typeof RESULTS)[number];
export type Preset = (typeof PRESETS)[number];
export type CertDomainMatchMode = (typeof CERT_DOMAIN_MATCH_MODES)[number];
export type TlsVersion = (typeof TLS_VERSIONS)[number];
export type EnforcementStage = (typeof ENFORCEMENT_STAGES)[number];
export type ExchangeVersion = (typeof EXCHANGE_VERSIONS)[number];
export type Note = NonNullable<View['notes']>[number];

/** A scenario that sends one message (it has `rcptTo`; `mailFrom` unless a mailbox sends it). */
export type MessageScenario = Scenario & { rcptTo: string[]; load?: undefined };
/** A scenario that models a source's volume over time (it has `load` and a server). */
export type LoadScenario = Scenario & { load: LoadProfile; serverId: string };

export function isLoadScenario(s: Scenario): s is LoadScenario {
  return s.load !== undefined;
}
