/** Thrown for a bad address, CIDR, port or protocol: carries the bad value and what is allowed. */
export class NetError extends Error {
  constructor(message: string, readonly value: string, readonly allowed: string) {
    super(`${message} (got ${JSON.stringify(value)}; allowed: ${allowed})`);
    this.name = 'NetError';
  }
}
