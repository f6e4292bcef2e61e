// Kubernetes NetworkPolicies over a generated inventory. Every rule has exactly one peer and numeric
// ports, so that cdk8s-plus (one peer per addIngressRule/addEgressRule, numeric ports) can express
// exactly the same policies.
import { K8sNetworkPolicy, K8sLabelSelector, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyIngressRule, NetworkPolicyEgressRule } from '../../lib/model/resources';
import { Rng } from '../../lib/util/rng';
import { ENVS, GeneratedInventory, TEAMS, TIERS, Workload } from './cluster';

/** Addresses outside the cluster that policies name (documentation ranges and a corporate range). */
export const EXTERNAL_CIDRS = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '172.16.0.0/12', '172.20.0.0/16', '100.64.0.0/10'];

/** P Kubernetes policies spread over the inventory's application namespaces (names unique per namespace). */
export function generateKubePolicies(rng: Rng, inv: GeneratedInventory, count: number, namePrefix = 'knp'): K8sNetworkPolicy[] {
  const byNs = new Map<string, Workload[]>();
  for (const w of inv.workloads) if (w.namespace !== 'kube-system') byNs.set(w.namespace, [...(byNs.get(w.namespace) ?? []), w]);
  const namespaces = [...byNs.keys()];
  const out: K8sNetworkPolicy[] = [];
  for (let i = 0; i < count; i++) {
    const ns = namespaces[i % namespaces.length];
    out.push(kubePolicy(rng, `${namePrefix}-${i}`, ns, byNs.get(ns) ?? []));
  }
  return out;
}

function kubePolicy(rng: Rng, name: string, namespace: string, workloads: readonly Workload[]): K8sNetworkPolicy {
  const metadata = { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'bench' } };
  const roll = rng.next();
  if (roll < 0.1) {
    // default deny ingress for the namespace
    return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
  }
  const target = rng.pick(workloads);
  const podSelector: K8sLabelSelector = rng.chance(0.8) ? { matchLabels: { app: target.app } } : { matchLabels: { tier: target.tier } };
  const ingress: NetworkPolicyIngressRule[] = [];
  const egress: NetworkPolicyEgressRule[] = [];
  if (roll < 0.8) {
    for (let r = rng.int(1, 3); r > 0; r--) ingress.push({ from: [ingressPeer(rng, workloads)], ports: targetPorts(rng, target) });
  }
  if (roll >= 0.8 || rng.chance(0.4)) {
    egress.push({
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [{ protocol: 'UDP', port: '53' }, { protocol: 'TCP', port: '53' }],
    });
    if (rng.chance(0.5)) egress.push({ to: [{ podSelector: { matchLabels: { tier: 'db' } } }], ports: [{ protocol: 'TCP', port: '5432' }] });
    if (rng.chance(0.5)) egress.push({ to: [{ ipBlock: { cidr: rng.pick(EXTERNAL_CIDRS) } }], ports: [{ protocol: 'TCP', port: '443' }] });
  }
  const policyTypes = [...(ingress.length > 0 ? ['Ingress'] : []), ...(egress.length > 0 ? ['Egress'] : [])];
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata,
    spec: { podSelector, policyTypes, ...(ingress.length ? { ingress } : {}), ...(egress.length ? { egress } : {}) },
  };
}

function ingressPeer(rng: Rng, workloads: readonly Workload[]): NetworkPolicyPeer {
  const r = rng.next();
  if (r < 0.5) {
    return rng.chance(0.7) ? { podSelector: { matchLabels: { app: rng.pick(workloads).app } } } : { podSelector: { matchLabels: { tier: rng.pick(TIERS) } } };
  }
  if (r < 0.65) return { namespaceSelector: { matchLabels: { team: rng.pick(TEAMS) } } };
  if (r < 0.8) {
    return { namespaceSelector: { matchLabels: { env: rng.pick(ENVS) } }, podSelector: { matchLabels: { tier: rng.pick(TIERS) } } };
  }
  const cidr = rng.pick(EXTERNAL_CIDRS);
  return rng.chance(0.3) && cidr === '172.16.0.0/12' ? { ipBlock: { cidr, except: ['172.16.99.0/24'] } } : { ipBlock: { cidr } };
}

function targetPorts(rng: Rng, w: Workload): NetworkPolicyPort[] | undefined {
  if (rng.chance(0.1)) return undefined; // all ports
  const ports: NetworkPolicyPort[] = rng.sample(w.ports, rng.int(1, 2)).map((p) => ({ protocol: 'TCP', port: String(p.port) }));
  if (rng.chance(0.1)) ports.push({ protocol: 'TCP', port: '8000', endPort: 8100 });
  return ports;
}
