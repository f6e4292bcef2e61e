// Every answer follows the tunnel source (lib/engine/evaluate/arrival.ts): a host's traffic to a pod
// of another node in an IP-in-IP or VXLAN `Always` pool arrives from the sending node's tunnel
// address, so `check`, `table` (text and json), `connectivity` (txt, json, --explain) and the
// report's workload matrix must give each such flow the same verdict. Upstream: Felix masquerades
// host traffic leaving by a tunnel to the tunnel's address (felix/rules/static.go
// StaticNATPostroutingChains; felix/rules/static_test.go "with IPIP enabled" / "with VXLAN enabled"
// expect the `--match addrtype ! --src-type LOCAL --limit-iface-out` masquerade to the tunnel device),
// and the kernel picks the tunnel address as the source of the tunnel route (Felix's route_table.go
// programs the routes to remote blocks with the tunnel address as preferred source). Expectations
// below are worked out by hand from that: node-2's host reaches ipip-a from 192.0.2.1 and vx-a from
// 192.0.2.65, never from its InternalIP 198.51.100.12.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { buildWorkloadMatrix } from '../../lib/report/build-workloads';
import { runNetsec as run } from '../helpers/run-cli';

const node = (name: string, ip: string, annotations: Record<string, string>): object => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, labels: {}, annotations }, status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const pod = (name: string, ip: string, nodeName: string): object => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'app', labels: { app: name } },
  spec: { nodeName, containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
});
/** A pod of Deployment `web` (its ReplicaSet web-5d4f), labelled app: web. */
const webPod = (name: string, ip: string): object => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'app', labels: { 'app': 'web', 'pod-template-hash': '5d4f' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d4f', controller: true, uid: 'x' }] },
  spec: { nodeName: 'node-1', containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
});
const CLUSTER = {
  apiVersion: 'v1', kind: 'List', items: [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', labels: { 'kubernetes.io/metadata.name': 'app' } } },
    node('node-1', '198.51.100.11', { 'projectcalico.org/IPv4IPIPTunnelAddr': '192.0.2.2', 'projectcalico.org/IPv4VXLANTunnelAddr': '192.0.2.66' }),
    node('node-2', '198.51.100.12', { 'projectcalico.org/IPv4IPIPTunnelAddr': '192.0.2.1', 'projectcalico.org/IPv4VXLANTunnelAddr': '192.0.2.65' }),
    pod('ipip-a', '192.0.2.10', 'node-1'), pod('vx-a', '192.0.2.70', 'node-1'), pod('peer-b', '192.0.2.20', 'node-2'),
    // one Deployment, one node, one set of labels: one pod in the IP-in-IP pool, one in no pool
    webPod('web-5d4f-a', '192.0.2.11'), webPod('web-5d4f-b', '192.0.2.130'),
  ],
};
const calico = (kind: string, metadata: object, spec: object): object => ({ apiVersion: 'projectcalico.org/v3', kind, metadata, spec });
const allowTcp = (port: number, net: string): object => ({ action: 'Allow', protocol: 'TCP', source: { nets: [net] }, destination: { ports: [port] } });
const MANIFESTS = [
  calico('IPPool', { name: 'ipip-pool' }, { cidr: '192.0.2.0/26', ipipMode: 'Always', vxlanMode: 'Never' }),
  calico('IPPool', { name: 'vxlan-pool' }, { cidr: '192.0.2.64/26', ipipMode: 'Never', vxlanMode: 'Always' }),
  calico('HostEndpoint', { name: 'node-2-eth0', labels: { role: 'worker' } }, { node: 'node-2', interfaceName: 'eth0', expectedIPs: ['198.51.100.12'] }),
  calico('GlobalNetworkPolicy', { name: 'hosts-out' }, { selector: 'has(role)', types: ['Egress'], egress: [{ action: 'Allow' }] }),
  // by the tunnel address: matches node-2's host traffic; by the InternalIP: never does
  calico('NetworkPolicy', { name: 'ipip-in', namespace: 'app' }, {
    selector: "app == 'ipip-a'", types: ['Ingress'], ingress: [allowTcp(80, '192.0.2.1/32'), allowTcp(22, '198.51.100.12/32')],
  }),
  calico('NetworkPolicy', { name: 'vx-in', namespace: 'app' }, {
    selector: "app == 'vx-a'", types: ['Ingress'], ingress: [allowTcp(443, '192.0.2.65/32'), allowTcp(80, '198.51.100.12/32')],
  }),
  calico('NetworkPolicy', { name: 'web-in', namespace: 'app' }, {
    selector: "app == 'web'", types: ['Ingress'], ingress: [allowTcp(8080, '198.51.100.12/32')],
  }),
];

const HEP = 'hostendpoint/node-2-eth0';
const PORTS = [22, 80, 443];
/** Written by hand: which (source, destination, TCP port) flows are allowed. */
const EXPECTED: Record<string, Record<string, readonly number[]>> = {
  [HEP]: { 'app/ipip-a': [80], 'app/vx-a': [443] },
  'app/peer-b': { 'app/ipip-a': [], 'app/vx-a': [] },
};

describe('check, table, connectivity and the report follow the tunnel source alike', () => {
  let dir: string;
  let args: string[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-tunnel-'));
    fs.writeFileSync(path.join(dir, 'cluster.yaml'), yaml.dump(CLUSTER));
    fs.writeFileSync(path.join(dir, 'manifests.yaml'), MANIFESTS.map((d) => yaml.dump(d)).join('---\n'));
    args = ['--manifests', path.join(dir, 'manifests.yaml'), '--cluster', path.join(dir, 'cluster.yaml')];
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Per TCP port: the table's text cells and json cells by source and destination. */
  async function tables(): Promise<Map<number, { text: (src: string, dst: string) => boolean; json: (src: string, dst: string) => boolean }>> {
    const out = new Map<number, { text: (src: string, dst: string) => boolean; json: (src: string, dst: string) => boolean }>();
    for (const port of PORTS) {
      const t = await run('table', ...args, '--host-endpoints', '--protocol', 'TCP', '--port', String(port));
      expect(t.code).toBe(0);
      expect(t.err).not.toContain('not modelled here yet');
      // a title line, one header line per column (`| ` repeated before its id), then one line per row
      const lines = t.out.split('\n').filter((l) => l.length > 0).slice(1);
      const columns = lines.filter((l) => l.startsWith(' ')).map((l) => l.trim().replace(/^(\| )*/, ''));
      const rows = new Map(lines.filter((l) => !l.startsWith(' ')).map((l) => {
        const [id, ...cells] = l.trim().split(/\s+/);
        return [id, cells] as const;
      }));
      const j = await run('table', ...args, '--host-endpoints', '--protocol', 'TCP', '--port', String(port), '--format', 'json');
      expect(j.code).toBe(0);
      const json = JSON.parse(j.out) as { allowed: Record<string, Record<string, boolean>> };
      out.set(port, {
        text: (src, dst) => {
          const cell = rows.get(src)?.[columns.indexOf(dst)];
          if (cell !== '.' && cell !== 'X') throw new Error(`no table cell ${src} -> ${dst} at TCP ${port}: ${String(cell)}`);
          return cell === '.';
        },
        json: (src, dst) => {
          const cell = json.allowed[src]?.[dst];
          if (cell === undefined) throw new Error(`no json cell ${src} -> ${dst} at TCP ${port}`);
          return cell;
        },
      });
    }
    return out;
  }

  /** `TCP 80` / `TCP 80,443` / `No Connections` as a predicate on TCP ports (only the forms this cluster prints). */
  const tcpPorts = (conn: string | undefined): ((port: number) => boolean) => {
    if (conn === undefined) return () => false;
    if (conn === 'All Connections') return () => true;
    const m = /^TCP ([0-9,-]+)$/.exec(conn);
    if (!m) throw new Error(`unexpected connection set ${conn}`);
    const ranges = m[1].split(',').map((r) => r.split('-').map(Number));
    return (port) => ranges.some(([a, b]) => a <= port && port <= (b ?? a));
  };

  test('every flow: the hand-written verdict, in check, table text, table json, connectivity txt and json, and the report', async () => {
    const tableOf = await tables();
    const txt = await run('connectivity', ...args);
    expect(txt.code).toBe(0);
    expect(txt.err).not.toContain('tunnel');
    const txtConn = new Map(txt.out.split('\n').filter((l) => l.includes(' => ')).map((l) => {
      const [pair, conn] = l.split(' : ');
      return [pair, conn] as const;
    }));
    const json = JSON.parse((await run('connectivity', ...args, '--format', 'json')).out) as { src: string; dst: string; conn: string }[];
    const model = buildEngineModel(parseEngineInputs([
      { file: 'manifests.yaml', text: fs.readFileSync(path.join(dir, 'manifests.yaml'), 'utf8') },
      { file: 'cluster.yaml', text: fs.readFileSync(path.join(dir, 'cluster.yaml'), 'utf8') },
    ]));
    const report = buildWorkloadMatrix(model);
    const reportAllows = (src: string, dst: string, port: number): boolean => {
      const r = report.parties.findIndex((p) => p.name === src);
      const c = report.parties.findIndex((p) => p.name === dst);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(c).toBeGreaterThanOrEqual(0);
      const entry = report.entries[report.cells[r][c]];
      if (entry === undefined) return false;
      if (entry.summary.all) return true;
      const tcp = entry.summary.protocols[6];
      return tcp !== undefined && (tcp.length === 0 || tcp.some(([a, b]) => a <= port && port <= b));
    };
    const compared: string[] = [];
    for (const [src, dsts] of Object.entries(EXPECTED)) {
      for (const [dst, allowedPorts] of Object.entries(dsts)) {
        // pods are their own workloads here (no owner): the connectivity and report names are the pod ids
        const conn = txtConn.get(`${src} => ${dst}`);
        const jsonConn = json.find((l) => l.src === src && l.dst === dst)?.conn;
        expect(jsonConn).toBe(conn);
        for (const port of PORTS) {
          const want = allowedPorts.includes(port);
          const check = await run('check', ...args, '--from', src, '--to', dst, '--protocol', 'TCP', '--port', String(port), '--format', 'json');
          const verdict = (JSON.parse(check.out) as { verdict: string }).verdict === 'allow';
          const t = tableOf.get(port);
          const answers = {
            check: verdict, tableText: t?.text(src, dst), tableJson: t?.json(src, dst),
            connectivity: tcpPorts(conn)(port), connectivityJson: tcpPorts(jsonConn)(port), report: reportAllows(src, dst, port),
          };
          expect({ flow: `${src} -> ${dst} TCP ${port}`, ...answers }).toEqual({
            flow: `${src} -> ${dst} TCP ${port}`, check: want, tableText: want, tableJson: want, connectivity: want, connectivityJson: want, report: want,
          });
          compared.push(`${src}>${dst}:${port}`);
        }
      }
    }
    expect(compared).toHaveLength(12);
    // the connection sets themselves, by hand
    expect(txtConn.get(`${HEP} => app/ipip-a`)).toBe('TCP 80');
    expect(txtConn.get(`${HEP} => app/vx-a`)).toBe('TCP 443');
  });

  test('check and connectivity --explain name the stage: the tunnel source, its device and address', async () => {
    const check = await run('check', ...args, '--from', HEP, '--to', 'app/vx-a', '--protocol', 'TCP', '--port', '80');
    expect(check.code).toBe(0);
    expect(check.out).toContain("tunnel source: hostendpoint/node-2-eth0 reaches app/vx-a through vxlan.calico (IPPool vxlan-pool), so it arrives from node node-2's tunnel address 192.0.2.65");
    for (const format of ['txt', 'json']) {
      const r = await run('connectivity', ...args, '--focus', HEP, '--explain', '--format', format);
      expect(r.code).toBe(0);
      const lines = format === 'json'
        ? (JSON.parse(r.out) as { src: string; dst: string; explanation: string[] }[]).filter((l) => l.dst === 'app/ipip-a').flatMap((l) => l.explanation)
        : r.out.split('\n');
      const tcp80 = lines.find((l) => l.includes('TCP 80: allowed'));
      expect(tcp80).toContain("tunnel source: hostendpoint/node-2-eth0 reaches app/ipip-a through tunl0 (IPPool ipip-pool), so it arrives from node node-2's tunnel address 192.0.2.1");
    }
  });

  test('pods of one Deployment in different pools: the map lists them pod by pod, as check and the table judge them', async () => {
    // web-5d4f-a (IP-in-IP pool) sees node-2's host as 192.0.2.1, which web-in does not admit; web-5d4f-b (no pool) sees 198.51.100.12
    const r = await run('connectivity', ...args);
    expect(r.code).toBe(0);
    const fromHep = r.out.split('\n').filter((l) => l.startsWith(`${HEP} => app/web`));
    expect(fromHep).toEqual([`${HEP} => app/web-5d4f-b : TCP 8080`]);
    expect(r.err).toContain(`note: the pods of app/web[Deployment] differ towards ${HEP}: listed pod by pod`);
    const report = buildWorkloadMatrix(buildEngineModel(parseEngineInputs(['manifests.yaml', 'cluster.yaml']
      .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') })))));
    const row = report.parties.findIndex((p) => p.name === HEP);
    const col = report.parties.findIndex((p) => p.name === 'app/web[Deployment]');
    const cell = report.entries[report.cells[row][col]];
    expect(cell.differsPerPod).toBe(true);
    expect(cell.detail?.filter((d) => d.startsWith(`${HEP} => app/web`))).toEqual([`${HEP} => app/web-5d4f-b : TCP 8080`]);
    for (const [pod, want] of [['app/web-5d4f-a', 'deny'], ['app/web-5d4f-b', 'allow']]) {
      const check = await run('check', ...args, '--from', HEP, '--to', pod, '--protocol', 'TCP', '--port', '8080', '--format', 'json');
      expect((JSON.parse(check.out) as { verdict: string }).verdict).toBe(want);
      const t = await run('table', ...args, '--host-endpoints', '--protocol', 'TCP', '--port', '8080', '--format', 'json');
      expect((JSON.parse(t.out) as { allowed: Record<string, Record<string, boolean>> }).allowed[HEP][pod]).toBe(want === 'allow');
    }
  });
});
