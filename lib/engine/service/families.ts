// Which of kube-proxy's per-family proxiers handle a Service and which endpoints each DNATs to:
// kube-proxy runs one proxier per IP family; each programs a Service only when it has a cluster IP of
// that family (pkg/proxy servicechangetracker.go serviceToServiceMap), with that family's addresses
// and endpoints only (serviceport.go newBaseServiceInfo; EndpointSlices of that addressType). One
// definition for the plan (lib/iptables/kube-proxy.ts) and the engine's Service paths.
import { ipVersionOf } from '../../model/net';
import { ServiceBackend } from '../input/derive-endpoints';
import { InputService } from '../input/services';

/** An IP family of kube-proxy's proxiers: 4 (iptables) or 6 (ip6tables). */
export type ProxyFamily = 4 | 6;

/**
 * True when kube-proxy's proxier of `family` programs the Service: not ExternalName, with ports,
 * and a cluster IP of that family (a Service whose cluster IP is not allocated in the inputs is
 * taken as IPv4, the single-stack default).
 */
export function proxiedIn(s: InputService, family: ProxyFamily): boolean {
  if (s.type === 'ExternalName' || s.ports.length === 0) return false;
  return s.clusterIPs.length === 0 ? family === 4 : s.clusterIPs.some((ip) => ipVersionOf(ip) === family);
}

/** The family of an address sent to (a cluster, node, LoadBalancer or external IP); undefined when not an address. */
export function familyOf(address: string | undefined): ProxyFamily | undefined {
  const v = address === undefined ? undefined : ipVersionOf(address);
  return v === 4 || v === 6 ? v : undefined;
}

/**
 * The family of a ClusterIP flow: that of the cluster IP sent to; for a Service named rather than
 * addressed, a source pod without an address of that family uses the Service's cluster IP of a
 * family it has (a client resolves the Service's name to the address it can use).
 */
export function clusterIpFamily(address: string | undefined, named: boolean, clusterIPs: readonly string[], sourceIps: readonly string[] | undefined): ProxyFamily | undefined {
  const family = familyOf(address);
  if (!named || family === undefined || sourceIps === undefined || sourceIps.length === 0) return family;
  const has = (f: ProxyFamily | undefined): boolean => sourceIps.some((ip) => familyOf(ip) === f);
  if (has(family)) return family;
  return clusterIPs.map(familyOf).find((f) => f !== undefined && has(f)) ?? family;
}

/** Why a backend of the other family is not DNATed to for a flow sent to an address of `family`; undefined when it is of that family. */
export function otherFamilyBackend(backend: ServiceBackend, family: ProxyFamily | undefined): string | undefined {
  if (family === undefined || ipVersionOf(backend.address) === family) return undefined;
  return `kube-proxy's IPv${family} proxier DNATs only to IPv${family} endpoints; ${backend.address} is IPv${family === 4 ? 6 : 4}`;
}
