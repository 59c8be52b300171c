/**
 * Words for classes and outcomes, in English and Japanese, shared by `mailflow analyze` and the
 * app's Analyze view: "EX01, MAIL FROM contoso.com, to fabrikam.com: delivered in Fabrikam →
 * rejected 550 5.7.64" (cli.md).
 */
import type { TopologyDocument } from '../model/schema';
import type { Lang } from '../engine/types';
import type { CellOutcome, Category } from './analyze';
import type { RecipientClass, SenderClass, SourceClass } from './classes';

const T = {
  en: {
    from: (d: string) => `MAIL FROM ${d}`,
    external: 'external',
    headerFrom: (d: string) => `MAIL FROM external, header From ${d}`,
    unknown: (d: string) => `${d} (unknown recipient)`,
    internet: 'the Internet',
    mailbox: (t: string) => `cloud mailboxes of ${t}`,
    delivered: (t: string) => `delivered in ${t}`,
    onPremises: (t: string) => `to on-premises via ${t}`,
    internetVia: (t: string) => `to the Internet via ${t}`,
    ndr: (code: string, t: string) => `NDR ${code} from ${t}`,
    deleted: (t: string) => `deleted in ${t}`,
    redirected: (t: string) => `redirected in ${t}`,
    rcptRejected: (code: string) => `refused at RCPT ${code}`,
    rejected: (code: number, enhanced: string) => `rejected ${code} ${enhanced}`,
    deferred: (code: number, enhanced: string) => `deferred ${code} ${enhanced}`,
    unstable: ' (unstable)',
    none: '(no such class)',
    to: 'to',
    categories: { delivered: 'delivered', partial: 'partly delivered', ndr: 'not delivered', rejected: 'rejected', deferred: 'deferred' } as Record<Category, string>,
  },
  ja: {
    from: (d: string) => `MAIL FROM ${d}`,
    external: '外部のドメイン',
    headerFrom: (d: string) => `MAIL FROM は外部のドメイン、差出人 (From) ヘッダーは ${d}`,
    unknown: (d: string) => `${d} (存在しない受信者)`,
    internet: 'インターネット',
    mailbox: (t: string) => `${t} のクラウド メールボックス`,
    delivered: (t: string) => `${t} の受信者に配信`,
    onPremises: (t: string) => `${t} からオンプレミスのサーバーへ送信`,
    internetVia: (t: string) => `${t} からインターネットへ送信`,
    ndr: (code: string, t: string) => `${t} が NDR ${code} を返送`,
    deleted: (t: string) => `${t} のメール フロー ルールで削除`,
    redirected: (t: string) => `${t} のメール フロー ルールでリダイレクト`,
    rcptRejected: (code: string) => `RCPT TO で拒否 (${code})`,
    rejected: (code: number, enhanced: string) => `${code} ${enhanced} で拒否`,
    deferred: (code: number, enhanced: string) => `${code} ${enhanced} で遅延`,
    unstable: ' (テナントの特定が一定しない)',
    none: '(該当なし)',
    to: '受信者',
    categories: { delivered: '配信', partial: '一部の受信者に配信', ndr: '配信不能', rejected: '拒否', deferred: '遅延' } as Record<Category, string>,
  },
} as const;

export function analysisTexts(lang: Lang) {
  return T[lang];
}

function tenantName(doc: TopologyDocument, id: string | null): string {
  if (!id) return '-';
  return doc.tenants.find((t) => t.id === id)?.name ?? id;
}

export function sourceLabel(source: SourceClass, doc: TopologyDocument, lang: Lang): string {
  return source.kind === 'cloudMailbox' ? T[lang].mailbox(tenantName(doc, source.tenantId)) : source.name;
}

export function senderLabel(sender: SenderClass, lang: Lang): string {
  const t = T[lang];
  if (sender.kind === 'null') return t.from('<>');
  if (sender.kind === 'external') return t.from(t.external);
  if (sender.kind === 'headerFrom') return t.headerFrom(sender.domain ?? '');
  return t.from(sender.domain ?? '');
}

/** The sender domain alone (for compact tables): `contoso.com`, `external`, `<>`. */
export function senderShort(sender: SenderClass, lang: Lang): string {
  const t = T[lang];
  if (sender.kind === 'null') return '<>';
  if (sender.kind === 'external') return t.external;
  if (sender.kind === 'headerFrom') return lang === 'ja' ? `${t.external} / 差出人 (From): ${sender.domain}` : `${t.external} / From: ${sender.domain}`;
  return sender.domain ?? '';
}

export function recipientLabel(recipient: RecipientClass, lang: Lang): string {
  const t = T[lang];
  const one = (d: string, owner: string | null) => (owner === null ? t.internet : d);
  if (recipient.kind === 'unknown') return t.unknown(recipient.domains[0]);
  return recipient.domains.map((d, i) => one(d, recipient.tenants[i])).join(' + ');
}

/** One recipient's fate: "delivered in Fabrikam", "NDR 5.7.1 from Contoso". */
function recipientFate(r: CellOutcome['recipients'][number], doc: TopologyDocument, lang: Lang, via: string | null): string {
  const t = T[lang];
  const name = tenantName(doc, r.tenant);
  switch (r.disposition) {
    case 'delivered':
      return t.delivered(name);
    case 'onPremises':
      return t.onPremises(tenantName(doc, via));
    case 'internet':
      return t.internetVia(tenantName(doc, via));
    case 'ndr':
      return t.ndr(r.code, name);
    case 'deleted':
      return t.deleted(name);
    case 'redirected':
      return t.redirected(name);
    case 'rejected':
      return t.rcptRejected(r.code);
    case 'deferred':
      return t.deferred(451, r.code);
  }
}

/** The outcome in words: "delivered in Fabrikam", "rejected 550 5.7.64", or per recipient. */
export function outcomeText(o: CellOutcome | null, doc: TopologyDocument, lang: Lang): string {
  const t = T[lang];
  if (!o) return t.none;
  const suffix = o.unstable ? t.unstable : '';
  if (o.result === 'rejected') return t.rejected(o.smtp.code, o.smtp.enhanced) + suffix;
  if (o.result === 'deferred') return t.deferred(o.smtp.code, o.smtp.enhanced) + suffix;
  const fates = o.recipients.map((r) => recipientFate(r, doc, lang, r.path[r.path.length - 1] ?? null));
  if (fates.every((f) => f === fates[0])) return fates[0] + suffix;
  return o.recipients.map((r, i) => `${r.address}: ${fates[i]}`).join(lang === 'ja' ? '、' : '; ') + suffix;
}

/**
 * A shorter outcome for a matrix cell: several recipients with the same fate in different tenants
 * read "delivered in Contoso, Fabrikam"; other mixes list each distinct fate once, without addresses.
 */
export function outcomeShort(o: CellOutcome, doc: TopologyDocument, lang: Lang): string {
  const t = T[lang];
  if (o.result !== 'accepted' || o.recipients.length < 2) return outcomeText(o, doc, lang);
  const suffix = o.unstable ? t.unstable : '';
  const sameKind = o.recipients.every((r) => r.disposition === o.recipients[0].disposition && r.code === o.recipients[0].code);
  if (sameKind && o.recipients[0].disposition === 'delivered') {
    return t.delivered([...new Set(o.recipients.map((r) => tenantName(doc, r.tenant)))].join(lang === 'ja' ? '、' : ', ')) + suffix;
  }
  const fates = o.recipients.map((r) => recipientFate(r, doc, lang, r.path[r.path.length - 1] ?? null));
  return [...new Set(fates)].join(lang === 'ja' ? '、' : '; ') + suffix;
}
