// Drift: a node's saved iptables and ipset state against its plan.
export type { DriftInput, DriftReport, SavedFile } from './drift';
export { formatDriftJson, formatDriftText, hasDrift, nodeDrift } from './drift';
export { DriftInputError } from './errors';
