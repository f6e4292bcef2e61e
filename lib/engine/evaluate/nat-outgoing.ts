// natOutgoing as the destination's side sees it (felix/rules/nat.go, the plan's cali-nat-outgoing):
// a pod of a natOutgoing pool reaching an address outside every pool is masqueraded on its node's
// POSTROUTING, so another node's host endpoint policy sees the source node's address, not the pod's.
// The pod's own node (its egress policy, its host endpoint's forward policy) still sees the pod.
import { ipVersionOf } from '../../model/net';
import { CidrMatcher } from '../model/address-match';
import { BuiltModel } from '../model/build';
import { nodeAddressToward } from './interfaces';
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
  return nodeAddressToward(model, src.endpoint.node, dstIp);
}

/** The flow as the destination's side receives it (the masqueraded source), and the note for its trace. */
export function ingressView(model: BuiltModel, flow: Flow): { readonly flow: Flow; readonly note?: string } {
  const addr = masqueradedSource(model, flow);
  if (addr === undefined) return { flow };
  return {
    flow: { ...flow, source: { id: addr, ip: addr } },
    note: `natOutgoing: ${flow.source.id} (${flow.source.ip}) is masqueraded to its node's address ${addr} (nat cali-nat-outgoing), which is the source this side's policy sees`,
  };
}

/** The trace with the note in front of its reason. */
export function withNatNote(trace: DirectionTrace, note: string | undefined): DirectionTrace {
  return note === undefined ? trace : { ...trace, reason: `${note}; ${trace.reason}` };
}
