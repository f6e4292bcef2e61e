import { NetsecInputError } from '../errors';

/** Thrown for a bad address, CIDR, port or protocol: carries the bad value and what is allowed. */
export class NetError extends NetsecInputError {
  constructor(
    /** What is wrong, without the value, e.g. `invalid CIDR`. */
    readonly reason: string,
    /** The bad text. */
    readonly value: string,
    /** What is allowed instead. */
    readonly allowed: string,
  ) {
    super(`${reason} (got ${JSON.stringify(value)}; allowed: ${allowed})`);
    this.name = 'NetError';
  }
}
