// The flow a matcher checks: `{ from, to, port }` with a vocabulary Port or `{ protocol, port }`.
import { FlowSpec } from '../engine';

/** A protocol and optional port, for callers that do not use the vocabulary `Port`. */
export interface NetsecProtocolPort {
  /** TCP, UDP, SCTP, ICMP, ICMPv6 or a protocol number as digits. */
  readonly protocol: string;
  /** Destination port (TCP, UDP and SCTP). @default - none */
  readonly port?: number;
}

/** What a vocabulary `Port` offers the matchers (structural, so any copy of the class works). */
export interface CalicoPortLike {
  toCalico(): { readonly protocol?: string; readonly ports?: readonly string[] };
  toString(): string;
}

/** The flow of `toAllow` / `toDeny`. */
export interface NetsecFlowExpectation {
  /** `namespace/pod`, `hostendpoint/<name>` or an IP address. */
  readonly from: string;
  /** `namespace/pod`, `hostendpoint/<name>` or an IP address. */
  readonly to: string;
  /** `Port.tcp(8080)`, `Port.udp(53)`, `Port.icmp()`..., or `{ protocol: 'TCP', port: 8080 }`. */
  readonly port: CalicoPortLike | NetsecProtocolPort;
}

function isPortLike(p: unknown): p is CalicoPortLike {
  return typeof p === 'object' && p !== null && typeof (p as { toCalico?: unknown }).toCalico === 'function';
}

/** The engine's flow spec; throws naming the bad field and what is allowed. */
export function toFlowSpec(flow: NetsecFlowExpectation): FlowSpec {
  if (typeof flow !== 'object' || flow === null || typeof flow.from !== 'string' || typeof flow.to !== 'string') {
    throw new Error('netsec matcher: the flow must be { from: string, to: string, port: Port | { protocol, port } }');
  }
  const p: unknown = flow.port;
  if (isPortLike(p)) {
    const c = p.toCalico();
    if (c.protocol === undefined) {
      throw new Error(`netsec matcher: port ${p.toString()} names no protocol; allowed: one protocol, e.g. Port.tcp(8080) or Port.icmp()`);
    }
    const ports = c.ports ?? [];
    if (ports.length > 1 || (ports.length === 1 && !/^[0-9]+$/.test(ports[0]))) {
      throw new Error(`netsec matcher: port ${p.toString()} is a range or named port; allowed: a single port number, e.g. Port.tcp(8080)`);
    }
    return { from: flow.from, to: flow.to, protocol: c.protocol, ...(ports.length === 1 ? { port: Number(ports[0]) } : {}) };
  }
  if (typeof p === 'object' && p !== null && typeof (p as NetsecProtocolPort).protocol === 'string') {
    const pp = p as NetsecProtocolPort;
    return { from: flow.from, to: flow.to, protocol: pp.protocol, ...(pp.port !== undefined ? { port: pp.port } : {}) };
  }
  throw new Error(`netsec matcher: port ${JSON.stringify(p)} is not a Port or { protocol, port }`);
}
