/**
 * One glossary for every text the user reads: the renderer locales (and through them the native
 * menu), the engine's event texts, the diagnostics, the import/diff messages, the diagram labels
 * and the analysis texts. Each term has the word Microsoft Japan uses, the Microsoft page it comes
 * from, and the variants it replaces; test/i18n/glossary.test.ts fails when any Japanese text
 * uses a replaced variant. Texts in shared/ take the words from here (`JA.term`).
 */

export interface GlossaryTerm {
  en: string;
  ja: string;
  /** The Microsoft page (Learn ja-jp, a support article or the Japan messaging blog) for the word. */
  source: string;
  /** Variants that must not appear in Japanese text (plain substrings, or patterns). */
  replaces: ReadonlyArray<string | RegExp>;
}

const LEARN = 'https://learn.microsoft.com/ja-jp/exchange';
const CONNECTORS = `${LEARN}/mail-flow-best-practices/use-connectors-to-configure-mail-flow/use-connectors-to-configure-mail-flow`;
const RULE_ACTIONS = `${LEARN}/security-and-compliance/mail-flow-rules/mail-flow-rule-actions`;
const NDR = `${LEARN}/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online`;
const ACCEPTED = `${LEARN}/mail-flow-best-practices/manage-accepted-domains/manage-accepted-domains`;
/** The 2017 Microsoft Japan messaging support blog post the product grew from (docs/spec, seed). */
const SEED = 'https://blogs.technet.microsoft.com/exchangeteamjp/2017/12/07/';
const STYLE = 'https://learn.microsoft.com/ja-jp/globalization/reference/microsoft-style-guides';
/*
 * Sources re-checked against the stored Microsoft Learn ja-jp pages (December 2026): each page below
 * that a term now cites was found and uses the Japanese word. The connectors overview (CONNECTORS)
 * was found only under its TechNet alias (ms.exch.eac.connectorselection, same title); RULE_ACTIONS,
 * the anti-spoofing page, STYLE and the 2017 blog post (SEED) were not in the stored material (the
 * post's text, kept beside the specification, has 遅延受信 and 注意点).
 */
const MAIL_FLOW_RULES = `${LEARN}/security-and-compliance/mail-flow-rules/mail-flow-rules`;
/** Exchange Server's accepted domain procedures: 権限のあるドメイン / 内部の中継ドメイン / 外部の中継ドメイン. */
const ACCEPTED_TYPES = `${LEARN}/mail-flow/accepted-domains/accepted-domain-procedures`;
/** "[接続元]: 組織のメール サーバーを選択します". */
const INBOUND_FAQ = `${LEARN}/mail-flow-best-practices/use-connectors-to-configure-mail-flow/inbound-connector-faq`;
/** "[接続先] で、[パートナー組織] を選択します". */
const PARTNER = `${LEARN}/mail-flow-best-practices/use-connectors-to-configure-mail-flow/set-up-connectors-to-secure-mail-sent-to-partner-organization`;
/** Managing an Exchange 2013 hybrid deployment: "メール トランスポートの集中管理を無効にする". */
const HYBRID_TRANSPORT = 'https://technet.microsoft.com/ja-jp/library/jj200791(v=exchg.150).aspx';

export const GLOSSARY = {
  action: { en: 'action', ja: 'アクション', source: MAIL_FLOW_RULES, replaces: ['処理:', 'ルールの操作', /(?:ルールに(?:は)?|仮の|その|されていない)操作/] },
  enhancedStatusCode: { en: 'enhanced status code', ja: '拡張状態コード', source: NDR, replaces: ['拡張ステータス コード', '拡張ステータスコード'] },
  recipient: { en: 'recipient', ja: '受信者', source: ACCEPTED, replaces: ['宛先'] },
  deferred: { en: 'deferred', ja: '遅延', source: SEED, replaces: ['延期', '保留'] },
  accepted: { en: 'accepted', ja: '受け付け', source: NDR, replaces: ['受理', '受け入れ'] },
  pitfall: { en: 'known pitfall', ja: '注意点', source: SEED, replaces: ['落とし穴'] },
  frontDoor: { en: 'front door', ja: 'Exchange Online の受信段階', source: CONNECTORS, replaces: ['受信口', 'フロント ドア', 'フロントドア'] },
  headerFrom: { en: 'header From', ja: '差出人 (From) ヘッダー', source: 'https://learn.microsoft.com/ja-jp/defender-office-365/anti-spoofing-protection-about', replaces: ['ヘッダー From', /(?<!\()From ヘッダー/] },
  nullSender: { en: 'null sender', ja: '空の送信者 (MAIL FROM:<>)', source: NDR, replaces: ['送信者が空', '空の送信者 (<>)', 'NULL 送信者'] },
  design: { en: 'design', ja: 'トポロジ', source: STYLE, replaces: ['設計図', 'トポロジー'] },
  directSend: { en: 'Direct Send', ja: '直接送信 (Direct Send)', source: `${LEARN}/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365`, replaces: [/(?<!直接送信 \()Direct Send/] },
  centralizedTransport: { en: 'centralized mail transport', ja: 'メール トランスポートの集中管理', source: HYBRID_TRANSPORT, replaces: ['集中メール トランスポート', '集中メール転送', '集中トランスポート', '集約メール配信'] },
  authoritative: { en: 'Authoritative', ja: '権限のあるドメイン', source: ACCEPTED_TYPES, replaces: ['Authoritative ドメイン', '権限ドメイン'] },
  internalRelay: { en: 'InternalRelay', ja: '内部の中継ドメイン', source: ACCEPTED_TYPES, replaces: ['InternalRelay ドメイン', '内部リレー'] },
  onPremises: { en: 'Your organization\'s email server', ja: '組織のメール サーバー', source: INBOUND_FAQ, replaces: ['OnPremises コネクタ', 'OnPremises 受信コネクタ'] },
  partner: { en: 'Partner organization', ja: 'パートナー組織', source: PARTNER, replaces: ['Partner コネクタ'] },
  ipConnector: { en: 'IP address-based connector', ja: 'IP アドレス ベースのコネクタ', source: CONNECTORS, replaces: ['IP コネクタ', 'IP ベースのコネクタ'] },
  certificateConnector: { en: 'certificate-based connector', ja: '証明書ベースのコネクタ', source: CONNECTORS, replaces: ['証明書コネクタ'] },
  attribution: { en: 'attribution', ja: 'テナントの特定', source: CONNECTORS, replaces: ['帰属', 'テナントの判定'] },
  ndr: { en: 'non-delivery report (NDR)', ja: '配信不能レポート (NDR)', source: NDR, replaces: ['不達通知', '配信不能通知'] },
  // The 2017 post says 「テナントへメールが中継されます」; 引き渡し keeps 中継 for relay rights (issue 17, point 3).
  handoff: { en: 'hand-off', ja: '引き渡し', source: SEED, replaces: ['テナント間の中継', /テナントに中継/, /(?:に|へ)中継され/] },
  originating: { en: 'Originating', ja: '組織内から送信 (Originating)', source: CONNECTORS, replaces: ['Originating (送信)'] },
  incoming: { en: 'Incoming', ja: '外部から受信 (Incoming)', source: CONNECTORS, replaces: ['Incoming (受信)', /(?<!外部から)受信 \(Incoming\)/] },
  setHeader: { en: 'Set the message header', ja: 'メッセージ ヘッダーを設定', source: RULE_ACTIONS, replaces: ['ヘッダーを追加'] },
  seedArticle: { en: 'support blog post', ja: 'サポート ブログの記事', source: SEED, replaces: ['サポート技術情報', 'サポート記事'] },
  then2017: { en: 'with the 2017 behaviour it would have been', ja: '2017 年当時の動作であれば', source: SEED, replaces: ['2017 年の動作では'] },
  inspector: { en: 'Properties', ja: 'プロパティ', source: STYLE, replaces: ['インスペクター'] },
  connector: { en: 'connector', ja: 'コネクタ', source: CONNECTORS, replaces: ['コネクター'] },
  server: { en: 'server', ja: 'サーバー', source: STYLE, replaces: [/サーバ(?!ー)/] },
  mailFlowRule: { en: 'mail flow rule', ja: 'メール フロー ルール', source: MAIL_FLOW_RULES, replaces: ['メールフロールール', 'メールフロー ルール'] },
  acceptedDomain: { en: 'accepted domain', ja: '承認済みドメイン', source: ACCEPTED, replaces: ['受け入れドメイン', '承認されたドメイン'] },
  smartHost: { en: 'smart host', ja: 'スマート ホスト', source: CONNECTORS, replaces: ['スマートホスト'] },
  window: { en: 'Window', ja: 'ウィンドウ', source: STYLE, replaces: ['ウインドウ', 'ウインドー'] },
  darkTheme: { en: 'Dark theme', ja: 'ダーク テーマ', source: STYLE, replaces: ['ダークテーマ'] },
  presentation: { en: 'Presentation mode', ja: 'プレゼンテーション モード', source: STYLE, replaces: ['プレゼンテーションモード', '発表モード'] },
} as const satisfies Record<string, GlossaryTerm>;

export type GlossaryKey = keyof typeof GLOSSARY;

/** The Japanese word of each term, for templates: `${JA.handoff}`. */
export const JA: { readonly [K in GlossaryKey]: (typeof GLOSSARY)[K]['ja'] } = Object.fromEntries(
  Object.entries(GLOSSARY).map(([k, v]) => [k, v.ja]),
) as { readonly [K in GlossaryKey]: (typeof GLOSSARY)[K]['ja'] };

/** Every replaced variant found in a Japanese text, as "variant → preferred word". */
export function replacedTerms(text: string): string[] {
  const found: string[] = [];
  for (const term of Object.values(GLOSSARY) as GlossaryTerm[]) {
    for (const v of term.replaces) {
      const hit = typeof v === 'string' ? text.includes(v) : v.test(text);
      if (hit) found.push(`${String(v)} → ${term.ja}`);
    }
  }
  return found;
}
