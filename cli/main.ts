/**
 * `mailflow`: the engine on the command line (cli.md). Exit codes: 0 success, 1 a check failed or
 * lint found errors, 2 unreadable or invalid input, or wrong arguments.
 */
import { EXIT, type CliCommand, type CliIO, type ParsedArgs } from './types';
import { checkCommand, lintCommand, simulateCommand, UsageError } from './commands/core';
import { analyzeCommand } from './commands/analyze';
import { escapeForTerminal, escapeJsonForTerminal } from './terminal';
import { diffCommand } from './commands/diff';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { powershellCommand } from './commands/powershell';

export const COMMANDS: CliCommand[] = [simulateCommand, checkCommand, lintCommand, exportCommand, importCommand, powershellCommand, diffCommand, analyzeCommand];

export function usage(commands: CliCommand[] = COMMANDS): string {
  return [
    'Usage:',
    ...commands.flatMap((c) => c.usage.map((u) => `  ${u}`)),
    '',
    'Exit codes: 0 success, 1 a check failed or lint found errors, 2 the file could not be read or is not a valid document, or the arguments are wrong.',
    '',
  ].join('\n');
}

/** Splits `--name value` / `--name=value` / `--flag` options from positionals. */
export function parseArgs(argv: string[], valueOptions: string[]): ParsedArgs {
  const positionals: string[] = [];
  // No prototype: `--constructor` or `--toString` must not meet Object.prototype's members.
  const options: Record<string, string | true> = Object.create(null);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) options[name] = a.slice(eq + 1);
      else if (valueOptions.includes(name)) {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name}: expected a value`);
        options[name] = v;
        i++;
      } else options[name] = true;
    } else positionals.push(a);
  }
  return { positionals, options };
}

const FLAGS: Record<string, string[]> = {
  simulate: ['json'],
  check: ['json'],
  lint: ['json'],
  export: ['transparent'],
  import: ['json'],
  powershell: [],
  diff: ['json'],
  analyze: ['json'],
};

export async function runCli(argv: string[], rawIO: CliIO, commands: CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  // No terminal control reaches the screen from a document's text (terminal.ts). JSON output keeps
  // its values: the characters become JSON escapes there.
  const escape = rest.includes('--json') ? escapeJsonForTerminal : escapeForTerminal;
  const io: CliIO = { ...rawIO, stdout: (t) => rawIO.stdout(escape(t)), stderr: (t) => rawIO.stderr(escapeForTerminal(t)) };
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(usage(commands));
    return name ? EXIT.ok : EXIT.invalid;
  }
  if (name === '--version') {
    io.stdout('mailflow 0.1.0\n');
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`mailflow: unknown command "${name}"\n\n${usage(commands)}`);
    return EXIT.invalid;
  }
  try {
    const args = parseArgs(rest, command.valueOptions);
    if (args.options.help) {
      io.stdout(command.usage.join('\n') + '\n');
      return EXIT.ok;
    }
    const known = new Set([...command.valueOptions, ...(FLAGS[command.name] ?? []), 'json', 'help']);
    const unknown = Object.keys(args.options).filter((o) => !known.has(o));
    if (unknown.length > 0) throw new UsageError(`unknown option --${unknown[0]}`);
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`mailflow ${name}: ${e.message}\n\nUsage:\n${command.usage.map((u) => `  ${u}`).join('\n')}\n`);
      return EXIT.invalid;
    }
    throw e;
  }
}
