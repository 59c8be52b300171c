/**
 * The export dialog renders with its choices in both languages, and every text it uses exists in
 * both translation files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ExportDialog } from '../../renderer/export/ExportDialog';
import { parseDocumentText } from '../../shared/model/load';
import { simulateScenario } from '../../shared/engine';

const ROOT = join(__dirname, '../..');
const en = JSON.parse(readFileSync(join(ROOT, 'renderer/export/i18n.en.json'), 'utf8'));
const ja = JSON.parse(readFileSync(join(ROOT, 'renderer/export/i18n.ja.json'), 'utf8'));

function keysOf(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

async function render(lang: 'en' | 'ja', withSimulation: boolean): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng: lang, resources: { en: { translation: en }, ja: { translation: ja } }, interpolation: { escapeValue: false } });
  const loaded = parseDocumentText(readFileSync(join(ROOT, 'examples/point-1-first-receipt.mailflow.json'), 'utf8'));
  if (!loaded.ok) throw new Error('invalid example');
  const simulation = withSimulation ? simulateScenario(loaded.document, 'to-other-tenant-blocked') : null;
  const dialog = createElement(ExportDialog, { document: loaded.document, simulation, onClose: () => {}, platform: { saveExport: () => {} } });
  return renderToString(createElement(I18nextProvider, { i18n }, dialog));
}

describe('ExportDialog', () => {
  it('the English and Japanese files have the same keys, and every key the dialog uses exists', () => {
    expect(keysOf(ja).sort()).toEqual(keysOf(en).sort());
    const source = readFileSync(join(ROOT, 'renderer/export/ExportDialog.tsx'), 'utf8');
    const used = [...source.matchAll(/t\('(export\.[\w.]+)'/g)].map((m) => m[1]);
    const templated = [...source.matchAll(/t\(`(export\.[\w.]+)\.\$\{/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const key of used) expect(keysOf(en), key).toContain(key);
    for (const group of templated) expect(keysOf(en).some((k) => k.startsWith(`${group}.`)), group).toBe(true);
  });

  it('offers the three formats, the theme, transparency, padding and the simulation, as a labelled dialog', async () => {
    const html = await render('en', true);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-labelledby="mf-export-title"');
    expect(html).toContain('Export diagram');
    for (const f of ['svg', 'png', 'pdf']) expect(html).toContain(`value="${f}"`);
    expect(html).toContain('Transparent background');
    expect(html).toContain('Include the simulation');
    expect(html).not.toContain('Run a scenario first');
  });

  it('speaks Japanese, and asks for a scenario to draw when there is no simulation', async () => {
    const html = await render('ja', false);
    expect(html).toContain('図のエクスポート');
    expect(html).toContain('経路を描くには、シナリオを選択してください。');
    // A hand-off between tenants is 引き渡し, never 中継 (which means relay).
    expect(html).toContain('引き渡し');
    expect(html).not.toContain('中継');
  });
});
