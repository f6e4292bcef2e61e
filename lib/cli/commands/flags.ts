// The flags several commands share, declared once; a command may give one its own help text.
import { CALICO_VERSIONS, DEFAULT_CALICO_VERSION } from '../../model/calico-version';
import { DEFAULT_PLAN_LAYOUT, PLAN_LAYOUTS } from '../../iptables/plan-layout';
import { Flag } from '../flag';

/** `--manifests M...`; commands name what they read in their own help text. */
export const MANIFESTS: Flag<'manifests'> = {
  name: 'manifests', kind: 'multi', value: 'M...', required: true, help: 'manifest files or folders',
};

/** What the inventory is. */
export const INVENTORY_HELP = 'inventory: kubectl get namespaces,pods,nodes -o yaml (plus kubectl get serviceaccounts -A -o yaml)';

/** `--cluster C`, optional: the engine derives pods from workload manifests without one. */
export const CLUSTER: Flag<'cluster'> = {
  name: 'cluster', kind: 'single', value: 'C',
  help: `${INVENTORY_HELP} (without one, or\nwhen it has no pods: one pod per workload manifest)`,
};

/** `--protocol P` of one flow or table. */
export const PROTOCOL: Flag<'protocol'> = {
  name: 'protocol', kind: 'single', value: 'P', required: true, help: 'TCP, UDP, SCTP, ICMP, ICMPv6 or a protocol number',
};

/** `--port N` of one flow or table (required for protocols with ports). */
export const PORT: Flag<'port'> = {
  name: 'port', kind: 'single', value: 'N', help: 'destination port (TCP, UDP and SCTP only)',
};

/** `--ports P,...`: the ports and protocols compared or tabled. */
export const PORTS: Flag<'ports'> = {
  name: 'ports', kind: 'single', value: 'P,...',
  help: 'e.g. TCP/80,UDP/53,ICMP (default: every port and protocol that the policies or\nthe inventory\'s container ports name)',
};

/** `--format F`: the choices, the first the default. */
export function formatFlag(help: string, choices: readonly string[]): Flag<'format'> {
  return { name: 'format', kind: 'single', value: 'F', choices, default: choices[0], help };
}

/**
 * `--calico-version V`: the Calico release whose conversion, tie-break and chain names are
 * followed. Read with parseCalicoVersion (not as parser choices) so a patch release such as 3.31.7
 * selects its line and a bad value gets the one CalicoVersionError message.
 */
export const CALICO_VERSION: Flag<'calico-version'> = {
  name: 'calico-version', kind: 'single', value: 'V', synopsis: CALICO_VERSIONS.join('|'), default: DEFAULT_CALICO_VERSION,
  help: `the Calico release to follow where releases differ (conversion of Kubernetes\n`
    + `policies, equal-order tie-break, chain names): ${CALICO_VERSIONS.join(' or ')} (default ${DEFAULT_CALICO_VERSION})`,
};

/** `--plan-layout felix|compact` of `plan` and `verify`: the plan's layout (the verdicts are the same). */
export const PLAN_LAYOUT: Flag<'plan-layout'> = {
  name: 'plan-layout', kind: 'single', value: 'L', choices: PLAN_LAYOUTS, default: DEFAULT_PLAN_LAYOUT,
  help: `the plan's chain layout: felix (Felix's own: dispatch trees, policy-group\n`
    + `chains, compares cleanly with a node's iptables-save) or compact (fewer rules,\n`
    + `loads faster, same verdicts) (default ${DEFAULT_PLAN_LAYOUT})`,
};

/** How inputs are read: Felix settings, the pool of derived pods, the Calico release (listed after a command's own flags). */
export const INPUT_FLAGS: readonly Flag<'felix' | 'workload-pool' | 'calico-version'>[] = [
  {
    name: 'felix', kind: 'multi', value: 'KEY=VALUE...',
    help: 'Felix settings set in calico-node\'s environment (FELIX_<NAME>=value, any\n'
      + 'Felix config name), which win over FelixConfiguration: e.g.\n'
      + 'DefaultEndpointToHostAction (Felix\'s default DROP; the stock calico-node\n'
      + 'manifests set ACCEPT), FailsafeInboundHostPorts=tcp:22,udp:68 or none',
  },
  {
    name: 'workload-pool', kind: 'single', value: 'CIDR',
    help: 'addresses for the pods derived from workload manifests when the inputs\n'
      + 'hold no pods (default: 198.18.0.0/15, else 100.64.0.0/10, whichever no\n'
      + 'policy names)',
  },
  CALICO_VERSION,
];
