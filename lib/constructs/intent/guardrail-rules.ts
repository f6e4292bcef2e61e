import {
  ClusterNetworkPolicyEgressPeer, ClusterNetworkPolicyEgressRule, ClusterNetworkPolicyIngressRule, ClusterNetworkPolicyIngressPeer, ClusterNetworkPolicyProtocol, ClusterNetworkPolicySpec,
} from '../../model/resources';
import { Construct } from 'constructs';
import { KubeClusterNetworkPolicy } from '../l1/kube-cluster-network-policy';
import { LabelSelector } from '../vocabulary/label-selector';
import { IPeer } from '../vocabulary/peer-types';
import { Port } from '../vocabulary/port';
import { IntentProblems } from './collect-errors';

/** The two tiers of a ClusterNetworkPolicy (sig-network v1alpha2 `spec.tier`). */
export enum GuardrailTier {
  /** Evaluated before every namespace policy (Calico tier `kube-admin`). */
  ADMIN = 'Admin',
  /** Evaluated after the namespace policies, only when none of them decided (Calico tier `kube-baseline`). */
  BASELINE = 'Baseline',
}

const CNP_PRIORITY_MAX = 1000;

/** The priority of a guardrail: an integer 0-1000, or a problem naming the field. Internal. */
export function guardrailPriority(priority: number): number {
  if (!Number.isInteger(priority) || priority < 0 || priority > CNP_PRIORITY_MAX) {
    throw new IntentProblems([`priority: ${JSON.stringify(priority)} is not allowed; allowed: an integer 0-${CNP_PRIORITY_MAX} (lower is evaluated first)`]);
  }
  return priority;
}

/** An egress destination of a ClusterNetworkPolicy from a {@link Peer}: pods (with a namespace), namespaces or a CIDR. Internal. */
export function egressPeer(field: string, peer: IPeer): ClusterNetworkPolicyEgressPeer {
  const k = kubernetesPeer(field, peer);
  if (k.ipBlock !== undefined) {
    if ((k.ipBlock.except ?? []).length > 0) {
      throw new IntentProblems([`${field}: ${peer.description}: a ClusterNetworkPolicy network has no except; allowed: Peer.cidr without except`]);
    }
    return { networks: [k.ipBlock.cidr] };
  }
  return namespacedPeer(field, peer, k);
}

/** An ingress source of a ClusterNetworkPolicy from a {@link Peer}: pods (with a namespace) or namespaces. Internal. */
export function ingressPeer(field: string, peer: IPeer): ClusterNetworkPolicyIngressPeer {
  const k = kubernetesPeer(field, peer);
  if (k.ipBlock !== undefined) {
    throw new IntentProblems([`${field}: ${peer.description}: a ClusterNetworkPolicy ingress rule cannot match addresses; allowed: Peer.pods (with a namespace), Peer.namespace, Peer.namespaces`]);
  }
  return namespacedPeer(field, peer, k);
}

function kubernetesPeer(field: string, peer: IPeer): ReturnType<IPeer['toKubernetes']> {
  if (!peer.kubernetesExpressible) {
    throw new IntentProblems([`${field}: ${peer.description} cannot be written in a ClusterNetworkPolicy; allowed: Peer.pods (with a namespace), Peer.namespace, Peer.namespaces, Peer.cidr (egress)`]);
  }
  return peer.toKubernetes();
}

function namespacedPeer(field: string, peer: IPeer, k: ReturnType<IPeer['toKubernetes']>): ClusterNetworkPolicyIngressPeer {
  if (k.podSelector !== undefined) {
    if (k.namespaceSelector === undefined) {
      throw new IntentProblems([`${field}: ${peer.description} has no namespace and a ClusterNetworkPolicy has none of its own; allowed: give the namespace argument`]);
    }
    return { pods: { namespaceSelector: k.namespaceSelector, podSelector: k.podSelector } };
  }
  return { namespaces: k.namespaceSelector ?? {} };
}

/** The protocol matches of a ClusterNetworkPolicy rule from {@link Port}s; none for every port. Internal. */
export function guardrailProtocols(field: string, ports: readonly Port[] | undefined): ClusterNetworkPolicyProtocol[] | undefined {
  if (ports === undefined || ports.length === 0 || ports.some((p) => p.isAllTraffic)) return undefined;
  return ports.map((p, i) => {
    if (!p.kubernetesExpressible) {
      throw new IntentProblems([`${field}[${i}]: ${p.toString()} cannot be written in a ClusterNetworkPolicy; allowed: TCP, UDP or SCTP ports, a named port, all traffic`]);
    }
    const k = p.toKubernetes();
    const protocol = (k.protocol ?? 'TCP').toLowerCase() as 'tcp' | 'udp' | 'sctp';
    if (k.port === undefined) return { [protocol]: {} };
    if (!/^[0-9]+$/.test(k.port)) return { destinationNamedPort: k.port };
    const start = Number(k.port);
    const destinationPort = k.endPort !== undefined && k.endPort !== start ? { range: { start, end: k.endPort } } : { number: start };
    return { [protocol]: { destinationPort } };
  });
}

/** Emits one ClusterNetworkPolicy as child `id` of `scope`. Internal. */
export function emitGuardrail(scope: Construct, id: string, name: string, spec: ClusterNetworkPolicySpec): KubeClusterNetworkPolicy {
  return new KubeClusterNetworkPolicy(scope, id, { metadata: { name }, spec });
}

/** The ingress and egress rules of a guardrail from its `to`/`from` peers and ports, all with one action. Internal. */
export function peerRules(action: string, ruleName: string, to: readonly IPeer[], from: readonly IPeer[], ports: readonly Port[] | undefined):
{ ingress?: ClusterNetworkPolicyIngressRule[]; egress?: ClusterNetworkPolicyEgressRule[] } {
  if (to.length === 0 && from.length === 0) throw new IntentProblems(['to, from: both empty; allowed: at least one peer in to or from']);
  const problems: string[] = [];
  const each = <T>(field: string, peers: readonly IPeer[], f: (field: string, p: IPeer) => T): T[] => peers.flatMap((p, i) => {
    try {
      return [f(`${field}[${i}]`, p)];
    } catch (e) {
      problems.push(...(e instanceof IntentProblems ? e.problems : [`${field}[${i}]: ${(e as Error).message}`]));
      return [];
    }
  });
  const toPeers = each('to', to, egressPeer);
  const fromPeers = each('from', from, ingressPeer);
  const protocols = guardrailProtocols('ports', ports);
  if (problems.length > 0) throw new IntentProblems(problems);
  return {
    ...(fromPeers.length > 0 ? { ingress: [{ name: ruleName, action, from: fromPeers, protocols }] } : {}),
    ...(toPeers.length > 0 ? { egress: [{ name: ruleName, action, to: toPeers, protocols }] } : {}),
  };
}

/** What GuardrailAllow and GuardrailDeny are given (their props, less the docs). */
interface PeerGuardrailInput {
  readonly name?: string;
  readonly to?: IPeer[];
  readonly from?: IPeer[];
  readonly ports?: Port[];
  readonly namespaces?: LabelSelector;
  readonly tier?: GuardrailTier;
  readonly priority?: number;
}

/** One ClusterNetworkPolicy with one rule of `action` to and from the peers, over the namespaces' pods. */
export function emitPeerGuardrail(
  scope: Construct, id: string, props: PeerGuardrailInput, action: 'Accept' | 'Deny', defaultPriority: number,
): void {
  const priority = guardrailPriority(props.priority ?? defaultPriority);
  const rules = peerRules(action, action === 'Accept' ? 'allow' : 'deny', props.to ?? [], props.from ?? [], props.ports);
  emitGuardrail(scope, 'Resource', props.name ?? id, {
    tier: props.tier ?? GuardrailTier.ADMIN, priority, subject: { namespaces: (props.namespaces ?? LabelSelector.all()).toKubernetes() },
    ...rules,
  });
}
