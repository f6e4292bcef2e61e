import { Construct } from 'constructs';
import { K8S_NETWORKING_API_VERSION } from '../../model/resources';
import { NetsecApiObject } from '../l1/netsec-api-object';

/**
 * Base of the intent constructs. Each intent emits one policy as its child `Resource`: a
 * Kubernetes NetworkPolicy when the intent is expressible there and Calico is not forced; else a
 * Calico NetworkPolicy for a namespaced target, a GlobalNetworkPolicy otherwise.
 */
export abstract class PolicyIntent extends Construct {
  /** The emitted resource (a KubeNetworkPolicy, CalicoNetworkPolicy or CalicoGlobalNetworkPolicy). */
  public get resource(): NetsecApiObject {
    const child = this.node.tryFindChild('Resource');
    if (!NetsecApiObject.isNetsecApiObject(child)) throw new Error(`${this.node.path}: the intent has no policy (not emitted yet, or its props have problems, which synth lists)`);
    return child;
  }

  /** True when the intent was emitted as a Calico policy. */
  public get usesCalico(): boolean {
    // Not `instanceof`: cdk8s makes `x instanceof <any ApiObject subclass>` true for every ApiObject.
    return this.resource.apiVersion !== K8S_NETWORKING_API_VERSION;
  }
}
