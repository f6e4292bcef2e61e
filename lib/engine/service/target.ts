// Which Service and port a `check --to` names: `service/<ns>/<name>` or one of its cluster IPs,
// and a Service port by number or by name.
import { InputError } from '../input/errors';
import { InputService, InputServicePort } from '../input/services';

/** A Service port a flow is sent to, and the address it was sent to. */
export interface ServiceTarget {
  readonly service: InputService;
  readonly port: InputServicePort;
  /** The cluster IP the flow is sent to. @default - the Service named, by its first cluster IP when it has one */
  readonly address?: string;
  /** The Service was named (`service/<ns>/<name>`), not one of its cluster IPs: the source's IP family may pick the cluster IP. @default false */
  readonly named?: boolean;
}

const SERVICE_PREFIX = 'service/';

/** The Service `to` names: `service/<ns>/<name>`, or a cluster IP; undefined when it names neither. */
function findService(services: readonly InputService[], to: string): { service: InputService; address?: string; named?: boolean } | undefined {
  if (to.startsWith(SERVICE_PREFIX)) {
    const parts = to.slice(SERVICE_PREFIX.length).split('/');
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
      throw new InputError(`${JSON.stringify(to)} is not a Service reference; allowed: service/<namespace>/<name>`);
    }
    const service = services.find((s) => s.namespace === parts[0] && s.name === parts[1]);
    if (!service) {
      throw new InputError(`no Service ${parts[0]}/${parts[1]} in the inputs; Services read: ${services.map((s) => `${s.namespace}/${s.name}`).join(', ') || 'none'}`);
    }
    return { service, named: true, ...(service.clusterIPs.length > 0 ? { address: service.clusterIPs[0] } : {}) };
  }
  const service = services.find((s) => s.clusterIPs.includes(to));
  return service ? { service, address: to } : undefined;
}

/** True when `to` names a Service or one of its cluster IPs (the kube-proxy ClusterIP path). */
export function namesService(services: readonly InputService[], to: string): boolean {
  return to.startsWith(SERVICE_PREFIX) || services.some((s) => s.clusterIPs.includes(to));
}

/**
 * The Service port of `to` for a protocol and a port given as a number (the Service's `port`) or a
 * Service port name. Throws InputError naming the Service's ports when none matches.
 */
export function resolveServiceTarget(services: readonly InputService[], to: string, protocol: string, port: string): ServiceTarget {
  const found = findService(services, to);
  if (!found) throw new InputError(`${JSON.stringify(to)} is neither service/<namespace>/<name> nor a cluster IP of a Service read`);
  const { service } = found;
  const numeric = /^[0-9]+$/.test(port);
  const match = service.ports.find((p) => p.protocol === protocol.toUpperCase() && (numeric ? p.port === Number(port) : p.name === port));
  if (!match) {
    const ports = service.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.protocol}/${p.port}`).join(', ') || 'none';
    throw new InputError(`Service ${service.namespace}/${service.name} has no ${protocol} port ${JSON.stringify(port)}; its ports: ${ports}`);
  }
  return { service, port: match, ...(found.address !== undefined ? { address: found.address } : {}), ...(found.named ? { named: true } : {}) };
}
