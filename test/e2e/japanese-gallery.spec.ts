/**
 * A Japanese presentation of any gallery example needs no English (issue 17): the document title in
 * the top bar, the scenario list with each scenario's description, the playback header and outcome,
 * and every step of present mode's caption show no English word outside an allow-list — protocol
 * and product names, the names, ids and addresses of the document's objects, and the SMTP replies
 * Exchange Online sends as they are. The document's title and scenario names and descriptions are
 * NOT allowed: the gallery gives them in Japanese (examples/index.json, shared/i18n/gallery.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { simulateScenario } from '../../shared/engine';
import { parseDocumentText } from '../../shared/model/load';
import { documentWords, englishWords } from '../i18n/englishWords';
import { openApp } from './helpers';

const EXAMPLES = join(import.meta.dirname, '../../examples');
const gallery = JSON.parse(readFileSync(join(EXAMPLES, 'index.json'), 'utf8')) as { examples: Array<{ file: string }> };

async function text(page: Page, selector: string): Promise<string> {
  const all = await page.locator(selector).allInnerTexts();
  return all.join('\n');
}

for (const { file } of gallery.examples) {
  const stem = file.replace(/\.mailflow\.json$/, '');
  test(`the Japanese UI of ${stem} shows no English`, async ({ page }) => {
    const parsed = parseDocumentText(readFileSync(join(EXAMPLES, file), 'utf8'));
    if (!parsed.ok) throw new Error(file);
    const doc = parsed.document;
    const allowed = documentWords(doc);
    const seen: Array<[string, string]> = [];

    await openApp(page, `?example=${stem}&lang=ja`);
    seen.push(['title', await text(page, '[data-testid="document-title"] .doc-title-text')]);

    await page.getByRole('tab', { name: 'シナリオ' }).click();
    const options = page.getByRole('listbox', { name: 'シナリオ一覧' }).getByRole('option');
    await expect(options).toHaveCount(doc.scenarios.length);
    for (let i = 0; i < doc.scenarios.length; i++) {
      await options.nth(i).click();
      seen.push([`scenario list ${i + 1}`, await text(page, '.pb-scenario-list')]);
      await page.getByRole('button', { name: '実行', exact: true }).click();
      await expect(page.getByTestId('playback-panel')).toBeVisible();
      seen.push([`playback ${i + 1}`, await text(page, '.pb-panel-head, [data-testid="playback-result"], [data-testid="recipient-strip"]')]);
    }

    // Present mode: every step of every scenario.
    await page.getByRole('button', { name: 'プレゼンテーション', exact: true }).click();
    await page.getByRole('button', { name: '開始' }).click();
    const caption = page.getByTestId('present-caption');
    await expect(caption).toBeVisible();
    const steps = doc.scenarios.reduce((n, s) => n + simulateScenario(doc, s.id, { lang: 'ja' }).events.length + 1, 0);
    let previous = '';
    for (let i = 0; i < steps; i++) {
      const now = await caption.innerText();
      if (now !== previous) seen.push([`present step ${i + 1}`, now]);
      previous = now;
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Escape');

    const bad = seen.flatMap(([where, t]) => englishWords(t, allowed).map((w) => `${where}: ${w}`));
    expect(bad.join('\n')).toBe('');
    // What the test read is real text (not an empty panel).
    expect(seen.map(([, t]) => t).join('')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
}
