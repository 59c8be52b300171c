// Runs @doyensec/electronegativity over the Electron code, offline, and fails on any finding that is
// not explained below. Each explained finding names the test that proves the concern is handled.
//
// Why it runs in-process instead of through `npx electronegativity`: the CLI always fetches fresh
// translations (locales/i18n.js) and Electron's release list (AvailableSecurityFixesGlobalCheck) with
// `got`. Offline that costs ~10 s of timeouts on Node 20 and, on Node 24, crashes the process with
// "The `onCancel` handler was attached after the promise settled" (got 11 + p-cancelable). A test
// suite must not need the network, so here:
//   - the translations come only from the package's bundled en-US.json (an offline i18n setup that is
//     the package's own minus the download);
//   - the Electron version is pinned to the exact one in package.json (the checks whose defaults
//     changed between Electron versions, e.g. contextIsolation, use it);
//   - AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is excluded: it asks "has a newer Electron release with
//     security fixes been published?", which is a question about today's internet, not about this code;
//     its answer changes without any commit. `npm outdated electron` answers it when you are online.
//   - `got` is replaced, for this package only, by a stub that refuses; any attempt is reported and
//     fails the step, so a future version that adds a download cannot slip back in unnoticed.
// Usage: node scripts/electronegativity.mjs [--out <file.sarif>]   (default test-results/electronegativity.sarif)
import Module, { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'test-results', 'electronegativity.sarif');
mkdirSync(dirname(out), { recursive: true });

/** rule id + file → why it is not a problem here. */
const EXPLAINED = {
  'CSP_GLOBAL_CHECK electron/main/hardening.ts':
    'the CSP is built by contentSecurityPolicy() and set from main on every response; the scanner cannot parse a function. Its content is asserted in test/electron/hardening.test.ts and security-checklist.test.ts (item 7).',
  'OPEN_EXTERNAL_JS_CHECK electron/main/hardening.ts':
    'the one shell.openExternal call runs only after checkExternalUrl() accepts an https URL; test/electron/security-checklist.test.ts (item 15) proves other URLs never reach it.',
};
/** Checks that only answer questions about the internet (see above), lower-case as the package matches them. */
const EXCLUDED = ['availablesecurityfixesglobalcheck'];

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const fromPkg = createRequire(join(pkgDir, 'dist', 'runner.js'));
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;

/** Puts `exports` in require's cache under `file`, so the package's own require() gets it. */
function provide(file, exports) {
  const m = new Module(file);
  m.filename = file;
  m.loaded = true;
  m.exports = exports;
  require.cache[file] = m;
}

const networkAttempts = [];
function offlineGot(url) {
  networkAttempts.push(String(url?.url ?? url));
  return Promise.reject(new Error(`electronegativity runs offline; refused ${url}`));
}
for (const method of ['get', 'head', 'post', 'stream', 'extend']) offlineGot[method] = offlineGot;
// `got` may be resolved from more than one place in the package; cover each file that requires it.
for (const from of ['dist/locales/i18n.js', 'dist/finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js']) {
  provide(createRequire(join(pkgDir, from)).resolve('got'), offlineGot);
}

const i18n = fromPkg('i18n');
provide(join(pkgDir, 'dist', 'locales', 'i18n.js'), async function offlineI18n() {
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: join(pkgDir, 'dist', 'locales'),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
});

const run = fromPkg('./runner.js');
const { issues, errors } = await run({
  input: join(root, 'electron'),
  output: out,
  isSarif: true,
  customScan: [],
  excludeFromScan: EXCLUDED,
  isRelative: false,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});

let problems = 0;
for (const e of errors) {
  // A file the scanner cannot parse is a file it did not check.
  if (e.tolerable) continue;
  problems++;
  console.log(`UNPARSED   ${relative(root, e.file)}: ${e.message}`);
}
let unexplained = 0;
for (const f of issues) {
  const key = `${f.id} ${relative(root, f.file)}`;
  const line = f.location?.line ?? '?';
  if (EXPLAINED[key]) console.log(`explained  ${key}:${line}: ${EXPLAINED[key]}`);
  else {
    unexplained++;
    console.log(`FINDING    ${key}:${line}: ${f.description ?? ''}`);
  }
}
for (const url of networkAttempts) console.log(`NETWORK    electronegativity tried to fetch ${url} (refused)`);
console.log(
  `electronegativity (Electron ${electronVersion}, offline): ${issues.length} finding(s), ${unexplained} unexplained` +
    (problems ? `, ${problems} file(s) not parsed` : '') +
    (networkAttempts.length ? `, ${networkAttempts.length} network attempt(s)` : ''),
);
// exitCode, not exit(): the package writes the SARIF file asynchronously.
process.exitCode = unexplained || problems || networkAttempts.length ? 1 : 0;
