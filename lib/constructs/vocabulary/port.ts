import { ICMP_CODE_MAX, ICMP_TYPE_MAX, isIcmpCode, isIcmpType, isPortNumber, isProtocolNumber, protocolCanonicalName } from '../../model/net';
import { IcmpFields, NetworkPolicyPort } from '../../model/resources';
import { isValidPortName } from '../../model/validate/ports';
import { PORT_NAME_ALLOWED } from './names';

/** The protocols that carry ports, for {@link Port.named}. */
export enum PortProtocol {
  /** TCP (IP protocol 6). */
  TCP = 'TCP',
  /** UDP (IP protocol 17). */
  UDP = 'UDP',
  /** SCTP (IP protocol 132). */
  SCTP = 'SCTP',
}

/** Options of {@link Port.named}. */
export interface NamedPortOptions {
  /** The protocol of the named container port. @default PortProtocol.TCP */
  readonly protocol?: PortProtocol;
}

/** The protocol and port match of one Calico rule, as {@link Port.toCalico} returns it. */
export interface CalicoPortMatch {
  /** Calico protocol: `TCP`, `UDP`, `SCTP`, `ICMP`, `ICMPv6` or a number as digits. @default - any protocol */
  readonly protocol?: string;
  /** Destination ports: a number, `"min:max"` or a port name. @default - every port of the protocol */
  readonly ports?: string[];
  /** ICMP type and code. @default - any ICMP type and code */
  readonly icmp?: IcmpFields;
}

/** Internal shape of a Port. */
interface PortInit {
  readonly description: string;
  readonly protocol?: string;
  readonly port?: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly icmpType?: number;
  readonly icmpCode?: number;
}

const PORT_ALLOWED = 'an integer 1-65535';

/**
 * What traffic a rule matches besides its peer: a protocol and, for TCP, UDP and SCTP, ports.
 *
 * Modelled on AWS CDK `ec2.Port`. Kubernetes NetworkPolicies can express TCP, UDP and SCTP
 * ports (single, range or named) and "all traffic"; ICMP and other IP protocols need Calico.
 */
export class Port {
  /** A single TCP port. */
  public static tcp(port: number): Port {
    return Port.single('tcp', 'TCP', port);
  }

  /** An inclusive range of TCP ports, e.g. the NodePort range `Port.tcpRange(30000, 32767)`. */
  public static tcpRange(fromPort: number, toPort: number): Port {
    return Port.range('tcpRange', 'TCP', fromPort, toPort);
  }

  /** Every TCP port. */
  public static allTcp(): Port {
    return new Port({ description: 'Port.allTcp()', protocol: 'TCP' });
  }

  /** A single UDP port. */
  public static udp(port: number): Port {
    return Port.single('udp', 'UDP', port);
  }

  /** An inclusive range of UDP ports. */
  public static udpRange(fromPort: number, toPort: number): Port {
    return Port.range('udpRange', 'UDP', fromPort, toPort);
  }

  /** Every UDP port. */
  public static allUdp(): Port {
    return new Port({ description: 'Port.allUdp()', protocol: 'UDP' });
  }

  /** A single SCTP port. */
  public static sctp(port: number): Port {
    return Port.single('sctp', 'SCTP', port);
  }

  /** An inclusive range of SCTP ports. */
  public static sctpRange(fromPort: number, toPort: number): Port {
    return Port.range('sctpRange', 'SCTP', fromPort, toPort);
  }

  /** A named container port (`ports[].name` of the pod), e.g. `Port.named('http')`. */
  public static named(name: string, options: NamedPortOptions = {}): Port {
    const protocol = options.protocol ?? PortProtocol.TCP;
    const description = `Port.named(${JSON.stringify(name)})`;
    if (!isValidPortName(name)) throw new Error(`${description}: port name ${JSON.stringify(name)} is invalid; allowed: ${PORT_NAME_ALLOWED}`);
    return new Port({ description, protocol, port: name });
  }

  /**
   * ICMP (IPv4). Without arguments, every ICMP type and code; `Port.icmp(8)` echo requests;
   * `Port.icmp(3, 4)` one type and code. Needs Calico.
   */
  public static icmp(type?: number, code?: number): Port {
    return Port.icmpOf('icmp', 'ICMP', type, code);
  }

  /** ICMPv6, with the same arguments as {@link Port.icmp}. Needs Calico. */
  public static icmpv6(type?: number, code?: number): Port {
    return Port.icmpOf('icmpv6', 'ICMPv6', type, code);
  }

  /**
   * Every packet of one IP protocol, by number (1-255), e.g. `Port.protocol(112)` for VRRP.
   * 1, 6, 17, 58 and 132 mean ICMP, TCP, UDP, ICMPv6 and SCTP and render by name.
   */
  public static protocol(protocolNumber: number): Port {
    const description = `Port.protocol(${protocolNumber})`;
    if (!isProtocolNumber(protocolNumber)) {
      throw new Error(`${description}: IP protocol ${protocolNumber} is out of range; allowed: an integer 1-255`);
    }
    return new Port({ description, protocol: protocolCanonicalName(protocolNumber) });
  }

  /** Every protocol and port. */
  public static allTraffic(): Port {
    return new Port({ description: 'Port.allTraffic()' });
  }

  private static single(factory: string, protocol: string, port: number): Port {
    const description = `Port.${factory}(${port})`;
    checkPort(description, 'port', port);
    return new Port({ description, protocol, port: String(port), fromPort: port, toPort: port });
  }

  private static range(factory: string, protocol: string, fromPort: number, toPort: number): Port {
    const description = `Port.${factory}(${fromPort}, ${toPort})`;
    checkPort(description, 'fromPort', fromPort);
    checkPort(description, 'toPort', toPort);
    if (fromPort > toPort) {
      throw new Error(`${description}: fromPort ${fromPort} is above toPort ${toPort}; allowed: fromPort <= toPort`);
    }
    const port = fromPort === toPort ? String(fromPort) : `${fromPort}:${toPort}`;
    return new Port({ description, protocol, port, fromPort, toPort });
  }

  private static icmpOf(factory: string, protocol: string, type?: number, code?: number): Port {
    const args = code !== undefined ? `${type}, ${code}` : type !== undefined ? `${type}` : '';
    const description = `Port.${factory}(${args})`;
    if (type === undefined && code !== undefined) {
      throw new Error(`${description}: an ICMP code (${code}) needs an ICMP type; allowed: Port.${factory}(), Port.${factory}(type) or Port.${factory}(type, code)`);
    }
    if (type !== undefined && !isIcmpType(type)) {
      throw new Error(`${description}: ICMP type ${type} is out of range; allowed: an integer 0-${ICMP_TYPE_MAX}`);
    }
    if (code !== undefined && !isIcmpCode(code)) {
      throw new Error(`${description}: ICMP code ${code} is out of range; allowed: an integer 0-${ICMP_CODE_MAX}`);
    }
    return new Port({ description, protocol, icmpType: type, icmpCode: code });
  }

  private constructor(private readonly init: PortInit) {}

  /** True when a Kubernetes NetworkPolicy can express this port (TCP, UDP, SCTP or all traffic). */
  public get kubernetesExpressible(): boolean {
    return this.init.protocol === undefined || this.init.protocol === 'TCP' || this.init.protocol === 'UDP' || this.init.protocol === 'SCTP';
  }

  /** True for {@link Port.allTraffic}: the rule then has no protocol or port match at all. */
  public get isAllTraffic(): boolean {
    return this.init.protocol === undefined;
  }

  /** The IP version the port is limited to: 4 for ICMP, 6 for ICMPv6, 0 for both. */
  public get ipVersion(): number {
    if (this.init.protocol === 'ICMP') return 4;
    return this.init.protocol === 'ICMPv6' ? 6 : 0;
  }

  /**
   * The Kubernetes NetworkPolicyPort. Throws for ports Kubernetes cannot express and for
   * all traffic (which Kubernetes expresses by leaving `ports` out).
   */
  public toKubernetes(): NetworkPolicyPort {
    if (!this.kubernetesExpressible || this.init.protocol === undefined) {
      throw new Error(`${this.init.description} cannot be expressed as a Kubernetes NetworkPolicyPort; allowed: TCP, UDP or SCTP ports`);
    }
    const { protocol, fromPort, toPort, port } = this.init;
    if (fromPort !== undefined && toPort !== undefined && fromPort !== toPort) {
      return { protocol, port: String(fromPort), endPort: toPort };
    }
    return { protocol, ...(port !== undefined ? { port } : {}) };
  }

  /** The protocol, ports and ICMP match of a Calico rule. */
  public toCalico(): CalicoPortMatch {
    const { protocol, port, icmpType, icmpCode } = this.init;
    const icmp: IcmpFields | undefined = icmpType === undefined ? undefined
      : { type: icmpType, ...(icmpCode !== undefined ? { code: icmpCode } : {}) };
    return {
      ...(protocol !== undefined ? { protocol } : {}),
      ...(port !== undefined ? { ports: [port] } : {}),
      ...(icmp ? { icmp } : {}),
    };
  }

  /** The factory call that made this port, e.g. `Port.tcp(22)`. */
  public toString(): string {
    return this.init.description;
  }
}

function checkPort(description: string, field: string, port: number): void {
  if (!isPortNumber(port)) {
    throw new Error(`${description}: ${field} ${port} is out of range; allowed: ${PORT_ALLOWED}`);
  }
}
