/**
 * The README's screenshots (docs/screenshots/). Run with `npm run docs:screenshots`; not part of
 * `npm test`, which never writes tracked files. Each picture waits for the state it shows, so a
 * picture of a broken screen fails here instead of landing in the README.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { drawLink, openApp } from '../e2e/helpers';

// MAILFLOW_SHOTS_DIR sends the pictures elsewhere (to try the shots without touching docs/screenshots).
const out = (name: string): string => resolve(process.env.MAILFLOW_SHOTS_DIR ?? resolve(import.meta.dirname, '../../docs/screenshots'), name);

/**
 * Lets the camera and the debounced diagnostics settle before a picture, and closes passing notices
 * (the gallery's version-1 files say they were migrated) so they do not cover what the picture shows.
 */
async function settle(page: Page): Promise<void> {
  for (const close of await page.locator('.toast-close:visible').all()) await close.click({ timeout: 2000 }).catch(() => undefined);
  await page.waitForTimeout(900);
}

async function runScenario(page: Page, scenario: RegExp): Promise<void> {
  await page.getByRole('tab', { name: /^(Scenarios|シナリオ)$/ }).click();
  await page.getByRole('option', { name: scenario }).click();
  await page.getByRole('button', { name: /^(Run|実行)$/ }).click();
  await expect(page.getByRole('table', { name: /^(Events|イベント)$/ })).toBeVisible();
  await page.getByRole('button', { name: /^(Reset|リセット)$/ }).click();
}

const currentRow = (page: Page) => page.getByRole('table', { name: /^(Events|イベント)$/ }).locator('tr[aria-current="step"]');

/** Steps forward until the current event is of `kind` (or the end). */
async function stepTo(page: Page, kind: string | null): Promise<void> {
  const forward = page.getByRole('button', { name: /^(Step forward|1 ステップ進む|次のステップ)$/ });
  for (let i = 0; i < 60; i++) {
    if (kind && (await currentRow(page).getAttribute('data-kind')) === kind) return;
    if (await forward.isDisabled()) return;
    await forward.click();
  }
}

test.use({ viewport: { width: 1600, height: 960 } });

for (const theme of ['light', 'dark'] as const) {
  test(`main screen, ${theme} theme`, async ({ page }) => {
    await openApp(page, `?example=point-1-first-receipt&theme=${theme}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.getByLabel('Inbound connector From Contoso on-premises (certificate)', { exact: true }).click();
    await expect(page.getByLabel('TLS sender certificate name', { exact: true })).toBeVisible();
    await settle(page);
    await page.screenshot({ path: out(`main-${theme}.png`) });
  });
}

test('playback of Point 1 at the rule', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt');
  await runScenario(page, /EX01 sends to Fabrikam/);
  await stepTo(page, 'rule');
  await expect(page.getByTestId('rule-acted-contoso-block-outside')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: out('playback-point1-rule.png') });
});

test('playback of Point 3 refused at end of DATA', async ({ page }) => {
  await openApp(page, '?example=point-3-ip-connector-2017');
  await runScenario(page, /two recipient domains/);
  await stepTo(page, null);
  await expect(page.getByTestId('stop-mark')).toContainText('550 5.7.64');
  await settle(page);
  await page.screenshot({ path: out('playback-point3-refused.png') });
});

test('playback of throttling', async ({ page }) => {
  await openApp(page, '?example=throttling');
  await runScenario(page, /bursts/);
  await stepTo(page, null);
  await expect(page.getByTestId('waiting-mark')).toContainText('451 4.7.500');
  await settle(page);
  await page.screenshot({ path: out('playback-throttling.png') });
});

test('playback of the hybrid hand-off', async ({ page }) => {
  await openApp(page);
  const text = readFileSync(resolve(import.meta.dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8');
  await page.locator('#mailflow-open-input').setInputFiles({ name: 'hybrid-seed.mailflow.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await runScenario(page, /hands it off to Fabrikam/);
  await stepTo(page, 'handoff');
  await expect(page.getByTestId('handoff-label')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: out('playback-handoff.png') });
});

test('playback in Japanese', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt&lang=ja');
  // The gallery names its scenarios in Japanese too (examples/index.json).
  await runScenario(page, /EX01 から Fabrikam への送信/);
  await stepTo(page, 'rule');
  await settle(page);
  await page.screenshot({ path: out('playback-ja.png') });
});

test('present mode in Japanese, dark theme', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt&lang=ja&theme=dark');
  await page.getByRole('button', { name: 'プレゼンテーション', exact: true }).click();
  await page.getByRole('button', { name: '開始' }).click();
  const caption = page.getByTestId('present-caption');
  await expect(caption).toContainText('シナリオ 1 / 3');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('Contoso');
  await settle(page);
  await page.screenshot({ path: out('present-mode-ja-dark.png') });
});

test.describe('working like a diagram tool', () => {
  const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

  test('context menu of a server', async ({ page }) => {
    await openApp(page, '?example=hybrid-seed');
    await settle(page);
    await node(page, 'contoso-ex01').click({ button: 'right', position: { x: 60, y: 30 } });
    await expect(page.locator('.context-menu[data-target="server"]')).toBeVisible();
    await page.screenshot({ path: out('draw-context-menu.png') });
  });

  test('a drawn link, previewed in words', async ({ page }) => {
    await openApp(page, '?example=hybrid-seed');
    await settle(page);
    await drawLink(page, 'contoso-ex01', 'contoso-from-app');
    await expect(page.getByRole('dialog', { name: 'Sends via this connector' })).toContainText('203.0.113.10');
    await page.screenshot({ path: out('draw-link-preview.png') });
  });

  test('notes on the canvas', async ({ page }) => {
    await openApp(page, '?example=hybrid-seed');
    await settle(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.click(pane.x + 120, pane.y + pane.height - 150, { button: 'right' });
    await page.locator('.context-menu[data-target="pane"]').getByRole('menuitem', { name: 'Note' }).click();
    const note = page.getByTestId('canvas-note');
    await note.dblclick();
    const editor = page.getByRole('textbox', { name: 'Note text' });
    await editor.fill('Cut over the MX record to Exchange Online on Friday; EX01 keeps the hybrid connectors.');
    await editor.press('Control+Enter');
    await page.getByRole('button', { name: 'Colour #B4E5FF' }).click();
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await expect(note).toContainText('Cut over the MX record');
    await settle(page);
    await page.screenshot({ path: out('draw-notes.png') });
  });

  test('the legend', async ({ page }) => {
    await openApp(page, '?example=hybrid-seed');
    await page.getByTestId('canvas-legend').getByRole('button', { name: 'Legend' }).click();
    await expect(page.getByRole('region', { name: 'Legend' })).toBeVisible();
    await settle(page);
    await page.screenshot({ path: out('draw-legend.png') });
  });

  test('a hover card with settings and a diagnostic', async ({ page }) => {
    await openApp(page, '?example=hybrid-seed');
    await settle(page);
    await node(page, 'fabrikam-from-scan-relay').hover();
    await expect(page.getByRole('tooltip').getByTestId('hover-card-diagnostic')).toBeVisible();
    await page.screenshot({ path: out('draw-hover-card.png') });
  });
});
