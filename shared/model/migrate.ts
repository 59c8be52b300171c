/**
 * Format migrations, keyed by `version`. A file written by an older release is brought up to the
 * current version step by step before validation, so users' files keep opening (as Excalidraw's
 * restore does). Each step is a pure function from version N to N + 1; fixtures of every version
 * live in `test/fixtures/versions/` and are loaded by the tests.
 *
 * `1 → 2` (document-format.md, "Version 2") changes nothing a version-1 file meant: it makes the
 * version-1 ambiguity policy explicit (`ambiguousTenantPolicy: "reject"`), because version 2 takes
 * the setting from the timeline (`unstable` from 2026-02) when a document does not set it. A
 * version-1 file that uses a version-2 field is refused like any unknown field, so a hand-edited
 * file never half-upgrades.
 */
import { CURRENT_VERSION, FORMAT } from './schema';
import type { LoadError } from './load';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** `migrations[n]` turns a version-n document into a version n+1 document. */
export const migrations: Readonly<Record<number, Migration>> = {
  1: (doc) => {
    const service = isObject(doc.service) ? doc.service : {};
    if (service.ambiguousTenantPolicy !== undefined) return doc;
    return { ...doc, service: { ...service, ambiguousTenantPolicy: 'reject' } };
  },
};

/**
 * Fields version 2 added, by where they live (`*` = any element of a list). A version-1 file that
 * has one is refused at that path.
 */
const VERSION_2_FIELDS: ReadonlyArray<{ at: string[]; fields: string[] }> = [
  { at: ['service'], fields: ['asOf', 'nullSenderSkipsRules', 'minimumInboundTlsVersion', 'outOfDateServerEnforcement'] },
  { at: ['tenants', '*'], fields: ['enforcementPausedUntil', 'comment'] },
  { at: ['tenants', '*', 'inboundConnectors', '*'], fields: ['comment'] },
  { at: ['tenants', '*', 'outboundConnectors', '*'], fields: ['isTransportRuleScoped', 'tlsSettings', 'tlsDomain', 'comment'] },
  { at: ['tenants', '*', 'transportRules', '*'], fields: ['senderAddressLocation', 'unmodelledConditions', 'comment'] },
  { at: ['tenants', '*', 'transportRules', '*', 'actions'], fields: ['routeMessageOutboundConnector', 'otherActions'] },
  { at: ['servers', '*'], fields: ['tlsVersion', 'exchange', 'comment'] },
  { at: ['servers', '*', 'certificate'], fields: ['notBefore', 'notAfter'] },
  { at: ['scenarios', '*'], fields: ['fromMailbox', 'asOf', 'comment'] },
  { at: ['scenarios', '*', 'expect'], fields: ['unstable'] },
  { at: ['view'], fields: ['notes'] },
];

/** The first version-2 field in a version-1 document, as a path, or null. */
export function findVersion2Field(doc: Record<string, unknown>): { path: string; field: string } | null {
  for (const { at, fields } of VERSION_2_FIELDS) {
    const hit = walk(doc, at, 0, [], fields);
    if (hit) return hit;
  }
  if (isObject(doc.service) && doc.service.ambiguousTenantPolicy === 'unstable') {
    return { path: 'service.ambiguousTenantPolicy', field: 'the value "unstable"' };
  }
  return null;
}

/** `path` is a stack of keys shared by the walk, spelled out only for a hit (140,000 servers build no strings). */
function walk(value: unknown, at: string[], i: number, path: Array<string | number>, fields: string[]): { path: string; field: string } | null {
  if (i === at.length) {
    if (!isObject(value)) return null;
    for (const field of fields) {
      if (Object.hasOwn(value, field)) return { path: `${spell(path)}.${field}`, field: `the field "${field}"` };
    }
    return null;
  }
  const key = at[i];
  if (key === '*') {
    if (!Array.isArray(value)) return null;
    for (let n = 0; n < value.length; n++) {
      path.push(n);
      const hit = walk(value[n], at, i + 1, path, fields);
      path.pop();
      if (hit) return hit;
    }
    return null;
  }
  if (!isObject(value) || !(key in value)) return null;
  path.push(key);
  const hit = walk(value[key], at, i + 1, path, fields);
  path.pop();
  return hit;
}

/** `["tenants", 3, "comment"]` as `tenants[3].comment`. */
function spell(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

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
    return fail(
      'version',
      String(version),
      `a format version up to ${CURRENT_VERSION} (the file was written by a newer Mailflow Studio: open it with that release, or update this one)`,
    );
  }
  if (version === 1) {
    const v2 = findVersion2Field(doc);
    if (v2) return fail(v2.path, v2.field, 'only the fields format version 1 defines (it is a version-2 field: write "version": 2 to use it)');
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
