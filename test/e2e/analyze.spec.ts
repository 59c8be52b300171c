/**
 * The Analyze view on the hybrid example: the matrix is computed (in a worker) and shown, a
 * rejected cell opens that message in playback, and comparing with the 2017-12 preset lists the
 * cells that change.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

async function openAnalyze(page: import('@playwright/test').Page) {
  await page.getByRole('menuitem', { name: 'Simulation' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Analyze' }).click();
  await expect(page.getByTestId('analyze-summary')).toContainText('message kinds');
}

test('a rejected cell of the hybrid example opens that message in playback', async ({ page }) => {
  await openApp(page, '?example=hybrid-seed');
  await openAnalyze(page);
  const matrix = page.getByTestId('analyze-matrix');
  // The sender "MAIL FROM external" has rejected cells (relay to the Internet without rights).
  await page.getByTestId('analyze-sender').selectOption({ label: 'MAIL FROM external' });
  const rejected = matrix.locator('button[data-category="rejected"]').first();
  await expect(rejected).toBeVisible();
  const label = (await rejected.getAttribute('aria-label')) ?? '';
  const reply = /rejected (\d{3}) (\d\.\d+\.\d+)/.exec(label);
  expect(reply, `a rejected cell says its reply: ${label}`).not.toBeNull();
  await rejected.click();
  await expect(page.getByTestId('analyze-view')).toBeHidden();
  await expect(page.getByTestId('playback-result')).toContainText(`${reply![1]} ${reply![2]}`);
  // The message played is the cell's: its sender is the external class's address.
  await expect(page.getByTestId('playback-panel')).toContainText('sender@external.example');
});

test('comparing the hybrid example with the 2017-12 preset lists the changed cells', async ({ page }) => {
  await openApp(page, '?example=hybrid-seed');
  await openAnalyze(page);
  await page.getByTestId('analyze-compare').selectOption({ label: 'Preset 2017-12' });
  const changes = page.getByTestId('analyze-changes');
  await expect(changes.getByRole('heading')).toContainText(/\d+ changed cells?/);
  const items = changes.locator('li');
  expect(await items.count()).toBeGreaterThan(0);
  await expect(items.first()).toContainText('→');
  // Back to nothing: the list goes away.
  await page.getByTestId('analyze-compare').selectOption({ label: 'Nothing' });
  await expect(changes).toBeHidden();
});

test('the Analyze view has no serious accessibility violations, light and dark, English and Japanese', async ({ page }) => {
  for (const [lang, theme] of [
    ['en', 'light'],
    ['ja', 'dark'],
  ]) {
    await openApp(page, `?example=hybrid-seed&lang=${lang}&theme=${theme}`);
    await page.keyboard.press('Control+Shift+A');
    await expect(page.getByTestId('analyze-summary')).toBeVisible();
    await page.getByTestId('analyze-compare').selectOption({ index: 4 }); // a preset: changed and unchanged cells
    await expect(page.getByTestId('analyze-changes')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('[data-testid="analyze-view"]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
