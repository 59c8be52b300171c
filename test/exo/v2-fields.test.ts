/**
 * Import and PowerShell carry the format-2 fields both ways (issue 14): Comment/Comments,
 * TlsSettings/TlsDomain, IsTransportRuleScoped, SenderAddressLocation, RouteMessageOutboundConnector.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appliedConfigurationFiles, generatePowerShell, importExoFiles } from '../../shared/exo';
import { parseDocumentText } from '../../shared/model/load';

const loaded = parseDocumentText(readFileSync(join(__dirname, '../../examples/centralized-transport.mailflow.json'), 'utf8'));
if (!loaded.ok) throw new Error('invalid example');
const doc = loaded.document;
const contoso = doc.tenants[0];

describe('format-2 fields through PowerShell and back', () => {
  it('the script sets them on New-/Set- cmdlets', () => {
    const r = generatePowerShell(doc, 'contoso');
    if (!r.ok) throw new Error(r.message);
    expect(r.script).toMatch(/IsTransportRuleScoped\s+= \$true/);
    expect(r.script).toMatch(/TlsSettings\s+= 'DomainValidation'/);
    expect(r.script).toMatch(/TlsDomain\s+= 'smtp\.bank\.example'/);
    expect(r.script).toMatch(/RouteMessageOutboundConnector\s+= 'To the bank \(TLS, rule-scoped\)'/);
    expect(r.script).toMatch(/Comment\s+= 'Hybrid Configuration Wizard with centralized mail transport\.'/);
  });

  it('the Get-* objects of the design import back with the same values', () => {
    const files = appliedConfigurationFiles(contoso).map((f) => ({ name: f.name, text: f.text }));
    const r = importExoFiles(files, { tenantName: 'Contoso' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const t = r.document.tenants[0];
    const bank = t.outboundConnectors.find((c) => c.name === 'To the bank (TLS, rule-scoped)')!;
    expect(bank).toMatchObject({ isTransportRuleScoped: true, tlsSettings: 'DomainValidation', tlsDomain: 'smtp.bank.example', enabled: true });
    const central = t.outboundConnectors.find((c) => c.routeAllMessagesViaOnPremises)!;
    expect(central.comment).toBe('Hybrid Configuration Wizard with centralized mail transport.');
    const rule = t.transportRules.find((x) => x.name === 'Mail to the bank goes through its connector')!;
    expect(rule.actions.routeMessageOutboundConnector).toBe(bank.id);
    expect(rule.enabled).toBe(true);
  });
});
