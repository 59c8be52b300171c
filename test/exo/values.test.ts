import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIpv4Range } from '../../shared/model/net';
import { asDomainPattern, asEnum, ipEntryToCidrs, rangeToCidrs } from '../../shared/exo/values';
import { ACCEPTED_DOMAIN_TYPE, CONNECTOR_TYPE, RULE_MODE, TO_USER_SCOPE } from '../../shared/exo/cmdlets';

describe('IP ranges to CIDR blocks', () => {
  it('covers exactly the range with aligned blocks that could not be merged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 70000 }), (lo, span) => {
        const hi = Math.min(0xffffffff, lo + span);
        const blocks = rangeToCidrs(lo, hi).map((b) => parseIpv4Range(b)!);
        // Contiguous, starting at lo and ending at hi.
        expect(blocks[0].start).toBe(lo);
        expect(blocks[blocks.length - 1].end).toBe(hi);
        for (let i = 1; i < blocks.length; i++) expect(blocks[i].start).toBe(blocks[i - 1].end + 1);
        // Minimal: no two neighbours of equal size form one aligned block.
        for (let i = 1; i < blocks.length; i++) {
          const [a, b] = [blocks[i - 1], blocks[i]];
          const mergeable = a.prefix === b.prefix && a.prefix > 0 && a.start % 2 ** (33 - a.prefix) === 0;
          expect(mergeable).toBe(false);
        }
        expect(blocks.length).toBeLessThanOrEqual(62);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the range forms Exchange accepts', () => {
    expect(ipEntryToCidrs('192.0.2.0-192.0.2.255')).toEqual({ ok: true, cidrs: ['192.0.2.0/24'], converted: true });
    expect(ipEntryToCidrs('0.0.0.0-255.255.255.255')).toEqual({ ok: true, cidrs: ['0.0.0.0/0'], converted: true });
    expect(ipEntryToCidrs('198.51.100.0/24')).toEqual({ ok: true, cidrs: ['198.51.100.0/24'], converted: false });
    expect(ipEntryToCidrs({ LowerBound: '203.0.113.0', UpperBound: '203.0.113.255', CIDRLength: 24, RangeFormat: 'CIDR' })).toEqual({
      ok: true,
      cidrs: ['203.0.113.0/24'],
      converted: false,
    });
    expect(ipEntryToCidrs('192.0.2.9-192.0.2.3').ok).toBe(false);
    expect(ipEntryToCidrs('2001:db8::/32').ok).toBe(false);
  });
});

describe('enums by name or number', () => {
  it('reads the Exchange numbers and the names, case-insensitively', () => {
    expect([0, 1, 2].map((n) => asEnum(n, ACCEPTED_DOMAIN_TYPE))).toEqual(['Authoritative', 'ExternalRelay', 'InternalRelay']);
    expect([1, 2, '1', 'partner'].map((n) => asEnum(n, CONNECTOR_TYPE))).toEqual(['OnPremises', 'Partner', 'OnPremises', 'Partner']);
    expect(asEnum(0, CONNECTOR_TYPE)).toBeNull();
    expect(asEnum(3, RULE_MODE)).toBe('Enforce');
    expect(asEnum('ExternalNonPartner', TO_USER_SCOPE)).toBe('ExternalNonPartner');
    expect(asEnum('Sometimes', TO_USER_SCOPE)).toBeNull();
  });
});

describe('domain values', () => {
  it('reads strings, AddressSpace text and SmtpDomainWithSubdomains objects', () => {
    expect(asDomainPattern('smtp:*;1')).toBe('*');
    expect(asDomainPattern('smtp:contoso.com;1')).toBe('contoso.com');
    expect(asDomainPattern('*.contoso.com')).toBe('*.contoso.com');
    expect(asDomainPattern({ Domain: 'contoso.com', IncludeSubDomains: false, Address: 'contoso.com' })).toBe('contoso.com');
    expect(asDomainPattern({ Domain: 'contoso.com', IncludeSubDomains: true })).toBe('*.contoso.com');
    expect(asDomainPattern({ Domain: null, IncludeSubDomains: true, Address: '*' })).toBe('*');
    expect(asDomainPattern('<I>CN=Issuer<S>CN=mail.contoso.com')).toBeNull();
  });
});
