// Service rules: NS014 egress nets naming a ClusterIP, NS015 NodePorts open on public host
// endpoints without a pre-DNAT restriction, NS016 ingress nets on the backends of a Service whose
// externalTrafficPolicy is Cluster.
import { Cidr, protocolNumber } from '../../model/net';
import { CalicoRule } from '../../model/resources';
import { CompiledPolicy, Endpoint, InputService } from '../../engine';
import { parseNets } from '../analysis/nets';
import { portListIncludes } from '../analysis/ports';
import { LintContext } from '../context';
import { finding, isKubernetesPolicy, policyLabel, policyLocation, ruleField } from '../finding';
import { LintFinding } from '../types';
import { defineLintRule } from '../rule';
import { isPublicHost } from './host-endpoints';

/** kube-apiserver's default --service-node-port-range. */
const NODE_PORT_RANGE = { first: 30000, last: 32767 };

const svcName = (s: InputService): string => `${s.namespace}/${s.name}`;
const backendAddresses = (s: InputService): string[] => [...new Set(s.ports.flatMap((p) => p.backends.map((b) => b.address)))];
const nets = (rule: CalicoRule, side: 'source' | 'destination'): readonly Cidr[] => parseNets(rule[side]?.nets ?? []) ?? [];

/** The rule's field of a net, for the finding's location. */
function netsField(p: CompiledPolicy, direction: string, i: number, side: string): string {
  return `${ruleField(p, direction, i)}.${side}.nets`;
}

/**
 * NS014: an egress rule's nets (a Kubernetes ipBlock as converted) hold a Service's ClusterIP but
 * none of its backends: kube-proxy DNATs the ClusterIP to a backend before policy, so the rule never
 * matches that Service. A CIDR inside the declared Service range of a Kubernetes policy is NS010's.
 * Policies that apply to a host endpoint are left out (IBM's isolation names the API server's
 * ClusterIP for hosts).
 */
function egressToClusterIp(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  const hosts = ctx.hostEndpoints();
  for (const p of ctx.policies()) {
    if (hosts.some((h) => p.appliesTo(h))) continue;
    (p.egress ?? []).forEach((rule, i) => {
      for (const net of nets(rule, 'destination')) {
        if (isKubernetesPolicy(p) && ctx.serviceRanges.some((r) => r.contains(net))) continue;
        for (const s of ctx.services) {
          const held = s.clusterIPs.filter((ip) => net.containsAddress(ip));
          if (held.length === 0 || backendAddresses(s).some((a) => net.containsAddress(a))) continue;
          out.push(finding(EGRESS_TO_CLUSTER_IP,
            `${policyLabel(p)}: egress rule ${i} to ${net.toString()} holds the ClusterIP ${held.join(', ')} of Service ${svcName(s)} but none `
            + 'of its backends; kube-proxy rewrites the ClusterIP to a backend before policy runs, so this never matches the Service: '
            + `use destination.services {name: ${s.name}, namespace: ${s.namespace}} or select its pods`,
            policyLocation(p, netsField(p, 'egress', i, 'destination'))));
        }
      }
    });
  }
  return out;
}

/** The known nodePorts of a Service (type NodePort or LoadBalancer), per protocol; the whole range when one is not known. */
function nodePorts(s: InputService): { protocol: string; first: number; last: number }[] {
  if (s.type !== 'NodePort' && s.type !== 'LoadBalancer') return [];
  return s.ports.map((p) => (p.nodePort !== undefined
    ? { protocol: p.protocol, first: p.nodePort, last: p.nodePort } : { protocol: p.protocol, ...NODE_PORT_RANGE }));
}

/** A pre-DNAT ingress rule that restricts the port: a Deny, or an Allow narrowed to some sources, whose destination ports include it. */
function restricts(rule: CalicoRule, protocol: string, port: number): boolean {
  if (rule.protocol !== undefined && protocolNumber(rule.protocol) !== protocolNumber(protocol)) return false;
  const ports = rule.destination?.ports ?? [];
  if (ports.length > 0 && !portListIncludes(ports, port, () => undefined)) return false;
  const src = rule.source ?? {};
  if (rule.action === 'Deny') return true;
  const narrowed = nets(rule, 'source').some((n) => !n.isCatchAll()) || Boolean(src.selector) || Boolean(src.namespaceSelector);
  return rule.action === 'Allow' && narrowed;
}

/** NS015: public host endpoints where a NodePort is reachable and no pre-DNAT policy restricts it. */
function nodePortOnPublicHost(ctx: LintContext): LintFinding[] {
  // an IBM private role label says private, whatever the address
  const publicHosts = ctx.hostEndpoints().filter((h) => isPublicHost(h) && !(h.labels['ibm.role'] ?? '').endsWith('_private'));
  if (publicHosts.length === 0) return [];
  const preDnat = ctx.policies().filter((p) => p.preDNAT);
  const out: LintFinding[] = [];
  for (const s of ctx.services) {
    for (const np of nodePorts(s)) {
      const open = publicHosts.filter((h) => !preDnat.some((p) => p.appliesTo(h) && (p.ingress ?? []).some((r) => restricts(r, np.protocol, np.first) && restricts(r, np.protocol, np.last))));
      if (open.length === 0) continue;
      const port = np.first === np.last ? `${np.protocol}/${np.first}` : `${np.protocol}/${np.first}-${np.last} (nodePort not given)`;
      out.push(finding(NODEPORT_ON_PUBLIC_HOST,
        `Service ${svcName(s)} (${s.type}) is reachable on nodePort ${port} of public host endpoint(s) ${open.slice(0, 5).map((h) => h.name).join(', ')}`
        + `${open.length > 5 ? ', ...' : ''}, and no pre-DNAT policy restricts it; kube-proxy forwards before normal host endpoint policy `
        + 'applies, so add a preDNAT GlobalNetworkPolicy that denies the NodePort range except from the sources that need it',
        serviceLocation(s)));
    }
  }
  return out;
}

/** A Service's location from its `file#index`. */
function serviceLocation(s: InputService): LintFinding['location'] {
  const at = s.location.lastIndexOf('#');
  return { file: s.location.slice(0, at), documentIndex: Number(s.location.slice(at + 1)), kind: 'Service', namespace: s.namespace, name: s.name };
}

/** NS016: ingress nets on the backends of a Service whose external traffic is SNATed (externalTrafficPolicy Cluster). */
function ipBlockOnSnatBackends(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const s of ctx.services) {
    if (s.externalTrafficPolicy !== 'Cluster' || (s.type !== 'NodePort' && s.type !== 'LoadBalancer')) continue;
    const addresses = backendAddresses(s);
    const backends: Endpoint[] = ctx.model.endpoints.filter((e) => e.kind === 'workload' && e.ips.some((ip) => addresses.includes(ip.split('/')[0])));
    if (backends.length === 0) continue;
    for (const p of ctx.policies()) {
      if (!backends.some((e) => p.appliesTo(e))) continue;
      (p.ingress ?? []).forEach((rule, i) => {
        if (rule.action !== 'Allow') return;
        const narrow = nets(rule, 'source').filter((n) => !n.isCatchAll());
        if (narrow.length === 0) return;
        out.push(finding(IPBLOCK_ON_SNAT_BACKENDS,
          `${policyLabel(p)}: ingress rule ${i} allows ${narrow.map((n) => n.toString()).join(', ')} to backends of Service ${svcName(s)}, `
          + 'whose externalTrafficPolicy is Cluster: kube-proxy SNATs external clients to a node address, so the rule does not see them; '
          + 'set externalTrafficPolicy: Local, or restrict the clients in a preDNAT policy on the host endpoints',
          policyLocation(p, netsField(p, 'ingress', i, 'source'))));
      });
    }
  }
  return out;
}

/** NS014. */
export const EGRESS_TO_CLUSTER_IP = defineLintRule('NS014', 'egress-to-cluster-ip', 'error',
  'kube-proxy rewrites a Service ClusterIP to a backend pod before policy runs, so egress nets that hold a ClusterIP but not the backends never match the Service.',
  egressToClusterIp);

/** NS015. */
export const NODEPORT_ON_PUBLIC_HOST = defineLintRule('NS015', 'nodeport-on-public-host', 'warning',
  'NodePorts are open on every node address; on public host endpoints only a preDNAT policy can restrict them (IBM recommends one).',
  nodePortOnPublicHost);

/** NS016. */
export const IPBLOCK_ON_SNAT_BACKENDS = defineLintRule('NS016', 'ipblock-on-snat-backends', 'warning',
  'With externalTrafficPolicy Cluster, kube-proxy SNATs external clients, so an ingress ipBlock on the backends does not see the client address.',
  ipBlockOnSnatBackends);
