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
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { memoryIO } from '../cli/memoryIO';
import { documentWords, englishWords } from './englishWords';

const ROOT = join(__dirname, '../..');
const gallery = JSON.parse(readFileSync(join(ROOT, 'examples/index.json'), 'utf8')) as { examples: Array<{ file: string }> };
const commands = COMMANDS;

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
      const allowed = new Set([...documentWords(doc), ...documentWords(next.doc)]);
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
