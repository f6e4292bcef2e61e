import { ServicePort } from '../../model/resources';
import { IntOrString } from '../l1/int-or-string';
import { Port } from '../vocabulary/port';

/** One port of a {@link NodePortService} or {@link LoadBalancerService}. */
export interface ServicePortOptions {
  /** The port the Service listens on and its protocol: `Port.tcp(80)`, `Port.udp(53)` or `Port.sctp(n)`. */
  readonly port: Port;
  /** The port's name (a DNS-1123 label); required when the Service has more than one port. @default - unnamed */
  readonly name?: string;
  /**
   * The backends' port: a number, `IntOrString.fromNumber(8080)`, or the name of their container
   * port, `IntOrString.fromString('http')`.
   * @default - the Service port's number (kube-apiserver)
   */
  readonly targetPort?: IntOrString;
  /** The port every node opens for the Service (in the node port range, 30000-32767 by default). @default - allocated by kube-apiserver */
  readonly nodePort?: number;
}

const SINGLE_PORT_ALLOWED = 'a single port: Port.tcp(n), Port.udp(n) or Port.sctp(n)';

/** The Service's ports in model form; throws `ports[i].port: ...` for a port that is no single TCP, UDP or SCTP port. Internal. */
export function servicePorts(ports: readonly ServicePortOptions[]): ServicePort[] {
  return ports.map((p, i) => {
    const field = `ports[${i}].port`;
    if (!p.port.kubernetesExpressible || p.port.isAllTraffic) throw new Error(`${field}: ${p.port.toString()} has no port; allowed: ${SINGLE_PORT_ALLOWED}`);
    const k = p.port.toKubernetes();
    if (k.endPort !== undefined || k.port === undefined || !/^[0-9]+$/.test(k.port)) {
      throw new Error(`${field}: ${p.port.toString()} is not a single port number; allowed: ${SINGLE_PORT_ALLOWED}`);
    }
    return {
      ...(p.name !== undefined ? { name: p.name } : {}),
      protocol: k.protocol,
      port: Number(k.port),
      ...(p.targetPort !== undefined ? { targetPort: p.targetPort.toString() } : {}),
      ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
    };
  });
}
