/** The fixed words of the exported diagram, in both languages of the app. */
import { JA_OUTCOME_WORDS } from '../i18n/outcomeLabels';
import type { Lang } from '../engine/types';

export interface DiagramLabels {
  onPremises: string;
  exchangeOnline: string;
  eopTitle: string;
  eopLines: string[];
  internet: string;
  internetLines: string[];
  acceptedDomains: string;
  noCertificate: string;
  certificate: string;
  untrusted: string;
  noChain: string;
  tls: string;
  noTls: string;
  ip: string;
  disabled: string;
  senderDomains: string;
  recipientDomains: string;
  allAcceptedDomains: string;
  viaMx: string;
  centralized: string;
  partnerRestrictions: string;
  rejectDirectSend: string;
  conditionAll: string;
  priority: string;
  conditionPrefix: string;
  exceptPrefix: string;
  sentToOutside: string;
  sentToInside: string;
  fromInside: string;
  fromOutside: string;
  recipientDomainIs: string;
  senderDomainIs: string;
  actionReject: (code: string) => string;
  actionDelete: string;
  actionRedirect: string;
  actionHeader: string;
  actionStop: string;
  firstReceipt: string;
  handoff: string;
  delivered: string;
  ndrReturn: string;
  scenario: string;
  reply: string;
  legendTitle: string;
  legendServer: string;
  legendConnector: string;
  legendRule: string;
  legendOutbound: string;
  legendPath: string;
  legendHandoff: string;
  legendNdr: string;
  legendStop: string;
  service: (preset: string) => string;
  /** The SMTP stage where Exchange Online refused the message, for the stop mark ("550 5.7.64 (DATA の終了時)"). */
  stage: (stage: 'connect' | 'mail' | 'rcpt' | 'data') => string;
  /** A connector's type as the Exchange admin center words it (組織のメール サーバー / パートナー組織). */
  connectorTypes: Record<'OnPremises' | 'Partner', string>;
  /** Between the conditions of a rule card (Japanese lists take 、). */
  listSeparator: string;
  /** An InternalRelay domain's marker beside its name. */
  internalRelay: string;
  keyNames: Record<string, string>;
  dispositions: Record<string, string>;
  loadSummary: (deferred: string, expired: string, hours: number) => string;
}

const EN: DiagramLabels = {
  onPremises: 'On-premises',
  exchangeOnline: 'Exchange Online',
  eopTitle: 'EOP front door',
  eopLines: ['Connection,', 'recipients,', 'attribution'],
  internet: 'Internet',
  internetLines: ['Other mail systems,', 'reached by MX or a', 'partner smart host'],
  acceptedDomains: 'Accepted domains',
  noCertificate: 'No certificate',
  certificate: 'Certificate',
  untrusted: 'untrusted',
  noChain: 'no chain',
  tls: 'TLS',
  noTls: 'no TLS',
  ip: 'IP',
  disabled: 'disabled',
  senderDomains: 'Sender domains',
  recipientDomains: 'Domains',
  allAcceptedDomains: 'all accepted domains',
  viaMx: 'MX lookup',
  centralized: 'Centralized mail transport',
  partnerRestrictions: 'Restricted',
  rejectDirectSend: 'Direct Send rejected',
  conditionAll: 'If: every message',
  priority: 'Priority',
  conditionPrefix: 'If',
  exceptPrefix: 'Except',
  sentToOutside: 'recipient outside the organization',
  sentToInside: 'recipient inside the organization',
  fromInside: 'sender inside the organization',
  fromOutside: 'sender outside the organization',
  recipientDomainIs: 'recipient domain',
  senderDomainIs: 'sender domain',
  actionReject: (code) => `Then: reject with NDR ${code}`,
  actionDelete: 'Then: delete silently',
  actionRedirect: 'Then: redirect to',
  actionHeader: 'Then: set header',
  actionStop: 'stop processing rules',
  firstReceipt: 'First receipt',
  handoff: 'Hand-off',
  delivered: 'Delivered',
  ndrReturn: 'NDR',
  scenario: 'Scenario',
  reply: 'SMTP reply',
  legendTitle: 'Legend',
  legendServer: 'Server',
  legendConnector: 'Inbound connector',
  legendRule: 'Mail flow rule',
  legendOutbound: 'Outbound connector',
  legendPath: 'Message path',
  legendHandoff: 'Hand-off between tenants',
  legendNdr: 'NDR to the sender',
  legendStop: 'Refused here',
  stage: (s) => s.toUpperCase(),
  connectorTypes: { OnPremises: 'OnPremises', Partner: 'Partner' },
  listSeparator: '; ',
  internalRelay: 'InternalRelay',
  service: (p) => `Service behaviour: ${p === '2017-12' ? 'as of December 2017' : 'current'}`,
  keyNames: {
    certificate: 'certificate',
    mailFrom: 'MAIL FROM domain',
    headerFrom: 'From header domain',
    rcptTo: 'recipient domain',
    recipientTenant: 'recipient\'s tenant',
  },
  dispositions: {
    delivered: 'delivered',
    onPremises: 'to on-premises',
    internet: 'to the Internet',
    ndr: 'NDR',
    deleted: 'deleted',
    redirected: 'redirected',
    rejected: 'rejected',
    deferred: 'deferred',
  },
  loadSummary: (d, e, h) => `${d} deferrals over ${h} h, ${e} expired`,
};

const JA: DiagramLabels = {
  onPremises: 'オンプレミス',
  exchangeOnline: 'Exchange Online',
  eopTitle: 'Exchange Online の受信段階',
  eopLines: ['接続、受信者、', 'テナントの特定'],
  internet: 'インターネット',
  internetLines: ['MX またはパートナーの', 'スマート ホスト経由'],
  acceptedDomains: '承認済みドメイン',
  noCertificate: '証明書なし',
  certificate: '証明書',
  untrusted: '信頼されていない',
  noChain: 'チェーンなし',
  tls: 'TLS',
  noTls: 'TLS なし',
  ip: 'IP',
  disabled: '無効',
  senderDomains: '送信者ドメイン',
  recipientDomains: 'ドメイン',
  allAcceptedDomains: 'すべての承認済みドメイン',
  viaMx: 'MX 参照',
  centralized: 'メール トランスポートの集中管理',
  partnerRestrictions: '制限',
  rejectDirectSend: '直接送信 (Direct Send) を拒否',
  conditionAll: '条件: すべてのメッセージ',
  priority: '優先度',
  conditionPrefix: '条件',
  exceptPrefix: '例外',
  sentToOutside: '受信者が組織外',
  sentToInside: '受信者が組織内',
  fromInside: '送信者が組織内',
  fromOutside: '送信者が組織外',
  recipientDomainIs: '受信者のドメイン',
  senderDomainIs: '送信者ドメイン',
  actionReject: (code) => `アクション: NDR ${code} で拒否`,
  actionDelete: 'アクション: 通知せずに削除',
  actionRedirect: 'アクション: リダイレクト',
  actionHeader: 'アクション: メッセージ ヘッダーを設定',
  actionStop: '以降のルールを停止',
  firstReceipt: '最初の受信',
  handoff: '引き渡し',
  delivered: '配信',
  ndrReturn: 'NDR',
  scenario: 'シナリオ',
  reply: 'SMTP 応答',
  legendTitle: '凡例',
  legendServer: 'サーバー',
  legendConnector: '受信コネクタ',
  legendRule: 'メール フロー ルール',
  legendOutbound: '送信コネクタ',
  legendPath: 'メッセージの経路',
  legendHandoff: 'テナント間の引き渡し',
  legendNdr: '送信者への NDR',
  legendStop: 'ここで拒否',
  connectorTypes: { OnPremises: '組織のメール サーバー', Partner: 'パートナー組織' },
  listSeparator: '、',
  internalRelay: '内部の中継',
  stage: (s) => ({ connect: '接続時', mail: 'MAIL FROM', rcpt: 'RCPT TO', data: 'DATA の終了時' })[s],
  service: (p) => `サービスの動作: ${p === '2017-12' ? '2017 年 12 月時点' : '現在'}`,
  keyNames: {
    certificate: '証明書',
    mailFrom: 'MAIL FROM ドメイン',
    headerFrom: '差出人 (From) ヘッダーのドメイン',
    rcptTo: '受信者のドメイン',
    recipientTenant: '受信者のテナント',
  },
  dispositions: JA_OUTCOME_WORDS.disposition,
  loadSummary: (d, e, h) => `${h} 時間で延べ ${d} 回の遅延、${e} 通が期限切れ`,
};

export function diagramLabels(lang: Lang): DiagramLabels {
  return lang === 'ja' ? JA : EN;
}
