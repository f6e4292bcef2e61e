import { ruleProduct } from '../../model/convert';
import { CalicoRule, EntityRule, NetworkPolicyPeer, NetworkPolicyPort } from '../../model/resources';
import { IPeer, PeerContext } from '../vocabulary/peer-types';
import { CalicoPortMatch, Port } from '../vocabulary/port';

/** One intent rule, before it is rendered for an engine. Internal. */
export interface IntentRule {
  /** `Allow` or `Deny`. */
  readonly action: string;
  /** The peers; undefined means any peer. */
  readonly peers?: readonly IPeer[];
  /** The ports; undefined or empty means all traffic. */
  readonly ports?: readonly Port[];
}

/** The reason the rule cannot be a Kubernetes rule, or undefined when it can. */
export function kubernetesObstacle(rule: IntentRule): string | undefined {
  if (rule.action !== 'Allow') return `a ${rule.action} rule (Kubernetes NetworkPolicies only allow)`;
  const peer = (rule.peers ?? []).find((p) => !p.kubernetesExpressible);
  if (peer) return `peer ${peer.description}`;
  const port = (rule.ports ?? []).find((p) => !p.kubernetesExpressible);
  return port ? `port ${port.toString()}` : undefined;
}

/** The `from`/`to` peers and `ports` of a Kubernetes rule. */
export function kubernetesRuleParts(rule: IntentRule): { peers?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] } {
  const ports = rule.ports ?? [];
  const allTraffic = ports.length === 0 || ports.some((p) => p.isAllTraffic);
  return {
    ...(rule.peers !== undefined ? { peers: rule.peers.map((p) => p.toKubernetes()) } : {}),
    ...(allTraffic ? {} : { ports: ports.map((p) => p.toKubernetes()) }),
  };
}

/**
 * The Calico rules of an intent rule: Calico's own rule product (one per protocol group x peer,
 * protocol loop outside; model/convert ruleProduct), without the empty source and destination
 * Calico's structs carry. Ports of one protocol are merged into one group, kept in the order given;
 * a protocol with "all ports" drops its specific ports; ICMP matches stay separate.
 */
export function calicoRules(rule: IntentRule, ingress: boolean, context: PeerContext): CalicoRule[] {
  const groups = portGroups(rule.ports ?? []);
  const peers: ReadonlyArray<IPeer | undefined> = rule.peers ?? [undefined];
  for (const group of groups) {
    // ICMP matches only IPv4 and ICMPv6 only IPv6 (an `icmp` type/code comes with either protocol).
    const version = group.protocol === 'ICMP' ? 4 : group.protocol === 'ICMPv6' ? 6 : 0;
    for (const peer of peers) {
      if (peer && version !== 0 && peer.ipVersion !== 0 && peer.ipVersion !== version) {
        throw new Error(`${peer.description} is IPv${peer.ipVersion} but protocol ${group.protocol} only matches IPv${version}; `
          + `allowed: ${version === 4 ? 'Port.icmpv6()' : 'Port.icmp()'} for IPv${peer.ipVersion} peers, or a peer of IPv${version}`);
      }
    }
  }
  const entities: EntityRule[] = peers.map((peer) => (peer ? peer.toCalico(context) : {}));
  return ruleProduct(rule.action, groups, entities, ingress).map(withoutEmptyEntities);
}

/** The rule without an empty `source` or `destination` (so synthesised YAML shows only what matches). */
function withoutEmptyEntities(rule: CalicoRule): CalicoRule {
  const { source, destination, ...rest } = rule;
  return {
    ...rest,
    ...(source && Object.keys(source).length > 0 ? { source } : {}),
    ...(destination && Object.keys(destination).length > 0 ? { destination } : {}),
  };
}

function portGroups(ports: readonly Port[]): CalicoPortMatch[] {
  if (ports.length === 0 || ports.some((p) => p.isAllTraffic)) return [{}];
  const groups: CalicoPortMatch[] = [];
  for (const port of ports) {
    const match = port.toCalico();
    const same = match.icmp === undefined ? groups.find((g) => g.protocol === match.protocol && g.icmp === undefined) : undefined;
    if (!same) {
      groups.push(match);
    } else if (same.ports !== undefined) {
      const merged = match.ports === undefined ? undefined : [...same.ports, ...match.ports.filter((p) => !same.ports?.includes(p))];
      groups[groups.indexOf(same)] = { protocol: same.protocol, ...(merged ? { ports: merged } : {}) };
    }
  }
  return groups;
}
