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

/** The IP version a protocol group matches only: 4 for ICMP, 6 for ICMPv6, 0 for every other. */
function groupIpVersion(group: CalicoPortMatch): number {
  return group.protocol === 'ICMP' ? 4 : group.protocol === 'ICMPv6' ? 6 : 0;
}

/** True when the peer (undefined: any peer) can be matched with the group's protocol. */
function fits(group: CalicoPortMatch, peer: IPeer | undefined): boolean {
  const version = groupIpVersion(group);
  return peer === undefined || version === 0 || peer.ipVersion === 0 || peer.ipVersion === version;
}

/**
 * The Calico rules of an intent rule: Calico's own rule product (one per protocol group x peer,
 * protocol loop outside; model/convert ruleProduct), without the empty source and destination
 * Calico's structs carry. Ports of one protocol are merged into one group, kept in the order given;
 * a protocol with "all ports" drops its specific ports; ICMP matches stay separate.
 *
 * ICMP matches only IPv4 and ICMPv6 only IPv6 (Calico refuses a rule that mixes them with the
 * other version's nets), so a dual-stack peer list is split: an ICMP group gets the rules of the
 * IPv4 peers (and of the peers of no IP version, such as selectors), an ICMPv6 group those of the
 * IPv6 peers. Nothing is translated: `Port.icmp()` never becomes ICMPv6 for an IPv6 peer (the
 * types differ; add `Port.icmpv6()` for that). A group that fits none of the peers is an error;
 * a peer that gets no rule at all is reported through `warn`.
 */
export function calicoRules(rule: IntentRule, ingress: boolean, context: PeerContext, warn: (message: string) => void): CalicoRule[] {
  const groups = portGroups(rule.ports ?? []);
  const peers: ReadonlyArray<IPeer | undefined> = rule.peers ?? [undefined];
  for (const group of groups) {
    const version = groupIpVersion(group);
    const misfit = peers.find((peer) => !fits(group, peer));
    if (misfit && !peers.some((peer) => fits(group, peer))) {
      throw new Error(`${misfit.description} is IPv${misfit.ipVersion} but protocol ${group.protocol} only matches IPv${version}; `
        + `allowed: ${version === 4 ? 'Port.icmpv6()' : 'Port.icmp()'} for IPv${misfit.ipVersion} peers, or a peer of IPv${version}`);
    }
  }
  for (const peer of peers) {
    if (peer && !groups.some((group) => fits(group, peer))) {
      const protocols = [...new Set(groups.map((g) => g.protocol))].join(', ');
      warn(`${peer.description} is IPv${peer.ipVersion} but the rule's ports (${protocols}) only match IPv${peer.ipVersion === 4 ? 6 : 4}, `
        + `so no rule is emitted for it; add ${peer.ipVersion === 4 ? 'Port.icmp()' : 'Port.icmpv6()'} to match ICMP of IPv${peer.ipVersion} too`);
    }
  }
  return groups.flatMap((group) => {
    const entities: EntityRule[] = peers.filter((peer) => fits(group, peer)).map((peer) => (peer ? peer.toCalico(context) : {}));
    return ruleProduct(rule.action, [group], entities, ingress);
  }).map(withoutEmptyEntities);
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
