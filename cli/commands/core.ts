/**
 * `simulate`, `check` and `lint` (cli.md): the engine, headless.
 */
import { checkAll } from '../../shared/check';
import { lint, type Diagnostic } from '../../shared/diagnostics';
import { simulateMessage, simulateScenario, SimulationInputError, type Lang, type Simulation } from '../../shared/engine';
import { patterns, type TopologyDocument } from '../../shared/model/schema';
import { parseDocumentText } from '../../shared/model/load';
import { EXIT, type CliCommand, type CliIO, type ParsedArgs } from '../types';

export class UsageError extends Error {}

/** The one-file commands (check, lint): the file and language from the arguments, and the loaded document. */
function fileCommandInput(args: ParsedArgs, io: CliIO): { doc: TopologyDocument; lang: Lang } | null {
  const file = onePositional(args, 'a topology file');
  const lang = langOption(args);
  const doc = loadDocumentOrReport(file, io);
  return doc ? { doc, lang } : null;
}

/** Writes an output file; on failure prints which file and why, and returns false (the caller exits 2). */
export function writeOutput(path: string, data: string | Uint8Array, io: CliIO): boolean {
  try {
    io.writeFile(path, data);
    return true;
  } catch (e) {
    io.stderr(`${path}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return false;
  }
}

/** What a command says after writing `--out`: on stderr when the output itself went to stdout (`--out -`). */
export function reportWritten(out: string, text: string, io: CliIO): void {
  (out === '-' ? io.stderr : io.stdout)(text);
}

/** Reads and validates a document; on failure prints the located errors and returns null (exit 2). */
export function loadDocumentOrReport(path: string, io: CliIO): TopologyDocument | null {
  let text: string;
  try {
    text = io.readText(path);
  } catch (e) {
    io.stderr(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return null;
  }
  const loaded = parseDocumentText(text);
  if (!loaded.ok) {
    for (const err of loaded.errors) io.stderr(`${path}: ${err.message}\n`);
    return null;
  }
  return loaded.document;
}

export function langOption(args: ParsedArgs): Lang {
  const lang = args.options.lang ?? 'en';
  if (lang !== 'en' && lang !== 'ja') throw new UsageError(`--lang: found "${String(lang)}"; expected en or ja`);
  return lang;
}

function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  if (v === true) throw new UsageError(`--${name}: expected a value`);
  return v;
}

function onePositional(args: ParsedArgs, what: string): string {
  if (args.positionals.length !== 1) {
    throw new UsageError(args.positionals.length === 0 ? `expected ${what}` : `expected one ${what}, found ${args.positionals.length} arguments: ${args.positionals.join(' ')}`);
  }
  return args.positionals[0];
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);

export function formatSimulation(sim: Simulation): string {
  const lines: string[] = [];
  for (const e of sim.events) {
    lines.push(`${String(e.seq).padStart(3)}  ${pad(e.kind, 16)} ${pad(e.at, 22)} ${e.text}`);
  }
  lines.push('');
  if (sim.type === 'load') {
    lines.push(`${pad('hour', 6)}${pad('offered', 10)}${pad('accepted', 10)}${pad('deferred', 10)}${pad('queued', 10)}${pad('expired', 10)}threshold`);
    for (const h of sim.hours) {
      lines.push(
        `${pad(h.hour, 6)}${pad(h.offered, 10)}${pad(h.accepted, 10)}${pad(h.deferred, 10)}${pad(h.queued, 10)}${pad(h.expired, 10)}${h.threshold === null ? '-' : Math.floor(h.threshold)}`,
      );
    }
    lines.push('');
  }
  lines.push(`SMTP ${sim.smtp.code} ${sim.smtp.enhanced} ${sim.smtp.text} (stage: ${sim.smtp.stage}) → ${sim.result}`);
  if (sim.attribution) {
    const a = sim.attribution;
    lines.push(`Attribution: ${a.tenant} (${a.direction}, key ${a.key}${a.connector ? `, connector ${a.connector}` : ''})`);
  }
  for (const r of sim.recipients) {
    lines.push(
      `  ${pad(r.address, 32)} ${pad(r.disposition, 11)} ${pad(r.tenant ?? '-', 14)} ${pad(r.path.length ? r.path.join(' → ') : '-', 28)} ${r.code}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** The JSON shape of cli.md "simulate --json". */
export function simulationJson(sim: Simulation): unknown {
  const base = {
    scenarioId: sim.scenarioId,
    result: sim.result,
    smtp: sim.smtp,
    attribution: sim.attribution,
    recipients: sim.recipients,
    events: sim.events,
  };
  return sim.type === 'load' ? { ...base, hours: sim.hours.map(({ threshold: _t, ...h }) => h) } : base;
}

export const simulateCommand: CliCommand = {
  name: 'simulate',
  usage: [
    'mailflow simulate <file> --scenario <id> [--json] [--lang en|ja]',
    'mailflow simulate <file> --server <id> --from <address> --to <address>[,<address>…] [--header-from <address>] [--json] [--lang en|ja]',
  ],
  valueOptions: ['scenario', 'server', 'from', 'to', 'header-from', 'lang'],
  run(args, io) {
    const file = onePositional(args, 'a topology file');
    const lang = langOption(args);
    const scenarioId = stringOption(args, 'scenario');
    const serverId = stringOption(args, 'server');
    if (scenarioId && (serverId || args.options.from || args.options.to || args.options['header-from'])) {
      throw new UsageError('give either --scenario or --server/--from/--to, not both');
    }
    if (!scenarioId && !serverId) throw new UsageError('expected --scenario <id>, or --server <id> --from <address> --to <address>');
    let message: { serverId: string; mailFrom: string; rcptTo: string[]; headerFrom: string | null } | null = null;
    if (serverId) {
      const from = stringOption(args, 'from');
      const to = stringOption(args, 'to');
      if (!from) throw new UsageError('--from: expected the MAIL FROM address (or "<>")');
      if (!to) throw new UsageError('--to: expected one or more recipient addresses, separated by commas');
      if (!patterns.emailOrNull.test(from)) throw new UsageError(`--from: found "${from}"; expected an e-mail address or <>`);
      const rcptTo = to.split(',').map((s) => s.trim()).filter(Boolean);
      for (const r of rcptTo) if (!patterns.email.test(r)) throw new UsageError(`--to: found "${r}"; expected an e-mail address`);
      if (rcptTo.length === 0) throw new UsageError('--to: expected at least one address');
      const headerFrom = stringOption(args, 'header-from') ?? null;
      if (headerFrom !== null && !patterns.email.test(headerFrom)) throw new UsageError(`--header-from: found "${headerFrom}"; expected an e-mail address`);
      message = { serverId, mailFrom: from, rcptTo, headerFrom };
    }
    const doc = loadDocumentOrReport(file, io);
    if (!doc) return EXIT.invalid;
    let sim: Simulation;
    try {
      sim = message ? simulateMessage(doc, message, { lang }) : simulateScenario(doc, scenarioId!, { lang });
    } catch (e) {
      if (e instanceof SimulationInputError) {
        io.stderr(`${file}: ${e.message}\n`);
        return EXIT.invalid;
      }
      throw e;
    }
    io.stdout(args.options.json ? JSON.stringify(simulationJson(sim), null, 2) + '\n' : formatSimulation(sim));
    return EXIT.ok;
  },
};

export const checkCommand: CliCommand = {
  name: 'check',
  usage: ['mailflow check <file> [--json] [--lang en|ja]'],
  valueOptions: ['lang'],
  run(args, io) {
    const input = fileCommandInput(args, io);
    if (!input) return EXIT.invalid;
    const results = checkAll(input.doc, input.lang);
    const passed = results.filter((r) => r.pass).length;
    const failed = results.length - passed;
    if (args.options.json) {
      const scenarios = results.map((r) => ({ scenarioId: r.scenarioId, name: r.name, pass: r.pass, differences: r.differences }));
      io.stdout(JSON.stringify({ scenarios, passed, failed }, null, 2) + '\n');
    } else {
      for (const r of results) {
        io.stdout(`${r.pass ? 'PASS' : 'FAIL'}  ${r.scenarioId}  ${r.name}${r.pass ? '' : `\n        ${r.differences.join('\n        ')}`}\n`);
      }
      io.stdout(`${passed} passed, ${failed} failed\n`);
    }
    return failed > 0 ? EXIT.failed : EXIT.ok;
  },
};

export function formatDiagnostics(diagnostics: Diagnostic[]): string {
  const lines = diagnostics.map((d) => `${pad(d.severity, 8)} ${pad(d.rule, 42)} ${pad(d.entity ?? '-', 24)} ${d.message}`);
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  lines.push(`${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`);
  return lines.join('\n') + '\n';
}

export const lintCommand: CliCommand = {
  name: 'lint',
  usage: ['mailflow lint <file> [--json] [--lang en|ja]'],
  valueOptions: ['lang'],
  run(args, io) {
    const input = fileCommandInput(args, io);
    if (!input) return EXIT.invalid;
    const diagnostics = lint(input.doc, { lang: input.lang });
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    if (args.options.json) {
      const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
      io.stdout(JSON.stringify({ diagnostics, errors, warnings: count('warning'), infos: count('info') }, null, 2) + '\n');
    } else {
      io.stdout(formatDiagnostics(diagnostics));
    }
    return errors > 0 ? EXIT.failed : EXIT.ok;
  },
};
