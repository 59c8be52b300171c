/**
 * `mailflow import --tenant-name <name> <files…> --out <file> [--into <existing.mailflow.json>] [--json] [--lang en|ja]`
 *
 * Reads Exchange Online PowerShell JSON (Get-AcceptedDomain, Get-InboundConnector,
 * Get-OutboundConnector, Get-TransportRule, Get-OrganizationConfig piped to ConvertTo-Json), builds
 * one tenant, adds it to the --into document (or a new one), validates the result and writes it to
 * --out, then prints the import report. On any error nothing is written and the exit code is 2.
 */
import { decodeExoBytes, formatImportReport, importExoFiles, type ExoFile } from '../../shared/exo';
import { formatLoadErrors, parseDocumentText, serializeDocument } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { EXIT, type CliCommand } from '../types';
import { langOption, reportWritten, writeOutput } from './core';

const optionText = (v: string | true | undefined): string | null => (typeof v === 'string' ? v : null);

const USAGE = 'mailflow import --tenant-name <name> <files…> --out <file> [--into <existing.mailflow.json>] [--json] [--lang en|ja]';

export const importCommand: CliCommand = {
  name: 'import',
  usage: [USAGE],
  valueOptions: ['tenant-name', 'out', 'into', 'lang'],
  run(args, io) {
    const tenantName = optionText(args.options['tenant-name']);
    const out = optionText(args.options.out);
    const into = optionText(args.options.into);
    const json = args.options.json === true;
    // The report's language; a bad value is a usage error (exit 2) before anything is read.
    const lang = langOption(args);
    const usage = `usage: ${USAGE}\n`;
    if (!tenantName || !tenantName.trim()) {
      io.stderr(`mailflow import: --tenant-name <name> is required (the tenant the files describe).\n${usage}`);
      return EXIT.invalid;
    }
    if (!out) {
      io.stderr(`mailflow import: --out <file> is required (where to write the document).\n${usage}`);
      return EXIT.invalid;
    }
    if (args.positionals.length === 0) {
      io.stderr(`mailflow import: no input files; give the JSON files saved from Exchange Online PowerShell.\n${usage}`);
      return EXIT.invalid;
    }

    const files: ExoFile[] = [];
    for (const path of args.positionals) {
      try {
        files.push({ name: path, text: decodeExoBytes(io.readBytes(path)) });
      } catch (e) {
        io.stderr(`${path}: cannot read the file (${e instanceof Error ? e.message : String(e)}).\n`);
        return EXIT.invalid;
      }
    }

    let base: TopologyDocument | null = null;
    if (into) {
      let text: string;
      try {
        text = io.readText(into);
      } catch (e) {
        io.stderr(`${into}: cannot read the file (${e instanceof Error ? e.message : String(e)}).\n`);
        return EXIT.invalid;
      }
      const loaded = parseDocumentText(text);
      if (!loaded.ok) {
        io.stderr(`${into}: not a valid mailflow-topology document; nothing was written.\n${indent(formatLoadErrors(loaded.errors))}\n`);
        return EXIT.invalid;
      }
      base = loaded.document;
    }

    const result = importExoFiles(files, { tenantName, into: base });
    if (!result.ok) {
      io.stderr(result.errors.map((e) => e.message).join('\n') + '\nNothing was written.\n');
      return EXIT.invalid;
    }
    // The import returns only a validated document ("a file that fails to load is never written"):
    // the --into document was loaded above, and the import validates what it adds and the merged
    // document's cross-references. Validating the whole text once more cost seconds for 140,000
    // entities (issue 11); test/exo/import-into.test.ts checks that what is written loads back equal.
    if (!writeOutput(out, serializeDocument(result.document), io)) return EXIT.invalid;
    if (json) {
      reportWritten(out, JSON.stringify({ out, tenantId: result.report.tenantId, report: result.report }, null, 2) + '\n', io);
    } else {
      reportWritten(out, formatImportReport(result.report, lang), io);
      reportWritten(out, lang === 'ja' ? `\n${out} に書き込みました。\n` : `\nWrote ${out}.\n`, io);
    }
    return EXIT.ok;
  },
};

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

export default importCommand;
