// A small hand-made engine model: one worker with a pod and the IKS public/private host endpoints.
import { createHash } from 'crypto';
import {
  CompiledPolicy, CompiledTier, EngineModel, Endpoint, EntityMembers, NetworkSetInfo, Profile,
} from '../../lib/engine/model/types';
import { CalicoVersion, DEFAULT_CALICO_VERSION } from '../../lib/model/calico-version';
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
  readonly calicoVersion?: CalicoVersion;
}

export function policy(p: PolicyProps): CompiledPolicy {
  const sel = Selector.parse(p.selector);
  return {
    name: p.name, namespace: p.namespace, tier: p.tier ?? 'default', calicoVersion: p.calicoVersion ?? DEFAULT_CALICO_VERSION, order: p.order, selector: p.selector,
    selectorKey: `${sel.toString()} && ${p.namespace ?? ''}`,
    felixSelector: p.namespace ? `(${p.selector}) && projectcalico.org/namespace == '${p.namespace}'` : p.selector,
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
  /** @default DEFAULT_CALICO_VERSION */
  readonly calicoVersion?: CalicoVersion;
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
    endpoints, networkSets: sets, tiers, profiles, calicoVersion: p.calicoVersion ?? DEFAULT_CALICO_VERSION,
    felix: {
      failsafeInbound: [{ protocol: 'tcp', port: 22 }, { protocol: 'udp', port: 68 }],
      failsafeOutbound: [{ protocol: 'udp', port: 53 }, { protocol: 'tcp', port: 179, net: '198.51.100.0/24' }],
      defaultEndpointToHostAction: 'Accept',
      filterDenyAction: 'Drop', allowVXLANPacketsFromWorkloads: false, allowIPIPPacketsFromWorkloads: false, vxlanPort: 4789, ipv6Support: true,
      markMask: 0xffff0000, logPrefix: 'calico-packet', disableConntrackInvalidCheck: false, flowLogs: false, ipipEnabled: false, vxlanEnabled: false, vxlanEnabledV6: false, ipPools: [],
      natOutgoing: { excludeHosts: false },
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

/**
 * The lab-like model used by the plan snapshot and the kernel load check, declared for Calico 3.31
 * (its Kubernetes policy carries 3.31's `knp.default.` name; chain IDs are 3.31's `<tier>/<name>`).
 */
export function labModel(): EngineModel {
  const web = workload('default', 'web', '192.0.2.11', { app: 'web' });
  const db = workload('default', 'db', '192.0.2.12', { app: 'db' });
  const pub = hostEndpoint('worker-1-public', 'eth1', '203.0.113.10', 'worker_public');
  const priv = hostEndpoint('worker-1-private', 'eth0', '198.51.100.10', 'worker_private');
  const policy31 = (p: PolicyProps): CompiledPolicy => policy({ ...p, calicoVersion: '3.31' });
  return model({
    calicoVersion: '3.31',
    endpoints: [web, db, pub, priv],
    networkSets: [{ id: 'globalnetworkset/office', name: 'office', labels: { role: 'office' }, nets: ['203.0.113.128/25'] }],
    policies: [
      policy31({
        name: 'allow-icmp', order: 1700, selector: "ibm.role == 'worker_public'",
        ingress: [{ action: 'Allow', protocol: 'ICMP' }],
      }),
      policy31({
        name: 'allow-kubelet-port', order: 1800, selector: "ibm.role == 'worker_public'",
        ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: ['10250'] } }],
      }),
      policy31({
        name: 'allow-all-private-default', order: 100000, selector: "ibm.role == 'worker_private'",
        ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }],
      }),
      policy31({
        name: 'allow-all-outbound', order: 1900, selector: "ibm.role == 'worker_public'",
        egress: [{ action: 'Allow' }],
      }),
      policy31({
        name: 'deny-nodeports', order: 1100, selector: "ibm.role == 'worker_public'", preDNAT: true, applyOnForward: true,
        ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } }],
      }),
      policy31({
        name: 'untracked-office', order: 1000, selector: "ibm.role == 'worker_public'", doNotTrack: true, applyOnForward: true,
        ingress: [{ action: 'Allow', protocol: 'UDP', source: { selector: "role == 'office'" }, destination: { ports: ['5000'] } }],
      }),
      policy31({
        name: 'knp.default.db-from-web', namespace: 'default', order: 1000, selector: "app == 'db'",
        ingress: [{ action: 'Allow', protocol: 'TCP', source: { selector: "app == 'web'" }, destination: { ports: ['http', '5432'] } }],
      }),
    ],
  });
}
