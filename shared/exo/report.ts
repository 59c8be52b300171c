/**
 * The import report: what the import did with every object, and every property it could not carry
 * into the design, so nothing is dropped silently.
 */
import type { ExoCmdlet } from './cmdlets';

export interface ImportEntry {
  /** The Exchange property name as the file spells it (or a pseudo-name such as "(other properties)"). */
  property: string;
  /** The value, shortened to one line. */
  value: string;
  /** Why it was not carried over as is, and what the import did instead. */
  reason: string;
}

/**
 * - `imported`: carried over; entries list properties that were left out or converted.
 * - `disabled`: imported with `enabled: false` (disabled in Exchange Online, or a rule in test mode).
 * - `not-evaluated`: kept, disabled and named "… [not evaluated]" because the simulation cannot evaluate it.
 * - `skipped`: not added to the design at all.
 */
export type ImportOutcome = 'imported' | 'disabled' | 'not-evaluated' | 'skipped';

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
    notEvaluated: number;
    skipped: number;
    /** Properties listed in the report (left out or converted). */
    entries: number;
  };
}

/** The report as the CLI prints it: a summary, then one block per file with the objects that have something to say. */
export function formatImportReport(report: ImportReport): string {
  const c = report.counts;
  const lines: string[] = [];
  lines.push(
    `Imported tenant "${report.tenantName}" (id ${report.tenantId}): ${c.acceptedDomains} accepted domain(s), ` +
      `${c.inboundConnectors} inbound connector(s), ${c.outboundConnectors} outbound connector(s), ${c.transportRules} mail flow rule(s).`,
  );
  if (c.notEvaluated > 0) {
    lines.push(
      `${c.notEvaluated} object(s) are kept but disabled and named "[not evaluated]": the simulation cannot evaluate them (see below).`,
    );
  }
  if (c.skipped > 0) lines.push(`${c.skipped} object(s) were not imported (see below).`);
  lines.push(c.entries === 0 ? 'Every property was carried over.' : `${c.entries} propert(ies) were left out or converted:`);
  for (const file of report.files) {
    const noteworthy = file.objects.filter((o) => o.entries.length > 0 || o.outcome !== 'imported');
    lines.push('');
    lines.push(`${file.file} (${file.cmdlet}, ${file.objects.length} object(s))`);
    for (const o of noteworthy) {
      // A not-evaluated object already carries "[not evaluated]" in its name.
      const outcome = o.outcome === 'disabled' ? ' [imported disabled]' : o.outcome === 'skipped' ? ' [not imported]' : '';
      lines.push(`  ${o.name}${outcome}`);
      for (const e of o.entries) lines.push(`    ${e.property} = ${e.value || '(empty)'}: ${e.reason}`);
    }
  }
  return lines.join('\n') + '\n';
}
