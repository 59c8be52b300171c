/**
 * The hostile inputs of issue 11 at the audit's sizes, for bench/hostile-inputs.mjs (which bundles
 * this file). Each case writes its input to a file (`prepare`) and then handles the file the way
 * the app or the CLI would (`run`), returning a one-line outcome.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DocumentFiles } from '../electron/main/document-files';
import { createPictureReader, workerSpawner } from '../electron/main/picture-reader';
import { importDocumentFromBytes } from '../shared/diagram/import';
import { importExoFiles } from '../shared/exo/import';
import { parseDocumentText } from '../shared/model/load';
import { generateTopology } from './generateTopology';
import { watchEventLoop } from '../test/hostile/event-loop';
import { pngEmptyChunks, svgManyDocumentTags, svgUnclosedMetadata } from '../test/hostile/pictures';
import { deeplyNested, manyExpectedRecipients, manyInvalidValues, manySubdomainTenants } from '../test/hostile/documents';
import { manyTransportRules } from '../test/hostile/exo';

export interface HostileCase {
  item: string;
  what: string;
  /** Not hostile: shown to compare (what the checks cost a large valid document). */
  reference?: boolean;
  prepare(file: string): void;
  run(file: string): string | Promise<string>;
  /** The input file's extension (default `input`): main recognises pictures by theirs. */
  ext?: string;
}

const MB = 1024 * 1024;
const write = (file: string, data: string | Uint8Array) => writeFileSync(file, data);
const loadOutcome = (text: string) => {
  const r = parseDocumentText(text);
  return r.ok ? `loaded (${r.document.tenants.length} tenants)` : `refused: ${r.errors.length} error(s), first: ${r.errors[0].message.slice(0, 110)}`;
};
const picture = (name: string) => (file: string) => {
  const text = importDocumentFromBytes(name, new Uint8Array(readFileSync(file)));
  return text === null ? 'no design in the picture' : `design of ${text.length} characters`;
};

/**
 * Electron main opening the picture (DocumentFiles with the worker picture reader, as index.ts
 * wires it), with the longest gap between turns of a 1 ms timer on main's event loop meanwhile.
 */
const openInMain = async (file: string) => {
  const workerPath = process.env.MAILFLOW_PICTURE_WORKER;
  if (!workerPath) throw new Error('MAILFLOW_PICTURE_WORKER is not set (run bench/hostile-inputs.mjs)');
  const files = new DocumentFiles({ readPicture: createPictureReader({ spawn: workerSpawner(workerPath) }) });
  const { result: r, longestGapMs } = await watchEventLoop(() => files.read(resolve(file), false));
  const what = r.ok ? `design of ${r.file.text.length} characters` : r.reason === 'no-design' ? 'no design in the picture' : r.reason === 'error' ? `refused: ${r.message}` : r.reason;
  return `${what}; main's event loop paused at most ${longestGapMs.toFixed(0)} ms`;
};

export const CASES: Record<string, HostileCase> = {
  'svg-unclosed-metadata': {
    item: '2',
    what: 'SVG, 4 MB of unclosed <metadata> tags',
    prepare: (f) => write(f, svgUnclosedMetadata(4 * MB)),
    run: picture('evil.svg'),
  },
  'svg-document-tags': {
    item: '2',
    what: 'SVG, 4 MB of unclosed <mailflow:document> tags',
    prepare: (f) => write(f, svgManyDocumentTags(4 * MB)),
    run: picture('evil.svg'),
  },
  'png-empty-chunks': {
    item: '3',
    what: 'PNG, 200 MB of empty chunks before IDAT',
    prepare: (f) => write(f, pngEmptyChunks(200 * MB)),
    run: picture('evil.png'),
  },
  'main-open-svg': {
    item: '2',
    what: 'Electron main: Open of the 4 MB SVG (the parse runs in the picture worker)',
    ext: 'svg',
    prepare: (f) => write(f, svgUnclosedMetadata(4 * MB)),
    run: openInMain,
  },
  'main-open-png': {
    item: '3',
    what: 'Electron main: Open of the 200 MB PNG (read in main; parse and hash in the picture worker)',
    ext: 'png',
    prepare: (f) => write(f, pngEmptyChunks(200 * MB)),
    run: openInMain,
  },
  'integrity-subdomains': {
    item: '4',
    what: 'valid 3 MB document: 20,000 tenants with matchSubDomains domains',
    prepare: (f) => write(f, manySubdomainTenants(20_000)),
    run: (f) => loadOutcome(readFileSync(f, 'utf8')),
  },
  'expect-recipients-over-cap': {
    item: '4',
    what: '5.6 MB: 110,000 expected recipients, 100 redirect rules',
    prepare: (f) => write(f, manyExpectedRecipients(110_000, 100)),
    run: (f) => loadOutcome(readFileSync(f, 'utf8')),
  },
  'expect-recipients-at-cap': {
    item: '4',
    what: '2,000 expected recipients against 1,000 rules x 100 redirects',
    prepare: (f) => write(f, manyExpectedRecipients(2000, 1000)),
    run: (f) => loadOutcome(readFileSync(f, 'utf8')),
  },
  'import-40k-rules': {
    item: '5',
    what: 'mailflow import: 40,000 rules (4.4 MB)',
    prepare: (f) => write(f, manyTransportRules(40_000)),
    run: (f) => importOutcome(f),
  },
  'import-200k-rules': {
    item: '5',
    what: 'mailflow import: 200,000 rules',
    prepare: (f) => write(f, manyTransportRules(200_000)),
    run: (f) => importOutcome(f),
  },
  'import-10k-rules': {
    item: '5',
    what: 'mailflow import: 10,000 rules (the most a tenant holds), half with the same id base',
    prepare: (f) => write(f, manyTransportRules(10_000)),
    run: (f) => importOutcome(f),
  },
  'nested-50mb': {
    item: '6',
    what: '50 MB of nested arrays',
    prepare: (f) => write(f, deeplyNested(25 * MB)),
    run: (f) => loadOutcome(readFileSync(f, 'utf8')),
  },
  'invalid-values-50mb': {
    item: '6',
    what: '50 MB: 26 million invalid recipients in one tenant',
    prepare: (f) => write(f, manyInvalidValues(26 * MB)),
    run: (f) => loadOutcome(readFileSync(f, 'utf8')),
  },
  'invalid-values-2mb': {
    item: '6',
    what: '2 MB: 1 million invalid recipients (within the list limit)',
    prepare: (f) => write(f, manyInvalidValues(1_000_000)),
    run: (f) => loadOutcome(readFileSync(f, 'utf8')),
  },
  'valid-10k-tenants': {
    item: '6',
    what: 'valid 10,000-tenant document, 27 MB (what the pre-scan and bounded validation cost)',
    reference: true,
    prepare: (f) => write(f, JSON.stringify(generateTopology({ tenants: 10_000 }))),
    run: (f) => loadOutcome(readFileSync(f, 'utf8')),
  },
  'import-into-140k-positions': {
    item: '13',
    what: 'mailflow import --into a document with 140,000 positions',
    prepare: (f) => {
      const servers = Array.from({ length: 100_000 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, role: 'onPremises', ipAddress: '203.0.113.10', tls: false }));
      const tenants = Array.from({ length: 40_000 }, (_, i) => ({ id: `t${i}`, name: `T${i}`, acceptedDomains: [] }));
      const positions = Object.fromEntries([...servers, ...tenants].map((e, i) => [e.id, { x: i % 1000, y: i }]));
      write(f, JSON.stringify({ format: 'mailflow-topology', version: 1, title: 'big', tenants, servers, scenarios: [], view: { positions } }));
    },
    run: (f) => {
      const start = performance.now();
      const loaded = parseDocumentText(readFileSync(f, 'utf8'));
      if (!loaded.ok) return `into refused: ${loaded.errors[0].message}`;
      const loadedAt = performance.now();
      const rules = JSON.stringify([{ Name: 'R', Priority: 0, State: 'Enabled', SentToScope: 'NotInOrganization', DeleteMessage: true }]);
      const r = importExoFiles([{ name: 'rules.json', text: rules }], { tenantName: 'New', into: loaded.document });
      const split = `loading the --into document ${(loadedAt - start).toFixed(0)} ms, the import ${(performance.now() - loadedAt).toFixed(0)} ms`;
      return r.ok ? `imported into ${r.document.tenants.length} tenants (${split})` : `refused: ${r.errors[0].message.slice(0, 110)}`;
    },
  },
};

function importOutcome(file: string): string {
  const r = importExoFiles([{ name: 'rules.json', text: readFileSync(file, 'utf8') }], { tenantName: 'Big' });
  return r.ok ? `imported ${r.tenant.transportRules.length} rules` : `refused: ${r.errors[0].message.slice(0, 110)}`;
}
