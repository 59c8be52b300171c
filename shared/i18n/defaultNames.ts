/**
 * Names given to new objects and to a new document, in the UI's language ("テナント 1",
 * "無題のトポロジ"). Ids stay ASCII ("tenant-1") in every language; only names are words.
 */
import type { Lang } from './languages';

export interface DefaultNames {
  untitled: string;
  tenant: (n: number) => string;
  server: (n: number) => string;
  externalSender: (n: number) => string;
  inbound: string;
  outbound: string;
  rule: string;
}

export const DEFAULT_NAMES: Readonly<Record<Lang, DefaultNames>> = {
  en: {
    untitled: 'Untitled topology',
    tenant: (n) => `Tenant ${n}`,
    server: (n) => `Server ${n}`,
    externalSender: (n) => `External sender ${n}`,
    inbound: 'Inbound connector',
    outbound: 'Outbound connector',
    rule: 'Mail flow rule',
  },
  ja: {
    untitled: '無題のトポロジ',
    tenant: (n) => `テナント ${n}`,
    server: (n) => `サーバー ${n}`,
    externalSender: (n) => `外部の送信者 ${n}`,
    inbound: '受信コネクタ',
    outbound: '送信コネクタ',
    rule: 'メール フロー ルール',
  },
};
