import { quote } from '../quote';
import { NetsecInputError } from '../errors';

/** Renders a bad value for a message: JSON, cut to a readable length. */
export function describeValue(value: unknown): string {
  const text = quote(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Thrown for a manifest document whose shape is wrong: names the document (`file#index`), the
 * field path (`spec.ingress[0].ports[1]`), the bad value and what was expected.
 */
export class ManifestError extends NetsecInputError {
  constructor(
    /** Where the document came from, e.g. `dist/kubernetes/app.k8s.yaml#2`. */
    readonly location: string,
    /** The field path inside the document; empty for the document itself. */
    readonly field: string,
    /** The bad value, rendered for the message. */
    readonly value: string,
    /** What is allowed there. */
    readonly expected: string,
  ) {
    super(`${location}: ${field ? `${field}: ` : ''}expected ${expected}, got ${value}`);
    this.name = 'ManifestError';
  }

  /** The message without the location: `<field>: expected <expected>, got <value>`. */
  get detail(): string {
    return this.message.slice(this.location.length + 2);
  }
}
