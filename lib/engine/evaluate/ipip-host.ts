// Felix's IP-in-IP host rules (felix/rules/static.go, IPv4, when IP-in-IP is on): filter cali-INPUT
// accepts IP-in-IP from a Calico host (the all-hosts-net set) to a local address and drops any other
// before anything else in the chain (workload egress and host endpoint policy included); filter
// cali-OUTPUT accepts the host's IP-in-IP to Calico hosts before host endpoint egress policy.
import { ipVersionOf } from '../../model/net';
import { EngineModel } from '../model/types';
import { Flow, StageTrace } from './types';
import { IPIP_PROTOCOL, withDenyAction } from './workload-static';
import { BuiltModel } from '../model/build';

const members = new WeakMap<EngineModel, ReadonlySet<string>>();

/**
 * The `all-hosts-net` set (felix/dataplane/linux/ipset_hosts_mgr.go): each node's InternalIP of the
 * IP version, the address calico-node's autodetection picks by default. The plan renders this set.
 */
export function allHostsNet(model: EngineModel, version: number): string[] {
  const out = new Set<string>();
  for (const n of model.nodes) {
    const a = n.addresses.find((x) => x.type === 'InternalIP' && ipVersionOf(x.address) === version);
    if (a) out.add(a.address);
  }
  return [...out].sort();
}

function isCalicoHost(model: EngineModel, ip: string | undefined): boolean {
  let set = members.get(model);
  if (!set) {
    set = new Set(allHostsNet(model, 4));
    members.set(model, set);
  }
  return ip !== undefined && set.has(ip);
}

function applies(model: EngineModel, flow: Flow): boolean {
  return model.felix.ipipEnabled && flow.protocol === IPIP_PROTOCOL && ipVersionOf(flow.destination.ip ?? '') === 4;
}

/** cali-INPUT's IP-in-IP rules for a packet to the node's own address, or undefined when they do not apply. */
export function ipipInputStage(model: BuiltModel, node: string, flow: Flow): StageTrace | undefined {
  if (!applies(model, flow)) return undefined;
  const endpoint = `node/${node}`;
  if (isCalicoHost(model, flow.source.ip)) {
    return { stage: 'host-ipip', endpoint, tiers: [], verdict: 'allow', reason: 'IP-in-IP from a Calico host is accepted in cali-INPUT before host endpoint policy' };
  }
  return withDenyAction(model, {
    stage: 'host', endpoint, tiers: [], verdict: 'deny',
    reason: 'IP-in-IP from a non-Calico host (not in all-hosts-net) is dropped in cali-INPUT (IP-in-IP is on: an IPPool with ipipMode Always or CrossSubnet)',
  });
}

/** cali-OUTPUT's IP-in-IP accept for the host's packet to a Calico host, or undefined when it does not apply. */
export function ipipOutputStage(model: BuiltModel, node: string, flow: Flow): StageTrace | undefined {
  if (!applies(model, flow) || !isCalicoHost(model, flow.destination.ip)) return undefined;
  return {
    stage: 'host-ipip', endpoint: `node/${node}`, tiers: [], verdict: 'allow',
    reason: 'IP-in-IP to a Calico host is accepted in cali-OUTPUT before host endpoint policy',
  };
}
