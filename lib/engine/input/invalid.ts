import { ManifestError } from '../../model/parse';
import { NetsecInputError } from '../../model/errors';
import { ValidationIssue, formatIssueDetail } from '../../model/validate';

/** One invalid document (or file, for YAML syntax errors): where it is and every problem found in it. */
export interface InvalidDocument {
  /** `<file>#<document index>`, or `<file>:<line>` for a YAML syntax error. */
  readonly location: string;
  /** Each problem without the location: `<field>: <message> (got <value>; allowed: <allowed>)`. */
  readonly problems: readonly string[];
  /** The shape error, when that is what the problem is. */
  readonly error?: ManifestError;
}

/** The document's validation issues as an InvalidDocument. */
export function invalidFromIssues(location: string, issues: readonly ValidationIssue[]): InvalidDocument {
  return { location, problems: issues.map(formatIssueDetail) };
}

/** A shape error (wrong type, unknown field, unreadable kind) as an InvalidDocument. */
export function invalidFromManifestError(e: ManifestError): InvalidDocument {
  return { location: e.location, problems: [e.detail], error: e };
}

/** The line `netsec validate` and every other command print for an invalid document. */
export function invalidDocumentLine(d: InvalidDocument): string {
  return `${d.location}: ${d.problems.join('; ')}`;
}

/**
 * Thrown when documents fail to read or fail Calico's or Kubernetes' validation: the message has
 * one line per invalid document, naming file, document index, field, bad value and what is allowed.
 */
export class ValidationError extends NetsecInputError {
  constructor(readonly documents: readonly InvalidDocument[]) {
    super(documents.map(invalidDocumentLine).join('\n'));
    this.name = 'ValidationError';
  }
}

/** Throws for invalid documents: a lone shape error as itself (ManifestError), anything else as ValidationError. */
export function throwInvalid(documents: readonly InvalidDocument[]): void {
  if (documents.length === 0) return;
  const only = documents.length === 1 ? documents[0].error : undefined;
  throw only ?? new ValidationError(documents);
}

/** The invalid documents an error of reading stands for (ValidationError, or a lone ManifestError); undefined for other errors. */
export function invalidDocumentsOf(e: unknown): readonly InvalidDocument[] | undefined {
  if (e instanceof ValidationError) return e.documents;
  return e instanceof ManifestError ? [invalidFromManifestError(e)] : undefined;
}
