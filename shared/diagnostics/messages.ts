/**
 * Diagnostic messages in English and Japanese: what will happen, then how to fix it. Each rule's
 * message takes its own typed arguments (`ArgsByRule`), so a finding cannot forget or misspell one.
 */
import type { Lang } from '../engine/types';
import { certModeLabel, conditionLabel, settingLabel } from '../i18n/settingLabels';

export type DiagnosticRule =
  | 'certificate-domain-not-accepted'
  | 'ip-connector-overlap'
  | 'multiple-recipient-domains-ip-connector'
  | 'outside-rule-blocks-other-tenants'
  | 'wildcard-captures-other-server'
  | 'server-without-connector'
  | 'internal-relay-without-connector'
  | 'duplicate-accepted-domain'
  | 'scenario-missing-server'
  | 'broken-reference'
  | 'certificate-expired'
  | 'certificate-expiring'
  | 'tls-below-minimum'
  | 'out-of-date-server'
  | 'enforcement-pause-too-long'
  | 'sender-ip-range-too-wide'
  | 'rule-not-evaluated'
  | 'certificate-matches-several-tenants';

type Located = { path: string; found: string; expected: string };

/** The arguments each rule's message takes. */
export interface ArgsByRule {
  'certificate-domain-not-accepted': { connector: string; tenant: string; certificate: string; checked: string; mode: string };
  'ip-connector-overlap': { connector: string; tenant: string; range: string; otherConnector: string; otherTenant: string; otherRange: string };
  'multiple-recipient-domains-ip-connector': {
    connector: string;
    tenant: string;
    server: string;
    scenario: string;
    domains: string;
    sender: string;
    outcome: 'rejected' | 'accepted';
  };
  'outside-rule-blocks-other-tenants': { rule: string; tenant: string; server: string; others: string };
  'wildcard-captures-other-server': { connector: string; tenant: string; pattern: string; servers: string };
  'server-without-connector': { server: string; ip: string };
  'internal-relay-without-connector': { tenant: string; domain: string };
  'duplicate-accepted-domain': Located;
  'scenario-missing-server': Located;
  'broken-reference': Located;
  'certificate-expired': { server: string; subject: string; date: string; asOf: string; connectors: string; state: 'expired' | 'notYetValid' };
  'certificate-expiring': { server: string; subject: string; date: string; asOf: string; days: number };
  'tls-below-minimum': { server: string; version: string; minimum: string; connector: string; tenant: string };
  'out-of-date-server': {
    server: string;
    version: string;
    why: 'endOfSupport' | 'notUpToDate';
    tenant: string;
    stage: 'report' | 'throttle' | 'block';
    minutes: number;
    asOf: string;
    pausedUntil: string | null;
  };
  'enforcement-pause-too-long': { tenant: string; until: string; asOf: string; days: number };
  'sender-ip-range-too-wide': { connector: string; tenant: string; range: string };
  'rule-not-evaluated': { rule: string; tenant: string; conditions: string };
  'certificate-matches-several-tenants': { server: string; tenants: string; connectors: string; policy: string };
}

/** Any rule's arguments (for code that handles findings generically). */
export type MessageArgs = ArgsByRule[DiagnosticRule];

/** A list the checks joined with ", " reads with 「、」 inside a Japanese sentence. */
const jl = (v: string) => v.split(', ').join('、');

type Messages = { [R in DiagnosticRule]: Record<Lang, (a: ArgsByRule[R]) => string> };

export const MESSAGES: Messages = {
  'certificate-domain-not-accepted': {
    en: (a) =>
      `Connector "${a.connector}" of ${a.tenant}: the certificate name ${a.certificate} does not lead to an accepted domain of ${a.tenant} (checked ${a.checked}; matching: ${certModeLabel(a.mode, 'en')}). ` +
      `Mail from this server is attributed only when its MAIL FROM or recipient domain is accepted; NDRs (null sender) to the Internet are rejected with 550 5.7.64 ATTR36. ` +
      `Fix: use a certificate whose domain is an accepted domain of ${a.tenant}, or add that domain as an accepted domain (MC1226222).`,
    ja: (a) =>
      `${a.tenant} のコネクタ「${a.connector}」: 証明書の名前 ${a.certificate} から、${a.tenant} の承認済みドメインが見つかりません (確認したドメイン: ${jl(a.checked)}、照合方法: ${certModeLabel(a.mode, 'ja')})。` +
      `そのため、このサーバーからのメールは、MAIL FROM または受信者のドメインが承認済みドメインである場合にのみテナントが特定され、インターネット宛ての配信不能レポート (NDR) (空の送信者 (MAIL FROM:<>) からのメール) は 550 5.7.64 ATTR36 で拒否されます。` +
      `対処: ${a.tenant} の承認済みドメインを名前に含む証明書を使用するか、証明書のドメインを承認済みドメインとして追加してください (MC1226222)。`,
  },
  'ip-connector-overlap': {
    en: (a) =>
      `Connector "${a.connector}" of ${a.tenant} covers ${a.range}, which overlaps ${a.otherRange} of "${a.otherConnector}" in ${a.otherTenant}. ` +
      `Mail from a shared IP is attributed by the sender and recipient domains only; mail that neither tenant accepts is refused with 550 5.7.64. ` +
      `Fix: give each organization its own sending IP, or use certificate-based connectors with each tenant's own domain (MC1226222).`,
    ja: (a) =>
      `${a.tenant} のコネクタ「${a.connector}」の IP アドレスの範囲 ${a.range} が、${a.otherTenant} のコネクタ「${a.otherConnector}」の範囲 ${a.otherRange} と重複しています。` +
      `共有の IP アドレスから送信されたメールは、送信者と受信者のドメインでのみテナントが特定されるため、どちらのテナントの承認済みドメインでもないメールは 550 5.7.64 で拒否されます。` +
      `対処: 組織ごとに送信元の IP アドレスを分けるか、各テナントのドメインを名前に含む証明書を使用する証明書ベースのコネクタに切り替えてください (MC1226222)。`,
  },
  'multiple-recipient-domains-ip-connector': {
    en: (a) =>
      `Scenario "${a.scenario}": ${a.server} sends from ${a.sender} (not an accepted domain of ${a.tenant}) to several domains (${a.domains}) in one session over IP connector "${a.connector}". ` +
      (a.outcome === 'rejected'
        ? `Exchange Online cannot tell which domain to validate and rejects the message with 550 5.7.64. `
        : `It is accepted only because every domain belongs to ${a.tenant}; with the 2017 behaviour it would be rejected with 550 5.7.64. `) +
      `Fix: send from an address in an accepted domain of ${a.tenant}, send one recipient domain per session, or use a certificate connector.`,
    ja: (a) =>
      `シナリオ「${a.scenario}」: ${a.server} は、${a.tenant} の承認済みドメインではない ${a.sender} から、1 つのセッションで複数のドメイン (${jl(a.domains)}) の受信者宛てに、IP アドレス ベースのコネクタ「${a.connector}」を経由して送信します。` +
      (a.outcome === 'rejected'
        ? `Exchange Online はどのドメインで検証すべきか判断できないため、このメールを 550 5.7.64 で拒否します。`
        : `すべてのドメインが ${a.tenant} のものであるため受け付けられますが、2017 年当時の動作であれば 550 5.7.64 で拒否されていました。`) +
      `対処: ${a.tenant} の承認済みドメインのアドレスから送信するか、受信者のドメインごとにセッションを分けるか、証明書ベースのコネクタを使用してください。`,
  },
  'outside-rule-blocks-other-tenants': {
    en: (a) =>
      `Rule "${a.rule}" of ${a.tenant} blocks recipients outside ${a.tenant}, and ${a.server} sends through ${a.tenant}'s OnPremises connector. ` +
      `Its mail to ${a.others} is first received in ${a.tenant}, so this rule rejects it before the hand-off. ` +
      `Fix: add the other tenants' domains to the exception "${conditionLabel('exceptIfRecipientDomainIs', 'en')}", or scope the rule with the condition "The sender is located" or "${conditionLabel('senderDomainIs', 'en')}".`,
    ja: (a) =>
      `${a.tenant} のメール フロー ルール「${a.rule}」は組織外の受信者宛てのメールをブロックします。${a.server} は ${a.tenant} の送信元が組織のメール サーバーのコネクタを経由して送信するため、` +
      `${jl(a.others)} 宛てのメールもまず ${a.tenant} が受信し、他のテナントへの引き渡しの前にこのルールで拒否されます。` +
      `対処: 他のテナントのドメインをルールの例外 [${conditionLabel('exceptIfRecipientDomainIs', 'ja')}] に追加するか、条件 [送信者の場所] または [${conditionLabel('senderDomainIs', 'ja')}] でルールの対象を絞り込んでください。`,
  },
  'wildcard-captures-other-server': {
    en: (a) =>
      `Connector "${a.connector}" of ${a.tenant} (${a.pattern}) matches the certificates of several servers: ${a.servers}. ` +
      `Mail from all of them is first received in ${a.tenant} and meets its rules, even mail meant for other tenants. ` +
      `Fix: use a specific certificate name on the connector, or give the other servers certificates outside ${a.pattern}.`,
    ja: (a) =>
      `${a.tenant} のコネクタ「${a.connector}」(${a.pattern}) が、複数のサーバーの証明書に一致します: ${jl(a.servers)}。` +
      `これらのサーバーから送信されたメールは、他のテナント宛てであってもすべて ${a.tenant} が最初に受信し、${a.tenant} のメール フロー ルールが適用されます。` +
      `対処: コネクタには個別の証明書の名前を指定するか、他のサーバーには ${a.pattern} に含まれない名前の証明書を使用してください。`,
  },
  'server-without-connector': {
    en: (a) =>
      `${a.server} (${a.ip}) sends to Exchange Online but no connector of any tenant covers it: a sudden rise in its volume is throttled (451 4.7.500 Server busy) until the IP builds history. ` +
      `Fix: create an inbound connector from your organization's email server that covers ${a.ip} (by IP or certificate).`,
    ja: (a) =>
      `${a.server} (${a.ip}) は Exchange Online にメールを送信しますが、どのテナントのコネクタの対象にもなっていません。送信量が急増すると、この IP アドレスの送信実績が蓄積されるまで受信が遅延されます (IP スロットリング、451 4.7.500 Server busy)。` +
      `対処: ${a.ip} を対象とする、送信元が組織のメール サーバーの受信コネクタを (IP アドレスまたは証明書で) 作成してください。`,
  },
  'internal-relay-without-connector': {
    en: (a) =>
      `${a.domain} is an InternalRelay domain of ${a.tenant}, but no enabled OnPremises outbound connector covers it: mail to its unknown recipients comes back as 550 5.4.14 (routing loop). ` +
      `Fix: add an outbound connector to your organization's email server for ${a.domain}, or make the domain Authoritative.`,
    ja: (a) =>
      `${a.domain} は ${a.tenant} の内部の中継ドメインですが、このドメインを対象とする、送信先が組織のメール サーバーの有効な送信コネクタがありません。そのため、存在しない受信者宛てのメールは 550 5.4.14 (ルーティング ループ) で返されます。` +
      `対処: ${a.domain} を対象とする、組織のメール サーバーへの送信コネクタを追加するか、ドメインの種類を権限のあるドメインに変更してください。`,
  },
  'duplicate-accepted-domain': {
    en: (a) => `${a.path}: ${a.found}. A domain can be an accepted domain of only one tenant. Fix: remove it from one of the tenants.`,
    ja: (a) => `${a.path}: ${a.found}。1 つのドメインを承認済みドメインとして登録できるのは 1 つのテナントだけです。対処: いずれかのテナントからドメインを削除してください。`,
  },
  'scenario-missing-server': {
    en: (a) => `${a.path}: ${a.found}. The scenario cannot run. Fix: choose ${a.expected}.`,
    ja: (a) => `${a.path}: ${a.found}。このシナリオは実行できません。対処: 送信元のサーバーを選択してください (${a.expected})。`,
  },
  'broken-reference': {
    en: (a) => `${a.path}: ${a.found}; expected ${a.expected}.`,
    ja: (a) => `${a.path}: ${a.found}。正しい値: ${a.expected}。`,
  },
  'certificate-expired': {
    en: (a) =>
      `The certificate ${a.subject} of ${a.server} ${a.state === 'expired' ? `expired on ${a.date}` : `is not valid before ${a.date}`} (evaluated as of ${a.asOf}): it matches no connector${a.connectors ? ` (${a.connectors} stop matching)` : ''}, so its mail is attributed by its sender and recipient domains only, and relay to the Internet is refused with 550 5.7.64. ` +
      `Fix: install a renewed certificate whose name the connector names, and update its validity dates.`,
    ja: (a) =>
      `${a.server} の証明書 ${a.subject} は${a.state === 'expired' ? ` ${a.date} に有効期限が切れています` : ` ${a.date} まで有効になりません`} (${a.asOf} 時点で評価)。そのため、この証明書はどのコネクタにも一致せず${a.connectors ? ` (一致しなくなるコネクタ: ${jl(a.connectors)})` : ''}、メールは送信者と受信者のドメインでのみテナントが特定され、インターネットへの中継は 550 5.7.64 で拒否されます。` +
      `対処: コネクタに指定されている名前で更新した証明書をインストールし、証明書の有効期間 (開始日と終了日) を更新してください。`,
  },
  'certificate-expiring': {
    en: (a) =>
      `The certificate ${a.subject} of ${a.server} expires on ${a.date}, in ${a.days} day(s) (evaluated as of ${a.asOf}; the 60-day threshold of Exchange HealthChecker). ` +
      `After that date it matches no connector. Fix: renew it now with the same name, or update the connector's TlsSenderCertificateName with the renewal.`,
    ja: (a) =>
      `${a.server} の証明書 ${a.subject} は ${a.date} に有効期限が切れます (あと ${a.days} 日、${a.asOf} 時点で評価。Exchange HealthChecker のしきい値は 60 日)。` +
      `期限が切れると、この証明書はどのコネクタにも一致しなくなります。対処: 同じ名前で証明書を今すぐ更新するか、更新後の証明書に合わせてコネクタの TlsSenderCertificateName を変更してください。`,
  },
  'tls-below-minimum': {
    en: (a) =>
      `${a.server} offers only TLS ${a.version}, but Exchange Online negotiates TLS ${a.minimum} or above: the session goes on without TLS, no certificate is presented, and connector "${a.connector}" of ${a.tenant}, which names its certificate, stops matching. ` +
      `Fix: enable TLS 1.2 on the server (and its .NET/SChannel settings).`,
    ja: (a) =>
      `${a.server} は TLS ${a.version} にしか対応していませんが、Exchange Online は TLS ${a.minimum} 以上でのみネゴシエートします。そのため、セッションは TLS なしで続行されて証明書が提示されず、この証明書を指定している ${a.tenant} のコネクタ「${a.connector}」に一致しなくなります。` +
      `対処: サーバーで TLS 1.2 を有効にしてください (.NET と SChannel の設定を含みます)。`,
  },
  'out-of-date-server': {
    en: (a) =>
      `${a.server} runs Exchange ${a.version}, which is ${a.why === 'endOfSupport' ? 'out of support' : 'not up to date'}, and sends through an OnPremises connector of ${a.tenant}. ` +
      (a.pausedUntil
        ? `Enforcement is paused until ${a.pausedUntil}; after that its mail is ${a.stage === 'block' ? 'blocked (550 5.7.230)' : a.stage === 'throttle' ? 'throttled (450 4.7.230)' : 'reported'}. `
        : a.stage === 'report'
          ? `As of ${a.asOf} Exchange Online reports it; throttling and blocking follow. `
          : `As of ${a.asOf} its connection is ${a.stage === 'block' ? 'blocked' : 'throttled'} for ${a.minutes} min/h (${a.stage === 'block' ? '550 5.7.230' : '450 4.7.230'}). `) +
      `Fix: update the server (Exchange SE, or the latest CU and SU), or pause enforcement for up to 90 days a year with New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays n.`,
    ja: (a) =>
      `${a.server} では${a.why === 'endOfSupport' ? 'サポートが終了した' : '最新の状態ではない'} Exchange ${a.version} が実行されており、${a.tenant} の送信元が組織のメール サーバーのコネクタを経由して送信します。` +
      (a.pausedUntil
        ? `${a.pausedUntil} までは適用が一時停止されていますが、その後は${a.stage === 'block' ? 'メールがブロックされます (550 5.7.230)' : a.stage === 'throttle' ? '接続が調整 (スロットリング) されます (450 4.7.230)' : 'レポートされます'}。`
        : a.stage === 'report'
          ? `${a.asOf} 時点では Exchange Online がレポートするだけですが、今後は接続の調整 (スロットリング) とブロックが行われます。`
          : `${a.asOf} 時点で、接続は 1 時間あたり ${a.minutes} 分間${a.stage === 'block' ? 'ブロックされます (550 5.7.230)' : '調整 (スロットリング) されます (450 4.7.230)'}。`) +
      `対処: サーバーを更新する (Exchange SE、または最新の CU と SU) か、New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays n を実行して、1 年あたり最大 90 日間、適用を一時停止してください。`,
  },
  'enforcement-pause-too-long': {
    en: (a) =>
      `${a.tenant} pauses out-of-date server enforcement until ${a.until}, ${a.days} days after ${a.asOf}: Microsoft allows at most 90 days of pause per calendar year, so New-TenantExemptionInfo cannot set this. ` +
      `Fix: pause for at most 90 days and plan the server update.`,
    ja: (a) =>
      `${a.tenant} は、古いサーバーへの適用を ${a.until} まで (${a.asOf} から ${a.days} 日間) 一時停止しています。Microsoft が認める一時停止は 1 暦年あたり最大 90 日のため、New-TenantExemptionInfo ではこの期間を設定できません。` +
      `対処: 一時停止を 90 日以内にし、サーバーの更新を計画してください。`,
  },
  'sender-ip-range-too-wide': {
    en: (a) =>
      `Connector "${a.connector}" of ${a.tenant} lists ${a.range}: Exchange Online accepts only /24 to /32 in SenderIPAddresses (New-InboundConnector), so it would refuse this connector. ` +
      `Fix: list the sending servers' addresses, or ranges of /24 or narrower.`,
    ja: (a) =>
      `${a.tenant} のコネクタ「${a.connector}」に ${a.range} が指定されています。Exchange Online の SenderIPAddresses (New-InboundConnector) は /24 から /32 までの範囲のみを受け付けるため、このコネクタは作成できません。` +
      `対処: 送信サーバーの IP アドレス、または /24 以下の範囲を指定してください。`,
  },
  'certificate-matches-several-tenants': {
    en: (a) =>
      `The certificate of ${a.server} matches connectors of several tenants (${a.connectors}). When the sender and recipient domains do not narrow it to one, ` +
      (a.policy === 'unstable'
        ? `Exchange Online may attribute its mail to any of ${a.tenants}: such set-ups "may unexpectedly stop working" (MC1226222). `
        : a.policy === 'reject'
          ? `its mail is refused ("${settingLabel('ambiguousTenantPolicy', 'en')}": reject). `
          : `its mail goes to the first of ${a.tenants} listed. `) +
      `Fix: give each tenant its own certificate name and connector.`,
    ja: (a) =>
      `${a.server} の証明書が、複数のテナントのコネクタ (${jl(a.connectors)}) に一致します。送信者と受信者のドメインで 1 つのテナントに絞り込めない場合、` +
      (a.policy === 'unstable'
        ? `Exchange Online はメールの送信元テナントを ${jl(a.tenants)} のいずれとしても特定する可能性があります。このような構成は「予期せず動作しなくなる可能性があります」(MC1226222)。`
        : a.policy === 'reject'
          ? `[${settingLabel('ambiguousTenantPolicy', 'ja')}] が [${settingLabel('reject', 'ja')}] のため、メールは拒否されます。`
          : `メールは ${jl(a.tenants)} のうち最初に記載されたテナントで処理されます。`) +
      `対処: テナントごとに証明書の名前とコネクタを分けてください。`,
  },
  'rule-not-evaluated': {
    en: (a) =>
      `Rule "${a.rule}" of ${a.tenant} has conditions the model cannot evaluate (${a.conditions}): simulations skip it and say so, so their results may differ from Exchange Online for mail it would match. ` +
      `Fix: check the rule in Exchange Online, or express it with modelled conditions.`,
    ja: (a) =>
      `${a.tenant} のメール フロー ルール「${a.rule}」には、シミュレーションで評価できない条件 (${jl(a.conditions)}) があります。シミュレーションではこのルールをスキップしてその旨を表示するため、このルールに一致するメールの結果は Exchange Online と異なる場合があります。` +
      `対処: Exchange Online でルールを確認するか、シミュレーションで評価できる条件でルールを表現してください。`,
  },
};
