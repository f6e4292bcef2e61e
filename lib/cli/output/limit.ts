// The guard against outputs too large to be of use: a table of rows x columns cells is refused above
// OUTPUT_CELL_LIMIT unless the user forces it. The one definition of the limit and its message.
import { NetsecInputError } from '../../model/errors';

/** Cells (rows x columns) a table may have without `--force`: 4,000,000, i.e. 2,000 x 2,000. */
export const OUTPUT_CELL_LIMIT = 4_000_000;

/** Cells a grouped table (groups x groups) may have without `--force`: 25,000,000, i.e. 5,000 groups. */
export const GROUP_CELL_LIMIT = 25_000_000;

/** A table output larger than OUTPUT_CELL_LIMIT was asked for without `--force`. */
export class OutputTooLargeError extends NetsecInputError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputTooLargeError';
  }
}

const thousands = (n: number): string => n.toLocaleString('en-US');

/** Throws OutputTooLargeError when `rows` x `columns` is over `limit` and not forced. */
export function checkOutputSize(what: string, rows: number, columns: number, bytesPerCell: number, hint: string, force: boolean,
  limit: number = OUTPUT_CELL_LIMIT): void {
  const cells = rows * columns;
  if (force || cells <= limit) return;
  const mb = (cells * bytesPerCell) / 1e6;
  throw new OutputTooLargeError(`${what} would have ${thousands(rows)} rows x ${thousands(columns)} columns = ${thousands(cells)} cells `
    + `(about ${thousands(Math.round(mb))} MB), over the limit of ${thousands(limit)} cells; ${hint}, or add --force to write it anyway`);
}
