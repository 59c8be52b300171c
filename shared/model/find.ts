/**
 * Find (Ctrl/Cmd+F): every place a text occurs in the design — names, ids, domains, IP addresses,
 * certificate names, rule conditions and exceptions, comments and notes — as hits the canvas can
 * zoom to. Pure and case-insensitive; hits come in document order (tenants with their children,
 * then servers, then notes), one per entity and field.
 */
import type { TopologyDocument } from './schema';

export type FindField = 'name' | 'id' | 'domain' | 'ip' | 'certificate' | 'condition' | 'comment' | 'smartHost' | 'recipient' | 'note';

export interface FindHit {
  /** The canvas id to zoom to (a tenant, connector, rule, server or note). */
  id: string;
  field: FindField;
  /** The whole value that matched, for the result list. */
  text: string;
}

type Value = string | null | undefined;

export function findInDocument(doc: TopologyDocument, query: string): FindHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: FindHit[] = [];
  const add = (id: string, field: FindField, values: Value | readonly Value[]) => {
    for (const v of Array.isArray(values) ? values : [values]) {
      if (typeof v === 'string' && v.toLowerCase().includes(q)) {
        hits.push({ id, field, text: v });
        return;
      }
    }
  };
  const common = (e: { id: string; name: string; comment?: string }) => {
    add(e.id, 'name', e.name);
    add(e.id, 'id', e.id);
    add(e.id, 'comment', e.comment);
  };
  for (const t of doc.tenants) {
    common(t);
    add(t.id, 'domain', t.acceptedDomains.map((d) => d.domainName));
    add(t.id, 'recipient', t.recipients);
    for (const c of t.inboundConnectors) {
      common(c);
      add(c.id, 'ip', c.senderIPAddresses);
      add(c.id, 'certificate', c.tlsSenderCertificateName);
      add(c.id, 'domain', c.senderDomains);
    }
    for (const c of t.outboundConnectors) {
      common(c);
      add(c.id, 'domain', [...c.recipientDomains, c.tlsDomain]);
      add(c.id, 'smartHost', c.smartHosts);
    }
    for (const r of t.transportRules) {
      common(r);
      // Conditions and exceptions as the values the user typed (domains, scopes, words).
      add(r.id, 'condition', conditionTexts(r.conditions, r.exceptions));
    }
  }
  for (const s of doc.servers) {
    common(s);
    add(s.id, 'ip', s.ipAddress);
    add(s.id, 'certificate', s.certificate ? [s.certificate.subject, ...(s.certificate.subjectAlternativeNames ?? [])] : []);
  }
  for (const n of doc.view?.notes ?? []) add(n.id, 'note', n.text);
  return hits;
}

function conditionTexts(...parts: unknown[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  parts.forEach(walk);
  return out;
}
