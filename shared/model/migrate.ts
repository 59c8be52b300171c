/**
 * Format migrations, keyed by `version`. A file written by an older release is brought up to the
 * current version step by step before validation, so users' files keep opening (as Excalidraw's
 * restore does). Each step is a pure function from version N to N + 1; fixtures of every version
 * live in `test/fixtures/versions/` and are loaded by the tests.
 *
 * Version 1 is the first published format, so the table is empty: the entry point exists so that
 * version 2 adds one function here and one fixture, and nothing else changes.
 */
import { CURRENT_VERSION, FORMAT } from './schema';
import type { LoadError } from './load';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** `migrations[n]` turns a version-n document into a version n+1 document. */
export const migrations: Readonly<Record<number, Migration>> = {};

export type MigrationResult =
  | { ok: true; value: unknown; from: number | null }
  | { ok: false; error: LoadError };

export function migrateToCurrent(raw: unknown): MigrationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('$', raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw, 'a JSON object with "format": "mailflow-topology"');
  }
  const doc = raw as Record<string, unknown>;
  if (doc.format !== FORMAT) {
    return fail(
      'format',
      doc.format === undefined ? 'nothing (the field is missing)' : JSON.stringify(doc.format),
      `"${FORMAT}" (this is not a Mailflow Studio topology file)`,
    );
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('version', JSON.stringify(version) ?? 'nothing', `a format version from 1 to ${CURRENT_VERSION}`);
  }
  if (version > CURRENT_VERSION) {
    return fail('version', String(version), `a format version up to ${CURRENT_VERSION} (the file was written by a newer Mailflow Studio)`);
  }
  let current = doc;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = migrations[v];
    if (!step) return fail('version', String(version), `a version this release can migrate (no step from ${v})`);
    current = { ...step(current), version: v + 1 };
  }
  return { ok: true, value: current, from: version === CURRENT_VERSION ? null : version };
}

function fail(path: string, found: string, expected: string): MigrationResult {
  return { ok: false, error: { path, found, expected, message: `${path}: found ${found}; expected ${expected}.` } };
}
