// Felix's IP-in-IP host rules on a real kernel (issue 16 item 3): an IPPool with ipipMode Always
// turns them on (felix/rules/static.go filterInputChain/filterOutputChain, IPv4). The node has a
// host endpoint with no policy (deny all but failsafe ports), yet IP-in-IP from another Calico
// node's address is accepted in cali-INPUT, and the node's own IP-in-IP to that node passes
// cali-OUTPUT; IP-in-IP from an address that is no node's is dropped. Every probe must agree with
// the engine; a counter-proof without the accept rule shows the rule is what lets it through.
import { NodeVerifyReport, ProbeComparison, formatNodeReport } from '../../lib/verify/compare';
import { engineJudge } from '../../lib/verify/engine-judge';
import { PortPlan } from '../../lib/verify/flows';
import { listNamespaces } from '../../lib/verify/namespaces';
import { PlanText } from '../../lib/verify/load';
import { runNodeVerification } from '../../lib/verify/run';
import { LinkSpec } from '../../lib/verify/topology';
import { BuiltModel } from '../../lib/engine';
import { NODE, felixWorld, nodePlan } from '../felix/world';
import { kernelIt } from './support';

const A = '192.0.2.11';
const NODE_IP = '198.51.100.10';
/** Another Calico node (in the inventory, so in all-hosts-net). */
const OTHER_NODE = '198.51.100.20';
/** A host that is no node. */
const STRANGER = '198.51.100.1';
const LINK: LinkSpec = { interfaceName: 'eth0', nodeIps: [NODE_IP], peerIps: [OTHER_NODE, STRANGER] };
const PORTS: PortPlan = { tcp: [80], udp: [], icmp: false, ipip: true };
/**
 * No IP-in-IP probes to the pod: the probe's echo from the pod back to the node is IP-in-IP from an
 * address that is no node's, which cali-INPUT drops before any conntrack check, so the node's
 * (one-way, delivered) IP-in-IP to its pod would look blocked. The pod-to-node probe below shows
 * that drop directly.
 */
const POD_PORTS: PortPlan = { tcp: [80], udp: [], icmp: false };

const POOL = {
  apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'default-ipv4-ippool' },
  spec: { cidr: '192.0.2.0/24', ipipMode: 'Always', natOutgoing: true },
};
const HEP = {
  apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'node-1-eth0', labels: { role: 'node' } },
  spec: { node: NODE, interfaceName: 'eth0', expectedIPs: [NODE_IP] },
};
/** The host endpoint's egress: nothing allowed (its ingress has no policy: nothing allowed either). */
const NO_HOST_EGRESS = {
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'no-host-egress' },
  spec: { selector: "role == 'node'", types: ['Egress'], egress: [] },
};

function world(): BuiltModel {
  return felixWorld([{ name: 'a', ip: A, labels: { app: 'a' } }], [POOL, HEP, NO_HOST_EGRESS], undefined, NODE_IP, [{ name: 'node-2', ip: OTHER_NODE }]);
}

async function verify(model: BuiltModel, edit?: (p: PlanText) => PlanText): Promise<NodeVerifyReport> {
  const plan = nodePlan(model);
  const report = await runNodeVerification({
    node: NODE,
    plan: edit ? edit(plan) : plan,
    topology: { workloads: plan.endpoints.endpoints.filter((e) => e.kind === 'workload').map((e) => ({ id: e.id, interfaceName: e.interface, ips: e.ips })), links: [LINK] },
    judge: engineJudge(model),
    flows: { workloadPorts: POD_PORTS, nodePorts: PORTS, externalPorts: PORTS, nodeRefs: new Map(), maxProbes: 200 },
    probe: { timeoutSeconds: 1.5 },
  });
  console.log(edit ? formatNodeReport(report).split('\n')[0] : formatNodeReport(report));
  return report;
}

function seen(r: NodeVerifyReport, src: string, dst: string, protocol: string, port?: number): ProbeComparison[] {
  return r.comparisons.filter((c) => c.flow.source.ip === src && c.flow.destination.ip === dst && c.flow.protocol === protocol && c.flow.port === port);
}

function observed(r: NodeVerifyReport, src: string, dst: string, protocol: string, port?: number): string[] {
  return seen(r, src, dst, protocol, port).map((c) => `${c.observed ? 'through' : 'blocked'} ${c.observedDetail}`);
}

describe('IP-in-IP host rules on a real kernel', () => {
  kernelIt('IP-in-IP from a Calico node is accepted before host endpoint policy, from any other host dropped; the node\'s own to a Calico node passes', async () => {
    const model = world();
    const plan = nodePlan(model);
    expect(plan.ipsets).toContain(`add cali40all-hosts-net ${OTHER_NODE}`);
    const report = await verify(model);
    expect(report.mismatches).toEqual([]);
    // cali-INPUT: the IP-in-IP accept comes before the host endpoint's (deny-all) policy
    expect(observed(report, OTHER_NODE, NODE_IP, 'IPIP')).toEqual(['through echo']);
    expect(observed(report, OTHER_NODE, NODE_IP, 'TCP', 80)).toEqual(['blocked timeout']);
    expect(observed(report, STRANGER, NODE_IP, 'IPIP')).toEqual(['blocked timeout']);
    expect(seen(report, STRANGER, NODE_IP, 'IPIP')[0].explanation).toContain('IP-in-IP from a non-Calico host');
    // cali-OUTPUT: the node's IP-in-IP to a Calico node passes its deny-all egress policy
    expect(observed(report, NODE_IP, OTHER_NODE, 'IPIP')).toEqual(['through echo']);
    // (dropped in the node's own OUTPUT path: the sender gets EPERM)
    expect(observed(report, NODE_IP, STRANGER, 'IPIP')).toEqual(['blocked error: [Errno 1] Operation not permitted']);
    expect(observed(report, NODE_IP, OTHER_NODE, 'TCP', 80)).toEqual(['blocked timeout']);
    // a pod's IP-in-IP to its own host meets the drop first (its source is no node's)
    expect(observed(report, A, NODE_IP, 'IPIP')).toEqual(['blocked timeout']);

    // Counter-proof: without the accept rule, the Calico node's IP-in-IP is dropped too.
    const without = await verify(model, (p) => ({
      ...p, iptables: p.iptables.split('\n').filter((l) => !l.includes('Allow IPIP packets from Calico hosts')).join('\n'),
    }));
    expect(observed(without, OTHER_NODE, NODE_IP, 'IPIP')).toEqual(['blocked timeout']);
    expect((await listNamespaces()).filter((n) => n.startsWith(`nsec-${process.pid.toString(36)}-`))).toEqual([]);
  }, 240000);
});
