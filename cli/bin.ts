/** Entry of the `mailflow` bundle: runs the CLI on this process's arguments. */
import { runCli } from './main';
import { nodeIO } from './nodeIO';

// A reader that stops early (`mailflow check … | head -1`) closes the pipe: that is not a failure of
// the command, so end quietly with the code decided so far.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runCli(process.argv.slice(2), nodeIO()).then(
  (code) => {
    // exitCode rather than exit(): large JSON piped to another program is flushed first.
    process.exitCode = code;
  },
  (e: unknown) => {
    // cli.md promises 0, 1 or 2. Whatever failed, the input could not be processed: 2.
    process.stderr.write(`mailflow: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
