// One Kubernetes ingress/egress rule -> Calico rules (libcalico-go k8sRuleToCalico).
import { Cidr, parsePortSpec } from '../../model/net';
import { CalicoRule, EntityRule, IcmpFields, NetworkPolicyPeer, NetworkPolicyPort } from '../../model/resources';
import { compareStrings, namespaceSelectorToCalico, podSelectorToCalico } from './selector';
import { simplifyPorts } from './simplify-ports';

/** Thrown when a port of a Kubernetes rule does not convert; Calico then drops the whole rule. */
export class RuleConversionError extends Error {}

const ALL_PROTOCOLS = '';

/** What one Calico rule of a product matches besides its peer: a protocol, its ports, an ICMP match. */
export interface ProtocolGroup {
  /** @default - every protocol */
  readonly protocol?: string;
  /** @default - every port */
  readonly ports?: readonly string[];
  /** Calico only (Kubernetes has no ICMP match). @default - every ICMP type */
  readonly icmp?: IcmpFields;
}

/**
 * Calico's rule product (the loops of libcalico-go k8sRuleToCalico): one rule per protocol group
 * and peer, the protocol loop outside. An ingress rule's peer is its source and its ports are in
 * the destination; an egress rule has peer and ports in the destination and an empty source.
 * `source` and `destination` are always set, as Calico's structs are.
 */
export function ruleProduct(action: string, groups: readonly ProtocolGroup[], peers: readonly EntityRule[], ingress: boolean): CalicoRule[] {
  const rules: CalicoRule[] = [];
  for (const group of groups) {
    for (const entity of peers) {
      const portsField: EntityRule = group.ports && group.ports.length > 0 ? { ports: [...group.ports] } : {};
      rules.push({
        action,
        ...(group.protocol === undefined ? {} : { protocol: group.protocol }),
        ...(group.icmp ? { icmp: group.icmp } : {}),
        ...(ingress ? { source: entity, destination: portsField } : { source: {}, destination: { ...portsField, ...entity } }),
      });
    }
  }
  return rules;
}

/**
 * Converts one rule. Ports are grouped by protocol (TCP when unset; a port without a number means
 * all ports of its protocol and overrides specific ones), protocols sorted, ports simplified, then
 * one Calico Allow rule per (protocol x peer), protocol loop outside.
 */
export function k8sRuleToCalico(
  peers: readonly NetworkPolicyPeer[] | undefined,
  ports: readonly NetworkPolicyPort[] | undefined,
  ingress: boolean,
): CalicoRule[] {
  const byProtocol = groupPorts(ports ?? []);
  const groups: ProtocolGroup[] = [...byProtocol.keys()].sort(compareStrings).map((protocol) => {
    const portList = byProtocol.get(protocol);
    return {
      ...(protocol === ALL_PROTOCOLS ? {} : { protocol }),
      ...(portList === undefined ? {} : { ports: simplifyPorts(portList) }),
    };
  });
  const entities = peers && peers.length > 0 ? peers.map(peerToEntity) : [{}];
  return ruleProduct('Allow', groups, entities, ingress);
}

/** Protocol -> ports, where undefined means all ports of the protocol. */
function groupPorts(ports: readonly NetworkPolicyPort[]): Map<string, string[] | undefined> {
  const out = new Map<string, string[] | undefined>();
  if (ports.length === 0) {
    out.set(ALL_PROTOCOLS, undefined);
    return out;
  }
  for (const p of ports) {
    const protocol = p.protocol ?? 'TCP';
    const calicoPorts = portToCalico(p);
    if (calicoPorts === undefined) {
      out.set(protocol, undefined);
    } else if (!out.has(protocol)) {
      out.set(protocol, calicoPorts);
    } else {
      const existing = out.get(protocol);
      if (existing !== undefined) existing.push(...calicoPorts);
    }
  }
  return out;
}

function portToCalico(p: NetworkPolicyPort): string[] | undefined {
  if (p.port === undefined) return undefined;
  const text = p.endPort !== undefined ? `${p.port}:${p.endPort}` : p.port;
  try {
    const spec = parsePortSpec(text);
    if (p.endPort !== undefined && spec.kind !== 'range') throw new Error('not a range');
  } catch {
    throw new RuleConversionError(`invalid port ${JSON.stringify(text)}`);
  }
  return [text];
}

function peerToEntity(peer: NetworkPolicyPeer | undefined): EntityRule {
  if (peer === undefined) return {};
  if (peer.ipBlock !== undefined) {
    const nets = normaliseCidr(peer.ipBlock.cidr);
    if (nets === undefined) return {};
    const notNets: string[] = [];
    for (const e of peer.ipBlock.except ?? []) {
      const n = normaliseCidr(e);
      if (n === undefined) break;
      notNets.push(n);
    }
    return notNets.length > 0 ? { nets: [nets], notNets } : { nets: [nets] };
  }
  const selector = podSelectorToCalico(peer.podSelector);
  const namespaceSelector = namespaceSelectorToCalico(peer.namespaceSelector);
  return namespaceSelector === '' ? { selector } : { selector, namespaceSelector };
}

const normalised = new Map<string, string | undefined>();

/** The canonical CIDR text, or undefined when it is not a CIDR (cached per text: ip-num parsing is slow). */
function normaliseCidr(text: string): string | undefined {
  if (normalised.has(text)) return normalised.get(text);
  let out: string | undefined;
  try {
    out = Cidr.parse(text).toString();
  } catch {
    out = undefined;
  }
  if (normalised.size > 50000) normalised.clear();
  normalised.set(text, out);
  return out;
}
