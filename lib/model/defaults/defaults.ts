// The defaults the API servers fill in before anything enforces a resource read from a file.
import {
  CALICO_TIER_LABEL, CalicoPolicySpec, ObjectMeta, K8sNetworkPolicy, NetsecResource, NetworkPolicyPort, isClusterScoped, isKubernetesResource,
} from '../resources';
import { AppliedDefault, Defaulted } from './applied';
import { defaultIpPool } from './ippool';
import { defaultCalicoPolicyTypes, defaultK8sPolicyTypes } from './policy-types';

const KUBE_APISERVER = 'kube-apiserver';
const CALICO = 'Calico API server';
const KUBECTL = 'kubectl and calicoctl use the context namespace';

/** Options of applyDefaults. */
export interface DefaultOptions {
  /** Namespace for namespaced resources that name none (what kubectl's context would give). @default 'default' */
  readonly namespace?: string;
}

const list = (types: readonly string[]): string => `[${types.join(', ')}]`;

function defaultPorts(ports: readonly NetworkPolicyPort[] | undefined, field: string, out: AppliedDefault[]): NetworkPolicyPort[] | undefined {
  if (!ports) return undefined;
  return ports.map((p, i) => {
    if (p.protocol !== undefined) return p;
    out.push({ field: `${field}[${i}].protocol`, value: 'TCP', by: KUBE_APISERVER });
    return { ...p, protocol: 'TCP' };
  });
}

function defaultK8s(np: K8sNetworkPolicy, out: AppliedDefault[]): K8sNetworkPolicy {
  const spec = np.spec;
  let policyTypes = spec.policyTypes;
  if (!policyTypes || policyTypes.length === 0) {
    policyTypes = defaultK8sPolicyTypes((spec.egress ?? []).length);
    out.push({ field: 'spec.policyTypes', value: list(policyTypes), by: KUBE_APISERVER });
  }
  const ingress = spec.ingress?.map((r, i) => (r.ports ? { ...r, ports: defaultPorts(r.ports, `spec.ingress[${i}].ports`, out) } : r));
  const egress = spec.egress?.map((r, i) => (r.ports ? { ...r, ports: defaultPorts(r.ports, `spec.egress[${i}].ports`, out) } : r));
  return {
    ...np,
    spec: { ...spec, policyTypes, ...(ingress ? { ingress } : {}), ...(egress ? { egress } : {}) },
  };
}

const DEFAULT_TIER = 'default';

/**
 * A Calico policy as the Calico API server stores it (api/pkg/defaults, and the CRD's
 * `+kubebuilder:default` markers): `types` from the rules present, `tier` `default`, and the
 * `projectcalico.org/tier` label naming the tier.
 */
function defaultCalicoPolicy<T extends { readonly metadata: ObjectMeta; readonly spec: CalicoPolicySpec }>(p: T, out: AppliedDefault[]): T {
  let spec = p.spec;
  if (!spec.types || spec.types.length === 0) {
    const types = defaultCalicoPolicyTypes((spec.ingress ?? []).length, (spec.egress ?? []).length);
    out.push({ field: 'spec.types', value: list(types), by: CALICO });
    spec = { ...spec, types };
  }
  if (spec.tier === undefined || spec.tier === '') {
    out.push({ field: 'spec.tier', value: DEFAULT_TIER, by: CALICO });
    spec = { ...spec, tier: DEFAULT_TIER };
  }
  let metadata = p.metadata;
  const tier = spec.tier ?? DEFAULT_TIER;
  if (metadata.labels?.[CALICO_TIER_LABEL] !== tier) {
    out.push({ field: `metadata.labels.${CALICO_TIER_LABEL}`, value: tier, by: CALICO, enforced: false });
    metadata = { ...metadata, labels: { ...metadata.labels, [CALICO_TIER_LABEL]: tier } };
  }
  return { ...p, metadata, spec };
}

/**
 * Fills in what kube-apiserver, the Calico API server (or calicoctl) and kubectl would fill in
 * before the resource is stored: a Kubernetes NetworkPolicy's `policyTypes` and port protocols,
 * a Calico policy's `types`, `tier` and tier label, a Tier's `defaultAction`, the namespace of a namespaced resource that names none. The result
 * says which defaults were applied, so answers can say when a default decided something.
 */
export function applyDefaults(r: NetsecResource, options: DefaultOptions = {}): Defaulted<NetsecResource> {
  const out: AppliedDefault[] = [];
  let resource: NetsecResource = r;
  const clusterScoped = isClusterScoped(r);
  if (!clusterScoped && r.metadata.namespace === undefined) {
    const namespace = options.namespace ?? 'default';
    out.push({ field: 'metadata.namespace', value: namespace, by: KUBECTL });
    resource = { ...resource, metadata: { ...resource.metadata, namespace } } as NetsecResource;
  }
  if (isKubernetesResource(resource)) {
    resource = defaultK8s(resource, out);
  } else if (resource.kind === 'NetworkPolicy' || resource.kind === 'GlobalNetworkPolicy') {
    resource = defaultCalicoPolicy(resource, out);
  } else if (resource.kind === 'Tier' && resource.spec?.defaultAction === undefined) {
    out.push({ field: 'spec.defaultAction', value: 'Deny', by: CALICO });
    resource = { ...resource, spec: { ...resource.spec, defaultAction: 'Deny' } };
  } else if (resource.kind === 'IPPool') {
    resource = defaultIpPool(resource, CALICO, out);
  }
  return { resource, defaults: out };
}
