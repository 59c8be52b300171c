/**
 * Diagnostic messages in English and Japanese: what will happen, then how to fix it.
 */
import type { Lang } from '../engine/types';

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
  | 'broken-reference';

export type MessageArgs = Record<string, string | null | undefined>;

type Messages = Record<DiagnosticRule, Record<Lang, (a: MessageArgs) => string>>;

export const MESSAGES: Messages = {
  'certificate-domain-not-accepted': {
    en: (a) =>
      `Connector "${a.connector}" of ${a.tenant}: the certificate name ${a.certificate} does not lead to an accepted domain of ${a.tenant} (checked ${a.checked}, certDomainMatch ${a.mode}). ` +
      `Mail from this server is attributed only when its MAIL FROM or recipient domain is accepted; NDRs (null sender) to the Internet are rejected with 550 5.7.64 ATTR36. ` +
      `Fix: use a certificate whose domain is an accepted domain of ${a.tenant}, or add that domain as an accepted domain (MC1226222).`,
    ja: (a) =>
      `${a.tenant} のコネクタ "${a.connector}": 証明書名 ${a.certificate} から ${a.tenant} の承認済みドメインが見つかりません (確認したドメイン: ${a.checked}、certDomainMatch ${a.mode})。` +
      `このサーバーからのメールは MAIL FROM または宛先のドメインが承認済みの場合にのみ帰属され、インターネット宛ての NDR (空の送信者) は 550 5.7.64 ATTR36 で拒否されます。` +
      `対処: ${a.tenant} の承認済みドメインの証明書を使うか、そのドメインを承認済みドメインに追加してください (MC1226222)。`,
  },
  'ip-connector-overlap': {
    en: (a) =>
      `Connector "${a.connector}" of ${a.tenant} covers ${a.range}, which overlaps ${a.otherRange} of "${a.otherConnector}" in ${a.otherTenant}. ` +
      `Mail from a shared IP is attributed by the sender and recipient domains only; mail that neither tenant accepts is refused with 550 5.7.64. ` +
      `Fix: give each organization its own sending IP, or use certificate-based connectors with each tenant's own domain (MC1226222).`,
    ja: (a) =>
      `${a.tenant} のコネクタ "${a.connector}" の ${a.range} が、${a.otherTenant} の "${a.otherConnector}" の ${a.otherRange} と重複しています。` +
      `共有 IP からのメールは送信者と宛先のドメインでのみ帰属が判定され、どちらのテナントも承認していないメールは 550 5.7.64 で拒否されます。` +
      `対処: 組織ごとに送信 IP を分けるか、各テナントのドメインの証明書によるコネクタを使ってください (MC1226222)。`,
  },
  'multiple-recipient-domains-ip-connector': {
    en: (a) =>
      `Scenario "${a.scenario}": ${a.server} sends from ${a.sender} (not an accepted domain of ${a.tenant}) to several domains (${a.domains}) in one session over IP connector "${a.connector}". ` +
      (a.outcome === 'rejected'
        ? `Exchange Online cannot tell which domain to validate and rejects the message with 550 5.7.64. `
        : `It is accepted only because every domain belongs to ${a.tenant}; with the 2017 behaviour it would be rejected with 550 5.7.64. `) +
      `Fix: send from an address in an accepted domain of ${a.tenant}, send one recipient domain per session, or use a certificate connector.`,
    ja: (a) =>
      `シナリオ "${a.scenario}": ${a.server} が ${a.sender} (${a.tenant} の承認済みドメインではない) から、1 つのセッションで複数ドメイン (${a.domains}) 宛てに IP コネクタ "${a.connector}" 経由で送信します。` +
      (a.outcome === 'rejected'
        ? `Exchange Online はどのドメインで検証すべきか判断できず、550 5.7.64 で拒否します。`
        : `すべてのドメインが ${a.tenant} のものであるため受信されますが、2017 年の動作では 550 5.7.64 で拒否されます。`) +
      `対処: ${a.tenant} の承認済みドメインのアドレスから送信するか、宛先ドメインごとにセッションを分けるか、証明書によるコネクタを使ってください。`,
  },
  'outside-rule-blocks-other-tenants': {
    en: (a) =>
      `Rule "${a.rule}" of ${a.tenant} blocks recipients outside ${a.tenant}, and ${a.server} sends through ${a.tenant}'s OnPremises connector. ` +
      `Its mail to ${a.others} is first received in ${a.tenant}, so this rule rejects it before the hand-off. ` +
      `Fix: add the other tenants' domains as exceptions (exceptIfRecipientDomainIs), or scope the rule with fromScope / senderDomainIs.`,
    ja: (a) =>
      `${a.tenant} のルール "${a.rule}" は組織外の宛先をブロックし、${a.server} は ${a.tenant} の OnPremises コネクタ経由で送信します。` +
      `${a.others} 宛てのメールもまず ${a.tenant} で受信されるため、引き渡しの前にこのルールで拒否されます。` +
      `対処: 他テナントのドメインを例外 (exceptIfRecipientDomainIs) に追加するか、fromScope や senderDomainIs でルールの対象を絞ってください。`,
  },
  'wildcard-captures-other-server': {
    en: (a) =>
      `Connector "${a.connector}" of ${a.tenant} (${a.pattern}) matches the certificates of several servers: ${a.servers}. ` +
      `Mail from all of them is first received in ${a.tenant} and meets its rules, even mail meant for other tenants. ` +
      `Fix: use a specific certificate name on the connector, or give the other servers certificates outside ${a.pattern}.`,
    ja: (a) =>
      `${a.tenant} のコネクタ "${a.connector}" (${a.pattern}) が複数のサーバーの証明書に一致します: ${a.servers}。` +
      `これらすべてのサーバーからのメールが ${a.tenant} で最初に受信され、他テナント宛てであっても ${a.tenant} のルールが適用されます。` +
      `対処: コネクタに個別の証明書名を指定するか、他のサーバーには ${a.pattern} に含まれない証明書を使ってください。`,
  },
  'server-without-connector': {
    en: (a) =>
      `${a.server} (${a.ip}) sends to Exchange Online but no connector of any tenant covers it: a sudden rise in its volume is throttled (451 4.7.500 Server busy) until the IP builds history. ` +
      `Fix: create an inbound connector from your organization's email server that covers ${a.ip} (by IP or certificate).`,
    ja: (a) =>
      `${a.server} (${a.ip}) は Exchange Online に送信しますが、どのテナントのコネクタの対象にもなっていません。送信量が急増すると、IP の実績ができるまで遅延されます (451 4.7.500 Server busy)。` +
      `対処: ${a.ip} を対象とする「組織のメール サーバー」からの受信コネクタを (IP または証明書で) 作成してください。`,
  },
  'internal-relay-without-connector': {
    en: (a) =>
      `${a.domain} is an InternalRelay domain of ${a.tenant}, but no enabled OnPremises outbound connector covers it: mail to its unknown recipients comes back as 550 5.4.14 (routing loop). ` +
      `Fix: add an outbound connector to your organization's email server for ${a.domain}, or make the domain Authoritative.`,
    ja: (a) =>
      `${a.domain} は ${a.tenant} の InternalRelay ドメインですが、これを対象とする有効な OnPremises 送信コネクタがありません。未知の宛先へのメールは 550 5.4.14 (ルーティング ループ) で返されます。` +
      `対処: ${a.domain} 用に組織のメール サーバーへの送信コネクタを追加するか、ドメインを Authoritative にしてください。`,
  },
  'duplicate-accepted-domain': {
    en: (a) => `${a.path}: ${a.found}. A domain can be an accepted domain of only one tenant. Fix: remove it from one of the tenants.`,
    ja: (a) => `${a.path}: ${a.found}。1 つのドメインを承認済みドメインにできるのは 1 つのテナントだけです。対処: どちらかのテナントから削除してください。`,
  },
  'scenario-missing-server': {
    en: (a) => `${a.path}: ${a.found}. The scenario cannot run. Fix: choose ${a.expected}.`,
    ja: (a) => `${a.path}: ${a.found}。このシナリオは実行できません。対処: 正しいサーバーを選んでください (${a.expected})。`,
  },
  'broken-reference': {
    en: (a) => `${a.path}: ${a.found}; expected ${a.expected}.`,
    ja: (a) => `${a.path}: ${a.found}。正しい値: ${a.expected}。`,
  },
};
