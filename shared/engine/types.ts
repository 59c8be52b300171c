/**
 * What the simulation engine returns. These types are the contract between the engine, the CLI's
 * `simulate --json` (cli.md) and the app's playback: the renderer decides nothing about mail flow,
 * it only shows these values.
 */
import type { Disposition, Result } from '../model/schema';
import type { ThrottlingSettings } from '../model/service';

export type { Lang } from '../i18n/languages';

export type SmtpStage = 'connect' | 'mail' | 'rcpt' | 'data';

export interface SmtpReply {
  /** Basic reply code: 250, 451, 550. */
  code: number;
  /** Enhanced status code: `2.6.0`, `5.7.64`. */
  enhanced: string;
  /** Reply text without the codes, as cli.md shows it: `Queued mail for delivery`. */
  text: string;
  stage: SmtpStage;
}

export type AttributionKey = 'certificate' | 'mailFrom' | 'headerFrom' | 'rcptTo' | 'recipientTenant' | 'cloudMailbox';

export interface Attribution {
  /** The tenant where the message was first received (for 5.7.51/5.7.68: the tenant whose setting refused it). */
  tenant: string;
  direction: 'originating' | 'incoming';
  /** The inbound connector used, or null. */
  connector: string | null;
  key: AttributionKey;
}

export interface RecipientOutcome {
  /** As the user wrote it. */
  address: string;
  disposition: Disposition;
  /** Where the recipient ended (see cli.md); null for the Internet, on-premises and refusals before any tenant. */
  tenant: string | null;
  /** Tenants the message passed through for this recipient, in order (first receipt first). */
  path: string[];
  /** The enhanced status code that decided this recipient. */
  code: string;
  /** For a redirect target: the recipient it replaced. */
  redirectedFrom?: string;
}

export type EventKind =
  | 'connect'
  | 'tls'
  | 'certificateExpired'
  | 'throttle'
  | 'connectorMatch'
  | 'certificateCheck'
  | 'attribution'
  | 'unstable'
  | 'enforcement'
  | 'rcptRejected'
  | 'reject'
  | 'accepted'
  | 'rule'
  | 'ruleSkipped'
  | 'handoff'
  | 'deliver'
  | 'outbound'
  | 'ndr';

export const EVENT_KINDS: readonly EventKind[] = [
  'connect',
  'tls',
  'certificateExpired',
  'throttle',
  'connectorMatch',
  'certificateCheck',
  'attribution',
  'unstable',
  'enforcement',
  'rcptRejected',
  'reject',
  'accepted',
  'rule',
  'ruleSkipped',
  'handoff',
  'deliver',
  'outbound',
  'ndr',
];

export type RuleSkipReason = 'notEvaluated' | 'exception' | 'noMatch' | 'stopped' | 'nullSender';

/** A domain compared with a tenant's accepted domains, for the "why" of a decision. */
export interface DomainCheck {
  /** Which address or name the domain came from. */
  role: 'certificate' | 'mailFrom' | 'headerFrom' | 'rcptTo';
  domain: string | null;
  tenant: string;
  accepted: boolean;
}

/** Data carried by each kind of event; the app explains a step from these, never by parsing text. */
export interface EventDataByKind {
  connect: {
    server: string;
    ip: string;
    tls: boolean;
    /** Names on the certificate the server presents (empty without one). */
    certificateNames: string[];
    /** A certificate that is untrusted or sent without its chain matches no connector. */
    certificateUsable: boolean;
    mailFrom: string;
    rcptTo: string[];
    headerFrom: string | null;
  };
  /** What TLS was negotiated, or why not (version 2). */
  tls: {
    server: string;
    /** The version the server offers; null when it does not offer TLS at all. */
    offered: string | null;
    minimum: '1.0' | '1.2';
    negotiated: boolean;
  };
  /** The certificate is outside its validity window at the evaluation date: it matches nothing. */
  certificateExpired: {
    server: string;
    subject: string;
    notBefore: string | null;
    notAfter: string | null;
    asOf: string;
    /** `expired` after notAfter, `notYetValid` before notBefore. */
    state: 'expired' | 'notYetValid';
  };
  /** MC1226222: several tenants remain and the service may pick any of them. */
  unstable: {
    /** Every remaining tenant, in document order; the result follows `chosen`. */
    tenants: string[];
    chosen: string;
  };
  /** Out-of-date on-premises Exchange server enforcement (version 2). */
  enforcement: {
    server: string;
    tenant: string;
    version: string;
    /** Why the server counts as out of date. */
    reason: 'endOfSupport' | 'notUpToDate';
    stage: 'off' | 'report' | 'throttle' | 'block';
    minutesPerHour: number;
    /** The tenant's pause, when it is in effect (enforcement then does nothing). */
    pausedUntil: string | null;
    asOf: string;
  };
  throttle: {
    server: string;
    ip: string;
    /** A source covered by a connector is never throttled. */
    covered: boolean;
    coveringConnector: string | null;
    /** The hour that deferred the most (null when nothing was deferred). */
    worstHour: number | null;
    /** 451 replies in all (a message deferred in three hours counts three times). */
    deferred: number;
    /** Distinct messages deferred at least once. */
    messagesDeferred: number;
    expired: number;
    threshold: number | null;
    settings: ThrottlingSettings;
  };
  connectorMatch: {
    /** Matched candidates in document order; empty when nothing matched. */
    candidates: Array<{ connector: string; tenant: string; by: 'certificate' | 'ip'; matched: string }>;
    server: string;
    ip: string;
    certificateNames: string[];
  };
  certificateCheck: {
    connector: string;
    tenant: string;
    /** The certificate name that matched the connector's TlsSenderCertificateName. */
    certificateName: string;
    connectorCertificateName: string;
    mode: 'oneLabelUp' | 'exact' | 'anyAncestor' | 'wildcardNamespace';
    /** Domains looked up in the tenant's accepted domains, in order. */
    checkedDomains: string[];
    /** The accepted domain that made it pass, or null. */
    acceptedDomain: string | null;
    accepted: boolean;
  };
  attribution: {
    tenant: string;
    direction: 'originating' | 'incoming';
    connector: string | null;
    key: AttributionKey;
    relayRights: boolean;
    checks: DomainCheck[];
    /** Incoming mail split per owning tenant: every tenant that receives a copy. */
    tenants: string[];
    /** A service setting that decided this step, if one did. */
    setting: { name: string; value: string | boolean } | null;
  };
  rcptRejected: { recipient: string; tenant: string; domain: string };
  reject: {
    reason:
      | 'allRecipientsRejected'
      | 'unattributedRelay'
      | 'ambiguousTenant'
      | 'multipleRecipientDomains'
      | 'partnerRestriction'
      | 'directSend'
      | 'outOfDateServer';
    tenant: string | null;
    connector: string | null;
    /** For a Partner restriction: which one (requireTls, restrictDomainsToIPAddresses, ...). */
    restriction: string | null;
    checks: DomainCheck[];
    /** Candidate tenants (ambiguity) or recipient domains (several domains). */
    involved: string[];
    setting: { name: string; value: string | boolean } | null;
  };
  accepted: { messageId: string };
  rule: {
    rule: string;
    tenant: string;
    recipients: string[];
    action: 'reject' | 'delete' | 'redirect' | 'route' | 'setHeader' | 'other' | 'stop';
    redirectTo: string[];
    header: { name: string; value: string } | null;
    stopRuleProcessing: boolean;
    /** The conditions that matched, for the "why". */
    matchedConditions: string[];
    /** routeMessageOutboundConnector: the connector named, and whether it is disabled (then ignored). */
    routeVia: string | null;
    routeViaDisabled: boolean;
    /** Actions kept but not simulated (prepend subject, audit severity…): shown only. */
    otherActions: string[];
  };
  /**
   * A rule that did not act on some recipients, and why (cli.md, version 2): `notEvaluated` (it has
   * conditions the model cannot evaluate), `exception` (an exception matched), `noMatch` (a condition
   * did not hold), `stopped` (an earlier rule stopped rule processing), `nullSender` (rules do not
   * process `<>` mail; `rule` is then null and every rule of the tenant is skipped).
   */
  ruleSkipped: {
    rule: string | null;
    tenant: string;
    recipients: string[];
    reason: RuleSkipReason;
    /** The condition that failed, the exception that matched, or the unmodelled conditions. */
    conditions: string[];
    /** For `stopped`: the rule that stopped processing. */
    stoppedBy: string | null;
  };
  handoff: { fromTenant: string; toTenant: string; recipients: string[] };
  deliver: { tenant: string; recipient: string; domainType: 'Authoritative' | 'InternalRelay' };
  outbound: {
    tenant: string;
    recipient: string;
    connector: string | null;
    destination: 'onPremises' | 'internet';
    smartHosts: string[];
    useMXRecord: boolean;
    /** Why this connector: recipient domain, a rule's routeMessageOutboundConnector, or centralized mail transport. */
    via: 'recipientDomain' | 'rule' | 'centralizedTransport';
  };
  ndr: {
    tenant: string;
    recipient: string;
    /** The P1 sender the NDR goes back to; `<>` gets none. */
    to: string;
    sent: boolean;
    rule: string | null;
    code: string;
    text: string;
  };
}

export type SimEvent = {
  [K in EventKind]: {
    /** 1-based order. */
    seq: number;
    kind: K;
    /** Where it happened: an entity id, `eop` (the front door) or `internet`. */
    at: string;
    /** Where it came from: an entity id, `eop` or `internet`. */
    from: string;
    /** Plain-language explanation in the requested language. */
    text: string;
    /** The tenant the step happened in, if any. */
    tenant: string | null;
    /** Ids of every entity involved, for highlighting. */
    entities: string[];
    /** The enhanced status code of the step, when it has one. */
    code: string | null;
    /** An SMTP reply this step produced, if any. */
    smtp: SmtpReply | null;
    /** Where the rule applied here comes from (mailflow-model.md section and Microsoft source). */
    source: string;
    data: EventDataByKind[K];
  };
}[EventKind];

/** One line of the SMTP conversation, tied to the event at which it happened. */
export interface TranscriptLine {
  seq: number;
  side: 'client' | 'server';
  line: string;
}

export interface LoadHour {
  hour: number;
  offered: number;
  accepted: number;
  deferred: number;
  queued: number;
  expired: number;
  /** Refused for good by out-of-date server blocking (version 2; 0 otherwise). */
  rejected: number;
  /** The threshold in force that hour (Infinity is shown as null: a covered source is not limited). */
  threshold: number | null;
}

/** One branch of an unstable attribution (the chosen tenant's branch is the first). */
export interface Alternative {
  tenant: string;
  result: Result;
  smtp: SmtpReply;
  attribution: Attribution | null;
  recipients: RecipientOutcome[];
  /** The branch's trace, so the app can play each branch. */
  events: SimEvent[];
}

export interface MessageSimulation {
  type: 'message';
  scenarioId: string | null;
  /** The evaluation date (`YYYY-MM-DD`). */
  asOf: string;
  /** Exchange Online may attribute this message to several tenants (MC1226222). */
  unstable: boolean;
  /** When unstable: every remaining tenant's branch, the chosen one first. */
  alternatives?: Alternative[];
  result: Result;
  smtp: SmtpReply;
  attribution: Attribution | null;
  recipients: RecipientOutcome[];
  events: SimEvent[];
  transcript: TranscriptLine[];
  /** Headers stamped by rules, per tenant, in order. */
  headers: Array<{ tenant: string; rule: string; name: string; value: string }>;
}

export interface LoadSimulation {
  type: 'load';
  scenarioId: string | null;
  asOf: string;
  unstable: false;
  result: Result;
  smtp: SmtpReply;
  attribution: null;
  recipients: [];
  events: SimEvent[];
  transcript: TranscriptLine[];
  hours: LoadHour[];
  /** The connector that covers the source, if any (then nothing is throttled). */
  coveringConnector: string | null;
}

export type Simulation = MessageSimulation | LoadSimulation;

/**
 * One SMTP transaction given directly (cli.md: `simulate --server --from --to`), or a message sent
 * by a cloud mailbox (`fromMailbox`, version 2: then `serverId` is absent).
 */
export interface MessageInput {
  serverId?: string;
  fromMailbox?: string | null;
  mailFrom: string;
  rcptTo: string[];
  headerFrom?: string | null;
}
