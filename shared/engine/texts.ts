/**
 * Plain-language texts of engine events, in English and Japanese. Written from the event's data
 * only, so the app can re-describe a trace after a language switch without simulating again.
 * Japanese follows the vocabulary of Microsoft's Japanese Exchange documentation (コネクタ,
 * 承認済みドメイン, メール フロー ルール, テナント).
 */
import { JA as JA_TERM } from '../i18n/glossary';
import { certModeLabel, conditionLabel, formatNumber, restrictionLabel, settingLabel } from '../i18n/settingLabels';
import type { Lang, SimEvent } from './types';

export type NameOf = (id: string) => string;

type Describe = { [K in SimEvent['kind']]: (e: Extract<SimEvent, { kind: K }>, n: NameOf) => string };

const q = (s: string) => `"${s}"`;
const num = (x: number) => formatNumber(x, 'ja');
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
        ? `No connector covers ${e.data.ip}: its surge is over the threshold, so Exchange Online defers ${formatNumber(e.data.messagesDeferred, 'en')} message(s) with 451 4.7.500 (${formatNumber(e.data.deferred, 'en')} deferrals in all, counting retries)` +
          (e.data.expired > 0 ? `; ${formatNumber(e.data.expired, 'en')} expire at the sender.` : '; all are eventually accepted.')
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
      ? `Certificate name ${e.data.certificateName} matches ${q(n(e.data.connector))}; ${e.data.acceptedDomain} is an accepted domain of ${n(e.data.tenant)} (matching: ${certModeLabel(e.data.mode, 'en')}).`
      : `Certificate name ${e.data.certificateName} matches ${q(n(e.data.connector))}, but none of ${e.data.checkedDomains.join(', ')} is an accepted domain of ${n(e.data.tenant)} (matching: ${certModeLabel(e.data.mode, 'en')}): the certificate cannot attribute the message (ATTR36).`,
  attribution: (e, n) => {
    const t = n(e.data.tenant);
    switch (e.data.key) {
      case 'certificate':
        return `First received in ${t}: Originating, attributed by the certificate, with full relay rights.`;
      case 'mailFrom':
        return `First received in ${t}: Originating, because the MAIL FROM domain is accepted there (full relay rights).`;
      case 'headerFrom':
        return `First received in ${t}: Originating, because the header From domain is accepted there and "${settingLabel('headerFromCountsForRelay', 'en')}" is on.`;
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
        return `The certificate matches connectors of several tenants (${d.involved.map(n).join(', ')}) and nothing narrows it to one: "${settingLabel('ambiguousTenantPolicy', 'en')}" is set to reject, so the message is refused with ${reply}.`;
      case 'multipleRecipientDomains':
        return `The sender domain is not accepted and the recipients are in several domains (${d.involved.join(', ')}): Exchange Online cannot tell which domain to validate and refuses the relay with ${reply} ("${settingLabel('multiRecipientDomainPolicy', 'en')}": reject).`;
      case 'partnerRestriction':
        return `Partner connector ${q(n(d.connector ?? ''))} of ${n(d.tenant ?? '')} covers the sender domain and its restriction "${restrictionLabel(d.restriction ?? '', 'en')}" is not met: refused with ${reply}.`;
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
        return `The message has a null sender (<>), so ${n(d.tenant)}'s mail flow rules do not process it.`;
      case 'notEvaluated':
        return `Mail flow rule ${rule} of ${n(d.tenant)} is not evaluated for ${who}: its conditions ${d.conditions.map((c) => conditionLabel(c, 'en')).join(', ')} are not modelled, so the simulation skips it rather than guess.`;
      case 'exception':
        return `Mail flow rule ${rule} of ${n(d.tenant)} does not act on ${who}: its exception "${d.conditions.map((c) => conditionLabel(c, 'en')).join(', ')}" matches.`;
      case 'stopped':
        return `Mail flow rule ${rule} of ${n(d.tenant)} is skipped for ${who}: rule ${q(n(d.stoppedBy ?? ''))} stopped rule processing.`;
      default:
        return `Mail flow rule ${rule} of ${n(d.tenant)} does not match ${who} (condition "${d.conditions.map((c) => conditionLabel(c, 'en')).join(', ')}" does not hold).`;
    }
  },
  handoff: (e, n) => `Handed off from ${n(e.data.fromTenant)} to ${n(e.data.toTenant)} for ${e.data.recipients.join(', ')}; ${n(e.data.toTenant)}'s rules run next.`,
  deliver: (e, n) => `Delivered to ${e.data.recipient} in ${n(e.data.tenant)}.`,
  outbound: (e, n) =>
    e.data.via === 'centralizedTransport'
      ? `Centralized mail transport: ${e.data.recipient} leaves ${n(e.data.tenant)} through ${q(n(e.data.connector ?? ''))} to the organization's own server${e.data.smartHosts.length ? ` (${e.data.smartHosts.join(', ')})` : ''}.`
      : e.data.via === 'rule'
        ? `${e.data.recipient} leaves ${n(e.data.tenant)} through outbound connector ${q(n(e.data.connector ?? ''))}, as a mail flow rule's action says.`
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
      ? `${n(e.data.server)} は TLS に対応していないため、セッションは暗号化されず、証明書も提示されません。`
      : e.data.negotiated
        ? `TLS ${e.data.offered} で接続がネゴシエートされます (Exchange Online は TLS ${e.data.minimum} 以上を受け付けます)。`
        : `Exchange Online は TLS ${e.data.minimum} 以上を必要とするため、TLS ${e.data.offered} は受け付けられません。TLS なしで続行するので証明書は提示されず、${JA_TERM.certificateConnector}には一致しません。`,
  certificateExpired: (e, n) =>
    e.data.state === 'expired'
      ? `${n(e.data.server)} の証明書 ${e.data.subject} は ${e.data.notAfter} に有効期限が切れているため (${e.data.asOf} 時点で評価)、どのコネクタにも一致しません。`
      : `${n(e.data.server)} の証明書 ${e.data.subject} は ${e.data.notBefore} まで有効にならないため (${e.data.asOf} 時点で評価)、どのコネクタにも一致しません。`,
  unstable: (e, n) =>
    `Exchange Online は、このメールの送信元テナントを ${e.data.tenants.map(n).join('、')} のいずれとしても特定する可能性があります (MC1226222: このような構成は「予期せず動作しなくなる可能性があります」)。このシミュレーションでは ${n(e.data.chosen)} として処理を続けます。`,
  enforcement: (e, n) => {
    const d = e.data;
    const why = d.reason === 'endOfSupport' ? `Exchange ${d.version} はサポートが終了しています` : `Exchange ${d.version} は最新の状態ではありません`;
    if (d.pausedUntil) return `${n(d.server)} は古いサーバーです (${why}) が、${n(d.tenant)} が ${d.pausedUntil} まで適用を一時停止しているため、メールは受け付けられます。`;
    if (d.stage === 'report') return `${n(d.server)} は古いサーバーです (${why})。${d.asOf} 時点ではレポートの段階のため、Exchange Online は ${n(d.tenant)} に報告したうえでメールを受け付けます。`;
    return `${n(d.server)} は古いサーバーです (${why})。適用期間中に送信されたため、接続は 1 時間あたり ${d.minutesPerHour} 分間${d.stage === 'throttle' ? '調整 (スロットリング) されます (450 4.7.230)' : 'ブロックされます (550 5.7.230)'}。サーバーを更新するか、New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays n を実行して適用を一時停止してください。`;
  },
  connect: (e, n) =>
    e.data.rcptTo.length === 0
      ? `${n(e.data.server)} [${e.data.ip}] が Exchange Online に接続します。`
      : `${n(e.data.server)} [${e.data.ip}] が Exchange Online に接続し${e.data.tls ? '、TLS を開始します' : 'ます (TLS なし)'}` +
        (e.data.certificateNames.length
          ? e.data.certificateUsable
            ? `。証明書 ${list(e.data.certificateNames, 'ja')} を提示します。`
            : `。証明書 ${list(e.data.certificateNames, 'ja')} は信頼されていないか、中間証明書なしで送信されているため、どのコネクタにも一致しません。`
          : '。証明書は提示しません。'),
  throttle: (e, n) =>
    e.data.covered
      ? `送信元はコネクタ「${n(e.data.coveringConnector ?? '')}」の対象のため、IP スロットリングの対象にならず、すべてのメールが受け付けられます。`
      : e.data.deferred > 0
        ? `${e.data.ip} を対象とするコネクタがなく、受信量の急増がしきい値を超えたため、Exchange Online は ${num(e.data.messagesDeferred)} 通のメールの受信を 451 4.7.500 で遅延させます (IP スロットリング、再試行を含めて延べ ${num(e.data.deferred)} 回)` +
          (e.data.expired > 0 ? `。このうち ${num(e.data.expired)} 通は送信側で期限切れになります。` : '。最終的にはすべて受け付けられます。')
        : `${e.data.ip} を対象とするコネクタはありませんが、受信量がしきい値を超えないため、遅延は発生しません。`,
  connectorMatch: (e, n) =>
    e.data.candidates.length === 0
      ? `${e.data.ip}${e.data.certificateNames.length ? ` と証明書 ${list(e.data.certificateNames, 'ja')}` : ''} に一致する、送信元が${JA_TERM.onPremises}の有効な受信コネクタは、どのテナントにもありません。`
      : `すべてのテナントから見つかった候補のコネクタ: ` +
        e.data.candidates
          .map((c) => `${n(c.tenant)} の「${n(c.connector)}」(${c.by === 'certificate' ? `証明書の名前 ${c.matched}` : `IP アドレスの範囲 ${c.matched}`})`)
          .join('、') +
        '。',
  certificateCheck: (e, n) =>
    e.data.accepted
      ? `証明書の名前 ${e.data.certificateName} がコネクタ「${n(e.data.connector)}」に一致し、${e.data.acceptedDomain} は ${n(e.data.tenant)} の${JA_TERM.acceptedDomain}です (照合方法: ${certModeLabel(e.data.mode, 'ja')})。`
      : `証明書の名前 ${e.data.certificateName} はコネクタ「${n(e.data.connector)}」に一致しますが、${list(e.data.checkedDomains, 'ja')} はいずれも ${n(e.data.tenant)} の${JA_TERM.acceptedDomain}ではありません (照合方法: ${certModeLabel(e.data.mode, 'ja')})。そのため、証明書ではテナントを特定できません (ATTR36)。`,
  attribution: (e, n) => {
    const t = n(e.data.tenant);
    switch (e.data.key) {
      case 'certificate':
        return `${t} が最初に受信します。証明書でテナントが特定されたため、組織内から送信されたメール (Originating) として扱われ、外部への中継も許可されます。`;
      case 'mailFrom':
        return `${t} が最初に受信します。MAIL FROM のドメインが ${t} の${JA_TERM.acceptedDomain}であるため、組織内から送信されたメール (Originating) として扱われ、外部への中継も許可されます。`;
      case 'headerFrom':
        return `${t} が最初に受信します。${JA_TERM.headerFrom}のドメインが ${t} の${JA_TERM.acceptedDomain}であり、[${settingLabel('headerFromCountsForRelay', 'ja')}] が有効なため、組織内から送信されたメール (Originating) として扱われます。`;
      case 'rcptTo':
        return `${t} が最初に受信します。受信者のドメインでテナントが特定されたため、外部への中継は許可されません (${t} の受信者にのみ配信できます)。`;
      case 'cloudMailbox':
        return `${t} のクラウド メールボックスから送信されます。接続やコネクタを経由せず、${t} で組織内から送信されたメール (Originating) として扱われ、外部への中継も許可されます。`;
      default:
        return e.data.tenants.length > 1
          ? `外部から受信したメール (Incoming) として、受信者のドメインを持つテナント (${e.data.tenants.map(n).join('、')}) ごとに分けて処理されます。`
          : `受信者のドメインを持つ ${t} が、外部から受信したメール (Incoming) として処理します。`;
    }
  },
  rcptRejected: (e, n) =>
    `RCPT TO ${e.data.recipient}: ${e.data.domain} は ${n(e.data.tenant)} の${JA_TERM.authoritative}であり、この受信者は存在しないため拒否されます (ディレクトリ ベースのエッジ ブロック)。`,
  reject: (e, n) => {
    const d = e.data;
    const reply = e.smtp ? `${e.smtp.code} ${e.smtp.enhanced}` : '';
    switch (d.reason) {
      case 'allRecipientsRejected':
        return `すべての受信者が RCPT TO で拒否されたため、セッションは ${reply} で終了します。`;
      case 'ambiguousTenant':
        return `証明書が複数のテナント (${d.involved.map(n).join('、')}) のコネクタに一致し、1 つに絞り込めません。[${settingLabel('ambiguousTenantPolicy', 'ja')}] が [${settingLabel('reject', 'ja')}] のため、メールは ${reply} で拒否されます。`;
      case 'multipleRecipientDomains':
        return `送信者のドメインが${JA_TERM.acceptedDomain}ではなく、受信者が複数のドメイン (${list(d.involved, 'ja')}) にわたるため、Exchange Online はどのドメインで検証すべきか判断できず、中継を ${reply} で拒否します ([${settingLabel('multiRecipientDomainPolicy', 'ja')}]: [${settingLabel('rejectIfMultipleDomains', 'ja')}])。`;
      case 'partnerRestriction':
        return `${n(d.tenant ?? '')} の送信元が${JA_TERM.partner}のコネクタ「${n(d.connector ?? '')}」が送信者のドメインを対象としていますが、制限 [${restrictionLabel(d.restriction ?? '', 'ja')}] を満たさないため、メールは ${reply} で拒否されます。`;
      case 'directSend':
        return `${n(d.tenant ?? '')} は${JA_TERM.directSend}を拒否する設定です。送信者のドメインは ${n(d.tenant ?? '')} のものですが、送信元に一致するコネクタがないため、メールは ${reply} で拒否されます。`;
      case 'outOfDateServer':
        return `Exchange Online は、古いサーバーからのメールを DATA の終了時に ${reply} で拒否します (${e.smtp?.text ?? ''})。${n(d.tenant ?? '')} としてのテナントの特定は変わりません。`;
      default:
        return `メールの送信元テナントを特定できず、Exchange Online 外の受信者が含まれているため、許可されていない中継として ${reply} で拒否されます。`;
    }
  },
  accepted: (e, n) =>
    e.data.messageId ? `DATA の終了時に Exchange Online がメールを受け付けます: 250 2.6.0 (最初に受信したテナント: ${n(e.at)})。` : 'すべてのメールが受け付けられます: 250 2.6.0。',
  rule: (e, n) => {
    const d = e.data;
    const who = list(d.recipients, 'ja');
    const action =
      d.action === 'reject'
        ? `${JA_TERM.ndr} ${e.code} を返してメールを拒否します`
        : d.action === 'delete'
          ? '送信者に通知せずにメールを削除します'
          : d.action === 'redirect'
            ? `メールを ${list(d.redirectTo, 'ja')} にリダイレクトします`
            : d.action === 'route'
              ? `メールを送信コネクタ「${n(d.routeVia ?? '')}」経由でルーティングします${d.routeViaDisabled ? ' (ただし、コネクタが無効のため、このアクションは無視されます)' : ''}`
              : d.action === 'setHeader'
                ? `メッセージ ヘッダー ${d.header?.name} を「${d.header?.value}」に設定します`
                : d.action === 'other'
                  ? `アクション ${list(d.otherActions, 'ja')} を適用します (ルーティングには影響しません)`
                  : '以降のルールの処理を停止します';
    const others = d.action !== 'other' && d.otherActions.length ? ` (アクション ${list(d.otherActions, 'ja')} も適用します)` : '';
    return `${n(d.tenant)} のメール フロー ルール「${n(d.rule)}」が ${who} 宛てのメールに一致し、${action}${others}${d.stopRuleProcessing && d.action !== 'stop' ? '。以降のルールは処理されません' : ''}。`;
  },
  ruleSkipped: (e, n) => {
    const d = e.data;
    const who = list(d.recipients, 'ja');
    const rule = `「${n(d.rule ?? '')}」`;
    const conditions = list(d.conditions.map((c) => conditionLabel(c, 'ja')), 'ja');
    switch (d.reason) {
      case 'nullSender':
        return `${JA_TERM.nullSender}からのメールのため、${n(d.tenant)} のメール フロー ルールはこのメールを処理しません。`;
      case 'notEvaluated':
        return `${n(d.tenant)} のメール フロー ルール${rule}は、${who} 宛てのメールに対して評価されません。条件 ${conditions} はシミュレーションでは評価できないため、結果を推測せずにこのルールをスキップします。`;
      case 'exception':
        return `${n(d.tenant)} のメール フロー ルール${rule}は、例外 [${conditions}] に該当するため、${who} 宛てのメールには適用されません。`;
      case 'stopped':
        return `ルール「${n(d.stoppedBy ?? '')}」が以降のルールの処理を停止したため、${n(d.tenant)} のメール フロー ルール${rule}は ${who} 宛てのメールに対して処理されません。`;
      default:
        return `${n(d.tenant)} のメール フロー ルール${rule}は、条件 [${conditions}] を満たさないため、${who} 宛てのメールには一致しません。`;
    }
  },
  handoff: (e, n) =>
    `${list(e.data.recipients, 'ja')} 宛てのメールが ${n(e.data.fromTenant)} から ${n(e.data.toTenant)} に引き渡されます。続いて ${n(e.data.toTenant)} のメール フロー ルールが処理されます。`,
  deliver: (e, n) => `${n(e.data.tenant)} の ${e.data.recipient} に配信されます。`,
  outbound: (e, n) =>
    e.data.via === 'centralizedTransport'
      ? `${JA_TERM.centralizedTransport}が有効なため、${e.data.recipient} 宛てのメールは ${n(e.data.tenant)} からコネクタ「${n(e.data.connector ?? '')}」を経由して${JA_TERM.onPremises}${e.data.smartHosts.length ? ` (${list(e.data.smartHosts, 'ja')})` : ''}に送信されます。`
      : e.data.via === 'rule'
        ? `メール フロー ルールのアクションにより、${e.data.recipient} 宛てのメールは ${n(e.data.tenant)} の送信コネクタ「${n(e.data.connector ?? '')}」を経由して送信されます。`
        : e.data.connector
          ? `${e.data.recipient} 宛てのメールは ${n(e.data.tenant)} の送信コネクタ「${n(e.data.connector)}」を経由して${e.data.destination === 'onPremises' ? JA_TERM.onPremises : `パートナー組織の${JA_TERM.smartHost}`}${e.data.smartHosts.length ? ` (${list(e.data.smartHosts, 'ja')})` : ''}に送信されます。`
          : `${e.data.recipient} 宛てのメールは、${n(e.data.tenant)} から MX レコードに従ってインターネットへ送信されます。`,
  ndr: (e, n) =>
    e.data.rule
      ? `${n(e.data.tenant)} は ${e.data.recipient} 宛てのメールを拒否し、${JA_TERM.ndr} ${e.data.code} ${e.data.text} を${e.data.sent ? ` ${e.data.to} に返します` : '返しません (空の送信者 (MAIL FROM:<>) からのメールのため)'}。`
      : `${e.data.recipient}: ${e.data.code} ${e.data.text}。${JA_TERM.ndr}は${e.data.sent ? ` ${e.data.to} に返されます` : '送信されません (空の送信者 (MAIL FROM:<>) からのメールのため)'}。`,
};

const TABLES: Record<Lang, Describe> = { en: EN, ja: JA };

/** The event's explanation in a language, from its data alone. */
export function describeEvent(event: SimEvent, lang: Lang, nameOf: NameOf = (id) => id): string {
  const fn = TABLES[lang][event.kind] as (e: SimEvent, n: NameOf) => string;
  return fn(event, nameOf);
}
