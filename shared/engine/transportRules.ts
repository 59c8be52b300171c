/**
 * Step 5 of mailflow-model.md: mail flow rules (transport rules) in one tenant, per recipient.
 *
 * Exchange splits the message so that each recipient's copy meets only the rules that match it
 * ("Mail flow rule conditions and exceptions"; "Mail flow rule actions"). Conditions are ANDed, the
 * values of one condition ORed, exceptions ORed; an absent or empty condition is not set, and a rule
 * with no condition set matches every recipient.
 */
import type { RuleActions, Tenant, TransportRule } from '../model/schema';
import { domainOf } from '../model/net';
import { ownerOfDomain, recipientsOf, tenantAccepts, type TopologyIndex } from './topologyIndex';

export interface RuleContext {
  index: TopologyIndex;
  tenant: Tenant;
  /** Is the message Originating in this tenant (attributed here as its own outgoing mail)? */
  originatingHere: boolean;
  mailFrom: string;
  headerFrom: string | null;
}

/** The enabled rules of a tenant in priority order (0 first; ties keep document order). */
export function rulesInOrder(tenant: Tenant): TransportRule[] {
  return tenant.transportRules
    .map((rule, i) => ({ rule, i }))
    .filter((x) => x.rule.enabled)
    .sort((a, b) => a.rule.priority - b.rule.priority || a.i - b.i)
    .map((x) => x.rule);
}

/**
 * The sender domains a rule reads, by its `senderAddressLocation` (version 2): `Header` (the default,
 * as in Exchange) is the header From when the scenario gives one, else MAIL FROM; `Envelope` is MAIL
 * FROM; `HeaderOrEnvelope` is both (a condition or exception holds when either matches).
 */
export function ruleSenderDomains(rule: TransportRule, ctx: RuleContext): Array<string | null> {
  const header = domainOf(ctx.headerFrom ?? ctx.mailFrom);
  const envelope = domainOf(ctx.mailFrom);
  switch (rule.senderAddressLocation ?? 'Header') {
    case 'Envelope':
      return [envelope];
    case 'HeaderOrEnvelope':
      return header === envelope ? [header] : [header, envelope];
    default:
      return [header];
  }
}

/** The header From's domain, else MAIL FROM's (the default sender location). */
export function ruleSenderDomain(ctx: RuleContext): string | null {
  return domainOf(ctx.headerFrom ?? ctx.mailFrom);
}

/**
 * `sentToScope: InOrganization` (mailflow-model.md step 5, version 2): a recipient in an
 * Authoritative domain of this tenant, or a listed recipient, is inside; an unlisted address in an
 * InternalRelay domain is inside only when the message is Originating here ("…internal relay domain,
 * and the message was sent or received over an authenticated connection").
 */
function recipientInside(ctx: RuleContext, recipient: string, rcptDomain: string | null): boolean {
  if (!tenantAccepts(ctx.index, ctx.tenant, rcptDomain)) return false;
  const owner = ownerOfDomain(ctx.index, rcptDomain);
  if (!owner || owner.tenant !== ctx.tenant || owner.acceptedDomain.domainType === 'Authoritative') return true;
  return ctx.originatingHere || recipientsOf(ctx.index, ctx.tenant).addresses.has(recipient.toLowerCase());
}

const has = (list: readonly string[] | undefined): list is readonly string[] => !!list && list.length > 0;
const inList = (list: readonly string[], value: string | null) =>
  value !== null && list.some((x) => x.toLowerCase() === value);

/** Why a rule does or does not apply to one recipient (the `ruleSkipped` event carries it). */
export type RuleVerdict =
  | { matched: true; conditions: string[] }
  | { matched: false; reason: 'noMatch' | 'exception'; condition: string };

/**
 * Does the rule apply to this recipient? Returns the names of the conditions that matched (empty
 * list = no condition set, matches everyone), or null when it does not apply.
 */
export function ruleMatches(rule: TransportRule, recipient: string, ctx: RuleContext): string[] | null {
  const v = ruleVerdict(rule, recipient, ctx);
  return v.matched ? v.conditions : null;
}

/** As `ruleMatches`, but says which condition failed or which exception matched. */
export function ruleVerdict(rule: TransportRule, recipient: string, ctx: RuleContext): RuleVerdict {
  const c = rule.conditions;
  const rcptDomain = domainOf(recipient);
  const senderDomains = ruleSenderDomains(rule, ctx);
  const matched: string[] = [];
  const miss = (condition: string): RuleVerdict => ({ matched: false, reason: 'noMatch', condition });
  if (c.sentToScope) {
    // NotInOrganization: the recipient's domain is not an accepted domain of THIS tenant, so in
    // tenant A a recipient in tenant B is outside the organization (seed point 1).
    const inside = recipientInside(ctx, recipient, rcptDomain);
    if (inside !== (c.sentToScope === 'InOrganization')) return miss(`sentToScope:${c.sentToScope}`);
    matched.push(`sentToScope:${c.sentToScope}`);
  }
  if (has(c.recipientDomainIs)) {
    // Exact domain; subdomains do not match.
    if (!inList(c.recipientDomainIs, rcptDomain)) return miss('recipientDomainIs');
    matched.push('recipientDomainIs');
  }
  if (has(c.senderDomainIs)) {
    // Exact, like recipientDomainIs (version 2 settles it).
    if (!senderDomains.some((d) => inList(c.senderDomainIs!, d))) return miss('senderDomainIs');
    matched.push('senderDomainIs');
  }
  if (c.fromScope) {
    // InOrganization: the sender domain is accepted here AND the message is Originating here (it
    // arrived over an authenticated connection, or a cloud mailbox of this tenant sent it).
    const inside = ctx.originatingHere && senderDomains.some((d) => tenantAccepts(ctx.index, ctx.tenant, d));
    if (inside !== (c.fromScope === 'InOrganization')) return miss(`fromScope:${c.fromScope}`);
    matched.push(`fromScope:${c.fromScope}`);
  }
  const e = rule.exceptions;
  if (e) {
    if (has(e.exceptIfRecipientDomainIs) && inList(e.exceptIfRecipientDomainIs, rcptDomain)) {
      return { matched: false, reason: 'exception', condition: 'exceptIfRecipientDomainIs' };
    }
    if (has(e.exceptIfSenderDomainIs) && senderDomains.some((d) => inList(e.exceptIfSenderDomainIs!, d))) {
      return { matched: false, reason: 'exception', condition: 'exceptIfSenderDomainIs' };
    }
  }
  return { matched: true, conditions: matched };
}

export type RuleEffect =
  | { kind: 'reject'; code: string; text: string }
  | { kind: 'delete' }
  | { kind: 'redirect'; to: string[] }
  | { kind: 'route'; connector: string }
  | { kind: 'none' };

export const DEFAULT_REJECT_CODE = '5.7.1';
export const DEFAULT_REJECT_TEXT = 'Delivery not authorized, message refused';

/**
 * What a rule does to a recipient it matched: a rule that sets rejectMessageReasonText or
 * rejectMessageEnhancedStatusCode rejects (NDR, default 5.7.1 and "Delivery not authorized, message
 * refused"); deleteMessage drops silently; redirectMessageTo replaces the recipient. Header stamping
 * and stopRuleProcessing are applied alongside.
 */
export function ruleEffect(actions: RuleActions): RuleEffect {
  const code = actions.rejectMessageEnhancedStatusCode ?? null;
  const text = actions.rejectMessageReasonText ?? null;
  if (code !== null || text !== null) {
    return { kind: 'reject', code: code ?? DEFAULT_REJECT_CODE, text: text ?? DEFAULT_REJECT_TEXT };
  }
  if (actions.deleteMessage) return { kind: 'delete' };
  if (actions.redirectMessageTo && actions.redirectMessageTo.length > 0) return { kind: 'redirect', to: actions.redirectMessageTo };
  if (actions.routeMessageOutboundConnector) return { kind: 'route', connector: actions.routeMessageOutboundConnector };
  return { kind: 'none' };
}
