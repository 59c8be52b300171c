import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../cli/commands/diff';
import { importCommand } from '../../cli/commands/import';
import { powershellCommand } from '../../cli/commands/powershell';
import type { ParsedArgs } from '../../cli/types';
import { parseDocumentText, validateDocument } from '../../shared/model/load';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, fixtureBytes, fixtureText, memoryIO } from './helpers';

const ALL = ['accepted-domains.json', 'inbound-connectors.json', 'outbound-connectors.json', 'transport-rules.json', 'organization-config.json'];
const args = (positionals: string[], options: ParsedArgs['options'] = {}): ParsedArgs => ({ positionals, options });
const inputs = (names = ALL) => Object.fromEntries(names.map((n) => [n, fixtureBytes(n)]));

describe('mailflow import', () => {
  it('writes a valid document and prints the report', async () => {
    const m = memoryIO(inputs());
    const code = await importCommand.run(args(ALL, { 'tenant-name': 'Contoso', out: 'contoso.mailflow.json' }), m.io);
    expect(code).toBe(0);
    expect(m.stderr()).toBe('');
    const written = m.files.get('contoso.mailflow.json') as string;
    const loaded = parseDocumentText(written);
    expect(loaded.ok).toBe(true);
    expect(m.stdout()).toMatch(/^Imported tenant "Contoso" \(id contoso\): 6 accepted domain\(s\), 4 inbound connector\(s\)/);
    expect(m.stdout()).toContain('transport-rules.json (Get-TransportRule, 5 object(s))');
    expect(m.stdout()).toContain('Wrote contoso.mailflow.json.');
  });

  it('recognises a Microsoft365DSC export, a Graph snapshot and the on-premises files by their content, whatever their names', async () => {
    const shape = (path: string) => new Uint8Array(readFileSync(join(FIXTURES, '..', 'exo-shapes', path)));
    const m = memoryIO({
      'a.txt': shape('dsc/M365TenantConfig.ps1'),
      'b.txt': shape('onprem/send-connectors.json'),
      'c.txt': shape('onprem/certificates.json'),
    });
    const code = await importCommand.run(args(['a.txt', 'b.txt', 'c.txt'], { 'tenant-name': 'Fabrikam', out: 'f.json' }), m.io);
    expect(code).toBe(0);
    const r = parseDocumentText(m.files.get('f.json') as string);
    if (!r.ok) throw new Error('not written');
    expect(r.document.tenants[0].transportRules.map((x) => x.name)).toContain('Tag external mail');
    expect(r.document.servers.map((x) => x.name)).toEqual(['EX01', 'EX02']);
    const g = memoryIO({ 'snap.json': shape('graph/snapshot.json') });
    expect(await importCommand.run(args(['snap.json'], { 'tenant-name': 'Fabrikam', out: 'g.json' }), g.io)).toBe(0);
  });

  it('--json prints the report as JSON', async () => {
    const m = memoryIO(inputs());
    await importCommand.run(args(ALL, { 'tenant-name': 'Contoso', out: 'o.json', json: true }), m.io);
    const out = JSON.parse(m.stdout());
    expect(out.tenantId).toBe('contoso');
    expect(out.report.files.map((f: { cmdlet: string }) => f.cmdlet)).toEqual([
      'Get-AcceptedDomain',
      'Get-InboundConnector',
      'Get-OutboundConnector',
      'Get-TransportRule',
      'Get-OrganizationConfig',
    ]);
  });

  it('--into adds the tenant to an existing document', async () => {
    const m = memoryIO({ ...inputs(), 'design.mailflow.json': fixtureText('design.mailflow.json') });
    const code = await importCommand.run(
      args(['inbound-connectors.json'], { 'tenant-name': 'Contoso (imported)', out: 'both.json', into: 'design.mailflow.json' }),
      m.io,
    );
    expect(code).toBe(0);
    const r = parseDocumentText(m.files.get('both.json') as string);
    expect(r.ok && r.document.tenants.map((t) => t.name)).toEqual(['Contoso', 'Contoso (imported)']);
    expect(m.files.get('design.mailflow.json')).toBe(fixtureText('design.mailflow.json'));
  });

  it.each([
    [['bad/truncated-rules.json'], /^bad\/truncated-rules\.json: line \d+, column 1: the JSON ends early; expected the output of Get-TransportRule/],
    [['bad/format-list.txt'], /^bad\/format-list\.txt: line 1, column 1: the file is not JSON/],
    [['bad/get-mailbox.json'], /^bad\/get-mailbox\.json: item 1 has none of the properties/],
    [['bad/empty-array.json'], /^bad\/empty-array\.json: the file holds an empty list/],
    [['missing.json'], /^missing\.json: cannot read the file/],
  ])('bad input %s: exit 2, a message naming the file, nothing written', async (names, message) => {
    const m = memoryIO({ ...inputs(), ...Object.fromEntries(names.filter((n) => n !== 'missing.json').map((n) => [n, fixtureBytes(n)])) });
    const code = await importCommand.run(args(['accepted-domains.json', ...names], { 'tenant-name': 'Contoso', out: 'out.json' }), m.io);
    expect(code).toBe(2);
    expect(m.stderr()).toMatch(message);
    expect(m.writes).toEqual([]);
  });

  it('an --into document that is not valid, or a clash with it, writes nothing', async () => {
    const m = memoryIO({ ...inputs(), 'broken.json': '{"format": "mailflow-topology"' });
    expect(await importCommand.run(args(ALL, { 'tenant-name': 'C', out: 'o.json', into: 'broken.json' }), m.io)).toBe(2);
    expect(m.stderr()).toMatch(/^broken\.json: not a valid mailflow-topology document/);
    const first = memoryIO(inputs());
    await importCommand.run(args(ALL, { 'tenant-name': 'Contoso', out: 'o.json' }), first.io);
    const m2 = memoryIO({ ...inputs(), 'o.json': first.files.get('o.json') as string });
    expect(await importCommand.run(args(ALL, { 'tenant-name': 'Again', out: 'o.json', into: 'o.json' }), m2.io)).toBe(2);
    expect(m2.stderr()).toMatch(/already accepted/);
    expect(m2.writes).toEqual([]);
  });

  it('requires --tenant-name, --out and files', async () => {
    for (const a of [args(ALL, { out: 'o.json' }), args(ALL, { 'tenant-name': 'C' }), args([], { 'tenant-name': 'C', out: 'o.json' })]) {
      const m = memoryIO(inputs());
      expect(await importCommand.run(a, m.io)).toBe(2);
      expect(m.stderr()).toMatch(/usage: mailflow import/);
      expect(m.writes).toEqual([]);
    }
  });
});

describe('mailflow powershell', () => {
  it('prints the script; --out writes it with a UTF-8 byte order mark for Windows PowerShell', async () => {
    const m = memoryIO({ 'design.mailflow.json': fixtureText('design.mailflow.json') });
    expect(await powershellCommand.run(args(['design.mailflow.json'], { tenant: 'contoso' }), m.io)).toBe(0);
    expect(m.stdout()).toBe(fixtureText('expected/contoso.ps1'));
    const m2 = memoryIO({ 'design.mailflow.json': fixtureText('design.mailflow.json') });
    expect(await powershellCommand.run(args(['design.mailflow.json'], { out: 'apply.ps1' }), m2.io)).toBe(0);
    expect(m2.files.get('apply.ps1')).toBe('\uFEFF' + fixtureText('expected/contoso.ps1'));
  });

  it('an unknown tenant, or a bad document, is exit 2', async () => {
    const m = memoryIO({ 'design.mailflow.json': fixtureText('design.mailflow.json'), 'bad.json': '[]' });
    expect(await powershellCommand.run(args(['design.mailflow.json'], { tenant: 'fabrikam' }), m.io)).toBe(2);
    expect(m.stderr()).toMatch(/No tenant "fabrikam"/);
    expect(await powershellCommand.run(args(['bad.json'], { tenant: 'contoso' }), m.io)).toBe(2);
    expect(m.writes).toEqual([]);
  });
});

describe('mailflow diff', () => {
  async function importDoc(tenantName: string) {
    const m = memoryIO(inputs());
    await importCommand.run(args(ALL, { 'tenant-name': tenantName, out: 'o.json' }), m.io);
    return m.files.get('o.json') as string;
  }

  it('exit 0 and "no differences" for the same tenant imported twice', async () => {
    const m = memoryIO({ 'a.json': await importDoc('Contoso'), 'b.json': await importDoc('Contoso') });
    expect(await diffCommand.run(args(['a.json', 'b.json']), m.io)).toBe(0);
    expect(m.stdout()).toMatch(/no differences\.\n$/);
  });

  it('exit 1 with the differences, in text and JSON', async () => {
    const a = await importDoc('Contoso');
    const doc = JSON.parse(a);
    doc.tenants[0].inboundConnectors[0].requireTls = false;
    const [dropped] = doc.tenants[0].transportRules.splice(0, 1);
    delete doc.view.positions[dropped.id];
    expect(validateDocument(doc).ok).toBe(true);
    const m = memoryIO({ 'a.json': a, 'b.json': JSON.stringify(doc) });
    expect(await diffCommand.run(args(['a.json', 'b.json'], { tenant: 'contoso' }), m.io)).toBe(1);
    expect(m.stdout()).toContain('    requireTls: true → false');
    expect(m.stdout()).toContain('- mail flow rule "Block mail to outside recipients": only in a.json');
    const j = memoryIO({ 'a.json': a, 'b.json': JSON.stringify(doc) });
    expect(await diffCommand.run(args(['a.json', 'b.json'], { json: true }), j.io)).toBe(1);
    const out = JSON.parse(j.stdout());
    expect(out.identical).toBe(false);
    expect(out.tenants[0].changes).toHaveLength(2);
  });

  it('pairs tenants by name across documents with several, and lists unpaired ones', async () => {
    const a = JSON.parse(await importDoc('Contoso'));
    const design = JSON.parse(fixtureText('design.mailflow.json'));
    // The imported tenant is version 2 (it may carry comments), so the combined file is too.
    const both = { ...design, version: 2, tenants: [...design.tenants, { ...a.tenants[0], id: 'imported', name: 'Imported', acceptedDomains: [] }], view: undefined };
    const m = memoryIO({ 'a.json': JSON.stringify(a), 'b.json': JSON.stringify(both) });
    expect(await diffCommand.run(args(['a.json', 'b.json']), m.io)).toBe(1);
    expect(m.stdout()).toContain('+ tenant "Imported" (imported): only in b.json');
  });

  it('bad input is exit 2', async () => {
    const m = memoryIO({ 'a.json': await importDoc('Contoso') });
    expect(await diffCommand.run(args(['a.json', 'nope.json']), m.io)).toBe(2);
    expect(m.stderr()).toMatch(/^nope\.json: cannot read the file/);
    expect(await diffCommand.run(args(['a.json']), m.io)).toBe(2);
    expect(await diffCommand.run(args(['a.json', 'a.json'], { tenant: 'fabrikam' }), m.io)).toBe(2);
  });
});

describe('through the CLI entry point', () => {
  it('parses --tenant-name, --out and --json for these commands', async () => {
    const { runCli, COMMANDS } = await import('../../cli/main');
    const commands = [...COMMANDS, importCommand, powershellCommand, diffCommand];
    const m = memoryIO(inputs());
    const code = await runCli(['import', '--tenant-name', 'Contoso Ltd', ...ALL, '--out=c.json', '--json'], m.io, commands);
    expect(code).toBe(0);
    expect(JSON.parse(m.stdout()).tenantId).toBe('contoso-ltd');
    const ps = memoryIO({ 'c.json': m.files.get('c.json') as string });
    expect(await runCli(['powershell', 'c.json', '--tenant', 'contoso-ltd'], ps.io, commands)).toBe(0);
    expect(ps.stdout()).toMatch(/^<#\n\.SYNOPSIS\n {4}Applies the Mailflow Studio design of tenant 'Contoso Ltd'/);
  });
});
