import { Cidr, NetError } from '../../model/net';
import { CalicoGlobalNetworkSet } from '../l1/calico-global-network-set';
import { CalicoNetworkSet } from '../l1/calico-network-set';
import { LabelSelector } from './label-selector';
import { checkDns1123Label, checkDns1123Subdomain } from './names';
import {
  CidrPeer, GlobalSelectorPeer, NamespacedNetworkSetPeer, NamespacesPeer, PodsPeer, ServiceAccountPeer, namespaceByName,
} from './peer-kinds';
import { IPeer } from './peer-types';
import { IPodWorkload, workloadPods } from './workload';

/** Options of {@link Peer.cidr}. */
export interface CidrPeerOptions {
  /**
   * Sub-blocks of the CIDR that are not part of the peer (Kubernetes `ipBlock.except`, Calico
   * `notNets`). Each must lie inside the CIDR and be smaller than it.
   * @default - no exceptions
   */
  readonly except?: string[];
}

/**
 * Peer factories: the other side of a rule, modelled on AWS CDK `ec2.Peer`.
 *
 * Pods, namespaces and CIDRs can be expressed in Kubernetes NetworkPolicies; network sets, host
 * endpoints and service accounts need Calico. Intent constructs check this and choose the kind.
 */
export class Peer {
  /**
   * Pods matching `selector` in `namespace`.
   * @param selector the pods' labels (`LabelSelector.all()` for every pod)
   * @param namespace the pods' namespace; omitted, the policy's own namespace (and an error in a cluster-wide policy)
   */
  public static pods(selector: LabelSelector, namespace?: string): IPeer {
    const description = `Peer.pods(${JSON.stringify(selector.toString())}${namespace !== undefined ? `, ${JSON.stringify(namespace)}` : ''})`;
    if (namespace !== undefined) checkDns1123Label(description, 'namespace', namespace);
    return new PodsPeer(description, selector, namespace);
  }

  /**
   * The pods of a workload, e.g. a cdk8s-plus `Deployment`: its pod selector in its namespace.
   * The workload must have a namespace (a namespaced Chart or metadata.namespace).
   */
  public static workload(workload: IPodWorkload): IPeer {
    const { namespace, selector } = workloadPods('Peer.workload', workload);
    return new PodsPeer(`Peer.workload(${workload.node.path})`, selector, namespace);
  }

  /** Every pod of the namespace `name` (selected by its `kubernetes.io/metadata.name` label). */
  public static namespace(name: string): IPeer {
    const description = `Peer.namespace(${JSON.stringify(name)})`;
    checkDns1123Label(description, 'namespace', name);
    return new NamespacesPeer(description, namespaceByName(name));
  }

  /** Every pod of the namespaces whose labels match `selector` (`LabelSelector.all()`: every namespace). */
  public static namespaces(selector: LabelSelector): IPeer {
    return new NamespacesPeer(`Peer.namespaces(${JSON.stringify(selector.toString())})`, selector);
  }

  /**
   * An IPv4 or IPv6 address block, e.g. `Peer.cidr('203.0.113.0/24')`. The address must be the
   * network address (no host bits), so what is written is what is matched.
   */
  public static cidr(cidr: string, options: CidrPeerOptions = {}): IPeer {
    const except = options.except ?? [];
    const description = `Peer.cidr(${JSON.stringify(cidr)}${except.length > 0 ? `, { except: ${JSON.stringify(except)} }` : ''})`;
    const block = parseNetwork(description, 'cidr', cidr);
    for (const e of except) {
      const sub = parseNetwork(description, 'except entry', e);
      if (!block.contains(sub) || sub.prefixLength <= block.prefixLength) {
        throw new Error(`${description}: except entry ${JSON.stringify(e)} is not strictly inside ${JSON.stringify(cidr)}; `
          + 'allowed: CIDRs of the same IP version inside the block and smaller than it');
      }
    }
    return new CidrPeer(description, block.version, cidr, except);
  }

  /** Every IPv4 address (`0.0.0.0/0`). */
  public static anyIpv4(): IPeer {
    return new CidrPeer('Peer.anyIpv4()', 4, '0.0.0.0/0', []);
  }

  /** Every IPv6 address (`::/0`). */
  public static anyIpv6(): IPeer {
    return new CidrPeer('Peer.anyIpv6()', 6, '::/0', []);
  }

  /**
   * The addresses of a Calico GlobalNetworkSet, matched by all of its labels (so it needs at
   * least one). Needs Calico.
   */
  public static networkSet(set: CalicoGlobalNetworkSet): IPeer {
    const description = `Peer.networkSet(${set.node.path})`;
    return new GlobalSelectorPeer(description, 'network sets are Calico objects', () => labelsOf(description, set.toResource().metadata.labels));
  }

  /**
   * The addresses of a namespaced Calico NetworkSet, matched by all of its labels. Calico only
   * matches a NetworkSet from policies in its own namespace. Needs Calico.
   */
  public static namespacedNetworkSet(set: CalicoNetworkSet): IPeer {
    const description = `Peer.namespacedNetworkSet(${set.node.path})`;
    return new NamespacedNetworkSetPeer(description, () => set.toResource().metadata.namespace,
      () => labelsOf(description, set.toResource().metadata.labels));
  }

  /** The addresses of every GlobalNetworkSet whose labels match `selector`. Needs Calico. */
  public static networkSets(selector: LabelSelector): IPeer {
    return new GlobalSelectorPeer(`Peer.networkSets(${JSON.stringify(selector.toString())})`, 'network sets are Calico objects',
      () => selector.toCalico());
  }

  /**
   * Calico host endpoints (node interfaces) whose labels match `selector`, e.g.
   * `LabelSelector.of({ 'ibm.role': 'worker_private' })`. Needs Calico.
   */
  public static hostEndpoints(selector: LabelSelector): IPeer {
    return new GlobalSelectorPeer(`Peer.hostEndpoints(${JSON.stringify(selector.toString())})`, 'host endpoints are Calico objects',
      () => selector.toCalico());
  }

  /**
   * Pods running as the service account `name` in `namespace`. Needs Calico.
   * @param namespace the service account's namespace; omitted, the policy's own namespace (and an error in a cluster-wide policy)
   */
  public static serviceAccount(name: string, namespace?: string): IPeer {
    const description = `Peer.serviceAccount(${JSON.stringify(name)}${namespace !== undefined ? `, ${JSON.stringify(namespace)}` : ''})`;
    checkDns1123Subdomain(description, 'name', name);
    if (namespace !== undefined) checkDns1123Label(description, 'namespace', namespace);
    return new ServiceAccountPeer(description, name, namespace);
  }

  private constructor() {}
}

function parseNetwork(description: string, field: string, text: string): Cidr {
  let parsed: Cidr;
  try {
    parsed = Cidr.parse(text);
  } catch (e) {
    if (e instanceof NetError) throw new Error(`${description}: ${field} is invalid: ${e.message}`);
    throw e;
  }
  if (parsed.hasHostBits() || parsed.toString() !== text) {
    throw new Error(`${description}: ${field} ${JSON.stringify(text)} is not in canonical network form; allowed: ${JSON.stringify(parsed.toString())}`);
  }
  return parsed;
}

function labelsOf(description: string, labels: { readonly [key: string]: string } | undefined): string {
  if (!labels || Object.keys(labels).length === 0) {
    throw new Error(`${description}: the network set has no labels, so no selector can match it; allowed: a network set with at least one label`);
  }
  return LabelSelector.of({ ...labels }).toCalico();
}
