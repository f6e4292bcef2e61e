import { isPortNumber } from '../../model/net';
import { isValidPortName } from '../../model/validate/ports';
import { PORT_NAME_ALLOWED } from '../vocabulary/names';
import { PortProtocol } from '../vocabulary/port';

/** One port of the pod's container, as `spec.containers[].ports[]` lists it. */
export interface InventoryContainerPort {
  /** The port number the container listens on (1-65535). */
  readonly containerPort: number;
  /**
   * The port's name, which `Port.named(name)` rules resolve to `containerPort` (an IANA service
   * name: at most 15 lower-case letters, digits and "-", with at least one letter).
   * @default - unnamed
   */
  readonly name?: string;
  /** The protocol. @default PortProtocol.TCP */
  readonly protocol?: PortProtocol;
}

/**
 * Checks the ports the way the API server does (number range, name syntax, unique names, unique
 * port and protocol pairs) and returns them in rendered form; throws naming `<path>: ports[i].<field>`.
 */
export function checkedContainerPorts(
  path: string, ports: readonly InventoryContainerPort[],
): { readonly name?: string; readonly containerPort: number; readonly protocol: string }[] {
  const names = new Set<string>();
  const pairs = new Set<string>();
  const protocols: string[] = Object.values(PortProtocol);
  return ports.map((p, i) => {
    const field = `${path}: ports[${i}]`;
    if (!isPortNumber(p.containerPort)) {
      throw new Error(`${field}.containerPort: invalid port ${JSON.stringify(p.containerPort)}; allowed: an integer 1-65535`);
    }
    const protocol: string = p.protocol ?? PortProtocol.TCP;
    if (!protocols.includes(protocol)) {
      throw new Error(`${field}.protocol: invalid protocol ${JSON.stringify(protocol)}; allowed: ${protocols.join(', ')}`);
    }
    const pair = `${p.containerPort}/${protocol}`;
    if (pairs.has(pair)) throw new Error(`${field}: duplicate port ${pair}; allowed: each port and protocol once per pod`);
    pairs.add(pair);
    if (p.name === undefined) return { containerPort: p.containerPort, protocol };
    if (!isValidPortName(p.name)) {
      throw new Error(`${field}.name: invalid port name ${JSON.stringify(p.name)}; allowed: ${PORT_NAME_ALLOWED}`);
    }
    if (names.has(p.name)) throw new Error(`${field}.name: duplicate port name ${JSON.stringify(p.name)}; allowed: each name once per pod`);
    names.add(p.name);
    return { name: p.name, containerPort: p.containerPort, protocol };
  });
}
