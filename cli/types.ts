/**
 * The shape every `mailflow` subcommand has, so commands stay small modules that tests can drive
 * without spawning a process.
 */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file as UTF-8 text; throws with a message naming the file on failure. */
  readText: (path: string) => string;
  /** Reads a file as bytes. */
  readBytes: (path: string) => Uint8Array;
  /** Writes atomically (temporary file, then rename). */
  writeFile: (path: string, data: string | Uint8Array) => void;
  /** Today's date, `YYYY-MM-DD` (the run's date for the evaluation date); the local clock when absent. */
  today?: () => string;
  /** The time an export is made (written in a PDF); SOURCE_DATE_EPOCH, else the clock, when absent. */
  now?: () => Date;
}

export interface ParsedArgs {
  /** Positional arguments after the subcommand. */
  positionals: string[];
  /** `--name value` and `--flag` options (flags are `true`). */
  options: Record<string, string | true>;
}

/** Exit codes of cli.md: 0 success, 1 a check failed / lint found errors, 2 unreadable input or bad arguments. */
export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

export interface CliCommand {
  name: string;
  /** One line per usage form, for `mailflow --help`. */
  usage: string[];
  /** Option names that take a value (others are flags). */
  valueOptions: string[];
  run(args: ParsedArgs, io: CliIO): Promise<number> | number;
}
