import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appliedConfigurationFiles,
  diffTenants,
  generatePowerShell,
  importExoFiles,
  NOT_EVALUATED_SUFFIX,
  psArray,
  psQuote,
  tenantPowerShell,
} from '../../shared/exo';
import { parseDocumentText } from '../../shared/model/load';
import { tenantSchema, type Tenant, type TopologyDocument } from '../../shared/model/schema';
import { fixtureText } from './helpers';

function design(): TopologyDocument {
  const r = parseDocumentText(fixtureText('design.mailflow.json'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.document;
}

/** PowerShell's reading of a single-quoted literal: the quote characters ' ‘ ’ ‚ ‛ end it unless doubled. */
function readPsLiteral(src: string): { value: string; rest: string } {
  const quote = /['\u2018\u2019\u201a\u201b]/;
  if (!quote.test(src[0])) throw new Error('not a single-quoted literal');
  let value = '';
  for (let i = 1; i < src.length; i++) {
    if (quote.test(src[i])) {
      if (i + 1 < src.length && quote.test(src[i + 1])) {
        value += src[i];
        i++;
        continue;
      }
      return { value, rest: src.slice(i + 1) };
    }
    value += src[i];
  }
  throw new Error('unterminated literal');
}

/** A literal, or the `('a' + [char]10 + 'b')` form psQuote uses for control characters. */
function readPsString(src: string): { value: string; rest: string } {
  if (!src.startsWith('(')) return readPsLiteral(src);
  let rest = src.slice(1);
  let value = '';
  for (;;) {
    const char = /^\[char\](0x[0-9A-F]+|\d+)/.exec(rest);
    if (char) {
      value += String.fromCharCode(Number(char[1]));
      rest = rest.slice(char[0].length);
    } else {
      const lit = readPsLiteral(rest);
      value += lit.value;
      rest = lit.rest;
    }
    if (rest.startsWith(' + ')) rest = rest.slice(3);
    else if (rest.startsWith(')')) return { value, rest: rest.slice(1) };
    else throw new Error(`unexpected ${rest.slice(0, 10)}`);
  }
}

/** Re-import what the script would leave in Exchange Online. */
function roundTrip(tenant: Tenant): Tenant {
  const r = importExoFiles(appliedConfigurationFiles(tenant), { tenantName: tenant.name });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.tenant;
}

const byName = <T extends { name: string }>(list: readonly T[]): T[] => [...list].sort((x, y) => x.name.localeCompare(y.name));

/** A tenant without ids, rules in priority order: what must survive the round trip. */
function comparable(t: Tenant) {
  const { id: _id, ...rest } = t;
  void _id;
  return {
    ...rest,
    inboundConnectors: t.inboundConnectors.map(({ id: _x, ...c }) => c),
    outboundConnectors: t.outboundConnectors.map(({ id: _x, ...c }) => c),
    // Rules name their connector by id, which the import makes anew: compare the connector's name.
    transportRules: [...t.transportRules]
      .sort((a, b) => a.priority - b.priority)
      .map(({ id: _x, ...r }) => ({
        ...r,
        // Exchange keeps parameters, not their order: the kept lists compare as sets.
        ...(r.unmodelledConditions ? { unmodelledConditions: byName(r.unmodelledConditions) } : {}),
        actions: {
          ...r.actions,
          ...(r.actions.otherActions ? { otherActions: byName(r.actions.otherActions) } : {}),
          ...(r.actions.routeMessageOutboundConnector
            ? { routeMessageOutboundConnector: t.outboundConnectors.find((c) => c.id === r.actions.routeMessageOutboundConnector)?.name }
            : {}),
        },
      })),
  };
}

describe('quoting', () => {
  it('every string reads back unchanged and the literal ends where it should', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', "'", '‘', '’', '‚', '‛', '"', '$', '`', '(', ')', '+', '\n', '\r', '\u0000', '#', 'é', '日') }), (s) => {
        const quoted = psQuote(s);
        expect(quoted).not.toMatch(/[\r\n]/);
        const { value, rest } = readPsString(quoted + ' -Next');
        expect(value).toBe(s);
        expect(rest).toBe(' -Next');
      }),
    );
    expect(psArray(["O'Brien", 'b'])).toBe("@('O''Brien', 'b')");
    expect(psArray([])).toBe('@()');
  });

  it('a name built to break out of a comment or a string runs nothing', () => {
    const t = design().tenants[0];
    const evil = "x'\r\nRemove-Mailbox -Identity ceo #>\n$(Remove-Item C:\\) ‘";
    const tenant: Tenant = {
      ...t,
      name: evil,
      inboundConnectors: t.inboundConnectors.map((c) => ({ ...c, name: `${c.name}${evil}` })),
      transportRules: t.transportRules.map((r) => ({ ...r, name: `${r.name}${evil}`, actions: { ...r.actions, setHeaderValue: evil } })),
    };
    const script = tenantPowerShell(tenant, evil);
    for (const line of script.split('\n')) {
      expect(line.trimStart().startsWith('Remove-')).toBe(false);
      expect(line.trimStart().startsWith('$(Remove')).toBe(false);
    }
  });
});

describe('the script for a known design', () => {
  it('matches the committed expected script', () => {
    const r = generatePowerShell(design(), 'contoso');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.script).toBe(fixtureText('expected/contoso.ps1'));
  });

  it('supports -WhatIf: every change is behind $PSCmdlet.ShouldProcess', () => {
    const r = generatePowerShell(design(), 'contoso');
    if (!r.ok) throw new Error(r.message);
    const lines = r.script.split('\n');
    expect(lines).toContain('[CmdletBinding(SupportsShouldProcess)]');
    lines.forEach((line, i) => {
      if (/^\s*(New|Set|Enable|Disable)-(InboundConnector|OutboundConnector|TransportRule|AcceptedDomain|OrganizationConfig)\b/.test(line)) {
        expect(lines[i - 1]).toMatch(/\$PSCmdlet\.ShouldProcess\(|^\s*if \(\[string\]\$rule\.State/);
      }
    });
    // Checks what exists before choosing New- or Set-.
    for (const get of ['Get-AcceptedDomain', 'Get-InboundConnector', 'Get-OutboundConnector', 'Get-TransportRule', 'Get-OrganizationConfig']) {
      expect(r.script).toContain(`${get} -ErrorAction SilentlyContinue`);
    }
  });

  it('leaves "[not evaluated]" objects alone and lists accepted domains as manual steps', () => {
    const r = generatePowerShell(design(), 'contoso');
    if (!r.ok) throw new Error(r.message);
    expect(r.script).not.toMatch(/New-TransportRule -Name 'Append legal disclaimer/);
    expect(r.script).toMatch(/# Mail flow rule 'Append legal disclaimer' is left as it is/);
    expect(r.script).toMatch(/1\. contoso\.com \(Authoritative\)/);
    expect(r.script).not.toMatch(/New-AcceptedDomain/);
  });

  it('sets kept actions and conditions under their parameter names and says in a comment which it cannot set', () => {
    const doc = design();
    const t = doc.tenants.find((x) => x.id === 'contoso')!;
    t.transportRules = [
      {
        id: 'r-kept',
        name: 'Tag external',
        priority: 0,
        enabled: true,
        conditions: { fromScope: 'NotInOrganization' },
        actions: { otherActions: [{ name: 'PrependSubject', value: 'EXTERNAL: ' }, { name: 'SetAuditSeverity', value: 'Medium' }, { name: 'ApplyOME' }] },
        unmodelledConditions: [{ name: 'Mode', value: 'Audit' }, { name: 'HeaderMatchesPatterns', value: { odd: 1 } }],
      },
    ];
    const r = generatePowerShell(doc, 'contoso');
    if (!r.ok) throw new Error(r.message);
    const block = r.script.slice(r.script.indexOf("# Mail flow rule 'Tag external'"));
    expect(block).toMatch(/^ {4}PrependSubject += 'EXTERNAL: '$/m);
    expect(block).toMatch(/^ {4}SetAuditSeverity += 'Medium'$/m);
    // The kept Mode replaces the designed Enforce: a hashtable may not hold a key twice.
    expect(block).toMatch(/^ {4}Mode += 'Audit'$/m);
    expect(block).not.toMatch(/'Enforce'/);
    expect(block).toMatch(/# PowerShell cannot be given as text, numbers or lists\): HeaderMatchesPatterns, ApplyOME\./);
  });

  it('a kept action or condition built to break out of the script runs nothing', () => {
    const doc = design();
    const t = doc.tenants.find((x) => x.id === 'contoso')!;
    const hostile = "x'; Remove-Item -Recurse C:\\ #\n\u2019); Stop-Computer #>";
    t.transportRules = [
      {
        id: 'r-hostile',
        name: 'Hostile',
        priority: 0,
        enabled: true,
        conditions: {},
        actions: { otherActions: [{ name: hostile, value: 'v' }, { name: 'PrependSubject', value: hostile }] },
        unmodelledConditions: [{ name: 'HeaderContainsWords', value: [hostile, 'ok'] }],
      },
    ];
    const r = generatePowerShell(doc, 'contoso');
    if (!r.ok) throw new Error(r.message);
    expect(r.script).toMatch(/^[\x20-\x7e\n]*$/);
    // The hostile name only appears inside a comment; the values only inside literals.
    for (const line of r.script.split('\n')) {
      if (line.includes('Remove-Item')) expect(line.trimStart().startsWith('#') || /^ {4}(PrependSubject|HeaderContainsWords) += /.test(line)).toBe(true);
    }
    expect(r.script).not.toMatch(/^\s*Stop-Computer/m);
  });

  it('numbers rules 0, 1, 2 in priority order and says when the design had other numbers', () => {
    const t = design().tenants[0];
    const tenant: Tenant = { ...t, transportRules: t.transportRules.map((r) => ({ ...r, priority: r.priority * 10 })) };
    const script = tenantPowerShell(tenant, 'gaps');
    expect(script).toMatch(/'Tag mail for Fabrikam', priority 1 \(designed priority 10;/);
    expect(script).toMatch(/Priority\s+= 1\n/);
  });

  it('an unknown tenant is an error naming the tenants there are', () => {
    const r = generatePowerShell(design(), 'nope');
    expect(!r.ok && r.message).toMatch(/No tenant "nope".*contoso/);
  });
});

describe('round trip: importing what the script produces gives the same tenant', () => {
  it('for the known design (apart from the "[not evaluated]" rule the script leaves alone)', () => {
    const t = design().tenants[0];
    const back = roundTrip(t);
    const expected = { ...t, transportRules: t.transportRules.filter((r) => !r.name.endsWith(NOT_EVALUATED_SUFFIX)) };
    expect(diffTenants(expected, back).changes).toEqual([]);
    expect(comparable(back)).toEqual(comparable(expected));
  });

  it('for generated designs', () => {
    const label = fc.stringMatching(/^[a-z]{1,8}$/);
    const domainArb = fc.tuple(label, fc.constantFrom('com', 'net', 'jp')).map(([a, b]) => `${a}.${b}`);
    const ipArb = fc
      .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), fc.option(fc.integer({ min: 8, max: 32 }), { nil: undefined }))
      .map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}${p === undefined ? '' : `/${p}`}`);
    const nameArb = fc.string({ minLength: 1, maxLength: 20, unit: fc.constantFrom('a', 'B', ' ', "'", '’', '-', '日') }).filter((s) => s.trim() === s && s.length > 0);
    const tenantArb = fc
      .record({
        domains: fc.uniqueArray(fc.record({ domainName: domainArb, domainType: fc.constantFrom('Authoritative' as const, 'InternalRelay' as const), sub: fc.boolean() }), {
          selector: (d) => d.domainName,
          maxLength: 4,
        }),
        rejectDirectSend: fc.boolean(),
        inbound: fc.uniqueArray(
          fc.record({
            name: nameArb,
            connectorType: fc.constantFrom('OnPremises' as const, 'Partner' as const),
            enabled: fc.boolean(),
            senderIPAddresses: fc.uniqueArray(ipArb, { maxLength: 3 }),
            tlsSenderCertificateName: fc.option(fc.oneof(domainArb, domainArb.map((d) => `*.${d}`)), { nil: null }),
            requireTls: fc.boolean(),
            restrictDomainsToIPAddresses: fc.boolean(),
            restrictDomainsToCertificate: fc.boolean(),
            comment: fc.option(nameArb, { nil: undefined }),
            senderDomains: fc.oneof(fc.constant(['*']), fc.uniqueArray(domainArb, { minLength: 1, maxLength: 2 })),
          }),
          { selector: (c) => c.name.toLowerCase(), maxLength: 3 },
        ),
        outbound: fc.uniqueArray(
          fc.record({
            name: nameArb,
            connectorType: fc.constantFrom('OnPremises' as const, 'Partner' as const),
            enabled: fc.boolean(),
            recipientDomains: fc.uniqueArray(fc.oneof(domainArb, domainArb.map((d) => `*.${d}`), fc.constant('*')), { maxLength: 3 }),
            allAcceptedDomains: fc.boolean(),
            useMXRecord: fc.boolean(),
            smartHosts: fc.uniqueArray(fc.oneof(domainArb, ipArb.filter((x) => !x.includes('/'))), { maxLength: 2 }),
            routeAllMessagesViaOnPremises: fc.boolean(),
            // Format 2 fields (issue 16: every field both ways).
            isTransportRuleScoped: fc.boolean(),
            tlsSettings: fc.option(fc.constantFrom('EncryptionOnly' as const, 'CertificateValidation' as const, 'DomainValidation' as const), { nil: undefined }),
            tlsDomain: fc.option(domainArb, { nil: undefined }),
            comment: fc.option(nameArb, { nil: undefined }),
          }),
          { selector: (c) => c.name.toLowerCase(), maxLength: 3 },
        ),
        rules: fc.uniqueArray(
          fc.record({
            name: nameArb,
            enabled: fc.boolean(),
            sentToScope: fc.option(fc.constantFrom('InOrganization' as const, 'NotInOrganization' as const), { nil: undefined }),
            fromScope: fc.option(fc.constantFrom('InOrganization' as const, 'NotInOrganization' as const), { nil: undefined }),
            recipientDomainIs: fc.option(fc.uniqueArray(domainArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
            exceptIfSenderDomainIs: fc.option(fc.uniqueArray(domainArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
            reject: fc.option(fc.record({ text: nameArb, code: fc.constantFrom('5.7.1', '5.7.901') }), { nil: undefined }),
            deleteMessage: fc.boolean(),
            redirect: fc.option(fc.uniqueArray(label.map((l) => `${l}@contoso.com`), { minLength: 1, maxLength: 2 }), { nil: undefined }),
            header: fc.option(fc.record({ name: fc.constantFrom('X-A', 'X-Tag'), value: nameArb }), { nil: undefined }),
            stop: fc.boolean(),
            senderAddressLocation: fc.option(fc.constantFrom('Envelope' as const, 'HeaderOrEnvelope' as const), { nil: undefined }),
            route: fc.boolean(),
            otherActions: fc.uniqueArray(
              fc.oneof(
                nameArb.map((value) => ({ name: 'PrependSubject', value })),
                fc.constantFrom('Low', 'Medium', 'High').map((value) => ({ name: 'SetAuditSeverity', value })),
                fc.uniqueArray(label.map((l) => `${l}@contoso.com`), { minLength: 1, maxLength: 2 }).map((value) => ({ name: 'BlindCopyTo', value })),
                fc.integer({ min: -1, max: 9 }).map((value) => ({ name: 'SetSCL', value })),
              ),
              { selector: (x) => x.name, maxLength: 3 },
            ),
            unmodelled: fc.uniqueArray(
              fc.oneof(
                fc.constantFrom('Audit', 'AuditAndNotify').map((value) => ({ name: 'Mode', value })),
                fc.uniqueArray(nameArb, { minLength: 1, maxLength: 2 }).map((value) => ({ name: 'SubjectContainsWords', value })),
                fc.constant({ name: 'HasNoClassification', value: true }),
                nameArb.map((value) => ({ name: 'ExceptIfHeaderContainsMessageHeader', value })),
              ),
              { selector: (x) => x.name, maxLength: 2 },
            ),
            comment: fc.option(nameArb, { nil: undefined }),
          }),
          { selector: (r) => r.name.toLowerCase(), maxLength: 4 },
        ),
      })
      .map((g): Tenant => {
        const tenant = {
          id: 'generated',
          name: 'Generated',
          acceptedDomains: g.domains.map((d) => ({ domainName: d.domainName, domainType: d.domainType, matchSubDomains: d.domainType === 'InternalRelay' && d.sub })),
          recipients: [],
          rejectDirectSend: g.rejectDirectSend,
          inboundConnectors: g.inbound.map(({ comment, ...c }, i) => ({ id: `in-${i}`, ...c, ...(comment ? { comment } : {}) })),
          outboundConnectors: g.outbound.map(({ comment, tlsSettings, tlsDomain, isTransportRuleScoped, ...c }, i) => ({
            id: `out-${i}`,
            ...c,
            ...(isTransportRuleScoped ? { isTransportRuleScoped } : {}),
            ...(tlsSettings ? { tlsSettings } : {}),
            ...(tlsDomain ? { tlsDomain } : {}),
            ...(comment ? { comment } : {}),
          })),
          transportRules: g.rules.map((r, i) => ({
            id: `rule-${i}`,
            name: r.name,
            priority: g.rules.length - 1 - i,
            enabled: r.enabled,
            conditions: {
              ...(r.sentToScope ? { sentToScope: r.sentToScope } : {}),
              ...(r.fromScope ? { fromScope: r.fromScope } : {}),
              ...(r.recipientDomainIs ? { recipientDomainIs: r.recipientDomainIs } : {}),
            },
            ...(r.exceptIfSenderDomainIs ? { exceptions: { exceptIfSenderDomainIs: r.exceptIfSenderDomainIs } } : {}),
            actions: {
              ...(r.reject ? { rejectMessageReasonText: r.reject.text, rejectMessageEnhancedStatusCode: r.reject.code } : {}),
              ...(r.deleteMessage ? { deleteMessage: true } : {}),
              ...(r.redirect ? { redirectMessageTo: r.redirect } : {}),
              ...(r.header ? { setHeaderName: r.header.name, setHeaderValue: r.header.value } : {}),
              ...(r.route && g.outbound.length ? { routeMessageOutboundConnector: 'out-0' } : {}),
              ...(r.otherActions.length ? { otherActions: r.otherActions } : {}),
              // A rule needs an action: stop processing when nothing else was drawn.
              ...(r.stop || !(r.reject || r.deleteMessage || r.redirect || r.header) ? { stopRuleProcessing: true } : {}),
            },
            ...(r.senderAddressLocation ? { senderAddressLocation: r.senderAddressLocation } : {}),
            ...(r.unmodelled.length ? { unmodelledConditions: r.unmodelled } : {}),
            ...(r.comment ? { comment: r.comment } : {}),
          })),
        };
        return tenantSchema.parse(tenant);
      });
    fc.assert(
      fc.property(tenantArb, (tenant) => {
        const back = roundTrip(tenant);
        expect(diffTenants(tenant, back).changes).toEqual([]);
        expect(comparable(back)).toEqual(comparable(tenant));
      }),
      { numRuns: 60 },
    );
  });
});
