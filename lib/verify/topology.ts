// Builds a worker node in network namespaces: the node, one peer host per node interface (the
// "internet" behind eth1, the private network behind eth0), and one namespace per pod behind a
// veth whose node side carries the plan's `cali...` name. Wiring follows Calico: a /32 host route
// per pod on the node, proxy ARP on the cali interface and 169.254.1.1 as the pods' gateway.
import { assertDocumentationAddresses, familyOf } from './addresses';
import { runCommand, runInNamespace } from './exec';
import { trackNamespace, untrackNamespace } from './interrupt-cleanup';
import { deleteNamespace, newRunTag, removeLeftoverNamespaces } from './namespaces';
import { INTERFACE_NAME_ALLOWED, isInterfaceName } from '../model/validate/names';

/** A pod to wire: its endpoint id, node-side interface name and IPs. */
export interface WorkloadSpec {
  readonly id: string;
  readonly interfaceName: string;
  readonly ips: readonly string[];
}

/** A node interface and the test host on its other end. */
export interface LinkSpec {
  /** Node-side interface name, e.g. `eth1`. */
  readonly interfaceName: string;
  /** The node's addresses on this interface. */
  readonly nodeIps: readonly string[];
  /** The addresses of the host on the other end (the internet or private-network host). */
  readonly peerIps: readonly string[];
}

/** What to build. */
export interface TopologySpec {
  readonly workloads: readonly WorkloadSpec[];
  readonly links: readonly LinkSpec[];
  /** Addresses the peer hosts route to the node (LoadBalancer and external IPs kube-proxy DNATs). @default - none */
  readonly serviceIps?: readonly string[];
}

/** A built pod. */
export interface WorkloadHost extends WorkloadSpec {
  readonly ns: string;
}

/** A built link: the node interface and its peer host namespace. */
export interface LinkHost extends LinkSpec {
  readonly peerNs: string;
}

/** A built topology. `destroy` removes every namespace it created (safe to call twice). */
export interface Topology {
  readonly tag: string;
  readonly nodeNs: string;
  readonly workloads: readonly WorkloadHost[];
  readonly links: readonly LinkHost[];
  destroy(): Promise<void>;
}

const POD_GATEWAY = '169.254.1.1';
const CALICO_MAC = 'ee:ee:ee:ee:ee:ee';

function checkSpec(spec: TopologySpec): void {
  const names = new Set<string>();
  for (const w of spec.workloads) {
    assertDocumentationAddresses(`workload ${w.id}`, w.ips);
    if (!isInterfaceName(w.interfaceName) || names.has(w.interfaceName)) {
      throw new Error(`workload ${w.id}: interface name ${JSON.stringify(w.interfaceName)} is not a unique Linux interface name (${INTERFACE_NAME_ALLOWED})`);
    }
    names.add(w.interfaceName);
  }
  for (const l of spec.links) {
    assertDocumentationAddresses(`node interface ${l.interfaceName}`, [...l.nodeIps, ...l.peerIps]);
    if (!isInterfaceName(l.interfaceName) || names.has(l.interfaceName)) {
      throw new Error(`node interface ${JSON.stringify(l.interfaceName)} is not a unique Linux interface name`);
    }
    names.add(l.interfaceName);
  }
  assertDocumentationAddresses('Service addresses routed to the node', spec.serviceIps ?? []);
}

function hostRoute(ip: string): string {
  return familyOf(ip) === 6 ? `${ip}/128` : `${ip}/32`;
}

function addAddress(ip: string, dev: string): string {
  return familyOf(ip) === 6 ? `address add ${ip}/128 dev ${dev} nodad` : `address add ${ip}/32 dev ${dev}`;
}

async function batch(ns: string, lines: readonly string[]): Promise<void> {
  if (lines.length > 0) await runCommand(['ip', '-n', ns, '-batch', '-'], { input: `${lines.join('\n')}\n`, timeoutMs: 30000 });
}

async function sysctl(ns: string, settings: readonly string[]): Promise<void> {
  if (settings.length > 0) await runInNamespace(ns, ['sysctl', '-q', '-w', ...settings], { timeoutMs: 10000 });
}

/** Creates the namespaces and wiring. On any failure it removes what it created and rethrows. */
export async function buildTopology(spec: TopologySpec): Promise<Topology> {
  checkSpec(spec);
  await removeLeftoverNamespaces();
  const tag = newRunTag();
  const created: string[] = [];
  const destroy = async (): Promise<void> => {
    for (const ns of created.splice(0)) {
      await deleteNamespace(ns);
      untrackNamespace(ns);
    }
  };
  const addNs = async (name: string): Promise<string> => {
    created.push(name);
    trackNamespace(name);
    await runCommand(['ip', 'netns', 'add', name], { timeoutMs: 10000 });
    return name;
  };
  try {
    const nodeNs = await addNs(`${tag}-node`);
    const links: LinkHost[] = [];
    for (const [i, l] of spec.links.entries()) links.push({ ...l, peerNs: await addNs(`${tag}-x${i}`) });
    const workloads: WorkloadHost[] = [];
    for (const [i, w] of spec.workloads.entries()) workloads.push({ ...w, ns: await addNs(`${tag}-p${i}`) });

    const v6 = [...spec.workloads.flatMap((w) => w.ips), ...spec.links.flatMap((l) => l.nodeIps)].some((ip) => familyOf(ip) === 6);
    await sysctl(nodeNs, [
      'net.ipv4.ip_forward=1', 'net.ipv4.conf.all.rp_filter=0', 'net.ipv4.conf.default.rp_filter=0',
      // No duplicate address detection: the cali side's link-local address (the pods' IPv6
      // gateway) must answer neighbour solicitations as soon as the link is up.
      ...(v6 ? ['net.ipv6.conf.all.forwarding=1', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0'] : []),
    ]);
    await wireLinks(nodeNs, links, workloads, spec.serviceIps ?? []);
    await wireWorkloads(nodeNs, workloads);
    return { tag, nodeNs, workloads, links, destroy };
  } catch (e) {
    await destroy();
    throw e;
  }
}

async function wireLinks(nodeNs: string, links: readonly LinkHost[], workloads: readonly WorkloadHost[], serviceIps: readonly string[]): Promise<void> {
  const node: string[] = ['link set lo up'];
  for (const l of links) {
    node.push(`link add ${l.interfaceName} type veth peer name peer0 netns ${l.peerNs}`);
    node.push(...l.nodeIps.map((ip) => addAddress(ip, l.interfaceName)));
    node.push(`link set ${l.interfaceName} up`);
    node.push(...l.peerIps.map((ip) => `route add ${hostRoute(ip)} dev ${l.interfaceName} scope link`));
  }
  await batch(nodeNs, node);
  for (const l of links) {
    const peer: string[] = ['link set lo up', 'link set peer0 up'];
    peer.push(...l.peerIps.map((ip) => addAddress(ip, 'peer0')));
    peer.push(...l.nodeIps.map((ip) => `route add ${hostRoute(ip)} dev peer0 scope link`));
    for (const ip of [...workloads.flatMap((w) => w.ips), ...serviceIps]) {
      const via = l.nodeIps.find((n) => familyOf(n) === familyOf(ip));
      if (via) peer.push(`route add ${hostRoute(ip)} via ${via} dev peer0`);
    }
    await sysctl(l.peerNs, ['net.ipv4.conf.all.rp_filter=0', 'net.ipv4.conf.default.rp_filter=0']);
    await batch(l.peerNs, peer);
  }
}

async function wireWorkloads(nodeNs: string, workloads: readonly WorkloadHost[]): Promise<void> {
  if (workloads.length === 0) return;
  // Proxy ARP answers for 169.254.1.1 only when the node routes it out of another interface: as
  // on a real node (where the default route does that), route it to an otherwise unused veth pair.
  const node: string[] = ['link add nsec-gw type veth peer name nsec-gw-end', 'link set nsec-gw up', 'link set nsec-gw-end up', `route add ${POD_GATEWAY}/32 dev nsec-gw`];
  for (const w of workloads) {
    node.push(`link add ${w.interfaceName} type veth peer name eth0 netns ${w.ns}`);
    node.push(`link set ${w.interfaceName} address ${CALICO_MAC}`);
    node.push(`link set ${w.interfaceName} up`);
  }
  await batch(nodeNs, node);
  await sysctl(nodeNs, workloads.flatMap((w) => [
    `net.ipv4.conf.${w.interfaceName}.proxy_arp=1`,
    `net.ipv4.neigh.${w.interfaceName}.proxy_delay=0`,
    `net.ipv4.conf.${w.interfaceName}.rp_filter=0`,
  ]));
  await batch(nodeNs, workloads.flatMap((w) => w.ips.map((ip) => `route add ${hostRoute(ip)} dev ${w.interfaceName} scope link`)));
  for (const w of workloads) {
    const pod = ['link set lo up', 'link set eth0 up', ...w.ips.map((ip) => addAddress(ip, 'eth0'))];
    if (w.ips.some((ip) => familyOf(ip) === 4)) {
      pod.push(`route add ${POD_GATEWAY} dev eth0 scope link`, `route add default via ${POD_GATEWAY} dev eth0`);
    }
    if (w.ips.some((ip) => familyOf(ip) === 6)) {
      // The node side's link-local address derived from the cali MAC, as Calico's gateway.
      pod.push('route add default via fe80::ecee:eeff:feee:eeee dev eth0');
    }
    await batch(w.ns, pod);
  }
}
