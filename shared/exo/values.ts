/**
 * The value shapes Exchange Online PowerShell objects take after `ConvertTo-Json`.
 *
 * The same property can arrive in several shapes depending on the module version (remote
 * PowerShell in EXO V1/V2, REST in V3), the PowerShell edition and the `-Depth` given:
 * - enums as names ("OnPremises") or as their numbers (1);
 * - multi-valued properties as plain arrays, or wrapped as `{"value": [...], "Count": n}` (Windows
 *   PowerShell 5.1 serialises arrays that carry extra type data that way);
 * - Exchange value types as their ToString() text ("smtp:*;1", "*.contoso.com",
 *   "192.0.2.1-192.0.2.10") or, with enough depth, as objects ({"Domain": "contoso.com",
 *   "IncludeSubDomains": false, "Address": "contoso.com"}).
 */
import { intToIpv4, ipv4ToInt, isDomain, isDomainOrWildcard } from '../model/net';
import { patterns } from '../model/schema';

export type ExoObject = Record<string, unknown>;

/** Property lookup ignoring case, as PowerShell does. */
export class Props {
  private readonly byLower = new Map<string, string>();
  readonly used = new Set<string>();

  constructor(readonly raw: ExoObject) {
    for (const key of Object.keys(raw)) this.byLower.set(key.toLowerCase(), key);
  }

  has(name: string): boolean {
    return this.byLower.has(name.toLowerCase());
  }

  /** The value of a property (undefined when absent), without marking it as read. */
  peek(name: string): unknown {
    const key = this.byLower.get(name.toLowerCase());
    return key === undefined ? undefined : this.raw[key];
  }

  /** The value of a property (undefined when absent); marks it as read. */
  get(name: string): unknown {
    const key = this.byLower.get(name.toLowerCase());
    if (key === undefined) return undefined;
    this.used.add(key);
    return this.raw[key];
  }

  /** Keys in the order the file has them. */
  keys(): string[] {
    return Object.keys(this.raw);
  }
}

/** `{"value": [...], "Count": n}` → its array; a single value → a list of one; null → []. */
export function asList(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') {
    const o = value as ExoObject;
    const inner = o.value ?? o.Value;
    if (Array.isArray(inner)) return inner;
  }
  if (typeof value === 'string' && value === '') return [];
  return [value];
}

/** A value that says nothing: null, "", an empty list (in either shape), false. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') {
    const o = value as ExoObject;
    const inner = o.value ?? o.Value;
    if (Array.isArray(inner)) return inner.length === 0;
    return Object.keys(o).length === 0;
  }
  return false;
}

export function asBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (/^(true|\$true)$/i.test(value)) return true;
    if (/^(false|\$false)$/i.test(value)) return false;
  }
  if (typeof value === 'number') return value !== 0;
  return null;
}

export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * An enum given by name or number. `names[n]` is the name of value n (holes for numbers that are
 * not defined). Returns the canonical spelling, or null when the value is neither.
 */
export function asEnum<T extends string>(value: unknown, names: Readonly<Record<number, T>>): T | null {
  if (typeof value === 'number' && Number.isInteger(value)) return names[value] ?? null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed)) return names[Number(trimmed)] ?? null;
    for (const name of Object.values(names)) if (name.toLowerCase() === trimmed.toLowerCase()) return name;
    return null;
  }
  // Some serialisations give an enum as {"value": 1, "Value": "OnPremises"}-like objects.
  if (value && typeof value === 'object') {
    const o = value as ExoObject;
    for (const k of ['Value', 'value', 'Name', 'name']) {
      if (k in o && o[k] !== value) {
        const r = asEnum(o[k], names);
        if (r) return r;
      }
    }
  }
  return null;
}

/** A short, single-line rendering of a value for the import report. */
export function shortValue(value: unknown, max = 80): string {
  let text: string;
  if (value === undefined) text = '(absent)';
  else if (typeof value === 'string') text = value;
  else {
    const list = Array.isArray(value) ? value : null;
    if (list && list.every((x) => typeof x === 'string' || typeof x === 'number')) text = list.join(', ');
    else text = JSON.stringify(value) ?? String(value);
  }
  text = text.replace(/[\r\n\t]+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Domains

/**
 * One domain entry of a domain list: `SmtpDomainWithSubdomains` ("contoso.com", "*.contoso.com",
 * {"Domain": "contoso.com", "IncludeSubDomains": true, "Address": "*.contoso.com"}), or an
 * `AddressSpace` as Get-InboundConnector shows SenderDomains ("smtp:*;1", "smtp:contoso.com;1":
 * type, address, cost). Returns "*", "*.x.com" or "x.com", or null when it is none of these.
 */
export function asDomainPattern(value: unknown): string | null {
  if (typeof value === 'string') {
    let s = value.trim();
    const addressSpace = /^smtp:(.*?)(?:;\d+)?$/i.exec(s);
    if (addressSpace) s = addressSpace[1];
    if (s === '*') return '*';
    return isDomainOrWildcard(s) ? s : null;
  }
  if (value && typeof value === 'object') {
    const o = value as ExoObject;
    const include = asBool(o.IncludeSubDomains ?? o.includeSubDomains) === true;
    const domainField = o.Domain ?? o.domain;
    const domain =
      typeof domainField === 'string'
        ? domainField
        : domainField && typeof domainField === 'object'
          ? asText((domainField as ExoObject).Domain ?? (domainField as ExoObject).Address)
          : null;
    if (domain && isDomain(domain)) return include ? `*.${domain}` : domain;
    const address = o.Address ?? o.address;
    if (typeof address === 'string') return asDomainPattern(address);
    if (include && (domain === null || domain === '')) return '*';
  }
  return null;
}

/** A plain domain (no wildcard), as rule conditions take them. */
export function asPlainDomain(value: unknown): string | null {
  const d = asDomainPattern(value);
  return d && d !== '*' && !d.startsWith('*.') ? d : null;
}

/**
 * TlsSenderCertificateName: "*.contoso.com", "mail.contoso.com", or {"Domain": ..., "IncludeSubDomains": ...}.
 * The issuer/subject form "<I>issuer<S>subject" is not a name the format can hold: null.
 */
export function asCertificateName(value: unknown): string | null {
  const d = asDomainPattern(value);
  return d && d !== '*' ? d : null;
}

export function isEmail(value: string): boolean {
  return patterns.email.test(value);
}

// ---------------------------------------------------------------------------------------------
// IP addresses

/** Why an IP entry cannot be carried over (the report's reason code; `reason` is its English text). */
export type IpProblem = 'ip-not-an-address' | 'ip-ipv6' | 'ip-range-ends-not-ipv4' | 'ip-range-reversed' | 'ip-not-ipv4';

export type IpEntry = { ok: true; cidrs: string[]; converted: boolean } | { ok: false; code: IpProblem; reason: string };

/**
 * One SenderIPAddresses entry → IPv4 addresses / CIDR blocks the format holds. Exchange accepts a
 * single address, a CIDR block or a range "a-b" (New-InboundConnector, SenderIPAddresses); a range
 * that is not one CIDR block becomes the smallest list of blocks covering exactly the range.
 * IPv6 is not part of format version 1.
 */
export function ipEntryToCidrs(value: unknown): IpEntry {
  const text = ipText(value);
  if (text === null) return { ok: false, code: 'ip-not-an-address', reason: 'not an IP address, CIDR block or range' };
  const s = text.trim();
  if (s.includes(':')) return { ok: false, code: 'ip-ipv6', reason: 'an IPv6 address; format version 1 models IPv4 only' };
  if (patterns.ipv4OrCidr.test(s)) return { ok: true, cidrs: [s], converted: false };
  const range = /^(\S+?)\s*-\s*(\S+)$/.exec(s);
  if (range) {
    const lo = ipv4ToInt(range[1]);
    const hi = ipv4ToInt(range[2]);
    if (lo === null || hi === null) return { ok: false, code: 'ip-range-ends-not-ipv4', reason: 'a range whose ends are not both IPv4 addresses' };
    if (lo > hi) return { ok: false, code: 'ip-range-reversed', reason: 'a range whose first address is after its last' };
    return { ok: true, cidrs: rangeToCidrs(lo, hi), converted: true };
  }
  return { ok: false, code: 'ip-not-ipv4', reason: 'not an IPv4 address, CIDR block or range' };
}

function ipText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    // Microsoft.Exchange.Data.IPRange serialised deeply: LowerBound/UpperBound (+ CIDRLength, RangeFormat).
    const o = value as ExoObject;
    const lower = addressText(o.LowerBound);
    const upper = addressText(o.UpperBound);
    if (lower && upper) {
      const cidr = typeof o.CIDRLength === 'number' ? o.CIDRLength : null;
      const format = asText(o.RangeFormat);
      if (lower === upper) return lower;
      if (cidr !== null && (format === null || /cidr|2/i.test(format))) return `${lower}/${cidr}`;
      return `${lower}-${upper}`;
    }
    for (const k of ['Expression', 'IPRange', 'Address', 'value', 'Value']) {
      if (typeof o[k] === 'string') return o[k] as string;
    }
  }
  return null;
}

function addressText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as ExoObject;
    if (typeof o.IPAddressToString === 'string') return o.IPAddressToString;
    if (typeof o.Address === 'number') {
      // System.Net.IPAddress.Address is the IPv4 address in network order read as little-endian.
      const n = o.Address >>> 0;
      return intToIpv4(((n & 255) << 24 >>> 0) + ((n >>> 8) & 255) * 65536 + ((n >>> 16) & 255) * 256 + (n >>> 24));
    }
  }
  return null;
}

/** The minimal list of CIDR blocks covering exactly lo..hi (unsigned 32-bit integers). */
export function rangeToCidrs(lo: number, hi: number): string[] {
  const out: string[] = [];
  let start = lo;
  while (start <= hi) {
    // The largest block aligned at `start` that does not run past `hi`.
    let size = 32;
    while (size > 0) {
      const prefix = size - 1;
      const blockLen = 2 ** (32 - prefix);
      if (start % blockLen !== 0 || start + blockLen - 1 > hi) break;
      size = prefix;
    }
    out.push(size === 32 ? intToIpv4(start) : `${intToIpv4(start)}/${size}`);
    start += 2 ** (32 - size);
  }
  return out;
}
