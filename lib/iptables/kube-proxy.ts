// What kube-proxy (iptables mode) programs on one node for the inventory's Services: the nat
// table (KUBE-SERVICES, KUBE-NODEPORTS, KUBE-SVC-*, KUBE-EXT-*, KUBE-SVL-*, KUBE-SEP-*,
// KUBE-MARK-MASQ with mark 0x4000, KUBE-POSTROUTING) and the filter chains that change verdicts
// (KUBE-SERVICES REJECT for a Service without endpoints, KUBE-EXTERNAL-SERVICES for external
// traffic without endpoints or, for Local, without local ones, KUBE-PROXY-FIREWALL for a
// LoadBalancer's loadBalancerSourceRanges with KUBE-FW-*), and sessionAffinity ClientIP's `-m recent`
// rules, in the shape of pkg/proxy/iptables/proxier.go syncProxyRules and writeServiceToEndpointRules. For verification only: it is never to be applied.
// kube-proxy runs one proxier per IP family (iptables and ip6tables, the same chain names): a
// Service is in the file of each family it has a cluster IP of (`proxiedIn`), with that family's
// cluster, external and LoadBalancer IPs, source ranges and endpoints; the IPv6 endpoint is
// `[address]:port`, as net.JoinHostPort writes it, in the comments, the KUBE-SEP hash and the DNAT.
// kube-proxy picks a backend at random (`-m statistic --mode random --probability 1/n`); `pin`
// renders a variant in which each Service port jumps to one chosen backend only, so a verifier
// can probe every backend deterministically by loading one variant per backend.
import { Cidr, canonicalAddress, ipVersionOf } from '../model/net';
import { BuiltModel, InputService, InputServicePort, ProxyFamily, ServiceBackend, proxiedIn } from '../engine';
import { endpointChain, servicePortChains, servicePortName } from './kube-proxy-names';

/** Picks the one backend a Service port jumps to (its index in `port.backends`). @default - kube-proxy's random choice */
export type BackendPin = (service: InputService, port: InputServicePort) => number | undefined;

const MASQ_MARK = '0x4000';

const quote = (text: string): string => (/^[A-Za-z0-9_./:-]+$/.test(text) ? text : `"${text}"`);
const comment = (text: string): string => `-m comment --comment ${quote(text)}`;
const protoMatch = (protocol: string): string => `-m ${protocol.toLowerCase()} -p ${protocol.toLowerCase()}`;

/** kube-proxy's probability of the i-th of n endpoints: 1/(n-i), ten decimals. */
const probability = (i: number, n: number): string => (1 / (n - i)).toFixed(10);

interface Tables {
  readonly family: ProxyFamily;
  readonly natChains: string[];
  readonly nat: string[];
  readonly filter: string[];
}


/** The endpoint `ip:port` (`[ip]:port` for IPv6), as kube-proxy names it. */
const endpointOf = (b: ServiceBackend): string => (ipVersionOf(b.address) === 6 ? `[${canonicalAddress(b.address)}]:${b.port}` : `${b.address}:${b.port}`);

/** The addresses of the file's family, canonical. */
const ofFamily = (family: ProxyFamily, ips: readonly string[]): string[] => ips.filter((ip) => ipVersionOf(ip) === family).map(canonicalAddress);

/** `-m recent --name <SEP> --rcheck --seconds <timeout> --reap`: a client seen within the timeout. */
const recentCheck = (sep: string, seconds: number): string => `-m recent --name ${sep} --rcheck --seconds ${seconds} --reap`;

function jumpToEndpoints(t: Tables, chain: string, s: InputService, name: string, port: InputServicePort, backends: readonly ServiceBackend[], pinned: number | undefined): void {
  const list = pinned !== undefined ? backends.filter((b) => b === port.backends[pinned]) : backends;
  // sessionAffinity ClientIP: a client with a recent entry goes back to that endpoint first
  if (s.affinitySeconds !== undefined) {
    for (const b of list) {
      const endpoint = endpointOf(b);
      const sep = endpointChain(name, port.protocol, endpoint);
      t.nat.push(`-A ${chain} ${comment(`${name} -> ${endpoint}`)} ${recentCheck(sep, s.affinitySeconds)} -j ${sep}`);
    }
  }
  list.forEach((b, i) => {
    const endpoint = endpointOf(b);
    const stat = i < list.length - 1 ? ` -m statistic --mode random --probability ${probability(i, list.length)}` : '';
    t.nat.push(`-A ${chain} ${comment(`${name} -> ${endpoint}`)}${stat} -j ${endpointChain(name, port.protocol, endpoint)}`);
  });
}

/** The node's own address of the family as kube-proxy takes it (its first InternalIP, else its first address). */
function nodeIp(model: BuiltModel, node: string, family: ProxyFamily): string | undefined {
  const addresses = model.nodes.filter((n) => n.name === node).flatMap((n) => n.addresses).filter((a) => ipVersionOf(a.address) === family);
  return (addresses.find((a) => a.type === 'InternalIP') ?? addresses[0])?.address;
}

/** KUBE-FW-*: sources in loadBalancerSourceRanges (and the VIP itself when a range holds the node's IP) go on to KUBE-EXT-*. */
function renderFirewall(t: Tables, model: BuiltModel, node: string, s: InputService, name: string, fw: string, ext: string, ranges: readonly string[]): void {
  t.natChains.push(fw);
  const head = `-A ${fw} ${comment(`${name} loadbalancer IP`)}`;
  const own = nodeIp(model, node, t.family);
  let fromNode = false;
  for (const r of ranges) {
    const cidr = Cidr.parse(r);
    t.nat.push(`${head} -s ${canonicalAddress(cidr.networkAddress())}/${cidr.prefixLength} -j ${ext}`);
    if (own !== undefined && cidr.containsAddress(own)) fromNode = true;
  }
  if (fromNode) for (const ip of ofFamily(t.family, s.loadBalancerIPs)) t.nat.push(`${head} -s ${ip} -j ${ext}`);
  t.nat.push(`-A ${fw} ${comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)}`);
}

function renderPort(t: Tables, model: BuiltModel, node: string, s: InputService, port: InputServicePort, pin: BackendPin | undefined): void {
  const name = servicePortName(s.namespace, s.name, port.name);
  const { svc, ext, svl, fw } = servicePortChains(name, port.protocol);
  const proto = protoMatch(port.protocol);
  const mine = (ips: readonly string[]): string[] => ofFamily(t.family, ips);
  const backends = port.backends.filter((b) => ipVersionOf(b.address) === t.family);
  const local = s.externalTrafficPolicy === 'Local';
  const localBackends = backends.filter((b) => b.nodeName === node);
  const externalIPs = [...mine(s.externalIPs).map((ip) => [ip, 'external IP']), ...mine(s.loadBalancerIPs).map((ip) => [ip, 'loadbalancer IP'])];
  const ranges = s.loadBalancerSourceRanges.filter((r) => ipVersionOf(r.trim().split('/')[0]) === t.family);
  const firewalled = mine(s.loadBalancerIPs).length > 0 && ranges.length > 0;
  const hasExternal = externalIPs.length > 0 || port.nodePort !== undefined;
  const pinned = pin?.(s, port);
  if (backends.length === 0) {
    for (const ip of mine(s.clusterIPs)) t.filter.push(`-A KUBE-SERVICES ${comment(`${name} has no endpoints`)} ${proto} -d ${ip} --dport ${port.port} -j REJECT`);
    for (const [ip] of externalIPs) t.filter.push(`-A KUBE-EXTERNAL-SERVICES ${comment(`${name} has no endpoints`)} ${proto} -d ${ip} --dport ${port.port} -j REJECT`);
    if (port.nodePort !== undefined) {
      t.filter.push(`-A KUBE-EXTERNAL-SERVICES ${comment(`${name} has no endpoints`)} -m addrtype --dst-type LOCAL ${proto} --dport ${port.nodePort} -j REJECT`);
    }
    return;
  }
  t.natChains.push(svc);
  for (const ip of mine(s.clusterIPs)) t.nat.push(`-A KUBE-SERVICES ${comment(`${name} cluster IP`)} ${proto} -d ${ip} --dport ${port.port} -j ${svc}`);
  for (const [ip, what] of externalIPs) {
    const lb = what === 'loadbalancer IP';
    t.nat.push(`-A KUBE-SERVICES ${comment(`${name} ${what}`)} ${proto} -d ${ip} --dport ${port.port} -j ${lb && firewalled ? fw : ext}`);
    if (lb && firewalled) {
      t.filter.push(`-A KUBE-PROXY-FIREWALL ${comment(`${name} traffic not accepted by ${fw}`)} ${proto} -d ${ip} --dport ${port.port} -j DROP`);
    }
  }
  if (port.nodePort !== undefined) t.nat.push(`-A KUBE-NODEPORTS ${comment(name)} ${proto} --dport ${port.nodePort} -j ${ext}`);
  jumpToEndpoints(t, svc, s, name, port, backends, pinned);
  if (hasExternal) {
    t.natChains.push(ext);
    if (!local) {
      t.nat.push(`-A ${ext} ${comment(`masquerade traffic for ${name} external destinations`)} -j KUBE-MARK-MASQ`);
      t.nat.push(`-A ${ext} -j ${svc}`);
    } else {
      t.nat.push(`-A ${ext} ${comment(`masquerade LOCAL traffic for ${name} external destinations`)} -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`);
      t.nat.push(`-A ${ext} ${comment(`route LOCAL traffic for ${name} external destinations`)} -m addrtype --src-type LOCAL -j ${svc}`);
      // without a local backend kube-proxy writes no KUBE-SVL-* (proxier.go usesLocalPolicyChain,
      // hasExternalEndpoints): KUBE-EXT-* ends, nothing is DNATed and the filter rule below drops it
      if (localBackends.length > 0) {
        t.nat.push(`-A ${ext} -j ${svl}`);
        t.natChains.push(svl);
        const pinLocal = pinned !== undefined && port.backends[pinned]?.nodeName === node ? pinned : undefined;
        jumpToEndpoints(t, svl, s, name, port, pinned !== undefined && pinLocal === undefined ? [] : localBackends, pinLocal);
      } else {
        for (const [ip] of externalIPs) t.filter.push(`-A KUBE-EXTERNAL-SERVICES ${comment(`${name} has no local endpoints`)} ${proto} -d ${ip} --dport ${port.port} -j DROP`);
        if (port.nodePort !== undefined) {
          t.filter.push(`-A KUBE-EXTERNAL-SERVICES ${comment(`${name} has no local endpoints`)} -m addrtype --dst-type LOCAL ${proto} --dport ${port.nodePort} -j DROP`);
        }
      }
    }
  }
  if (firewalled) renderFirewall(t, model, node, s, name, fw, ext, ranges);
  for (const b of backends) {
    const endpoint = endpointOf(b);
    const sep = endpointChain(name, port.protocol, endpoint);
    if (t.natChains.includes(sep)) continue;
    t.natChains.push(sep);
    t.nat.push(`-A ${sep} ${comment(name)} -s ${canonicalAddress(b.address)}/${t.family === 6 ? 128 : 32} -j KUBE-MARK-MASQ`);
    const remember = s.affinitySeconds !== undefined ? ` -m recent --name ${sep} --set` : '';
    t.nat.push(`-A ${sep} ${comment(name)}${remember} ${proto} -j DNAT --to-destination ${endpoint}`);
  }
}

/** True when the model has a Service the proxier of `family` programs (a cluster IP, nodePort or external address). */
export function hasKubeProxyServices(model: BuiltModel, family: ProxyFamily = 4): boolean {
  return model.services.some((s) => proxiedIn(s, family));
}

/**
 * The kube-proxy file of one node and IP family: iptables-restore (IPv4) or ip6tables-restore (IPv6)
 * text for the nat and filter tables, Services and ports sorted by namespace, name and port so the
 * text is the same for the same input.
 */
export function renderKubeProxy(model: BuiltModel, node: string, pin?: BackendPin, family: ProxyFamily = 4): string {
  const t: Tables = { family, natChains: [], nat: [], filter: [] };
  const services = model.services.filter((s) => proxiedIn(s, family))
    .sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.namespace < b.namespace ? -1 : 1));
  for (const s of services) for (const p of s.ports) renderPort(t, model, node, s, p, pin);
  const v6 = family === 6;
  const header = [
    `# kube-proxy's rules for node ${node} (iptables mode, ${v6 ? 'IPv6: ip6tables' : 'IPv4'}), rendered by netsec: NOT Calico's and NOT to be applied.`,
    '# For verification only: netsec verify loads it so probes to Service addresses are DNATed and masqueraded as on a real node.',
    '# kube-proxy owns these chains on a real node; each Service port picks a backend at random (--probability 1/n).',
    `# The Services with an IPv${family} cluster IP${hasKubeProxyServices(model, v6 ? 4 : 6) ? `; the IPv${v6 ? 4 : 6} ones are in ${node}.kube-proxy.${v6 ? 'iptables' : 'ip6tables'}` : ''}.`,
    '# Not rendered: the masquerade of off-cluster sources to cluster IPs (needs the cluster CIDR). Generated; do not edit.',
  ];
  // the nodePorts of the node's local addresses; IPv6 never takes them on ::1 (proxier.go)
  const nodePorts = `-m addrtype --dst-type LOCAL${v6 ? ' ! -d ::1/128' : ''}`;
  const nat = [
    '*nat',
    ':PREROUTING ACCEPT [0:0]', ':INPUT ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]', ':POSTROUTING ACCEPT [0:0]',
    ':KUBE-SERVICES - [0:0]', ':KUBE-NODEPORTS - [0:0]', ':KUBE-POSTROUTING - [0:0]', ':KUBE-MARK-MASQ - [0:0]',
    ...[...t.natChains].sort().map((c) => `:${c} - [0:0]`),
    `-A PREROUTING ${comment('kubernetes service portals')} -j KUBE-SERVICES`,
    `-A OUTPUT ${comment('kubernetes service portals')} -j KUBE-SERVICES`,
    `-A POSTROUTING ${comment('kubernetes postrouting rules')} -j KUBE-POSTROUTING`,
    `-A KUBE-MARK-MASQ -j MARK --or-mark ${MASQ_MARK}`,
    `-A KUBE-POSTROUTING -m mark ! --mark ${MASQ_MARK}/${MASQ_MARK} -j RETURN`,
    `-A KUBE-POSTROUTING -j MARK --xor-mark ${MASQ_MARK}`,
    `-A KUBE-POSTROUTING ${comment('kubernetes service traffic requiring SNAT')} -j MASQUERADE --random-fully`,
    ...t.nat,
    `-A KUBE-SERVICES ${comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain')} ${nodePorts} -j KUBE-NODEPORTS`,
    'COMMIT',
  ];
  const filter = [
    '*filter',
    ':INPUT ACCEPT [0:0]', ':FORWARD ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]',
    ':KUBE-SERVICES - [0:0]', ':KUBE-EXTERNAL-SERVICES - [0:0]', ':KUBE-PROXY-FIREWALL - [0:0]',
    `-A INPUT -m conntrack --ctstate NEW ${comment('kubernetes load balancer firewall')} -j KUBE-PROXY-FIREWALL`,
    `-A INPUT -m conntrack --ctstate NEW ${comment('kubernetes externally-visible service portals')} -j KUBE-EXTERNAL-SERVICES`,
    `-A FORWARD -m conntrack --ctstate NEW ${comment('kubernetes load balancer firewall')} -j KUBE-PROXY-FIREWALL`,
    `-A FORWARD -m conntrack --ctstate NEW ${comment('kubernetes service portals')} -j KUBE-SERVICES`,
    `-A FORWARD -m conntrack --ctstate NEW ${comment('kubernetes externally-visible service portals')} -j KUBE-EXTERNAL-SERVICES`,
    `-A OUTPUT -m conntrack --ctstate NEW ${comment('kubernetes load balancer firewall')} -j KUBE-PROXY-FIREWALL`,
    `-A OUTPUT -m conntrack --ctstate NEW ${comment('kubernetes service portals')} -j KUBE-SERVICES`,
    ...t.filter,
    'COMMIT',
  ];
  return `${[...header, ...nat, ...filter].join('\n')}\n`;
}
