export { ValidationIssue, formatIssue, formatIssueDetail } from './issue';
export { validateResource } from './validate';
export { validateServiceResource } from './service';
