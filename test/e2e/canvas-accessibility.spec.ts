/**
 * axe on the screens the canvas work touches: the diagnostics tab, the Japanese UI with a node
 * selected, the "Move to tenant" list, and a large design zoomed out to low detail (plain boxes).
 * No serious or critical violation on any of them.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { generateTopology } from '../../bench/generateTopology';
import { openApp } from './helpers';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('the diagnostics tab has no serious accessibility violations', async ({ page }) => {
  await openApp(page, '?example=point-2-certificate');
  await page.getByRole('tab', { name: 'Diagnostics' }).click();
  // Polled: the reveal animation and the debounced diagnostics settle first; a real violation stays.
  await expect.poll(() => seriousViolations(page)).toEqual([]);
});

test('the Japanese UI with a node selected has no serious accessibility violations', async ({ page }) => {
  await openApp(page, '?example=point-2-certificate&lang=ja');
  await page.getByLabel('受信コネクタ Contoso のオンプレミスから', { exact: true }).click();
  // Polled: the reveal animation and the debounced diagnostics settle first; a real violation stays.
  await expect.poll(() => seriousViolations(page)).toEqual([]);
});

test('the "Move to tenant" list has no serious accessibility violations', async ({ page }) => {
  await openApp(page, '?example=point-2-certificate');
  await page.getByLabel('Inbound connector From Contoso on-premises', { exact: true }).click();
  await page.keyboard.press('m');
  await expect(page.getByRole('dialog', { name: 'Move to tenant' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a large design at low detail draws plain boxes and has no serious accessibility violations', async ({ page }) => {
  await openApp(page);
  const text = JSON.stringify(generateTopology({ tenants: 22, withPositions: true }));
  await page.locator('#mailflow-open-input').setInputFiles({ name: 'generated.mailflow.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByLabel('Exchange Online tenant Tenant 0', { exact: true })).toBeVisible({ timeout: 30_000 });
  // Fit never goes below readable names; the "large design" button shows it whole in low detail.
  await page.getByTestId('toggle-big-design').click();
  // Zoomed out: every entity is a plain box with its name, no cards.
  await expect(page.locator('.mf-lod').first()).toBeVisible();
  await expect(page.locator('.mf-card')).toHaveCount(0);
  await expect(page.getByLabel('Inbound connector From T3 (IP)', { exact: true })).toContainText('From T3 (IP)');
  expect(await seriousViolations(page)).toEqual([]);
  // Zooming back in brings the details back.
  await expect
    .poll(
      async () => {
        if ((await page.locator('.mf-card').count()) === 0) await page.locator('.react-flow__controls-zoomin').click();
        return page.locator('.mf-card').count();
      },
      { intervals: [250], timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  await expect(page.locator('.mf-card').first()).toBeVisible();
  await expect(page.locator('.mf-lod')).toHaveCount(0);
});
