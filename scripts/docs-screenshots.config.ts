/**
 * `npm run docs:screenshots`: regenerates the README's screenshots in docs/screenshots/. It is the
 * only thing that writes there — the end-to-end tests (playwright.config.ts, test/e2e) keep their
 * screenshots under test-results/ so a test run never leaves tracked files changed.
 */
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

export default defineConfig({
  ...base,
  testDir: '../test/docs-screenshots',
  testMatch: /.*\.shots\.ts$/,
  reporter: [['list']],
  outputDir: '../test-results/docs-screenshots-artifacts',
  // Paths in a config are relative to its folder; the web build runs from the repository root.
  webServer: base.webServer && !Array.isArray(base.webServer) ? { ...base.webServer, cwd: resolve(import.meta.dirname, '..') } : base.webServer,
});
