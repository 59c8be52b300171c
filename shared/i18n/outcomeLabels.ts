/**
 * The words for a run's outcome in each language — results, recipient dispositions, SMTP stages,
 * attribution keys and directions, event kinds, diagnostic severities, the hour table's headers —
 * for the CLI's human output and the "what differed" lines of check. The renderer shows the same
 * words from its locale files (playback.kinds, playback.results, playback.outcome.disposition).
 * JSON output keeps the machine values.
 */
import type { Lang } from './languages';
import { JA } from './glossary';

type Words = Readonly<Record<string, string>>;

/** The Japanese words (the exported diagram's recipient lines use the dispositions too). */
export const JA_OUTCOME_WORDS = {
  result: { accepted: '受け付け', rejected: '拒否', deferred: '遅延' },
  disposition: {
    delivered: '配信',
    onPremises: 'オンプレミスへ',
    internet: 'インターネットへ',
    ndr: 'NDR',
    deleted: '削除',
    redirected: 'リダイレクト',
    rejected: '拒否',
    deferred: '遅延',
  },
  stage: { connect: 'CONNECT', mail: 'MAIL FROM', rcpt: 'RCPT TO', data: 'DATA' },
  direction: { originating: JA.originating, incoming: JA.incoming },
  key: {
    certificate: '証明書',
    mailFrom: 'MAIL FROM のドメイン',
    headerFrom: `${JA.headerFrom}のドメイン`,
    rcptTo: '受信者のドメイン',
    recipientTenant: '受信者のテナント',
    cloudMailbox: 'クラウド メールボックス',
  },
  kind: {
    connect: '接続',
    tls: 'TLS',
    certificateExpired: '証明書の期限切れ',
    enforcement: '古いサーバー',
    unstable: 'テナントの特定が不安定',
    throttle: 'IP スロットリング',
    connectorMatch: 'コネクタの照合',
    certificateCheck: '証明書の確認',
    attribution: JA.attribution,
    rcptRejected: '受信者の拒否',
    reject: '拒否',
    accepted: '受け付け',
    rule: 'メール フロー ルール',
    ruleSkipped: '適用されないルール',
    handoff: JA.handoff,
    deliver: '配信',
    outbound: '送信',
    ndr: 'NDR',
  },
  severity: { error: 'エラー', warning: '警告', info: '情報' },
  hour: { hour: '時間', offered: '提示', accepted: '受け付け', deferred: '遅延', queued: 'キュー', expired: '期限切れ', rejected: '拒否', threshold: 'しきい値' },
} as const satisfies Record<string, Words>;

export type OutcomeVocabulary = keyof typeof JA_OUTCOME_WORDS;

/** The word for a machine value in a language; English (and anything unknown) shows the value itself. */
export function outcomeWord(kind: OutcomeVocabulary, value: string, lang: Lang): string {
  if (lang !== 'ja') return value;
  const words: Words = JA_OUTCOME_WORDS[kind];
  return words[value] ?? value;
}

/** The human summary lines of the CLI in Japanese (English keeps its historical lines). */
export const CLI_JA = {
  smtp: (reply: string, stage: string, result: string) => `SMTP 応答: ${reply} (段階: ${stage}) → ${result}`,
  attribution: (tenant: string, direction: string, key: string, connector: string | null) =>
    `テナントの特定: ${tenant} (${direction}、判定に使われた情報: ${key}${connector ? `、コネクタ: ${connector}` : ''})`,
  unstable: '不安定: Exchange Online は次のいずれかのテナントを選ぶ可能性があります (MC1226222)',
  pass: '合格',
  fail: '不合格',
  guard: 'ガード',
  checkSummary: (passed: string, failed: string) => `合格 ${passed} 件、不合格 ${failed} 件`,
  lintSummary: (errors: string, warnings: string, infos: string) => `エラー ${errors} 件、警告 ${warnings} 件、情報 ${infos} 件`,
} as const;
