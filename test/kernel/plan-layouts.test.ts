// The two plan layouts on a real kernel: Felix's (dispatch prefix trees, policy-group chains, a
// return-if-accepted after every jump, both raw chains of an untracked host endpoint) and the
// compact one (flat dispatch, an accept check every 5 jumps, no group chains) must give every probe
// the same result, and both must agree with the engine. One node, loaded once per layout by the
// verify harness (namespaces removed after each run, also on failure and on SIGINT/SIGTERM).
import { dump } from 'js-yaml';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { vethNameForWorkload } from '../../lib/engine/model/veth';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { PlanLayout } from '../../lib/iptables/plan-layout';
import { generateScenario, scenarioSources } from '../../lib/verify/scenario/generate';
import { ClusterVerifyReport, VerifyOptions, formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

const NODE = 'worker-1';

/** Six pod names, two of whose interfaces share the character after `cali` (a dispatch child chain). */
function podNames(): string[] {
  const byChar = new Map<string, string[]>();
  for (let i = 0; i < 200; i++) {
    const name = `web-${i}`;
    const c = vethNameForWorkload('shop', name)[4];
    byChar.set(c, [...(byChar.get(c) ?? []), name]);
  }
  const shared = [...byChar.values()].find((v) => v.length >= 3) as string[];
  const singles = [...byChar.values()].filter((v) => v !== shared).map((v) => v[0]).slice(0, 3);
  return [...shared.slice(0, 3), ...singles];
}

// Each pod names a service account, so its chains also jump to its ksa.shop.<sa> profile (no rules)
// after kns.shop: a Pass reaches kns.shop, which accepts before the ksa jump.
function pod(name: string, i: number, labels: object, serviceAccountName: string): object {
  const ip = `192.0.2.${11 + i}`;
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop', labels },
    spec: { nodeName: NODE, serviceAccountName, containers: [{ name: 'main' }] }, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
  };
}

// Policies 1-7 share one selector (Felix: one group chain of 7, a RETURN on verdict before the 6th
// jump); 8 and 9 another one (a group of 2); 10 is alone. Policy i decides TCP 8000+i: Allow, except
// 3 and 7 Pass (on to the profile, which allows) and 5 and 9 Deny; 10 denies 8001-8010, so any packet
// that a layout lets run past its decision is dropped.
const actionOf = (i: number): string => (i === 3 || i === 7 ? 'Pass' : i === 5 || i === 9 || i === 10 ? 'Deny' : 'Allow');
function gnp(i: number): object {
  const selector = i <= 7 ? "role == 'target'" : i <= 9 ? 'has(role)' : "zone == 'a'";
  return {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: `p${i}` },
    spec: { order: i * 10, selector, types: ['Ingress'], ingress: [{ action: actionOf(i), protocol: 'TCP', destination: { ports: i === 10 ? ['8001:8010'] : [8000 + i] } }] },
  };
}

function handSources(): VerifyOptions['sources'] {
  const names = podNames();
  const pods = names.map((n, i) => (i < 3 ? pod(n, i, { role: 'target', zone: 'a' }, 'target') : pod(n, i, { client: 'yes' }, 'default')));
  const hep = {
    apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'worker-1-eth0', labels: { hep: 'eth0' } },
    spec: { node: NODE, interfaceName: 'eth0', expectedIPs: ['198.51.100.10'] },
  };
  // ingress-only untracked policy: Felix's layout renders the raw egress chain too
  const untracked = {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'untracked-ssh' },
    spec: { order: 1, selector: "hep == 'eth0'", doNotTrack: true, applyOnForward: true, types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [22] } }] },
  };
  const inventory = {
    apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } } },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE, labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '198.51.100.10' }] } },
      ...pods,
    ],
  };
  return [
    { file: 'layouts/manifests.yaml', text: [...Array.from({ length: 10 }, (_, k) => gnp(k + 1)), hep, untracked].map((d) => dump(d)).join('---\n') },
    { file: 'layouts/inventory.yaml', text: dump(inventory) },
  ];
}

/** Each probe's id and what the kernel did with it. */
function observed(report: ClusterVerifyReport): [string, boolean][] {
  return report.nodes.flatMap((n) => n.comparisons).map((c): [string, boolean] => [c.flow.id, c.observed]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

async function bothLayouts(options: VerifyOptions): Promise<Record<PlanLayout, ClusterVerifyReport>> {
  const felix = await verifyCluster({ ...options, layout: 'felix' });
  const compact = await verifyCluster({ ...options, layout: 'compact' });
  return { felix, compact };
}

describe('plan layouts on a real kernel: Felix and compact give the same verdicts', () => {
  kernelIt('hand scenario (dispatch child chain, groups of 7 and 2, Pass/Deny at every position, untracked host endpoint)', async () => {
    const sources = handSources();
    // the scenario exercises what differs between the layouts
    const felixText = renderNodePlan(buildEngineModel(parseEngineInputs(sources)), NODE).iptables;
    expect(felixText).toMatch(/^:cali-from-wl-dispatch-[0-9a-f] /m);
    expect(felixText.match(/^:cali-gi-\S+ /gm)).toHaveLength(2);
    expect(felixText.split('*raw')[1].split('COMMIT')[0]).toContain(':cali-th-eth0 ');
    for (const chain of ['cali-pri-ksa.shop.target', 'cali-pro-ksa.shop.default']) expect(felixText).toContain(`:${chain} `);
    const ports = Array.from({ length: 10 }, (_, k) => 8001 + k);
    const r = await bothLayouts({ sources, node: NODE, tcpPorts: [...ports, 22, 8100], udpPorts: [], peers: { eth0: ['198.51.100.1'] }, maxProbes: 1200 });
    console.log(`felix layout\n${formatClusterReport(r.felix)}\ncompact layout\n${formatClusterReport(r.compact)}`);
    expect(r.felix.compared).toBeGreaterThan(100);
    expect(observed(r.felix)).toEqual(observed(r.compact));
    // worked out by hand, client -> target: first deciding policy wins; Pass goes on to the profile (allows)
    const [target, , , client] = podNames();
    const verdict = (port: number): boolean | undefined => r.felix.nodes.flatMap((n) => n.comparisons)
      .find((c) => c.flow.source.ref === `shop/${client}` && c.flow.destination.ref === `shop/${target}` && c.flow.protocol === 'TCP' && c.flow.port === port)?.observed;
    for (const p of ports) expect([p, verdict(p)]).toEqual([p, ![8005, 8009, 8010].includes(p)]);
    expect(verdict(8100)).toBe(false);
    expect(r.felix.mismatches).toBe(0);
    expect(r.compact.mismatches).toBe(0);
  }, 480000);

  kernelIt('seeded random scenario 1: both layouts agree with each other and with the engine', async () => {
    const s = generateScenario(1);
    const r = await bothLayouts({ sources: scenarioSources(s), node: s.node, peers: s.peers, tcpPorts: s.tcpPorts, udpPorts: s.udpPorts, maxProbes: 300 });
    expect(r.felix.compared).toBeGreaterThan(100);
    expect(observed(r.felix)).toEqual(observed(r.compact));
    expect(r.felix.mismatches).toBe(0);
    expect(r.compact.mismatches).toBe(0);
  }, 480000);
});
