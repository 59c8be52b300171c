/** Shared helpers for the designer's end-to-end tests. */
import { expect, type Page } from '@playwright/test';

export interface TestDocument {
  title: string;
  tenants: Array<{
    id: string;
    name: string;
    acceptedDomains: Array<{ domainName: string; domainType: string; matchSubDomains: boolean }>;
    inboundConnectors: Array<{ id: string; name: string; senderIPAddresses: string[]; tlsSenderCertificateName: string | null }>;
    outboundConnectors: Array<{ id: string; name: string }>;
    transportRules: Array<{ id: string; name: string; priority: number }>;
  }>;
  servers: Array<{ id: string; name: string; role: string; ipAddress: string }>;
  scenarios: unknown[];
  view?: { positions: Record<string, { x: number; y: number }> };
}

/** Opens the app with the test hook on; `query` such as "?example=point-2-certificate". */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.addInitScript(() => {
    window.__MAILFLOW_TEST__ = true;
  });
  const sep = query.includes('?') ? '&' : '?';
  await page.goto(`/${query}${sep}recover=no${query.includes('lang=') ? '' : '&lang=en'}`);
  await expect(page.locator('.react-flow')).toBeVisible();
  if (query.includes('example=')) {
    // The example is fetched after start-up: wait until it is the open document.
    await page.waitForFunction(() => {
      const doc = window.__mailflow?.getDocument() as { tenants: unknown[]; servers: unknown[] } | undefined;
      return !!doc && doc.tenants.length + doc.servers.length > 0;
    });
  }
}

export function getDocument(page: Page): Promise<TestDocument> {
  return page.evaluate(() => window.__mailflow?.getDocument() as never);
}

export function getSelection(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__mailflow?.getSelection() ?? []);
}

/** HTML5 drag and drop from a palette button to a point of the canvas (viewport coordinates). */
export async function dragPaletteTo(page: Page, name: string, target: { x: number; y: number }): Promise<void> {
  const source = page.getByRole('button', { name, exact: true });
  await source.dragTo(page.locator('.react-flow__pane'), { targetPosition: await relativeToPane(page, target) });
}

async function relativeToPane(page: Page, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no canvas');
  return { x: point.x - box.x, y: point.y - box.y };
}

/** Centre of a canvas node in viewport coordinates. */
export async function nodeCenter(page: Page, label: string): Promise<{ x: number; y: number }> {
  const box = await page.getByLabel(label, { exact: true }).boundingBox();
  if (!box) throw new Error(`no node ${label}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from a node's link handle (a server's or an outbound connector's right handle) onto another node (React Flow's connect gesture). */
export async function drawLink(page: Page, fromId: string, toId: string): Promise<void> {
  const from = page.locator(`.react-flow__node[data-id="${fromId}"]`);
  const handle = from.locator('.react-flow__handle.source');
  await from.hover();
  const h = (await handle.boundingBox())!;
  const target = (await page.locator(`.react-flow__node[data-id="${toId}"]`).boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + 20, target.y + target.height / 2, { steps: 8 });
  await page.mouse.move(target.x + 8, target.y + target.height / 2, { steps: 4 });
  await page.mouse.up();
}
