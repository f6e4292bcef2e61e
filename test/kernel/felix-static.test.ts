// Felix's static and workload-endpoint rules on a real kernel (issue 16, measured items 3, 6, 7):
// the plan is rendered from manifests, loaded into network namespaces and probed with real
// packets, and every probe must agree with the engine.
// - VXLAN (UDP 4789) and IP-in-IP (protocol 4) packets from pods are dropped before policy by
//   default (endpoints.go endpointIptablesChain), and pass when FelixConfiguration allows them.
// - iptablesFilterDenyAction Reject: the denied TCP connection and UDP datagram are refused (ICMP
//   port unreachable from the bare REJECT), where DROP leaves them to time out.
// - IPv6: the ip6tables plan of a node with IPv6 pods loads, a v6 policy decides, and neighbour
//   discovery works only because cali-wl-to-host accepts ICMPv6 135/136 (without those rules the
//   pods cannot reach or be reached at all).
import { BuiltModel } from '../../lib/engine';
import { NodeVerifyReport, ProbeComparison, formatNodeReport } from '../../lib/verify/compare';
import { engineJudge } from '../../lib/verify/engine-judge';
import { PortPlan } from '../../lib/verify/flows';
import { listNamespaces } from '../../lib/verify/namespaces';
import { PlanText } from '../../lib/verify/load';
import { runNodeVerification } from '../../lib/verify/run';
import { LinkSpec } from '../../lib/verify/topology';
import { NODE, Pod, felixWorld, nodePlan } from '../felix/world';
import { kernelIt } from './support';

const NONE: PortPlan = { tcp: [], udp: [], icmp: false };

async function verify(model: BuiltModel, link: LinkSpec, ports: PortPlan, nodePorts: PortPlan, edit?: (p: PlanText) => PlanText): Promise<NodeVerifyReport> {
  const plan = nodePlan(model);
  const eps = plan.endpoints.endpoints;
  const report = await runNodeVerification({
    node: NODE,
    plan: edit ? edit(plan) : plan,
    topology: { workloads: eps.map((e) => ({ id: e.id, interfaceName: e.interface, ips: e.ips })), links: [link] },
    judge: engineJudge(model),
    flows: { workloadPorts: ports, nodePorts, externalPorts: ports, nodeRefs: new Map(), maxProbes: 400 },
    probe: { timeoutSeconds: 1.5 },
  });
  // The edited plan (a counter-proof) is expected to disagree with the engine: print its count only.
  console.log(edit ? formatNodeReport(report).split('\n')[0] : formatNodeReport(report));
  return report;
}

/** The probes from `src` to `dst` (IPs) of a protocol (and port). */
function seen(r: NodeVerifyReport, src: string, dst: string, protocol: string, port?: number): ProbeComparison[] {
  return r.comparisons.filter((c) => c.flow.source.ip === src && c.flow.destination.ip === dst && c.flow.protocol === protocol && c.flow.port === port);
}

function observed(r: NodeVerifyReport, src: string, dst: string, protocol: string, port?: number): string[] {
  return seen(r, src, dst, protocol, port).map((c) => `${c.observed ? 'through' : 'blocked'} ${c.observedDetail}`);
}

async function ownLeftovers(): Promise<string[]> {
  return (await listNamespaces()).filter((n) => n.startsWith(`nsec-${process.pid.toString(36)}-`));
}

const A = '192.0.2.11';
const B = '192.0.2.12';
const PEER = '198.51.100.1';
// Both pods name a service account (as every pod does in a cluster): their chains end with the
// kns.app and the rule-less ksa.app.<sa> profile, as Felix renders them.
const V4_PODS: readonly Pod[] = [{ name: 'a', ip: A, labels: { app: 'a' }, serviceAccount: 'default' }, { name: 'b', ip: B, labels: { app: 'b' }, serviceAccount: 'b' }];
const V4_LINK: LinkSpec = { interfaceName: 'eth0', nodeIps: ['198.51.100.10'], peerIps: [PEER] };

describe('Felix static and workload rules on a real kernel', () => {
  kernelIt('VXLAN and IP-in-IP packets from pods are dropped by default and pass when FelixConfiguration allows them', async () => {
    const ports: PortPlan = { tcp: [80], udp: [4789, 4790], icmp: false, ipip: true };
    const droppedModel = felixWorld(V4_PODS, [], undefined, '198.51.100.10');
    for (const chain of ['cali-pri-ksa.app.default', 'cali-pro-ksa.app.b']) expect(nodePlan(droppedModel).iptables).toContain(`:${chain} `);
    const dropped = await verify(droppedModel, V4_LINK, ports, NONE);
    expect(dropped.mismatches).toEqual([]);
    for (const dst of [B, PEER]) {
      expect(observed(dropped, A, dst, 'UDP', 4789)).toEqual(['blocked timeout']);
      expect(observed(dropped, A, dst, 'IPIP')).toEqual(['blocked timeout']);
      expect(observed(dropped, A, dst, 'UDP', 4790)).toEqual(['through echo']);
      expect(observed(dropped, A, dst, 'TCP', 80)).toEqual(['through connected']);
    }
    // Only what pods send: the peer's VXLAN and IP-in-IP to a pod pass (to-workload chains have no drop).
    expect(observed(dropped, PEER, A, 'UDP', 4789)).toEqual(['through echo']);
    expect(observed(dropped, PEER, A, 'IPIP')).toEqual(['through echo']);
    expect(seen(dropped, A, B, 'IPIP')[0].explanation).toContain('allowIPIPPacketsFromWorkloads false');

    const allowed = await verify(
      felixWorld(V4_PODS, [], { allowVXLANPacketsFromWorkloads: true, allowIPIPPacketsFromWorkloads: true }, '198.51.100.10'),
      V4_LINK, ports, NONE,
    );
    expect(allowed.mismatches).toEqual([]);
    for (const dst of [B, PEER]) {
      expect(observed(allowed, A, dst, 'UDP', 4789)).toEqual(['through echo']);
      expect(observed(allowed, A, dst, 'IPIP')).toEqual(['through echo']);
    }
    expect(await ownLeftovers()).toEqual([]);
  }, 240000);

  kernelIt('iptablesFilterDenyAction Reject: denied TCP and UDP are refused (ICMP port unreachable); Drop lets them time out', async () => {
    const onlyHttpToB = {
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'b-http-only' },
      spec: { selector: "app == 'b'", types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [80] } }] },
    };
    const ports: PortPlan = { tcp: [80, 81], udp: [53], icmp: false };
    const reject = await verify(felixWorld(V4_PODS, [onlyHttpToB], { iptablesFilterDenyAction: 'Reject' }, '198.51.100.10'), V4_LINK, ports, NONE);
    expect(reject.mismatches).toEqual([]);
    for (const src of [A, PEER]) {
      expect(observed(reject, src, B, 'TCP', 80)).toEqual(['through connected']);
      expect(observed(reject, src, B, 'TCP', 81)).toEqual(['blocked refused']);
      expect(observed(reject, src, B, 'UDP', 53)).toEqual(['blocked refused']);
    }
    expect(seen(reject, A, B, 'TCP', 81)[0].explanation).toContain('rejected (iptablesFilterDenyAction Reject');

    const drop = await verify(felixWorld(V4_PODS, [onlyHttpToB], undefined, '198.51.100.10'), V4_LINK, ports, NONE);
    expect(drop.mismatches).toEqual([]);
    expect(observed(drop, A, B, 'TCP', 81)).toEqual(['blocked timeout']);
    expect(observed(drop, A, B, 'UDP', 53)).toEqual(['blocked timeout']);
    expect(await ownLeftovers()).toEqual([]);
  }, 240000);

  const V6_A = '2001:db8:1::11';
  const V6_B = '2001:db8:1::12';
  const V6_NODE = '2001:db8:2::10';
  const V6_PEER = '2001:db8:2::1';
  const v6Pods: readonly Pod[] = [{ name: 'a', ip: V6_A, labels: { app: 'a' }, serviceAccount: 'default' }, { name: 'b', ip: V6_B, labels: { app: 'b' }, serviceAccount: 'b' }];
  const v6Link: LinkSpec = { interfaceName: 'eth0', nodeIps: [V6_NODE], peerIps: [V6_PEER] };
  const bFromAOnly = {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'b-from-a', namespace: 'app' },
    spec: {
      podSelector: { matchLabels: { app: 'b' } }, policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }], ports: [{ protocol: 'TCP', port: 80 }] }],
    },
  };
  const v6Ports: PortPlan = { tcp: [80, 8080], udp: [], icmp: true };
  const nodePorts: PortPlan = { tcp: [80], udp: [], icmp: false };

  kernelIt('IPv6: the ip6tables plan loads, a v6 policy decides, neighbour discovery passes cali-wl-to-host, REJECT refuses', async () => {
    const model = felixWorld(v6Pods, [bFromAOnly], undefined, V6_NODE);
    expect(nodePlan(model).ip6tables).toContain('--icmpv6-type 135');
    const report = await verify(model, v6Link, v6Ports, nodePorts);
    expect(report.mismatches).toEqual([]);
    expect(observed(report, V6_A, V6_B, 'TCP', 80)).toEqual(['through connected']);
    expect(observed(report, V6_A, V6_B, 'TCP', 8080)).toEqual(['blocked timeout']);
    expect(observed(report, V6_PEER, V6_B, 'TCP', 80)).toEqual(['blocked timeout']);
    expect(observed(report, V6_PEER, V6_A, 'TCP', 8080)).toEqual(['through connected']);
    expect(observed(report, V6_A, V6_PEER, 'ICMP')).toEqual(['through echo-reply']);
    expect(observed(report, V6_NODE, V6_A, 'TCP', 80)).toEqual(['through connected']);
    // A pod's own host: DefaultEndpointToHostAction Drop after its egress policy.
    expect(observed(report, V6_A, V6_NODE, 'TCP', 80)).toEqual(['blocked timeout']);

    // The same plan without the ICMPv6 accepts: no neighbour discovery, so no pod traffic at all.
    const withoutNd = await verify(model, v6Link, v6Ports, nodePorts, (p) => ({
      ...p, ip6tables: (p.ip6tables ?? '').split('\n').filter((l) => !/--icmpv6-type 13[0-6] /.test(l)).join('\n'),
    }));
    const podFlows = withoutNd.comparisons.filter((c) => c.flow.source.role === 'workload' || c.flow.destination.role === 'workload');
    expect(podFlows.length).toBeGreaterThan(10);
    expect(podFlows.filter((c) => c.observed)).toEqual([]);

    // ip6tables takes the bare REJECT too: the kernel answers ICMPv6 port unreachable.
    const reject = await verify(felixWorld(v6Pods, [bFromAOnly], { iptablesFilterDenyAction: 'Reject' }, V6_NODE), v6Link, v6Ports, nodePorts);
    expect(reject.mismatches).toEqual([]);
    expect(observed(reject, V6_A, V6_B, 'TCP', 8080)).toEqual(['blocked refused']);
    expect(observed(reject, V6_PEER, V6_B, 'TCP', 80)).toEqual(['blocked refused']);
    expect(await ownLeftovers()).toEqual([]);
  }, 240000);
});
