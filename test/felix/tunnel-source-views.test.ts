// The tunnel-source view (a host's traffic to another node's pod through an Always IP-in-IP or VXLAN
// pool arrives from the sending node's tunnel address, lib/engine/evaluate/tunnel-source.ts, Felix's
// felix/rules/static.go StaticNATPostroutingChains masquerade) in the truth table and the connectivity
// map as in `check`: two pods with the same labels, one in an Always pool and one outside every pool,
// must not share a verdict from another node's host (the table's grouping and the map's classes read
// the pool's tunnel); without the annotation (or with a CrossSubnet pool between nodes of one
// subnet) the InternalIP is what the pod sees. Expectations by hand: the policy admits only node-2's InternalIP 198.51.100.20.
import { buildFlow, buildTruthTable, evaluateFlow } from '../../lib/engine';
import { computeConnectivity } from '../../lib/connectivity/compute';
import { felixWorld } from './world';

const IPIP_ADDR = 'projectcalico.org/IPv4IPIPTunnelAddr';
const pool = (mode: string): object => ({ apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'p' }, spec: { cidr: '192.0.2.0/25', ipipMode: mode } });
const POLICY = { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'only', namespace: 'app' },
  spec: { selector: "app == 'a'", types: ['Ingress'], ingress: [{ action: 'Allow', source: { nets: ['198.51.100.20/32'] } }] } };
const world = (mode: string, annotations?: Record<string, string>, localAnnotations?: Record<string, string>): ReturnType<typeof felixWorld> =>
  felixWorld([{ name: 'in-pool', ip: '192.0.2.11', labels: { app: 'a' } }, { name: 'no-pool', ip: '192.0.2.200', labels: { app: 'a' } }], [pool(mode), POLICY],
    undefined, '198.51.100.10', [{ name: 'node-2', ip: '198.51.100.20', ...(annotations ? { annotations } : {}) }], undefined, localAnnotations);
/** The nodes' BGP address annotations: the subnet a CrossSubnet pool's route is judged by. */
const BGP = 'projectcalico.org/IPv4Address';

/** check, the table (node-2's address as a row) and the map: node-2's host to each pod, TCP 80. */
function answers(m: ReturnType<typeof felixWorld>): Record<string, boolean[]> {
  const table = buildTruthTable(m, { protocol: 'TCP', port: 80, externalAddresses: [{ name: 'node-2', ip: '198.51.100.20' }] });
  const lines = computeConnectivity(m).lines;
  const out: Record<string, boolean[]> = {};
  for (const pod of ['app/in-pool', 'app/no-pool']) {
    out[pod] = [
      evaluateFlow(m, buildFlow(m, { from: '198.51.100.20', to: pod, protocol: 'TCP', port: 80 })).allowed,
      table.allowed('node-2', pod),
      lines.find((l) => l.src === '198.51.100.20/32' && l.dst === pod)?.conn === 'All Connections',
    ];
  }
  return out;
}

describe('the truth table and the connectivity map follow the tunnel source as check does', () => {
  it('an Always pool and a Node with its tunnel address: the pod in the pool sees 192.0.2.1 (denied), the other the InternalIP (allowed)', () => {
    const m = world('Always', { [IPIP_ADDR]: '192.0.2.1' });
    expect(answers(m)).toEqual({ 'app/in-pool': [false, false, false], 'app/no-pool': [true, true, true] });
    expect(computeConnectivity(m).notes.filter((n) => n.includes('tunnel'))).toEqual([]);
  });

  it('no tunnel address, or CrossSubnet between nodes of one subnet: both pods see the InternalIP', () => {
    for (const m of [world('Always'), world('CrossSubnet', { [IPIP_ADDR]: '192.0.2.1', [BGP]: '198.51.100.20/24' }, { [BGP]: '198.51.100.10/24' })]) {
      expect(answers(m)).toEqual({ 'app/in-pool': [true, true, true], 'app/no-pool': [true, true, true] });
    }
  });

  it('CrossSubnet between nodes of two subnets (or subnets unknown): the pod in the pool sees the tunnel address, in check, the table and the map alike', () => {
    for (const m of [world('CrossSubnet', { [IPIP_ADDR]: '192.0.2.1', [BGP]: '198.51.100.20/28' }, { [BGP]: '198.51.100.10/28' }), world('CrossSubnet', { [IPIP_ADDR]: '192.0.2.1' })]) {
      expect(answers(m)).toEqual({ 'app/in-pool': [false, false, false], 'app/no-pool': [true, true, true] });
    }
  });
});
