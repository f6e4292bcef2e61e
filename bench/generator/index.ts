// A seeded generator of realistic clusters for the benchmarks: inventory plus a policy mix.
import { dump } from 'js-yaml';
import { K8sNetworkPolicy, NetsecResource } from '../../lib/model/resources';
import { renderResource } from '../../lib/model/parse';
import { Rng } from '../../lib/util/rng';
import { ClusterShape, GeneratedInventory, generateInventory, inventoryList } from './cluster';
import { CalicoResource, generateCalicoPolicies, generateHostEndpoints, generateNetworkSets, securityTier } from './calico-policies';
import { generateKubePolicies } from './kube-policies';


/** What to generate. */
export interface ClusterSpec extends Partial<ClusterShape> {
  readonly seed: number;
  readonly pods: number;
  /** Policies in total (Kubernetes plus Calico NetworkPolicy/GlobalNetworkPolicy). */
  readonly policies: number;
  /** Share of the policies that are Calico kinds. @default 0.4 */
  readonly calicoShare?: number;
  /** A HostEndpoint per node plus host policies. @default true */
  readonly hostEndpoints?: boolean;
  /** Network sets (global and namespaced). @default max(3, policies / 50) */
  readonly networkSets?: number;
}

export interface GeneratedCluster {
  readonly spec: Required<ClusterSpec>;
  readonly inventory: GeneratedInventory;
  readonly kubePolicies: readonly K8sNetworkPolicy[];
  /** Tier, network sets, host endpoints and Calico policies. */
  readonly calicoResources: readonly CalicoResource[];
}

/** Defaults: a namespace per 100 pods (at least 4), a node per 100 pods (at least 3), 8 pods per Deployment on average. */
export function resolveSpec(spec: ClusterSpec): Required<ClusterSpec> {
  return {
    seed: spec.seed,
    pods: spec.pods,
    policies: spec.policies,
    namespaces: spec.namespaces ?? Math.max(4, Math.round(spec.pods / 100)),
    nodes: spec.nodes ?? Math.max(3, Math.ceil(spec.pods / 100)),
    meanReplicas: spec.meanReplicas ?? 8,
    calicoShare: spec.calicoShare ?? 0.4,
    hostEndpoints: spec.hostEndpoints ?? true,
    networkSets: spec.networkSets ?? Math.max(3, Math.round(spec.policies / 50)),
  };
}

/** Generates the cluster; the same spec (seed included) always gives the same cluster. */
export function generateCluster(input: ClusterSpec): GeneratedCluster {
  const spec = resolveSpec(input);
  const rng = new Rng(spec.seed);
  const inventory = generateInventory(rng, spec);
  const calicoCount = Math.round(spec.policies * spec.calicoShare);
  const kubePolicies = generateKubePolicies(rng, inventory, spec.policies - calicoCount);
  const calicoResources: CalicoResource[] = [
    securityTier(),
    ...generateNetworkSets(rng, inventory, spec.networkSets),
    ...(spec.hostEndpoints ? generateHostEndpoints(inventory) : []),
    ...generateCalicoPolicies(rng, inventory, calicoCount, spec.hostEndpoints),
  ];
  return { spec, inventory, kubePolicies, calicoResources };
}

/** The manifests as plain objects, rendered by the model's canonical renderer. */
export function manifestObjects(cluster: GeneratedCluster): { [key: string]: unknown }[] {
  const all: NetsecResource[] = [...cluster.kubePolicies, ...cluster.calicoResources];
  return all.map((r) => renderResource(r));
}

/** The manifests as one YAML stream and the inventory as one `kind: List` YAML document. */
export function clusterYaml(cluster: GeneratedCluster): { manifests: string; inventory: string } {
  return {
    manifests: manifestObjects(cluster).map((d) => dump(d, { noRefs: true })).join('---\n'),
    inventory: dump(inventoryList(cluster.inventory), { noRefs: true }),
  };
}
