/**
 * The integrations in the web build: diagram export (SVG, PNG, PDF) and re-opening exported
 * pictures, New from example, the Exchange Online import with its report, bad import files, Export
 * as PowerShell and the comparison with a real tenant. Documents are read through the read-only
 * test hook; exported files are checked byte by byte (PNG header, pdf-lib for the PDF).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { getDocument, openApp, type TestDocument } from './helpers';

const EXO = 'test/fixtures/exo';
const EXO_FILES = ['accepted-domains.json', 'inbound-connectors.json', 'outbound-connectors.json', 'transport-rules.json', 'organization-config.json'].map((f) =>
  join(EXO, f),
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches exactly this text. */
const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);

/** Opens a menu of the web menubar and clicks one of its items (by its label, shortcut text aside). */
async function menu(page: Page, group: string, item: string): Promise<void> {
  await page.getByRole('menubar').getByRole('menuitem', { name: group, exact: true }).click();
  await page.getByRole('menu', { name: group }).getByRole('menuitem').filter({ has: page.locator('.menu-label', { hasText: exactly(item) }) }).click();
}

async function downloadBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  if (!path) throw new Error('download failed');
  return readFile(path);
}

/** Exports the open document in one format through File ▸ Export… and returns the file. */
async function exportAs(page: Page, format: 'svg' | 'png' | 'pdf'): Promise<{ name: string; bytes: Buffer }> {
  await menu(page, 'File', 'Export…');
  const dialog = page.getByRole('dialog', { name: 'Export diagram' });
  await expect(dialog).toBeVisible();
  await dialog.locator(`input[name="mf-export-format"][value="${format}"]`).check();
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: `Export ${format.toUpperCase()}` }).click();
  const download = await downloadPromise;
  await expect(dialog).toBeHidden();
  return { name: download.suggestedFilename(), bytes: await downloadBytes(download) };
}

function entityNames(doc: TestDocument): string[] {
  return [
    ...doc.servers.map((s) => s.name),
    ...doc.tenants.flatMap((t) => [t.name, ...t.inboundConnectors.map((c) => c.name), ...t.outboundConnectors.map((c) => c.name), ...t.transportRules.map((r) => r.name)]),
  ];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function openUpload(page: Page, name: string, buffer: Buffer, mimeType: string): Promise<void> {
  await page.locator('#mailflow-open-input').setInputFiles({ name, mimeType, buffer });
}

test.describe('export from the app', () => {
  test('SVG, PNG and PDF of the hybrid example are valid and complete; PNG and SVG re-open as the same design', async ({ page }) => {
    await openApp(page, '?example=hybrid-seed');
    const original = await getDocument(page);
    const names = entityNames(original);
    expect(names.length).toBeGreaterThan(8);

    // SVG: parses, and every entity's name is drawn (wrapped names are split into <tspan>s).
    const svg = await exportAs(page, 'svg');
    expect(svg.name).toMatch(/\.svg$/);
    const svgText = svg.bytes.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const xml = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = xml.documentElement;
      return {
        error: xml.getElementsByTagName('parsererror').length > 0,
        name: root.localName,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        texts: [...xml.getElementsByTagName('text')].map((t) => t.textContent ?? ''),
      };
    }, svgText);
    expect(parsed.error).toBe(false);
    expect(parsed.name).toBe('svg');
    const drawn = parsed.texts.join('\n').replace(/\s+/g, '');
    for (const name of names) expect(drawn, `"${name}" is drawn`).toContain(name.replace(/\s+/g, ''));

    // PNG: signature, and twice the diagram's size (same options as the SVG).
    const png = await exportAs(page, 'png');
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png.bytes)).toEqual({ width: Math.round(parsed.width * 2), height: Math.round(parsed.height * 2) });

    // PDF: one page, the document's title.
    const pdfFile = await exportAs(page, 'pdf');
    expect(pdfFile.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(pdfFile.bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(original.title);

    // Re-opening the pictures restores the design.
    await menu(page, 'File', 'New');
    await expect.poll(async () => (await getDocument(page)).tenants.length).toBe(0);
    await openUpload(page, png.name, png.bytes, 'image/png');
    await expect.poll(async () => (await getDocument(page)).tenants.length).toBe(original.tenants.length);
    expect(await getDocument(page)).toEqual(original);
    await expect(page.getByText(`Opened the design embedded in ${png.name}.`)).toBeVisible();

    await menu(page, 'File', 'New');
    await expect.poll(async () => (await getDocument(page)).tenants.length).toBe(0);
    await openUpload(page, svg.name, svg.bytes, 'image/svg+xml');
    await expect.poll(async () => (await getDocument(page)).tenants.length).toBe(original.tenants.length);
    expect(await getDocument(page)).toEqual(original);
  });

  test('Ctrl+E and the toolbar button open the export dialog; a picture without a design is refused', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    const before = await getDocument(page);
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export diagram' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('img')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('integrations-export-dialog.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // A PNG that Mailflow did not write (no design chunk): a message, the document stays.
    const plain = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await openUpload(page, 'photo.png', plain, 'image/png');
    await expect(page.getByText('photo.png does not contain a Mailflow design.')).toBeVisible();
    expect(await getDocument(page)).toEqual(before);
  });
});

test('the export draws the current simulation: its first receipt and the stop code', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt');
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await page.getByRole('option', { name: /EX01 sends to Fabrikam/ }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Events' })).toBeVisible();
  await page.getByRole('button', { name: 'Reset', exact: true }).click();

  await menu(page, 'File', 'Export…');
  const dialog = page.getByRole('dialog', { name: 'Export diagram' });
  const include = dialog.getByRole('checkbox', { name: /Include the simulation/ });
  await expect(include).toBeEnabled();
  await include.check();
  await dialog.locator('input[name="mf-export-format"][value="svg"]').check();
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export SVG' }).click();
  const download = await downloadPromise;
  const svg = (await downloadBytes(download)).toString('utf8');
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  expect(svg).toContain('First receipt');
  expect(svg).toContain('5.7.1');

  // Without the simulation, neither is drawn.
  await menu(page, 'File', 'Export…');
  await dialog.getByRole('checkbox', { name: /Include the simulation/ }).uncheck();
  const plainPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export SVG' }).click();
  const plain = (await downloadBytes(await plainPromise)).toString('utf8');
  expect(plain).not.toContain('First receipt');
});

test('New from example opens the hybrid example as a new untitled document', async ({ page }) => {
  await openApp(page);
  const expected = JSON.parse(await readFile('examples/hybrid-seed.mailflow.json', 'utf8')) as TestDocument;
  await menu(page, 'File', 'New from example…');
  const dialog = page.getByRole('dialog', { name: 'New from example' });
  await expect(dialog).toBeVisible();
  // Every example of the index is offered, with its English title and a picture.
  const index = JSON.parse(await readFile('examples/index.json', 'utf8')) as { examples: Array<{ title: { en: string } }> };
  for (const e of index.examples) await expect(dialog.getByRole('button', { name: `Open “${e.title.en}”` })).toBeVisible();
  await expect(dialog.getByRole('img')).toHaveCount(index.examples.length);
  await page.screenshot({ path: test.info().outputPath('integrations-gallery.png') });
  await dialog.getByRole('button', { name: /^Open “Hybrid/ }).click();
  await expect(dialog).toBeHidden();
  // The example is read and migrated after the dialog closes: wait for it to become the document.
  await expect.poll(async () => (await getDocument(page)).title).toBe(expected.title);
  const doc = await getDocument(page);
  expect(doc.tenants.map((t) => t.id)).toEqual(expected.tenants.map((t) => t.id));
  expect(doc.servers.map((s) => s.id)).toEqual(expected.servers.map((s) => s.id));
  expect(doc.scenarios).toHaveLength(expected.scenarios.length);
  // Untitled: no file name next to the title.
  await expect(page.getByTestId('document-title').locator('.doc-file')).toHaveCount(0);
});

test.describe('Exchange Online', () => {
  test('importing the fixtures shows the report, then adds the tenant as one undo step', async ({ page }) => {
    // An example whose tenant accepts other domains than the fixtures' (a domain belongs to one tenant).
    await openApp(page, '?example=throttling');
    const before = await getDocument(page);
    await menu(page, 'File', 'Import from Exchange Online…');
    const dialog = page.getByRole('dialog', { name: 'Import from Exchange Online' });
    await dialog.getByLabel('Choose JSON files').setInputFiles(EXO_FILES);
    await expect(dialog.getByText('5 file(s):')).toBeVisible();
    await dialog.getByLabel('Tenant name').fill('Contoso Real');
    await dialog.getByRole('button', { name: 'Read the files' }).click();

    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toBeVisible();
    await expect(report.getByText(/Tenant “Contoso Real”: 6 accepted domain\(s\), 4 inbound connector\(s\), 3 outbound connector\(s\), 5 mail flow rule\(s\)\./)).toBeVisible();
    await expect(report.getByText(/1 rule\(s\) kept as they are, with conditions the simulation cannot evaluate/)).toBeVisible();
    await expect(report.getByRole('rowheader', { name: 'Redirect old helpdesk address (test)' })).toBeVisible();
    await expect(report.getByText('Kept, skipped by the simulation').first()).toBeVisible();
    await expect(report.getByText('ApplyHtmlDisclaimerText', { exact: true })).toBeVisible();
    await expect(report.getByRole('heading', { name: 'transport-rules.json (Get-TransportRule)' })).toBeVisible();
    // Nothing is applied before the user says so.
    expect(await getDocument(page)).toEqual(before);
    await page.screenshot({ path: test.info().outputPath('integrations-import-report.png') });

    await report.getByRole('button', { name: 'Add to this design' }).click();
    await expect(report).toBeHidden();
    const after = await getDocument(page);
    expect(after.tenants).toHaveLength(before.tenants.length + 1);
    const imported = after.tenants.find((t) => t.name === 'Contoso Real')!;
    expect(imported.inboundConnectors.map((c) => c.name)).toContain('From Osaka relay (IP)');
    // Rules keep their names and states; what the simulation cannot evaluate is kept beside them.
    const disclaimer = imported.transportRules.find((r) => r.name === 'Append legal disclaimer') as
      | { enabled: boolean; actions: { otherActions?: Array<{ name: string }> } }
      | undefined;
    expect(disclaimer?.enabled).toBe(true);
    expect(disclaimer?.actions.otherActions?.map((o) => o.name)).toContain('ApplyHtmlDisclaimerText');
    expect(imported.transportRules.some((r) => r.name.includes('[not evaluated]'))).toBe(false);
    expect(after.tenants.slice(0, before.tenants.length)).toEqual(before.tenants);
    await expect(page.getByLabel('Exchange Online tenant Contoso Real', { exact: true })).toBeVisible();

    // One undo step takes the whole import back.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    expect(await getDocument(page)).toEqual(before);
  });

  test('a Microsoft365DSC export and on-premises files import through the same dialog, report and undo step', async ({ page }) => {
    // An example that accepts none of the fixture's domains (a domain belongs to one tenant).
    await openApp(page, '?example=reject-direct-send');
    const before = await getDocument(page);
    await menu(page, 'File', 'Import from Exchange Online…');
    const dialog = page.getByRole('dialog', { name: 'Import from Exchange Online' });
    const shapes = join(EXO, '..', 'exo-shapes');
    await dialog
      .getByLabel('Choose JSON files')
      .setInputFiles([join(shapes, 'dsc', 'M365TenantConfig.ps1'), join(shapes, 'onprem', 'send-connectors.json'), join(shapes, 'onprem', 'certificates.json')]);
    await dialog.getByLabel('Tenant name').fill('Fabrikam');
    await dialog.getByRole('button', { name: 'Read the files' }).click();
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report.getByText(/Tenant “Fabrikam”: 2 accepted domain\(s\), 1 inbound connector\(s\), 2 outbound connector\(s\), 3 mail flow rule\(s\)\./)).toBeVisible();
    await expect(report.getByText(/2 on-premises server\(s\) from Get-SendConnector/)).toBeVisible();
    await expect(report.getByRole('heading', { name: 'M365TenantConfig.ps1 (Get-TransportRule)' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('exo-import-dsc.png') });
    await report.getByRole('button', { name: 'Add to this design' }).click();
    await expect(report).toBeHidden();
    const after = await getDocument(page);
    expect(after.tenants).toHaveLength(before.tenants.length + 1);
    expect(after.servers.length).toBe(before.servers.length + 2);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    expect(await getDocument(page)).toEqual(before);
  });

  test('importing into a new design lays it out and leaves nothing unplaced', async ({ page }) => {
    await openApp(page);
    await menu(page, 'File', 'Import from Exchange Online…');
    const dialog = page.getByRole('dialog', { name: 'Import from Exchange Online' });
    await dialog.getByLabel('Choose JSON files').setInputFiles(EXO_FILES);
    // The tenant name is suggested from the *.onmicrosoft.com accepted domain.
    await expect(dialog.getByLabel('Tenant name')).toHaveValue('Contoso');
    await dialog.getByText('a new design').click();
    await dialog.getByRole('button', { name: 'Read the files' }).click();
    await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Open as a new design' }).click();
    await expect.poll(async () => (await getDocument(page)).tenants.length).toBe(1);
    const doc = await getDocument(page);
    expect(doc.tenants[0].name).toBe('Contoso');
    expect(doc.view?.positions[doc.tenants[0].id]).toBeDefined();
  });

  test('the import dialog and its report in Japanese, dark theme', async ({ page }) => {
    await openApp(page, '?example=throttling&lang=ja&theme=dark');
    await menu(page, 'ファイル', 'Exchange Online からインポート…');
    const dialog = page.getByRole('dialog', { name: 'Exchange Online からインポート' });
    await dialog.getByLabel('JSON ファイルを選択').setInputFiles(EXO_FILES);
    await expect(dialog.getByLabel('テナント名')).toHaveValue('Contoso');
    await dialog.getByRole('button', { name: 'ファイルを読み込む' }).click();
    const report = page.getByRole('dialog', { name: 'インポート レポート' });
    await expect(report.getByText(/テナント「Contoso」: 承認済みドメイン 6 個/)).toBeVisible();
    await expect(report.getByRole('columnheader', { name: 'インポートでの扱い' }).first()).toBeVisible();
    await expect(report.getByText('保持 (シミュレーションではスキップ)').first()).toBeVisible();
    // The explanations come in the UI's language from shared/exo, with no "English only" note.
    await expect(report.getByRole('cell', { name: /^外部の中継ドメイン \(ExternalRelay\) は形式バージョン 1 にないため/ })).toBeVisible();
    await expect(report.getByRole('cell', { name: /ルールの名前と状態はそのまま保持されました/ }).first()).toBeVisible();
    await expect(report.getByText(/imported as InternalRelay|英語/)).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('integrations-import-report-ja-dark.png') });
    await expect(report.getByRole('button', { name: 'このデザインに追加' })).toBeVisible();
  });

  for (const [file, expected] of [
    ['bad/truncated-rules.json', /truncated-rules\.json: line \d+, column \d+: the JSON ends early; expected the output of Get-TransportRule/],
    ['bad/get-mailbox.json', /get-mailbox\.json: .*expected/],
  ] as const) {
    test(`a bad import file (${file}) names itself and changes nothing`, async ({ page }) => {
      await openApp(page, '?example=point-1-first-receipt');
      const before = await getDocument(page);
      await menu(page, 'File', 'Import from Exchange Online…');
      const dialog = page.getByRole('dialog', { name: 'Import from Exchange Online' });
      await dialog.getByLabel('Choose JSON files').setInputFiles([join(EXO, 'accepted-domains.json'), join(EXO, file)]);
      await dialog.getByLabel('Tenant name').fill('Contoso');
      await dialog.getByRole('button', { name: 'Read the files' }).click();
      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText('Nothing was imported; the design is unchanged.');
      await expect(alert).toContainText(expected);
      await expect(page.getByRole('dialog', { name: 'Import report' })).toHaveCount(0);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await getDocument(page)).toEqual(before);
    });
  }

  test('Export as PowerShell previews and saves the script of the designed tenant', async ({ page }) => {
    await openApp(page);
    await openUpload(page, 'design.mailflow.json', await readFile(join(EXO, 'design.mailflow.json')), 'application/json');
    await expect.poll(async () => (await getDocument(page)).tenants.length).toBe(1);
    await menu(page, 'File', 'Export as PowerShell…');
    const dialog = page.getByRole('dialog', { name: 'Export as PowerShell' });
    const script = dialog.getByRole('textbox', { name: 'PowerShell script' });
    await expect(script).toHaveJSProperty('readOnly', true);
    const text = await script.inputValue();
    expect(text).toContain('New-InboundConnector');
    expect(text).toContain('[CmdletBinding(SupportsShouldProcess)]');
    await page.screenshot({ path: test.info().outputPath('integrations-powershell.png') });
    // The reviewed script for this design (test/fixtures/exo/expected/contoso.ps1).
    expect(text).toBe(await readFile(join(EXO, 'expected/contoso.ps1'), 'utf8'));
    const downloadPromise = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save contoso.ps1' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('contoso.ps1');
    const bytes = await downloadBytes(download);
    // UTF-8 with a byte order mark, for Windows PowerShell 5.1.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(text);
  });

  test('the diff panel lists what differs between the real tenant and the design, per field', async ({ page }) => {
    await openApp(page);
    await openUpload(page, 'design.mailflow.json', await readFile(join(EXO, 'design.mailflow.json')), 'application/json');
    await expect.poll(async () => (await getDocument(page)).tenants.length).toBe(1);
    const before = await getDocument(page);
    await menu(page, 'View', 'Compare with Exchange Online…');
    const dialog = page.getByRole('dialog', { name: 'Compare with Exchange Online' });
    await dialog.getByLabel('Real tenant').setInputFiles(EXO_FILES);
    await dialog.getByRole('button', { name: 'Compare' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/\d+ entit\(ies\) differ\./);
    const entity = (name: string) => dialog.locator('.diff-entity').filter({ has: page.locator('.diff-name', { hasText: exactly(name) }) });
    const domain = entity('jpn.contoso.com');
    await expect(domain.locator('.diff-badge')).toHaveText('changed');
    const row = domain.getByRole('row', { name: /matchSubDomains/ });
    await expect(row.locator('.diff-old')).toHaveText('false');
    await expect(row.locator('.diff-new')).toHaveText('true');
    const rule = entity('Block mail to outside recipients');
    await expect(rule.getByRole('row', { name: /actions\.rejectMessageEnhancedStatusCode/ })).toContainText('5.7.900');
    await expect(entity('Old scanner connector').locator('.diff-badge')).toHaveText('only in Exchange Online');
    await page.screenshot({ path: test.info().outputPath('integrations-diff.png') });
    // Comparing never changes the design.
    expect(await getDocument(page)).toEqual(before);

    // Japanese.
    await page.keyboard.press('Escape');
    await page.getByLabel('Language', { exact: true }).selectOption('ja');
    await menu(page, '表示', 'Exchange Online と比較…');
    const ja = page.getByRole('dialog', { name: 'Exchange Online と比較' });
    await ja.getByLabel('実際のテナント').setInputFiles(EXO_FILES);
    await ja.getByRole('button', { name: '比較' }).click();
    await expect(ja.locator('.diff-entity').filter({ has: page.locator('.diff-name', { hasText: exactly('jpn.contoso.com') }) }).locator('.diff-badge')).toHaveText('変更あり');
  });
});

test('every integration string exists in English and Japanese', async () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
      : [prefix.slice(0, -1)];
  for (const base of ['renderer/integrations/i18n', 'renderer/export/i18n']) {
    const en = keys(JSON.parse(await readFile(`${base}.en.json`, 'utf8'))).sort();
    const ja = keys(JSON.parse(await readFile(`${base}.ja.json`, 'utf8'))).sort();
    expect(ja, base).toEqual(en);
    expect(en.length).toBeGreaterThan(10);
  }
});

test('a gallery example opens without a migration notice; a version-1 file of the user’s says it will be saved in the current format', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt');
  const text = await readFile('examples/point-1-first-receipt.mailflow.json', 'utf8');
  // The example is a version-1 file, but it is the gallery's, not the user's: nothing to announce.
  expect(JSON.parse(text).version).toBe(1);
  await page.locator('#mailflow-open-input').setInputFiles({ name: 'mine.mailflow.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const notices = page.locator('.toast').filter({ hasText: 'Opened a version 1 file; it will be saved in the current format.' });
  await expect(notices.first()).toBeVisible();
  // One notice, the user's file's (a toast stays for seconds, so the example's would still be there).
  await expect(notices).toHaveCount(1);
});
