/**
 * The simulation engine: one SMTP transaction through Exchange Online, step by step as
 * mailflow-model.md "The decision procedure" describes it. Pure and deterministic: the same document
 * and input give the same result, events and texts.
 */
import type { OutboundConnector, Scenario, Server, Tenant, TopologyDocument } from '../model/schema';
import { isLoadScenario } from '../model/schema';
import { domainOf, NULL_SENDER, patternCovers, patternSpecificity } from '../model/net';
import { resolveService, type ServiceSettings } from '../model/service';
import { mailboxOwner } from '../model/integrity';
import { daysBetween, EXCHANGE_END_OF_SUPPORT } from '../model/timeline';
import {
  attributeByCertificate,
  connectionAt,
  type Connection,
  attributeByRecipient,
  attributeBySender,
  checkCertificateDomain,
  failedPartnerRestriction,
  findCandidates,
  partnerConnectorsFor,
  presentedNames,
  tenantHasConnectorForSource,
  usableCertificateNames,
  type AttributionDecision,
  type Candidate,
} from './attribution';
import { SimulationInputError } from './errors';
import { simulateLoadScenario } from './throttling';
import { namesOf, Trace } from './trace';
import { ownerOfDomain, indexTopology, recipientsOf, type TopologyIndex } from './topologyIndex';
import { rulesInOrder, ruleEffect, ruleVerdict, type RuleContext } from './transportRules';
import { SOURCES } from './sources';
import type {
  Alternative,
  Attribution,
  DomainCheck,
  Lang,
  MessageInput,
  MessageSimulation,
  RecipientOutcome,
  RuleSkipReason,
  Simulation,
  SmtpReply,
} from './types';

export interface SimulateOptions {
  lang?: Lang;
  /**
   * The run's date (`YYYY-MM-DD`, today as the app or the CLI says): the evaluation date when the
   * scenario, the document and the preset give none. The engine never reads a clock.
   */
  today?: string | null;
  /** A scenario's own `asOf` (set by simulateScenario). */
  scenarioAsOf?: string | null;
}

export { SimulationInputError };

/** Simulates a scenario of the document (a message or a load scenario) by id or value. */
export function simulateScenario(doc: TopologyDocument, scenario: string | Scenario, options: SimulateOptions = {}): Simulation {
  const s = typeof scenario === 'string' ? doc.scenarios.find((x) => x.id === scenario) : scenario;
  if (!s) throw new SimulationInputError(`no scenario "${String(scenario)}" in the document (it has: ${doc.scenarios.map((x) => x.id).join(', ') || 'none'})`);
  const opts = { ...options, scenarioId: s.id, scenarioAsOf: s.asOf ?? null };
  if (isLoadScenario(s)) return simulateLoadScenario(doc, s.serverId, s.load, opts);
  if (s.fromMailbox) {
    return simulateMessage(
      doc,
      { fromMailbox: s.fromMailbox, mailFrom: s.mailFrom ?? s.fromMailbox, rcptTo: s.rcptTo ?? [], headerFrom: s.headerFrom ?? null },
      opts,
    );
  }
  return simulateMessage(
    doc,
    { serverId: s.serverId, mailFrom: s.mailFrom ?? NULL_SENDER, rcptTo: s.rcptTo ?? [], headerFrom: s.headerFrom ?? null },
    opts,
  );
}

// SMTP replies the engine uses (mailflow-model.md, "SMTP replies the engine uses").
export const REPLIES = {
  accepted: { code: 250, enhanced: '2.6.0', text: 'Queued mail for delivery', stage: 'data' },
  edgeBlocked: { code: 550, enhanced: '5.4.1', text: 'Recipient address rejected: Access denied', stage: 'rcpt' },
  relayDenied: { code: 550, enhanced: '5.7.64', text: 'TenantAttribution; Relay Access Denied', stage: 'data' },
  wrongRegion: { code: 451, enhanced: '4.4.62', text: 'Mail sent to the wrong Office 365 region. ATTR35', stage: 'data' },
  partner: { code: 550, enhanced: '5.7.51', text: 'TenantInboundAttribution; Rejecting (connector restriction)', stage: 'data' },
  directSend: {
    code: 550,
    enhanced: '5.7.68',
    text: 'TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources',
    stage: 'data',
  },
} as const satisfies Record<string, SmtpReply>;

export const ROUTING_LOOP = { code: '5.4.14', text: 'Routing loop detected' } as const;
export const RECIPIENT_NOT_FOUND = {
  code: '5.1.10',
  text: 'RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
} as const;

/**
 * Out-of-date server enforcement replies ("How to pause throttling and blocking of out-of-date
 * on-premises Exchange Servers", December 2023), both at the end of DATA.
 */
export function enforcementReply(stage: 'throttle' | 'block', minutesPerHour: number): SmtpReply {
  return stage === 'throttle'
    ? {
        code: 450,
        enhanced: '4.7.230',
        text: `Connecting Exchange server version is out-of-date; connection to Exchange Online throttled for ${minutesPerHour} mins/hr.`,
        stage: 'data',
      }
    : {
        code: 550,
        enhanced: '5.7.230',
        text: `Connecting Exchange server version is out-of-date; connection to Exchange Online blocked for ${minutesPerHour} mins/hr.`,
        stage: 'data',
      };
}

/**
 * Is this server out of date on the date? Absent `exchange`: not Exchange Server, never affected.
 * A version past its end of support counts whatever `upToDate` says (Microsoft Lifecycle).
 */
export function outOfDateReason(server: Server, date: string): 'endOfSupport' | 'notUpToDate' | null {
  const x = server.exchange;
  if (!x) return null;
  const end = EXCHANGE_END_OF_SUPPORT[x.version];
  if (end !== null && date > end) return 'endOfSupport';
  return x.upToDate === false ? 'notUpToDate' : null;
}

/** The tenant's enforcement pause, when it is in effect on the date (strictly after it). */
export function pauseInEffect(tenant: Tenant, date: string): string | null {
  const until = tenant.enforcementPausedUntil ?? null;
  return until !== null && daysBetween(date, until) > 0 ? until : null;
}

/** Tenants one recipient may pass through before the engine calls it a loop (a guard, see route()). */
const MAX_TENANT_HOPS = 16;

/**
 * The reply for a relay that could not be attributed: 550 5.7.64 (with ATTR36 when a certificate
 * connector matched but its domain was not accepted, KB 4019940), or 451 4.4.62 … ATTR35 when the
 * service setting `unattributedRelayReply` says so.
 */
export function unattributedRelayReply(settings: ServiceSettings, certificateDomainFailed: boolean): SmtpReply {
  if (settings.unattributedRelayReply === '4.4.62') return { ...REPLIES.wrongRegion };
  return { ...REPLIES.relayDenied, text: REPLIES.relayDenied.text + (certificateDomainFailed ? ' ATTR36' : '') };
}

export function resultOf(reply: SmtpReply): 'accepted' | 'deferred' | 'rejected' {
  return reply.code < 400 ? 'accepted' : reply.code < 500 ? 'deferred' : 'rejected';
}

/** One SMTP transaction: connection, candidates, RCPT, attribution at end of DATA, processing. */
export function simulateMessage(
  doc: TopologyDocument,
  input: MessageInput,
  options: SimulateOptions & { scenarioId?: string | null } = {},
): MessageSimulation {
  const index = indexTopology(doc);
  const settings = resolveService(doc.service, { scenarioAsOf: options.scenarioAsOf, today: options.today });
  const scenarioId = options.scenarioId ?? null;
  const names = namesOf(doc);
  if (input.fromMailbox) {
    const tenant = mailboxOwner(doc, input.fromMailbox);
    if (!tenant) throw new SimulationInputError(`no tenant owns the mailbox "${input.fromMailbox}" (list it as a recipient, or use an Authoritative domain of a tenant)`);
    const run = new MessageRun(index, settings, null, input, new Trace(options.lang ?? 'en', names), null);
    return run.executeFromMailbox(scenarioId, tenant);
  }
  const server = input.serverId ? index.serverById.get(input.serverId) : undefined;
  if (!server) {
    throw new SimulationInputError(
      `no server "${input.serverId ?? ''}" in the document (it has: ${doc.servers.map((s) => s.id).join(', ') || 'none'})`,
    );
  }
  const first = new MessageRun(index, settings, server, input, new Trace(options.lang ?? 'en', names), null).execute(scenarioId);
  if (!first.unstableTenants) return first.simulation;
  // Unstable attribution (MC1226222): simulate once per remaining tenant, in document order; the
  // result is the first tenant's, and every branch is listed, the first included.
  const branches = first.unstableTenants.map((tenant, i) =>
    i === 0 ? first.simulation : new MessageRun(index, settings, server, input, new Trace(options.lang ?? 'en', names), tenant).execute(scenarioId).simulation,
  );
  const alternatives: Alternative[] = branches.map((b, i) => ({
    tenant: first.unstableTenants![i],
    result: b.result,
    smtp: b.smtp,
    attribution: b.attribution,
    recipients: b.recipients,
    events: b.events,
  }));
  return { ...first.simulation, unstable: true, alternatives };
}

/** One recipient on its way: an RCPT TO address or a redirect target (each its own outcome). */
interface Rcpt {
  address: string;
  path: string[];
  redirectedFrom?: string;
  /** Index of its outcome: a redirect target is a new recipient even when the address repeats. */
  slot: number;
  /** `tenant|address` pairs it passed through, to tell a redirect loop (5.4.14). */
  seen: string[];
  /** A rule's routeMessageOutboundConnector for it (the last rule that named one wins). */
  routeVia?: string;
}

interface Copy {
  tenant: Tenant;
  /** Originating here (attributed as the tenant's own mail) rather than handed off / Incoming. */
  originating: boolean;
  relayRights: boolean;
  /** Sent by a cloud mailbox of this tenant (centralized mail transport applies). */
  cloudMailbox?: boolean;
  recipients: Rcpt[];
}

interface RuleSkip {
  reason: RuleSkipReason;
  conditions: string[];
  stoppedBy: string | null;
  recipients: string[];
}

class MessageRun {
  private readonly mailFrom: string;
  private readonly headerFrom: string | null;
  /** Outcomes by slot: RCPT TO addresses first, then redirect targets as they appear. */
  private readonly outcomes: Array<RecipientOutcome | undefined> = [];
  private readonly slotOf = new Map<string, number>();
  private readonly headers: MessageSimulation['headers'] = [];
  /** The server as Exchange Online sees it on the evaluation date (TLS negotiated, certificate valid). */
  private readonly connection: Connection | null;
  /** The sending server; null for a cloud mailbox (format 2 `fromMailbox`), which has no SMTP session. */
  private readonly server: Server | null;
  private unstableTenants: string[] | null = null;

  constructor(
    private readonly index: TopologyIndex,
    private readonly settings: ServiceSettings,
    server: Server | null,
    private readonly input: MessageInput,
    private readonly trace: Trace,
    /** For one branch of an unstable attribution: the tenant to follow. */
    private readonly branch: string | null,
  ) {
    this.mailFrom = input.mailFrom;
    this.headerFrom = input.headerFrom ?? null;
    this.connection = server ? connectionAt(server, settings) : null;
    this.server = this.connection?.server ?? null;
  }

  /** Where NDRs go back to: the sending server, or the mailbox's tenant. */
  private origin = '';

  private addRecipients(recipients: string[]): void {
    for (const r of recipients) {
      this.slotOf.set(r.toLowerCase(), this.outcomes.length);
      this.outcomes.push(undefined);
    }
  }

  private rcpt(address: string, tenant: Tenant): Rcpt {
    return { address, path: [tenant.id], slot: this.slotOf.get(address.toLowerCase())!, seen: [`${tenant.id}|${address.toLowerCase()}`] };
  }

  /**
   * A message sent by a cloud mailbox (mailflow-model.md, version 2): no connection, connector or
   * attribution step; Originating in the mailbox's tenant with relay rights (key `cloudMailbox`).
   */
  executeFromMailbox(scenarioId: string | null, tenant: Tenant): MessageSimulation {
    const { trace } = this;
    this.origin = tenant.id;
    const recipients = dedupe(this.input.rcptTo);
    this.addRecipients(recipients);
    const attribution: Attribution = { tenant: tenant.id, direction: 'originating', connector: null, key: 'cloudMailbox' };
    trace.add('attribution', {
      at: tenant.id,
      from: tenant.id,
      tenant: tenant.id,
      entities: [tenant.id],
      source: SOURCES.cloudMailbox,
      data: { ...attribution, relayRights: true, checks: [], tenants: [tenant.id], setting: null },
    });
    const reply: SmtpReply = { ...REPLIES.accepted };
    trace.add('accepted', {
      at: tenant.id,
      from: tenant.id,
      tenant: tenant.id,
      entities: [tenant.id],
      smtp: reply,
      source: SOURCES.cloudMailbox,
      data: { messageId: messageIdFor(tenant.id, this.mailFrom, recipients) },
    });
    const queue: Copy[] = [
      { tenant, originating: true, relayRights: true, cloudMailbox: true, recipients: recipients.map((a) => this.rcpt(a, tenant)) },
    ];
    while (queue.length > 0) this.process(queue.shift()!, queue);
    return this.finish(scenarioId, reply, attribution);
  }

  execute(scenarioId: string | null): { simulation: MessageSimulation; unstableTenants: string[] | null } {
    const simulation = this.executeSmtp(scenarioId);
    return { simulation, unstableTenants: this.unstableTenants };
  }

  private executeSmtp(scenarioId: string | null): MessageSimulation {
    const { trace } = this;
    const server = this.smtpServer();
    const connection = this.connection!;
    this.origin = server.id;
    const recipients = dedupe(this.input.rcptTo);
    this.addRecipients(recipients);

    // Step 1: connection. A single message is never throttled (volume concerns load scenarios only).
    trace.say('server', '220 Microsoft ESMTP MAIL Service ready');
    trace.add('connect', {
      at: 'eop',
      from: server.id,
      tenant: null,
      entities: [server.id],
      source: SOURCES.connect,
      data: {
        server: server.id,
        ip: server.ipAddress,
        tls: server.tls,
        certificateNames: presentedNames(server),
        certificateUsable: usableCertificateNames(server).length > 0,
        mailFrom: this.mailFrom,
        rcptTo: recipients,
        headerFrom: this.headerFrom,
      },
    });
    this.tlsEvents(connection);
    trace.say('client', `EHLO ${ehloName(server)}`);
    trace.say('server', '250-Hello [' + server.ipAddress + ']' + (server.tls ? '\n250-STARTTLS' : '') + '\n250 SMTPUTF8');
    if (server.tls) {
      trace.say('client', 'STARTTLS');
      trace.say('server', '220 2.0.0 SMTP server ready');
      trace.say('client', `EHLO ${ehloName(server)}`);
      trace.say('server', '250 SMTPUTF8');
    }

    // Step 2: candidate connectors, across all tenants.
    const candidates = findCandidates(this.index, server);
    const all = [...candidates.certificate, ...candidates.ip];
    trace.add('connectorMatch', {
      at: all[0]?.entry.connector.id ?? 'eop',
      from: server.id,
      tenant: all[0]?.entry.tenant.id ?? null,
      entities: [server.id, ...all.flatMap((c) => [c.entry.connector.id, c.entry.tenant.id])],
      source: SOURCES.candidates,
      data: {
        candidates: all.map((c) => ({ connector: c.entry.connector.id, tenant: c.entry.tenant.id, by: c.by, matched: c.matched })),
        server: server.id,
        ip: server.ipAddress,
        certificateNames: usableCertificateNames(server),
      },
    });
    trace.say('client', `MAIL FROM:<${this.mailFrom === NULL_SENDER ? '' : this.mailFrom}>`);
    trace.say('server', '250 2.1.0 Sender OK');

    // Step 3: recipients (RCPT), Directory-Based Edge Blocking.
    const passed: string[] = [];
    for (const r of recipients) {
      trace.say('client', `RCPT TO:<${r}>`);
      const blockedBy = this.edgeBlockingTenant(r);
      if (blockedBy) {
        const reply = REPLIES.edgeBlocked;
        trace.add('rcptRejected', {
          at: 'eop',
          from: server.id,
          tenant: blockedBy.id,
          entities: [blockedBy.id],
          smtp: { ...reply },
          source: SOURCES.edgeBlocking,
          data: { recipient: r, tenant: blockedBy.id, domain: domainOf(r) ?? '' },
        });
        trace.say('server', `${reply.code} ${reply.enhanced} ${reply.text}`);
        this.settle({ address: r, disposition: 'rejected', tenant: null, path: [], code: reply.enhanced }, this.slotOf.get(r.toLowerCase())!);
      } else {
        trace.say('server', '250 2.1.5 Recipient OK');
        passed.push(r);
      }
    }
    if (passed.length === 0) {
      const reply: SmtpReply = { ...REPLIES.edgeBlocked };
      trace.add('reject', {
        at: 'eop',
        from: server.id,
        tenant: null,
        entities: [server.id],
        smtp: reply,
        source: SOURCES.edgeBlocking,
        data: { reason: 'allRecipientsRejected', tenant: null, connector: null, restriction: null, checks: [], involved: recipients, setting: null },
      });
      return this.finish(scenarioId, reply, null);
    }

    trace.say('client', 'DATA');
    trace.say('server', '354 Start mail input; end with <CRLF>.<CRLF>');
    trace.say('client', '(message)\n.');

    // Step 4: attribution at end of DATA.
    const decision = this.attribute(candidates, passed);
    if ('reply' in decision) {
      trace.say('server', `${decision.reply.code} ${decision.reply.enhanced} ${decision.reply.text}`);
      return this.finish(scenarioId, decision.reply, decision.attribution);
    }
    // Out-of-date on-premises Exchange servers (version 2): enforced once attribution is decided.
    const enforced = this.enforce(decision.attribution);
    if (enforced) {
      trace.say('server', `${enforced.code} ${enforced.enhanced} ${enforced.text}`);
      this.settleAll(passed, enforced);
      return this.finish(scenarioId, enforced, decision.attribution);
    }
    const messageId = messageIdFor(server.id, this.mailFrom, passed);
    const reply: SmtpReply = { ...REPLIES.accepted };
    trace.add('accepted', {
      at: decision.attribution.tenant,
      from: 'eop',
      tenant: decision.attribution.tenant,
      entities: [decision.attribution.tenant],
      smtp: reply,
      source: SOURCES.accepted,
      data: { messageId },
    });
    trace.say('server', `250 2.6.0 ${messageId} Queued mail for delivery`);
    trace.say('client', 'QUIT');
    trace.say('server', '221 2.0.0 Service closing transmission channel');

    // Step 5: processing in each tenant, the attributed tenant first, then every hand-off.
    const queue = decision.copies;
    while (queue.length > 0) this.process(queue.shift()!, queue);
    return this.finish(scenarioId, reply, decision.attribution);
  }

  /** The sending server on the SMTP path (a cloud mailbox never reaches it). */
  private smtpServer(): Server {
    if (!this.server) throw new Error('the SMTP path was taken without a sending server');
    return this.server;
  }

  /** The `tls` event, and `certificateExpired` when the certificate is outside its window. */
  private tlsEvents(connection: Connection): void {
    const raw = (this.input.serverId ? this.index.serverById.get(this.input.serverId) : undefined) ?? connection.server;
    this.trace.add('tls', {
      at: 'eop',
      from: raw.id,
      tenant: null,
      entities: [raw.id],
      source: SOURCES.tls,
      data: { server: raw.id, offered: connection.offered, minimum: this.settings.minimumInboundTlsVersion, negotiated: connection.negotiated },
    });
    if (connection.certificateState && connection.negotiated && raw.certificate) {
      this.trace.add('certificateExpired', {
        at: raw.id,
        from: raw.id,
        tenant: null,
        entities: [raw.id],
        source: SOURCES.tls,
        data: {
          server: raw.id,
          subject: raw.certificate.subject,
          notBefore: raw.certificate.notBefore ?? null,
          notAfter: raw.certificate.notAfter ?? null,
          asOf: this.settings.asOf,
          state: connection.certificateState,
        },
      });
    }
  }

  /**
   * Out-of-date server enforcement (mailflow-model.md, version 2): the message of an out-of-date
   * Exchange server attributed through an OnPremises connector of a tenant that has not paused it.
   * Returns the refusal, or null when the message goes on (off, report, paused).
   */
  private enforce(attribution: Attribution): SmtpReply | null {
    const { settings } = this;
    const server = this.smtpServer();
    if (attribution.connector === null) return null;
    const connector = this.index.inboundById.get(attribution.connector);
    if (!connector || connector.connector.connectorType !== 'OnPremises') return null;
    const reason = outOfDateReason(server, settings.asOf);
    const stage = settings.outOfDateServerEnforcement.stage;
    if (!reason || stage === 'off') return null;
    const tenant = connector.tenant;
    const pausedUntil = pauseInEffect(tenant, settings.asOf);
    const minutes = settings.outOfDateServerEnforcement.minutesPerHour;
    const reply = !pausedUntil && (stage === 'throttle' || stage === 'block') ? enforcementReply(stage, minutes) : null;
    this.trace.add('enforcement', {
      at: attribution.connector,
      from: server.id,
      tenant: tenant.id,
      entities: [server.id, attribution.connector, tenant.id],
      code: reply?.enhanced ?? null,
      source: SOURCES.enforcement,
      data: {
        server: server.id,
        tenant: tenant.id,
        version: server.exchange!.version,
        reason,
        stage,
        minutesPerHour: minutes,
        pausedUntil,
        asOf: settings.asOf,
      },
    });
    if (reply) {
      // The refusal itself, at the end of DATA, like every other refusal of the transaction.
      this.trace.add('reject', {
        at: attribution.connector,
        from: server.id,
        tenant: tenant.id,
        entities: [server.id, attribution.connector, tenant.id],
        smtp: reply,
        source: SOURCES.enforcement,
        data: {
          reason: 'outOfDateServer',
          tenant: tenant.id,
          connector: attribution.connector,
          restriction: null,
          checks: [],
          involved: [tenant.id],
          setting: { name: 'outOfDateServerEnforcement.stage', value: stage },
        },
      });
    }
    return reply;
  }

  /** Step 3: the tenant whose Directory-Based Edge Blocking rejects this recipient, if any. */
  private edgeBlockingTenant(address: string): Tenant | null {
    const domain = domainOf(address);
    const owner = ownerOfDomain(this.index, domain);
    if (!owner || owner.acceptedDomain.domainType !== 'Authoritative' || !domain) return null;
    const listed = recipientsOf(this.index, owner.tenant);
    // A tenant that lists no recipients in this domain is treated as "every address exists".
    if (!listed.domains.has(domain)) return null;
    return listed.addresses.has(address.toLowerCase()) ? null : owner.tenant;
  }

  private attribute(
    candidates: { certificate: Candidate[]; ip: Candidate[] },
    recipients: string[],
  ): { reply: SmtpReply; attribution: Attribution | null } | { attribution: Attribution; copies: Copy[] } {
    const { trace, index, settings } = this;
    const server = this.smtpServer();

    // 4.1 Certificate key: keep the certificate candidates whose certificate domain is accepted.
    const certificatePassed: Candidate[] = [];
    const certificateFailed: Candidate[] = [];
    const certificateNames = usableCertificateNames(server);
    for (const c of candidates.certificate) {
      // Every name on the certificate that matches the connector counts (subject or alternative
      // name, step 2): the candidate passes if any of them leads to an accepted domain.
      const pattern = c.entry.connector.tlsSenderCertificateName ?? '';
      const names = certificateNames.filter((n) => patternCovers(pattern, n));
      let check = checkCertificateDomain(index, settings.certDomainMatch, c.entry.tenant, pattern, c.matched);
      let matchedName = c.matched;
      for (const name of names) {
        if (check.acceptedDomain !== null) break;
        const next = checkCertificateDomain(index, settings.certDomainMatch, c.entry.tenant, pattern, name);
        if (next.acceptedDomain !== null) {
          check = next;
          matchedName = name;
        }
      }
      const accepted = check.acceptedDomain !== null;
      (accepted ? certificatePassed : certificateFailed).push(c);
      trace.add('certificateCheck', {
        at: c.entry.connector.id,
        from: server.id,
        tenant: c.entry.tenant.id,
        entities: [c.entry.connector.id, c.entry.tenant.id],
        code: accepted ? null : 'ATTR36',
        source: SOURCES.certificateKey,
        data: {
          connector: c.entry.connector.id,
          tenant: c.entry.tenant.id,
          certificateName: matchedName,
          connectorCertificateName: c.entry.connector.tlsSenderCertificateName ?? '',
          mode: settings.certDomainMatch,
          checkedDomains: check.checkedDomains,
          acceptedDomain: check.acceptedDomain,
          accepted,
        },
      });
    }
    const input = { mailFrom: this.mailFrom, headerFrom: this.headerFrom, recipients, certificatePassed, certificateFailed, ip: candidates.ip, branch: this.branch };

    let decision: AttributionDecision | null = attributeByCertificate(index, settings, input);
    let source: string = SOURCES.certificateKey;
    const pool = dedupeCandidates([...candidates.ip, ...certificateFailed]);
    const checks: DomainCheck[] = [];
    if (!decision && pool.length > 0) {
      // 4.2 Sender key, then 4.3 recipient key.
      decision = attributeBySender(index, settings, pool, input, checks);
      source = SOURCES.senderKey;
      if (!decision) {
        decision = attributeByRecipient(index, settings, pool, input, checks);
        source = SOURCES.recipientKey;
      }
    }

    const attr36 = certificateFailed.length > 0;
    if (decision && decision.outcome === 'reject') {
      const reply = unattributedRelayReply(settings, attr36);
      trace.add('reject', {
        at: 'eop',
        from: server.id,
        tenant: null,
        entities: [server.id, ...pool.map((c) => c.entry.connector.id), ...decision.involved.filter((x) => index.tenantById.has(x))],
        smtp: reply,
        source,
        data: {
          reason: decision.reason,
          tenant: null,
          connector: pool[0]?.entry.connector.id ?? null,
          restriction: null,
          checks: decision.checks,
          involved: decision.involved,
          setting: decision.setting ?? (settings.unattributedRelayReply === '4.4.62' ? { name: 'unattributedRelayReply', value: '4.4.62' } : null),
        },
      });
      this.settleAll(recipients, reply);
      return { reply, attribution: null };
    }
    if (decision && decision.outcome === 'attributed') {
      const attribution: Attribution = {
        tenant: decision.tenant.id,
        direction: 'originating',
        connector: decision.connector.id,
        key: decision.key,
      };
      trace.add('attribution', {
        at: decision.tenant.id,
        from: decision.connector.id,
        tenant: decision.tenant.id,
        entities: [decision.tenant.id, decision.connector.id],
        source,
        data: {
          ...attribution,
          relayRights: decision.relayRights,
          checks: decision.checks,
          tenants: [decision.tenant.id],
          setting: decision.setting,
        },
      });
      if (decision.unstable) {
        this.unstableTenants = decision.unstable.map((t) => t.id);
        trace.add('unstable', {
          at: decision.tenant.id,
          from: 'eop',
          tenant: decision.tenant.id,
          entities: decision.unstable.map((t) => t.id),
          source: SOURCES.unstable,
          data: { tenants: this.unstableTenants, chosen: decision.tenant.id },
        });
      }
      return {
        attribution,
        copies: [
          {
            tenant: decision.tenant,
            originating: true,
            relayRights: decision.relayRights,
            recipients: recipients.map((address) => this.rcpt(address, decision.tenant)),
          },
        ],
      };
    }

    // 4.4 No candidate (or the connector is not used): Incoming mail for each owning tenant.
    return this.incoming(recipients, decision ? decision.checks : [], attr36, pool);
  }

  /**
   * Step 4.4: Incoming mail. A recipient on the Internet makes it a relay attempt; otherwise each
   * owning tenant's Partner connectors and Direct Send setting may refuse it.
   */
  private incoming(
    recipients: string[],
    checks: DomainCheck[],
    attr36: boolean,
    pool: Candidate[],
  ): { reply: SmtpReply; attribution: Attribution | null } | { attribution: Attribution; copies: Copy[] } {
    const { trace, index, settings } = this;
    const server = this.smtpServer();
    const byTenant = new Map<Tenant, string[]>();
    for (const r of recipients) {
      const owner = ownerOfDomain(index, domainOf(r));
      if (!owner) {
        const reply = unattributedRelayReply(settings, attr36);
        trace.add('reject', {
          at: 'eop',
          from: server.id,
          tenant: null,
          entities: [server.id, ...pool.map((c) => c.entry.connector.id)],
          smtp: reply,
          source: pool.length > 0 ? SOURCES.recipientKey : SOURCES.noCandidate,
          data: {
            reason: 'unattributedRelay',
            tenant: null,
            connector: null,
            restriction: null,
            checks,
            involved: [r],
            setting: settings.unattributedRelayReply === '4.4.62' ? { name: 'unattributedRelayReply', value: '4.4.62' } : null,
          },
        });
        this.settleAll(recipients, reply);
        return { reply, attribution: null };
      }
      const list = byTenant.get(owner.tenant);
      if (list) list.push(r);
      else byTenant.set(owner.tenant, [r]);
    }
    let firstPartner: string | null = null;
    for (const tenant of byTenant.keys()) {
      const partners = partnerConnectorsFor(tenant, this.mailFrom);
      if (tenant === byTenant.keys().next().value) firstPartner = partners[0]?.id ?? null;
      for (const partner of partners) {
        const restriction = failedPartnerRestriction(partner, server);
        if (restriction) {
          return this.refuseIncoming(recipients, REPLIES.partner, tenant, partner.id, 'partnerRestriction', restriction, checks);
        }
      }
      // Direct Send: rejectDirectSend on, the P1 domain accepted here, and no connector of this
      // tenant matched the source ("Introducing more control over Direct Send", 2025).
      const p1 = domainOf(this.mailFrom);
      if (tenant.rejectDirectSend && ownerOfDomain(index, p1)?.tenant === tenant && !tenantHasConnectorForSource(index, tenant, server)) {
        return this.refuseIncoming(recipients, REPLIES.directSend, tenant, null, 'directSend', null, checks);
      }
    }
    const tenants = [...byTenant.keys()];
    const attribution: Attribution = {
      tenant: tenants[0].id,
      direction: 'incoming',
      connector: firstPartner,
      key: 'recipientTenant',
    };
    trace.add('attribution', {
      at: tenants[0].id,
      from: server.id,
      tenant: tenants[0].id,
      entities: tenants.map((t) => t.id),
      source: pool.length > 0 ? SOURCES.recipientKey : SOURCES.noCandidate,
      data: { ...attribution, relayRights: false, checks, tenants: tenants.map((t) => t.id), setting: null },
    });
    return {
      attribution,
      copies: tenants.map((tenant) => ({
        tenant,
        originating: false,
        relayRights: false,
        recipients: byTenant.get(tenant)!.map((address) => this.rcpt(address, tenant)),
      })),
    };
  }

  private refuseIncoming(
    recipients: string[],
    base: SmtpReply,
    tenant: Tenant,
    connector: string | null,
    reason: 'partnerRestriction' | 'directSend',
    restriction: string | null,
    checks: DomainCheck[],
  ): { reply: SmtpReply; attribution: Attribution } {
    const reply = { ...base };
    this.trace.add('reject', {
      at: connector ?? tenant.id,
      from: this.smtpServer().id,
      tenant: tenant.id,
      entities: [tenant.id, ...(connector ? [connector] : [])],
      smtp: reply,
      source: SOURCES.noCandidate,
      data: {
        reason,
        tenant: tenant.id,
        connector,
        restriction,
        checks,
        involved: [tenant.id],
        setting: reason === 'directSend' ? { name: 'rejectDirectSend', value: true } : null,
      },
    });
    this.settleAll(recipients, reply);
    return { reply, attribution: { tenant: tenant.id, direction: 'incoming', connector, key: 'recipientTenant' } };
  }

  /** Step 5 in one tenant: rules per recipient, then routing of each remaining recipient. */
  private process(copy: Copy, queue: Copy[]): void {
    const { trace, index } = this;
    const tenant = copy.tenant;
    const ctx: RuleContext = { index, tenant, originatingHere: copy.originating, mailFrom: this.mailFrom, headerFrom: this.headerFrom };
    let active = copy.recipients.slice();
    /** Recipient slot → the rule that stopped rule processing for it. */
    const stopped = new Map<number, string>();
    const redirectTargets: Rcpt[] = [];
    const rules = rulesInOrder(tenant);
    // System messages (`<>`) are not processed by mail flow rules ("Mail flow rules in Exchange
    // Online": NDRs "do not get processed by your organization's mail flow rules").
    const skipAll = this.mailFrom === NULL_SENDER && this.settings.nullSenderSkipsRules && rules.length > 0;
    if (skipAll) {
      this.ruleSkipped(tenant, null, { reason: 'nullSender', conditions: [], stoppedBy: null, recipients: active.map((r) => r.address) });
    }

    for (const rule of skipAll ? [] : rules) {
      if (rule.unmodelledConditions && rule.unmodelledConditions.length > 0) {
        // Conditions the model cannot evaluate: the rule is not evaluated, never guessed.
        const who = active.filter((r) => !stopped.has(r.slot)).map((r) => r.address);
        if (who.length > 0) {
          this.ruleSkipped(tenant, rule.id, { reason: 'notEvaluated', conditions: rule.unmodelledConditions.map((c) => c.name), stoppedBy: null, recipients: who });
        }
        continue;
      }
      const matched: Array<{ r: Rcpt; conditions: string[] }> = [];
      // Recipients this rule does not act on, grouped by why, so the trace says it once per reason.
      const skipped = new Map<string, RuleSkip>();
      const skip = (address: string, reason: RuleSkipReason, conditions: string[], stoppedBy: string | null) => {
        const key = `${reason}|${conditions.join(',')}|${stoppedBy ?? ''}`;
        const group = skipped.get(key);
        if (group) group.recipients.push(address);
        else skipped.set(key, { reason, conditions, stoppedBy, recipients: [address] });
      };
      for (const r of active) {
        const stopper = stopped.get(r.slot);
        if (stopper !== undefined) {
          skip(r.address, 'stopped', [], stopper);
          continue;
        }
        const verdict = ruleVerdict(rule, r.address, ctx);
        if (verdict.matched) matched.push({ r, conditions: verdict.conditions });
        else skip(r.address, verdict.reason, [verdict.condition], null);
      }
      for (const group of skipped.values()) this.ruleSkipped(tenant, rule.id, group);
      if (matched.length === 0) continue;
      const a = rule.actions;
      const effect = ruleEffect(a);
      const header = a.setHeaderName ? { name: a.setHeaderName, value: a.setHeaderValue ?? '' } : null;
      if (header) this.headers.push({ tenant: tenant.id, rule: rule.id, ...header });
      const routeVia = a.routeMessageOutboundConnector ?? null;
      const routeConnector = routeVia ? tenant.outboundConnectors.find((c) => c.id === routeVia) : undefined;
      const otherActions = (a.otherActions ?? []).map((x) => x.name);
      trace.add('rule', {
        at: rule.id,
        from: tenant.id,
        tenant: tenant.id,
        entities: [rule.id, tenant.id],
        code: effect.kind === 'reject' ? effect.code : null,
        source: SOURCES.rules,
        data: {
          rule: rule.id,
          tenant: tenant.id,
          recipients: matched.map((m) => m.r.address),
          action:
            effect.kind === 'reject'
              ? 'reject'
              : effect.kind === 'delete'
                ? 'delete'
                : effect.kind === 'redirect'
                  ? 'redirect'
                  : effect.kind === 'route'
                    ? 'route'
                    : header
                      ? 'setHeader'
                      : otherActions.length > 0
                        ? 'other'
                        : 'stop',
          redirectTo: effect.kind === 'redirect' ? effect.to : [],
          header,
          stopRuleProcessing: a.stopRuleProcessing === true,
          matchedConditions: matched[0].conditions,
          routeVia,
          routeViaDisabled: routeConnector !== undefined && !routeConnector.enabled,
          otherActions,
        },
      });
      const done = new Set<number>();
      for (const { r } of matched) {
        if (effect.kind === 'reject') {
          this.ndr(tenant, r, effect.code, effect.text, rule.id);
          done.add(r.slot);
        } else if (effect.kind === 'delete') {
          this.settle({ address: r.address, disposition: 'deleted', tenant: tenant.id, path: r.path, code: '2.6.0', redirectedFrom: r.redirectedFrom }, r.slot);
          done.add(r.slot);
        } else if (effect.kind === 'redirect') {
          this.settle({ address: r.address, disposition: 'redirected', tenant: tenant.id, path: r.path, code: '2.6.0', redirectedFrom: r.redirectedFrom }, r.slot);
          done.add(r.slot);
          // Every target is a new recipient, even one already on the message: both are reported.
          for (const target of effect.to) {
            const slot = this.outcomes.length;
            this.outcomes.push(undefined);
            redirectTargets.push({ address: target, path: r.path, redirectedFrom: r.address, slot, seen: r.seen });
          }
        } else if (routeVia && routeConnector?.enabled) {
          r.routeVia = routeVia; // the last rule that names a connector decides
        }
        if (a.stopRuleProcessing) stopped.set(r.slot, rule.id);
      }
      // A rejected or deleted recipient meets no later rule.
      active = active.filter((r) => !done.has(r.slot));
    }

    const handoffs = new Map<Tenant, Rcpt[]>();
    for (const r of [...active, ...redirectTargets]) this.route(copy, r, handoffs, r.redirectedFrom !== undefined);
    for (const [target, list] of handoffs) {
      trace.add('handoff', {
        at: target.id,
        from: tenant.id,
        tenant: target.id,
        entities: [tenant.id, target.id],
        source: SOURCES.handoff,
        data: { fromTenant: tenant.id, toTenant: target.id, recipients: list.map((x) => x.address) },
      });
      queue.push({ tenant: target, originating: false, relayRights: false, recipients: list });
    }
  }

  /** A rule that did not act on some recipients, with the reason in the data. */
  private ruleSkipped(tenant: Tenant, rule: string | null, group: RuleSkip): void {
    this.trace.add('ruleSkipped', {
      at: rule ?? tenant.id,
      from: tenant.id,
      tenant: tenant.id,
      entities: [...(rule ? [rule] : []), tenant.id, ...(group.stoppedBy ? [group.stoppedBy] : [])],
      source: SOURCES.rules,
      data: { rule, tenant: tenant.id, ...group },
    });
  }

  /** Step 5, routing of one recipient out of a tenant. */
  private route(copy: Copy, r: Rcpt, handoffs: Map<Tenant, Rcpt[]>, isRedirectTarget: boolean): void {
    const { index, trace } = this;
    const tenant = copy.tenant;
    const domain = domainOf(r.address) ?? '';
    const owner = ownerOfDomain(index, domain);
    // An address no tenant knows in its Authoritative domain never passed edge blocking: a redirect
    // target (or a cloud mailbox's recipient in its own tenant) returns as an NDR 5.1.10; a cloud
    // mailbox's recipient in another tenant is refused by that tenant's edge blocking (5.4.1).
    const unknownIn = this.edgeBlockingTenant(r.address);
    if (unknownIn) {
      if (isRedirectTarget || unknownIn === tenant) {
        this.ndr(tenant, r, RECIPIENT_NOT_FOUND.code, RECIPIENT_NOT_FOUND.text, null);
      } else {
        this.ndr(unknownIn, r, REPLIES.edgeBlocked.enhanced, REPLIES.edgeBlocked.text, null);
      }
      return;
    }
    // routeMessageOutboundConnector: through the rule's connector, unless the domain is accepted here.
    if (r.routeVia && !(owner && owner.tenant === tenant)) {
      const c = tenant.outboundConnectors.find((x) => x.id === r.routeVia)!;
      this.outbound(tenant, r, c.id, c.connectorType === 'OnPremises' ? 'onPremises' : 'internet', c.smartHosts, c.useMXRecord, 'rule');
      return;
    }
    // Centralized mail transport: a cloud mailbox's mail to anyone outside its tenant leaves
    // through the OnPremises connector with routeAllMessagesViaOnPremises.
    if (copy.cloudMailbox && !(owner && owner.tenant === tenant)) {
      const central = tenant.outboundConnectors.find(
        (c) => c.enabled && c.connectorType === 'OnPremises' && c.routeAllMessagesViaOnPremises && !c.isTransportRuleScoped,
      );
      if (central) {
        this.outbound(tenant, r, central.id, 'onPremises', central.smartHosts, central.useMXRecord, 'centralizedTransport');
        return;
      }
    }
    if (owner && owner.tenant === tenant) {
      const type = owner.acceptedDomain.domainType;
      const listed = recipientsOf(index, tenant).addresses.has(r.address.toLowerCase());
      if (type === 'Authoritative' || listed) {
        trace.add('deliver', {
          at: tenant.id,
          from: tenant.id,
          tenant: tenant.id,
          entities: [tenant.id],
          code: '2.6.0',
          source: SOURCES.routing,
          data: { tenant: tenant.id, recipient: r.address, domainType: type },
        });
        this.settle({ address: r.address, disposition: 'delivered', tenant: tenant.id, path: r.path, code: '2.6.0', redirectedFrom: r.redirectedFrom }, r.slot);
        return;
      }
      // InternalRelay, unknown recipient: to the organization's own server through the OnPremises
      // outbound connector that covers the domain (the most specific: exact, wildcard, `*`, then
      // allAcceptedDomains); without one the mail loops back (5.4.14).
      const connector = mostSpecificConnector(
        tenant.outboundConnectors.filter((c) => c.connectorType === 'OnPremises'),
        domain,
        true,
      );
      if (connector) {
        this.outbound(tenant, r, connector.id, 'onPremises', connector.smartHosts, connector.useMXRecord, 'recipientDomain');
      } else {
        this.ndr(tenant, r, ROUTING_LOOP.code, ROUTING_LOOP.text, null);
      }
      return;
    }
    if (owner) {
      // A hand-off goes to the owner, which delivers or routes out, so it cannot cycle by itself; a
      // redirect target that re-enters a tenant it already passed through under the same address
      // is a loop (5.4.14). The hop limit is only a guard.
      const visit = `${owner.tenant.id}|${r.address.toLowerCase()}`;
      if (r.path.length >= MAX_TENANT_HOPS || r.seen.includes(visit)) {
        this.ndr(tenant, r, ROUTING_LOOP.code, ROUTING_LOOP.text, null);
        return;
      }
      const next: Rcpt = { ...r, path: [...r.path, owner.tenant.id], seen: [...r.seen, visit], routeVia: undefined };
      const list = handoffs.get(owner.tenant);
      if (list) list.push(next);
      else handoffs.set(owner.tenant, [next]);
      return;
    }
    // An Internet recipient: only with relay rights, or as a redirect target.
    if (!copy.relayRights && !isRedirectTarget) {
      const reply = REPLIES.relayDenied;
      this.ndr(tenant, r, reply.enhanced, reply.text, null);
      return;
    }
    const connector = mostSpecificConnector(tenant.outboundConnectors, domain, false);
    if (connector) {
      this.outbound(tenant, r, connector.id, connector.connectorType === 'OnPremises' ? 'onPremises' : 'internet', connector.smartHosts, connector.useMXRecord, 'recipientDomain');
    } else {
      this.outbound(tenant, r, null, 'internet', [], true, 'recipientDomain');
    }
  }

  private outbound(
    tenant: Tenant,
    r: Rcpt,
    connector: string | null,
    destination: 'onPremises' | 'internet',
    smartHosts: string[],
    useMXRecord: boolean,
    via: 'recipientDomain' | 'rule' | 'centralizedTransport',
  ): void {
    this.trace.add('outbound', {
      at: connector ?? 'internet',
      from: tenant.id,
      tenant: tenant.id,
      entities: [tenant.id, ...(connector ? [connector] : [])],
      code: '2.6.0',
      source: SOURCES.routing,
      data: { tenant: tenant.id, recipient: r.address, connector, destination, smartHosts, useMXRecord, via },
    });
    this.settle({ address: r.address, disposition: destination, tenant: null, path: r.path, code: '2.6.0', redirectedFrom: r.redirectedFrom }, r.slot);
  }

  /** An NDR back to the P1 sender (a null sender gets none: a bounce is never bounced). */
  private ndr(tenant: Tenant, r: Rcpt, code: string, text: string, rule: string | null): void {
    const sent = this.mailFrom !== NULL_SENDER;
    this.trace.add('ndr', {
      at: this.origin,
      from: tenant.id,
      tenant: tenant.id,
      entities: [tenant.id, ...(rule ? [rule] : [])],
      code,
      source: rule ? SOURCES.rules : SOURCES.routing,
      data: { tenant: tenant.id, recipient: r.address, to: this.mailFrom, sent, rule, code, text },
    });
    this.settle({ address: r.address, disposition: 'ndr', tenant: tenant.id, path: r.path, code, redirectedFrom: r.redirectedFrom }, r.slot);
  }

  private settle(outcome: RecipientOutcome, slot: number): void {
    if (outcome.redirectedFrom === undefined) delete outcome.redirectedFrom;
    this.outcomes[slot] = outcome;
  }

  /** The whole message refused or deferred: its recipients reached no tenant (`tenant: null`, `path: []`). */
  private settleAll(recipients: string[], reply: SmtpReply): void {
    const disposition = resultOf(reply) === 'deferred' ? 'deferred' : 'rejected';
    for (const address of recipients) {
      this.settle({ address, disposition, tenant: null, path: [], code: reply.enhanced }, this.slotOf.get(address.toLowerCase())!);
    }
  }

  private finish(scenarioId: string | null, smtp: SmtpReply, attribution: Attribution | null): MessageSimulation {
    return {
      type: 'message',
      scenarioId,
      asOf: this.settings.asOf,
      unstable: false,
      result: resultOf(smtp),
      smtp,
      attribution,
      recipients: this.outcomes.filter((o): o is RecipientOutcome => o !== undefined),
      events: this.trace.events,
      transcript: this.trace.transcript,
      headers: this.headers,
    };
  }
}

/**
 * The enabled outbound connector whose RecipientDomains match a domain most specifically: exact,
 * then wildcard, then `*` (New-OutboundConnector); `allAcceptedDomains` counts below `*` and only
 * for the tenant's own accepted domains. Ties go to document order.
 */
function mostSpecificConnector(connectors: readonly OutboundConnector[], domain: string, acceptedDomain: boolean): OutboundConnector | undefined {
  let best: { c: OutboundConnector; score: number } | undefined;
  for (const c of connectors) {
    // A transport-rule-scoped connector is used only by a rule's routeMessageOutboundConnector.
    if (!c.enabled || c.isTransportRuleScoped) continue;
    let score = acceptedDomain && c.allAcceptedDomains ? -1 : -Infinity;
    for (const p of c.recipientDomains) if (patternCovers(p, domain)) score = Math.max(score, patternSpecificity(p));
    if (score > -Infinity && (!best || score > best.score)) best = { c, score };
  }
  return best?.c;
}

function dedupe(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of addresses) {
    const k = a.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(a);
    }
  }
  return out;
}

function dedupeCandidates(list: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of list.sort((a, b) => a.entry.order - b.entry.order)) if (!out.some((o) => o.entry === c.entry)) out.push(c);
  return out;
}

function ehloName(server: Server): string {
  return server.certificate?.subject ?? `[${server.ipAddress}]`;
}

/** A deterministic message id (the same input always gives the same trace). */
function messageIdFor(origin: string, mailFrom: string, recipients: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of [origin, mailFrom, ...recipients].join('\n')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `<${h.toString(16).padStart(8, '0')}@${origin}.mailflow.test>`;
}
