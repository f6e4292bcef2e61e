// A random scenario (lib/verify/scenario) with tunnel pools added, for the equivalence test: a second
// node `worker-2` (InternalIP 198.51.100.20) with IP-in-IP and VXLAN tunnel addresses, the first node's
// tunnel addresses, an IP-in-IP pool over the scenario's pods (192.0.2.0/28: 192.0.2.1 and the pods
// sit in the scenario's 192.0.2.0/28 net, so its random rules name the tunnel address), a VXLAN pool
// (192.0.2.16/28, `Always` or `CrossSubnet` by the variant; CrossSubnet between nodes of one subnet
// on variant 3, of none on variant 1) with a pod on each node, and on some
// variants a host endpoint on worker-2 that the scenario's host endpoint selectors take (on eth0 for
// variants 0 and 1, on tunl0 or vxlan.calico for 2 and 3), and a first
// policy for `api` pods in `shop` that tells worker-2's tunnel addresses from its InternalIP on TCP
// 9090 (vx-1 is such a pod, in the VXLAN pool). Host traffic
// between the nodes then reaches the other node's pods from the sender's tunnel address
// (lib/engine/evaluate/tunnel-source.ts).
import { dump } from 'js-yaml';
import { RandomScenario } from '../../lib/verify/scenario/generate';

type Doc = { [key: string]: unknown };

const calico = (kind: string, metadata: Doc, spec: Doc): Doc => ({ apiVersion: 'projectcalico.org/v3', kind, metadata, spec });
const pod = (name: string, ip: string, nodeName: string, app: string): Doc => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop', labels: { app } },
  spec: { nodeName, serviceAccountName: app, containers: [{ name: 'main' }] }, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
});

/** The scenario's sources with the tunnel pools; `variant` 0-3 picks the VXLAN mode (even: Always) and the worker-2 host endpoint (0, 1). */
export function tunnelScenarioSources(s: RandomScenario, variant: number): { file: string; text: string }[] {
  // variant 3: both nodes' BGP addresses in one /24, so the CrossSubnet VXLAN pool is not tunnelled
  // between them (variant 1: no BGP addresses, each node a /32, so it is)
  const bgp = (d: Doc): Doc => {
    const address = ((d.status as Doc | undefined)?.addresses as { address: string }[] | undefined)?.[0]?.address;
    return variant === 3 && address !== undefined ? { 'projectcalico.org/IPv4Address': `${address}/24` } : {};
  };
  const inventory: Doc[] = s.inventory.map((d) => (d.kind === 'Node'
    ? { ...d, metadata: { ...(d.metadata as Doc), annotations: { 'projectcalico.org/IPv4IPIPTunnelAddr': '192.0.2.2', 'projectcalico.org/IPv4VXLANTunnelAddr': '192.0.2.18', ...bgp(d) } } }
    : d));
  const worker2: Doc = { status: { addresses: [{ type: 'InternalIP', address: '198.51.100.20' }] } };
  inventory.push({
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: 'worker-2', labels: { 'kubernetes.io/hostname': 'worker-2' },
      annotations: { 'projectcalico.org/IPv4IPIPTunnelAddr': '192.0.2.1', 'projectcalico.org/IPv4VXLANTunnelAddr': '192.0.2.17', ...bgp(worker2) } },
    status: { addresses: [{ type: 'InternalIP', address: '198.51.100.20' }] },
  }, pod('vx-1', '192.0.2.20', s.node, 'api'), pod('vx-2', '192.0.2.30', 'worker-2', 'web'), pod('ipip-2', '192.0.2.9', 'worker-2', 'db'));
  const manifests: Doc[] = [
    ...s.manifests,
    calico('IPPool', { name: 'ipip-pool' }, { cidr: '192.0.2.0/28', blockSize: 28, ipipMode: 'Always', vxlanMode: 'Never' }),
    calico('IPPool', { name: 'vxlan-pool' }, { cidr: '192.0.2.16/28', blockSize: 28, ipipMode: 'Never', vxlanMode: variant % 2 === 0 ? 'Always' : 'CrossSubnet' }),
    calico('NetworkPolicy', { name: 'tunnel-probe', namespace: 'shop' }, {
      selector: "app == 'api'", types: ['Ingress'], order: 1, ingress: [
        { action: 'Deny', protocol: 'TCP', source: { nets: ['192.0.2.1/32', '192.0.2.17/32'] }, destination: { ports: [9090] } },
        { action: 'Allow', protocol: 'TCP', source: { nets: ['198.51.100.20/32'] }, destination: { ports: [9090] } },
      ],
    }),
    ...(variant < 2 ? [calico('HostEndpoint', { name: 'worker-2-private', labels: { 'ibm.role': 'worker_private' } },
      { node: 'worker-2', interfaceName: 'eth0', expectedIPs: ['198.51.100.20'] })] : []),
    // variants 2 and 3: a host endpoint on a tunnel device of worker-2, which then polices the pods'
    // traffic to and from the other node through that tunnel (tunnel-source.ts podRouteDevice)
    ...(variant >= 2 ? [calico('HostEndpoint', { name: 'worker-2-tunnel', labels: { 'ibm.role': 'worker_private' } },
      { node: 'worker-2', interfaceName: variant === 2 ? 'tunl0' : 'vxlan.calico' })] : []),
  ];
  return [
    { file: `scenario-${s.seed}/manifests.yaml`, text: manifests.map((d) => dump(d)).join('---\n') },
    { file: `scenario-${s.seed}/inventory.yaml`, text: dump({ apiVersion: 'v1', kind: 'List', items: inventory }) },
  ];
}
