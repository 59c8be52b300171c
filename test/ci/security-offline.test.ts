/**
 * `npm test`'s security step (scripts/electronegativity.mjs) must work with no network at all: behind a
 * proxy, on a plane, in a locked-down CI. These tests run it with every proxy variable pointing at a
 * closed local port and with test/ci/block-network.mjs preloaded, which makes any socket, DNS lookup or
 * fetch fail at once and reports it. They run on whatever Node runs vitest (20 here, 22 and 24 in CI).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');
const blocker = path.join(import.meta.dirname, 'block-network.mjs');

/** A local port nobody listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let env: NodeJS.ProcessEnv;
let port: number;
let dir: string;
beforeAll(async () => {
  port = await closedPort();
  const proxy = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    HTTP_PROXY: proxy,
    HTTPS_PROXY: proxy,
    ALL_PROXY: proxy,
    http_proxy: proxy,
    https_proxy: proxy,
    all_proxy: proxy,
    NO_PROXY: '',
    no_proxy: '',
    npm_config_offline: 'true',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(blocker).href}`.trim(),
  };
  dir = mkdtempSync(path.join(os.tmpdir(), 'mailflow-security-offline-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(args: string[]) {
  const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', timeout: 90_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the security step without a network', () => {
  it('the harness really cuts the network: fetch, https.get and DNS fail at once and are reported', () => {
    // Aimed at the closed local port and at localhost, so even a broken harness never leaves the machine.
    const r = node([
      '-e',
      `const https = require('node:https');
       const dns = require('node:dns');
       fetch('http://127.0.0.1:${port}/').then(() => console.log('fetch answered'), () => console.log('fetch refused'));
       https.get('https://127.0.0.1:${port}/', () => console.log('https answered')).on('error', () => console.log('https refused'));
       dns.lookup('localhost', (error) => console.log(error ? 'dns refused' : 'dns answered'));`,
    ]);
    expect(r.stdout).toContain('fetch refused');
    expect(r.stdout).toContain('https refused');
    expect(r.stdout).toContain('dns refused');
    expect(r.stderr).toContain(`NETWORK ATTEMPT fetch http://127.0.0.1:${port}/`);
    expect(r.stderr).toContain(`NETWORK ATTEMPT connect 127.0.0.1:${port}`);
    expect(r.stderr).toContain('NETWORK ATTEMPT dns localhost');
  });

  it('electronegativity completes offline, makes no network attempt and reports its known, explained findings', () => {
    const sarifFile = path.join(dir, 'electronegativity.sarif');
    const r = node(['scripts/electronegativity.mjs', '--out', sarifFile]);
    expect(r.stderr).not.toContain('NETWORK ATTEMPT');
    expect(r.stdout).not.toContain('NETWORK ');
    expect(r.stdout).toMatch(/^electronegativity \(Electron \d+\.\d+\.\d+, offline\): \d+ finding\(s\), 0 unexplained$/m);
    // The scanner really read the Electron code: the two findings it always makes there are listed as explained.
    expect(r.stdout).toMatch(/^explained {2}CSP_GLOBAL_CHECK electron\/main\/hardening\.ts:\d+: /m);
    expect(r.stdout).toMatch(/^explained {2}OPEN_EXTERNAL_JS_CHECK electron\/main\/hardening\.ts:\d+: /m);
    expect(r.status).toBe(0);
    // The SARIF report for CI is written completely, with the same findings.
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    const ruleIds = sarif.runs[0].results.map((f: { ruleId: string }) => f.ruleId);
    expect(ruleIds).toEqual(expect.arrayContaining(['CSP_GLOBAL_CHECK', 'OPEN_EXTERNAL_JS_CHECK']));
    expect(ruleIds).not.toContain('AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK');
  });
});
