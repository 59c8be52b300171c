/**
 * Addresses, domains and IPv4 ranges: parsing and comparison.
 *
 * Every comparison here is case-insensitive, as Exchange Online compares domains, addresses and
 * certificate names (mailflow-model.md, "Terms"). Callers keep the user's spelling for output and
 * use these helpers only to compare.
 */

/** A DNS name of two or more labels: letters, digits and hyphens, no leading or trailing hyphen. */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN_RE = new RegExp(`^(?:${LABEL}\\.)+${LABEL}$`, 'i');
/** The local part of an address: printable characters without spaces, `@` or angle brackets. */
const LOCAL_RE = /^[^\s@<>"(),;:\\[\]]{1,64}$/;

export const NULL_SENDER = '<>';

export function isDomain(value: string): boolean {
  return value.length <= 253 && DOMAIN_RE.test(value);
}

/** `*.x.com` (a wildcard namespace) or a plain domain. */
export function isDomainOrWildcard(value: string): boolean {
  return value.startsWith('*.') ? isDomain(value.slice(2)) : isDomain(value);
}

/** Connector domain lists (`recipientDomains`, `senderDomains`) also accept `*` for every domain. */
export function isDomainPattern(value: string): boolean {
  return value === '*' || isDomainOrWildcard(value);
}

export function isEmailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  return LOCAL_RE.test(value.slice(0, at)) && isDomain(value.slice(at + 1));
}

/** The lower-cased domain of an address, or null for the null sender `<>`. */
export function domainOf(address: string): string | null {
  if (address === NULL_SENDER) return null;
  const at = address.lastIndexOf('@');
  return at < 0 ? null : address.slice(at + 1).toLowerCase();
}

export function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** `a.b.c` → `b.c`; a name of two labels has no parent that is still a domain. */
export function parentDomain(name: string): string | null {
  const dot = name.indexOf('.');
  if (dot < 0) return null;
  const rest = name.slice(dot + 1);
  return rest.includes('.') ? rest : null;
}

/** The name itself, then each parent that still has two labels: `a.b.c.d` → `a.b.c.d`, `b.c.d`, `c.d`. */
export function selfAndAncestors(name: string): string[] {
  const out: string[] = [];
  for (let n: string | null = name.toLowerCase(); n; n = parentDomain(n)) out.push(n);
  return out;
}

/**
 * Does a domain pattern (`*`, `*.x.com` or `x.com`) cover a domain? `*.x.com` covers `x.com` and every
 * name ending in `.x.com`, as New-InboundConnector's `TlsSenderCertificateName` and the connector domain
 * lists do (mailflow-model.md step 2).
 */
export function patternCovers(pattern: string, domain: string): boolean {
  const p = pattern.toLowerCase();
  const d = domain.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) {
    const base = p.slice(2);
    return d === base || d.endsWith('.' + base);
  }
  return p === d;
}

/** How specific a pattern is, for "exact, then wildcard, then `*`" choices. Higher wins. */
export function patternSpecificity(pattern: string): number {
  if (pattern === '*') return 0;
  if (pattern.startsWith('*.')) return 1 + pattern.length;
  return 10_000 + pattern.length;
}

// ---------------------------------------------------------------------------------------------
// IPv4

export interface Ipv4Range {
  /** First address as an unsigned 32-bit integer. */
  start: number;
  /** Prefix length, 0–32. */
  prefix: number;
  /** Last address as an unsigned 32-bit integer. */
  end: number;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

export function isIpv4(value: string): boolean {
  return IPV4_RE.test(value);
}

export function ipv4ToInt(value: string): number | null {
  const m = IPV4_RE.exec(value);
  if (!m) return null;
  return ((+m[1] << 24) >>> 0) + (+m[2] << 16) + (+m[3] << 8) + +m[4];
}

export function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The mask of a prefix length as an unsigned integer (`/0` → 0, `/32` → 0xffffffff). */
export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * Parses a single address (`203.0.113.10`, a /32) or a CIDR block (`198.51.100.0/24`). The network
 * part is masked, so `198.51.100.7/24` covers the same block as `198.51.100.0/24`, as Exchange
 * normalises it. Returns null for anything else (ranges `a-b` are not part of format version 1).
 */
export function parseIpv4Range(value: string): Ipv4Range | null {
  const slash = value.indexOf('/');
  const addr = slash < 0 ? value : value.slice(0, slash);
  const base = ipv4ToInt(addr);
  if (base === null) return null;
  let prefix = 32;
  if (slash >= 0) {
    const p = value.slice(slash + 1);
    if (!/^(\d|[12]\d|3[0-2])$/.test(p)) return null;
    prefix = Number(p);
  }
  const mask = prefixMask(prefix);
  const start = (base & mask) >>> 0;
  const end = (start | (~mask >>> 0)) >>> 0;
  return { start, prefix, end };
}

export function isIpv4OrCidr(value: string): boolean {
  return parseIpv4Range(value) !== null;
}

export function rangeContains(range: Ipv4Range, ip: number): boolean {
  return ip >= range.start && ip <= range.end;
}

export function rangesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}
