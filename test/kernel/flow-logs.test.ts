// Flow logs on a real kernel: a plan with FelixConfiguration flowLogsLocalReporter Enabled (Felix's
// NFLOG rules, v3.32.1 felix/rules/policy.go, endpoints.go, nflogprefix.go) loads (NFLOG needs the
// nfnetlink_log module), its NFLOG rules see the probes, and every verdict is the one the engine gives
// with flow logs off (NFLOG does not end a chain); `netsec drift` finds no drift between the plan and
// iptables-save (which prints NFLOG's options in its own order). Worked out by hand, to pod web (192.0.2.11):
// - tier audit (default Pass): deny TCP 83; anything else reaches the tier's end (NFLOG PPI|audit, no drop);
// - tier default: web-in denies TCP 81 and allows TCP 80 from app=client (192.0.2.12); the rest is
//   dropped at the tier's end (NFLOG DPI|default first);
// client -> web: 80 connects, 81, 82, 83 do not; the internet host 203.0.113.50 -> web 80 does not.
import { nodeDrift } from '../../lib/drift';
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { runInNamespace } from '../../lib/verify/exec';
import { Observed, modelOf, probeTcp, withNode } from './felix-world';
import { kernelIt } from './support';

const WEB = '192.0.2.11';
const CLIENT = '192.0.2.12';
const PEER = '203.0.113.50';

const pod = (name: string, ip: string, app: string): object => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'app', labels: { app } },
  spec: { nodeName: 'worker-1', containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
});
const world = (felix: object | undefined): object[] => [
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '203.0.113.10' }] } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', labels: { 'kubernetes.io/metadata.name': 'app' } } },
  pod('web', WEB, 'web'), pod('client', CLIENT, 'client'),
  { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'audit' }, spec: { order: 10, defaultAction: 'Pass' } },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'audit.no-83' },
    spec: { tier: 'audit', selector: "app == 'web'", types: ['Ingress'], ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [83] } }] },
  },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'web-in' },
    spec: {
      selector: "app == 'web'", types: ['Ingress'],
      ingress: [
        { action: 'Deny', protocol: 'TCP', destination: { ports: [81] } },
        { action: 'Allow', protocol: 'TCP', source: { selector: "app == 'client'" }, destination: { ports: [80] } },
      ],
    },
  },
  ...(felix ? [{ apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' }, spec: felix }] : []),
];

/** Packet counts of the node's filter-table NFLOG rules, by prefix (iptables-save -c). */
async function nflogCounts(ns: string): Promise<Map<string, number>> {
  const saved = await runInNamespace(ns, ['iptables-save', '-c', '-t', 'filter'], { timeoutMs: 10000 });
  const out = new Map<string, number>();
  for (const m of saved.stdout.matchAll(/^\[(\d+):\d+\] -A \S+ .*-j NFLOG .*--nflog-prefix "?([^" ]+)"?/gm)) {
    out.set(m[2], (out.get(m[2]) ?? 0) + Number(m[1]));
  }
  return out;
}

describe('flow logs (NFLOG rules), on a real kernel', () => {
  kernelIt('the plan with flow logs on loads, its NFLOG rules count the probes, and the verdicts are those of flow logs off', async () => {
    const on = modelOf(world({ flowLogsLocalReporter: 'Enabled' }));
    const off = modelOf(world(undefined));
    const plan = renderNodePlan(on, 'worker-1');
    expect(plan.iptables).toContain('--nflog-prefix API1|gnp/web-in --nflog-size 80');
    expect(plan.iptables).toContain('--nflog-prefix PPI|audit --nflog-size 80');
    const byId = new Map(plan.endpoints.endpoints.map((e) => [e.id, e.interface]));
    const topology = {
      workloads: [
        { id: 'app/web', interfaceName: byId.get('app/web') ?? '', ips: [WEB] },
        { id: 'app/client', interfaceName: byId.get('app/client') ?? '', ips: [CLIENT] },
      ],
      links: [{ interfaceName: 'eth1', nodeIps: ['203.0.113.10'], peerIps: [PEER] }],
    };
    await withNode(topology, plan, async (t) => {
      // the kernel's spelling of the NFLOG rules (iptables-save) compares clean with the plan's
      const saved = await runInNamespace(t.nodeNs, ['iptables-save', '-c'], { timeoutMs: 30000 });
      expect(saved.stdout).toContain('NFLOG');
      const drift = nodeDrift({ node: 'worker-1', plan, iptablesSave: { file: 'kernel iptables-save', text: saved.stdout } });
      expect(drift.rules).toEqual([]);
      const observed: Observed[] = [];
      for (const port of [80, 81, 82, 83]) {
        // judged by the engine of the flow-logs-off world: the kernel with NFLOG rules agrees with it
        observed.push(...await probeTcp(t, off, [[CLIENT, WEB], [PEER, WEB]], port));
      }
      expect(observed).toEqual([
        [CLIENT, WEB, 80, true, true], [PEER, WEB, 80, false, false],
        [CLIENT, WEB, 81, false, false], [PEER, WEB, 81, false, false],
        [CLIENT, WEB, 82, false, false], [PEER, WEB, 82, false, false],
        [CLIENT, WEB, 83, false, false], [PEER, WEB, 83, false, false],
      ]);
      const counts = await nflogCounts(t.nodeNs);
      const seen = (prefix: string): boolean => (counts.get(prefix) ?? 0) > 0;
      // the allow and the deny of web-in, the audit tier's deny and pass end, the default tier's drop end
      expect(['API1|gnp/web-in', 'DPI0|gnp/web-in', 'DPI0|gnp/audit.no-83', 'PPI|audit', 'DPI|default'].map((p) => [p, seen(p)]))
        .toEqual([['API1|gnp/web-in', true], ['DPI0|gnp/web-in', true], ['DPI0|gnp/audit.no-83', true], ['PPI|audit', true], ['DPI|default', true]]);
    });
    // the engine itself: the same verdict and reason with flow logs on and off
    for (const port of [80, 81, 82, 83]) {
      for (const from of [CLIENT, PEER]) {
        const judge = (m: typeof on): unknown => {
          const r = evaluateFlow(m, buildFlow(m, { from, to: WEB, protocol: 'TCP', port }));
          return [r.allowed, r.reason];
        };
        expect(judge(on)).toEqual(judge(off));
      }
    }
  }, 180000);
});
