/**
 * Issue 13 (work like draw.io and Packet Tracer): the export dialog's scenario picker and the
 * other diagram-tool habits (paste naming, open pictures) as a user reaches for them.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { drawLink, getDocument, openApp } from './helpers';

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

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
async function fit(page: Page): Promise<void> {
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(450);
}
const viewport = (page: Page) => page.locator('.react-flow__viewport').getAttribute('style');

/** Right-clicks, checks the menu is the target's and that its first item is the expected command, and runs it. */
async function openAndRunFirst(page: Page, target: string, firstAction: string, open: () => Promise<void>): Promise<void> {
  await open();
  const menuBox = page.locator(`.context-menu[data-target="${target}"]`);
  await expect(menuBox).toBeVisible();
  const first = menuBox.getByRole('menuitem').first();
  await expect(first).toHaveAttribute('data-action', firstAction);
  await page.screenshot({ path: test.info().outputPath(`context-menu-${target}.png`) });
  await first.click();
  await expect(menuBox).toBeHidden();
}

test.describe('context menus', () => {
  test('each context menu opens on its target and performs its first command', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, '?example=hybrid-seed');
    const before = await getDocument(page);

    // Pane: add a server at the pointer.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await openAndRunFirst(page, 'pane', 'insert.server', () => page.mouse.click(pane.x + 60, pane.y + pane.height - 60, { button: 'right' }));
    await expect.poll(async () => (await getDocument(page)).servers.length).toBe(before.servers.length + 1);

    // Tenant: add an inbound connector into it.
    await openAndRunFirst(page, 'tenant', 'insert.inbound', () => node(page, 'contoso').click({ button: 'right', position: { x: 30, y: 10 } }));
    await expect.poll(async () => (await getDocument(page)).tenants[0].inboundConnectors.length).toBe(before.tenants[0].inboundConnectors.length + 1);

    // Server: the scenario form, prefilled with this server.
    await openAndRunFirst(page, 'server', 'simulation.sendFromHere', () => node(page, 'contoso-app').click({ button: 'right' }));
    await expect(page.locator('#scn-serverId')).toHaveValue('contoso-app');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // External server: the same first command.
    await fit(page);
    await openAndRunFirst(page, 'external', 'simulation.sendFromHere', () => node(page, 'partner-mx').click({ button: 'right' }));
    await expect(page.locator('#scn-serverId')).toHaveValue('partner-mx');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Connectors and rules: zoom to it (the camera moves).
    const inbound = before.tenants[0].inboundConnectors[0].id;
    const outbound = before.tenants[0].outboundConnectors[0].id;
    const rule = before.tenants[0].transportRules[0].id;
    for (const [target, id] of [['inbound', inbound], ['outbound', outbound], ['rule', rule]] as const) {
      await fit(page);
      const was = await viewport(page);
      await openAndRunFirst(page, target, 'view.zoomToSelection', () => node(page, id).click({ button: 'right' }));
      await expect.poll(() => viewport(page)).not.toBe(was);
      expect(await page.evaluate(() => window.__mailflow?.getSelection())).toEqual([id]);
    }

    // A multi-selection: the selection's menu.
    await fit(page);
    await node(page, 'contoso-app').click();
    await node(page, 'partner-mx').click({ modifiers: ['Control'] });
    const was = await viewport(page);
    await openAndRunFirst(page, 'selection', 'view.zoomToSelection', () => node(page, 'partner-mx').click({ button: 'right' }));
    await expect.poll(() => viewport(page)).not.toBe(was);
  });

  test('a playback step has a context menu, and Shift+F10 opens a focused node\'s menu from the keyboard', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const events = page.getByRole('table', { name: 'Events' });
    await expect(events).toBeVisible();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    const row = events.locator('tbody tr').first();
    await openAndRunFirst(page, 'step', 'view.zoomToSelection', () => row.click({ button: 'right' }));

    const ex01 = (await getDocument(page)).servers[0].id;
    await node(page, ex01).focus();
    await page.keyboard.press('Shift+F10');
    const menuBox = page.locator('.context-menu[data-target="server"]');
    await expect(menuBox).toBeVisible();
    await expect(menuBox.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menuBox).toBeHidden();
    await expect(node(page, ex01)).toBeFocused();
  });
});

test('? lists the shortcuts from the registry, and the legend explains the canvas in both languages', async ({ page }) => {
  await openApp(page, '?example=hybrid-seed');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Shift+?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('tr[data-action="file.save"]')).toContainText('Ctrl+S');
  await expect(dialog.locator('tr[data-action="canvas.contextMenu"]')).toContainText('Shift+F10');
  await page.screenshot({ path: test.info().outputPath('shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const legend = page.getByTestId('canvas-legend');
  await legend.getByRole('button', { name: 'Legend' }).click();
  const body = legend.getByRole('region', { name: 'Legend' });
  await expect(body).toContainText('Inbound connector');
  await expect(body).toContainText('Outbound connector to the Internet');
  await expect(body).toContainText('First received here');
  await page.screenshot({ path: test.info().outputPath('legend-en.png') });

  await openApp(page, '?example=hybrid-seed&lang=ja');
  await page.getByTestId('canvas-legend').getByRole('button', { name: '凡例' }).click();
  await expect(page.getByRole('region', { name: '凡例' })).toContainText('受信コネクタ');
  await page.screenshot({ path: test.info().outputPath('legend-ja.png') });
});

test('align left on three nodes gives them equal x, as one undo step', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, '?example=hybrid-seed');
  // Three servers of the on-premises zone (the layout keeps each kind in its zone), two of them moved apart first.
  const ids = ['contoso-ex01', 'contoso-app', 'fabrikam-scan-relay'];
  for (const [id, dx] of [[ids[1], 120], [ids[2], 60]] as const) {
    const box = (await node(page, id).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 20 + dx / 2, box.y + 12, { steps: 4 });
    await page.mouse.move(box.x + 20 + dx, box.y + 14, { steps: 4 });
    await page.mouse.up();
  }
  const xs = async () => new Set(await Promise.all(ids.map(async (id) => Math.round((await node(page, id).boundingBox())!.x)))).size;
  await expect.poll(xs).toBe(3);
  await node(page, ids[0]).click();
  await node(page, ids[1]).click({ modifiers: ['Control'] });
  await node(page, ids[2]).click({ modifiers: ['Control'] });
  expect((await page.evaluate(() => window.__mailflow?.getSelection()))?.sort()).toEqual([...ids].sort());
  const before = (await getDocument(page)).view?.positions ?? {};
  await node(page, ids[1]).click({ button: 'right' });
  await page.locator('.context-menu[data-target="selection"]').getByRole('menuitem', { name: 'Align left' }).click();
  await expect.poll(async () => {
    const p = (await getDocument(page)).view?.positions ?? {};
    return new Set(ids.map((id) => p[id]?.x)).size;
  }).toBe(1);
  // As drawn, too: the three left edges line up on the canvas.
  await expect.poll(xs).toBe(1);
  await page.screenshot({ path: test.info().outputPath('aligned.png') });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => ((await getDocument(page)).view?.positions ?? {})[ids[1]]?.x).toBe(before[ids[1]]?.x);
  expect(((await getDocument(page)).view?.positions ?? {})[ids[2]]?.x).toBe(before[ids[2]]?.x);
  await expect.poll(xs).toBe(3);
});

test('Ctrl+F finds an IP address, lists it, and Enter zooms to the server', async ({ page }) => {
  await openApp(page, '?example=hybrid-seed');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+f');
  const search = page.getByRole('searchbox', { name: 'Find in the design' });
  await expect(search).toBeFocused();
  await search.fill('203.0.113.50');
  const results = page.getByRole('list', { name: 'Matches' });
  // The connector that lists the IP and the server that has it.
  await expect(results.getByRole('button')).toHaveCount(2);
  await expect(results).toContainText('From the application server (IP)');
  await expect(results).toContainText('Application server (SMTP, no TLS)');
  const was = await viewport(page);
  await search.press('Enter');
  await search.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__mailflow?.getSelection())).toEqual(['contoso-app']);
  await expect(page.getByRole('status').filter({ hasText: '2 of 2 matches' })).toBeVisible();
  await expect.poll(() => viewport(page)).not.toBe(was);
  await page.screenshot({ path: test.info().outputPath('find.png') });
  await search.press('Escape');
  await expect(search).toBeHidden();
});

test('a note made from the context menu is edited in place, exported as SVG text, and reopens with the design', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, '?example=hybrid-seed&picker=input');
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.click(pane.x + 80, pane.y + pane.height - 80, { button: 'right' });
  await page.locator('.context-menu[data-target="pane"]').getByRole('menuitem', { name: 'Note' }).click();
  const note = page.getByTestId('canvas-note');
  await expect(note).toBeVisible();
  await note.dblclick();
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.fill('Cut over the MX record on Friday');
  await editor.press('Control+Enter');
  await expect(note).toContainText('Cut over the MX record on Friday');
  await page.getByRole('button', { name: 'Colour #B4E5FF' }).click();
  await expect(note).toHaveCSS('background-color', 'rgb(180, 229, 255)');
  const saved = await getDocument(page);
  const notes = (saved.view as { notes?: Array<{ text: string; color?: string }> }).notes;
  expect(notes).toEqual([expect.objectContaining({ text: 'Cut over the MX record on Friday', color: '#B4E5FF' })]);
  await page.screenshot({ path: test.info().outputPath('note.png') });

  await menu(page, 'File', 'Export…');
  const dialog = page.getByRole('dialog', { name: 'Export diagram' });
  await dialog.locator('input[name="mf-export-format"][value="svg"]').check();
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export SVG' }).click();
  const download = await downloadPromise;
  const svg = await readFile((await download.path())!);
  // The note is one <text> at its canvas place, wrapped at the note's width (a <tspan> per line).
  const noteTexts = [...svg.toString('utf8').matchAll(/<text[^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g)].map((m) =>
    [...m[1].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]).join(' '),
  );
  expect(noteTexts).toContain('Cut over the MX record on Friday');

  await menu(page, 'File', 'New');
  await page.getByRole('button', { name: /Don.t save|Discard/ }).click().catch(() => undefined);
  await expect.poll(async () => (await getDocument(page)).tenants.length).toBe(0);
  await page.locator('#mailflow-open-input').setInputFiles({ name: download.suggestedFilename(), mimeType: 'image/svg+xml', buffer: svg });
  await expect(page.getByTestId('canvas-note')).toContainText('Cut over the MX record on Friday');
});

test.describe('sends-via links', () => {
  test('server → IP connector adds the IP after a preview, as one undo step', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, '?example=hybrid-seed');
    const before = await getDocument(page);
    const connector = before.tenants[0].inboundConnectors.find((c) => c.senderIPAddresses.length > 0)!;
    await drawLink(page, 'contoso-ex01', connector.id);
    const confirm = page.getByRole('dialog', { name: 'Sends via this connector' });
    await expect(confirm).toContainText('Add 203.0.113.10');
    await page.screenshot({ path: test.info().outputPath('sends-via-preview.png') });
    await confirm.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(async () => (await getDocument(page)).tenants[0].inboundConnectors.find((c) => c.id === connector.id)?.senderIPAddresses).toEqual([...connector.senderIPAddresses, '203.0.113.10']);
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await getDocument(page)).tenants[0].inboundConnectors.find((c) => c.id === connector.id)?.senderIPAddresses).toEqual(connector.senderIPAddresses);
  });

  test('server → Partner connector is refused with the reason', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, '?picker=input');
    const doc = JSON.parse(await readFile('examples/hybrid-seed.mailflow.json', 'utf8')) as { tenants: Array<{ inboundConnectors: Array<{ id: string; connectorType: string; senderIPAddresses?: string[] }> }> };
    const connector = doc.tenants[0].inboundConnectors.find((c) => (c.senderIPAddresses ?? []).length > 0)!;
    connector.connectorType = 'Partner';
    await page.locator('#mailflow-open-input').setInputFiles({ name: 'partner.mailflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect(node(page, connector.id)).toBeVisible();
    const before = await getDocument(page);
    await drawLink(page, 'contoso-ex01', connector.id);
    await expect(page.getByText(/is a Partner connector: it is for a partner organization's servers/)).toBeVisible();
    expect(await getDocument(page)).toEqual(before);
  });
});

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.describe('hover cards', () => {
  test('resting on a node shows its settings and diagnostic beside it, in both languages; focus shows it too; Escape closes it', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openApp(page, '?example=hybrid-seed');
    const connector = node(page, 'fabrikam-from-scan-relay');
    // The name is no native tooltip any more (the card replaces it); the node keeps its full name as its accessible name.
    await expect(connector.locator('[title]')).toHaveCount(0);
    await expect(connector).toHaveAttribute('aria-label', /From the Fabrikam scan relay \(certificate\)/);
    await connector.hover();
    const card = page.getByRole('tooltip');
    await expect(card).toBeVisible();
    await expect(card).toContainText('From the Fabrikam scan relay (certificate)');
    await expect(card.locator('[data-setting="tlsSenderCertificateName"]')).toContainText('TLS sender certificate name');
    await expect(card.locator('[data-setting="tlsSenderCertificateName"]')).toContainText('scan.fabrikam-devices.net');
    await expect(card.getByTestId('hover-card-diagnostic')).toContainText('does not lead to an accepted domain of Fabrikam');
    await expect(connector).toHaveAttribute('aria-describedby', /mf-hover-card/);
    // Beside the node, never over it, and inside the window.
    const cardBox = (await card.boundingBox())!;
    expect(overlaps(cardBox, (await connector.boundingBox())!)).toBe(false);
    expect(cardBox.x).toBeGreaterThanOrEqual(0);
    expect(cardBox.y).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(1440);
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: test.info().outputPath('hover-card-en.png') });
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();

    // Keyboard focus shows the card of the focused node.
    await page.mouse.move(5, 5);
    await node(page, 'contoso-app').focus();
    await expect(page.getByRole('tooltip')).toContainText('203.0.113.50');

    await openApp(page, '?example=hybrid-seed&lang=ja');
    await node(page, 'fabrikam-from-scan-relay').hover();
    await expect(page.getByRole('tooltip').locator('[data-setting="tlsSenderCertificateName"]')).toContainText('TLS 送信者証明書の名前');
    await expect(page.getByRole('tooltip')).toContainText('診断');
    await page.screenshot({ path: test.info().outputPath('hover-card-ja.png') });
  });

  test('resting on a playback mark explains it in words', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, '?example=point-1-first-receipt');
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const events = page.getByRole('table', { name: 'Events' });
    await expect(events).toBeVisible();
    await events.locator('tbody tr').last().click();
    await page.waitForTimeout(900); // the camera settles on the last step
    // The overlay takes no pointer events: the card follows the pointer over the mark's drawn box.
    const hoverMark = async (mark: ReturnType<Page['locator']>, words: string) => {
      await expect(mark).toBeVisible();
      await page.mouse.move(5, 5);
      const box = (await mark.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const card = page.getByRole('tooltip');
      await expect(card).toContainText(words);
      expect(overlaps((await card.boundingBox())!, (await mark.boundingBox())!)).toBe(false);
    };
    await hoverMark(page.getByTestId('first-receipt-contoso'), 'Exchange Online first received the message in Contoso');
    await hoverMark(page.getByTestId('rule-acted-contoso-block-outside'), 'matched the message, and its action was applied');
    await hoverMark(page.locator('.pb-chip-ndr').first(), 'A non-delivery report (NDR) goes back to the sender');
    // A rule's own card says what it did in this simulation, in the engine's words.
    await page.mouse.move(5, 5);
    await node(page, 'contoso-block-outside').hover();
    await expect(page.getByRole('tooltip')).toContainText('In this simulation');
    await page.screenshot({ path: test.info().outputPath('hover-mark.png') });

    // No cards in present mode.
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByRole('dialog', { name: 'Choose the scenarios to present' }).getByRole('button', { name: 'Start presenting' }).click();
    await expect(page.getByTestId('present-caption')).toBeVisible();
    await page.mouse.move(5, 5);
    const anyNode = page.locator('.react-flow__node[data-id="contoso"]');
    const nb = (await anyNode.boundingBox())!;
    await page.mouse.move(nb.x + 30, nb.y + 12);
    await page.waitForTimeout(900);
    await expect(page.getByRole('tooltip')).toHaveCount(0);
  });
});

test.describe('smart host links', () => {
  test('outbound connector → server adds the server as a smart host after a preview, as one undo step', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, '?example=hybrid-seed');
    const smartHosts = async () => (await page.evaluate(() => window.__mailflow?.getDocument() as { tenants: Array<{ outboundConnectors: Array<{ id: string; smartHosts: string[] }> }> })).tenants[0].outboundConnectors.find((c) => c.id === 'contoso-to-ex01-jpn')?.smartHosts;
    expect(await smartHosts()).toEqual(['mail.contoso.com']);
    await drawLink(page, 'contoso-to-ex01-jpn', 'contoso-app');
    const confirm = page.getByRole('dialog', { name: 'Delivers to this server' });
    await expect(confirm).toContainText('Add 203.0.113.50 (the IP address of Application server (SMTP, no TLS)) to the smart hosts');
    await expect(confirm).toContainText('Its other smart hosts stay: mail.contoso.com.');
    await page.screenshot({ path: test.info().outputPath('smart-host-preview.png') });
    await confirm.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(smartHosts).toEqual(['mail.contoso.com', '203.0.113.50']);
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('Control+z');
    await expect.poll(smartHosts).toEqual(['mail.contoso.com']);
  });

  test('a connector for your organization\'s email server dropped on a partner\'s server is refused with the reason', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, '?example=hybrid-seed');
    const before = await getDocument(page);
    await drawLink(page, 'contoso-to-ex01-jpn', 'partner-mx');
    await expect(page.getByText(/is a connector for your organization's email server, and Partner mail server \(Internet\) is another organization's server/)).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Delivers to this server' })).toBeHidden();
    expect(await getDocument(page)).toEqual(before);
  });
});

test('alignment guides appear while dragging, and the dropped server lines up with the other one', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, '?example=hybrid-seed');
  // Snap to grid off: the pointer alone decides where the node goes, so only the guide snaps it.
  await page.getByRole('menubar').getByRole('menuitem', { name: 'View', exact: true }).click();
  await page.getByRole('menu', { name: 'View' }).getByRole('menuitemcheckbox', { name: 'Snap to grid' }).click();
  const drag = async (id: string, dx: number, hold?: () => Promise<void>) => {
    const box = (await node(page, id).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 10);
    await page.mouse.down();
    // React Flow starts the drag at the first move: make that one a small vertical step, so the
    // horizontal distance arrives whole.
    await page.mouse.move(box.x + 20, box.y + 13);
    await page.mouse.move(box.x + 20 + dx / 2, box.y + 13, { steps: 4 });
    await page.mouse.move(box.x + 20 + dx, box.y + 13, { steps: 4 });
    await hold?.();
    await page.mouse.up();
  };
  // First apart (far beyond the snapping distance), then back to 3 px right of EX01's left edge.
  await drag('contoso-app', 90);
  const ex01 = (await node(page, 'contoso-ex01').boundingBox())!;
  const app = (await node(page, 'contoso-app').boundingBox())!;
  expect(Math.abs(app.x - ex01.x)).toBeGreaterThan(40);
  let guideAt = '';
  await drag('contoso-app', ex01.x + 3 - app.x, async () => {
    const guide = page.locator('[data-testid="align-guide"][data-axis="x"]');
    await expect(guide.first()).toBeAttached();
    guideAt = (await guide.first().getAttribute('data-at')) ?? '';
    await page.screenshot({ path: test.info().outputPath('guides.png') });
  });
  await expect(page.getByTestId('align-guide')).toHaveCount(0);
  await expect.poll(async () => (await getDocument(page)).view?.positions?.['contoso-app']?.x).toBe(Number(guideAt));
  await expect.poll(async () => Math.abs((await node(page, 'contoso-app').boundingBox())!.x - ex01.x)).toBeLessThan(0.5);
});

test.describe('run scenarios that touch this', () => {
  test('runs exactly the scenarios whose path touches the component, and says when none does', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, '?example=hybrid-seed');
    const doc = await getDocument(page);
    const rule = 'contoso-block-outside';
    await node(page, rule).click({ button: 'right' });
    await page.locator('.context-menu[data-target="rule"]').getByRole('menuitem', { name: 'Run scenarios that touch this' }).click();
    const summary = page.getByTestId('check-summary');
    await expect(summary).toContainText('1 scenario touches Block mail to recipients outside Contoso');
    const list = page.getByRole('listbox', { name: 'Scenario list' });
    // Only the scenario its path touches has a result; every other one says it is not on its path.
    await expect(list.getByTestId('check-badge')).toHaveCount(1);
    await expect(list.locator('[data-scenario="point1-rule-blocks-handoff"]').getByTestId('check-badge')).toBeVisible();
    await expect(list.getByText('Not on its path')).toHaveCount(doc.scenarios.length - 1);
    await page.screenshot({ path: test.info().outputPath('touching.png') });

    await fit(page);
    await node(page, 'contoso-to-ex01-cmt').click({ button: 'right' });
    await page.locator('.context-menu[data-target="outbound"]').getByRole('menuitem', { name: 'Run scenarios that touch this' }).click();
    await expect(summary).toHaveText("No scenario's path touches To EX01 (centralized mail transport).");
    await expect(list.getByTestId('check-badge')).toHaveCount(0);
  });
});
