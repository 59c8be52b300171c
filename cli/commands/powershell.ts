/**
 * `mailflow powershell <file> --tenant <id> [--out <path>]`
 *
 * Prints (or writes) the Exchange Online PowerShell script that creates or updates the tenant's
 * connectors and mail flow rules as designed. See shared/exo/powershell.ts for what it does.
 */
import { generatePowerShell } from '../../shared/exo';
import { formatLoadErrors, parseDocumentText } from '../../shared/model/load';
import { EXIT, type CliCommand } from '../types';
import { reportWritten, writeOutput } from './core';

const USAGE = 'mailflow powershell <file> --tenant <id> [--out <path>]';

export const powershellCommand: CliCommand = {
  name: 'powershell',
  usage: [USAGE],
  valueOptions: ['tenant', 'out'],
  run(args, io) {
    const usage = `usage: ${USAGE}\n`;
    if (args.positionals.length !== 1) {
      io.stderr(`mailflow powershell: expected one document file.\n${usage}`);
      return EXIT.invalid;
    }
    const file = args.positionals[0];
    let text: string;
    try {
      text = io.readText(file);
    } catch (e) {
      io.stderr(`${file}: cannot read the file (${e instanceof Error ? e.message : String(e)}).\n`);
      return EXIT.invalid;
    }
    const loaded = parseDocumentText(text);
    if (!loaded.ok) {
      io.stderr(`${file}: not a valid mailflow-topology document.\n${formatLoadErrors(loaded.errors)}\n`);
      return EXIT.invalid;
    }
    const doc = loaded.document;
    let tenantRef = typeof args.options.tenant === 'string' ? args.options.tenant : null;
    if (!tenantRef) {
      if (doc.tenants.length !== 1) {
        io.stderr(
          `mailflow powershell: --tenant <id> is required; the document's tenants are: ${doc.tenants.map((t) => t.id).join(', ') || '(none)'}.\n${usage}`,
        );
        return EXIT.invalid;
      }
      tenantRef = doc.tenants[0].id;
    }
    const result = generatePowerShell(doc, tenantRef);
    if (!result.ok) {
      io.stderr(`${file}: ${result.message}\n`);
      return EXIT.invalid;
    }
    const out = typeof args.options.out === 'string' ? args.options.out : null;
    if (out) {
      // The script is pure ASCII (psQuote), so it means the same under any code page; the BOM is
      // kept so editors and Windows PowerShell 5.1 agree that the file is UTF-8.
      if (!writeOutput(out, out === '-' ? result.script : '\uFEFF' + result.script, io)) return EXIT.invalid;
      reportWritten(out, `Wrote ${out} (tenant ${result.tenant.id}). Run it with -WhatIf first.\n`, io);
    } else {
      io.stdout(result.script);
    }
    return EXIT.ok;
  },
};

export default powershellCommand;
