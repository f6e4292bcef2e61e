// The stages of each side of a flow: the source node's egress path and the destination node's ingress path.
import { ProtoPort } from '../../model/resources';
import { CidrMatcher } from '../model/address-match';
import { BuiltModel } from '../model/build';
import { Endpoint } from '../model/types';
import { ChainOptions, evaluateChain } from './chain';
import { FORWARD, NORMAL, PRE_DNAT, UNTRACKED } from './placement';
import { DirectionTrace, Flow, FlowParty, StageTrace } from './types';

const FAILSAFE_PROTOCOLS: { readonly [p: string]: number } = { tcp: 6, udp: 17, sctp: 132 };

/** The node whose host a party is: a host endpoint's node, or the node owning an external address. */
function hostNodeOf(model: BuiltModel, party: FlowParty): string | undefined {
  if (party.endpoint) return party.endpoint.kind === 'host' ? party.endpoint.node : undefined;
  const ip = party.ip;
  return ip === undefined ? undefined : model.nodes.find((n) => n.addresses.some((a) => a.address === ip))?.name;
}

/** The node a party lives on (workload's node or host's node). */
function nodeOf(model: BuiltModel, party: FlowParty): string | undefined {
  return party.endpoint ? party.endpoint.node : hostNodeOf(model, party);
}

const hostsByNode = new WeakMap<BuiltModel, Map<string, Endpoint[]>>();

/** The host endpoint that polices forwarded traffic of a node: its `*` HEP, else its only HEP. */
function forwardHostEndpoint(model: BuiltModel, node: string): Endpoint | undefined {
  let byNode = hostsByNode.get(model);
  if (!byNode) {
    byNode = new Map();
    for (const e of model.endpoints) {
      if (e.kind === 'host') byNode.set(e.node, [...(byNode.get(e.node) ?? []), e]);
    }
    hostsByNode.set(model, byNode);
  }
  const heps = byNode.get(node) ?? [];
  return heps.find((e) => e.interfaceName === '*') ?? (heps.length === 1 ? heps[0] : undefined);
}

function failsafe(list: readonly ProtoPort[], flow: Flow, peerIp: string | undefined): string | undefined {
  const hit = list.find((f) => FAILSAFE_PROTOCOLS[f.protocol.toLowerCase()] === flow.protocol && f.port === flow.port
    && (f.net === undefined || (peerIp !== undefined && CidrMatcher.parse(f.net).contains(peerIp))));
  return hit ? `${hit.protocol.toLowerCase()}:${hit.port}${hit.net ? ` from/to ${hit.net}` : ''}` : undefined;
}

function chainStage(model: BuiltModel, stage: string, ep: Endpoint, direction: string, flow: Flow, opts: ChainOptions): StageTrace {
  const r = evaluateChain(model, ep, direction, flow, opts);
  return { stage, endpoint: ep.id, tiers: r.tiers, profiles: r.profiles, verdict: r.verdict, reason: r.reason };
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
 * Runs host endpoint stages of untracked and pre-DNAT policy; returns true when one of them
 * decided (accept mark set, or dropped), so later filter stages are skipped.
 */
function rawAndMangle(model: BuiltModel, hep: Endpoint, direction: string, flow: Flow, stages: StageTrace[]): boolean {
  const list: [string, ChainOptions][] = [];
  if (hep.interfaceName !== '*') list.push(['host-untracked', UNTRACKED]);
  if (direction === 'ingress') list.push(['host-prednat', PRE_DNAT]);
  for (const [stage, opts] of list) {
    const s = chainStage(model, stage, hep, direction, flow, opts);
    stages.push(s);
    if (s.verdict !== 'continue') return true;
  }
  return false;
}

/** The source's side: what the source node enforces on the way out. */
export function egressSide(model: BuiltModel, flow: Flow): DirectionTrace {
  const src = flow.source;
  const ep = src.endpoint;
  const stages: StageTrace[] = [];
  if (!ep) return finish('egress', src.id, [fixed('unpoliced', src.id, 'allow', 'the source is not a Calico endpoint: no egress policy')]);
  const dstNode = nodeOf(model, flow.destination);
  if (ep.kind === 'workload') {
    const s = chainStage(model, 'workload', ep, 'egress', flow, NORMAL);
    stages.push(s);
    if (s.verdict === 'deny' || dstNode === ep.node) return finish('egress', src.id, stages);
    const hep = forwardHostEndpoint(model, ep.node);
    if (hep) stages.push(chainStage(model, 'host-forward', hep, 'egress', flow, FORWARD));
    return finish('egress', src.id, stages);
  }
  if (dstNode === ep.node) {
    return finish('egress', src.id, [fixed('unpoliced', src.id, 'allow', 'traffic from a host to its own workloads or addresses is not policed')]);
  }
  const fs = failsafe(model.felix.failsafeOutbound, flow, flow.destination.ip);
  if (fs) return finish('egress', src.id, [fixed('host', src.id, 'allow', `failsafe outbound port ${fs}`, fs)]);
  if (rawAndMangle(model, ep, 'egress', flow, stages)) return finish('egress', src.id, stages);
  stages.push(chainStage(model, 'host', ep, 'egress', flow, NORMAL));
  return finish('egress', src.id, stages);
}

/** The destination's side: what the destination node enforces on the way in. */
export function ingressSide(model: BuiltModel, flow: Flow): DirectionTrace {
  const dst = flow.destination;
  const src = flow.source;
  const ep = dst.endpoint;
  const srcIsLocalWorkload = (node: string): boolean => src.endpoint?.kind === 'workload' && src.endpoint.node === node;
  const srcIsLocalHost = (node: string): boolean => hostNodeOf(model, src) === node;
  if (!ep) {
    const hostNode = hostNodeOf(model, dst);
    if (hostNode !== undefined && srcIsLocalWorkload(hostNode)) return finish('ingress', dst.id, [workloadToHost(model, dst.id)]);
    return finish('ingress', dst.id, [fixed('unpoliced', dst.id, 'allow', 'the destination is not a Calico endpoint: no ingress policy')]);
  }
  const stages: StageTrace[] = [];
  if (ep.kind === 'workload') {
    if (srcIsLocalHost(ep.node)) {
      return finish('ingress', dst.id, [fixed('unpoliced', dst.id, 'allow', 'traffic from the pod\'s own node is not policed')]);
    }
    if (!srcIsLocalWorkload(ep.node)) {
      const hep = forwardHostEndpoint(model, ep.node);
      if (hep) {
        if (rawAndMangle(model, hep, 'ingress', flow, stages)) return finish('ingress', dst.id, stages);
        const f = chainStage(model, 'host-forward', hep, 'ingress', flow, FORWARD);
        stages.push(f);
        if (f.verdict === 'deny') return finish('ingress', dst.id, stages);
      }
    }
    stages.push(chainStage(model, 'workload', ep, 'ingress', flow, NORMAL));
    return finish('ingress', dst.id, stages);
  }
  if (srcIsLocalWorkload(ep.node)) return finish('ingress', dst.id, [workloadToHost(model, dst.id)]);
  if (srcIsLocalHost(ep.node)) {
    return finish('ingress', dst.id, [fixed('unpoliced', dst.id, 'allow', 'traffic within one host is not policed')]);
  }
  const fs = failsafe(model.felix.failsafeInbound, flow, src.ip);
  if (fs) return finish('ingress', dst.id, [fixed('host', dst.id, 'allow', `failsafe inbound port ${fs}`, fs)]);
  if (rawAndMangle(model, ep, 'ingress', flow, stages)) return finish('ingress', dst.id, stages);
  stages.push(chainStage(model, 'host', ep, 'ingress', flow, NORMAL));
  return finish('ingress', dst.id, stages);
}

function workloadToHost(model: BuiltModel, id: string): StageTrace {
  const action = model.felix.defaultEndpointToHostAction;
  const verdict = action.toLowerCase() === 'drop' ? 'deny' : 'allow';
  return fixed('workload-to-host', id, verdict, `traffic from a pod to its own host: defaultEndpointToHostAction ${action}`);
}
