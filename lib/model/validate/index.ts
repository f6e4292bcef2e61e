export { ValidationIssue, formatIssue } from './issue';
export { validateResource } from './validate';
