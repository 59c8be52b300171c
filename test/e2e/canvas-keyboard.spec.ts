/**
 * The canvas from the keyboard alone: Tab into it and between nodes, Enter selects and shows the
 * inspector, arrow keys move a server by the grid step (Shift: four steps), M moves a connector to
 * another tenant, Delete deletes (a tenant with its contents after the confirmation). Every change
 * is announced in the canvas's polite live region, in English and in Japanese.
 */
import { expect, test, type Page } from '@playwright/test';
import { getDocument, getSelection, openApp } from './helpers';

const CONNECTOR = 'Inbound connector From Contoso on-premises';
const SERVER = 'On-premises server Contoso EX01';

/** Presses Tab until the focused element is the canvas node with this accessible name. */
async function tabToNode(page: Page, label: string, maxPresses = 80): Promise<number> {
  for (let i = 1; i <= maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.classList.contains('react-flow__node') ? el.getAttribute('aria-label') : null;
    });
    if (focused === label) return i;
  }
  throw new Error(`Tab never reached ${label}`);
}

async function focusedNodeLabels(page: Page, presses: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => (document.activeElement?.classList.contains('react-flow__node') ? document.activeElement.getAttribute('aria-label') : null));
    if (label) seen.push(label);
  }
  return seen;
}

const announcer = (page: Page) => page.getByTestId('canvas-announcer');

test('Tab reaches the canvas nodes and moves between them; Enter selects and opens the inspector', async ({ page }) => {
  await openApp(page, '?example=point-2-certificate');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const presses = await tabToNode(page, 'Exchange Online tenant Contoso');
  expect(presses).toBeGreaterThan(0);
  // Tab goes on from node to node.
  const next = await focusedNodeLabels(page, 3);
  expect(next).toContain(CONNECTOR);

  await page.getByRole('tab', { name: 'Diagnostics' }).click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await tabToNode(page, CONNECTOR);
  await page.keyboard.press('Enter');
  const doc = await getDocument(page);
  const connectorId = doc.tenants.find((t) => t.name === 'Contoso')!.inboundConnectors[0].id;
  expect(await getSelection(page)).toEqual([connectorId]);
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('From Contoso on-premises');
  await expect(announcer(page)).toHaveText(`Selected ${CONNECTOR}. The Inspector tab shows its settings.`);
  await expect(announcer(page)).toHaveAttribute('aria-live', 'polite');
});

test('arrow keys move a selected server by the grid step, Shift by four steps, and say where', async ({ page }) => {
  await openApp(page, '?example=point-2-certificate');
  const serverId = (await getDocument(page)).servers.find((s) => s.name === 'Contoso EX01')!.id;
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await tabToNode(page, SERVER);
  await page.keyboard.press('Enter');
  const before = await page.evaluate((id) => {
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
    const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(el.style.transform)!;
    return { x: Number(m[1]), y: Number(m[2]) };
  }, serverId);

  // With "snap to grid" on (the default), a step is one grid cell and lands on the grid.
  const grid = (v: number) => Math.round(v / 20) * 20;
  const first = { x: grid(before.x + 20), y: grid(before.y) };
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await getDocument(page)).view?.positions[serverId]).toEqual(first);
  expect(first.x - before.x).toBeGreaterThanOrEqual(10);
  await expect(announcer(page)).toHaveText(`Moved ${SERVER} to x ${first.x}, y ${first.y}.`);

  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => (await getDocument(page)).view?.positions[serverId]).toEqual({ x: first.x, y: first.y + 80 });
  await expect(announcer(page)).toHaveText(`Moved ${SERVER} to x ${first.x}, y ${first.y + 80}.`);

  // One key press is one undo step.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await getDocument(page)).view?.positions[serverId]).toEqual(first);
});

test('M moves a selected connector to another tenant from a list, and it is announced', async ({ page }) => {
  await openApp(page, '?example=point-2-certificate');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await tabToNode(page, CONNECTOR);
  await page.keyboard.press('Enter');
  // Arrow keys do not pull a connector out of its tenant's column.
  const connectorNode = page.getByLabel(CONNECTOR, { exact: true });
  const placed = await connectorNode.evaluate((el) => (el as HTMLElement).style.transform);
  await page.keyboard.press('ArrowDown');
  await expect(announcer(page)).toContainText('stays in its tenant');
  expect(await connectorNode.evaluate((el) => (el as HTMLElement).style.transform)).toBe(placed);
  await page.getByLabel('Exchange Online tenant Contoso', { exact: true }).click({ position: { x: 30, y: 10 } });
  await connectorNode.click();
  expect(await connectorNode.evaluate((el) => (el as HTMLElement).style.transform)).toBe(placed);

  await page.keyboard.press('m');
  const dialog = page.getByRole('dialog', { name: 'Move to tenant' });
  await expect(dialog).toBeVisible();
  const list = dialog.getByRole('listbox', { name: `Move ${CONNECTOR} to` });
  await expect(list).toBeFocused();
  // Only the other tenant is offered.
  await expect(list.getByRole('option')).toHaveText(['Litware']);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const doc = await getDocument(page);
  expect(doc.tenants.find((t) => t.name === 'Contoso')!.inboundConnectors.map((c) => c.name)).not.toContain('From Contoso on-premises');
  expect(doc.tenants.find((t) => t.name === 'Litware')!.inboundConnectors.map((c) => c.name)).toContain('From Contoso on-premises');
  await expect(announcer(page)).toHaveText(`Moved ${CONNECTOR} to tenant Litware.`);
  // Focus follows the moved connector, so the next key acts on it.
  await expect(page.locator('.react-flow__node:focus')).toHaveAttribute('aria-label', CONNECTOR);

  // Escape closes the list without moving anything.
  await page.keyboard.press('m');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await getDocument(page)).tenants.find((t) => t.name === 'Litware')!.inboundConnectors.map((c) => c.name)).toContain('From Contoso on-premises');
});

test('Delete deletes the focused selection; a tenant with contents asks first', async ({ page }) => {
  await openApp(page, '?example=point-2-certificate');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await tabToNode(page, CONNECTOR);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await getDocument(page)).tenants.find((t) => t.name === 'Contoso')!.inboundConnectors).toHaveLength(0);
  await expect(announcer(page)).toHaveText(`Deleted ${CONNECTOR}.`);
  // Focus stays on the canvas (on the connector's tenant), not on the page.
  await expect(page.locator('.react-flow__node:focus')).toHaveAttribute('aria-label', 'Exchange Online tenant Contoso');

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await tabToNode(page, 'Exchange Online tenant Litware');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(async () => (await getDocument(page)).tenants.map((t) => t.name)).toEqual(['Contoso']);
  await expect(announcer(page)).toHaveText(/^Deleted \d+ items\.$/);
  await expect(page.locator('.react-flow__node:focus')).toHaveCount(1);
});

test('announcements are in Japanese in the Japanese UI', async ({ page }) => {
  await openApp(page, '?example=point-2-certificate&lang=ja');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  // The Japanese edition of the example (shared/i18n/gallery.ts): the connector's Japanese name.
  const connector = '受信コネクタ Contoso のオンプレミスから';
  await tabToNode(page, connector);
  await page.keyboard.press('Enter');
  await expect(announcer(page)).toHaveText(`${connector} を選択しました。[プロパティ] タブに設定が表示されます。`);
  await page.keyboard.press('m');
  await expect(page.getByRole('dialog', { name: 'テナントへの移動' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(announcer(page)).toHaveText(`${connector} をテナント Litware に移動しました。`);
});
