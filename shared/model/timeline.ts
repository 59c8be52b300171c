/**
 * The timeline of Exchange Online's dated changes (mailflow-model.md, "Time: the evaluation date").
 *
 * Every service setting whose value Microsoft changed on a date is listed here once: the setting,
 * its value before and after, the date, whether the date is exact or only bounded ("in force by
 * 2026-02"), and the source. The engine never reads a clock: it is given the evaluation date and
 * reads the values in force on it from this table. A bounded change takes its "after" value from
 * the first day of its month (so `date` is always that first day) and is shown as "by 2026-02".
 */
import type { EnforcementStage } from './schema';

export type TimelineSetting =
  | 'headerFromCountsForRelay'
  | 'multiRecipientDomainPolicy'
  | 'certDomainMatch'
  | 'minimumInboundTlsVersion'
  | 'outOfDateServerEnforcement.stage'
  | 'ambiguousTenantPolicy';

export interface TimelineChange {
  setting: TimelineSetting;
  before: string | boolean;
  after: string | boolean;
  /** `YYYY-MM-DD`: the first day the "after" value is in force (for a bound, the 1st of the month). */
  date: string;
  /** false: Microsoft gives no day, only a month by which the change was in force. */
  exact: boolean;
  /** What the change is, in English and Japanese, for the date control and the CLI. */
  title: { en: string; ja: string };
  source: { title: string; url: string };
}

/** Oldest first; for one setting, each change's `before` is the previous change's `after`. */
export const TIMELINE: readonly TimelineChange[] = [
  {
    // MC229914 (14 Dec 2020): "We will no longer support TLS 1.0 and TLS 1.1 from Exchange Online
    // mail flow endpoints beginning January 11th 2021"; the Exchange Team blog confirms enforcement
    // started that day and that TLS stays opportunistic (the session continues without TLS).
    setting: 'minimumInboundTlsVersion',
    before: '1.0',
    after: '1.2',
    date: '2021-01-11',
    exact: true,
    title: {
      en: 'Exchange Online stops negotiating TLS 1.0 and 1.1 on its mail flow endpoints',
      ja: 'Exchange Online のメール フロー エンドポイントが TLS 1.0/1.1 のネゴシエートを停止',
    },
    source: {
      title: 'MC229914; "Understanding email scenarios if TLS versions cannot be agreed on with Exchange Online" (Exchange Team blog, January 2021)',
      url: 'https://techcommunity.microsoft.com/blog/exchange/understanding-email-scenarios-if-tls-versions-cannot-be-agreed-on-with-exchange-/2065089',
    },
  },
  {
    // The transport-based enforcement system ran in report-only mode first (Exchange 2007 servers
    // over OnPremises connectors, then every out-of-date version); the blog post of March 2023 was
    // updated by May 2023, when reporting was in place.
    setting: 'outOfDateServerEnforcement.stage',
    before: 'off',
    after: 'report',
    date: '2023-05-01',
    exact: false,
    title: {
      en: 'Exchange Online reports mail from out-of-date on-premises Exchange servers',
      ja: 'Exchange Online が古いオンプレミス Exchange サーバーからのメールをレポート',
    },
    source: {
      title: '"Throttling and Blocking Email from Persistently Vulnerable Exchange Servers to Exchange Online" (Exchange Team blog, 2023)',
      url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/throttling-and-blocking-email-from-persistently-vulnerable/ba-p/3815328',
    },
  },
  {
    // Microsoft removed the P2 (header From) sender domain from the relay conditions "On November 1, 2023".
    setting: 'headerFromCountsForRelay',
    before: true,
    after: false,
    date: '2023-11-01',
    exact: true,
    title: {
      en: 'The header From domain no longer counts for relay through an OnPremises connector',
      ja: '送信元が組織のメール サーバーのコネクタ経由の中継で差出人 (From) ヘッダー のドメインが考慮されなくなる',
    },
    source: {
      title: '"Updated Requirements for SMTP Relay through Exchange Online" (Exchange Team blog, 19 June 2023), as summarised on Microsoft Q&A',
      url: 'https://learn.microsoft.com/en-us/answers/a/11582569',
    },
  },
  {
    // "How to pause throttling and blocking of out-of-date on-premises Exchange Servers" (12 December
    // 2023): "If your out-of-date on-premises connecting servers are getting throttled or blocked,
    // you'll see … 4.7.230 … 5.7.230", so throttling was in force by December 2023.
    setting: 'outOfDateServerEnforcement.stage',
    before: 'report',
    after: 'throttle',
    date: '2023-12-01',
    exact: false,
    title: {
      en: 'Mail from out-of-date on-premises Exchange servers is throttled (450 4.7.230)',
      ja: '古いオンプレミス Exchange サーバーからのメールがスロットリングされる (450 4.7.230)',
    },
    source: {
      title: '"How to pause throttling and blocking of out-of-date on-premises Exchange Servers" (Exchange Team blog, December 2023)',
      url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/how-to-pause-throttling-and-blocking-of-out-of-date-on-premises/ba-p/4007169',
    },
  },
  {
    // "Update on Transport Enforcement System in Exchange Online" (2023) moved the stages to later
    // dates; blocking (550 5.7.230) of Exchange 2013, out of support since 2023-04-11, was reported
    // in February 2024, and by early 2026 every out-of-date version (2016 and 2019 after 2025-10-14)
    // is throttled, then blocked. Microsoft escalates per server; the model keeps one stage.
    setting: 'outOfDateServerEnforcement.stage',
    before: 'throttle',
    after: 'block',
    date: '2024-02-01',
    exact: false,
    title: {
      en: 'Mail from out-of-date on-premises Exchange servers is blocked (550 5.7.230)',
      ja: '古いオンプレミス Exchange サーバーからのメールがブロックされる (550 5.7.230)',
    },
    source: {
      title: '"Update on Transport Enforcement System in Exchange Online" (Exchange Team blog, 2023)',
      url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/update-on-transport-enforcement-system-in-exchange-online/ba-p/3827774',
    },
  },
  {
    // MC1226222 (February 2026) describes today's behaviour; Microsoft gives no date on which the
    // 2017 behaviour of the seed ended, so it is a bound.
    setting: 'multiRecipientDomainPolicy',
    before: 'rejectIfMultipleDomains',
    after: 'acceptIfSameTenant',
    date: '2026-02-01',
    exact: false,
    title: {
      en: 'A relay to several domains of one tenant is accepted (no longer 5.7.64)',
      ja: '1 つのテナントの複数ドメイン宛ての中継が受け付けられる (5.7.64 ではなくなる)',
    },
    source: { title: 'Seed article, point 3; MC1226222 (February 2026)', url: 'https://admin.microsoft.com/#/MessageCenter/:/messages/MC1226222' },
  },
  {
    setting: 'certDomainMatch',
    before: 'wildcardNamespace',
    after: 'oneLabelUp',
    date: '2026-02-01',
    exact: false,
    title: {
      en: "A certificate's domain is found one label up (KB 4019940), not by wildcard namespace",
      ja: '証明書のドメインは 1 つ上のラベルで判定される (KB 4019940)',
    },
    source: { title: 'Seed article, point 2; KB 4019940; MC1226222 (February 2026)', url: 'https://admin.microsoft.com/#/MessageCenter/:/messages/MC1226222' },
  },
  {
    // MC1226222: set-ups where one server's certificate matches connectors of several tenants "may
    // unexpectedly stop working": the service may attribute to either tenant.
    setting: 'ambiguousTenantPolicy',
    before: 'reject',
    after: 'unstable',
    date: '2026-02-01',
    exact: false,
    title: {
      en: 'A certificate matching connectors of several tenants may be attributed to any of them',
      ja: '複数テナントのコネクタに一致する証明書は、いずれのテナントとしても特定されうる',
    },
    source: { title: 'MC1226222 (February 2026)', url: 'https://admin.microsoft.com/#/MessageCenter/:/messages/MC1226222' },
  },
];

/** The settings the timeline decides, at one date. */
export interface TimelineValues {
  headerFromCountsForRelay: boolean;
  multiRecipientDomainPolicy: 'acceptIfSameTenant' | 'rejectIfMultipleDomains';
  certDomainMatch: 'oneLabelUp' | 'exact' | 'anyAncestor' | 'wildcardNamespace';
  minimumInboundTlsVersion: '1.0' | '1.2';
  outOfDateServerEnforcementStage: EnforcementStage;
  ambiguousTenantPolicy: 'reject' | 'firstListed' | 'unstable';
}

const cache = new Map<string, TimelineValues>();

/** The values in force on `date` (`YYYY-MM-DD`; dates compare as strings). */
export function timelineAt(date: string): TimelineValues {
  const hit = cache.get(date);
  if (hit) return hit;
  const value = (setting: TimelineSetting): string | boolean => {
    let v: string | boolean | undefined;
    for (const c of TIMELINE) {
      if (c.setting !== setting) continue;
      if (v === undefined) v = c.before;
      if (c.date <= date) v = c.after;
    }
    return v!;
  };
  const values: TimelineValues = {
    headerFromCountsForRelay: value('headerFromCountsForRelay') as boolean,
    multiRecipientDomainPolicy: value('multiRecipientDomainPolicy') as TimelineValues['multiRecipientDomainPolicy'],
    certDomainMatch: value('certDomainMatch') as TimelineValues['certDomainMatch'],
    minimumInboundTlsVersion: value('minimumInboundTlsVersion') as TimelineValues['minimumInboundTlsVersion'],
    outOfDateServerEnforcementStage: value('outOfDateServerEnforcement.stage') as EnforcementStage,
    ambiguousTenantPolicy: value('ambiguousTenantPolicy') as TimelineValues['ambiguousTenantPolicy'],
  };
  if (cache.size > 1000) cache.clear();
  cache.set(date, values);
  return values;
}

/** How a change's date is shown: exact, or "by 2026-02" for a bound (never as an exact day). */
export function changeDateLabel(change: TimelineChange, lang: 'en' | 'ja' = 'en'): string {
  if (change.exact) return change.date;
  const month = change.date.slice(0, 7);
  return lang === 'ja' ? `${month} までに` : `by ${month}`;
}

/**
 * Support end dates of Exchange Server versions (Microsoft Lifecycle): a version out of support at
 * the evaluation date counts as out of date whatever `upToDate` says. Exchange SE has none.
 */
export const EXCHANGE_END_OF_SUPPORT: Readonly<Record<'2013' | '2016' | '2019' | 'SE', string | null>> = {
  '2013': '2023-04-11',
  '2016': '2025-10-14',
  '2019': '2025-10-14',
  SE: null,
};

/** The date the `2017-12` preset stands for: the seed article (mailflow-model.md, Time). */
export const PRESET_DATES = { '2017-12': '2017-12-15' } as const;

/** The newest date on the timeline: used where a caller gives no run date (never a clock). */
export const TIMELINE_LATEST = TIMELINE.reduce((d, c) => (c.date > d ? c.date : d), '0000-00-00');

/** Days from `a` to `b` (both `YYYY-MM-DD`), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
