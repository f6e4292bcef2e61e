/** Marks instances, so that detection works across copies of this package. */
const INT_OR_STRING = Symbol.for('cdk8s-netsec.IntOrString');

/**
 * An integer or a string, as Kubernetes' `IntOrString` (a NetworkPolicy port: a number or a named
 * container port), in the convention of cdk8s's generated imports: `IntOrString.fromNumber(8080)`,
 * `IntOrString.fromString('http')`.
 */
export class IntOrString {
  /** True when `x` is an IntOrString (of this or another copy of cdk8s-netsec). */
  public static isIntOrString(x: unknown): x is IntOrString {
    return typeof x === 'object' && x !== null && INT_OR_STRING in x;
  }

  /** A number, e.g. the port `8080`. Throws unless it is an integer (the range is checked at synth). */
  public static fromNumber(value: number): IntOrString {
    if (!Number.isInteger(value)) {
      throw new Error(`IntOrString.fromNumber(${String(value)}): not an integer; allowed: an integer, e.g. a port number 1-65535`);
    }
    return new IntOrString(String(value));
  }

  /** A string, e.g. the named port `'http'` (a string of digits is the same as that number). */
  public static fromString(value: string): IntOrString {
    return new IntOrString(value);
  }

  private constructor(private readonly text: string) {
    Object.defineProperty(this, INT_OR_STRING, { value: true });
  }

  /** The value as text, e.g. `'8080'` or `'http'`. */
  public toString(): string {
    return this.text;
  }
}
