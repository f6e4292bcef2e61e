// What the three admin policy kinds share in libcalico-go's conversion (combinePortsWith*Peers,
// unpack*Ports): subjects, peers to entity rules, ports grouped by protocol, failed rules.
import { Cidr } from '../../model/net';
import { AdminPolicyEgressPeer, AdminPolicySubject, CalicoRule, EntityRule, K8sLabelSelector, NamespacedPodSelector } from '../../model/resources';
import { isValidPortName } from '../validate/ports';
import { RuleConversionError } from './rules';
import { compareStrings, namespaceSelectorToCalico, podSelectorToCalico } from './selector';
import { simplifyPorts } from './simplify-ports';

/** The annotation key of a converted rule that keeps the rule's name (libcalico-go AdminPolicyRuleNameLabel). */
const ADMIN_RULE_NAME_ANNOTATION = 'name';
/** The protocol key of "every protocol". */
const ALL_PROTOCOLS = '';

/** One destination port match, already read: a protocol (undefined for a named port) and a port text. */
export interface AdminPortMatch {
  /** `TCP`, `UDP`, `SCTP`; undefined with a named port (v1alpha2) or for every protocol. */
  readonly protocol?: string;
  /** A Calico port text (`80`, `80:90`, a name); undefined for every port. */
  readonly port?: string;
  /** True when `port` is a named port (even one made of digits only). @default false */
  readonly named?: boolean;
}

/** The GlobalNetworkPolicy selectors of a subject: namespaceSelector and selector. */
export function subjectSelectors(subject: AdminPolicySubject): { readonly namespaceSelector: string; readonly selector: string } {
  if (subject.namespaces !== undefined) {
    return { namespaceSelector: namespaceSelectorToCalico(subject.namespaces), selector: podSelectorToCalico(undefined) };
  }
  const pods = subject.pods ?? { namespaceSelector: {}, podSelector: {} };
  return { namespaceSelector: namespaceSelectorToCalico(pods.namespaceSelector), selector: podSelectorToCalico(pods.podSelector) };
}

interface IngressPeer {
  readonly namespaces?: K8sLabelSelector;
  readonly pods?: NamespacedPodSelector;
}

function ingressEntity(peer: IngressPeer): EntityRule {
  if (peer.pods !== undefined) {
    return { selector: podSelectorToCalico(peer.pods.podSelector), namespaceSelector: namespaceSelectorToCalico(peer.pods.namespaceSelector) };
  }
  if (peer.namespaces !== undefined) return { namespaceSelector: namespaceSelectorToCalico(peer.namespaces) };
  throw new RuleConversionError("none of supported fields in 'From' is set");
}

function egressEntity(peer: AdminPolicyEgressPeer): EntityRule {
  let entity: EntityRule | undefined;
  if (peer.namespaces !== undefined) entity = { namespaceSelector: namespaceSelectorToCalico(peer.namespaces) };
  if (peer.pods !== undefined) {
    entity = { selector: podSelectorToCalico(peer.pods.podSelector), namespaceSelector: namespaceSelectorToCalico(peer.pods.namespaceSelector) };
  }
  if (peer.networks !== undefined && peer.networks.length > 0) {
    const nets = peer.networks.map((n) => {
      try {
        return Cidr.parse(n).toString();
      } catch {
        throw new RuleConversionError(`invalid CIDR ${JSON.stringify(n)}`);
      }
    });
    entity = { ...entity, nets };
  }
  if (entity === undefined) {
    const what = peer.nodes !== undefined ? 'a nodes peer' : peer.domainNames !== undefined ? 'a domainNames peer' : 'an empty peer';
    throw new RuleConversionError(`${what} is not converted by Calico (none of supported fields in 'To' is set)`);
  }
  return entity;
}

/**
 * The rules of one admin rule (libcalico-go combinePortsWithANP*Peers / CNP*Peers): one rule per
 * protocol group and peer, protocols sorted, the protocol loop outside. Ingress peers are sources
 * and ports are in the destination; egress peers and ports are in the destination. Throws
 * RuleConversionError when a port or peer does not convert.
 */
export function adminRuleToCalico(
  action: string, name: string | undefined, ports: readonly AdminPortMatch[], ingress: readonly IngressPeer[] | undefined,
  egress: readonly AdminPolicyEgressPeer[] | undefined, notes: string[],
): CalicoRule[] {
  const groups = groupPorts(ports, notes);
  const entities = ingress !== undefined ? ingress.map(ingressEntity) : (egress ?? []).map(egressEntity);
  const metadata = name ? { metadata: { annotations: { [ADMIN_RULE_NAME_ANNOTATION]: name } } } : {};
  const rules: CalicoRule[] = [];
  for (const [protocol, portList] of groups) {
    for (const entity of entities) {
      const portsField: EntityRule = portList === undefined ? {} : { ports: portList };
      rules.push({
        ...metadata,
        action,
        ...(protocol === ALL_PROTOCOLS ? {} : { protocol }),
        ...(ingress !== undefined ? { source: entity, destination: portsField } : { destination: { ...portsField, ...entity } }),
      });
    }
  }
  return rules;
}

/** Protocol -> ports (undefined: every port), sorted by protocol as Go's sort.Strings. */
function groupPorts(ports: readonly AdminPortMatch[], notes: string[]): [string, string[] | undefined][] {
  const byProtocol = new Map<string, AdminPortMatch[] | undefined>();
  const list: readonly AdminPortMatch[] = ports.length === 0 ? [{}] : ports;
  for (const p of list) {
    if (p.protocol === undefined && p.port === undefined) {
      byProtocol.clear();
      byProtocol.set(ALL_PROTOCOLS, undefined);
      break;
    }
    if (p.port !== undefined && !p.named) checkPort(p.port);
    const key = p.protocol ?? ALL_PROTOCOLS;
    if (p.port === undefined) {
      byProtocol.set(key, undefined);
    } else if (!byProtocol.has(key)) {
      byProtocol.set(key, [p]);
    } else {
      byProtocol.get(key)?.push(p);
    }
  }
  const out: [string, string[] | undefined][] = [];
  for (const protocol of [...byProtocol.keys()].sort(compareStrings)) {
    const matches = byProtocol.get(protocol);
    if (matches === undefined) {
      out.push([protocol, undefined]);
      continue;
    }
    // a named port that is no valid name (e.g. "8080") names no container port: it matches nothing
    // (and its text would read as a port number, so it must not be kept)
    const kept: string[] = [];
    for (const m of matches) {
      if (m.port === undefined) continue;
      if (m.named && !isValidPortName(m.port)) notes.push(`named port ${JSON.stringify(m.port)} is not a valid port name and matches no container port`);
      else kept.push(m.port);
    }
    if (kept.length > 0) out.push([protocol, simplifyPorts(kept)]);
  }
  return out;
}

function checkPort(text: string): void {
  const m = /^(\d+):(\d+)$/.exec(text);
  if (m && Number(m[1]) > Number(m[2])) {
    throw new RuleConversionError(`minimum port number (${m[1]}) is greater than maximum port number (${m[2]}) in port range`);
  }
}

/** Calico's fail-closed replacement for a rule that does not convert: Deny and Pass become deny-all, Allow is dropped. */
export function failedRuleReplacement(calicoAction: string): CalicoRule | undefined {
  return calicoAction === 'Deny' || calicoAction === 'Pass' ? { action: 'Deny' } : undefined;
}

/** Calico's types of a converted admin policy: a direction only when it has rules (the tiers pass by default). */
export function adminPolicyTypes(ingress: readonly CalicoRule[], egress: readonly CalicoRule[]): string[] {
  return [...(ingress.length > 0 ? ['Ingress'] : []), ...(egress.length > 0 ? ['Egress'] : [])];
}
