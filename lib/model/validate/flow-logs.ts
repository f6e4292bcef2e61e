// FelixConfiguration's flow-log switches (v3.32.1 felix/config/config_params.go FlowLogsGoldmaneServer
// `string;`, FlowLogsLocalReporter `oneof(Enabled,Disabled);Disabled`; the CRD's enum Disabled;Enabled,
// api/pkg/apis/projectcalico/v3/felixconfig.go).
import { FelixConfigurationSpec } from '../resources';
import { Issues, report } from './issue';

const LOCAL_REPORTER = ['Enabled', 'Disabled'];

/**
 * flowLogsLocalReporter is `Enabled` or `Disabled`, exactly: the API server's enum refuses any other
 * spelling before Felix (whose own parser ignores case) reads it. flowLogsGoldmaneServer is any string.
 */
export function checkFlowLogs(issues: Issues, spec: FelixConfigurationSpec): void {
  const reporter = spec.flowLogsLocalReporter;
  if (reporter !== undefined && !LOCAL_REPORTER.includes(reporter)) {
    report(issues, 'spec.flowLogsLocalReporter', reporter, 'invalid flowLogsLocalReporter', LOCAL_REPORTER.join(' or '));
  }
}
