// The stages of each side of a flow: the source node's egress path and the destination node's ingress path.
import { ProtoPort } from '../../model/resources';
import { CidrMatcher } from '../model/address-match';
import { BuiltModel } from '../model/build';
import { Endpoint } from '../model/types';
import { ChainOptions, evaluateChain } from './chain';
import { FORWARD, NORMAL, PRE_DNAT, UNTRACKED } from './placement';
import { hostEndpointOn, nodeAllInterfacesEndpoint, policingOf } from './interfaces';
import { DirectionTrace, Flow, FlowParty, StageTrace } from './types';
import { tunnelInputStage, tunnelOutputStage } from './tunnel-host';
import { podRouteDevice, sendingNode } from './tunnel-source';
import { encapsulationDrop, icmpv6AcceptedToHost, icmpv6ToHostStage, withDenyAction } from './workload-static';

const FAILSAFE_PROTOCOLS: { readonly [p: string]: number } = { tcp: 6, udp: 17, sctp: 132 };

const nodeByAddress = new WeakMap<BuiltModel, Map<string, string>>();

/** The node owning a Node address (the first node listing it, as a scan in model order finds). */
function nodeOwningAddress(model: BuiltModel, ip: string): string | undefined {
  let index = nodeByAddress.get(model);
  if (!index) {
    index = new Map();
    for (const n of model.nodes) for (const a of n.addresses) if (!index.has(a.address)) index.set(a.address, n.name);
    nodeByAddress.set(model, index);
  }
  return index.get(ip);
}

/** The node whose host a party is: a host endpoint's node, or the node owning an external address. */
export function hostNodeOf(model: BuiltModel, party: FlowParty): string | undefined {
  if (party.endpoint) return party.endpoint.kind === 'host' ? party.endpoint.node : undefined;
  const ip = party.ip;
  return ip === undefined ? undefined : nodeOwningAddress(model, ip);
}

/** The node a party lives on (workload's node or host's node). */
function nodeOf(model: BuiltModel, party: FlowParty): string | undefined {
  return party.endpoint ? party.endpoint.node : hostNodeOf(model, party);
}

/** The failsafe entry the flow hits (as text), or undefined; `peerIp` is checked against the entry's net. */
export function failsafe(list: readonly ProtoPort[], flow: Flow, peerIp: string | undefined): string | undefined {
  const hit = list.find((f) => FAILSAFE_PROTOCOLS[f.protocol.toLowerCase()] === flow.protocol && f.port === flow.port
    && (f.net === undefined || (peerIp !== undefined && CidrMatcher.parse(f.net).contains(peerIp))));
  return hit ? `${hit.protocol.toLowerCase()}:${hit.port}${hit.net ? ` from/to ${hit.net}` : ''}` : undefined;
}

function chainStage(model: BuiltModel, stage: string, ep: Endpoint, direction: string, flow: Flow, opts: ChainOptions): StageTrace {
  const r = evaluateChain(model, ep, direction, flow, opts);
  return withDenyAction(model, { stage, endpoint: ep.id, tiers: r.tiers, profiles: r.profiles, verdict: r.verdict, reason: r.reason });
}

function fixed(stage: string, endpoint: string, verdict: string, reason: string, failsafeText?: string): StageTrace {
  return { stage, endpoint, tiers: [], verdict, reason, ...(failsafeText ? { failsafe: failsafeText } : {}) };
}

function finish(direction: string, endpoint: string, stages: StageTrace[]): DirectionTrace {
  const deciding = stages.find((s) => s.verdict === 'deny') ?? [...stages].reverse().find((s) => s.verdict === 'allow');
  const allowed = !stages.some((s) => s.verdict === 'deny');
  return { direction, endpoint, stages, allowed, reason: deciding ? deciding.reason : 'no policy is enforced on this side' };
}

/**
 * Runs host endpoint stages of untracked and pre-DNAT policy; returns the verdict of the first
 * that decided (`allow`: accept mark set, `deny`: dropped), or `continue`.
 */
function rawAndMangle(model: BuiltModel, hep: Endpoint, direction: string, flow: Flow, stages: StageTrace[]): string {
  const list: [string, ChainOptions][] = [];
  if (hep.interfaceName !== '*') list.push(['host-untracked', UNTRACKED]);
  if (direction === 'ingress') list.push(['host-prednat', PRE_DNAT]);
  for (const [stage, opts] of list) {
    const s = chainStage(model, stage, hep, direction, flow, opts);
    stages.push(s);
    if (s.verdict !== 'continue') return s.verdict;
  }
  return 'continue';
}

/**
 * Forwarded traffic arriving through a host endpoint (filter cali-FORWARD, felix/rules/static.go):
 * the raw and mangle cali-fh chains jump to cali-failsafe-in first, so a failsafe port skips
 * untracked and pre-DNAT policy; an accept there skips only the forward (cali-from-hep-forward)
 * policy, since the workload's own chain runs either way. Returns false when the packet is dropped.
 */
function forwardedIn(model: BuiltModel, hep: Endpoint, flow: Flow, stages: StageTrace[]): boolean {
  const fs = failsafe(model.felix.failsafeInbound, flow, flow.source.ip);
  if (fs) {
    stages.push(fixed('host-failsafe', hep.id, 'continue', `failsafe inbound port ${fs}: untracked and pre-DNAT policy skipped`, fs));
  } else {
    const early = rawAndMangle(model, hep, 'ingress', flow, stages);
    if (early === 'deny') return false;
    if (early === 'allow') return true;
  }
  const f = chainStage(model, 'host-forward', hep, 'ingress', flow, FORWARD);
  stages.push(f);
  return f.verdict !== 'deny';
}

/**
 * A pod's packet entering the node through its `cali` interface, which no named host endpoint
 * covers: with an all-interfaces host endpoint, mangle cali-from-host-endpoint goes to its
 * pre-DNAT chain and, for forwarded packets, filter cali-from-hep-forward to its forward ingress
 * chain (felix/rules/dispatch.go hostDispatchChains with a default interface; no workload
 * exception there). Returns false when the packet is dropped.
 */
function fromPodThroughAllInterfaces(model: BuiltModel, hep: Endpoint, flow: Flow, forwarded: boolean, stages: StageTrace[]): boolean {
  if (forwarded) return forwardedIn(model, hep, flow, stages);
  if (failsafe(model.felix.failsafeInbound, flow, flow.source.ip)) return true;
  return rawAndMangle(model, hep, 'ingress', flow, stages) !== 'deny';
}

/** The host endpoint for the host's own traffic: the one on `via` when given, else the address's own. */
function hostTrafficEndpoint(model: BuiltModel, node: string, own: Endpoint | undefined, via: string | undefined): Endpoint | undefined {
  return via !== undefined ? hostEndpointOn(model, node, via) : own;
}

function noHostEndpoint(id: string, via: string | undefined, what: string): StageTrace {
  const where = via !== undefined ? `no host endpoint covers interface ${via}` : 'the address is no host endpoint\'s';
  return fixed('unpoliced', id, 'allow', `${where}: ${what} is not policed`);
}

/** The source's side: what the source node enforces on the way out. */
export function egressSide(model: BuiltModel, flow: Flow): DirectionTrace {
  const src = flow.source;
  const ep = src.endpoint;
  const stages: StageTrace[] = [];
  const dstNode = nodeOf(model, flow.destination);
  if (!ep || ep.kind === 'host') {
    const node = ep ? ep.node : hostNodeOf(model, src);
    if (node === undefined) return finish('egress', src.id, [fixed('unpoliced', src.id, 'allow', 'the source is not a Calico endpoint: no egress policy')]);
    if (dstNode === node) {
      return finish('egress', src.id, [fixed('unpoliced', src.id, 'allow', 'traffic from a host to its own workloads or addresses is not policed')]);
    }
    // a host endpoint's traffic to another node's pod through a tunnel leaves by the tunnel device
    const device = ep && flow.via === undefined && flow.destination.endpoint?.kind === 'workload'
      ? podRouteDevice(model, node, flow.destination.endpoint.node, flow.destination.ip) : undefined;
    const hep = device !== undefined ? hostEndpointOn(model, node, device) : hostTrafficEndpoint(model, node, ep, flow.via);
    const ipipOut = tunnelOutputStage(model, node, flow);
    if (!hep) return finish('egress', src.id, [ipipOut ?? noHostEndpoint(src.id, flow.via, 'traffic the host sends')]);
    const fs = failsafe(model.felix.failsafeOutbound, flow, flow.destination.ip);
    if (fs) return finish('egress', src.id, [fixed('host', hep.id, 'allow', `failsafe outbound port ${fs}`, fs)]);
    if (rawAndMangle(model, hep, 'egress', flow, stages) !== 'continue') return finish('egress', src.id, stages);
    stages.push(ipipOut ?? chainStage(model, 'host', hep, 'egress', flow, NORMAL));
    return finish('egress', src.id, stages);
  }
  const star = nodeAllInterfacesEndpoint(model, ep.node);
  const toOwnHost = flow.destination.endpoint?.kind !== 'workload' && hostNodeOf(model, flow.destination) === ep.node;
  if (star && !fromPodThroughAllInterfaces(model, star, flow, !toOwnHost, stages)) return finish('egress', src.id, stages);
  const ipipIn = toOwnHost ? tunnelInputStage(model, ep.node, flow) : undefined;
  if (ipipIn) return finish('egress', src.id, [...stages, ipipIn]);
  if (toOwnHost && icmpv6AcceptedToHost(flow)) return finish('egress', src.id, [...stages, icmpv6ToHostStage(ep.id, flow)]);
  const encap = encapsulationDrop(model, ep, flow);
  if (encap) return finish('egress', src.id, [...stages, encap]);
  const s = chainStage(model, 'workload', ep, 'egress', flow, NORMAL);
  stages.push(s);
  if (s.verdict === 'deny' || dstNode === ep.node) return finish('egress', src.id, stages);
  const dst = flow.destination;
  const tunnel = dst.endpoint?.kind === 'workload' ? podRouteDevice(model, ep.node, dst.endpoint.node, dst.ip) : undefined;
  const hep = policingOf(model, ep.node, flow.via, dst.ip, dst.endpoint?.kind === 'workload', tunnel);
  if (hep) stages.push(chainStage(model, 'host-forward', hep, 'egress', flow, FORWARD));
  return finish('egress', src.id, stages);
}

/** The destination's side: what the destination node enforces on the way in. */
export function ingressSide(model: BuiltModel, flow: Flow): DirectionTrace {
  const dst = flow.destination;
  const src = flow.source;
  const ep = dst.endpoint;
  const srcIsLocalWorkload = (node: string): boolean => src.endpoint?.kind === 'workload' && src.endpoint.node === node;
  const srcIsLocalHost = (node: string): boolean => hostNodeOf(model, src) === node;
  const stages: StageTrace[] = [];
  if (ep && ep.kind === 'workload') {
    if (srcIsLocalHost(ep.node)) {
      return finish('ingress', dst.id, [fixed('unpoliced', dst.id, 'allow', 'traffic from the pod\'s own node is not policed')]);
    }
    if (!srcIsLocalWorkload(ep.node)) {
      const from = sendingNode(model, src);
      const tunnel = from !== undefined ? podRouteDevice(model, from, ep.node, dst.ip) : undefined;
      const hep = policingOf(model, ep.node, flow.via, src.ip, src.endpoint?.kind === 'workload', tunnel);
      if (hep && !forwardedIn(model, hep, flow, stages)) return finish('ingress', dst.id, stages);
    }
    stages.push(chainStage(model, 'workload', ep, 'ingress', flow, NORMAL));
    // forwarded out of the pod's cali interface: cali-to-hep-forward goes to the all-interfaces
    // host endpoint's forward egress chain, after the pod's own chain (static.go cali-FORWARD)
    const star = nodeAllInterfacesEndpoint(model, ep.node);
    if (star) stages.push(chainStage(model, 'host-forward', star, 'egress', flow, FORWARD));
    return finish('ingress', dst.id, stages);
  }
  const node = ep ? ep.node : hostNodeOf(model, dst);
  if (node === undefined) {
    return finish('ingress', dst.id, [fixed('unpoliced', dst.id, 'allow', 'the destination is not a Calico endpoint: no ingress policy')]);
  }
  if (srcIsLocalWorkload(node)) {
    return finish('ingress', dst.id, [icmpv6AcceptedToHost(flow) ? icmpv6ToHostStage(dst.id, flow) : workloadToHost(model, dst.id)]);
  }
  if (srcIsLocalHost(node)) {
    return finish('ingress', dst.id, [fixed('unpoliced', dst.id, 'allow', 'traffic within one host is not policed')]);
  }
  const hep = hostTrafficEndpoint(model, node, ep, flow.via);
  const ipipIn = tunnelInputStage(model, node, flow);
  if (!hep) return finish('ingress', dst.id, [ipipIn ?? noHostEndpoint(dst.id, flow.via, 'traffic to the host')]);
  const fs = failsafe(model.felix.failsafeInbound, flow, src.ip);
  if (fs) return finish('ingress', dst.id, [fixed('host', hep.id, 'allow', `failsafe inbound port ${fs}`, fs)]);
  // raw and mangle run first; an accept there still meets cali-INPUT's IP-in-IP rules, which come first
  const early = rawAndMangle(model, hep, 'ingress', flow, stages);
  if (early === 'deny') return finish('ingress', dst.id, stages);
  if (ipipIn) return finish('ingress', dst.id, [...stages, ipipIn]);
  if (early !== 'continue') return finish('ingress', dst.id, stages);
  stages.push(chainStage(model, 'host', hep, 'ingress', flow, NORMAL));
  return finish('ingress', dst.id, stages);
}

function workloadToHost(model: BuiltModel, id: string): StageTrace {
  const action = model.felix.defaultEndpointToHostAction;
  const verdict = action.toLowerCase() === 'drop' ? 'deny' : 'allow';
  return fixed('workload-to-host', id, verdict, `traffic from a pod to its own host: defaultEndpointToHostAction ${action}`);
}
