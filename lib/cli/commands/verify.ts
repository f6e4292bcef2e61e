// `netsec verify`: proves each node's rendered plan on a real kernel against the engine's verdicts.
import { parseCalicoVersion } from '../../model/calico-version';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { progressFor } from '../progress';
import { parsePlanLayout } from '../../iptables/plan-layout';
import { CLUSTER, INPUT_FLAGS, INVENTORY_HELP, MANIFESTS, PLAN_LAYOUT } from './flags';

function missingPrivilege(): string | undefined {
  if (process.platform !== 'linux') return 'netsec verify needs Linux (network namespaces)';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return 'netsec verify needs root: it creates network namespaces and loads iptables rules (run it with sudo)';
  }
  return undefined;
}

/**
 * `netsec verify`: resolves to the exit code (0 all probes agree, 1 mismatches or a plan the kernel
 * refuses, 2 usage, input or privilege errors; the dispatcher maps usage and input errors to 2).
 */
export const command = defineCommand({
  name: 'verify',
  about: `Builds each worker node in Linux network namespaces (the node with its public eth1 and private
eth0 interfaces, an internet host and a private-network host behind them, one namespace per pod
behind a veth with Calico's interface name), loads the node's plan with ipset restore and
iptables-restore, sends real TCP, UDP and ICMP probes and compares each result with the engine's
verdict. With Services in the inputs, each node's kube-proxy rules are then loaded once per
backend (pinned to it) and pods -> cluster IPs, peers -> nodePorts and LoadBalancer or external
IPs are probed and compared with the engine's verdict for that backend. With --cross-node, the
nodes are then built two at a time, joined by their private interface (the one carrying their
InternalIP), and the Service paths from one node to the other are probed: a backend on the other
node (Cluster: DNAT and masquerade on the arrival node) and Local on a node without a backend of
its own (dropped). Every namespace is removed afterwards.

Needs root, iproute2, iptables, ipset and python3. Pods, nodes and host endpoints must use
documentation addresses only (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32):
no other address is ever wired or probed (Service addresses outside them are listed as not probed). With --remap, every address and CIDR of the inputs is
first mapped one to one into those ranges (containment kept; 0.0.0.0/0 and ::/0 stay), the mapping
is printed, and the remapped cluster is verified.`,
  flags: [
    MANIFESTS,
    { ...CLUSTER, required: true, help: INVENTORY_HELP },
    { name: 'node', kind: 'single', value: 'N', help: 'verify only this node (default: every node with a pod or host endpoint); with --cross-node, joined to each other node' },
    { name: 'cross-node', kind: 'switch', help: 'also join the nodes two by two and probe the Service paths between them (with --node: that node and each other one)' },
    { name: 'max-probes', kind: 'single', value: 'N', help: 'at most N probes per node, and per pair of joined nodes (default 900)' },
    { name: 'remap', kind: 'switch', help: 'map the inputs\' addresses into the documentation ranges first (printed)' },
    PLAN_LAYOUT,
  ],
  inputFlags: INPUT_FLAGS,
  footer: `Exit codes: 0 every probe agrees, 1 mismatches found or the kernel refused the plan,
2 bad input or not root.`,
  async run(parsed, io) {
    const manifests = parsed.getList('manifests');
    const cluster = parsed.get('cluster');
    const maxText = parsed.value('max-probes');
    const layout = parsePlanLayout(parsed.get('plan-layout'), '--plan-layout');
    if (maxText !== undefined && (!/^[0-9]{1,6}$/.test(maxText) || Number(maxText) < 1)) {
      throw new UsageError(`--max-probes must be a positive number, got ${JSON.stringify(maxText)}`);
    }
    const privilege = missingPrivilege();
    if (privilege) {
      io.stderr(`netsec verify: ${privilege}\n`);
      return 2;
    }
    // Loaded here so that --help and usage errors do not pull in the engine and the harness.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const engine = require('../../engine') as typeof import('../../engine');
    const verify = require('../../verify/verify') as typeof import('../../verify/verify');
    const { PlanLoadError } = require('../../verify/load') as typeof import('../../verify/load');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const read = engine.expandManifestPaths([...manifests, cluster]).map((file) => ({ file, text: engine.readTextFile(file) }));
    let sources = read;
    if (parsed.has('remap')) {
      const { remapSources, formatMapping } = require('../../verify/remap') as typeof import('../../verify/remap'); // eslint-disable-line @typescript-eslint/no-require-imports
      const remapped = remapSources(read);
      sources = remapped.sources;
      io.stdout(`netsec verify --remap: ${remapped.mapping.length} address(es) and CIDR(s) mapped into the documentation ranges:\n${formatMapping(remapped.mapping)}\n`);
    }
    const progress = progressFor(io, false);
    try {
      const report = await verify.verifyCluster({
        sources,
        felix: parsed.list('felix'),
        workloadPool: parsed.value('workload-pool'),
        calicoVersion: parseCalicoVersion(parsed.get('calico-version'), '--calico-version'),
        node: parsed.value('node'),
        crossNode: parsed.has('cross-node'),
        layout,
        maxProbes: maxText === undefined ? undefined : Number(maxText),
        onProgress: (done, total) => (done === 0 ? progress.start(parsed.has('cross-node') ? 'netsec verify: nodes and joined pairs' : 'netsec verify: nodes', total) : progress.tick()),
      });
      progress.done();
      io.stdout(`${verify.formatClusterReport(report)}\n`);
      return report.mismatches === 0 ? 0 : 1;
    } catch (e) {
      if (e instanceof PlanLoadError) {
        io.stderr(`netsec verify: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
});
