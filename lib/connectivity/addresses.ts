// The address space split into classes on which every verdict is constant: the CIDRs the policies,
// network sets and failsafe rules name, the private ranges and the prefixes around every node
// address (which decide the interface a flow is taken to cross).
import { IPv4, IPv6 } from 'ip-num';
import { Cidr, ipNumToString, ipVersionOf, toIpNum } from '../model/net';
import { BuiltModel, findMatchedService, policingOf } from '../engine';
import { Interval, cutIntervals } from './intervals';

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7', 'fe80::/10'];
const BITS: Readonly<Record<number, number>> = { 4: 32, 6: 128 };

/** The address intervals of one IP version, with a lookup of the interval an address is in. */
export interface AddressSpace {
  readonly version: number;
  readonly intervals: readonly Interval[];
  /** Index into intervals of the address. */
  indexOf(ip: string): number;
  /**
   * Per interval: which named CIDRs hold it and which host endpoint of each node polices traffic
   * with it. Intervals with equal keys get equal verdicts (the cuts keep each key constant inside
   * an interval; the key lets equal intervals share one judgement).
   */
  readonly keys: readonly string[];
}

function bounds(c: Cidr): Interval {
  return [valueOf(c.networkAddress()), valueOf(c.lastAddress())];
}

function valueOf(ip: string): bigint {
  const n = toIpNum(ip);
  if (!n) throw new Error(`not an address: ${ip}`);
  return n.getValue();
}

/** The canonical text of the address with this value. */
export function addressText(version: number, value: bigint): string {
  return ipNumToString(version === 4 ? IPv4.fromNumber(value) : IPv6.fromBigInt(value));
}

/** The CIDRs that rules, network sets and failsafe entries name, with the private ranges. */
function namedCidrs(model: BuiltModel): Cidr[] {
  const texts: string[] = [...PRIVATE_RANGES];
  for (const t of model.tiers) {
    for (const p of t.policies) {
      for (const r of [...(p.ingress ?? []), ...(p.egress ?? [])]) {
        for (const side of [r.source, r.destination]) {
          texts.push(...(side?.nets ?? []), ...(side?.notNets ?? []));
          // a services match holds the Service's endpoint addresses (not always pods')
          if (side?.services) texts.push(...findMatchedService(model.services, side.services)?.setMembers.addresses ?? []);
        }
      }
    }
  }
  for (const s of model.networkSets) texts.push(...s.nets);
  for (const f of [...model.felix.failsafeInbound, ...model.felix.failsafeOutbound]) if (f.net) texts.push(f.net);
  return texts.map((t) => Cidr.parseCidrOrIp(t));
}

/** Every prefix of every address the interface of a flow is chosen by (Node addresses, host endpoint IPs). */
function anchorPrefixes(model: BuiltModel): Cidr[] {
  const out: Cidr[] = [];
  // every prefix of every address a flow's interface is chosen by (Node addresses, host endpoint IPs)
  const anchors = [...model.nodes.flatMap((n) => n.addresses.map((a) => a.address)), ...model.endpoints.filter((e) => e.kind === 'host').flatMap((e) => e.ips)];
  for (const a of anchors) {
    const v = ipVersionOf(a);
    if (v === undefined) continue;
    for (let len = 0; len <= BITS[v]; len++) out.push(Cidr.parse(`${a}/${len}`));
  }
  return out;
}

/** The address spaces of the IP versions the inputs use (IPv4 always, IPv6 when anything names it). */
export function addressSpaces(model: BuiltModel): AddressSpace[] {
  const named = namedCidrs(model);
  const cidrs = [...named, ...anchorPrefixes(model)];
  const v6Used = model.endpoints.some((e) => e.ips.some((ip) => ipVersionOf(ip) === 6))
    || cidrs.some((c) => c.version === 6 && !PRIVATE_RANGES.includes(c.toString()));
  return [4, ...(v6Used ? [6] : [])].map((version) => {
    const max = (1n << BigInt(BITS[version])) - 1n;
    const intervals = cutIntervals(0n, max, cidrs.filter((c) => c.version === version).map(bounds));
    const namedBounds = named.filter((c) => c.version === version).map(bounds);
    const keys = intervals.map(([lo]) => {
      const holders = namedBounds.flatMap(([a, b], i) => (a <= lo && lo <= b ? [i] : []));
      const ip = addressText(version, lo);
      const policing = model.nodes.map((n) => policingOf(model, n.name, undefined, ip, false)?.id ?? '-');
      return `${holders.join(',')}|${policing.join(',')}`;
    });
    return {
      version,
      intervals,
      keys,
      indexOf(ip: string): number {
        const v = valueOf(ip);
        let lo = 0;
        let hi = intervals.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (intervals[mid][0] <= v) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      },
    };
  });
}
