import { ProtoPort } from '../../model/resources';

/** One failsafe entry: a protocol and port, optionally only from/to one network. */
export class FailsafePort {
  /** TCP `port`, optionally only for `net` (a CIDR). */
  public static tcp(port: number, net?: string): FailsafePort {
    return new FailsafePort('tcp', port, net);
  }

  /** UDP `port`, optionally only for `net` (a CIDR). */
  public static udp(port: number, net?: string): FailsafePort {
    return new FailsafePort('udp', port, net);
  }

  /** SCTP `port`, optionally only for `net` (a CIDR). */
  public static sctp(port: number, net?: string): FailsafePort {
    return new FailsafePort('sctp', port, net);
  }

  private constructor(
    /** `tcp`, `udp` or `sctp`. */
    public readonly protocol: string,
    /** The port, 0-65535. */
    public readonly port: number,
    /** The network the entry is limited to. @default - any address */
    public readonly net?: string,
  ) {}

  /** The FelixConfiguration form of the entry. */
  public toProtoPort(): ProtoPort {
    return { protocol: this.protocol, port: this.port, ...(this.net !== undefined ? { net: this.net } : {}) };
  }

  /** `tcp:22` or `tcp:22 from/to 192.0.2.0/24`, for messages. */
  public toString(): string {
    return `${this.protocol}:${this.port}${this.net !== undefined ? ` (${this.net})` : ''}`;
  }
}

/** Props of {@link FelixFailsafe.custom}. */
export interface FelixFailsafeCustomProps {
  /** Ports Felix always lets into every host endpoint. An empty list lets nothing through. */
  readonly inbound: FailsafePort[];
  /** Ports Felix always lets out of every host endpoint. @default - Felix's defaults (not written) */
  readonly outbound?: FailsafePort[];
}

/** Felix's built-in inbound failsafe list (felix/config/config_params.go; the same in Calico v3.31.7 and v3.32.1). */
const FELIX_DEFAULT_INBOUND = [
  FailsafePort.tcp(22), FailsafePort.udp(68), FailsafePort.tcp(179), FailsafePort.tcp(2379), FailsafePort.tcp(2380),
  FailsafePort.tcp(5473), FailsafePort.tcp(6443), FailsafePort.tcp(6666), FailsafePort.tcp(6667),
];

/**
 * The failsafe ports of the FelixConfiguration `default`: traffic Felix lets into (and out of)
 * every host endpoint before any policy, so that a policy mistake cannot lock out the cluster.
 *
 * Felix's own default includes TCP 22, so SSH reaches even a worker's public interface whatever
 * the policies say. {@link FelixFailsafe.withoutSsh} (the default of `WorkerNodeDefaults`) keeps
 * every other default entry and leaves 22 out.
 */
export class FelixFailsafe {
  /**
   * Felix's inbound defaults without TCP 22: udp:68 (DHCP), tcp:179 (BGP), tcp:2379 and tcp:2380
   * (etcd), tcp:5473 (Typha), tcp:6443 (API server), tcp:6666 and tcp:6667 (etcd self-hosted).
   * The outbound list stays Felix's default (it is not written).
   */
  public static withoutSsh(): FelixFailsafe {
    return new FelixFailsafe(FELIX_DEFAULT_INBOUND.filter(p => !(p.protocol === 'tcp' && p.port === 22)), undefined);
  }

  /** Felix's built-in inbound list, TCP 22 included: SSH is then allowed on every interface. */
  public static felixDefaults(): FelixFailsafe {
    return new FelixFailsafe([...FELIX_DEFAULT_INBOUND], undefined);
  }

  /** Your own lists. */
  public static custom(props: FelixFailsafeCustomProps): FelixFailsafe {
    return new FelixFailsafe([...props.inbound], props.outbound ? [...props.outbound] : undefined);
  }

  private constructor(
    /** The inbound failsafe entries. */
    public readonly inbound: FailsafePort[],
    /** The outbound failsafe entries. @default - Felix's defaults */
    public readonly outbound?: FailsafePort[],
  ) {}

  /** True when some inbound entry lets TCP 22 (SSH) through. */
  public allowsSshIn(): boolean {
    return this.inbound.some(p => p.protocol === 'tcp' && p.port === 22);
  }
}
