// Joins two built nodes (each its own topology) with a veth pair, as the private network between
// workers: each node routes the other's address and the other's pods through it, so a packet that
// kube-proxy DNATs on one node to a pod of the other crosses both nodes' rules. The pair lives in
// the two node namespaces, so each topology's destroy removes it. By default the pair is named
// `nsec-nodes`; `netsec verify --cross-node` names it as the nodes' private interface (eth0), so the
// host endpoints of that interface police the traffic between the nodes as on a real cluster.
import { assertDocumentationAddresses, familyOf } from './addresses';
import { runCommand } from './exec';
import { Topology } from './topology';

/** One side of the link: the built node and the address it is known by (its InternalIP). */
export interface NodeSide {
  readonly topology: Topology;
  readonly address: string;
}

const DEFAULT_LINK = 'nsec-nodes';

function hostRoute(ip: string): string {
  return familyOf(ip) === 6 ? `${ip}/128` : `${ip}/32`;
}

async function batch(ns: string, lines: readonly string[]): Promise<void> {
  await runCommand(['ip', '-n', ns, '-batch', '-'], { input: `${lines.join('\n')}\n`, timeoutMs: 30000 });
}

/**
 * The link's address (the node's own, so MASQUERADE out of the link picks it) and the routes
 * toward `to`: its address, and each of its pods via that address.
 */
function linkSide(self: NodeSide, to: NodeSide, link: string): string[] {
  const pods = to.topology.workloads.flatMap((w) => w.ips).filter((ip) => familyOf(ip) === familyOf(to.address));
  return [`address add ${hostRoute(self.address)} dev ${link}`, `link set ${link} up`, `route replace ${hostRoute(to.address)} dev ${link} scope link`, ...pods.map((ip) => `route replace ${hostRoute(ip)} via ${to.address} dev ${link}`)];
}

/**
 * Creates the veth pair `link` (an interface name neither node has yet) between the two node
 * namespaces and the routes across it.
 */
export async function connectNodes(a: NodeSide, b: NodeSide, link: string = DEFAULT_LINK): Promise<void> {
  assertDocumentationAddresses('node addresses on the link between nodes', [a.address, b.address]);
  await batch(a.topology.nodeNs, [`link add ${link} type veth peer name ${link} netns ${b.topology.nodeNs}`, ...linkSide(a, b, link)]);
  await batch(b.topology.nodeNs, linkSide(b, a, link));
}
