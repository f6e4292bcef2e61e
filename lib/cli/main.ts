// Entry point of `bin/netsec`: runs the CLI on process.argv and sets the exit code.
import { runCli } from './run';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
