/**
 * The import report's and the diff's human text in English and Japanese.
 *
 * The report itself stays language-free: each entry carries a reason `code` and its `params`
 * (property names, values, counts — never prose), and the text is made here when it is shown, as
 * `shared/diagnostics/messages.ts` does for diagnostics. The Japanese follows the terms of
 * Microsoft's Japanese Exchange Online documentation (承認済みドメイン, 受信コネクタ, 送信コネクタ,
 * メール フロー ルール, テナント, 条件, 例外, アクション): the subject stated, the consequence kept,
 * 「」 around names and [ ] around the app's labels, as Microsoft Japan writes.
 */
import type { Lang } from '../engine/types';
import type { IpProblem } from './values';

/** Values a reason text is made from: names, values and counts, never prose. */
export type ReasonParams = Record<string, string | number>;

/** The kind of a mail flow rule part, as New-TransportRule groups its parameters. */
export type RulePartKind = 'condition' | 'exception' | 'action';

export type ImportReasonCode =
  // Accepted domains
  | 'domain-not-a-domain-name'
  | 'domain-object-name'
  | 'domain-external-relay'
  | 'domain-type-unknown'
  | 'domain-subdomains-authoritative'
  | 'domain-duplicate'
  // Organization configuration
  | 'org-reject-direct-send-absent'
  | 'org-reject-direct-send-invalid'
  | 'org-other-properties'
  // Connectors
  | 'connector-type-unknown'
  | 'connector-disabled'
  | 'domain-list-value-invalid'
  | IpProblem
  | 'ip-range-converted'
  | 'certificate-name-invalid'
  | 'inbound-duplicate'
  | 'smart-host-invalid'
  | 'outbound-rule-scoped'
  | 'outbound-duplicate'
  // Mail flow rules
  | 'rule-priority-invalid'
  | 'rule-disabled'
  | 'rule-state-unknown'
  | 'rule-mode-unknown'
  | 'rule-sent-to-scope-unmodelled'
  | 'rule-from-scope-unknown'
  | 'rule-domain-uncomparable'
  | 'rule-status-code-invalid'
  | 'rule-redirect-not-address'
  | 'rule-header-value-without-name'
  | 'rule-time-window'
  | 'rule-sender-location-envelope'
  | 'rule-sender-location-unused'
  | 'rule-duplicate'
  // The on-premises side (issue 16)
  | 'certificate-status'
  | 'send-connector-not-to-exo'
  | 'send-connector-certificate-name'
  | 'send-connector-certificate-missing'
  | 'server-ip-unknown'
  // Format 2: rules are kept as the tenant has them (issue 16)
  | 'rule-test-mode-kept'
  | 'rule-other-action'
  | 'rule-unmodelled-part'
  | 'rule-listed-other-action'
  | 'rule-listed-unmodelled'
  | 'rule-route-connector-missing'
  | 'rule-unmodelled'
  | 'rule-no-action-kept'
  // Any object: a property the model has no field for
  | 'property-note'
  | 'not-in-model';

type Texts = Record<Lang, (a: ReasonParams) => string>;

const EN_PART: Record<RulePartKind, string> = { condition: 'a condition', exception: 'an exception', action: 'an action' };
const EN_PART_BARE: Record<RulePartKind, string> = { condition: 'condition', exception: 'exception', action: 'action' };
const JA_PART: Record<RulePartKind, string> = { condition: '条件', exception: '例外', action: 'アクション' };
const part = (a: ReasonParams): RulePartKind => (a.kind === 'exception' || a.kind === 'action' ? a.kind : 'condition');

const IP_LEFT_OUT = { en: '; this value was left out', ja: 'ため、この値は除外されました。' };
/** A list the code joined with ", " reads with 「、」 inside a Japanese sentence. */
const jaList = (v: string | number | undefined) => String(v ?? '').split(', ').join('、');
const jaNum = (n: number) => new Intl.NumberFormat('ja-JP').format(n);

/** A reason that is the same text whatever the parameters (most of them). */
const texts = (en: string, ja: string): Texts => ({ en: () => en, ja: () => ja });
/** An IP value the import left out: why, then IP_LEFT_OUT. */
const ipLeftOut = (en: string, ja: string): Texts => ({ en: () => en + IP_LEFT_OUT.en, ja: () => ja + IP_LEFT_OUT.ja });

export const IMPORT_REASONS: Record<ImportReasonCode, Texts> = {
  'domain-not-a-domain-name': texts('not a domain name; the accepted domain was not imported', 'この値はドメイン名ではないため、この承認済みドメインはインポートされませんでした。'),
  'domain-object-name': {
    en: () => "the accepted domain object's name; the model names it by its domain",
    ja: () => '承認済みドメイン オブジェクトの名前です。Mailflow Studio では承認済みドメインをドメイン名で識別するため、この名前は使用されません。',
  },
  'domain-external-relay': {
    en: () =>
      'ExternalRelay is not in format version 1; imported as InternalRelay, which the simulation treats the same way here (the domain is accepted, and with no recipients listed every recipient goes out through the outbound connector). The PowerShell export never changes an ExternalRelay domain.',
    ja: () =>
      '外部の中継ドメイン (ExternalRelay) は形式バージョン 1 にないため、このドメインは内部の中継ドメイン (InternalRelay) としてインポートされました。この構成では、シミュレーションの結果はどちらの種類でも同じです (ドメイン宛てのメールは受け付けられ、受信者が登録されていないため、すべての受信者宛てのメールが送信コネクタを経由して送信されます)。PowerShell スクリプトへのエクスポートでは、外部の中継ドメインの種類は変更されません。',
  },
  'domain-type-unknown': texts('not Authoritative, InternalRelay or ExternalRelay; the accepted domain was not imported', 'ドメインの種類が権限のあるドメイン (Authoritative)、内部の中継ドメイン (InternalRelay)、外部の中継ドメイン (ExternalRelay) のいずれでもないため、この承認済みドメインはインポートされませんでした。'),
  'domain-subdomains-authoritative': texts('only InternalRelay domains can match subdomains; left out for this Authoritative domain', 'サブドメインも対象にできるのは内部の中継ドメイン (InternalRelay) だけです。このドメインは権限のあるドメイン (Authoritative) のため、この設定は除外されました。'),
  'domain-duplicate': texts('the same domain appeared earlier in the import; this copy was not imported', '同じドメインがこのインポートですでに読み込まれているため、重複するこのドメインはインポートされませんでした。'),
  'org-reject-direct-send-absent': texts('this output has no RejectDirectSend (older module or tenant); left off in the design', 'この出力には RejectDirectSend が含まれていません (以前のバージョンのモジュール、またはこの設定がないテナントの出力です)。トポロジでは [直接送信 (Direct Send) を拒否する] をオフのままにしました。'),
  'org-reject-direct-send-invalid': texts('not true or false; left off in the design', '値が true でも false でもないため、トポロジでは [直接送信 (Direct Send) を拒否する] をオフのままにしました。'),
  'org-other-properties': texts('organization-wide settings other than RejectDirectSend do not take part in the modelled mail flow; not read', 'RejectDirectSend 以外の組織全体の設定は、シミュレーションするメール フローに影響しないため、読み込まれませんでした。'),
  'connector-type-unknown': texts('not OnPremises or Partner, the connector kinds the model knows; the connector was not imported', 'コネクタの種類が [組織のメール サーバー] (OnPremises) でも [パートナー組織] (Partner) でもないため、このコネクタはインポートされませんでした。'),
  'connector-disabled': texts('the connector is disabled in Exchange Online; imported disabled', 'このコネクタは Exchange Online で無効になっているため、無効の状態でインポートされました。'),
  'domain-list-value-invalid': texts('not a domain, *.domain or *; this value was left out', 'この値はドメイン名、*.ドメイン名、* のいずれでもないため、除外されました。'),
  'ip-not-an-address': ipLeftOut('not an IP address, CIDR block or range', 'IP アドレス、CIDR ブロック、IP アドレスの範囲のいずれでもない'),
  'ip-ipv6': ipLeftOut('an IPv6 address; format version 1 models IPv4 only', '形式バージョン 1 では IPv4 アドレスだけを扱い、IPv6 アドレスは扱えない'),
  'ip-range-ends-not-ipv4': ipLeftOut('a range whose ends are not both IPv4 addresses', '範囲の開始と終了の両方が IPv4 アドレスではない'),
  'ip-range-reversed': ipLeftOut('a range whose first address is after its last', '範囲の開始アドレスが終了アドレスより後にある'),
  'ip-not-ipv4': ipLeftOut('not an IPv4 address, CIDR block or range', 'IPv4 アドレス、CIDR ブロック、IPv4 アドレスの範囲のいずれでもない'),
  'ip-range-converted': {
    en: (a) => `the range is not one CIDR block; converted to ${a.count} block(s): ${a.blocks}`,
    ja: (a) => `この範囲は 1 つの CIDR ブロックでは表せないため、${jaNum(Number(a.count))} 個の CIDR ブロック (${jaList(a.blocks)}) に変換されました。`,
  },
  'certificate-name-invalid': texts('not a certificate name the model can hold (a domain or *.domain); left out, so the connector matches by IP only', 'この値はトポロジで扱える証明書の名前 (ドメイン名または *.ドメイン名) ではないため、除外されました。このコネクタは IP アドレスでのみ一致します。'),
  'inbound-duplicate': texts('an inbound connector of this name appeared earlier in the import; this copy was not imported', '同じ名前の受信コネクタがこのインポートですでに読み込まれているため、重複するこのコネクタはインポートされませんでした。'),
  'smart-host-invalid': texts('not a host name or IPv4 address; this value was left out', 'この値はホスト名でも IPv4 アドレスでもないため、除外されました。'),
  'outbound-rule-scoped': texts('used only by mail flow rules that route through it (RouteMessageOutboundConnector); kept as a transport-rule-scoped connector', 'このコネクタは、メール フロー ルールのアクションで指定された場合 (RouteMessageOutboundConnector) にのみ使用されます。メール フロー ルール専用のコネクタとして保持されました。'),
  'outbound-duplicate': texts('an outbound connector of this name appeared earlier in the import; this copy was not imported', '同じ名前の送信コネクタがこのインポートですでに読み込まれているため、重複するこのコネクタはインポートされませんでした。'),
  'rule-priority-invalid': texts('not a whole number from 0; the rule is placed after the others', '優先度が 0 以上の整数ではないため、このルールは他のルールの後に配置されました。'),
  'rule-disabled': texts('the rule is disabled in Exchange Online; imported disabled', 'このルールは Exchange Online で無効になっているため、無効の状態でインポートされました。'),
  'rule-state-unknown': texts('not Enabled or Disabled; imported as enabled', '状態が Enabled (有効) でも Disabled (無効) でもないため、このルールは有効の状態でインポートされました。'),
  'rule-mode-unknown': texts('not Audit, AuditAndNotify or Enforce; treated as Enforce', 'モードが Audit、AuditAndNotify、Enforce のいずれでもないため、Enforce (適用) として扱われました。'),
  'rule-sent-to-scope-unmodelled': texts('only InOrganization and NotInOrganization are modelled', 'シミュレーションで評価できる受信者の場所は、組織内 (InOrganization) と組織外 (NotInOrganization) だけです。'),
  'rule-from-scope-unknown': texts('not InOrganization or NotInOrganization', '送信者の場所が組織内 (InOrganization) でも組織外 (NotInOrganization) でもありません。'),
  'rule-domain-uncomparable': texts('not a domain name the model can compare', 'この値は、シミュレーションで比較できるドメイン名ではありません。'),
  'rule-status-code-invalid': texts('not 5.7.1 or 5.7.900-5.7.999', '拡張状態コードが 5.7.1 でも 5.7.900 ～ 5.7.999 の範囲でもありません。'),
  'rule-redirect-not-address': texts('not an e-mail address (a recipient name cannot be resolved here)', 'この値は電子メール アドレスではありません (受信者の名前は、インポート時には解決できません)。'),
  'rule-header-value-without-name': texts('a header value without a header name; left out', 'ヘッダー名が指定されていないヘッダーの値のため、除外されました。'),
  'rule-time-window': texts('the rule applies only in a time window, which the simulation does not model', 'このルールは指定された期間にのみ適用されますが、シミュレーションでは期間は考慮されません。'),
  'rule-sender-location-envelope': texts('sender conditions read the envelope here; the simulation reads the header From when the scenario gives one', 'このルールの送信者の条件はエンベロープの送信者 (MAIL FROM) を参照しますが、シミュレーションでは、シナリオに差出人 (From) ヘッダーが指定されている場合はそのアドレスが参照されます。'),
  'rule-sender-location-unused': texts('no sender condition uses it; left out', 'どの送信者の条件でも使用されていないため、除外されました。'),
  'rule-duplicate': texts('a rule of this name appeared earlier in the import; this copy was not imported', '同じ名前のルールがこのインポートですでに読み込まれているため、重複するこのルールはインポートされませんでした。'),
  'certificate-status': texts('Exchange does not report this certificate as Valid; a server presenting it is imported with an incomplete chain', 'Exchange はこの証明書の状態を Valid (有効) と報告していないため、この証明書を提示するサーバーは、証明書チェーンが不完全な状態でインポートされました。'),
  'send-connector-not-to-exo': texts('not a connector to Exchange Online (no *.mail.onmicrosoft.com address space, no *.mail.protection.outlook.com smart host, CloudServicesMailEnabled off); not imported', 'この送信コネクタは Exchange Online 宛てではない (アドレス空間に *.mail.onmicrosoft.com がなく、スマート ホストに *.mail.protection.outlook.com がなく、CloudServicesMailEnabled も無効) ため、インポートされませんでした。'),
  'send-connector-certificate-name': texts('not in the <I>issuer<S>subject form; the certificate could not be identified', 'この値は <I>発行者<S>サブジェクト の形式ではないため、証明書を特定できませんでした。'),
  'send-connector-certificate-missing': texts('no certificate of the Get-ExchangeCertificate output matches; the server is imported without a certificate', 'Get-ExchangeCertificate の出力に一致する証明書がないため、このサーバーは証明書なしでインポートされました。'),
  'server-ip-unknown': {
    en: () => "neither cmdlet gives the server's public IP address and no OnPremises inbound connector lists one; imported as 0.0.0.0, set it in the Inspector",
    ja: () => 'どちらのコマンドレットの出力にもサーバーのパブリック IP アドレスは含まれず、送信元が組織のメール サーバーの受信コネクタにも指定されていないため、IP アドレスは 0.0.0.0 としてインポートされました。[プロパティ] で正しい IP アドレスを設定してください。',
  },
  'rule-test-mode-kept': texts('the rule is in test mode, so Exchange does not enforce its actions; kept under "Conditions not modelled", so the simulation skips the rule', 'このルールはテスト モードのため、Exchange はアクションを実行しません。モードは [モデル化されていない条件] に保持されたため、シミュレーションではこのルールはスキップされます。'),
  'rule-other-action': texts('an action that does not change routing; kept under "Other actions" (the rule runs and the trace names it)', 'メッセージのルーティングを変更しないアクションのため、[その他のアクション] に保持されました (ルールは実行され、トレースにこのアクションが表示されます)。'),
  'rule-unmodelled-part': {
    en: (a) => `${EN_PART[part(a)]} the simulation cannot evaluate; kept under "Conditions not modelled"`,
    ja: (a) => `シミュレーションで評価できない${JA_PART[part(a)]}のため、[モデル化されていない条件] に保持されました。`,
  },
  'rule-listed-other-action': texts('the rule lists this action without its settings; kept by name under "Other actions"', 'ルールにはこのアクションの名前だけが含まれ、設定値がないため、名前だけが [その他のアクション] に保持されました。'),
  'rule-listed-unmodelled': {
    en: (a) => `the rule lists this ${EN_PART_BARE[part(a)]} without its settings; kept by name under "Conditions not modelled"`,
    ja: (a) => `ルールにはこの${JA_PART[part(a)]}の名前だけが含まれ、設定値がないため、名前だけが [モデル化されていない条件] に保持されました。`,
  },
  'rule-route-connector-missing': texts('names no outbound connector of this import; kept under "Conditions not modelled"', '指定された送信コネクタがこのインポートに含まれていないため、[モデル化されていない条件] に保持されました。'),
  'rule-unmodelled': {
    en: (a) =>
      `kept with its name and state; the simulation cannot evaluate ${a.parts}, so it skips this rule and says so in the trace`,
    ja: (a) =>
      `ルールの名前と状態はそのまま保持されました。シミュレーションでは ${jaList(a.parts)} を評価できないため、このルールはスキップされ、トレースにその旨が表示されます。`,
  },
  'rule-no-action-kept': texts('the rule has no action; kept as it is with the action "None" (it changes nothing)', 'このルールにはアクションがないため、アクションなし (None) のまま保持されました (メッセージは変更されません)。'),
  'property-note': {
    en: (a) => PROPERTY_NOTES[String(a.property)]?.en ?? GENERIC.en,
    ja: (a) => PROPERTY_NOTES[String(a.property)]?.ja ?? GENERIC.ja,
  },
  'not-in-model': {
    en: () => GENERIC.en,
    ja: () => GENERIC.ja,
  },
};

const GENERIC: Record<Lang, string> = {
  en: 'not part of the model (format version 1); left out',
  ja: 'トポロジの形式 (形式バージョン 1) にないプロパティのため、除外されました。',
};

const EF_EN = 'Enhanced Filtering for Connectors is not modelled';
const EF_JA = 'コネクタの拡張フィルター処理は、シミュレーションでは考慮されません。';
const COMMENT = { en: 'a comment; the format has no field for it', ja: 'コメントです。トポロジの形式には、この値を保持するフィールドがありません。' };
const SIGN_IN = { en: 'a sign-in setting; unrelated to mail flow', ja: 'サインインに関する設定のため、メール フローには影響しません。' };

/** Why a property the model has no field for matters, by lower-case property name (`property-note`). */
export const PROPERTY_NOTES: Record<string, Record<Lang, string>> = {
  associatedaccepteddomains: {
    en: "limits the connector to these accepted domains; the model applies a connector to all of its tenant's domains",
    ja: 'コネクタの対象をこれらの承認済みドメインに限定する設定です。シミュレーションでは、コネクタはテナントのすべての承認済みドメインに適用されます。',
  },
  trustedorganizations: { en: 'cross-organization trust is not modelled', ja: '組織間の信頼関係は、シミュレーションでは考慮されません。' },
  cloudservicesmailenabled: {
    en: 'hybrid cross-premises headers (set by the Hybrid Configuration wizard); they do not change attribution in the model',
    ja: 'ハイブリッド構成ウィザードが設定する、クロスプレミス ヘッダーの設定です。シミュレーションでのテナントの特定には影響しません。',
  },
  treatmessagesasinternal: { en: 'treating messages as internal is not modelled', ja: 'メッセージを組織内のメールとして扱う設定は、シミュレーションでは考慮されません。' },
  efskipips: {
    en: 'Enhanced Filtering for Connectors (which IP spam filtering looks at) is not modelled',
    ja: 'コネクタの拡張フィルター処理 (スパム フィルターが参照する送信元 IP アドレスの設定) は、シミュレーションでは考慮されません。',
  },
  efskiplastip: { en: EF_EN, ja: EF_JA },
  efusers: { en: EF_EN, ja: EF_JA },
  eftestmode: { en: EF_EN, ja: EF_JA },
  efskipmailgateway: { en: EF_EN, ja: EF_JA },
  scanandroprecipients: { en: EF_EN, ja: EF_JA },
  comment: COMMENT,
  comments: COMMENT,
  connectorsource: {
    en: 'how the connector was created (for example by the Hybrid Configuration wizard); not modelled',
    ja: 'コネクタの作成元 (ハイブリッド構成ウィザードなど) を示す値です。シミュレーションでは考慮されません。',
  },
  tlssettings: {
    en: 'outbound TLS requirements are not modelled (mail is routed as if TLS succeeds)',
    ja: '送信時の TLS の要件は、シミュレーションでは考慮されません (TLS が成功したものとしてルーティングされます)。',
  },
  tlsdomain: { en: 'outbound TLS requirements are not modelled', ja: '送信時の TLS の要件は、シミュレーションでは考慮されません。' },
  senderrewritingenabled: { en: 'sender rewriting (SRS) is not modelled', ja: '送信者の書き換え (SRS) は、シミュレーションでは考慮されません。' },
  testmode: { en: 'connector test mode is not modelled', ja: 'コネクタのテスト モードは、シミュレーションでは考慮されません。' },
  default: {
    en: 'the default accepted domain; the format has no field for it',
    ja: '既定の承認済みドメインを示す値です。トポロジの形式には、この値を保持するフィールドがありません。',
  },
  initialdomain: {
    en: "the tenant's initial *.onmicrosoft.com domain; not distinguished in the model",
    ja: 'テナントの初期ドメイン (*.onmicrosoft.com) を示す値です。シミュレーションでは、ほかの承認済みドメインと区別されません。',
  },
  iscoexistencedomain: {
    en: 'the hybrid coexistence (mail.onmicrosoft.com) domain; not distinguished in the model',
    ja: 'ハイブリッドの共存ドメイン (*.mail.onmicrosoft.com) を示す値です。シミュレーションでは、ほかの承認済みドメインと区別されません。',
  },
  outboundonly: { en: 'an outbound-only domain is not modelled', ja: '送信専用のドメインは、シミュレーションでは考慮されません。' },
  addressbookenabled: {
    en: 'recipient lookup (Directory-Based Edge Blocking) follows the domain type in the model',
    ja: '受信者の参照 (ディレクトリ ベースのエッジ ブロック) は、シミュレーションではドメインの種類に従って行われます。',
  },
  authenticationtype: SIGN_IN,
  liveidinstancetype: SIGN_IN,
  ruleerroraction: {
    en: 'what Exchange does when the rule fails to process; not modelled',
    ja: 'ルールの処理に失敗したときの Exchange の動作です。シミュレーションでは考慮されません。',
  },
  senderaddresslocation: {
    en: 'the simulation reads the header From when the scenario gives one, else MAIL FROM',
    ja: 'シミュレーションでは、シナリオに差出人 (From) ヘッダーが指定されている場合はそのアドレスが、指定されていない場合は MAIL FROM のアドレスが参照されます。',
  },
};

/** The reason of a report entry in a language. */
export function importReasonText(code: ImportReasonCode, params: ReasonParams | undefined, lang: Lang): string {
  const texts = IMPORT_REASONS[code] as Texts | undefined;
  return texts ? texts[lang](params ?? {}) : GENERIC[lang];
}

/** The property column in a language: the import's pseudo-properties ("(rule)") are words and get translated. */
export function importPropertyText(property: string, lang: Lang): string {
  const JA_PSEUDO: Record<string, string> = { '(rule)': '(ルール)', '(actions)': '(アクション)', '(other properties)': '(その他のプロパティ)' };
  return lang === 'ja' ? (JA_PSEUDO[property] ?? property) : property;
}

/**
 * The value column in a language: the file's values are shown as they are, but the import's own
 * pseudo-values ("(absent)", "(none)", "12 set") are words and get translated.
 */
export function importValueText(value: string, code: ImportReasonCode, params: ReasonParams | undefined, lang: Lang): string {
  if (lang === 'en') return value;
  if (code === 'org-other-properties' && params?.count !== undefined) return `${jaNum(Number(params.count))} 個の設定`;
  if (code === 'org-reject-direct-send-absent' && value === '(absent)') return '(なし)';
  return value;
}

// ---------------------------------------------------------------------------------------------
// The report's own lines and the diff's lines

export interface ImportSummaryCounts {
  acceptedDomains: number;
  inboundConnectors: number;
  outboundConnectors: number;
  transportRules: number;
}

export const REPORT_TEXT: Record<
  Lang,
  {
    imported(name: string, id: string, c: ImportSummaryCounts): string;
    unmodelled(count: number): string;
    servers(count: number): string;
    skipped(count: number): string;
    allCarriedOver: string;
    entries(count: number): string;
    file(file: string, cmdlet: string, count: number): string;
    importedDisabled: string;
    notImported: string;
    empty: string;
  }
> = {
  en: {
    imported: (name, id, c) =>
      `Imported tenant "${name}" (id ${id}): ${c.acceptedDomains} accepted domain(s), ` +
      `${c.inboundConnectors} inbound connector(s), ${c.outboundConnectors} outbound connector(s), ${c.transportRules} mail flow rule(s).`,
    servers: (n) => `${n} on-premises server(s) from Get-SendConnector, each with the certificate it presents to Exchange Online.`,
    unmodelled: (n) => `${n} mail flow rule(s) have conditions the simulation cannot evaluate: kept as they are, skipped by the simulation with a trace event (see below).`,
    skipped: (n) => `${n} object(s) were not imported (see below).`,
    allCarriedOver: 'Every property was carried over.',
    entries: (n) => `${n} propert(ies) were left out or converted:`,
    file: (file, cmdlet, n) => `${file} (${cmdlet}, ${n} object(s))`,
    importedDisabled: ' [imported disabled]',
    notImported: ' [not imported]',
    empty: '(empty)',
  },
  ja: {
    imported: (name, id, c) =>
      `テナント「${name}」(ID: ${id}) をインポートしました (承認済みドメイン ${jaNum(c.acceptedDomains)} 個、` +
      `受信コネクタ ${jaNum(c.inboundConnectors)} 個、送信コネクタ ${jaNum(c.outboundConnectors)} 個、メール フロー ルール ${jaNum(c.transportRules)} 個)。`,
    servers: (n) => `Get-SendConnector の出力から、オンプレミスのサーバー ${jaNum(n)} 台をインポートしました (各サーバーには、Exchange Online に提示する証明書が設定されています)。`,
    unmodelled: (n) => `メール フロー ルール ${jaNum(n)} 個に、シミュレーションで評価できない条件があります。これらのルールはそのまま保持され、シミュレーションではスキップされて、トレースにその旨が表示されます (詳細は下記を参照してください)。`,
    skipped: (n) => `${jaNum(n)} 個のオブジェクトはインポートされませんでした (詳細は下記を参照してください)。`,
    allCarriedOver: 'すべてのプロパティがインポートされました。',
    entries: (n) => `次の ${jaNum(n)} 個のプロパティは、除外または変換されました:`,
    file: (file, cmdlet, n) => `${file} (${cmdlet}、オブジェクト ${jaNum(n)} 個)`,
    importedDisabled: ' [無効としてインポート]',
    notImported: ' [インポートされていません]',
    empty: '(空)',
  },
};

export type DiffKindKey = 'tenant' | 'acceptedDomain' | 'inboundConnector' | 'outboundConnector' | 'transportRule';

export const DIFF_TEXT: Record<
  Lang,
  {
    kinds: Record<DiffKindKey, string>;
    header(a: { id: string; name: string }, labelA: string, b: { id: string; name: string }, labelB: string, identical: boolean, count: number): string;
    entity(kind: string, name: string): string;
    onlyIn(label: string): string;
    added(values: string): string;
    removed(values: string): string;
    listSeparator: string;
    notSet: string;
    none: string;
    tenantOnlyIn(name: string, id: string, label: string): string;
  }
> = {
  en: {
    kinds: {
      tenant: 'tenant',
      acceptedDomain: 'accepted domain',
      inboundConnector: 'inbound connector',
      outboundConnector: 'outbound connector',
      transportRule: 'mail flow rule',
    },
    header: (a, la, b, lb, identical, n) =>
      `Tenant "${a.name}" (${a.id}) in ${la} vs "${b.name}" (${b.id}) in ${lb}: ` + (identical ? 'no differences.' : `${n} difference(s).`),
    entity: (kind, name) => `${kind} "${name}"`,
    onlyIn: (label) => `only in ${label}`,
    added: (v) => `added ${v}`,
    removed: (v) => `removed ${v}`,
    listSeparator: '; ',
    notSet: '(not set)',
    none: '(none)',
    tenantOnlyIn: (name, id, label) => `tenant "${name}" (${id}): only in ${label}`,
  },
  ja: {
    kinds: {
      tenant: 'テナント',
      acceptedDomain: '承認済みドメイン',
      inboundConnector: '受信コネクタ',
      outboundConnector: '送信コネクタ',
      transportRule: 'メール フロー ルール',
    },
    header: (a, la, b, lb, identical, n) =>
      `${la} のテナント「${a.name}」(${a.id}) と ${lb} のテナント「${b.name}」(${b.id}) を比較しました。` + (identical ? '違いはありません。' : `${jaNum(n)} 件の違いがあります。`),
    entity: (kind, name) => `${kind}「${name}」`,
    onlyIn: (label) => `${label} にのみ存在します`,
    added: (v) => `${jaList(v)} を追加`,
    removed: (v) => `${jaList(v)} を削除`,
    listSeparator: '、',
    notSet: '(未設定)',
    none: '(なし)',
    tenantOnlyIn: (name, id, label) => `テナント「${name}」(${id}): ${label} にのみ存在します`,
  },
};
