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
  tls: (e, n) =>
    e.data.offered === null
      ? `${n(e.data.server)} does not offer TLS: the session is unencrypted and no certificate is presented.`
      : e.data.negotiated
        ? `TLS ${e.data.offered} is negotiated (Exchange Online accepts TLS ${e.data.minimum} and above).`
        : `TLS ${e.data.offered} is not accepted (Exchange Online requires TLS ${e.data.minimum} or above); continuing without TLS, so no certificate is presented and certificate connectors cannot match.`,
  certificateExpired: (e, n) =>
    e.data.state === 'expired'
      ? `The certificate ${e.data.subject} of ${n(e.data.server)} expired on ${e.data.notAfter} (evaluated as of ${e.data.asOf}): it matches no connector.`
      : `The certificate ${e.data.subject} of ${n(e.data.server)} is not valid before ${e.data.notBefore} (evaluated as of ${e.data.asOf}): it matches no connector.`,
  unstable: (e, n) =>
    `Exchange Online may attribute this message to ${e.data.tenants.map(n).join(' or ')} (MC1226222: such set-ups "may unexpectedly stop working"); this run follows ${n(e.data.chosen)}.`,
  enforcement: (e, n) => {
    const d = e.data;
    const why = d.reason === 'endOfSupport' ? `Exchange ${d.version} is out of support` : `Exchange ${d.version} is not up to date`;
    if (d.pausedUntil) return `${n(d.server)} is out of date (${why}), but ${n(d.tenant)} has paused enforcement until ${d.pausedUntil}: the message is accepted.`;
    if (d.stage === 'report') return `${n(d.server)} is out of date (${why}): Exchange Online reports it to ${n(d.tenant)} and accepts the message (report stage, as of ${d.asOf}).`;
    return `${n(d.server)} is out of date (${why}): sent inside an enforced window, the connection is ${d.stage === 'throttle' ? 'throttled' : 'blocked'} for ${d.minutesPerHour} min/h (${d.stage === 'throttle' ? '450 4.7.230' : '550 5.7.230'}). Update the server, or pause enforcement with New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays n.`;
  },
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
      case 'cloudMailbox':
        return `Sent by a cloud mailbox of ${t}: Originating in ${t} with full relay rights (no connection and no connector).`;
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
      case 'outOfDateServer':
        return `Exchange Online refuses the out-of-date server's message at the end of DATA with ${reply} (${e.smtp?.text ?? ''}); the attribution to ${n(d.tenant ?? '')} stays as decided.`;
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
            : d.action === 'route'
              ? `routes it through outbound connector ${q(n(d.routeVia ?? ''))}${d.routeViaDisabled ? ' (the connector is disabled, so this is ignored)' : ''}`
              : d.action === 'setHeader'
                ? `stamps the header ${d.header?.name}: ${d.header?.value}`
                : d.action === 'other'
                  ? `applies ${d.otherActions.join(', ')} (not routing: nothing else changes)`
                  : 'stops rule processing';
    const others = d.action !== 'other' && d.otherActions.length ? `; it also applies ${d.otherActions.join(', ')}` : '';
    return `Mail flow rule ${q(n(d.rule))} of ${n(d.tenant)} matches ${who} and ${action}${others}${d.stopRuleProcessing && d.action !== 'stop' ? '; later rules are skipped' : ''}.`;
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
    e.data.via === 'centralizedTransport'
      ? `Centralized mail transport: ${e.data.recipient} leaves ${n(e.data.tenant)} through ${q(n(e.data.connector ?? ''))} (routeAllMessagesViaOnPremises) to the organization's own server${e.data.smartHosts.length ? ` (${e.data.smartHosts.join(', ')})` : ''}.`
      : e.data.via === 'rule'
        ? `${e.data.recipient} leaves ${n(e.data.tenant)} through outbound connector ${q(n(e.data.connector ?? ''))}, as a mail flow rule says (routeMessageOutboundConnector).`
        : e.data.connector
      ? `${e.data.recipient} leaves ${n(e.data.tenant)} through outbound connector ${q(n(e.data.connector))} to ${e.data.destination === 'onPremises' ? "the organization's own server" : 'the partner smart host'}${e.data.smartHosts.length ? ` (${e.data.smartHosts.join(', ')})` : ''}.`
      : `${e.data.recipient} is relayed out of ${n(e.data.tenant)} to the Internet by MX.`,
  ndr: (e, n) =>
    e.data.rule
      ? `${n(e.data.tenant)} returns ${e.data.recipient} as an NDR ${e.data.code} ${e.data.text}${e.data.sent ? ` to ${e.data.to}` : ' (the null sender gets no NDR)'}.`
      : `${e.data.recipient}: ${e.data.code} ${e.data.text}; an NDR goes back${e.data.sent ? ` to ${e.data.to}` : ' to nobody (null sender)'}.`,
};

const JA: Describe = {
  tls: (e, n) =>
    e.data.offered === null
      ? `${n(e.data.server)} は TLS を提供しません。暗号化されないセッションとなり、証明書は提示されません。`
      : e.data.negotiated
        ? `TLS ${e.data.offered} がネゴシエートされます (Exchange Online は TLS ${e.data.minimum} 以上を受け付けます)。`
        : `TLS ${e.data.offered} は受け付けられません (Exchange Online は TLS ${e.data.minimum} 以上が必要)。TLS なしで続行するため証明書は提示されず、証明書コネクタには一致しません。`,
  certificateExpired: (e, n) =>
    e.data.state === 'expired'
      ? `${n(e.data.server)} の証明書 ${e.data.subject} は ${e.data.notAfter} に期限切れになりました (${e.data.asOf} 時点で評価)。どのコネクタにも一致しません。`
      : `${n(e.data.server)} の証明書 ${e.data.subject} は ${e.data.notBefore} より前は有効ではありません (${e.data.asOf} 時点で評価)。どのコネクタにも一致しません。`,
  unstable: (e, n) =>
    `Exchange Online はこのメールを ${e.data.tenants.map(n).join(' または ')} のいずれにも帰属させる可能性があります (MC1226222: このような構成は「予期せず動作しなくなる可能性があります」)。この実行では ${n(e.data.chosen)} をたどります。`,
  enforcement: (e, n) => {
    const d = e.data;
    const why = d.reason === 'endOfSupport' ? `Exchange ${d.version} はサポート終了` : `Exchange ${d.version} は最新ではありません`;
    if (d.pausedUntil) return `${n(d.server)} は古いサーバーです (${why}) が、${n(d.tenant)} が ${d.pausedUntil} まで適用を一時停止しているため、メールは受け付けられます。`;
    if (d.stage === 'report') return `${n(d.server)} は古いサーバーです (${why})。Exchange Online は ${n(d.tenant)} にレポートし、メールを受け付けます (${d.asOf} 時点ではレポート段階)。`;
    return `${n(d.server)} は古いサーバーです (${why})。適用期間中に送信されたため、接続は 1 時間あたり ${d.minutesPerHour} 分${d.stage === 'throttle' ? 'スロットリング' : 'ブロック'}されます (${d.stage === 'throttle' ? '450 4.7.230' : '550 5.7.230'})。サーバーを更新するか、New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays n で適用を一時停止してください。`;
  },
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
      case 'cloudMailbox':
        return `${t} のクラウド メールボックスから送信されます: ${t} で Originating (送信) として扱われ、完全な中継権限を持ちます (接続やコネクタはありません)。`;
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
      case 'outOfDateServer':
        return `Exchange Online は古いサーバーからのメールを DATA の終了時に ${reply} で拒否します (${e.smtp?.text ?? ''})。${n(d.tenant ?? '')} への帰属は決定済みのままです。`;
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
            : d.action === 'route'
              ? `送信コネクタ "${n(d.routeVia ?? '')}" 経由でルーティングします${d.routeViaDisabled ? ' (コネクタが無効のため無視されます)' : ''}`
              : d.action === 'setHeader'
                ? `ヘッダー ${d.header?.name}: ${d.header?.value} を設定します`
                : d.action === 'other'
                  ? `${list(d.otherActions, 'ja')} を適用します (ルーティングには影響しません)`
                  : 'ルールの処理を停止します';
    const others = d.action !== 'other' && d.otherActions.length ? ` (${list(d.otherActions, 'ja')} も適用します)` : '';
    return `${n(d.tenant)} のメール フロー ルール "${n(d.rule)}" が ${who} に一致し、${action}${others}${d.stopRuleProcessing && d.action !== 'stop' ? ' (以降のルールは処理されません)' : ''}。`;
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
    e.data.via === 'centralizedTransport'
      ? `集中メール転送: ${e.data.recipient} 宛てのメールは ${n(e.data.tenant)} から "${n(e.data.connector ?? '')}" (routeAllMessagesViaOnPremises) を通り、組織のメール サーバー${e.data.smartHosts.length ? ` (${list(e.data.smartHosts, 'ja')})` : ''} に送られます。`
      : e.data.via === 'rule'
        ? `${e.data.recipient} 宛てのメールは、メール フロー ルールの指定 (routeMessageOutboundConnector) により ${n(e.data.tenant)} の送信コネクタ "${n(e.data.connector ?? '')}" を通ります。`
        : e.data.connector
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
