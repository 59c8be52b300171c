/**
 * Plain-language texts of engine events, in English and Japanese. Written from the event's data
 * only, so the app can re-describe a trace after a language switch without simulating again.
 * Japanese follows the vocabulary of Microsoft's Japanese Exchange documentation (コネクタ,
 * 承認済みドメイン, メール フロー ルール, テナント).
 */
import type { Lang, SimEvent } from './types';

export type NameOf = (id: string) => string;

type Describe = { [K in SimEvent['kind']]: (e: Extract<SimEvent, { kind: K }>, n: NameOf) => string };

const q = (s: string) => `"${s}"`;
const list = (items: string[], lang: Lang) => (lang === 'ja' ? items.join('、') : items.join(', '));

const EN: Describe = {
  connect: (e, n) =>
    e.data.rcptTo.length === 0
      ? `${n(e.data.server)} [${e.data.ip}] connects to Exchange Online.`
      : `${n(e.data.server)} [${e.data.ip}] connects to Exchange Online${e.data.tls ? ' and starts TLS' : ' without TLS'}` +
        (e.data.certificateNames.length
          ? e.data.certificateUsable
            ? `, presenting the certificate ${e.data.certificateNames.join(', ')}.`
            : `; its certificate ${e.data.certificateNames.join(', ')} is untrusted or sent without its chain, so it matches no connector.`
          : ', presenting no certificate.'),
  throttle: (e, n) =>
    e.data.covered
      ? `The source is covered by connector ${q(n(e.data.coveringConnector ?? ''))}, so it is never throttled: every message is accepted.`
      : e.data.deferred > 0
        ? `No connector covers ${e.data.ip}: its surge is over the threshold, so Exchange Online defers ${e.data.messagesDeferred} message(s) with 451 4.7.500 (${e.data.deferred} deferrals in all, counting retries)` +
          (e.data.expired > 0 ? `; ${e.data.expired} expire at the sender.` : '; all are eventually accepted.')
        : `No connector covers ${e.data.ip}, but its volume stays under the threshold: nothing is deferred.`,
  connectorMatch: (e, n) =>
    e.data.candidates.length === 0
      ? `No enabled OnPremises inbound connector of any tenant matches ${e.data.ip}${e.data.certificateNames.length ? ` or the certificate ${e.data.certificateNames.join(', ')}` : ''}.`
      : `Candidate connectors across all tenants: ` +
        e.data.candidates
          .map((c) => `${q(n(c.connector))} in ${n(c.tenant)} (${c.by === 'certificate' ? `certificate name ${c.matched}` : `IP range ${c.matched}`})`)
          .join('; ') +
        '.',
  certificateCheck: (e, n) =>
    e.data.accepted
      ? `Certificate name ${e.data.certificateName} matches ${q(n(e.data.connector))}; ${e.data.acceptedDomain} is an accepted domain of ${n(e.data.tenant)} (${e.data.mode}).`
      : `Certificate name ${e.data.certificateName} matches ${q(n(e.data.connector))}, but none of ${e.data.checkedDomains.join(', ')} is an accepted domain of ${n(e.data.tenant)} (${e.data.mode}): the certificate cannot attribute the message (ATTR36).`,
  attribution: (e, n) => {
    const t = n(e.data.tenant);
    switch (e.data.key) {
      case 'certificate':
        return `First received in ${t}: Originating, attributed by the certificate, with full relay rights.`;
      case 'mailFrom':
        return `First received in ${t}: Originating, because the MAIL FROM domain is accepted there (full relay rights).`;
      case 'headerFrom':
        return `First received in ${t}: Originating, because the header From domain is accepted there (headerFromCountsForRelay).`;
      case 'rcptTo':
        return `First received in ${t}: attributed by the recipient domain, without relay rights (only ${t}'s recipients can be reached).`;
      default:
        return e.data.tenants.length > 1
          ? `Incoming mail, split per owning tenant: ${e.data.tenants.map(n).join(', ')}.`
          : `Incoming mail for ${t}, the tenant that owns the recipient domain.`;
    }
  },
  rcptRejected: (e, n) =>
    `RCPT TO ${e.data.recipient}: ${e.data.domain} is an Authoritative domain of ${n(e.data.tenant)} and the address is not a known recipient (Directory-Based Edge Blocking).`,
  reject: (e, n) => {
    const d = e.data;
    const reply = e.smtp ? `${e.smtp.code} ${e.smtp.enhanced}` : '';
    switch (d.reason) {
      case 'allRecipientsRejected':
        return `Every recipient was rejected at RCPT: the transaction ends with ${reply}.`;
      case 'ambiguousTenant':
        return `The certificate matches connectors of several tenants (${d.involved.map(n).join(', ')}) and nothing narrows it to one: ambiguousTenantPolicy is reject, so the message is refused with ${reply}.`;
      case 'multipleRecipientDomains':
        return `The sender domain is not accepted and the recipients are in several domains (${d.involved.join(', ')}): Exchange Online cannot tell which domain to validate and refuses the relay with ${reply} (multiRecipientDomainPolicy: rejectIfMultipleDomains).`;
      case 'partnerRestriction':
        return `Partner connector ${q(n(d.connector ?? ''))} of ${n(d.tenant ?? '')} covers the sender domain and its restriction ${d.restriction} is not met: refused with ${reply}.`;
      case 'directSend':
        return `${n(d.tenant ?? '')} rejects Direct Send: the sender domain is its own and no connector of ${n(d.tenant ?? '')} matches the source, so the message is refused with ${reply}.`;
      default:
        return `The message cannot be attributed to a tenant and has a recipient outside Exchange Online: unauthorized relay, refused with ${reply}.`;
    }
  },
  accepted: (e, n) =>
    e.data.messageId ? `Exchange Online accepts the message at the end of DATA: 250 2.6.0 (first received in ${n(e.at)}).` : 'Every message is accepted: 250 2.6.0.',
  rule: (e, n) => {
    const d = e.data;
    const who = d.recipients.join(', ');
    const action =
      d.action === 'reject'
        ? `rejects it with an NDR ${e.code}`
        : d.action === 'delete'
          ? 'deletes it silently'
          : d.action === 'redirect'
            ? `redirects it to ${d.redirectTo.join(', ')}`
            : d.action === 'setHeader'
              ? `stamps the header ${d.header?.name}: ${d.header?.value}`
              : 'stops rule processing';
    return `Mail flow rule ${q(n(d.rule))} of ${n(d.tenant)} matches ${who} and ${action}${d.stopRuleProcessing && d.action !== 'stop' ? '; later rules are skipped' : ''}.`;
  },
  ruleSkipped: (e, n) => {
    const d = e.data;
    const who = d.recipients.join(', ');
    const rule = q(n(d.rule ?? ''));
    switch (d.reason) {
      case 'nullSender':
        return `The message has a null sender (<>), so ${n(d.tenant)}'s mail flow rules do not process it (nullSenderSkipsRules).`;
      case 'notEvaluated':
        return `Mail flow rule ${rule} of ${n(d.tenant)} is not evaluated for ${who}: its conditions ${d.conditions.join(', ')} are not modelled, so the simulation skips it rather than guess.`;
      case 'exception':
        return `Mail flow rule ${rule} of ${n(d.tenant)} does not act on ${who}: its exception ${d.conditions.join(', ')} matches.`;
      case 'stopped':
        return `Mail flow rule ${rule} of ${n(d.tenant)} is skipped for ${who}: rule ${q(n(d.stoppedBy ?? ''))} stopped rule processing.`;
      default:
        return `Mail flow rule ${rule} of ${n(d.tenant)} does not match ${who} (condition ${d.conditions.join(', ')} does not hold).`;
    }
  },
  handoff: (e, n) => `Handed off from ${n(e.data.fromTenant)} to ${n(e.data.toTenant)} for ${e.data.recipients.join(', ')}; ${n(e.data.toTenant)}'s rules run next.`,
  deliver: (e, n) => `Delivered to ${e.data.recipient} in ${n(e.data.tenant)}.`,
  outbound: (e, n) =>
    e.data.connector
      ? `${e.data.recipient} leaves ${n(e.data.tenant)} through outbound connector ${q(n(e.data.connector))} to ${e.data.destination === 'onPremises' ? "the organization's own server" : 'the partner smart host'}${e.data.smartHosts.length ? ` (${e.data.smartHosts.join(', ')})` : ''}.`
      : `${e.data.recipient} is relayed out of ${n(e.data.tenant)} to the Internet by MX.`,
  ndr: (e, n) =>
    e.data.rule
      ? `${n(e.data.tenant)} returns ${e.data.recipient} as an NDR ${e.data.code} ${e.data.text}${e.data.sent ? ` to ${e.data.to}` : ' (the null sender gets no NDR)'}.`
      : `${e.data.recipient}: ${e.data.code} ${e.data.text}; an NDR goes back${e.data.sent ? ` to ${e.data.to}` : ' to nobody (null sender)'}.`,
};

const JA: Describe = {
  connect: (e, n) =>
    e.data.rcptTo.length === 0
      ? `${n(e.data.server)} [${e.data.ip}] が Exchange Online に接続します。`
      : `${n(e.data.server)} [${e.data.ip}] が Exchange Online に接続し${e.data.tls ? ' TLS を開始します' : 'ます (TLS なし)'}` +
        (e.data.certificateNames.length
          ? e.data.certificateUsable
            ? `。証明書 ${list(e.data.certificateNames, 'ja')} を提示します。`
            : `。証明書 ${list(e.data.certificateNames, 'ja')} は信頼されていないか中間証明書が送信されないため、どのコネクタにも一致しません。`
          : '。証明書は提示しません。'),
  throttle: (e, n) =>
    e.data.covered
      ? `送信元はコネクタ "${n(e.data.coveringConnector ?? '')}" の対象のため、スロットリングされません。すべてのメールが受信されます。`
      : e.data.deferred > 0
        ? `${e.data.ip} を対象とするコネクタがありません。急増がしきい値を超えたため、Exchange Online は ${e.data.messagesDeferred} 通を 451 4.7.500 で遅延させます (再試行を含めて延べ ${e.data.deferred} 回)` +
          (e.data.expired > 0 ? `。${e.data.expired} 通は送信側で期限切れになります。` : '。最終的にはすべて受信されます。')
        : `${e.data.ip} を対象とするコネクタはありませんが、量がしきい値以下のため遅延はありません。`,
  connectorMatch: (e, n) =>
    e.data.candidates.length === 0
      ? `どのテナントの有効な OnPremises 受信コネクタも ${e.data.ip}${e.data.certificateNames.length ? ` や証明書 ${list(e.data.certificateNames, 'ja')}` : ''} に一致しません。`
      : `全テナントの候補コネクタ: ` +
        e.data.candidates
          .map((c) => `${n(c.tenant)} の "${n(c.connector)}" (${c.by === 'certificate' ? `証明書名 ${c.matched}` : `IP 範囲 ${c.matched}`})`)
          .join('、') +
        '。',
  certificateCheck: (e, n) =>
    e.data.accepted
      ? `証明書名 ${e.data.certificateName} が "${n(e.data.connector)}" に一致し、${e.data.acceptedDomain} は ${n(e.data.tenant)} の承認済みドメインです (${e.data.mode})。`
      : `証明書名 ${e.data.certificateName} は "${n(e.data.connector)}" に一致しますが、${list(e.data.checkedDomains, 'ja')} はいずれも ${n(e.data.tenant)} の承認済みドメインではありません (${e.data.mode})。証明書ではテナントを特定できません (ATTR36)。`,
  attribution: (e, n) => {
    const t = n(e.data.tenant);
    switch (e.data.key) {
      case 'certificate':
        return `${t} で最初に受信されます: 証明書により Originating (送信) として扱われ、完全な中継権限を持ちます。`;
      case 'mailFrom':
        return `${t} で最初に受信されます: MAIL FROM のドメインが承認済みドメインのため Originating (送信) として扱われます (完全な中継権限)。`;
      case 'headerFrom':
        return `${t} で最初に受信されます: ヘッダー From のドメインが承認済みドメインのため Originating として扱われます (headerFromCountsForRelay)。`;
      case 'rcptTo':
        return `${t} で最初に受信されます: 宛先ドメインで判定され、中継権限はありません (${t} の宛先にのみ届きます)。`;
      default:
        return e.data.tenants.length > 1
          ? `受信メールとして、宛先ドメインを持つテナントごとに分割されます: ${e.data.tenants.map(n).join('、')}。`
          : `宛先ドメインを持つテナント ${t} への受信 (Incoming) メールとして扱われます。`;
    }
  },
  rcptRejected: (e, n) =>
    `RCPT TO ${e.data.recipient}: ${e.data.domain} は ${n(e.data.tenant)} の Authoritative ドメインで、この宛先は存在しません (ディレクトリ ベースのエッジ ブロック)。`,
  reject: (e, n) => {
    const d = e.data;
    const reply = e.smtp ? `${e.smtp.code} ${e.smtp.enhanced}` : '';
    switch (d.reason) {
      case 'allRecipientsRejected':
        return `すべての宛先が RCPT で拒否されたため、${reply} で終了します。`;
      case 'ambiguousTenant':
        return `証明書が複数テナント (${d.involved.map(n).join('、')}) のコネクタに一致し、1 つに絞り込めません。ambiguousTenantPolicy が reject のため ${reply} で拒否されます。`;
      case 'multipleRecipientDomains':
        return `送信者ドメインが承認済みドメインではなく、宛先が複数ドメイン (${list(d.involved, 'ja')}) にわたるため、どのドメインで検証すべきか判断できず、${reply} で中継が拒否されます (multiRecipientDomainPolicy: rejectIfMultipleDomains)。`;
      case 'partnerRestriction':
        return `${n(d.tenant ?? '')} の Partner コネクタ "${n(d.connector ?? '')}" が送信者ドメインを対象とし、制限 ${d.restriction} を満たさないため ${reply} で拒否されます。`;
      case 'directSend':
        return `${n(d.tenant ?? '')} は Direct Send を拒否します: 送信者ドメインは自テナントのもので、送信元に一致するコネクタがないため ${reply} で拒否されます。`;
      default:
        return `メールをどのテナントにも帰属できず、Exchange Online 外の宛先を含むため、許可されない中継として ${reply} で拒否されます。`;
    }
  },
  accepted: (e, n) =>
    e.data.messageId ? `DATA の終了時に Exchange Online がメールを受け付けます: 250 2.6.0 (最初の受信は ${n(e.at)})。` : 'すべてのメールが受け付けられます: 250 2.6.0。',
  rule: (e, n) => {
    const d = e.data;
    const who = list(d.recipients, 'ja');
    const action =
      d.action === 'reject'
        ? `NDR ${e.code} で拒否します`
        : d.action === 'delete'
          ? '通知なしで削除します'
          : d.action === 'redirect'
            ? `${list(d.redirectTo, 'ja')} にリダイレクトします`
            : d.action === 'setHeader'
              ? `ヘッダー ${d.header?.name}: ${d.header?.value} を設定します`
              : 'ルールの処理を停止します';
    return `${n(d.tenant)} のメール フロー ルール "${n(d.rule)}" が ${who} に一致し、${action}${d.stopRuleProcessing && d.action !== 'stop' ? ' (以降のルールは処理されません)' : ''}。`;
  },
  ruleSkipped: (e, n) => {
    const d = e.data;
    const who = list(d.recipients, 'ja');
    const rule = `"${n(d.rule ?? '')}"`;
    switch (d.reason) {
      case 'nullSender':
        return `送信者が空 (<>) のため、${n(d.tenant)} のメール フロー ルールはこのメールを処理しません (nullSenderSkipsRules)。`;
      case 'notEvaluated':
        return `${n(d.tenant)} のメール フロー ルール ${rule} は ${who} に対して評価されません: 条件 ${list(d.conditions, 'ja')} はモデル化されていないため、推測せずにスキップします。`;
      case 'exception':
        return `${n(d.tenant)} のメール フロー ルール ${rule} は ${who} に適用されません: 例外 ${list(d.conditions, 'ja')} に一致します。`;
      case 'stopped':
        return `${n(d.tenant)} のメール フロー ルール ${rule} は ${who} に対してスキップされます: ルール "${n(d.stoppedBy ?? '')}" がルールの処理を停止しました。`;
      default:
        return `${n(d.tenant)} のメール フロー ルール ${rule} は ${who} に一致しません (条件 ${list(d.conditions, 'ja')} を満たしません)。`;
    }
  },
  handoff: (e, n) => `${list(e.data.recipients, 'ja')} 宛てのメールが ${n(e.data.fromTenant)} から ${n(e.data.toTenant)} に引き渡されます。次に ${n(e.data.toTenant)} のルールが処理されます。`,
  deliver: (e, n) => `${n(e.data.tenant)} の ${e.data.recipient} に配信されます。`,
  outbound: (e, n) =>
    e.data.connector
      ? `${e.data.recipient} 宛てのメールは ${n(e.data.tenant)} の送信コネクタ "${n(e.data.connector)}" を通り、${e.data.destination === 'onPremises' ? '組織のメール サーバー' : 'パートナーのスマート ホスト'}${e.data.smartHosts.length ? ` (${list(e.data.smartHosts, 'ja')})` : ''} に送られます。`
      : `${e.data.recipient} 宛てのメールは ${n(e.data.tenant)} から MX によりインターネットへ中継されます。`,
  ndr: (e, n) =>
    e.data.rule
      ? `${n(e.data.tenant)} は ${e.data.recipient} 宛てのメールを NDR ${e.data.code} ${e.data.text} として${e.data.sent ? ` ${e.data.to} に` : ''}返します${e.data.sent ? '' : ' (空の送信者には NDR は送られません)'}。`
      : `${e.data.recipient}: ${e.data.code} ${e.data.text}。NDR は${e.data.sent ? ` ${e.data.to} に` : '送信されません (空の送信者)'}${e.data.sent ? '返されます' : ''}。`,
};

const TABLES: Record<Lang, Describe> = { en: EN, ja: JA };

/** The event's explanation in a language, from its data alone. */
export function describeEvent(event: SimEvent, lang: Lang, nameOf: NameOf = (id) => id): string {
  const fn = TABLES[lang][event.kind] as (e: SimEvent, n: NameOf) => string;
  return fn(event, nameOf);
}
