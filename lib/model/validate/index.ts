export { ValidationIssue, formatIssue, formatIssueDetail } from './issue';
export { validateResource } from './validate';
export { validateServiceResource } from './service';
export { DSCP_ALLOWED, DSCP_ANNOTATION, DSCP_FIELD, parseDscp } from './dscp';
