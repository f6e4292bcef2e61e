// Calico resources over a generated inventory: NetworkPolicies and GlobalNetworkPolicies (orders,
// selectors, nets, port ranges, named ports, a `security` tier, host endpoint policies),
// GlobalNetworkSets, NetworkSets, a HostEndpoint per node.
import {
  CalicoNetworkPolicyResource, CalicoRule, GlobalNetworkPolicy, GlobalNetworkSet, HostEndpoint, NetworkSet, Tier,
} from '../../lib/model/resources';
import { Rng } from '../../lib/util/rng';
import { ENVS, GeneratedInventory, NODE_CIDR, POD_CIDR, TEAMS, TIERS, Workload } from './cluster';
import { EXTERNAL_CIDRS } from './kube-policies';

const API = 'projectcalico.org/v3';
const NET_ROLES = ['blocked', 'partner', 'monitoring'];
/** Label every generated HostEndpoint carries; host policies select it. */
export const HOST_ROLE_SELECTOR = "has(node-role) && ibm.role == 'worker_private'";

export type CalicoResource = CalicoNetworkPolicyResource | GlobalNetworkPolicy | GlobalNetworkSet | NetworkSet | HostEndpoint | Tier;

/** The `security` tier (order 100) every cluster gets. */
export function securityTier(): Tier {
  return { apiVersion: API, kind: 'Tier', metadata: { name: 'security' }, spec: { order: 100, defaultAction: 'Deny' } };
}

/** `count` GlobalNetworkSets and NetworkSets labelled with a role, external nets only. */
export function generateNetworkSets(rng: Rng, inv: GeneratedInventory, count: number): (GlobalNetworkSet | NetworkSet)[] {
  const out: (GlobalNetworkSet | NetworkSet)[] = [];
  const apps = inv.namespaces.slice(1);
  for (let i = 0; i < count; i++) {
    const labels = { role: NET_ROLES[i % NET_ROLES.length] };
    const nets = [`${rng.pick(['192.0.2', '198.51.100', '203.0.113'])}.${rng.int(0, 15) * 16}/28`, `172.${rng.int(16, 31)}.${rng.int(0, 255)}.0/24`];
    if (i % 2 === 0) out.push({ apiVersion: API, kind: 'GlobalNetworkSet', metadata: { name: `gns-${i}`, labels }, spec: { nets } });
    else out.push({ apiVersion: API, kind: 'NetworkSet', metadata: { name: `ns-${i}`, namespace: rng.pick(apps).name, labels }, spec: { nets } });
  }
  return out;
}

/** One HostEndpoint per node on eth0 with the node's InternalIP. */
export function generateHostEndpoints(inv: GeneratedInventory): HostEndpoint[] {
  return inv.nodes.map((n) => ({
    apiVersion: API, kind: 'HostEndpoint',
    metadata: { name: `${n.name}-eth0`, labels: { 'node-role': 'worker', 'ibm.role': 'worker_private', node: n.name } },
    spec: { node: n.name, interfaceName: 'eth0', expectedIPs: [n.ip] },
  }));
}

/** `count` Calico policies: about 60% namespaced NetworkPolicies, 40% GlobalNetworkPolicies. */
export function generateCalicoPolicies(rng: Rng, inv: GeneratedInventory, count: number, hostEndpoints: boolean): (CalicoNetworkPolicyResource | GlobalNetworkPolicy)[] {
  const byNs = new Map<string, Workload[]>();
  for (const w of inv.workloads) if (w.namespace !== 'kube-system') byNs.set(w.namespace, [...(byNs.get(w.namespace) ?? []), w]);
  const namespaces = [...byNs.keys()];
  const out: (CalicoNetworkPolicyResource | GlobalNetworkPolicy)[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 5 < 3) {
      const ns = namespaces[i % namespaces.length];
      out.push(namespacedPolicy(rng, `cnp-${i}`, ns, byNs.get(ns) ?? []));
    } else if (hostEndpoints && i % 10 === 4) {
      out.push(hostPolicy(rng, `host-${i}`));
    } else {
      out.push(globalPolicy(rng, `gnp-${i}`));
    }
  }
  return out;
}

function ports(rng: Rng, w: Workload): string[] {
  const list = rng.sample(w.ports, rng.int(1, 2)).map((p) => (rng.chance(0.3) ? p.name : String(p.port)));
  if (rng.chance(0.15)) list.push('8000:8100');
  return list;
}

function source(rng: Rng, workloads: readonly Workload[]): CalicoRule['source'] {
  const r = rng.next();
  if (r < 0.4) return { selector: `app == '${rng.pick(workloads).app}'` };
  if (r < 0.55) return { selector: `tier in {'${rng.pick(TIERS)}', '${rng.pick(TIERS)}'}` };
  if (r < 0.7) return { namespaceSelector: `team == '${rng.pick(TEAMS)}'`, selector: `tier == '${rng.pick(TIERS)}'` };
  if (r < 0.85) return { nets: [rng.pick(EXTERNAL_CIDRS)], ...(rng.chance(0.3) ? { notNets: ['172.16.99.0/24'] } : {}) };
  return { selector: `role == '${rng.pick(NET_ROLES)}'` };
}

function namespacedPolicy(rng: Rng, name: string, namespace: string, workloads: readonly Workload[]): CalicoNetworkPolicyResource {
  const target = rng.pick(workloads);
  const selector = rng.chance(0.7) ? `app == '${target.app}'` : `tier == '${target.tier}' && has(version)`;
  const ingress: CalicoRule[] = [];
  for (let r = rng.int(1, 3); r > 0; r--) {
    const action = rng.chance(0.8) ? 'Allow' : 'Deny';
    ingress.push({ action, protocol: 'TCP', source: source(rng, workloads), destination: { ports: ports(rng, target) } });
  }
  const egress: CalicoRule[] | undefined = rng.chance(0.3)
    ? [{ action: 'Deny', destination: { selector: "role == 'blocked'" } }, { action: 'Allow', protocol: 'TCP', destination: { nets: [rng.pick(EXTERNAL_CIDRS)], ports: ['443'] } }]
    : undefined;
  return {
    apiVersion: API, kind: 'NetworkPolicy', metadata: { name, namespace },
    spec: {
      order: rng.int(10, 100) * 10, selector, types: egress ? ['Ingress', 'Egress'] : ['Ingress'], ingress, ...(egress ? { egress } : {}),
    },
  };
}

function globalPolicy(rng: Rng, name: string): GlobalNetworkPolicy {
  if (rng.chance(0.5)) {
    // security tier: deny known-bad sources, pass the rest to the default tier
    return {
      apiVersion: API, kind: 'GlobalNetworkPolicy', metadata: { name: `security.${name}` },
      spec: {
        tier: 'security', order: rng.int(1, 50) * 10, selector: rng.chance(0.5) ? 'all()' : `tier == '${rng.pick(TIERS)}'`,
        ...(rng.chance(0.5) ? { namespaceSelector: `env == '${rng.pick(ENVS)}'` } : {}),
        types: ['Ingress', 'Egress'],
        ingress: [{ action: 'Deny', source: { selector: "role == 'blocked'" } }, { action: 'Deny', protocol: 'TCP', source: { nets: [rng.pick(EXTERNAL_CIDRS)] }, destination: { ports: ['22', '3306'] } }, { action: 'Pass' }],
        egress: [{ action: 'Deny', destination: { selector: "role == 'blocked'" } }, { action: 'Pass' }],
      },
    };
  }
  return {
    apiVersion: API, kind: 'GlobalNetworkPolicy', metadata: { name },
    spec: {
      order: rng.int(100, 2000), selector: `tier == '${rng.pick(TIERS)}'`, namespaceSelector: `team == '${rng.pick(TEAMS)}'`,
      types: ['Ingress'],
      ingress: [
        { action: 'Allow', protocol: 'TCP', source: { selector: "role == 'monitoring'" }, destination: { ports: ['9090'] } },
        { action: rng.chance(0.7) ? 'Allow' : 'Deny', protocol: rng.chance(0.8) ? 'TCP' : 'UDP', source: { namespaceSelector: `env == '${rng.pick(ENVS)}'` }, destination: { ports: [String(rng.pick([8080, 9000, 5432, 6379]))] } },
      ],
    },
  };
}

function hostPolicy(rng: Rng, name: string): GlobalNetworkPolicy {
  const preDNAT = rng.chance(0.3);
  return {
    apiVersion: API, kind: 'GlobalNetworkPolicy', metadata: { name },
    spec: {
      order: rng.int(1, 20) * 100, selector: HOST_ROLE_SELECTOR, applyOnForward: true, ...(preDNAT ? { preDNAT: true } : {}),
      types: preDNAT ? ['Ingress'] : ['Ingress', 'Egress'],
      ingress: [
        { action: 'Deny', protocol: 'TCP', source: { nets: [rng.pick(EXTERNAL_CIDRS)] }, destination: { ports: ['30000:32767'] } },
        { action: 'Allow', source: { nets: [NODE_CIDR, POD_CIDR] } },
      ],
      ...(preDNAT ? {} : { egress: [{ action: 'Allow', destination: { nets: [NODE_CIDR, POD_CIDR] } }] }),
    },
  };
}
