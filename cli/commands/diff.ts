/**
 * `mailflow diff <a> <b> [--tenant <id>] [--json] [--lang en|ja]`
 *
 * Compares the tenants of two documents (for example one imported from Exchange Online and the
 * designed one) per entity and field. With --tenant, the tenant of that id (or name) in each file;
 * without, tenants are paired by name, then id (a file with a single tenant pairs with a file with a
 * single tenant whatever their names). Exit code: 0 no differences, 1 differences, 2 bad input.
 */
import { diffTenants, formatTenantDiff, formatTenantOnlyIn, type TenantDiff } from '../../shared/exo';
import { formatLoadErrors, parseDocumentText } from '../../shared/model/load';
import type { Tenant, TopologyDocument } from '../../shared/model/schema';
import { EXIT, type CliCommand, type CliIO } from '../types';
import { langOption } from './core';

const USAGE = 'mailflow diff <a> <b> [--tenant <id>] [--json] [--lang en|ja]';

export const diffCommand: CliCommand = {
  name: 'diff',
  usage: [USAGE],
  valueOptions: ['tenant', 'lang'],
  run(args, io) {
    const usage = `usage: ${USAGE}\n`;
    if (args.positionals.length !== 2) {
      io.stderr(`mailflow diff: expected two document files.\n${usage}`);
      return EXIT.invalid;
    }
    // The output's language; a bad value is a usage error (exit 2) before anything is read.
    const lang = langOption(args);
    const [pathA, pathB] = args.positionals;
    const docA = load(pathA, io);
    const docB = load(pathB, io);
    if (!docA || !docB) return EXIT.invalid;

    const tenantRef = typeof args.options.tenant === 'string' ? args.options.tenant : null;
    const pairs: Array<[Tenant, Tenant]> = [];
    const onlyInA: Tenant[] = [];
    const onlyInB: Tenant[] = [];
    if (tenantRef) {
      const a = findTenant(docA, tenantRef);
      const b = findTenant(docB, tenantRef);
      for (const [t, path, doc] of [[a, pathA, docA], [b, pathB, docB]] as const) {
        if (!t) {
          io.stderr(`${path}: no tenant "${tenantRef}"; its tenants are: ${doc.tenants.map((x) => x.id).join(', ') || '(none)'}.\n`);
          return EXIT.invalid;
        }
      }
      pairs.push([a!, b!]);
    } else if (docA.tenants.length === 1 && docB.tenants.length === 1) {
      pairs.push([docA.tenants[0], docB.tenants[0]]);
    } else {
      const freeB = new Set(docB.tenants);
      const pick = (a: Tenant, key: (t: Tenant) => string) => docB.tenants.find((b) => freeB.has(b) && key(b) === key(a));
      for (const a of docA.tenants) {
        const b = pick(a, (t) => t.name.toLowerCase()) ?? pick(a, (t) => t.id);
        if (b) {
          freeB.delete(b);
          pairs.push([a, b]);
        } else onlyInA.push(a);
      }
      onlyInB.push(...freeB);
    }

    const diffs: TenantDiff[] = pairs.map(([a, b]) => diffTenants(a, b));
    const identical = diffs.every((d) => d.identical) && onlyInA.length === 0 && onlyInB.length === 0;
    if (args.options.json === true) {
      const brief = (t: Tenant) => ({ id: t.id, name: t.name });
      io.stdout(JSON.stringify({ a: pathA, b: pathB, identical, tenants: diffs, onlyInA: onlyInA.map(brief), onlyInB: onlyInB.map(brief) }, null, 2) + '\n');
    } else {
      for (const d of diffs) io.stdout(formatTenantDiff(d, { a: pathA, b: pathB }, lang));
      for (const t of onlyInA) io.stdout(formatTenantOnlyIn(t, pathA, 'a', lang));
      for (const t of onlyInB) io.stdout(formatTenantOnlyIn(t, pathB, 'b', lang));
    }
    return identical ? EXIT.ok : EXIT.failed;
  },
};

function load(path: string, io: CliIO): TopologyDocument | null {
  let text: string;
  try {
    text = io.readText(path);
  } catch (e) {
    io.stderr(`${path}: cannot read the file (${e instanceof Error ? e.message : String(e)}).\n`);
    return null;
  }
  const loaded = parseDocumentText(text);
  if (!loaded.ok) {
    io.stderr(`${path}: not a valid mailflow-topology document.\n${formatLoadErrors(loaded.errors)}\n`);
    return null;
  }
  return loaded.document;
}

function findTenant(doc: TopologyDocument, ref: string): Tenant | undefined {
  return doc.tenants.find((t) => t.id === ref) ?? doc.tenants.find((t) => t.name.toLowerCase() === ref.toLowerCase());
}

export default diffCommand;
