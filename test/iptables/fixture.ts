// A small hand-made engine model: one worker with a pod and the IKS public/private host endpoints.
import { createHash } from 'crypto';
import {
  CompiledPolicy, CompiledTier, EngineModel, Endpoint, EntityMembers, NetworkSetInfo, Profile,
} from '../../lib/engine/model/types';
import { CalicoRule, EntityRule, ServiceMatch } from '../../lib/model/resources';
import { ServiceSetMembers } from '../../lib/engine/input/service-members';
import { Selector } from '../../lib/model/selector';

/** Calico's veth name: cali + first 11 hex chars of SHA-1("<ns>.<pod>") (calico-facts 4.8). */
export function vethName(ns: string, pod: string): string {
  return `cali${createHash('sha1').update(`${ns}.${pod}`).digest('hex').slice(0, 11)}`;
}

export function workload(ns: string, pod: string, ip: string, labels: Record<string, string>, node = 'worker-1'): Endpoint {
  return {
    id: `${ns}/${pod}`, kind: 'workload', name: pod, namespace: ns, node, interfaceName: vethName(ns, pod), ips: [ip],
    labels: { ...labels, 'projectcalico.org/namespace': ns, 'projectcalico.org/orchestrator': 'k8s' },
    namespaceLabels: { 'kubernetes.io/metadata.name': ns },
    namedPorts: [{ name: 'http', protocol: 'TCP', port: 8080 }], profiles: [`kns.${ns}`],
  };
}

export function hostEndpoint(name: string, iface: string, ip: string, role: string, node = 'worker-1'): Endpoint {
  return {
    id: `hostendpoint/${name}`, kind: 'host', name, node, interfaceName: iface, ips: [ip],
    labels: { 'ibm.role': role }, namedPorts: [], profiles: [],
  };
}

export interface PolicyProps {
  readonly name: string;
  readonly namespace?: string;
  readonly kind?: string;
  readonly tier?: string;
  readonly order?: number;
  readonly selector: string;
  readonly ingress?: CalicoRule[];
  readonly egress?: CalicoRule[];
  readonly preDNAT?: boolean;
  readonly doNotTrack?: boolean;
  readonly applyOnForward?: boolean;
}

export function policy(p: PolicyProps): CompiledPolicy {
  const sel = Selector.parse(p.selector);
  return {
    name: p.name, namespace: p.namespace, tier: p.tier ?? 'default', order: p.order, selector: p.selector,
    selectorKey: `${sel.toString()} && ${p.namespace ?? ''}`,
    ingress: p.ingress, egress: p.egress, preDNAT: p.preDNAT ?? false, doNotTrack: p.doNotTrack ?? false,
    applyOnForward: p.applyOnForward ?? false,
    origin: { kind: p.kind ?? (p.namespace ? 'NetworkPolicy' : 'GlobalNetworkPolicy'), name: p.name, namespace: p.namespace, file: 'policies.yaml', documentIndex: 0 },
    appliesTo: (e: Endpoint) => sel.matches(e.labels) && (p.namespace === undefined || e.namespace === p.namespace),
  };
}

export interface ModelProps {
  readonly endpoints: Endpoint[];
  readonly policies?: CompiledPolicy[];
  readonly networkSets?: NetworkSetInfo[];
  readonly tierDefault?: string;
  /** Members of the services matches, by `namespace/name`. */
  readonly services?: { readonly [key: string]: ServiceSetMembers };
}

/** Members by selector only (namespace scoping of namespaced policies included); enough for fixtures. */
export function model(p: ModelProps): EngineModel {
  const policies = p.policies ?? [];
  const tierNames = [...new Set(policies.map((x) => x.tier))].sort();
  const tiers: CompiledTier[] = tierNames.map((t) => ({
    name: t, defaultAction: p.tierDefault ?? 'Deny',
    policies: policies.filter((x) => x.tier === t).sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.name.localeCompare(b.name)),
  }));
  const profiles = new Map<string, Profile>();
  for (const e of p.endpoints) {
    if (e.namespace) {
      profiles.set(`kns.${e.namespace}`, { name: `kns.${e.namespace}`, ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] });
    }
  }
  const endpoints = p.endpoints;
  const sets = p.networkSets ?? [];
  return {
    nodes: [{ name: 'worker-1', labels: {}, addresses: [{ type: 'InternalIP', address: '192.0.2.1' }] }],
    endpoints, networkSets: sets, tiers, profiles,
    felix: {
      failsafeInbound: [{ protocol: 'tcp', port: 22 }, { protocol: 'udp', port: 68 }],
      failsafeOutbound: [{ protocol: 'udp', port: 53 }, { protocol: 'tcp', port: 179, net: '198.51.100.0/24' }],
      defaultEndpointToHostAction: 'Accept',
      filterDenyAction: 'Drop', allowVXLANPacketsFromWorkloads: false, allowIPIPPacketsFromWorkloads: false, vxlanPort: 4789,
    },
    // A namespaced policy's rule with a selector or a notSelector is scoped to its namespace
    // (libcalico-go getEndpointSelector); the notSelector itself is not part of the members.
    entityMembers(pol: CompiledPolicy, entity: EntityRule): EntityMembers | undefined {
      const scoped = pol.namespace !== undefined && ((entity.selector ?? '') !== '' || (entity.notSelector ?? '') !== '');
      if ((entity.selector ?? '') === '' && !scoped) return undefined;
      const sel = Selector.parse(entity.selector || 'all()');
      return {
        endpoints: endpoints.filter((e) => sel.matches(e.labels) && (pol.namespace === undefined || e.namespace === pol.namespace)),
        networkSets: pol.namespace === undefined ? sets.filter((s) => sel.matches(s.labels)) : [],
      };
    },
    serviceMembers(match: ServiceMatch): ServiceSetMembers {
      return p.services?.[`${match.namespace ?? ''}/${match.name ?? ''}`] ?? { addresses: [], ipPorts: [] };
    },
    selectorMembers(selector: string): EntityMembers {
      const sel = Selector.parse(selector);
      return { endpoints: endpoints.filter((e) => sel.matches(e.labels)), networkSets: sets.filter((s) => sel.matches(s.labels)) };
    },
  };
}

/** The lab-like model used by the plan snapshot and the kernel load check. */
export function labModel(): EngineModel {
  const web = workload('default', 'web', '192.0.2.11', { app: 'web' });
  const db = workload('default', 'db', '192.0.2.12', { app: 'db' });
  const pub = hostEndpoint('worker-1-public', 'eth1', '203.0.113.10', 'worker_public');
  const priv = hostEndpoint('worker-1-private', 'eth0', '198.51.100.10', 'worker_private');
  return model({
    endpoints: [web, db, pub, priv],
    networkSets: [{ id: 'globalnetworkset/office', name: 'office', labels: { role: 'office' }, nets: ['203.0.113.128/25'] }],
    policies: [
      policy({
        name: 'allow-icmp', order: 1700, selector: "ibm.role == 'worker_public'",
        ingress: [{ action: 'Allow', protocol: 'ICMP' }],
      }),
      policy({
        name: 'allow-kubelet-port', order: 1800, selector: "ibm.role == 'worker_public'",
        ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: ['10250'] } }],
      }),
      policy({
        name: 'allow-all-private-default', order: 100000, selector: "ibm.role == 'worker_private'",
        ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }],
      }),
      policy({
        name: 'allow-all-outbound', order: 1900, selector: "ibm.role == 'worker_public'",
        egress: [{ action: 'Allow' }],
      }),
      policy({
        name: 'deny-nodeports', order: 1100, selector: "ibm.role == 'worker_public'", preDNAT: true, applyOnForward: true,
        ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } }],
      }),
      policy({
        name: 'untracked-office', order: 1000, selector: "ibm.role == 'worker_public'", doNotTrack: true, applyOnForward: true,
        ingress: [{ action: 'Allow', protocol: 'UDP', source: { selector: "role == 'office'" }, destination: { ports: ['5000'] } }],
      }),
      policy({
        name: 'knp.default.db-from-web', namespace: 'default', order: 1000, selector: "app == 'db'",
        ingress: [{ action: 'Allow', protocol: 'TCP', source: { selector: "app == 'web'" }, destination: { ports: ['http', '5432'] } }],
      }),
    ],
  });
}
