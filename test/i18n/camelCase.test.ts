/**
 * No internal names inside sentences: no English or Japanese message template (engine texts,
 * diagnostics, import/diff messages, diagram labels, analysis texts, CLI Japanese output, every
 * renderer locale file) contains a camelCase setting or field name. Texts name a setting by the
 * label the UI gives it; PowerShell parameters (PascalCase, "-RejectDirectSend") may appear where
 * the administrator is told what to type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../shared/diagnostics';
import { simulateScenario } from '../../shared/engine';
import { parseDocumentText } from '../../shared/model/load';
import { SETTING_LABEL_TABLES } from '../../shared/i18n/settingLabels';
import { LOCALE_BUNDLES } from '../renderer/localeBundles';
import { allTexts } from './allTexts';

/** Words that look like camelCase but are names of products or formats the reader knows. */
const ALLOWED = new Set(['macOS', 'iOS', 'eDiscovery', 'iCloud', 'onmicrosoft']);

const CAMEL = /(?<![\w.@/-])[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*(?![\w@(])/g;

/** The words of a text, without i18next placeholders and nesting, addresses, file names or URLs. */
function camelWords(text: string): string[] {
  const prose = text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\$t\([^)]*\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\S+\.(json|ps1|svg|png|pdf|mailflow\.json)\b/g, ' ');
  return [...prose.matchAll(CAMEL)].map((m) => m[0]).filter((w) => !ALLOWED.has(w));
}

describe('internal names in sentences', () => {
  it('finds camelCase names (the check itself works)', () => {
    expect(camelWords('ambiguousTenantPolicy が reject のため')).toEqual(['ambiguousTenantPolicy']);
    expect(camelWords('Run Set-OrganizationConfig -RejectDirectSend $false')).toEqual([]);
    expect(camelWords('{{count}} items, see $t(tabs.inspector)')).toEqual([]);
  });

  it('no message template names a setting or field by its internal camelCase name', () => {
    const bad = allTexts().flatMap((t) => camelWords(t.text).map((w) => `${t.where}: ${w} — ${t.text.slice(0, 90)}`));
    expect(bad.join('\n')).toBe('');
  });

  it('the sentences use the labels the UI shows for settings and conditions', () => {
    const ui = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string') ui.add(v.toLowerCase());
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const lang of ['en', 'ja'] as const) LOCALE_BUNDLES[lang].forEach((b) => walk(b.data));
    for (const [name, table] of Object.entries(SETTING_LABEL_TABLES)) {
      if (name === 'CONDITIONS') continue; // composed ("the recipient is inside the organization")
      for (const [key, l] of Object.entries(table)) {
        if (name === 'SETTINGS' && ['rejectIfMultipleDomains', 'reject', 'acceptIfSameTenant', 'firstListed', 'nullSenderSkipsRules', 'unattributedRelayReply', 'certDomainMatch'].includes(key)) continue;
        expect(ui.has(l.ja.toLowerCase()), `${name}.${key} ja`).toBe(true);
      }
    }
  });

  it('no event text or diagnostic of any gallery example, in either language, names a setting by its internal name', () => {
    const dir = join(__dirname, '../../examples');
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { examples: Array<{ file: string }> };
    const bad: string[] = [];
    for (const { file } of index.examples) {
      const r = parseDocumentText(readFileSync(join(dir, file), 'utf8'));
      if (!r.ok) throw new Error(file);
      for (const lang of ['en', 'ja'] as const) {
        for (const d of lint(r.document, { lang })) bad.push(...camelWords(d.message).map((w) => `${file} ${d.rule} ${lang}: ${w}`));
        for (const sc of r.document.scenarios) {
          const sim = simulateScenario(r.document, sc.id, { lang });
          for (const e of sim.events) bad.push(...camelWords(e.text).map((w) => `${file} ${sc.id} ${e.kind} ${lang}: ${w}`));
        }
      }
    }
    expect(bad.join('\n')).toBe('');
  });
});
