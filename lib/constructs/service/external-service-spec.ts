import { ServiceSpec } from '../../model/resources';
import { ExternalTrafficPolicy } from './external-traffic-policy';
import type { NodePortServiceProps } from './node-port-service';
import { servicePorts } from './service-port';

/** The spec of an externally reachable Service of `type`; throws its problems (`ports[i].port: ...`). Internal. */
export function externalServiceSpec(type: string, props: NodePortServiceProps, extra: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    type,
    selector: { ...props.selector },
    ports: servicePorts(props.ports),
    externalTrafficPolicy: props.externalTrafficPolicy ?? ExternalTrafficPolicy.CLUSTER,
    ...extra,
  };
}
