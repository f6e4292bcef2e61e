// Pods derived from workload manifests when no inventory gives pods: one per workload, with addresses
// from a pool that no policy names, so that no address-based rule can decide for them by accident.
import { IPv4, IPv4CidrRange } from 'ip-num';
import { Cidr } from '../../model/net';
import { K8S_NAMESPACE_NAME_LABEL, NetsecResource, isAdminPolicyResource, isKubernetesResource } from '../../model/resources';
import { InputError } from './errors';
import { InventoryNamespace, InventoryPod } from './inventory';
import { InventoryWorkload } from './workloads';

/** The pools tried in order when none is given: the benchmarking range, then shared address space. */
const DEFAULT_WORKLOAD_POOLS: readonly string[] = ['198.18.0.0/15', '100.64.0.0/10'];


/** Every CIDR or address a resource names (ipBlocks, nets, notNets, network set nets). */
function namedCidrs(resources: readonly NetsecResource[]): Cidr[] {
  const texts: string[] = [];
  for (const r of resources) {
    if (isKubernetesResource(r)) {
      for (const rule of [...(r.spec.ingress ?? []).map((i) => i.from), ...(r.spec.egress ?? []).map((e) => e.to)]) {
        for (const peer of rule ?? []) if (peer.ipBlock) texts.push(peer.ipBlock.cidr, ...(peer.ipBlock.except ?? []));
      }
    } else if (r.kind === 'NetworkPolicy' || r.kind === 'GlobalNetworkPolicy') {
      for (const rule of [...(r.spec.ingress ?? []), ...(r.spec.egress ?? [])]) {
        for (const side of [rule.source, rule.destination]) texts.push(...(side?.nets ?? []), ...(side?.notNets ?? []));
      }
    } else if (isAdminPolicyResource(r)) {
      for (const rule of r.spec.egress ?? []) for (const peer of rule.to) texts.push(...(peer.networks ?? []));
    } else if (r.kind === 'GlobalNetworkSet' || r.kind === 'NetworkSet') {
      texts.push(...(r.spec.nets ?? []));
    }
  }
  return texts.map((t) => Cidr.parseCidrOrIp(t));
}

const overlaps = (a: Cidr, b: Cidr): boolean => a.contains(b) || b.contains(a);

/** The pool to use: the given one (refused when a policy names an address in it), else the first free default. */
function choosePool(given: string | undefined, cidrs: readonly Cidr[], count: number): string {
  const fits = (text: string): Cidr | undefined => {
    const pool = Cidr.parse(text);
    return pool.version === 4 && !pool.hasHostBits() && cidrs.every((c) => !overlaps(c, pool)) ? pool : undefined;
  };
  if (given !== undefined) {
    let pool: Cidr | undefined;
    try {
      pool = fits(given);
    } catch {
      throw new InputError(`--workload-pool: got ${JSON.stringify(given)}; allowed: an IPv4 CIDR like 198.18.0.0/15`);
    }
    if (!pool) {
      throw new InputError(`--workload-pool ${given}: overlaps a CIDR the policies name (or is not a network address); `
        + 'allowed: an IPv4 network no policy names, so that derived pods match no address rule by accident');
    }
    if (IPv4CidrRange.fromCidr(pool.toString()).getSize() < BigInt(count)) {
      throw new InputError(`--workload-pool ${given}: too small for ${count} workloads`);
    }
    return pool.toString();
  }
  const free = DEFAULT_WORKLOAD_POOLS.find((p) => fits(p) !== undefined);
  if (!free) {
    throw new InputError(`the policies name addresses in every default workload pool (${DEFAULT_WORKLOAD_POOLS.join(', ')}): `
      + 'give --workload-pool with an IPv4 network no policy names');
  }
  return free;
}

/** What deriving gives: the pods, implied namespaces and a note saying where the addresses came from. */
export interface DerivedPods {
  readonly pods: readonly InventoryPod[];
  readonly namespaces: readonly InventoryNamespace[];
  readonly note: string;
}

/**
 * One pod per workload, named `<name>[<Kind>]` (netpol-analyzer's convention, so `ns/name[Kind]`
 * names it in `check`), with its pod template's labels, service account (`default` when the
 * template names none, as the ServiceAccount admission plugin sets it on every pod) and container ports, and
 * an address from the pool. Namespaces that no Namespace object defines are implied, with the
 * `kubernetes.io/metadata.name` label kube-apiserver gives every namespace.
 */
/** The service account the ServiceAccount admission plugin gives a pod that names none. */
const DEFAULT_SERVICE_ACCOUNT = 'default';

export function derivePodsFromWorkloads(
  workloads: readonly InventoryWorkload[], resources: readonly NetsecResource[], known: readonly InventoryNamespace[], pool?: string,
): DerivedPods {
  const chosen = choosePool(pool, namedCidrs(resources), workloads.length + 2);
  const first = IPv4CidrRange.fromCidr(chosen).getFirst().getValue();
  const pods: InventoryPod[] = workloads.map((w, i) => ({
    name: `${w.name}[${w.kind}]`, workload: `${w.name}[${w.kind}]`, namespace: w.namespace, labels: w.labels, nodeName: '', serviceAccount: w.serviceAccount ?? DEFAULT_SERVICE_ACCOUNT,
    hostNetwork: w.hostNetwork, phase: 'Running', ips: w.hostNetwork ? [] : [IPv4.fromNumber(first + BigInt(i + 1)).toString()],
    namedPorts: w.containerPorts.filter((p) => p.name !== undefined).map((p) => ({ name: p.name as string, protocol: p.protocol, port: p.port })),
    containerPorts: w.containerPorts,
  }));
  const knownNames = new Set(known.map((n) => n.name));
  const implied = [...new Set(workloads.map((w) => w.namespace))].filter((n) => !knownNames.has(n)).sort()
    .map((name) => ({ name, labels: { [K8S_NAMESPACE_NAME_LABEL]: name } }));
  const note = `no pods in the inputs: ${pods.length} endpoint${pods.length === 1 ? '' : 's'} derived from workload manifests `
    + `(one per workload, named ns/name[Kind]), addresses from ${chosen}, which no policy names`
    + `${implied.length > 0 ? `; namespaces implied: ${implied.map((n) => n.name).join(', ')}` : ''}`;
  return { pods, namespaces: implied, note };
}
