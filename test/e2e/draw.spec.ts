/**
 * Issue 13 (work like draw.io and Packet Tracer): the export dialog's scenario picker and the
 * other diagram-tool habits (paste naming, open pictures) as a user reaches for them.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { getDocument, openApp } from './helpers';

async function menu(page: Page, group: string, item: string): Promise<void> {
  await page.getByRole('menubar').getByRole('menuitem', { name: group, exact: true }).click();
  await page
    .getByRole('menu', { name: group })
    .getByRole('menuitem')
    .filter({ has: page.locator('.menu-label', { hasText: new RegExp(`^${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
    .click();
}

test('the export dialog runs the scenario chosen in it: nothing has to be run first', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt');
  await menu(page, 'File', 'Export…');
  const dialog = page.getByRole('dialog', { name: 'Export diagram' });
  const include = dialog.getByRole('checkbox', { name: /Include the simulation/ });
  await expect(include).toBeDisabled();
  await dialog.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: "EX01 sends to Fabrikam: Contoso's rule blocks it" });
  await expect(include).toBeEnabled();
  await expect(include).toBeChecked();
  await dialog.locator('input[name="mf-export-format"][value="svg"]').check();
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export SVG' }).click();
  const download = await downloadPromise;
  const svg = (await readFile((await download.path())!)).toString('utf8');
  expect(svg).toContain('First receipt');
  expect(svg).toContain('5.7.1');
});

test('a picture without a design chosen in File ▸ Open is refused in words, and the design stays', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt&picker=input');
  const before = await getDocument(page);
  await page.locator('#mailflow-open-input').setInputFiles({ name: 'photo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await expect(page.getByText('photo.svg does not contain a Mailflow design.')).toBeVisible();
  expect(await getDocument(page)).toEqual(before);
});
