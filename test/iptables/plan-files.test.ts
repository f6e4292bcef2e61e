import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../lib/cli/run';
import { renderPlanFiles } from '../../lib/iptables/plan-files';

const manifests = [
  { apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'w1-public', labels: { 'ibm.role': 'worker_public' } }, spec: { node: 'w1', interfaceName: 'eth1', expectedIPs: ['203.0.113.10'] } },
  { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'allow-icmp' }, spec: { order: 1700, selector: "ibm.role == 'worker_public'", ingress: [{ action: 'Allow', protocol: 'ICMP' }] } },
];
const inventory = [
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w1' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec: { nodeName: 'w1' }, status: { podIP: '192.0.2.11' } },
];

describe('renderPlanFiles (engine model from plain objects)', () => {
  const files = renderPlanFiles(manifests, inventory);
  it('writes iptables/<node>.* for every node', () => {
    expect(files.map((f) => f.path)).toEqual(['iptables/w1.iptables', 'iptables/w1.ipsets', 'iptables/w1.endpoints.json']);
  });
  it('names the pod veth as Calico does and polices the host endpoint', () => {
    const eps = JSON.parse(files[2].content) as { endpoints: { interface: string }[] };
    // cali + sha1("default.web")[:11]
    expect(eps.endpoints.map((e) => e.interface)).toEqual(['cali68caf03a5f4', 'eth1']);
    expect(files[0].content).toContain('--in-interface eth1 --goto cali-fh-eth1');
    expect(files[0].content).toContain('-p icmp --jump MARK --set-mark 0x10000/0x10000');
  });
});

describe('netsec plan', () => {
  it('writes every node\'s files and replaces the output folder as a whole', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-plan-'));
    const out = path.join(root, 'out');
    const io = { stdout: (): void => undefined, stderr: (): void => undefined };
    try {
      const manifests = path.join(root, 'policies.yaml');
      const cluster = path.join(root, 'cluster.yaml');
      fs.writeFileSync(manifests, PLAN_CLI_MANIFESTS);
      fs.writeFileSync(cluster, PLAN_CLI_CLUSTER);
      expect(await runCli(['plan', '--manifests', manifests, '--cluster', cluster, '--out', out], io)).toBe(0);
      expect(fs.readdirSync(out).sort()).toEqual(['.netsec-synth', 'w1.endpoints.json', 'w1.ipsets', 'w1.iptables']);
      fs.writeFileSync(path.join(out, 'w1.iptables'), 'stale');
      // A bad manifest: exit 2 and the previous output untouched.
      fs.writeFileSync(manifests, 'kind: GlobalNetworkPolicy\napiVersion: projectcalico.org/v3\nmetadata: {name: x}\nspec: {selector: "a =="}\n');
      expect(await runCli(['plan', '--manifests', manifests, '--cluster', cluster, '--out', out], io)).toBe(2);
      expect(fs.readFileSync(path.join(out, 'w1.iptables'), 'utf8')).toBe('stale');
      expect(fs.readdirSync(root).sort()).toEqual(['cluster.yaml', 'out', 'policies.yaml']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

const PLAN_CLI_MANIFESTS = `apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: w1-eth1, labels: {role: public}}
spec: {node: w1, interfaceName: eth1, expectedIPs: [203.0.113.1]}
`;

const PLAN_CLI_CLUSTER = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: w1}
  status: {addresses: [{type: InternalIP, address: 198.51.100.1}]}
`;
