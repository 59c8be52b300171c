/**
 * A 1,000-node design (the bench generator's topology) opens in the browser build: every tenant is
 * drawn and the canvas still answers a click. How long that takes is measured by
 * bench/canvas-bench.mjs, which prints numbers; a test only checks what the user relies on.
 */
import { expect, test } from '@playwright/test';
import { generateTopology, NODES_PER_TENANT } from '../../bench/generateTopology';
import { getDocument, openApp } from './helpers';

test('a 1,000-node document opens, draws its tenants, and a click on one shows it in the inspector', async ({ page }) => {
  const tenants = Math.ceil(1000 / NODES_PER_TENANT);
  const text = JSON.stringify(generateTopology({ tenants, withPositions: true }));
  await openApp(page);
  await page.locator('#mailflow-open-input').setInputFiles({ name: 'generated-1000.mailflow.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByLabel('Exchange Online tenant Tenant 0', { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Exchange Online tenant Tenant 0', { exact: true }).click({ position: { x: 40, y: 12 } });
  await expect(page.getByRole('tabpanel')).toContainText('Tenant 0');
  const doc = await getDocument(page);
  expect(doc.tenants).toHaveLength(tenants);
});
