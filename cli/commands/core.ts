/**
 * `simulate`, `check` and `lint` (cli.md): the engine, headless.
 */
import { checkAll } from '../../shared/check';
import { DEFAULT_LANG, isLang, LANGUAGE_LIST } from '../../shared/i18n/languages';
import { scenarioDisplayName } from '../../shared/i18n/gallery';
import { width } from '../terminal';
import { CLI_JA, outcomeWord } from '../../shared/i18n/outcomeLabels';
import { formatNumber } from '../../shared/i18n/settingLabels';
import { checkGuards } from '../../shared/analysis/guards';
import { lint, type Diagnostic } from '../../shared/diagnostics';
import { simulateMessage, simulateScenario, SimulationInputError, type Lang, type MessageInput, type Simulation } from '../../shared/engine';
import { evaluationDate } from '../../shared/model/service';
import { isRealDate, patterns, type TopologyDocument } from '../../shared/model/schema';
import { parseDocumentText } from '../../shared/model/load';
import { EXIT, type CliCommand, type CliIO, type ParsedArgs } from '../types';

export class UsageError extends Error {}

/** The one-file commands (check, lint): the file, language and run date from the arguments, and the loaded document. */
function fileCommandInput(args: ParsedArgs, io: CliIO): { doc: TopologyDocument; lang: Lang; today: string } | null {
  const file = onePositional(args, 'a topology file');
  const lang = langOption(args);
  const today = asOfOption(args, io);
  const doc = loadDocumentOrReport(file, io);
  return doc ? { doc, lang, today } : null;
}

/**
 * `--as-of YYYY-MM-DD` (cli.md, version 2): the run's date, used when the document and the scenario
 * set none; without it, today. The engine never reads a clock, so the CLI gives it the date.
 */
export function asOfOption(args: ParsedArgs, io: CliIO): string {
  const v = stringOption(args, 'as-of');
  if (v === undefined) return io.today?.() ?? localToday();
  if (!patterns.date.test(v) || !isRealDate(v)) {
    throw new UsageError(`--as-of: found "${v}"; expected a date such as 2026-02-01 (YYYY-MM-DD)`);
  }
  return v;
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "evaluated as of …", printed in every output so a run is reproducible. */
export function evaluatedLine(asOf: string, lang: Lang): string {
  return lang === 'ja' ? `評価日: ${asOf}` : `evaluated as of ${asOf}`;
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
  const lang = args.options.lang ?? DEFAULT_LANG;
  if (!isLang(lang)) throw new UsageError(`--lang: found "${String(lang)}"; expected ${LANGUAGE_LIST}`);
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
/** Pads to n terminal columns, counting a Japanese character as two. */
const padWide = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function formatSimulation(sim: Simulation, lang: Lang = 'en'): string {
  const lines: string[] = [];
  // As wide as the widest label shown (a Japanese character takes two terminal columns).
  const kindWidth = Math.max(lang === 'ja' ? 12 : 16, ...sim.events.map((e) => width(outcomeWord('kind', e.kind, lang)) + 1));
  for (const e of sim.events) {
    lines.push(`${String(e.seq).padStart(3)}  ${padWide(outcomeWord('kind', e.kind, lang), kindWidth)} ${pad(e.at, 22)} ${e.text}`);
  }
  lines.push('');
  if (sim.type === 'load') {
    const h = (w: string, n: number) => padWide(outcomeWord('hour', w, lang), n);
    lines.push(`${h('hour', 6)}${h('offered', 10)}${h('accepted', 10)}${h('deferred', 10)}${h('queued', 10)}${h('expired', 10)}${h('rejected', 10)}${h('threshold', 0)}`);
    // Japanese output groups thousands (29,800) as Microsoft Japan writes numbers.
    const g = (x: number) => (lang === 'ja' ? formatNumber(x, 'ja') : x);
    for (const h of sim.hours) {
      lines.push(
        `${pad(h.hour, 6)}${pad(g(h.offered), 10)}${pad(g(h.accepted), 10)}${pad(g(h.deferred), 10)}${pad(g(h.queued), 10)}${pad(g(h.expired), 10)}${pad(g(h.rejected), 10)}${h.threshold === null ? '-' : g(Math.floor(h.threshold))}`,
      );
    }
    lines.push('');
  }
  const reply = `${sim.smtp.code} ${sim.smtp.enhanced} ${sim.smtp.text}`;
  lines.push(
    lang === 'ja'
      ? CLI_JA.smtp(reply, outcomeWord('stage', sim.smtp.stage, lang), outcomeWord('result', sim.result, lang))
      : `SMTP ${reply} (stage: ${sim.smtp.stage}) → ${sim.result}`,
  );
  if (sim.attribution) {
    const a = sim.attribution;
    lines.push(
      lang === 'ja'
        ? CLI_JA.attribution(a.tenant, outcomeWord('direction', a.direction, lang), outcomeWord('key', a.key, lang), a.connector)
        : `Attribution: ${a.tenant} (${a.direction}, key ${a.key}${a.connector ? `, connector ${a.connector}` : ''})`,
    );
  }
  for (const r of sim.recipients) {
    lines.push(
      `  ${pad(r.address, 32)} ${padWide(outcomeWord('disposition', r.disposition, lang), 11)} ${pad(r.tenant ?? '-', 14)} ${pad(r.path.length ? r.path.join(' → ') : '-', 28)} ${r.code}`,
    );
  }
  if (sim.type === 'message' && sim.alternatives) {
    lines.push(lang === 'ja' ? CLI_JA.unstable : 'Unstable: Exchange Online may pick any of these (MC1226222):');
    const sep = lang === 'ja' ? '、' : ', ';
    for (const a of sim.alternatives) {
      lines.push(
        `  ${pad(a.tenant, 14)} ${padWide(outcomeWord('result', a.result, lang), 9)} ${a.smtp.code} ${a.smtp.enhanced}  ${a.recipients.map((r) => `${r.address} ${outcomeWord('disposition', r.disposition, lang)}`).join(sep)}`,
      );
    }
  }
  lines.push(evaluatedLine(sim.asOf, lang));
  return lines.join('\n') + '\n';
}

/** The JSON shape of cli.md "simulate --json". */
export function simulationJson(sim: Simulation): unknown {
  const base = {
    scenarioId: sim.scenarioId,
    asOf: sim.asOf,
    unstable: sim.unstable,
    ...(sim.type === 'message' && sim.alternatives
      ? { alternatives: sim.alternatives.map(({ tenant, result, smtp, attribution, recipients }) => ({ tenant, result, smtp, attribution, recipients })) }
      : {}),
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
    'mailflow simulate <file> --scenario <id> [--as-of YYYY-MM-DD] [--json] [--lang en|ja]',
    'mailflow simulate <file> --server <id> --from <address> --to <address>[,<address>…] [--header-from <address>] [--as-of YYYY-MM-DD] [--json] [--lang en|ja]',
    'mailflow simulate <file> --from-mailbox <address> --to <address>[,<address>…] [--from <address>] [--as-of YYYY-MM-DD] [--json] [--lang en|ja]',
  ],
  valueOptions: ['scenario', 'server', 'from', 'to', 'header-from', 'lang', 'as-of', 'from-mailbox'],
  run(args, io) {
    const file = onePositional(args, 'a topology file');
    const lang = langOption(args);
    const today = asOfOption(args, io);
    const scenarioId = stringOption(args, 'scenario');
    const serverId = stringOption(args, 'server');
    const fromMailbox = stringOption(args, 'from-mailbox');
    if (scenarioId && (serverId || fromMailbox || args.options.from || args.options.to || args.options['header-from'])) {
      throw new UsageError('give either --scenario, or --server/--from-mailbox with --from/--to, not both');
    }
    if (serverId && fromMailbox) throw new UsageError('give either --server or --from-mailbox, not both');
    if (!scenarioId && !serverId && !fromMailbox) {
      throw new UsageError('expected --scenario <id>, --server <id> --from <address> --to <address>, or --from-mailbox <address> --to <address>');
    }
    let message: MessageInput | null = null;
    if (fromMailbox) {
      if (!patterns.email.test(fromMailbox)) throw new UsageError(`--from-mailbox: found "${fromMailbox}"; expected an e-mail address`);
      const from = stringOption(args, 'from') ?? fromMailbox;
      if (!patterns.email.test(from)) throw new UsageError(`--from: found "${from}"; expected an e-mail address (a mailbox cannot send as <>)`);
      message = { fromMailbox, mailFrom: from, rcptTo: recipientsOption(args), headerFrom: null };
    }
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
      sim = message ? simulateMessage(doc, message, { lang, today }) : simulateScenario(doc, scenarioId!, { lang, today });
    } catch (e) {
      if (e instanceof SimulationInputError) {
        io.stderr(`${file}: ${e.message}\n`);
        return EXIT.invalid;
      }
      throw e;
    }
    io.stdout(args.options.json ? JSON.stringify(simulationJson(sim), null, 2) + '\n' : formatSimulation(sim, lang));
    return EXIT.ok;
  },
};

function recipientsOption(args: ParsedArgs): string[] {
  const to = stringOption(args, 'to');
  if (!to) throw new UsageError('--to: expected one or more recipient addresses, separated by commas');
  const rcptTo = to.split(',').map((s) => s.trim()).filter(Boolean);
  for (const r of rcptTo) if (!patterns.email.test(r)) throw new UsageError(`--to: found "${r}"; expected an e-mail address`);
  if (rcptTo.length === 0) throw new UsageError('--to: expected at least one address');
  return rcptTo;
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage: ['mailflow check <file> [--as-of YYYY-MM-DD] [--json] [--lang en|ja]'],
  valueOptions: ['lang', 'as-of'],
  run(args, io) {
    const input = fileCommandInput(args, io);
    if (!input) return EXIT.invalid;
    const results = checkAll(input.doc, input.lang, { today: input.today });
    // Guards are checked with the scenarios (document-format.md "Guards").
    const guards = checkGuards(input.doc, { lang: input.lang, today: input.today });
    const passed = results.filter((r) => r.pass).length + guards.filter((g) => g.pass).length;
    const failed = results.length + guards.length - passed;
    const asOf = evaluationDate(input.doc.service, { today: input.today }).date;
    if (args.options.json) {
      const scenarios = results.map((r) => ({ scenarioId: r.scenarioId, name: r.name, asOf: r.simulation.asOf, pass: r.pass, differences: r.differences }));
      io.stdout(JSON.stringify({ asOf, scenarios, ...(guards.length ? { guards: guards.map(({ firstFailure: _f, ...g }) => g) } : {}), passed, failed }, null, 2) + '\n');
    } else {
      io.stdout(evaluatedLine(asOf, input.lang) + '\n');
      for (const r of results) {
        const own = r.simulation.asOf !== asOf ? ` (${evaluatedLine(r.simulation.asOf, input.lang)})` : '';
        io.stdout(`${verdict(r.pass, input.lang)}  ${r.scenarioId}  ${scenarioDisplayName({ id: r.scenarioId, name: r.name }, input.lang)}${own}${r.pass ? '' : `\n        ${r.differences.join('\n        ')}`}\n`);
      }
      for (const g of guards) io.stdout(`${verdict(g.pass, input.lang)}  ${input.lang === 'ja' ? CLI_JA.guard : 'guard'}:${g.guardId}  ${g.name}${g.pass ? '' : `\n        ${g.differences.join('\n        ')}`}\n`);
      // The closing line stays as it is in every language: scripts read it.
      if (input.lang === 'ja') io.stdout(`${CLI_JA.checkSummary(formatNumber(passed, 'ja'), formatNumber(failed, 'ja'))}\n`);
      io.stdout(`${passed} passed, ${failed} failed\n`);
    }
    return failed > 0 ? EXIT.failed : EXIT.ok;
  },
};

const verdict = (pass: boolean, lang: Lang) => (lang === 'ja' ? (pass ? CLI_JA.pass : CLI_JA.fail) : pass ? 'PASS' : 'FAIL');

export function formatDiagnostics(diagnostics: Diagnostic[], header?: string, lang: Lang = 'en'): string {
  const lines = diagnostics.map((d) => `${padWide(outcomeWord('severity', d.severity, lang), 8)} ${pad(d.rule, 42)} ${pad(d.entity ?? '-', 24)} ${d.message}`);
  if (header) lines.unshift(header);
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  if (lang === 'ja') lines.push(CLI_JA.lintSummary(formatNumber(count('error'), 'ja'), formatNumber(count('warning'), 'ja'), formatNumber(count('info'), 'ja')));
  else lines.push(`${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`);
  return lines.join('\n') + '\n';
}

export const lintCommand: CliCommand = {
  name: 'lint',
  usage: ['mailflow lint <file> [--as-of YYYY-MM-DD] [--json] [--lang en|ja]'],
  valueOptions: ['lang', 'as-of'],
  run(args, io) {
    const input = fileCommandInput(args, io);
    if (!input) return EXIT.invalid;
    const diagnostics = lint(input.doc, { lang: input.lang, today: input.today });
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const asOf = evaluationDate(input.doc.service, { today: input.today }).date;
    if (args.options.json) {
      const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
      io.stdout(JSON.stringify({ asOf, diagnostics, errors, warnings: count('warning'), infos: count('info') }, null, 2) + '\n');
    } else {
      io.stdout(formatDiagnostics(diagnostics, evaluatedLine(asOf, input.lang), input.lang));
    }
    return errors > 0 ? EXIT.failed : EXIT.ok;
  },
};
