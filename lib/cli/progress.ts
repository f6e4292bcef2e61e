// The progress of a CLI command: on stderr, only when it is a terminal, the output is not JSON and CI is unset.
import { Progress } from '../util/progress';
import { CliIo } from './io';

/** The progress of a command writing through its io (shown only when `io.stderrIsTTY`). */
export function progressFor(io: CliIo, json: boolean): Progress {
  return new Progress({ stream: { isTTY: io.stderrIsTTY === true, write: (text) => { io.stderr(text); return true; } }, json });
}
