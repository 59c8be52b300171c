/**
 * A document passed on the command line (`mailflow-studio design.mailflow.json`, a double-click in
 * the file manager on Windows/Linux, or a second instance's argv). Electron and Chromium switches
 * and the app path in development (`electron .`) are skipped; the last `.json` argument wins.
 */
import path from 'node:path';

export function documentPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let index = argv.length - 1; index >= 1; index -= 1) {
    const argument = argv[index];
    if (argument.startsWith('-')) continue;
    if (!argument.toLowerCase().endsWith('.json')) continue;
    return path.resolve(cwd, argument);
  }
  return null;
}
