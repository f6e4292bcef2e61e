// The error of a saved-rules file that cannot be read: names the file and line.
import { NetsecInputError } from '../model/errors';

/** A line of an `iptables-save` or `ipset save` file that is not what those tools print. */
export class DriftInputError extends NetsecInputError {
  constructor(readonly file: string, readonly line: number, detail: string) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'DriftInputError';
  }
}
