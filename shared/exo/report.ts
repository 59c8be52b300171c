/**
 * The import report: what the import did with every object, and every property it could not carry
 * into the design, so nothing is dropped silently.
 */
import type { Lang } from '../engine/types';
import type { ExoCmdlet } from './cmdlets';
import { REPORT_TEXT, importPropertyText, importReasonText, importValueText, type ImportReasonCode, type ReasonParams } from './messages';

export interface ImportEntry {
  /** The Exchange property name as the file spells it (or a pseudo-name such as "(other properties)"). */
  property: string;
  /** The value, shortened to one line. */
  value: string;
  /** Why it was not carried over as is, and what the import did instead: the language-free reason code… */
  code: ImportReasonCode;
  /** …and the names, values and counts its text is made from. */
  params?: ReasonParams;
  /**
   * The reason in English, kept for `--json` readers and older callers; show
   * `reasonText(entry, lang)` to people.
   */
  reason: string;
}

/** A report entry; its English `reason` is made from the code. */
export function reportEntry(property: string, value: string, code: ImportReasonCode, params?: ReasonParams): ImportEntry {
  return { property, value, code, ...(params ? { params } : {}), reason: importReasonText(code, params, 'en') };
}

/** The entry's value as shown in a language (the import's own "(absent)", "12 set" are translated). */
export function valueText(entry: Pick<ImportEntry, 'value' | 'code' | 'params'>, lang: Lang): string {
  return importValueText(entry.value, entry.code, entry.params, lang);
}

/** Why the entry's property was not carried over as is, in a language. */
export function reasonText(entry: Pick<ImportEntry, 'code' | 'params'>, lang: Lang): string {
  return importReasonText(entry.code, entry.params, lang);
}

/**
 * - `imported`: carried over; entries list properties that were left out or converted.
 * - `disabled`: imported with `enabled: false` (disabled in Exchange Online, or a rule in test mode).
 * - `unmodelled`: kept as it is (name, state) with `unmodelledConditions`; the simulation skips it.
 * - `skipped`: not added to the design at all.
 */
export type ImportOutcome = 'imported' | 'disabled' | 'unmodelled' | 'skipped';

export interface ImportObjectReport {
  /** The object's Name (DomainName for accepted domains). */
  name: string;
  /** The id it got in the document; null when skipped (and for accepted domains and settings). */
  entityId: string | null;
  outcome: ImportOutcome;
  entries: ImportEntry[];
}

export interface ImportFileReport {
  file: string;
  cmdlet: ExoCmdlet;
  objects: ImportObjectReport[];
}

export interface ImportReport {
  tenantId: string;
  tenantName: string;
  files: ImportFileReport[];
  counts: {
    acceptedDomains: number;
    inboundConnectors: number;
    outboundConnectors: number;
    transportRules: number;
    /** Rules kept with `unmodelledConditions` (the simulation skips them). */
    unmodelled: number;
    /** On-premises servers made from Get-SendConnector (with Get-ExchangeCertificate's certificates). */
    servers: number;
    skipped: number;
    /** Properties listed in the report (left out or converted). */
    entries: number;
  };
}

/** The report as the CLI prints it: a summary, then one block per file with the objects that have something to say. */
export function formatImportReport(report: ImportReport, lang: Lang = 'en'): string {
  const text = REPORT_TEXT[lang];
  const c = report.counts;
  const lines: string[] = [];
  lines.push(text.imported(report.tenantName, report.tenantId, c));
  if (c.servers > 0) lines.push(text.servers(c.servers));
  if (c.unmodelled > 0) lines.push(text.unmodelled(c.unmodelled));
  if (c.skipped > 0) lines.push(text.skipped(c.skipped));
  lines.push(c.entries === 0 ? text.allCarriedOver : text.entries(c.entries));
  for (const file of report.files) {
    const noteworthy = file.objects.filter((o) => o.entries.length > 0 || o.outcome !== 'imported');
    lines.push('');
    lines.push(text.file(file.file, file.cmdlet, file.objects.length));
    for (const o of noteworthy) {
      // A rule with unmodelled conditions is explained by its "(rule)" entry.
      const outcome = o.outcome === 'disabled' ? text.importedDisabled : o.outcome === 'skipped' ? text.notImported : '';
      lines.push(`  ${o.name}${outcome}`);
      for (const e of o.entries) lines.push(`    ${importPropertyText(e.property, lang)} = ${valueText(e, lang) || text.empty}: ${reasonText(e, lang)}`);
    }
  }
  return lines.join('\n') + '\n';
}
