/**
 * A Japanese presentation of any gallery example needs no English (issue 17): the document title in
 * the top bar, the scenario list with each scenario's description, the playback header and outcome,
 * and every step of present mode's caption show no English word outside an allow-list — protocol
 * and product names, the names, ids and addresses of the document's objects, and the SMTP replies
 * Exchange Online sends as they are. The document's title and scenario names and descriptions are
 * NOT allowed: the gallery gives them in Japanese (examples/index.json, shared/i18n/gallery.ts).
 *
 * An example opened in Japanese is its Japanese edition (`localizeExample`): the canvas cards and the
 * properties panel show the Japanese names and comments, so the English names of the file are not
 * allowed either — only the words of the Japanese edition (EX01, Exchange Server 2019, Contoso…),
 * which test/i18n/localize-example.test.ts checks. In English the file is opened as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { simulateScenario } from '../../shared/engine';
import { localizeExample } from '../../shared/i18n/gallery';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { documentWords, englishWords } from '../i18n/englishWords';
import { getDocument, getSelection, openApp } from './helpers';

const EXAMPLES = join(import.meta.dirname, '../../examples');
const gallery = JSON.parse(readFileSync(join(EXAMPLES, 'index.json'), 'utf8')) as { examples: Array<{ file: string }> };

async function text(page: Page, selector: string): Promise<string> {
  const all = await page.locator(selector).allInnerTexts();
  return all.join('\n');
}

function loadExample(file: string): TopologyDocument {
  const parsed = parseDocumentText(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(file);
  return parsed.document;
}

/** Every object drawn as a card on the canvas, with its name: tenants, connectors, rules, servers. */
function cards(doc: TopologyDocument): Array<{ id: string; name: string }> {
  return [
    ...doc.tenants.flatMap((t) => [t, ...t.inboundConnectors, ...t.outboundConnectors, ...t.transportRules]),
    ...doc.servers,
  ].map(({ id, name }) => ({ id, name }));
}

/** The find bar's words in each language (a big design is panned: cards off screen are not drawn). */
const FIND = {
  ja: { box: '設計内を検索', nth: (i: number) => new RegExp(`件中 ${i} 件目`) },
  en: { box: 'Find in the design', nth: (i: number) => new RegExp(`^${i} of \\d+ match`) },
};

/** Selects an object through the find bar (Ctrl+F, its id, Enter until it is the one), which zooms to it. */
async function goTo(page: Page, id: string, lang: 'en' | 'ja'): Promise<void> {
  const search = page.getByRole('searchbox', { name: FIND[lang].box });
  if (!(await search.isVisible())) {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
  }
  await search.fill(id);
  for (let i = 1; i <= 40; i++) {
    await search.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: FIND[lang].nth(i) })).toBeVisible();
    if ((await getSelection(page))[0] === id) return;
  }
  throw new Error(`find did not reach ${id}`);
}

function card(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`).locator('.mf-card-title, .mf-lod-name').first();
}

/** The properties panel as the user reads it: its text and the values of its fields. */
async function inspectorText(page: Page): Promise<string> {
  return page.locator('.inspector').evaluate((el) =>
    [
      (el as HTMLElement).innerText,
      ...[...el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], input:not([type]), textarea')].map((f) => f.value),
    ].join('\n'),
  );
}

for (const { file } of gallery.examples) {
  const stem = file.replace(/\.mailflow\.json$/, '');
  test(`the Japanese UI of ${stem} shows no English`, async ({ page }) => {
    const doc = localizeExample(loadExample(file), 'ja', file);
    const allowed = documentWords(doc);
    const seen: Array<[string, string]> = [];

    await openApp(page, `?example=${stem}&lang=ja`);
    // The open document is the Japanese edition: same ids and settings, Japanese names.
    expect(await getDocument(page)).toEqual(JSON.parse(JSON.stringify(doc)));
    seen.push(['title', await text(page, '[data-testid="document-title"] .doc-title-text')]);

    // Each card's title is the object's Japanese name, and its properties show no English.
    for (const { id, name } of cards(doc)) {
      await goTo(page, id, 'ja');
      await expect(card(page, id), id).toHaveText(name);
      await expect(page.locator('.inspector')).toBeVisible();
      const props = await inspectorText(page);
      expect(props, id).toContain(name);
      seen.push([`properties of ${id}`, props]);
    }
    await page.getByRole('searchbox', { name: FIND.ja.box }).press('Escape');

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

test('an example opened in English is the file as it is', async ({ page }) => {
  const file = 'hybrid-seed.mailflow.json';
  const doc = loadExample(file);
  await openApp(page, '?example=hybrid-seed&lang=en');
  expect(await getDocument(page)).toEqual(JSON.parse(JSON.stringify(doc)));
  for (const { id, name } of cards(doc)) {
    await goTo(page, id, 'en');
    await expect(card(page, id), id).toHaveText(name);
  }
  await expect(page.getByTestId('document-title').locator('.doc-title-text')).toHaveText(doc.title);
});

test('New from example in Japanese opens the Japanese edition, and switching to English keeps it', async ({ page }) => {
  const file = 'hybrid-seed.mailflow.json';
  const ja = localizeExample(loadExample(file), 'ja', file);
  await openApp(page, '?lang=ja');
  await page.getByRole('menubar').getByRole('menuitem', { name: 'ファイル', exact: true }).click();
  await page.getByRole('menu', { name: 'ファイル' }).getByRole('menuitem').filter({ has: page.locator('.menu-label', { hasText: /^サンプルから新規作成…$/ }) }).click();
  const dialog = page.getByRole('dialog', { name: 'サンプルから新規作成' });
  await dialog.getByRole('button', { name: /^「ハイブリッド/ }).click();
  await expect.poll(async () => (await getDocument(page)).title).toBe(ja.title);
  expect(await getDocument(page)).toEqual(JSON.parse(JSON.stringify(ja)));
  await expect(card(page, 'contoso-ex01')).toHaveText('EX01 (Exchange 2019、ハイブリッド)');
  await page.screenshot({ path: test.info().outputPath('gallery-ja-hybrid.png') });
  // The open document is the user's now: the UI language does not rewrite it.
  await page.getByRole('combobox', { name: '言語' }).selectOption('en');
  await expect(page.getByRole('menubar').getByRole('menuitem', { name: 'File', exact: true })).toBeVisible();
  expect(await getDocument(page)).toEqual(JSON.parse(JSON.stringify(ja)));
  await expect(card(page, 'contoso-ex01')).toHaveText('EX01 (Exchange 2019、ハイブリッド)');
});

test.describe('names beside a diagnostic badge', () => {
  test.use({ viewport: { width: 1600, height: 960 } });
  test('the hybrid example in Japanese: no card name on screen is cut, badges included', async ({ page }) => {
    await page.addInitScript(() => {
      window.__MAILFLOW_TEST__ = true;
    });
    await page.goto('/?example=hybrid-seed&lang=ja&recover=no');
    await expect(page.locator('[data-testid="diagnostic-badge"]').first()).toBeVisible();
    const cut = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.react-flow__node .mf-card-title')]
          .filter((el) => el.closest('.react-flow__node')?.querySelector('[data-testid="diagnostic-badge"]'))
          .filter((el) => el.scrollHeight > el.clientHeight + 1)
          .map((el) => el.textContent),
      );
    await expect.poll(async () => (await page.locator('.react-flow__node [data-testid="diagnostic-badge"]').count()) > 2).toBe(true);
    expect(await cut()).toEqual([]);
  });
});
