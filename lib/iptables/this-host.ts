// The members of `this-host` (rule_defs.go IPSetIDThisHostIPs). On a node Felix's host IP manager
// (felix/dataplane/linux/hostip_mgr.go) fills it with the destination of every local unicast route
// (RTN_LOCAL, felix/ifacemonitor) of every interface but the workload ones (`cali*`) and the excluded
// ones (interfaceExclude, default kube-ipvs0): the node's live addresses, loopback's included. The
// plan cannot see the node, so it approximates them from the inventory: loopback's local routes
// (127.0.0.0 and 127.0.0.1, ::1), the Node's status.addresses, its tunnel address annotations and
// the expectedIPs of its HostEndpoints. Not known: link-local IPv6 addresses, addresses of other
// interfaces (Docker bridges and the like). `netsec drift` shows this set's members apart.
import { Endpoint, NodeInfo } from '../engine';
import { ipNumToString, ipVersionOf, toIpNum } from '../model/net';
import { IpVersion } from './match';

/** The set's ID. */
export const THIS_HOST = 'this-host';

/** Loopback's local routes, on every Linux host. */
const LOOPBACK: { readonly [version: number]: readonly string[] } = { 4: ['127.0.0.0', '127.0.0.1'], 6: ['::1'] };

/** The node's addresses of the IP version, as the plan knows them (from the Node and all the node's endpoints), sorted. */
export function thisHostMembers(info: NodeInfo | undefined, nodeEndpoints: readonly Endpoint[], version: IpVersion): string[] {
  const candidates = [
    ...LOOPBACK[version],
    ...(info?.addresses ?? []).map((a) => a.address),
    ...Object.values(info?.tunnelAddresses ?? {}).filter((a): a is string => a !== undefined),
    ...nodeEndpoints.filter((e) => e.kind === 'host').flatMap((e) => e.ips),
  ];
  const out = new Set<string>();
  for (const c of candidates) {
    const ip = toIpNum(c.split('/')[0]);
    if (ip && ipVersionOf(c.split('/')[0]) === version) out.add(ipNumToString(ip));
  }
  return [...out].sort();
}
