import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { INVENTORY_ANNOTATION } from '../../model/resources';
import { collectErrors } from '../intent/collect-errors';
import { KubeService } from '../l1/kube-service';
import { requireIp } from '../vocabulary/require';
import { externalServiceSpec } from './external-service-spec';
import { NodePortServiceProps } from './node-port-service';

/** Props of {@link LoadBalancerService}. */
export interface LoadBalancerServiceProps extends NodePortServiceProps {
  /**
   * The load balancer's address, as the cloud provider reports it in `status.loadBalancer.ingress`
   * (on IBM classic: the portable IP that keepalived holds on one edge node and moves between them
   * with VRRP). The cluster assigns it, so it is written as inventory
   * (`inventory/<chart>.inventory.yaml`, never applied), where the engine reads it: `netsec check
   * --to <address>` judges kube-proxy's LoadBalancer path.
   * @default - unknown: the engine judges no LoadBalancer path for the Service
   */
  readonly address?: string;
  /**
   * Also ask the provider for `address` (`spec.loadBalancerIP`, which IBM classic honours with a
   * portable IP of the cluster's subnets).
   * @default false
   */
  readonly requestAddress?: boolean;
}

/**
 * A `v1` Service of type LoadBalancer (also a NodePort Service: every node opens its node ports),
 * and, when its address is given, that address as inventory: the Service as the cluster reports it
 * (`kubectl get service -o yaml`: the same spec and `status.loadBalancer.ingress`), annotated
 * `netsec.io/inventory: "true"`, which NetsecApp writes to `inventory/<chart>.inventory.yaml`. The
 * engine reads the two as one Service: the manifest's spec with the inventory's status.
 */
export class LoadBalancerService extends Construct {
  /** The Service name. */
  public readonly name: string;
  /** The load balancer's address, when given. @default - unknown */
  public readonly address?: string;

  constructor(scope: Construct, id: string, props: LoadBalancerServiceProps) {
    super(scope, id);
    this.name = props.name;
    this.address = props.address;
    collectErrors(this, () => {
      if (props.address !== undefined) requireIp(this.node.path, 'address', props.address);
      if (props.requestAddress === true && props.address === undefined) {
        throw new Error('requestAddress: true needs an address to request; allowed: an address, or requestAddress false');
      }
      const service = new KubeService(this, 'Resource', {
        metadata: { name: props.name, namespace: props.namespace, labels: props.labels },
        spec: externalServiceSpec('LoadBalancer', props, props.requestAddress === true ? { loadBalancerIP: props.address } : {}),
      });
      if (props.address !== undefined) new ObservedService(this, 'Address', service, props.address);
    });
  }
}

/** The Service as the cluster reports it once the provider gave it `address`: inventory only. Internal. */
class ObservedService extends ApiObject {
  constructor(scope: Construct, id: string, private readonly service: KubeService, private readonly address: string) {
    super(scope, id, { apiVersion: service.apiVersion, kind: service.kind, metadata: { name: service.name } });
  }

  public toJson(): { [key: string]: unknown } {
    const json = this.service.toJson() as { [key: string]: unknown };
    const metadata = json.metadata as { readonly annotations?: { [key: string]: string } };
    return {
      ...json,
      metadata: { ...metadata, annotations: { ...(metadata.annotations ?? {}), [INVENTORY_ANNOTATION]: 'true' } },
      status: { loadBalancer: { ingress: [{ ip: this.address }] } },
    };
  }
}
