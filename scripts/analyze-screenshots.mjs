// One-off: the README's two pictures of the Analyze view (the matrix, and a differential), taken
// from the web build. Serve it first (`npm run web`, or `vite preview` on another port) and run
// `node scripts/analyze-screenshots.mjs [--url http://127.0.0.1:4173]`. Writes docs/screenshots/.
import { chromium } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--url');
const base = i > 0 ? process.argv[i + 1] : 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function shot(file, { theme, compare }) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/?example=hybrid-seed&lang=en&theme=${theme}&recover=no`);
  await page.locator('.react-flow').waitFor();
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('menuitem', { name: 'Simulation' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Analyze' }).click();
  await page.getByTestId('analyze-summary').waitFor();
  if (compare) {
    await page.getByTestId('analyze-compare').selectOption({ label: compare });
    await page.getByTestId('analyze-changes').waitFor();
    // Bring the changed cells (two-domain columns, far right) into view.
    await page.locator('td.is-changed').first().scrollIntoViewIfNeeded();
  }
  await page.waitForTimeout(300);
  const out = join(root, 'docs', 'screenshots', file);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
  await page.close();
}

await shot('analyze-matrix.png', { theme: 'light' });
await shot('analyze-differential.png', { theme: 'dark', compare: 'Preset 2017-12' });
await browser.close();
