/**
 * Present-mode captions in plain words, for stakeholders. The engine's event text is written for
 * administrators ("(oneLabelUp)", "sentToScope:NotInOrganization", setting names); it stays in the
 * Events panel. A caption is built here from the event's kind and typed data only, so every
 * language gets the same facts. An event kind this file does not know yet (the engine grows) falls
 * back to a generic sentence from the data it carries, never to raw identifiers.
 */
import type { SimEvent } from '../../shared/engine/types';
import type { Translate } from './i18n';

export interface Caption {
  /** The sentence shown in large type. */
  text: string;
  /** The SMTP reply or status code, shown small beside it (admins in the room ask for it). */
  code: string | null;
}

type Data = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function listOf(items: readonly string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** Why a rule did not apply (ruleSkipped's `reason`), in words; unknown reasons get a neutral line. */
export function skipReason(reason: string | null, t: Translate): string {
  return t(`playback.skip.${reason ?? 'unknown'}`, { defaultValue: t('playback.skip.unknown') });
}

export function buildCaption(event: SimEvent, t: Translate, name: (id: string) => string, lang: string): Caption {
  const d = event.data as Data;
  const code = event.smtp ? `${event.smtp.code} ${event.smtp.enhanced}` : event.code;
  const list = (ids: readonly string[]) => listOf(ids, lang);
  const k = (key: string, values: Record<string, unknown> = {}) => t(`playback.caption.${key}`, values);
  const tenant = str(d.tenant) ? name(str(d.tenant) as string) : '';
  const rule = str(d.rule) ? name(str(d.rule) as string) : '';
  switch (event.kind) {
    case 'connect':
      return { text: k('connect', { server: name(event.data.server) }), code: null };
    case 'throttle': {
      const e = event.data;
      if (e.covered) return { text: k('throttleCovered', { server: name(e.server) }), code: null };
      if (e.messagesDeferred > 0) {
        return {
          text: k('throttleDeferred', { server: name(e.server), count: e.messagesDeferred, formatted: e.messagesDeferred.toLocaleString(lang) }),
          code,
        };
      }
      return { text: k('throttleFine', { server: name(e.server) }), code: null };
    }
    case 'connectorMatch': {
      const c = event.data.candidates[0];
      if (!c) return { text: k('noConnector', { server: name(event.data.server) }), code: null };
      return { text: k('connectorMatch', { connector: name(c.connector), tenant: name(c.tenant) }), code: null };
    }
    case 'certificateCheck':
      return {
        text: k(event.data.accepted ? 'certificateOk' : 'certificateNo', { certificate: event.data.certificateName, tenant }),
        code: null,
      };
    case 'attribution': {
      const tenants = event.data.tenants.length ? event.data.tenants : [event.data.tenant];
      return { text: k(event.data.direction === 'originating' ? 'firstReceiptInside' : 'firstReceiptOutside', { tenant: list(tenants.map(name)) }), code: null };
    }
    case 'rcptRejected':
      return { text: k('recipientRefused', { recipient: event.data.recipient }), code };
    case 'reject':
      return {
        text: k(`reject.${event.data.reason}`, {
          tenant: event.data.tenant ? name(event.data.tenant) : '',
          connector: event.data.connector ? name(event.data.connector) : '',
          defaultValue: k('reject.other'),
        }),
        code,
      };
    case 'accepted':
      return { text: k('accepted'), code: null };
    case 'rule': {
      const e = event.data;
      return {
        text: k(`rule.${e.action}`, {
          tenant,
          rule,
          recipients: list(e.recipients),
          targets: list(e.redirectTo),
          count: e.recipients.length,
        }),
        code,
      };
    }
    case 'handoff':
      return { text: k('handoff', { from: name(event.data.fromTenant), to: name(event.data.toTenant), recipients: list(event.data.recipients) }), code: null };
    case 'deliver':
      return { text: k('deliver', { recipient: event.data.recipient, tenant }), code: null };
    case 'outbound':
      return {
        text: k(event.data.destination === 'onPremises' ? 'outboundOnPremises' : 'outboundInternet', { recipient: event.data.recipient, tenant }),
        code: null,
      };
    case 'ndr':
      return {
        text: event.data.sent ? k('ndr', { recipient: event.data.recipient, to: event.data.to }) : k('ndrNotSent', { recipient: event.data.recipient }),
        code: event.data.code,
      };
    default:
      return genericCaption(event as SimEvent, t, name, lang);
  }
}

/**
 * Kinds added to the engine after this file (ruleSkipped, tls, …): a sentence from the data's
 * usual fields. `ruleSkipped` reads `rule`, `tenant`, `reason` and `recipient(s)`.
 */
function genericCaption(event: SimEvent, t: Translate, name: (id: string) => string, lang: string): Caption {
  const d = event.data as Data;
  const kind = event.kind as string;
  const code = event.smtp ? `${event.smtp.code} ${event.smtp.enhanced}` : event.code;
  const recipients = [...strs(d.recipients), ...(str(d.recipient) ? [str(d.recipient) as string] : [])];
  if (kind === 'ruleSkipped' && str(d.rule)) {
    const key = recipients.length ? 'playback.caption.ruleSkippedFor' : 'playback.caption.ruleSkipped';
    return {
      text: t(key, {
        tenant: str(d.tenant) ? name(str(d.tenant) as string) : '',
        rule: name(str(d.rule) as string),
        recipients: listOf(recipients, lang),
        reason: skipReason(str(d.reason), t),
      }),
      code,
    };
  }
  // Unknown kinds: the kind's name in words and where it happened; the engine's text is admin detail.
  const where = event.at === 'eop' ? t('canvas.frontDoor') : event.at === 'internet' ? t('canvas.internet') : name(event.at);
  return { text: t('playback.caption.generic', { kind: t(`playback.kinds.${kind}`, { defaultValue: kind }), where }), code };
}
