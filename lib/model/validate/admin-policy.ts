// The sig-network admin policy kinds, as their CRD schemas and CEL rules validate them
// (sigs.k8s.io/network-policy-api apis/v1alpha1 and apis/v1alpha2 kubebuilder markers).
import { CIDR_ALLOWED, Cidr, NetError } from '../net';
import {
  AdminNetworkPolicy, AdminPolicyEgressPeer, AdminPolicyPort, AdminPolicyResource, AdminPolicySubject, BaselineAdminNetworkPolicy,
  ClusterNetworkPolicy, ClusterNetworkPolicyProtocol, K8sLabelSelector, NamespacedPodSelector,
} from '../resources';
import { Issues, report } from './issue';
import { checkLabelSelector } from './k8s';
import { checkPortNumber, checkPortProtocol } from './ports';

/** The limits and actions of one API version's kind. */
interface KindRules {
  readonly actions: readonly string[];
  /** MaxItems of spec.ingress and spec.egress. */
  readonly maxRules: number;
  /** MaxItems of a rule's from/to and ports/protocols. */
  readonly maxPeers: number;
  /** Whether egress peers may name domainNames. */
  readonly domainNames: boolean;
}

const ANP_RULES: KindRules = { actions: ['Allow', 'Deny', 'Pass'], maxRules: 100, maxPeers: 100, domainNames: true };
const BANP_RULES: KindRules = { actions: ['Allow', 'Deny'], maxRules: 100, maxPeers: 100, domainNames: false };
const CNP_RULES: KindRules = { actions: ['Accept', 'Deny', 'Pass'], maxRules: 25, maxPeers: 25, domainNames: true };

/** The tiers a ClusterNetworkPolicy may name. */
const CLUSTER_NETWORK_POLICY_TIERS: readonly string[] = ['Admin', 'Baseline'];
/** MaxItems of an egress peer's networks and domainNames. */
const MAX_NETWORKS = 25;
const MAX_RULE_NAME = 100;
const MAX_PRIORITY = 1000;
/** The DomainName pattern of the API (`*.` wildcard prefix allowed). */
const DOMAIN_NAME = /^(\*\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

/** Checks an AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy. */
export function checkAdminPolicy(issues: Issues, r: AdminPolicyResource): void {
  switch (r.kind) {
    case 'AdminNetworkPolicy': checkAnp(issues, r); break;
    case 'BaselineAdminNetworkPolicy': checkBanp(issues, r); break;
    case 'ClusterNetworkPolicy': checkCnp(issues, r); break;
  }
}

function checkAnp(issues: Issues, r: AdminNetworkPolicy): void {
  checkPriority(issues, r.spec.priority);
  checkSubject(issues, r.spec.subject);
  checkRules(issues, r.spec.ingress, r.spec.egress, ANP_RULES, checkAnpPorts);
}

function checkBanp(issues: Issues, r: BaselineAdminNetworkPolicy): void {
  if (r.metadata.name !== 'default') {
    report(issues, 'metadata.name', r.metadata.name, 'only one BaselineAdminNetworkPolicy can exist in a cluster, named default', 'default');
  }
  checkSubject(issues, r.spec.subject);
  checkRules(issues, r.spec.ingress, r.spec.egress, BANP_RULES, checkAnpPorts);
}

function checkCnp(issues: Issues, r: ClusterNetworkPolicy): void {
  if (!CLUSTER_NETWORK_POLICY_TIERS.includes(r.spec.tier)) {
    report(issues, 'spec.tier', r.spec.tier, 'unknown tier', CLUSTER_NETWORK_POLICY_TIERS.join(' or '));
  }
  checkPriority(issues, r.spec.priority);
  checkSubject(issues, r.spec.subject);
  checkRules(issues, r.spec.ingress, r.spec.egress, CNP_RULES, checkCnpProtocols);
}

function checkPriority(issues: Issues, priority: number): void {
  if (!Number.isInteger(priority) || priority < 0 || priority > MAX_PRIORITY) {
    report(issues, 'spec.priority', priority, 'priority out of range', `an integer 0-${MAX_PRIORITY}`);
  }
}

function checkSubject(issues: Issues, subject: AdminPolicySubject): void {
  exactlyOne(issues, 'spec.subject', subject, ['namespaces', 'pods']);
  if (subject.namespaces) checkLabelSelector(issues, 'spec.subject.namespaces', subject.namespaces);
  if (subject.pods) checkNamespacedPod(issues, 'spec.subject.pods', subject.pods);
}

function checkNamespacedPod(issues: Issues, field: string, pods: NamespacedPodSelector): void {
  checkLabelSelector(issues, `${field}.namespaceSelector`, pods.namespaceSelector);
  checkLabelSelector(issues, `${field}.podSelector`, pods.podSelector);
}

/** MinProperties=1, MaxProperties=1: exactly one of `keys` is set. */
function exactlyOne(issues: Issues, field: string, value: object, keys: readonly string[]): void {
  const set = keys.filter((k) => (value as { readonly [key: string]: unknown })[k] !== undefined);
  if (set.length !== 1) {
    report(issues, field, set.length === 0 ? value : set, set.length === 0 ? 'no field set' : 'more than one field set',
      `exactly one of ${keys.join(', ')}`);
  }
}

function checkCount(issues: Issues, field: string, list: readonly unknown[] | undefined, min: number, max: number): void {
  if (list === undefined) return;
  if (list.length < min || list.length > max) {
    report(issues, field, list.length, 'wrong number of entries', min === 0 ? `at most ${max}` : `${min}-${max} entries`);
  }
}

interface AnyRule {
  readonly name?: string;
  readonly action: string;
  readonly from?: readonly { readonly namespaces?: K8sLabelSelector; readonly pods?: NamespacedPodSelector }[];
  readonly to?: readonly AdminPolicyEgressPeer[];
  readonly ports?: readonly AdminPolicyPort[];
  readonly protocols?: readonly ClusterNetworkPolicyProtocol[];
}

/** Checks a rule's ports (v1alpha1) or protocols (v1alpha2); returns whether one is a named port. */
type PortsCheck = (issues: Issues, field: string, rule: AnyRule, max: number) => boolean;

function checkRules(
  issues: Issues, ingress: readonly AnyRule[] | undefined, egress: readonly AnyRule[] | undefined, kind: KindRules, ports: PortsCheck,
): void {
  checkCount(issues, 'spec.ingress', ingress, 0, kind.maxRules);
  checkCount(issues, 'spec.egress', egress, 0, kind.maxRules);
  (ingress ?? []).forEach((rule, i) => {
    const field = `spec.ingress[${i}]`;
    checkRuleHead(issues, field, rule, kind);
    checkCount(issues, `${field}.from`, rule.from ?? [], 1, kind.maxPeers);
    (rule.from ?? []).forEach((peer, j) => {
      const where = `${field}.from[${j}]`;
      exactlyOne(issues, where, peer, ['namespaces', 'pods']);
      if (peer.namespaces) checkLabelSelector(issues, `${where}.namespaces`, peer.namespaces);
      if (peer.pods) checkNamespacedPod(issues, `${where}.pods`, peer.pods);
    });
    ports(issues, field, rule, kind.maxPeers);
  });
  (egress ?? []).forEach((rule, i) => {
    const field = `spec.egress[${i}]`;
    checkRuleHead(issues, field, rule, kind);
    checkCount(issues, `${field}.to`, rule.to ?? [], 1, kind.maxPeers);
    let addressPeer = false;
    (rule.to ?? []).forEach((peer, j) => {
      const where = `${field}.to[${j}]`;
      addressPeer = checkEgressPeer(issues, where, peer, kind) || addressPeer;
    });
    const named = ports(issues, field, rule, kind.maxPeers);
    if (named && addressPeer) {
      report(issues, field, rule.name ?? `egress rule ${i}`,
        'networks, nodes and domainNames peers cannot be combined with named ports (they have no named ports)',
        'numeric ports or ranges with these peers, or named ports with namespaces and pods peers only');
    }
  });
}

function checkRuleHead(issues: Issues, field: string, rule: AnyRule, kind: KindRules): void {
  if (rule.name !== undefined && rule.name.length > MAX_RULE_NAME) {
    report(issues, `${field}.name`, rule.name, `rule name longer than ${MAX_RULE_NAME} characters`, `at most ${MAX_RULE_NAME} characters`);
  }
  if (!kind.actions.includes(rule.action)) report(issues, `${field}.action`, rule.action, 'unknown action', kind.actions.join(', '));
}

/** Checks an egress peer; returns whether it is a networks, nodes or domainNames peer. */
function checkEgressPeer(issues: Issues, where: string, peer: AdminPolicyEgressPeer, kind: KindRules): boolean {
  const keys = kind.domainNames ? ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'] : ['namespaces', 'pods', 'nodes', 'networks'];
  if (!kind.domainNames && peer.domainNames !== undefined) {
    report(issues, `${where}.domainNames`, peer.domainNames, 'BaselineAdminNetworkPolicy egress peers have no domainNames', keys.join(', '));
  }
  exactlyOne(issues, where, peer, keys);
  if (peer.namespaces) checkLabelSelector(issues, `${where}.namespaces`, peer.namespaces);
  if (peer.pods) checkNamespacedPod(issues, `${where}.pods`, peer.pods);
  if (peer.nodes) checkLabelSelector(issues, `${where}.nodes`, peer.nodes);
  if (peer.networks) {
    checkCount(issues, `${where}.networks`, peer.networks, 1, MAX_NETWORKS);
    peer.networks.forEach((text, k) => checkNetwork(issues, `${where}.networks[${k}]`, text));
  }
  if (peer.domainNames) {
    checkCount(issues, `${where}.domainNames`, peer.domainNames, 1, MAX_NETWORKS);
    peer.domainNames.forEach((name, k) => {
      if (!DOMAIN_NAME.test(name)) {
        report(issues, `${where}.domainNames[${k}]`, name, 'not a domain name', "a DNS name such as example.com, optionally starting with '*.'");
      }
    });
  }
  return peer.networks !== undefined || peer.nodes !== undefined || peer.domainNames !== undefined;
}

/** CEL isCIDR: the syntax of a CIDR, host bits allowed (Calico masks them). */
function checkNetwork(issues: Issues, field: string, text: string): void {
  try {
    Cidr.parse(text);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    report(issues, field, text, e.reason, CIDR_ALLOWED);
  }
}

function checkAnpPorts(issues: Issues, field: string, rule: AnyRule, max: number): boolean {
  if (rule.ports === undefined) return false;
  checkCount(issues, `${field}.ports`, rule.ports, 1, max);
  let named = false;
  rule.ports.forEach((p, i) => {
    const where = `${field}.ports[${i}]`;
    exactlyOne(issues, where, p, ['portNumber', 'namedPort', 'portRange']);
    if (p.portNumber) {
      checkPortProtocol(issues, `${where}.portNumber.protocol`, p.portNumber.protocol);
      checkPortNumber(issues, `${where}.portNumber.port`, p.portNumber.port);
    }
    if (p.portRange) {
      // v1alpha1 has no start < end rule: Calico refuses the rule at conversion instead
      checkPortProtocol(issues, `${where}.portRange.protocol`, p.portRange.protocol);
      checkPortNumber(issues, `${where}.portRange.start`, p.portRange.start);
      checkPortNumber(issues, `${where}.portRange.end`, p.portRange.end);
    }
    if (p.namedPort !== undefined) named = true;
  });
  return named;
}

function checkCnpProtocols(issues: Issues, field: string, rule: AnyRule, max: number): boolean {
  if (rule.protocols === undefined) return false;
  checkCount(issues, `${field}.protocols`, rule.protocols, 1, max);
  let named = false;
  rule.protocols.forEach((p, i) => {
    const where = `${field}.protocols[${i}]`;
    exactlyOne(issues, where, p, ['tcp', 'udp', 'sctp', 'destinationNamedPort']);
    for (const key of ['tcp', 'udp', 'sctp'] as const) {
      const ports = p[key];
      if (ports === undefined) continue;
      const port = ports.destinationPort;
      if (port === undefined) {
        report(issues, `${where}.${key}`, ports, 'no field set', 'destinationPort');
        continue;
      }
      exactlyOne(issues, `${where}.${key}.destinationPort`, port, ['number', 'range']);
      if (port.number !== undefined) checkPortNumber(issues, `${where}.${key}.destinationPort.number`, port.number);
      if (port.range !== undefined) {
        checkPortNumber(issues, `${where}.${key}.destinationPort.range.start`, port.range.start);
        checkPortNumber(issues, `${where}.${key}.destinationPort.range.end`, port.range.end);
        if (port.range.start >= port.range.end) {
          report(issues, `${where}.${key}.destinationPort.range`, `${port.range.start}-${port.range.end}`,
            'start port must be less than end port', 'start < end');
        }
      }
    }
    if (p.destinationNamedPort !== undefined) {
      named = true;
      if (p.destinationNamedPort === '') report(issues, `${where}.destinationNamedPort`, '', 'empty port name', 'a container port name');
    }
  });
  return named;
}
