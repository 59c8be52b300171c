/**
 * The names a sentence uses for a setting, a rule condition or a connector restriction: the
 * labels the UI shows for them (renderer/i18n/*.json `fields` and `enums`), never the internal
 * camelCase name. Engine texts, diagnostics and the CLI take them from here; shared/ cannot read
 * the renderer's locale files, so test/i18n/camelCase.test.ts checks these stay the UI's words.
 */
import type { Lang } from './languages';

type Labels = Readonly<Record<string, { en: string; ja: string }>>;

/** Rule conditions and exceptions ("sentToScope:NotInOrganization", "senderDomainIs"…). */
const CONDITIONS: Labels = {
  'sentToScope:InOrganization': { en: 'the recipient is inside the organization', ja: '受信者の場所が組織内' },
  'sentToScope:NotInOrganization': { en: 'the recipient is outside the organization', ja: '受信者の場所が組織外' },
  'fromScope:InOrganization': { en: 'the sender is inside the organization', ja: '送信者の場所が組織内' },
  'fromScope:NotInOrganization': { en: 'the sender is outside the organization', ja: '送信者の場所が組織外' },
  recipientDomainIs: { en: 'the recipient domain is', ja: '受信者のドメインが次の場合' },
  senderDomainIs: { en: 'the sender domain is', ja: '送信者のドメインが次の場合' },
  exceptIfRecipientDomainIs: { en: 'except if the recipient domain is', ja: '受信者のドメインが次の場合を除く' },
  exceptIfSenderDomainIs: { en: 'except if the sender domain is', ja: '送信者のドメインが次の場合を除く' },
};

/** A Partner connector's restrictions. */
const RESTRICTIONS: Labels = {
  requireTls: { en: 'Require TLS', ja: 'TLS を必須にする' },
  restrictDomainsToIPAddresses: { en: 'Reject mail not sent from these IP addresses', ja: 'これらの IP アドレス以外から送信されたメールを拒否する' },
  restrictDomainsToCertificate: { en: 'Reject mail without a matching certificate', ja: '一致する証明書のないメールを拒否する' },
};

/** How a certificate's name is compared with accepted domains (service setting). */
const CERT_MODES: Labels = {
  oneLabelUp: { en: 'the name or its parent domain', ja: '名前またはその親ドメイン' },
  exact: { en: 'exact name only', ja: '完全一致のみ' },
  anyAncestor: { en: 'the name or any parent domain', ja: '名前または任意の上位ドメイン' },
  wildcardNamespace: { en: 'wildcard namespace (2017)', ja: 'ワイルドカードの名前空間 (2017 年)' },
};

/** Service settings, as the inspector labels them. */
const SETTINGS: Labels = {
  headerFromCountsForRelay: { en: 'The From header (P2) counts for relay', ja: '差出人 (From) ヘッダー (P2) を中継の判定に使用する' },
  multiRecipientDomainPolicy: { en: 'Several recipient domains without an accepted sender domain', ja: '送信者ドメインが承認されておらず、受信者ドメインが複数ある場合' },
  certDomainMatch: { en: 'Certificate domain matching', ja: '証明書のドメインと承認済みドメインの照合方法' },
  ambiguousTenantPolicy: { en: 'A certificate that matches connectors in several tenants', ja: '証明書が複数のテナントのコネクタに一致する場合' },
  nullSenderSkipsRules: { en: 'Mail flow rules skip the null sender', ja: 'メール フロー ルールは空の送信者 (MAIL FROM:<>) を処理しない' },
  unattributedRelayReply: { en: 'Reply to an unattributed relay', ja: 'テナントを特定できない中継への応答' },
  routeAllMessagesViaOnPremises: { en: 'Route all messages via on-premises (centralized mail transport)', ja: 'すべてのメッセージをオンプレミス経由でルーティングする (メール トランスポートの集中管理)' },
  rejectIfMultipleDomains: { en: 'reject', ja: '拒否する' },
  acceptIfSameTenant: { en: 'accept if one tenant accepts them all', ja: '1 つのテナントがすべて承認していれば受け付ける' },
  reject: { en: 'reject', ja: '拒否する' },
  firstListed: { en: 'use the first listed tenant', ja: '最初に記載されたテナントを使用する' },
};

/**
 * Document fields as the inspector labels them (renderer/i18n/ja.json `fields`), for the diff's
 * "field: old → new" lines in Japanese. English output keeps the field names of the format.
 */
const FIELDS_JA: Readonly<Record<string, string>> = {
  name: '名前',
  enabled: '有効',
  priority: '優先度',
  connectorType: 'コネクタの種類',
  domainType: 'ドメインの種類',
  matchSubDomains: 'サブドメインにも一致させる',
  recipients: '受信者',
  recipientDomains: '受信者ドメイン',
  senderDomains: '送信者ドメイン',
  senderIPAddresses: '送信元 IP アドレス',
  smartHosts: 'スマート ホスト',
  tlsSenderCertificateName: 'TLS 送信者証明書の名前',
  useMXRecord: 'MX レコードを使用する',
  requireTls: 'TLS を必須にする',
  restrictDomainsToCertificate: '一致する証明書のないメールを拒否する',
  restrictDomainsToIPAddresses: 'これらの IP アドレス以外から送信されたメールを拒否する',
  routeAllMessagesViaOnPremises: 'すべてのメッセージをオンプレミス経由でルーティングする (メール トランスポートの集中管理)',
  allAcceptedDomains: 'すべての承認済みドメイン',
  rejectDirectSend: '直接送信 (Direct Send) を拒否する',
  // Format 2 (the inspector's labels).
  comment: 'コメント',
  isTransportRuleScoped: 'メール フロー ルールでのみ使用 (IsTransportRuleScoped)',
  tlsSettings: 'TLS 設定 (TlsSettings)',
  tlsDomain: 'TLS ドメイン (TlsDomain)',
  senderAddressLocation: '確認する送信者アドレス (SenderAddressLocation)',
  routeMessageOutboundConnector: '送信コネクタ経由でルーティング (RouteMessageOutboundConnector)',
  otherActions: 'その他のアクション (シミュレーション対象外)',
  unmodelledConditions: 'モデル化されていない条件',
  // A rule's conditions, exceptions and actions as the diff names them (the inspector's labels).
  'conditions.sentToScope': '条件: 受信者の場所',
  'conditions.recipientDomainIs': '条件: 受信者のドメインが次の場合',
  'conditions.senderDomainIs': '条件: 送信者のドメインが次の場合',
  'conditions.fromScope': '条件: 送信者の場所',
  'exceptions.exceptIfRecipientDomainIs': '例外: 受信者のドメインが次の場合を除く',
  'exceptions.exceptIfSenderDomainIs': '例外: 送信者のドメインが次の場合を除く',
  'actions.rejectMessageReasonText': 'アクション: 次の説明を付けて拒否する',
  'actions.rejectMessageEnhancedStatusCode': 'アクション: 次の拡張状態コードで拒否する',
  'actions.deleteMessage': 'アクション: だれにも通知せずにメッセージを削除する',
  'actions.redirectMessageTo': 'アクション: メッセージを次の受信者にリダイレクトする',
  'actions.setHeaderName': 'アクション: メッセージ ヘッダーを設定する',
  'actions.setHeaderValue': 'アクション: ヘッダーの値',
  'actions.stopRuleProcessing': 'アクション: 以降のルールを処理しない',
  'actions.routeMessageOutboundConnector': 'アクション: 送信コネクタ経由でルーティング (RouteMessageOutboundConnector)',
  'actions.otherActions': 'その他のアクション (シミュレーション対象外)',
};

/** A document field's label in Japanese ("[受信者ドメイン]"); its name in English. */
export function fieldLabel(name: string, lang: Lang): string {
  return lang === 'ja' && FIELDS_JA[name] ? `[${FIELDS_JA[name]}]` : name;
}

/** A value of a diff line in Japanese: はい / いいえ for booleans. */
export function booleanWord(v: boolean, lang: Lang): string {
  return lang === 'ja' ? (v ? 'はい' : 'いいえ') : String(v);
}

function pick(table: Labels, name: string, lang: Lang): string {
  const l = table[name];
  // An unknown name is a PowerShell condition or action kept as imported ("SubjectContainsWords"):
  // it is what the administrator sees in Exchange, so it is shown as is.
  return l ? l[lang] : name;
}

export const conditionLabel = (name: string, lang: Lang): string => pick(CONDITIONS, name, lang);
export const restrictionLabel = (name: string, lang: Lang): string => pick(RESTRICTIONS, name, lang);
export const certModeLabel = (name: string, lang: Lang): string => pick(CERT_MODES, name, lang);
export const settingLabel = (name: string, lang: Lang): string => pick(SETTINGS, name, lang);

/** All labels, for the test that compares them with the UI's locale files. */
export const SETTING_LABEL_TABLES = { CONDITIONS, RESTRICTIONS, CERT_MODES, SETTINGS } as const;

/** A number grouped by thousands in the language (29,800). */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US').format(n);
}
