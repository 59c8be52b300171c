/**
 * `mailflow simulate|lint|check|analyze|import|diff --lang ja` on every gallery example prints
 * Japanese: the only ASCII words left are SMTP replies, addresses, ids and names of the document's
 * objects, protocol and product names, PowerShell cmdlets and parameters, and the machine-read
 * closing line ("N passed, N failed"). The document's title and scenario names are not allowed:
 * the gallery gives them in Japanese (shared/i18n/gallery.ts), so a Japanese presentation needs no
 * English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appliedConfigurationFiles } from '../../shared/exo/powershell';
import { COMMANDS, runCli } from '../../cli/main';
import { simulateScenario } from '../../shared/engine';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { memoryIO } from '../cli/memoryIO';

const ROOT = join(__dirname, '../..');
const gallery = JSON.parse(readFileSync(join(ROOT, 'examples/index.json'), 'utf8')) as { examples: Array<{ file: string }> };
const commands = COMMANDS;

/** Protocol, product and format names an Exchange administrator reads in Japanese documentation too. */
const ALLOWED = new Set(
  (
    'SMTP TLS NDR MAIL FROM RCPT TO DATA CONNECT EHLO STARTTLS Exchange Online Server SE CU SU IP MX DNS EOP ID HealthChecker ' +
    'Microsoft PowerShell JSON Originating Incoming Direct Send Busy busy MC ATTR P1 P2 NET SChannel OK passed failed ' +
    'onmicrosoft com net org example Office True False CIDR IPv4 IPv6 HTML ' +
    // People of the examples, named in the Japanese scenario names too ("Alice が同僚に送信").
    'Alice Bob'
  ).split(' '),
);

/**
 * Everything of the document the output may quote as is: ids, names of its objects, addresses,
 * domains — but not the title or the scenarios' names and descriptions, which the gallery translates.
 */
function documentWords(doc: TopologyDocument): Set<string> {
  const words = new Set<string>();
  const add = (v: unknown): void => {
    if (typeof v === 'string') for (const w of v.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) words.add(w);
    else if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add({ ...doc, title: '', scenarios: doc.scenarios.map(({ name: _n, description: _d, ...s }) => s) });
  return words;
}

/** SMTP reply texts of every run of the document (they stay as Exchange Online sends them). */
function replyWords(doc: TopologyDocument): Set<string> {
  const words = new Set<string>();
  const add = (t: string | undefined) => (t ?? '').match(/[A-Za-z][A-Za-z0-9]*/g)?.forEach((w) => words.add(w));
  for (const s of doc.scenarios) {
    const sim = simulateScenario(doc, s.id, { lang: 'ja' });
    add(sim.smtp.text);
    for (const e of sim.events) {
      add(e.smtp?.text);
      if (e.kind === 'ndr') add(e.data.text);
    }
    if (sim.type === 'message') for (const a of sim.alternatives ?? []) add(a.smtp.text);
  }
  return words;
}

/** ASCII words of the output that are none of the above (PowerShell names are Verb-Noun and -Parameter). */
function englishWords(out: string, allowed: Set<string>): string[] {
  const prose = out
    .replace(/^\d+ passed, \d+ failed$/m, '')
    .replace(/\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b|\bX-[\w-]+/g, ' ')
    .replace(/(^|\s)-[A-Z][A-Za-z]+/g, ' ')
    .replace(/\S+@\S+|<[^>]*>/g, ' ')
    .replace(/\b[\w-]+(\.[\w-]+)+\b/g, ' ')
    // Rule ids and entity ids (kebab-case), and the engine's own node ids in the event table.
    .replace(/\b[a-z0-9]+(-[a-z0-9]+)+\b/g, ' ')
    .replace(/\b(eop|internet|MC\d+|ATTR\d+)\b/g, ' ');
  const found = new Set<string>();
  for (const w of prose.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) if (!allowed.has(w) && !ALLOWED.has(w) && !/^[A-Z0-9]{1,3}$|^[a-z]$/.test(w)) found.add(w);
  return [...found];
}

function load(file: string): { text: string; doc: TopologyDocument } {
  const text = readFileSync(join(ROOT, 'examples', file), 'utf8');
  const r = parseDocumentText(text);
  if (!r.ok) throw new Error(file);
  return { text, doc: r.document };
}

async function run(args: string[], files: Record<string, string>): Promise<string> {
  const m = memoryIO(files);
  await runCli([...args, '--lang', 'ja'], m.io, commands);
  return m.stdout();
}

describe('the CLI in Japanese', () => {
  it('flags English words (the check itself works)', () => {
    expect(englishWords('SMTP 250 2.6.0 (stage: data) → accepted', new Set())).toEqual(['stage', 'data', 'accepted']);
    expect(englishWords('New-TenantExemptionInfo -BlockingScenario を実行\n3 passed, 0 failed', new Set())).toEqual([]);
  });

  for (const [i, { file }] of gallery.examples.entries()) {
    it(`prints no English for ${file}`, async () => {
      const { text, doc } = load(file);
      const next = load(gallery.examples[(i + 1) % gallery.examples.length].file);
      const allowed = new Set([...documentWords(doc), ...documentWords(next.doc), ...replyWords(doc)]);
      const files = { 'a.json': text, 'b.json': next.text };
      const outputs: Record<string, string> = {
        lint: await run(['lint', 'a.json'], files),
        check: await run(['check', 'a.json'], files),
        diff: await run(['diff', 'a.json', 'b.json'], files),
        analyze: await run(['analyze', 'a.json'], files),
      };
      // Each tenant as Exchange Online PowerShell would give it back, imported in Japanese.
      for (const tenant of doc.tenants) {
        const exo = appliedConfigurationFiles(tenant);
        const exoFiles = Object.fromEntries(exo.map((f) => [f.name, f.text]));
        outputs[`import ${tenant.id}`] = await run(['import', '--tenant-name', tenant.name, ...exo.map((f) => f.name), '--out', 'i.json'], exoFiles);
        // The report quotes the files' names, properties and values as they are.
        for (const f of exo) for (const w of `${f.name} ${f.text}`.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) allowed.add(w);
      }
      for (const s of doc.scenarios) outputs[`simulate ${s.id}`] = await run(['simulate', 'a.json', '--scenario', s.id], files);
      const bad = Object.entries(outputs).flatMap(([cmd, out]) => englishWords(out, allowed).map((w) => `${cmd}: ${w}`));
      expect(bad.join('\n')).toBe('');
    });
  }

  it('prints no English for an import of Exchange Online PowerShell files', async () => {
    const dir = join(ROOT, 'test/fixtures/exo');
    const names = ['accepted-domains.json', 'inbound-connectors.json', 'outbound-connectors.json', 'transport-rules.json', 'organization-config.json'];
    const files = Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
    const out = await run(['import', '--tenant-name', 'Contoso', ...names, '--out', 'c.json'], files);
    const allowed = new Set<string>();
    for (const n of names) for (const w of files[n].match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) allowed.add(w);
    expect(englishWords(out, allowed).join('\n')).toBe('');
  });
});
