import { EntityRule, K8S_NAMESPACE_NAME_LABEL, NetworkPolicyPeer } from '../../model/resources';
import { LabelSelector } from './label-selector';
import { IPeer, PeerContext } from './peer-types';


/** Selects the namespace with the given name by its `kubernetes.io/metadata.name` label. Internal. */
export function namespaceByName(name: string): LabelSelector {
  return LabelSelector.of({ [K8S_NAMESPACE_NAME_LABEL]: name });
}

function notKubernetes(description: string, what: string): Error {
  return new Error(`${description} cannot be expressed in a Kubernetes NetworkPolicy (${what}); use a Calico policy (forceCalico) `
    + 'or, in Kubernetes, Peer.pods, Peer.namespace, Peer.namespaces, Peer.cidr, Peer.anyIpv4 or Peer.anyIpv6');
}

function needsNamespace(description: string): Error {
  return new Error(`${description} has no namespace and is used in a cluster-wide policy, which has no namespace of its own; `
    + 'allowed: give the namespace argument');
}

/** Pods chosen by label, in one namespace (the policy's own when none is given). */
export class PodsPeer implements IPeer {
  public readonly kubernetesExpressible = true;
  public readonly ipVersion = 0;
  constructor(public readonly description: string, private readonly selector: LabelSelector, private readonly namespace?: string) {}

  public toKubernetes(): NetworkPolicyPeer {
    return {
      podSelector: this.selector.toKubernetes(),
      ...(this.namespace !== undefined ? { namespaceSelector: namespaceByName(this.namespace).toKubernetes() } : {}),
    };
  }

  public toCalico(context: PeerContext): EntityRule {
    if (this.namespace === undefined && context.policyNamespace === undefined) throw needsNamespace(this.description);
    return {
      selector: this.selector.toCalicoPods(),
      ...(this.namespace !== undefined ? { namespaceSelector: namespaceByName(this.namespace).toCalico() } : {}),
    };
  }
}

/** Every pod of the namespaces chosen by namespace labels. */
export class NamespacesPeer implements IPeer {
  public readonly kubernetesExpressible = true;
  public readonly ipVersion = 0;
  constructor(public readonly description: string, private readonly namespaces: LabelSelector) {}

  public toKubernetes(): NetworkPolicyPeer {
    return { namespaceSelector: this.namespaces.toKubernetes() };
  }

  public toCalico(): EntityRule {
    return { selector: LabelSelector.all().toCalicoPods(), namespaceSelector: this.namespaces.toCalico() };
  }
}

/** An address block, optionally minus some sub-blocks. */
export class CidrPeer implements IPeer {
  public readonly kubernetesExpressible = true;
  constructor(
    public readonly description: string,
    public readonly ipVersion: number,
    private readonly cidr: string,
    private readonly except: readonly string[],
  ) {}

  public toKubernetes(): NetworkPolicyPeer {
    return { ipBlock: { cidr: this.cidr, ...(this.except.length > 0 ? { except: [...this.except] } : {}) } };
  }

  public toCalico(): EntityRule {
    return { nets: [this.cidr], ...(this.except.length > 0 ? { notNets: [...this.except] } : {}) };
  }
}

/**
 * Calico-only peers chosen by a selector over non-pod endpoints: host endpoints and global
 * network sets (`namespaceSelector: global()` limits the match to cluster-scoped objects).
 */
export class GlobalSelectorPeer implements IPeer {
  public readonly kubernetesExpressible = false;
  public readonly ipVersion = 0;
  constructor(public readonly description: string, private readonly what: string, private readonly selector: () => string) {}

  public toKubernetes(): NetworkPolicyPeer {
    throw notKubernetes(this.description, this.what);
  }

  public toCalico(): EntityRule {
    return { selector: this.selector(), namespaceSelector: 'global()' };
  }
}

/** A namespaced Calico NetworkSet: Calico only matches it from policies of its own namespace. */
export class NamespacedNetworkSetPeer implements IPeer {
  public readonly kubernetesExpressible = false;
  public readonly ipVersion = 0;
  constructor(
    public readonly description: string,
    private readonly namespace: () => string | undefined,
    private readonly selector: () => string,
  ) {}

  public toKubernetes(): NetworkPolicyPeer {
    throw notKubernetes(this.description, 'a Calico NetworkSet');
  }

  public toCalico(context: PeerContext): EntityRule {
    const namespace = this.namespace();
    if (context.policyNamespace === undefined || context.policyNamespace !== namespace) {
      throw new Error(`${this.description}: the NetworkSet is in namespace ${JSON.stringify(namespace ?? '')} and Calico only matches it `
        + `from policies of that namespace, but this policy is ${context.policyNamespace === undefined ? 'cluster-wide'
          : `in namespace ${JSON.stringify(context.policyNamespace)}`}; allowed: a policy in the set's namespace, or a GlobalNetworkSet`);
    }
    return { selector: this.selector() };
  }
}

/** Pods running as a named service account. */
export class ServiceAccountPeer implements IPeer {
  public readonly kubernetesExpressible = false;
  public readonly ipVersion = 0;
  constructor(public readonly description: string, private readonly name: string, private readonly namespace?: string) {}

  public toKubernetes(): NetworkPolicyPeer {
    throw notKubernetes(this.description, 'Kubernetes NetworkPolicies cannot match service accounts');
  }

  public toCalico(context: PeerContext): EntityRule {
    if (this.namespace === undefined && context.policyNamespace === undefined) throw needsNamespace(this.description);
    return {
      serviceAccounts: { names: [this.name] },
      ...(this.namespace !== undefined ? { namespaceSelector: namespaceByName(this.namespace).toCalico() } : {}),
    };
  }
}
