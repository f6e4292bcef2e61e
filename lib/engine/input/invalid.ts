import { ValidationIssue, formatIssue } from '../../model/validate';

/** One invalid document: where it is (`<file>#<index>`) and every problem found in it. */
export interface InvalidDocument {
  readonly location: string;
  readonly issues: readonly ValidationIssue[];
}

/** The line `netsec validate` and every other command print for an invalid document. */
export function invalidDocumentLine(d: InvalidDocument): string {
  const [first, ...rest] = d.issues.map((issue) => formatIssue(d.location, issue));
  return [first, ...rest.map((line) => line.slice(d.location.length + 2))].join('; ');
}

/**
 * Thrown when documents were read but fail Calico's or Kubernetes' validation: the message has
 * one line per invalid document, naming file, document index, field, bad value and what is allowed.
 */
export class ValidationError extends Error {
  constructor(readonly documents: readonly InvalidDocument[]) {
    super(documents.map(invalidDocumentLine).join('\n'));
    this.name = 'ValidationError';
  }
}
