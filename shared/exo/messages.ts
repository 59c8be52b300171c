/**
 * The import report's and the diff's human text in English and Japanese.
 *
 * The report itself stays language-free: each entry carries a reason `code` and its `params`
 * (property names, values, counts — never prose), and the text is made here when it is shown, as
 * `shared/diagnostics/messages.ts` does for diagnostics. The Japanese follows the terms of
 * Microsoft's Japanese Exchange Online documentation (承認済みドメイン, 受信コネクタ, 送信コネクタ,
 * メール フロー ルール, テナント, 条件, 例外, 操作).
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

/** A reason that is the same text whatever the parameters (most of them). */
const texts = (en: string, ja: string): Texts => ({ en: () => en, ja: () => ja });
const IP_LEFT_OUT = { en: '; this value was left out', ja: '。この値は除外しました' };
/** An IP value the import left out: why, then IP_LEFT_OUT. */
const ipLeftOut = (en: string, ja: string): Texts => ({ en: () => en + IP_LEFT_OUT.en, ja: () => ja + IP_LEFT_OUT.ja });

export const IMPORT_REASONS: Record<ImportReasonCode, Texts> = {
  'domain-not-a-domain-name': texts('not a domain name; the accepted domain was not imported', 'ドメイン名ではありません。この承認済みドメインはインポートしませんでした'),
  'domain-object-name': {
    en: () => "the accepted domain object's name; the model names it by its domain",
    ja: () => '承認済みドメイン オブジェクトの名前です。モデルではドメイン名で識別します',
  },
  'domain-external-relay': {
    en: () =>
      'ExternalRelay is not in format version 1; imported as InternalRelay, which the simulation treats the same way here (the domain is accepted, and with no recipients listed every recipient goes out through the outbound connector). The PowerShell export never changes an ExternalRelay domain.',
    ja: () =>
      '外部の中継ドメイン (ExternalRelay) は形式バージョン 1 にないため、内部の中継ドメイン (InternalRelay) としてインポートしました。ここではシミュレーション上の扱いは同じです (ドメインは承認済みで、受信者が一覧にないため、すべての受信者宛てのメールが送信コネクタから送信されます)。PowerShell エクスポートが ExternalRelay のドメインを変更することはありません。',
  },
  'domain-type-unknown': texts('not Authoritative, InternalRelay or ExternalRelay; the accepted domain was not imported', 'Authoritative、InternalRelay、ExternalRelay のいずれでもありません。この承認済みドメインはインポートしませんでした'),
  'domain-subdomains-authoritative': texts('only InternalRelay domains can match subdomains; left out for this Authoritative domain', 'サブドメインを一致させられるのは InternalRelay のドメインだけです。この Authoritative (権限のある) ドメインでは除外しました'),
  'domain-duplicate': texts('the same domain appeared earlier in the import; this copy was not imported', '同じドメインがこのインポートで先に出現しています。この重複分はインポートしませんでした'),
  'org-reject-direct-send-absent': texts('this output has no RejectDirectSend (older module or tenant); left off in the design', 'この出力には RejectDirectSend がありません (以前のモジュールまたはテナント)。デザインではオフのままにしました'),
  'org-reject-direct-send-invalid': texts('not true or false; left off in the design', 'true でも false でもありません。デザインではオフのままにしました'),
  'org-other-properties': texts('organization-wide settings other than RejectDirectSend do not take part in the modelled mail flow; not read', 'RejectDirectSend 以外の組織全体の設定は、モデル化したメール フローに関係しないため読み取っていません'),
  'connector-type-unknown': texts('not OnPremises or Partner, the connector kinds the model knows; the connector was not imported', 'モデルが扱うコネクタの種類 (OnPremises または Partner) ではありません。このコネクタはインポートしませんでした'),
  'connector-disabled': texts('the connector is disabled in Exchange Online; imported disabled', 'このコネクタは Exchange Online で無効になっています。無効としてインポートしました'),
  'domain-list-value-invalid': texts('not a domain, *.domain or *; this value was left out', 'ドメイン、*.ドメイン、* のいずれでもありません。この値は除外しました'),
  'ip-not-an-address': ipLeftOut('not an IP address, CIDR block or range', 'IP アドレス、CIDR ブロック、範囲のいずれでもありません'),
  'ip-ipv6': ipLeftOut('an IPv6 address; format version 1 models IPv4 only', 'IPv6 アドレスです。形式バージョン 1 は IPv4 のみを扱います'),
  'ip-range-ends-not-ipv4': ipLeftOut('a range whose ends are not both IPv4 addresses', '範囲の両端が IPv4 アドレスではありません'),
  'ip-range-reversed': ipLeftOut('a range whose first address is after its last', '範囲の開始アドレスが終了アドレスより後ろです'),
  'ip-not-ipv4': ipLeftOut('not an IPv4 address, CIDR block or range', 'IPv4 アドレス、CIDR ブロック、範囲のいずれでもありません'),
  'ip-range-converted': {
    en: (a) => `the range is not one CIDR block; converted to ${a.count} block(s): ${a.blocks}`,
    ja: (a) => `この範囲は 1 つの CIDR ブロックではないため、${a.count} 個のブロックに変換しました: ${a.blocks}`,
  },
  'certificate-name-invalid': texts('not a certificate name the model can hold (a domain or *.domain); left out, so the connector matches by IP only', 'モデルで扱える証明書名 (ドメインまたは *.ドメイン) ではありません。除外したため、このコネクタは IP アドレスでのみ一致します'),
  'inbound-duplicate': texts('an inbound connector of this name appeared earlier in the import; this copy was not imported', '同じ名前の受信コネクタがこのインポートで先に出現しています。この重複分はインポートしませんでした'),
  'smart-host-invalid': texts('not a host name or IPv4 address; this value was left out', 'ホスト名でも IPv4 アドレスでもありません。この値は除外しました'),
  'outbound-rule-scoped': texts('used only by mail flow rules that route through it (RouteMessageOutboundConnector); kept as a transport-rule-scoped connector', 'このコネクタを経由してルーティングするメール フロー ルール (RouteMessageOutboundConnector) だけが使用します。ルール専用コネクタとして保持しました'),
  'outbound-duplicate': texts('an outbound connector of this name appeared earlier in the import; this copy was not imported', '同じ名前の送信コネクタがこのインポートで先に出現しています。この重複分はインポートしませんでした'),
  'rule-priority-invalid': texts('not a whole number from 0; the rule is placed after the others', '0 以上の整数ではありません。このルールは他のルールの後ろに配置しました'),
  'rule-disabled': texts('the rule is disabled in Exchange Online; imported disabled', 'このルールは Exchange Online で無効になっています。無効としてインポートしました'),
  'rule-state-unknown': texts('not Enabled or Disabled; imported as enabled', 'Enabled でも Disabled でもありません。有効としてインポートしました'),
  'rule-mode-unknown': texts('not Audit, AuditAndNotify or Enforce; treated as Enforce', 'Audit、AuditAndNotify、Enforce のいずれでもありません。Enforce (適用) として扱いました'),
  'rule-sent-to-scope-unmodelled': texts('only InOrganization and NotInOrganization are modelled', 'モデル化しているのは InOrganization と NotInOrganization だけです'),
  'rule-from-scope-unknown': texts('not InOrganization or NotInOrganization', 'InOrganization でも NotInOrganization でもありません'),
  'rule-domain-uncomparable': texts('not a domain name the model can compare', 'モデルで比較できるドメイン名ではありません'),
  'rule-status-code-invalid': texts('not 5.7.1 or 5.7.900-5.7.999', '5.7.1 でも 5.7.900 ～ 5.7.999 でもありません'),
  'rule-redirect-not-address': texts('not an e-mail address (a recipient name cannot be resolved here)', '電子メール アドレスではありません (ここでは受信者名を解決できません)'),
  'rule-header-value-without-name': texts('a header value without a header name; left out', 'ヘッダー名のないヘッダー値です。除外しました'),
  'rule-time-window': texts('the rule applies only in a time window, which the simulation does not model', 'このルールは特定の期間だけ適用されますが、期間はシミュレーションでモデル化されていません'),
  'rule-sender-location-envelope': texts('sender conditions read the envelope here; the simulation reads the header From when the scenario gives one', 'このルールの送信者の条件はエンベロープを参照しますが、シミュレーションはシナリオにヘッダーの From があればそれを参照します'),
  'rule-sender-location-unused': texts('no sender condition uses it; left out', '送信者の条件で使われていないため除外しました'),
  'rule-duplicate': texts('a rule of this name appeared earlier in the import; this copy was not imported', '同じ名前のルールがこのインポートで先に出現しています。この重複分はインポートしませんでした'),
  'certificate-status': texts('Exchange does not report this certificate as Valid; a server presenting it is imported with an incomplete chain', 'Exchange はこの証明書を Valid と報告していません。この証明書を提示するサーバーは、チェーンが不完全なものとしてインポートしました'),
  'send-connector-not-to-exo': texts('not a connector to Exchange Online (no *.mail.onmicrosoft.com address space, no *.mail.protection.outlook.com smart host, CloudServicesMailEnabled off); not imported', 'Exchange Online への送信コネクタではありません (*.mail.onmicrosoft.com のアドレス空間も *.mail.protection.outlook.com のスマート ホストもなく、CloudServicesMailEnabled もオフです)。インポートしませんでした'),
  'send-connector-certificate-name': texts('not in the <I>issuer<S>subject form; the certificate could not be identified', '<I>発行者<S>サブジェクト の形式ではありません。証明書を特定できませんでした'),
  'send-connector-certificate-missing': texts('no certificate of the Get-ExchangeCertificate output matches; the server is imported without a certificate', 'Get-ExchangeCertificate の出力に一致する証明書がありません。証明書なしでサーバーをインポートしました'),
  'server-ip-unknown': {
    en: () => "neither cmdlet gives the server's public IP address and no OnPremises inbound connector lists one; imported as 0.0.0.0, set it in the inspector",
    ja: () => 'どちらのコマンドレットもサーバーのパブリック IP アドレスを示さず、オンプレミスの受信コネクタにもありません。0.0.0.0 としてインポートしました。[プロパティ] で設定してください',
  },
  'rule-test-mode-kept': texts('the rule is in test mode, so Exchange does not enforce its actions; kept under "Conditions not modelled", so the simulation skips the rule', 'このルールはテスト モードのため、Exchange はそのアクションを実行しません。[モデル化されていない条件] に保持したため、シミュレーションはこのルールをスキップします'),
  'rule-other-action': texts('an action that does not change routing; kept under "Other actions" (the rule runs and the trace names it)', 'ルーティングを変えないアクションです。[その他のアクション] に保持しました (ルールは実行され、トレースに表示されます)'),
  'rule-unmodelled-part': {
    en: (a) => `${EN_PART[part(a)]} the simulation cannot evaluate; kept under "Conditions not modelled"`,
    ja: (a) => `シミュレーションで評価できない${JA_PART[part(a)]}です。[モデル化されていない条件] に保持しました`,
  },
  'rule-listed-other-action': texts('the rule lists this action without its settings; kept by name under "Other actions"', 'ルールにこのアクションが設定なしで含まれています。名前だけを [その他のアクション] に保持しました'),
  'rule-listed-unmodelled': {
    en: (a) => `the rule lists this ${EN_PART_BARE[part(a)]} without its settings; kept by name under "Conditions not modelled"`,
    ja: (a) => `ルールにこの${JA_PART[part(a)]}が設定なしで含まれています。名前だけを [モデル化されていない条件] に保持しました`,
  },
  'rule-route-connector-missing': texts('names no outbound connector of this import; kept under "Conditions not modelled"', 'このインポートのどの送信コネクタも指していません。[モデル化されていない条件] に保持しました'),
  'rule-unmodelled': {
    en: (a) =>
      `kept with its name and state; the simulation cannot evaluate ${a.parts}, so it skips this rule and says so in the trace`,
    ja: (a) =>
      `名前と状態はそのまま保持しました。シミュレーションは ${a.parts} を評価できないため、このルールをスキップし、トレースにそのことを表示します`,
  },
  'rule-no-action-kept': texts('the rule has no action; kept as it is with the action "None" (it changes nothing)', 'このルールにはアクションがありません。アクション「None」としてそのまま保持しました (何も変更しません)'),
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
  ja: 'モデル (形式バージョン 1) にないため除外しました',
};

const EF_EN = 'Enhanced Filtering for Connectors is not modelled';
const EF_JA = 'コネクタの拡張フィルター処理はモデル化されていません';
const COMMENT = { en: 'a comment; the format has no field for it', ja: 'コメントです。形式にこれを保持するフィールドはありません' };
const SIGN_IN = { en: 'a sign-in setting; unrelated to mail flow', ja: 'サインインの設定です。メール フローには関係しません' };

/** Why a property the model has no field for matters, by lower-case property name (`property-note`). */
export const PROPERTY_NOTES: Record<string, Record<Lang, string>> = {
  associatedaccepteddomains: {
    en: "limits the connector to these accepted domains; the model applies a connector to all of its tenant's domains",
    ja: 'コネクタをこれらの承認済みドメインに限定する設定です。モデルではコネクタはテナントのすべてのドメインに適用されます',
  },
  trustedorganizations: { en: 'cross-organization trust is not modelled', ja: '組織間の信頼はモデル化されていません' },
  cloudservicesmailenabled: {
    en: 'hybrid cross-premises headers (set by the Hybrid Configuration wizard); they do not change attribution in the model',
    ja: 'ハイブリッドのクロスプレミス ヘッダーです (ハイブリッド構成ウィザードが設定)。モデルでのテナントの特定は変わりません',
  },
  treatmessagesasinternal: { en: 'treating messages as internal is not modelled', ja: 'メッセージを内部として扱う設定はモデル化されていません' },
  efskipips: {
    en: 'Enhanced Filtering for Connectors (which IP spam filtering looks at) is not modelled',
    ja: 'コネクタの拡張フィルター処理 (スパム フィルターが参照する IP アドレス) はモデル化されていません',
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
    ja: 'コネクタの作成方法です (ハイブリッド構成ウィザードなど)。モデル化されていません',
  },
  tlssettings: {
    en: 'outbound TLS requirements are not modelled (mail is routed as if TLS succeeds)',
    ja: '送信時の TLS の要件はモデル化されていません (TLS が成功したものとしてルーティングします)',
  },
  tlsdomain: { en: 'outbound TLS requirements are not modelled', ja: '送信時の TLS の要件はモデル化されていません' },
  senderrewritingenabled: { en: 'sender rewriting (SRS) is not modelled', ja: '送信者の書き換え (SRS) はモデル化されていません' },
  testmode: { en: 'connector test mode is not modelled', ja: 'コネクタのテスト モードはモデル化されていません' },
  default: {
    en: 'the default accepted domain; the format has no field for it',
    ja: '既定の承認済みドメインです。形式にこれを保持するフィールドはありません',
  },
  initialdomain: {
    en: "the tenant's initial *.onmicrosoft.com domain; not distinguished in the model",
    ja: 'テナントの初期ドメイン (*.onmicrosoft.com) です。モデルでは区別しません',
  },
  iscoexistencedomain: {
    en: 'the hybrid coexistence (mail.onmicrosoft.com) domain; not distinguished in the model',
    ja: 'ハイブリッドの共存ドメイン (mail.onmicrosoft.com) です。モデルでは区別しません',
  },
  outboundonly: { en: 'an outbound-only domain is not modelled', ja: '送信専用のドメインはモデル化されていません' },
  addressbookenabled: {
    en: 'recipient lookup (Directory-Based Edge Blocking) follows the domain type in the model',
    ja: '受信者の参照 (ディレクトリ ベースのエッジ ブロック) は、モデルではドメインの種類に従います',
  },
  authenticationtype: SIGN_IN,
  liveidinstancetype: SIGN_IN,
  ruleerroraction: {
    en: 'what Exchange does when the rule fails to process; not modelled',
    ja: 'ルールの処理に失敗したときの Exchange の動作です。モデル化されていません',
  },
  senderaddresslocation: {
    en: 'the simulation reads the header From when the scenario gives one, else MAIL FROM',
    ja: 'シミュレーションは、シナリオにヘッダーの From があればそれを、なければ MAIL FROM を参照します',
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
  if (code === 'org-other-properties' && params?.count !== undefined) return `${params.count} 個が設定済み`;
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
      `テナント "${name}" (ID ${id}) をインポートしました: 承認済みドメイン ${c.acceptedDomains} 個、` +
      `受信コネクタ ${c.inboundConnectors} 個、送信コネクタ ${c.outboundConnectors} 個、メール フロー ルール ${c.transportRules} 個。`,
    servers: (n) => `Get-SendConnector からオンプレミス サーバー ${n} 台 (それぞれが Exchange Online に提示する証明書付き)。`,
    unmodelled: (n) => `${n} 個のメール フロー ルールにはシミュレーションで評価できない条件があります: そのまま保持し、シミュレーションはトレースに記録してスキップします (下記参照)。`,
    skipped: (n) => `${n} 個のオブジェクトはインポートしませんでした (下記参照)。`,
    allCarriedOver: 'すべてのプロパティを取り込みました。',
    entries: (n) => `${n} 個のプロパティを除外または変換しました:`,
    file: (file, cmdlet, n) => `${file} (${cmdlet}、${n} 個のオブジェクト)`,
    importedDisabled: ' [無効としてインポート]',
    notImported: ' [インポートなし]',
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
      `${la} のテナント "${a.name}" (${a.id}) と ${lb} の "${b.name}" (${b.id}) の比較: ` + (identical ? '違いはありません。' : `${n} 件の違いがあります。`),
    entity: (kind, name) => `${kind} "${name}"`,
    onlyIn: (label) => `${label} にのみ存在`,
    added: (v) => `追加 ${v}`,
    removed: (v) => `削除 ${v}`,
    listSeparator: '、',
    notSet: '(未設定)',
    none: '(なし)',
    tenantOnlyIn: (name, id, label) => `テナント "${name}" (${id}): ${label} にのみ存在`,
  },
};
