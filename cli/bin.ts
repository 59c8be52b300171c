/** Entry of the `mailflow` bundle: runs the CLI on this process's arguments. */
import { runCli } from './main';
import { nodeIO } from './nodeIO';

runCli(process.argv.slice(2), nodeIO()).then(
  (code) => {
    // exitCode rather than exit(): large JSON piped to another program is flushed first.
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`mailflow: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 70;
  },
);
