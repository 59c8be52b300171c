/**
 * The check behind "a Japanese screen or command prints no English": the ASCII words of a text
 * that are not protocol or product names, PowerShell names, addresses, ids, the names of the
 * document's objects or the SMTP replies Exchange Online sends as they are. Used by the CLI test
 * (test/i18n/cli-ja.test.ts) and the e2e test of the Japanese UI (test/e2e/japanese-gallery.spec.ts).
 */
import { simulateScenario } from '../../shared/engine';
import { GLOSSARY } from '../../shared/i18n/glossary';
import type { TopologyDocument } from '../../shared/model/schema';

/** Protocol, product and format names an Exchange administrator reads in Japanese documentation too. */
const ALLOWED = new Set(
  (
    'SMTP TLS NDR MAIL FROM RCPT TO DATA CONNECT EHLO STARTTLS Exchange Online Server SE CU SU IP MX DNS EOP ID HealthChecker ' +
    'Microsoft PowerShell JSON Originating Incoming Direct Send Busy busy MC ATTR P1 P2 NET SChannel OK passed failed ' +
    'onmicrosoft com net org example Office True False CIDR IPv4 IPv6 HTML SaaS SRS Mailflow Studio ' +
    // People of the examples, named in the Japanese scenario names too ("Alice が同僚に送信").
    'Alice Bob ' +
    // Keys as printed on the keyboard (present mode's hints).
    'Space Esc ' +
    // The fictitious companies of Microsoft's documentation, kept in Latin letters in Japanese too.
    'Contoso Fabrikam Litware Northwind ' +
    // PowerShell names the properties panel quotes beside its labels and hints, so the administrator
    // finds them in Exchange Online PowerShell ("TLS 設定 (TlsSettings)", "Exchange Online の Comment").
    'Comment TlsSettings TlsDomain IsTransportRuleScoped SenderAddressLocation RouteMessageOutboundConnector OnPremises Partner ' +
    'UnpatchedOnPremServer true false'
  )
    .split(' ')
    // The Latin words the glossary's own Japanese terms contain ("差出人 (From) ヘッダー").
    .concat(Object.values(GLOSSARY).flatMap((t) => t.ja.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [])),
);

const words = (s: string | undefined): string[] => (s ?? '').match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];

/**
 * What the output may quote from the document: ids, names of its objects, addresses, domains, and
 * the SMTP replies of its runs — but not the title or the scenarios' names and descriptions, which
 * the gallery translates (shared/i18n/gallery.ts).
 */
export function documentWords(doc: TopologyDocument): Set<string> {
  const out = new Set<string>();
  const add = (v: unknown): void => {
    if (typeof v === 'string') words(v).forEach((w) => out.add(w));
    else if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add({ ...doc, title: '', scenarios: doc.scenarios.map(({ name: _n, description: _d, ...s }) => s) });
  for (const s of doc.scenarios) {
    const sim = simulateScenario(doc, s.id, { lang: 'ja' });
    add(sim.smtp.text);
    for (const e of sim.events) {
      add(e.smtp?.text);
      if (e.kind === 'ndr') add(e.data.text);
    }
    if (sim.type === 'message') for (const a of sim.alternatives ?? []) add(a.smtp.text);
  }
  return out;
}

/** ASCII words of the text that are none of the above (PowerShell names are Verb-Noun and -Parameter). */
export function englishWords(text: string, allowed: Set<string>): string[] {
  const prose = text
    .replace(/^\d+ passed, \d+ failed$/m, '')
    .replace(/\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b|\bX-[\w-]+/g, ' ')
    .replace(/(^|\s)-[A-Z][A-Za-z]+/g, ' ')
    .replace(/\S+@\S+|<[^>]*>/g, ' ')
    .replace(/\b[\w-]+(\.[\w-]+)+\b/g, ' ')
    // Rule ids and entity ids (kebab-case), and the engine's own node ids in the event table.
    .replace(/\b[a-z0-9]+(-[a-z0-9]+)+\b/g, ' ')
    .replace(/\b(eop|internet|MC\d+|ATTR\d+)\b/g, ' ');
  const found = new Set<string>();
  // A field path of the format ("conditions.fromScope") is an internal name, not a domain.
  for (const path of text.match(/\b[a-z]+(?:\.[a-z]+[A-Z]\w*)+\b/g) ?? []) found.add(path);
  for (const w of words(prose)) if (!allowed.has(w) && !ALLOWED.has(w) && !/^[A-Z0-9]{1,3}$|^[a-z]$/.test(w)) found.add(w);
  return [...found];
}
