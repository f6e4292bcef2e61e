// natOutgoing as the destination's side sees it (felix/rules/nat.go, the plan's cali-nat-outgoing):
// a pod of a natOutgoing pool reaching an address outside every pool is masqueraded on its node's
// POSTROUTING, so another node's host endpoint policy sees the source node's address, not the pod's.
// The pod's own node (its egress policy, its host endpoint's forward policy) still sees the pod.
// FelixConfiguration: natOutgoingAddress is the source instead (IPv4); natOutgoingExclusions
// IPPoolsAndHostIPs leaves traffic to the nodes' addresses (all-hosts-net) unmasqueraded; natPortRange
// maps TCP and UDP source ports into the range (a port already in it is kept, as the kernel does
// when it is free; for one outside it the kernel picks a free port of the range: judged with the
// range's first port, which the note says).
import { ipVersionOf } from '../../model/net';
import { CidrMatcher } from '../model/address-match';
import { BuiltModel } from '../model/build';
import { nodeAddressToward } from './interfaces';
import { allHostsNet } from './tunnel-host';
import { hostNodeOf } from './sides';
import { DirectionTrace, Flow } from './types';

interface PoolMatchers {
  readonly masq: readonly CidrMatcher[];
  readonly all: readonly CidrMatcher[];
}

const matchers = new WeakMap<BuiltModel, PoolMatchers>();

function poolsOf(model: BuiltModel): PoolMatchers {
  let m = matchers.get(model);
  if (!m) {
    const pools = model.felix.ipPools;
    m = {
      masq: pools.filter((p) => p.masquerade).map((p) => CidrMatcher.parse(p.cidr)),
      all: pools.filter((p) => !p.loadBalancerOnly).map((p) => CidrMatcher.parse(p.cidr)),
    };
    matchers.set(model, m);
  }
  return m;
}

const within = (list: readonly CidrMatcher[], ip: string): boolean => list.some((c) => ipVersionOf(c.toString().split('/')[0]) === ipVersionOf(ip) && c.contains(ip));

/** True when the address is in a natOutgoing pool (its traffic leaving every pool is masqueraded). */
export function masqueradedPool(model: BuiltModel, ip: string): boolean {
  const pools = poolsOf(model);
  return pools.masq.length > 0 && within(pools.masq, ip);
}

/** The masqueraded source, when the flow leaves a natOutgoing pool for another node's host; else undefined. */
function masqueradedSource(model: BuiltModel, flow: Flow): string | undefined {
  const src = flow.source;
  const dstIp = flow.destination.ip;
  if (src.endpoint?.kind !== 'workload' || src.ip === undefined || dstIp === undefined) return undefined;
  if (!masqueradedPool(model, src.ip) || within(poolsOf(model).all, dstIp)) return undefined;
  const dstNode = hostNodeOf(model, flow.destination);
  if (dstNode === undefined || dstNode === src.endpoint.node) return undefined;
  const version = ipVersionOf(dstIp);
  if (model.felix.natOutgoing.excludeHosts && version !== undefined && allHostsNet(model, version).includes(dstIp)) return undefined;
  const address = model.felix.natOutgoing.address;
  return version === 4 && address !== undefined ? address : nodeAddressToward(model, src.endpoint.node, dstIp);
}

const TCP = 6;
const UDP = 17;

/** The source port after natPortRange, and the words for the note (undefined when the port is unchanged). */
function mappedSourcePort(model: BuiltModel, flow: Flow): { readonly port?: number; readonly note?: string } {
  const range = model.felix.natOutgoing.portRange;
  const port = flow.sourcePort;
  if (!range || (flow.protocol !== TCP && flow.protocol !== UDP) || port === undefined || (port >= range.min && port <= range.max)) return { port };
  return {
    port: range.min,
    note: `source port ${port} is mapped into ${range.min}-${range.max} (natPortRange: the kernel picks a free port of the range; judged with ${range.min})`,
  };
}

/** The flow as the destination's side receives it (the masqueraded source), and the note for its trace. */
export function ingressView(model: BuiltModel, flow: Flow): { readonly flow: Flow; readonly note?: string } {
  const addr = masqueradedSource(model, flow);
  if (addr === undefined) return { flow };
  const how = addr === model.felix.natOutgoing.address ? 'SNATed to natOutgoingAddress' : 'masqueraded to its node\'s address';
  const ported = mappedSourcePort(model, flow);
  return {
    flow: { ...flow, source: { id: addr, ip: addr }, sourcePort: ported.port },
    note: `natOutgoing: ${flow.source.id} (${flow.source.ip}) is ${how} ${addr} (nat cali-nat-outgoing), which is the source this side's policy sees`
      + (ported.note ? `; its ${ported.note}` : ''),
  };
}

/** The trace with the note in front of its reason. */
export function withNatNote(trace: DirectionTrace, note: string | undefined): DirectionTrace {
  return note === undefined ? trace : { ...trace, reason: `${note}; ${trace.reason}` };
}
