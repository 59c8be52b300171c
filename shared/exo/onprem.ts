/**
 * The on-premises side (issue 16): `Get-SendConnector` and `Get-ExchangeCertificate` from the
 * Exchange Management Shell become servers with the certificate each presents to Exchange Online.
 *
 * - Get-SendConnector (https://learn.microsoft.com/powershell/module/exchange/get-sendconnector):
 *   AddressSpaces ("SMTP:*.mail.onmicrosoft.com;1"), SmartHosts, SourceTransportServers,
 *   TlsCertificateName in the `<I>issuer<S>subject` form Set-SendConnector takes, RequireTLS,
 *   CloudServicesMailEnabled (set by the Hybrid Configuration wizard on the connector to Exchange Online).
 * - Get-ExchangeCertificate (https://learn.microsoft.com/powershell/module/exchange/get-exchangecertificate):
 *   Identity "SERVER\THUMBPRINT", Subject, Issuer, CertificateDomains, NotBefore/NotAfter, Services
 *   (IMAP, POP, IIS, SMTP…), Status (Valid, Untrusted, RevocationCheckFailure, Invalid…), IsSelfSigned.
 *
 * Neither cmdlet says a server's public IP address, so a server takes the next single address of
 * the tenant's OnPremises inbound connector, or 0.0.0.0 with a report entry asking for it.
 */
import type { Server, Tenant } from '../model/schema';
import { patterns } from '../model/schema';
import { reportEntry, type ImportEntry, type ImportObjectReport } from './report';
import { Props, asBool, asList, asText, shortValue, type ExoObject } from './values';

export interface ExchangeCertificate {
  server: string | null;
  subject: string;
  issuer: string;
  commonName: string | null;
  domains: string[];
  notBefore: string | null;
  notAfter: string | null;
  smtp: boolean;
  status: string | null;
  selfSigned: boolean;
}

export interface OnPremContext {
  tenant: Tenant;
  certificates: ExchangeCertificate[];
  servers: Server[];
  /** Takes an id unique across the document. */
  takeId(wanted: string): string;
  slug(text: string): string;
  seenName(kind: string, name: string): boolean;
}

/** "CN=mail.contoso.com, O=Contoso, C=JP" → "mail.contoso.com". */
function commonName(distinguished: string): string | null {
  const m = /(?:^|,)\s*CN=([^,]+)/i.exec(distinguished);
  return m ? m[1].trim() : null;
}

/** Distinguished names compare without the spaces after commas, ignoring case (Exchange writes both). */
const sameName = (a: string, b: string) => a.replace(/,\s+/g, ',').toLowerCase() === b.replace(/,\s+/g, ',').toLowerCase();

/** `/Date(1764633600000)/` (Windows PowerShell), ISO 8601 (PowerShell 7, admin API) → YYYY-MM-DD. */
export function asDate(value: unknown): string | null {
  if (typeof value === 'string') {
    const ms = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
    if (ms) return new Date(Number(ms[1])).toISOString().slice(0, 10);
    const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(value);
    if (iso) return iso[1];
  }
  if (value && typeof value === 'object' && 'DateTime' in (value as ExoObject)) return asDate((value as ExoObject).value ?? null);
  return null;
}

const isDomain = (d: string) => patterns.domainOrWildcard.test(d);

export function importExchangeCertificate(p: Props, ctx: OnPremContext): ImportObjectReport {
  const entries: ImportEntry[] = [];
  const identity = asText(p.get('Identity')) ?? '';
  const thumbprint = asText(p.get('Thumbprint')) ?? identity;
  const server = identity.includes('\\') ? identity.split('\\')[0] : (asText(p.get('PSComputerName')) ?? null);
  const subject = asText(p.get('Subject')) ?? '';
  const issuer = asText(p.get('Issuer')) ?? '';
  const domains = asList(p.get('CertificateDomains'))
    .map((d) => (typeof d === 'string' ? d : asText((d as ExoObject | null)?.Address ?? (d as ExoObject | null)?.Domain)))
    .filter((d): d is string => !!d && isDomain(d));
  const services = p.get('Services');
  // ExchangeCertificate's AllowedServices flags: SMTP = 4 (None 0, IMAP 1, POP 2, SMTP 4, IIS 8, UM 16…).
  const smtp = typeof services === 'number' ? (services & 4) !== 0 : /\bSMTP\b/i.test(String(asText(services) ?? asList(services).join(',')));
  const status = asText(p.get('Status'));
  const cert: ExchangeCertificate = {
    server,
    subject,
    issuer,
    commonName: commonName(subject),
    domains,
    notBefore: asDate(p.get('NotBefore')),
    notAfter: asDate(p.get('NotAfter')),
    smtp,
    status,
    selfSigned: asBool(p.get('IsSelfSigned')) === true,
  };
  ctx.certificates.push(cert);
  if (status && status.toLowerCase() !== 'valid') entries.push(reportEntry('Status', status, 'certificate-status'));
  return { name: `${server ? `${server}\\` : ''}${thumbprint}`, entityId: null, outcome: 'imported', entries };
}

/** `<I>issuer<S>subject` → its two names; null when the text has another form. */
export function parseTlsCertificateName(value: string): { issuer: string; subject: string } | null {
  const m = /^<I>(.*)<S>(.*)$/is.exec(value.trim());
  return m ? { issuer: m[1].trim(), subject: m[2].trim() } : null;
}

export function importSendConnector(p: Props, ctx: OnPremContext): ImportObjectReport {
  const entries: ImportEntry[] = [];
  const name = asText(p.get('Name'))?.trim() || '(unnamed send connector)';
  const addressSpaces = asList(p.get('AddressSpaces')).map((a) => asText(typeof a === 'object' && a ? (a as ExoObject).Address ?? (a as ExoObject).Domain : a) ?? '');
  const smartHosts = asList(p.get('SmartHosts')).map((h) => asText(typeof h === 'object' && h ? (h as ExoObject).Address ?? (h as ExoObject).Domain : h) ?? '');
  const requireTls = asBool(p.get('RequireTLS')) === true;
  const cloud = asBool(p.get('CloudServicesMailEnabled')) === true;
  const enabled = asBool(p.get('Enabled')) !== false;
  // A connector to Exchange Online: the wizard's CloudServicesMailEnabled, or an address space of
  // the tenant's *.mail.onmicrosoft.com routing domain, or a smart host in *.mail.protection.outlook.com.
  const toExchangeOnline =
    cloud ||
    addressSpaces.some((a) => /mail\.onmicrosoft\.com/i.test(a)) ||
    smartHosts.some((h) => /\.mail\.protection\.outlook\.com\]?$/i.test(h));
  if (!toExchangeOnline) {
    entries.push(reportEntry('AddressSpaces', shortValue(addressSpaces.join(', ')), 'send-connector-not-to-exo'));
    return { name, entityId: null, outcome: 'skipped', entries };
  }
  const rawCertName = asText(p.get('TlsCertificateName'));
  const certName = rawCertName ? parseTlsCertificateName(rawCertName) : null;
  if (rawCertName && !certName) entries.push(reportEntry('TlsCertificateName', shortValue(rawCertName), 'send-connector-certificate-name'));
  const sources = asList(p.get('SourceTransportServers')).map((s) => asText(typeof s === 'object' && s ? (s as ExoObject).Name : s)).filter((s): s is string => !!s);
  const serverNames = sources.length ? sources : [asText(p.get('Fqdn')) ?? name];
  const ips = onPremisesAddresses(ctx.tenant);
  let firstId: string | null = null;
  for (const serverName of serverNames) {
    if (ctx.seenName('server', serverName)) continue;
    const certificate = pickCertificate(ctx.certificates, serverName, certName);
    if (!certificate && (certName || ctx.certificates.length)) entries.push(reportEntry('TlsCertificateName', shortValue(rawCertName ?? serverName), 'send-connector-certificate-missing'));
    const ip = ips[ctx.servers.length] ?? null;
    if (!ip) entries.push(reportEntry('(server)', serverName, 'server-ip-unknown'));
    const server: Server = {
      id: ctx.takeId(`${ctx.tenant.id}-server-${ctx.slug(serverName) || 'server'}`),
      name: serverName,
      role: 'onPremises',
      ipAddress: ip ?? '0.0.0.0',
      tls: requireTls || !!certificate,
      certificate: certificate ? serverCertificate(certificate) : null,
      comment: `Sends to Exchange Online through the send connector "${name}"${enabled ? '' : ' (disabled)'}`.slice(0, 2000),
    };
    ctx.servers.push(server);
    firstId ??= server.id;
  }
  return { name, entityId: firstId, outcome: 'imported', entries };
}

function serverCertificate(c: ExchangeCertificate): NonNullable<Server['certificate']> {
  const subject = c.commonName && isDomain(c.commonName) ? c.commonName : (c.domains[0] ?? 'unknown.invalid');
  return {
    subject,
    subjectAlternativeNames: c.domains.length ? c.domains : [subject],
    // Exchange reports a certificate whose chain it cannot build as Untrusted; a self-signed one is never trusted by Exchange Online.
    trusted: !c.selfSigned && (c.status ?? 'Valid').toLowerCase() !== 'untrusted',
    chainComplete: (c.status ?? 'Valid').toLowerCase() === 'valid',
    notBefore: c.notBefore,
    notAfter: c.notAfter,
  };
}

/** The certificate the connector names (issuer and subject), on that server when the file says; else the server's SMTP certificate. */
function pickCertificate(certs: readonly ExchangeCertificate[], server: string, name: { issuer: string; subject: string } | null): ExchangeCertificate | null {
  const onServer = (c: ExchangeCertificate) => !c.server || c.server.toLowerCase() === server.split('.')[0].toLowerCase() || c.server.toLowerCase() === server.toLowerCase();
  const candidates = certs.filter(onServer);
  if (name) return candidates.find((c) => sameName(c.issuer, name.issuer) && sameName(c.subject, name.subject)) ?? null;
  return candidates.find((c) => c.smtp) ?? null;
}

/** The single addresses of the tenant's OnPremises inbound connectors, in order. */
function onPremisesAddresses(t: Tenant): string[] {
  return t.inboundConnectors
    .filter((c) => c.connectorType === 'OnPremises')
    .flatMap((c) => c.senderIPAddresses)
    .map((a) => a.replace(/\/32$/, ''))
    .filter((a) => patterns.ipv4.test(a));
}
