// Entry point of `bin/netsec`: runs the CLI on process.argv and sets the exit code.
import { runCli } from './run';

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
}).then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  process.stderr.write(`netsec: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 2;
});
