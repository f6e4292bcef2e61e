export { ValidationIssue, formatIssue, formatIssueDetail } from './issue';
export { validateResource } from './validate';
