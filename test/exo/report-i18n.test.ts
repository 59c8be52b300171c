import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../cli/commands/diff';
import { importCommand } from '../../cli/commands/import';
import type { ParsedArgs } from '../../cli/types';
import {
  IMPORT_REASONS,
  importPropertyText,
  PROPERTY_NOTES,
  diffTenants,
  formatImportReport,
  formatTenantDiff,
  importExoFiles,
  reasonText,
  type ImportEntry,
  type ImportReasonCode,
  type ImportReport,
} from '../../shared/exo';
import { parseDocumentText } from '../../shared/model/load';
import { fixture, fixtureBytes, fixtureText, memoryIO } from './helpers';

const ALL = ['accepted-domains.json', 'inbound-connectors.json', 'outbound-connectors.json', 'transport-rules.json', 'organization-config.json'];
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function importAll(): ImportReport {
  const result = importExoFiles(ALL.map(fixture), { tenantName: 'Contoso' });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.report;
}

const entriesOf = (report: ImportReport): ImportEntry[] => report.files.flatMap((f) => f.objects.flatMap((o) => o.entries));

describe('the import report in Japanese', () => {
  it('has the same lines as the English report, with Japanese summary and reasons', () => {
    const report = importAll();
    const en = formatImportReport(report, 'en').split('\n');
    const ja = formatImportReport(report, 'ja').split('\n');
    expect(report.counts.entries).toBeGreaterThan(10);
    expect(ja).toHaveLength(en.length);
    expect(ja[0]).toContain('承認済みドメイン 6 個');
    expect(ja[0]).toContain('受信コネクタ 4 個');
    expect(ja[0]).toContain('メール フロー ルール');
    // Entry lines keep property and value, language-free, and only the reason changes language.
    const entryLines = en.map((line, i) => [line, ja[i]] as const).filter(([line]) => line.startsWith('    '));
    expect(entryLines).toHaveLength(report.counts.entries);
    for (const [enLine, jaLine] of entryLines) {
      // The import's pseudo-properties ("(rule)") are words and are translated; real ones stay.
      const property = enLine.slice(0, enLine.indexOf(' = ') + 3).replace(/\S.*(?= = )/, (p) => importPropertyText(p, 'ja'));
      expect(jaLine.startsWith(property), jaLine).toBe(true);
      expect(jaLine.slice(jaLine.indexOf(': ', property.length) + 2), jaLine).toMatch(JAPANESE);
    }
    // Values from the files stay as they are; the import's own words for values are translated.
    expect(ja).toContain('    SenderIPAddresses = 2001:db8::25: 形式バージョン 1 では IPv4 アドレスだけを扱い、IPv6 アドレスは扱えないため、この値は除外されました。');
    const others = ja.find((line) => line.startsWith('    (その他のプロパティ) = '));
    expect(others).toMatch(/^ {4}\(その他のプロパティ\) = \d+ 個の設定: RejectDirectSend 以外/);
  });

  it('explains in Japanese a rule the simulation skips, naming the parts it cannot evaluate, and an action kept in otherActions', () => {
    const report = importAll();
    const objects = report.files.flatMap((f) => f.objects);
    const rule = objects.find((o) => o.outcome === 'unmodelled' && o.name.includes('helpdesk'));
    const whole = rule?.entries.find((e) => e.property === '(rule)');
    expect(whole?.code).toBe('rule-unmodelled');
    const ja = reasonText(whole!, 'ja');
    expect(ja).not.toContain('[not evaluated]');
    expect(ja).toContain('Mode');
    expect(ja).toContain('スキップ');
    const disclaimer = objects.find((o) => o.name === 'Append legal disclaimer');
    const action = disclaimer?.entries.find((e) => e.property === 'ApplyHtmlDisclaimerText');
    expect(reasonText(action!, 'ja')).toContain('[その他のアクション]');
  });

  it('keeps the entries language-free: a code and values, with the English reason made from the code', () => {
    for (const e of entriesOf(importAll())) {
      expect(Object.keys(IMPORT_REASONS)).toContain(e.code);
      expect(e.reason).toBe(reasonText(e, 'en'));
    }
  });

  it('has an English and a different Japanese text for every reason code and property note', () => {
    const params = { kind: 'exception', parts: 'FromMemberOf', count: 2, blocks: '192.0.2.1, 192.0.2.2/31', property: 'comment' };
    for (const code of Object.keys(IMPORT_REASONS) as ImportReasonCode[]) {
      const en = reasonText({ code, params }, 'en');
      const ja = reasonText({ code, params }, 'ja');
      expect(en, code).not.toMatch(JAPANESE);
      expect(ja, code).toMatch(JAPANESE);
      expect(ja, code).not.toBe(en);
    }
    for (const [property, note] of Object.entries(PROPERTY_NOTES)) {
      expect(note.ja, property).toMatch(JAPANESE);
      expect(reasonText({ code: 'property-note', params: { property } }, 'ja')).toBe(note.ja);
    }
  });

  it('is English by default', () => {
    const report = importAll();
    expect(formatImportReport(report)).toBe(formatImportReport(report, 'en'));
    expect(formatImportReport(report)).toMatch(/^Imported tenant "Contoso"/);
  });
});

describe('the diff in Japanese', () => {
  it('names the entity kinds as the Exchange documentation does, line for line with English', () => {
    const imported = importExoFiles(ALL.map(fixture), { tenantName: 'Contoso' });
    const design = parseDocumentText(fixtureText('design.mailflow.json'));
    if (!imported.ok || !design.ok) throw new Error('fixtures do not load');
    const diff = diffTenants(imported.tenant, design.document.tenants[0]);
    const labels = { a: 'imported.json', b: 'design.json' };
    const en = formatTenantDiff(diff, labels).split('\n');
    const ja = formatTenantDiff(diff, labels, 'ja').split('\n');
    expect(ja).toHaveLength(en.length);
    expect(ja[0]).toContain(`${diff.changes.length} 件の違いがあります`);
    const kinds = new Set(diff.changes.map((c) => c.kind));
    const label = { tenant: 'テナント', acceptedDomain: '承認済みドメイン', inboundConnector: '受信コネクタ', outboundConnector: '送信コネクタ', transportRule: 'メール フロー ルール' };
    for (const kind of kinds) expect(ja.join('\n')).toContain(label[kind]);
    expect(ja.join('\n')).not.toMatch(/only in|accepted domain|connector "|mail flow rule/);
  });
});

describe('--lang on the CLI', () => {
  const args = (positionals: string[], options: ParsedArgs['options'] = {}): ParsedArgs => ({ positionals, options });
  const inputs = () => Object.fromEntries(ALL.map((n) => [n, fixtureBytes(n)]));

  it('mailflow import --lang ja prints the report in Japanese and writes the same document', async () => {
    const en = memoryIO(inputs());
    const ja = memoryIO(inputs());
    expect(await importCommand.run(args(ALL, { 'tenant-name': 'Contoso', out: 'c.json' }), en.io)).toBe(0);
    expect(await importCommand.run(args(ALL, { 'tenant-name': 'Contoso', out: 'c.json', lang: 'ja' }), ja.io)).toBe(0);
    expect(ja.stdout()).toMatch(/^テナント「Contoso」\(ID: contoso\) をインポートしました \(承認済みドメイン 6 個/);
    expect(ja.stdout()).toContain('受信コネクタ');
    expect(ja.stdout()).toContain('c.json に書き込みました。');
    expect(ja.stdout().split('\n')).toHaveLength(en.stdout().split('\n').length);
    expect(ja.files.get('c.json')).toBe(en.files.get('c.json'));
  });

  it('mailflow diff --lang ja prints the differences in Japanese', async () => {
    const made = memoryIO(inputs());
    await importCommand.run(args(ALL, { 'tenant-name': 'Contoso', out: 'a.json' }), made.io);
    const a = made.files.get('a.json') as string;
    const same = memoryIO({ 'a.json': a, 'b.json': a });
    expect(await diffCommand.run(args(['a.json', 'b.json'], { lang: 'ja' }), same.io)).toBe(0);
    expect(same.stdout()).toMatch(/違いはありません。\n$/);
    const doc = JSON.parse(a);
    const [dropped] = doc.tenants[0].transportRules.splice(0, 1);
    delete doc.view.positions[dropped.id];
    const m = memoryIO({ 'a.json': a, 'b.json': JSON.stringify(doc) });
    expect(await diffCommand.run(args(['a.json', 'b.json'], { lang: 'ja' }), m.io)).toBe(1);
    expect(m.stdout()).toContain(`- メール フロー ルール「${dropped.name}」: a.json にのみ存在します`);
  });

  it('rejects a language other than en or ja with exit 2, through the entry point', async () => {
    const { runCli, COMMANDS } = await import('../../cli/main');
    const commands = [...COMMANDS, importCommand, diffCommand];
    const m = memoryIO(inputs());
    expect(await runCli(['import', '--tenant-name', 'Contoso', ...ALL, '--out', 'c.json', '--lang', 'fr'], m.io, commands)).toBe(2);
    expect(m.stderr()).toContain('--lang: found "fr"; expected en or ja');
    expect(m.files.has('c.json')).toBe(false);
    const d = memoryIO({});
    expect(await runCli(['diff', 'a.json', 'b.json', '--lang', 'de'], d.io, commands)).toBe(2);
    expect(d.stderr()).toContain('--lang: found "de"; expected en or ja');
    const ok = memoryIO(inputs());
    expect(await runCli(['import', '--tenant-name', 'Contoso', ...ALL, '--out', 'c.json', '--lang', 'ja'], ok.io, commands)).toBe(0);
    expect(ok.stdout()).toContain('承認済みドメイン');
  });
});
