// Drift: a node's saved iptables and ipset state against its plan.
export { formatDriftJson, formatDriftText, hasDrift, nodeDrift } from './drift';
