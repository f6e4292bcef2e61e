import { Construct } from 'constructs';
import { StringMap } from '../../model/resources';
import { collectErrors } from '../intent/collect-errors';
import { KubeService } from '../l1/kube-service';
import { ExternalTrafficPolicy } from './external-traffic-policy';
import { externalServiceSpec } from './external-service-spec';
import { ServicePortOptions } from './service-port';

/** Props of {@link NodePortService}. */
export interface NodePortServiceProps {
  /** The Service name (a DNS-1035 label: starts with a letter). */
  readonly name: string;
  /** The Service's namespace. @default - the chart's namespace */
  readonly namespace?: string;
  /** Labels of the Service itself. @default - only the chart's labels */
  readonly labels?: StringMap;
  /** The labels of the pods that back the Service (`spec.selector`). */
  readonly selector: StringMap;
  /** The Service's ports (at least one). */
  readonly ports: ServicePortOptions[];
  /** Which backends traffic from outside the cluster reaches. @default ExternalTrafficPolicy.CLUSTER */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
}

/**
 * A `v1` Service of type NodePort: every node opens each port's `nodePort` and kube-proxy DNATs
 * it to a backend, the pods the selector matches. `externalTrafficPolicy` is always written (the
 * API's default, Cluster, when not given), so the manifest says which path the traffic takes.
 *
 * Checked at synth with Kubernetes' Service validation; problems name the construct path.
 */
export class NodePortService extends Construct {
  /** The Service name. */
  public readonly name: string;

  constructor(scope: Construct, id: string, props: NodePortServiceProps) {
    super(scope, id);
    this.name = props.name;
    collectErrors(this, () => {
      new KubeService(this, 'Resource', {
        metadata: { name: props.name, namespace: props.namespace, labels: props.labels },
        spec: externalServiceSpec('NodePort', props),
      });
    });
  }
}
