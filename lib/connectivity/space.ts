// The connection space split into classes on which every verdict is constant: per protocol, the
// port (or ICMP type and code) intervals that the policies, the pods' named ports and Felix's
// failsafe ports create. Evaluating one representative per class is then exact.
import { CalicoRule } from '../model/resources';
import { parsePortSpec, protocolNumber } from '../model/net';
import { BuiltModel, ICMPV6_FROM_WORKLOADS, IPIP_PROTOCOL, findMatchedService, modelRules } from '../engine';
import { Interval, cutIntervals } from './intervals';

const TCP = 6;
const UDP = 17;
const SCTP = 132;
const ICMP = 1;
const ICMPV6 = 58;
/** The protocols with ports. */
export const PORTED: readonly number[] = [TCP, UDP, SCTP];

/** One class of connections: the protocols, ports (or ICMP types) and ICMP codes it covers. */
export interface ConnectionClass {
  /** The protocol numbers covered (one for TCP, UDP, SCTP, ICMP, ICMPv6 and each named protocol). */
  readonly protocols: readonly Interval[];
  /** The protocol number evaluated. */
  readonly protocol: number;
  /** TCP/UDP/SCTP: the port interval; ICMP/ICMPv6: the type interval. @default - the whole protocol */
  readonly range?: Interval;
  /** ICMP/ICMPv6 with one type: the code interval. @default - every code */
  readonly codes?: Interval;
}

/** The port ranges that can decide a flow of the protocol: only rules, named ports and failsafe entries of that protocol have ports. */
function portRanges(model: BuiltModel, rules: readonly CalicoRule[], protocol: number): Interval[] {
  return [...rulePortRanges(model, rules, protocol), ...globalPortRanges(model, protocol)];
}

/** The port ranges the rules name for the protocol (their ports and notPorts, a destination Service's ports). */
function rulePortRanges(model: BuiltModel, rules: readonly CalicoRule[], protocol: number): Interval[] {
  const out: Interval[] = [];
  for (const r of rules) {
    // a destination services match decides by the Service's endpoint ports, whatever the rule's protocol
    const service = r.destination?.services ? findMatchedService(model.services, r.destination.services) : undefined;
    for (const m of service?.setMembers.ipPorts ?? []) if (protocolNumber(m.protocol) === protocol) out.push([BigInt(m.port), BigInt(m.port)]);
    if (r.protocol === undefined || protocolNumber(r.protocol) !== protocol) continue;
    for (const side of [r.source, r.destination]) {
      for (const text of [...(side?.ports ?? []), ...(side?.notPorts ?? [])]) {
        const spec = parsePortSpec(text);
        if (spec.kind !== 'named') out.push([BigInt(spec.min), BigInt(spec.max)]);
      }
    }
  }
  return out;
}

/** The port ranges of the protocol that can decide a flow whatever the rules: named ports, failsafe entries, Felix's VXLAN drop. */
function globalPortRanges(model: BuiltModel, protocol: number): Interval[] {
  const out: Interval[] = [];
  for (const e of model.endpoints) {
    for (const n of e.namedPorts) if (protocolNumber(n.protocol) === protocol) out.push([BigInt(n.port), BigInt(n.port)]);
  }
  for (const f of [...model.felix.failsafeInbound, ...model.felix.failsafeOutbound]) {
    if (protocolNumber(f.protocol) === protocol) out.push([BigInt(f.port), BigInt(f.port)]);
  }
  // Felix's workload VXLAN drop (UDP to its VXLAN port, before policy)
  if (protocol === UDP) out.push([BigInt(model.felix.vxlanPort), BigInt(model.felix.vxlanPort)]);
  return out;
}

function icmpClasses(protocol: number, rules: readonly CalicoRule[]): ConnectionClass[] {
  // ICMPv6 types a workload may always send to its host (cali-wl-to-host)
  const types: Interval[] = protocol === ICMPV6 ? ICMPV6_FROM_WORKLOADS.map((t): Interval => [BigInt(t), BigInt(t)]) : [];
  const codesByType = new Map<number, Interval[]>();
  for (const r of rules) {
    for (const m of [r.icmp, r.notICMP]) {
      if (m?.type === undefined) continue;
      types.push([BigInt(m.type), BigInt(m.type)]);
      if (m.code !== undefined) codesByType.set(m.type, [...(codesByType.get(m.type) ?? []), [BigInt(m.code), BigInt(m.code)]]);
    }
  }
  const protocols: Interval[] = [[BigInt(protocol), BigInt(protocol)]];
  return cutIntervals(0n, 255n, types).flatMap((range): ConnectionClass[] => {
    const codes = range[0] === range[1] ? codesByType.get(Number(range[0])) : undefined;
    if (!codes) return [{ protocols, protocol, range }];
    return cutIntervals(0n, 255n, codes).map((c) => ({ protocols, protocol, range, codes: c }));
  });
}

/** Every class of the connection space for the model's policies, protocols in number order. */
export function connectionClasses(model: BuiltModel): ConnectionClass[] {
  const rules = modelRules(model);
  // IP-in-IP is its own class: Felix drops it from workloads before policy
  const named = new Set<number>([TCP, UDP, SCTP, ICMP, ICMPV6, IPIP_PROTOCOL]);
  for (const r of rules) {
    for (const p of [r.protocol, r.notProtocol]) {
      const n = p === undefined ? undefined : protocolNumber(p);
      if (n !== undefined) named.add(n);
    }
  }
  const out: ConnectionClass[] = [];
  for (const n of [...named].sort((a, b) => a - b)) {
    const protocols: Interval[] = [[BigInt(n), BigInt(n)]];
    if (PORTED.includes(n)) out.push(...cutIntervals(1n, 65535n, portRanges(model, rules, n)).map((range) => ({ protocols, protocol: n, range })));
    else if (n === ICMP || n === ICMPV6) out.push(...icmpClasses(n, rules));
    else out.push({ protocols, protocol: n });
  }
  const others = cutIntervals(1n, 255n, [...named].map((n): Interval => [BigInt(n), BigInt(n)]))
    .filter(([lo, hi]) => !(lo === hi && named.has(Number(lo))));
  if (others.length > 0) out.push({ protocols: others, protocol: Number(others[0][0]) });
  return out;
}

/** True when the class means something for the IP version: no ICMPv6 over IPv4, no ICMP over IPv6. */
export function classFitsVersion(c: ConnectionClass, version: number): boolean {
  return version === 4 ? c.protocol !== ICMPV6 : c.protocol !== ICMP;
}
