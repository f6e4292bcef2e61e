import { quote } from '../quote';

/** One problem found in a resource: the field path, the bad value, what is wrong and what is allowed. */
export interface ValidationIssue {
  /** Field path inside the resource, e.g. `spec.ingress[0].source.nets[1]`. */
  readonly field: string;
  /** The bad value as text. */
  readonly value: string;
  /** What is wrong. */
  readonly message: string;
  /** What is allowed instead. */
  readonly allowed: string;
}

/** `<field>: <message> (got <value>; allowed: <allowed>)`. */
export function formatIssueDetail(issue: ValidationIssue): string {
  return `${issue.field}: ${issue.message} (got ${issue.value}; allowed: ${issue.allowed})`;
}

/** `<where>: <field>: <message> (got <value>; allowed: <allowed>)`. */
export function formatIssue(where: string, issue: ValidationIssue): string {
  return `${where}: ${formatIssueDetail(issue)}`;
}

/** Collects issues while a resource is walked (internal to this folder). */
export type Issues = ValidationIssue[];

export function report(issues: Issues, field: string, value: unknown, message: string, allowed: string): void {
  issues.push({ field, value: quote(value), message, allowed });
}
