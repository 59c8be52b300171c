/**
 * The designer in a browser: building, editing, undo/redo, files, diagnostics, languages. Every
 * assertion about the model reads the document through the read-only test hook.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { dragPaletteTo, getDocument, getSelection, nodeCenter, openApp } from './helpers';

test.describe('building a topology', () => {
  test('palette drag and drop creates a server, two tenants and a connector inside a tenant', async ({ page }) => {
    await openApp(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const at = (fx: number, fy: number) => ({ x: pane.x + pane.width * fx, y: pane.y + pane.height * fy });

    await dragPaletteTo(page, 'On-premises server', at(0.1, 0.2));
    await dragPaletteTo(page, 'Exchange Online tenant', at(0.45, 0.1));
    await dragPaletteTo(page, 'Exchange Online tenant', at(0.45, 0.55));

    await expect(page.getByLabel('On-premises server Server 1', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Exchange Online tenant Tenant 1', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Exchange Online tenant Tenant 2', { exact: true })).toBeVisible();

    await dragPaletteTo(page, 'Inbound connector', await nodeCenter(page, 'Exchange Online tenant Tenant 2'));
    await expect(page.getByLabel('Inbound connector Inbound connector', { exact: true })).toBeVisible();

    const doc = await getDocument(page);
    expect(doc.servers.map((s) => [s.name, s.role])).toEqual([['Server 1', 'onPremises']]);
    expect(doc.tenants.map((t) => t.name)).toEqual(['Tenant 1', 'Tenant 2']);
    expect(doc.tenants[0].inboundConnectors).toHaveLength(0);
    expect(doc.tenants[1].inboundConnectors).toHaveLength(1);
    // Unique ids across the whole document.
    const ids = [...doc.servers.map((s) => s.id), ...doc.tenants.flatMap((t) => [t.id, ...t.inboundConnectors.map((c) => c.id)])];
    expect(new Set(ids).size).toBe(ids.length);
    // Dropped where the user dropped them: the two tenants are one above the other.
    const p = doc.view!.positions;
    expect(p[doc.tenants[1].id].y).toBeGreaterThan(p[doc.tenants[0].id].y + 100);
  });

  test('a connector dropped outside any tenant is refused with a message', async ({ page }) => {
    await openApp(page, '?example=point-2-certificate');
    const before = await getDocument(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await dragPaletteTo(page, 'Outbound connector', { x: pane.x + 20, y: pane.y + 20 });
    await expect(page.getByRole('alert').filter({ hasText: 'drop it on a tenant' })).toBeVisible();
    expect(await getDocument(page)).toEqual(before);
  });

  test('dragging a connector to another tenant moves it in the model, as one undo step', async ({ page }) => {
    await openApp(page, '?example=point-2-certificate');
    const from = await nodeCenter(page, 'Inbound connector From Contoso on-premises');
    const to = await nodeCenter(page, 'Exchange Online tenant Litware');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
    await page.mouse.move(to.x, to.y + 20, { steps: 12 });
    await page.mouse.up();
    await expect.poll(async () => (await getDocument(page)).tenants[1].inboundConnectors.map((c) => c.id)).toEqual(['litware-cert', 'contoso-cert']);
    expect((await getDocument(page)).tenants[0].inboundConnectors).toHaveLength(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    const doc = await getDocument(page);
    expect(doc.tenants[0].inboundConnectors.map((c) => c.id)).toEqual(['contoso-cert']);
    expect(doc.tenants[1].inboundConnectors.map((c) => c.id)).toEqual(['litware-cert']);
  });

  test('clicking a palette button adds into the selected tenant', async ({ page }) => {
    await openApp(page, '?example=point-2-certificate');
    await page.getByLabel('Exchange Online tenant Litware', { exact: true }).click({ position: { x: 40, y: 12 } });
    await page.getByRole('button', { name: 'Mail flow rule', exact: true }).click();
    const doc = await getDocument(page);
    expect(doc.tenants[1].transportRules).toHaveLength(1);
    expect(doc.tenants[0].transportRules).toHaveLength(0);
    expect(await getSelection(page)).toEqual([doc.tenants[1].transportRules[0].id]);
  });
});

test.describe('editing', () => {
  test('an invalid IP shows its error beside the field and never reaches the document', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    await page.getByLabel('On-premises server EX01 (Exchange 2019)', { exact: true }).click();
    const ip = page.getByLabel('IP address', { exact: true });
    await expect(ip).toHaveValue('203.0.113.10');

    await ip.fill('203.0.113.300');
    await ip.press('Tab');
    await expect(ip).toHaveAttribute('aria-invalid', 'true');
    const errorId = await ip.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${errorId}"]`)).toContainText('is not an IPv4 address');
    expect((await getDocument(page)).servers[0].ipAddress).toBe('203.0.113.10');

    await ip.fill('203.0.113.11');
    await ip.press('Enter');
    await expect(ip).not.toHaveAttribute('aria-invalid', 'true');
    await expect.poll(async () => (await getDocument(page)).servers[0].ipAddress).toBe('203.0.113.11');
  });

  test('a value valid alone but invalid in the document (a domain another tenant accepts) is refused in the field\'s words', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    await page.getByLabel('Exchange Online tenant Fabrikam', { exact: true }).click({ position: { x: 40, y: 12 } });
    const domain = page.getByLabel('Domain name', { exact: true }).first();
    await domain.fill('contoso.com');
    await domain.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Another tenant already accepts this domain' })).toBeVisible();
    // Never the loader's JSON path in the inspector.
    await expect(page.getByRole('alert').filter({ hasText: 'acceptedDomains' })).toHaveCount(0);
    expect((await getDocument(page)).tenants[1].acceptedDomains[0].domainName).toBe('fabrikam.com');
  });

  test('inbound connector fields: list validation names the bad line', async ({ page }) => {
    await openApp(page, '?example=point-2-certificate');
    await page.getByLabel('Inbound connector From Contoso on-premises', { exact: true }).click();
    const ips = page.getByLabel('Sender IP addresses', { exact: true });
    await ips.fill('203.0.113.10\n198.51.100.0/33');
    await ips.blur();
    await expect(page.getByText('Line 2:')).toBeVisible();
    expect((await getDocument(page)).tenants[0].inboundConnectors[0].senderIPAddresses).toEqual([]);
    await ips.fill('203.0.113.10\n198.51.100.0/24');
    await ips.blur();
    await expect.poll(async () => (await getDocument(page)).tenants[0].inboundConnectors[0].senderIPAddresses).toEqual(['203.0.113.10', '198.51.100.0/24']);
  });

  test('undo and redo: one edit is one step, by keyboard and by toolbar', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    await page.getByLabel('On-premises server EX01 (Exchange 2019)', { exact: true }).click();
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('EX01 renamed');
    await name.press('Enter');
    await expect.poll(async () => (await getDocument(page)).servers[0].name).toBe('EX01 renamed');

    // Focus the canvas, not a text field, so Ctrl+Z is the app's undo.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await getDocument(page)).servers[0].name).toBe('EX01 (Exchange 2019)');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await getDocument(page)).servers[0].name).toBe('EX01 renamed');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await getDocument(page)).servers[0].name).toBe('EX01 (Exchange 2019)');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(async () => (await getDocument(page)).servers[0].name).toBe('EX01 renamed');
    // Loading the example is not undoable: two undos go back exactly one step.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  });

  test('a node drag is committed once, as one undo step', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    const before = (await getDocument(page)).view?.positions?.['contoso-ex01'];
    const c = await nodeCenter(page, 'On-premises server EX01 (Exchange 2019)');
    await page.mouse.move(c.x, c.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(c.x + i * 6, c.y + i * 8);
    await page.mouse.up();
    await expect.poll(async () => (await getDocument(page)).view?.positions?.['contoso-ex01']).not.toEqual(before);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await getDocument(page)).view?.positions?.['contoso-ex01']).toEqual(before);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  });

  test('moving a node with the arrow keys is committed', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    const before = (await getDocument(page)).view?.positions?.['contoso-ex01'];
    await page.getByLabel('On-premises server EX01 (Exchange 2019)', { exact: true }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await getDocument(page)).view?.positions?.['contoso-ex01']?.x).toBeGreaterThan(before?.x ?? 40);
  });

  test('deleting a tenant names the connectors, rules and scenario expectations affected', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    await page.getByLabel('Exchange Online tenant Contoso', { exact: true }).click({ position: { x: 40, y: 12 } });
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Inbound connector: From Contoso on-premises');
    await expect(dialog).toContainText('Mail flow rule: Block mail to domains outside Contoso');
    await expect(dialog).toContainText('loses the expectations');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await getDocument(page)).tenants).toHaveLength(2);

    await page.keyboard.press('Delete');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    const doc = await getDocument(page);
    expect(doc.tenants.map((t) => t.id)).toEqual(['fabrikam']);
    expect(JSON.stringify(doc.scenarios)).not.toContain('"contoso"');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await getDocument(page)).tenants).toHaveLength(2);
  });

  test('duplicate, copy and paste give new ids; multi-select deletes together', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    await page.getByLabel('On-premises server EX01 (Exchange 2019)', { exact: true }).click();
    await page.keyboard.press('Control+d');
    await expect.poll(async () => (await getDocument(page)).servers.length).toBe(3);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await getDocument(page)).servers.length).toBe(4);
    const ids = (await getDocument(page)).servers.map((s) => s.id);
    expect(new Set(ids).size).toBe(4);

    const sel = await getSelection(page);
    expect(sel).toHaveLength(1);
    await page.getByLabel('On-premises server Internet gateway (no connector)', { exact: true }).click({ modifiers: ['Control'] });
    await expect.poll(() => getSelection(page)).toHaveLength(2);
    await page.keyboard.press('Delete');
    // The gateway is the server of a scenario: the confirmation names the scenario deleted with it.
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Scenario');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await getDocument(page)).servers.length).toBe(2);
    expect((await getDocument(page)).servers.map((s) => s.id)).not.toContain('contoso-gw');
  });
});

test.describe('files', () => {
  test('save (download) and reopen (upload) gives the same document', async ({ page }) => {
    await openApp(page, '?example=point-2-certificate');
    // Make an edit so the document differs from the bundled example.
    await page.getByLabel('On-premises server Litware relay', { exact: true }).click();
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Litware relay (edited)');
    await name.press('Enter');
    await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
    await expect.poll(() => page.title()).toMatch(/^• /);

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const download = await downloadPromise;
    const savedPath = test.info().outputPath('saved.mailflow.json');
    await download.saveAs(savedPath);
    const saved = JSON.parse(await readFile(savedPath, 'utf8'));
    expect(saved).toEqual(await getDocument(page));
    await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
    await expect.poll(() => page.title()).not.toMatch(/^• /);

    // New document, then open the saved file through the upload input.
    await page.getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'New', exact: true }).click();
    await expect.poll(async () => (await getDocument(page)).tenants.length).toBe(0);
    await page.locator('#mailflow-open-input').setInputFiles(savedPath);
    await expect.poll(async () => (await getDocument(page)).servers.map((s) => s.name)).toContain('Litware relay (edited)');
    expect(await getDocument(page)).toEqual(saved);
  });

  test('Open Recent lists an opened file and reopens it', async ({ page }) => {
    await openApp(page);
    const text = await readFile('examples/point-3-ip-connector-2017.mailflow.json', 'utf8');
    await page.locator('#mailflow-open-input').setInputFiles({ name: 'northwind.mailflow.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(async () => (await getDocument(page)).tenants.map((t) => t.id)).toEqual(['northwind']);
    await page.getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'New', exact: true }).click();
    await expect.poll(async () => (await getDocument(page)).tenants.length).toBe(0);
    await page.getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'northwind.mailflow.json' }).click();
    await expect.poll(async () => (await getDocument(page)).tenants.map((t) => t.id)).toEqual(['northwind']);
  });

  test('a file that fails to load shows located errors and changes nothing', async ({ page }) => {
    await openApp(page, '?example=point-2-certificate');
    const before = await getDocument(page);
    const bad = structuredClone(before) as unknown as { servers: Array<{ ipAddress: string }> };
    bad.servers[1].ipAddress = '192.0.2.999';
    await page.locator('#mailflow-open-input').setInputFiles({
      name: 'bad.mailflow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('servers[1].ipAddress');
    await expect(dialog).toContainText('"192.0.2.999"');
    await expect(dialog).toContainText('IPv4');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await getDocument(page)).toEqual(before);
  });

  test('a draft is written while editing and offered back on the next start', async ({ page }) => {
    await openApp(page, '?example=point-2-certificate');
    await page.getByLabel('On-premises server Litware relay', { exact: true }).click();
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Draft survivor');
    await name.press('Enter');
    // The draft writer is debounced: wait until the draft with the edit is in IndexedDB.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const open = indexedDB.open('mailflow-studio');
              open.onsuccess = () => {
                const all = open.result.transaction('drafts').objectStore('drafts').getAll();
                all.onsuccess = () => resolve(JSON.stringify(all.result));
                all.onerror = () => resolve('');
              };
              open.onerror = () => resolve('');
            }),
        ),
      )
      .toContain('Draft survivor');
    // "Crash": reload without saving, and accept the recovery offer.
    page.on('dialog', (d) => void d.accept());
    await page.goto('/?lang=en');
    await page.getByRole('dialog').getByRole('button', { name: 'Recover' }).click();
    await expect.poll(async () => (await getDocument(page)).servers.map((s) => s.name)).toContain('Draft survivor');
    await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  });
});

test.describe('diagnostics', () => {
  test('the Point 2 diagnostic appears and clicking it selects its connector', async ({ page }) => {
    await openApp(page, '?example=point-2-certificate');
    await page.getByRole('tab', { name: /Diagnostics/ }).click();
    const item = page.locator('button.diagnostic[data-entity="litware-cert"]');
    await expect(item).toContainText('certificate');
    await item.click();
    expect(await getSelection(page)).toEqual(['litware-cert']);
    await expect(page.getByLabel('Inbound connector From Litware relay (certificate on a domain that is not accepted)', { exact: true })).toHaveClass(/selected/);
    // The inspector shows the selected connector.
    await expect(page.getByLabel('TLS sender certificate name', { exact: true })).toHaveValue('relay.litware-mail.net');
    // Its node carries a badge.
    await expect(page.getByLabel('Inbound connector From Litware relay (certificate on a domain that is not accepted)', { exact: true }).getByTestId('diagnostic-badge')).toBeVisible();
  });

  test('diagnostics follow edits live', async ({ page }) => {
    await openApp(page, '?example=point-2-certificate');
    await page.getByRole('tab', { name: /Diagnostics/ }).click();
    await expect(page.locator('button.diagnostic[data-entity="litware-cert"]')).toBeVisible();
    await page.getByLabel('Exchange Online tenant Litware', { exact: true }).click({ position: { x: 40, y: 12 } });
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByRole('button', { name: 'Add accepted domain' }).click();
    const domain = page.getByLabel('Domain name', { exact: true }).last();
    await domain.fill('litware-mail.net');
    await domain.press('Enter');
    await page.getByRole('tab', { name: /Diagnostics/ }).click();
    await expect(page.locator('button.diagnostic[data-entity="litware-cert"]')).toHaveCount(0);
  });
});

test('the Japanese UI renders', async ({ page }) => {
  await openApp(page, '?example=point-2-certificate&lang=ja');
  await expect(page.getByRole('button', { name: 'オンプレミス サーバー', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '受信コネクタ', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'メール フロー ルール', exact: true })).toBeVisible();
  await expect(page.getByLabel('Exchange Online テナント Contoso', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('tab', { name: /診断/ }).click();
  // The engine's diagnostics come translated too.
  await expect(page.locator('button.diagnostic').first()).toContainText(/[\u3040-\u30ff\u4e00-\u9fff]/);
  // Switching back to English from the UI.
  await page.getByRole('combobox', { name: '言語' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'On-premises server', exact: true })).toBeVisible();
});

test.describe('view', () => {
  test('auto-layout moves every entity in one undo step', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    const before = (await getDocument(page)).view?.positions ?? {};
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await expect.poll(async () => Object.keys((await getDocument(page)).view?.positions ?? {}).sort()).toEqual(
      ['contoso', 'contoso-ex01', 'contoso-gw', 'fabrikam'],
    );
    const after = (await getDocument(page)).view!.positions;
    // Servers end up left of the tenants (senders → front door → tenants).
    expect(after['contoso-ex01'].x).toBeLessThan(after['contoso'].x);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await getDocument(page)).view?.positions ?? {}).toEqual(before);
  });

  test('the theme switch changes the look and is remembered', async ({ page }) => {
    // What the user sees: the luminance of the painted background (WCAG relative luminance, 0–1).
    const backgroundLuminance = () =>
      page.locator('body').evaluate((el) => {
        const [r, g, b] = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).map(Number).map((c) => c / 255);
        const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      });
    await openApp(page, '?theme=light');
    expect(await backgroundLuminance()).toBeGreaterThan(0.6);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(backgroundLuminance).toBeLessThan(0.1);
    await page.goto('/?recover=no&lang=en');
    await expect(page.locator('.react-flow')).toBeVisible();
    await expect.poll(backgroundLuminance).toBeLessThan(0.1);
  });

  test('a file dropped on the window opens', async ({ page }) => {
    await openApp(page);
    const text = await readFile('examples/point-2-certificate.mailflow.json', 'utf8');
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.mailflow.json', { type: 'application/json' }));
      const target = document.querySelector('.app')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await expect.poll(async () => (await getDocument(page)).tenants.map((t) => t.id)).toEqual(['contoso', 'litware']);
    await expect(page.getByTestId('document-title')).toContainText('dropped.mailflow.json');
  });
});

test.describe('files with the File System Access API', () => {
  test('saving over a file changed on disk asks: overwrite, save as, or cancel', async ({ page }) => {
    const example = await readFile('examples/point-2-certificate.mailflow.json', 'utf8');
    // A fake file system: one file, whose handle the pickers return.
    await page.addInitScript((text) => {
      const disk = { text, lastModified: 1_000, writes: 0 };
      const handle = {
        kind: 'file',
        name: 'contoso.mailflow.json',
        getFile: async () => new File([disk.text], 'contoso.mailflow.json', { lastModified: disk.lastModified }),
        createWritable: async () => ({
          write: async (t: string) => {
            disk.text = t;
            disk.writes += 1;
            disk.lastModified += 1_000;
          },
          close: async () => {},
        }),
        requestPermission: async () => 'granted',
      };
      Object.assign(window, { __disk: disk, showOpenFilePicker: async () => [handle], showSaveFilePicker: async () => handle });
    }, example);
    await openApp(page, '?picker=fsa');
    await page.getByRole('button', { name: 'Open…' }).click();
    await expect.poll(async () => (await getDocument(page)).tenants.map((t) => t.id)).toEqual(['contoso', 'litware']);

    await page.getByLabel('On-premises server Litware relay', { exact: true }).click();
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Changed here');
    await name.press('Enter');
    // Another program changes the file meanwhile.
    await page.evaluate(() => {
      const disk = (window as unknown as { __disk: { text: string; lastModified: number } }).__disk;
      disk.text = disk.text.replace('Litware relay', 'Changed elsewhere');
      disk.lastModified = 9_000;
    });

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('changed by another program');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const disk = () => page.evaluate(() => (window as unknown as { __disk: { text: string; writes: number } }).__disk);
    expect((await disk()).writes).toBe(0);
    await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Overwrite' }).click();
    await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
    const written = await disk();
    expect(written.writes).toBe(1);
    expect(JSON.parse(written.text)).toEqual(await getDocument(page));

    // The next save is not a conflict: the stamp was refreshed by the save.
    await name.fill('Changed again');
    await name.press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
    expect((await disk()).writes).toBe(2);
  });
});
