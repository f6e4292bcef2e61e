// The kube-proxy external path (iptables mode): a flow to a node address and nodePort, a
// LoadBalancer IP or an external IP. On the node it arrives on, in order: the untracked and pre-DNAT
// policy of the arrival host endpoint (they see the original destination), kube-proxy's DNAT to one
// backend (each is judged), the forward host endpoint policy (ingress of the arrival interface;
// egress of the interface it leaves by when the backend is on another node), SNAT to the node's
// address for externalTrafficPolicy Cluster when it leaves the node (MASQUERADE in nat POSTROUTING,
// after the filter chains: a backend on the arrival node sees the original source; through an Always
// pool's tunnel the tunnel's address, evaluate/arrival.ts), then the
// backend's node and the backend's ingress policy. `Local` never leaves the node: backends on other
// nodes are not used, and a node without a local backend drops the flow.
import { ipVersionOf } from '../../model/net';
import { ChainOptions, evaluateChain } from '../evaluate/chain';
import { FORWARD, NORMAL, PRE_DNAT, UNTRACKED } from '../evaluate/placement';
import { hostEndpointOn, nodeAllInterfacesEndpoint, policingOf } from '../evaluate/interfaces';
import { arrivalView } from '../evaluate/arrival';
import { podRouteDevice } from '../evaluate/tunnel-source';
import { parseProtocol, resolveParty } from '../evaluate/resolve';
import { egressSide, failsafe, hostNodeOf, ingressSide } from '../evaluate/sides';
import { Flow, FlowParty, StageTrace } from '../evaluate/types';
import { withDenyAction } from '../evaluate/workload-static';
import { ServiceBackend } from '../input/derive-endpoints';
import { InputError } from '../input/errors';
import { BuiltModel } from '../model/build';
import { Endpoint } from '../model/types';
import { CidrMatcher } from '../model/address-match';
import { ServiceSummary, affinityNote } from './evaluate';
import { ExternalTarget } from './external-target';
import { familyOf, otherFamilyBackend } from './families';

/** One backend reached through one arrival node: every stage in order, or why kube-proxy does not use it. */
export interface ExternalBackendPath {
  readonly backend: ServiceBackend;
  /** The node the packet arrives on (where kube-proxy DNATs it). */
  readonly node: string;
  /** The stages in order, kube-proxy's own included. Empty when unused. */
  readonly stages: readonly StageTrace[];
  /** Reachable through every stage. False when unused. */
  readonly allowed: boolean;
  /** The source the backend's ingress policy sees (the node's address after SNAT). @default - the original source */
  readonly seenSource?: string;
  /** Why kube-proxy does not send the flow from this node to this backend. @default - it does */
  readonly unused?: string;
}

/** The verdict of a flow on an external Service path, per arrival node and backend, summarised. */
export interface ExternalServiceVerdict {
  readonly target: ExternalTarget;
  readonly source: string;
  readonly paths: readonly ExternalBackendPath[];
  readonly summary: ServiceSummary;
  readonly notes: readonly string[];
}

/** What this path does not model, said with every answer. */
const NOT_MODELLED = 'not modelled on this path: kube-proxy IPVS and nftables modes, '
  + 'Calico eBPF dataplane (the answer is for kube-proxy iptables mode with Calico\'s iptables dataplane)';

function stageOf(model: BuiltModel, stage: string, ep: Endpoint, direction: string, flow: Flow, opts: ChainOptions): StageTrace {
  const r = evaluateChain(model, ep, direction, flow, opts);
  return withDenyAction(model, { stage, endpoint: ep.id, tiers: r.tiers, profiles: r.profiles, verdict: r.verdict, reason: r.reason });
}

const fixed = (stage: string, endpoint: string, verdict: string, reason: string): StageTrace => ({ stage, endpoint, tiers: [], verdict, reason });

/** The host endpoint of the interface the packet arrives on at `node`. */
function arrivalEndpoint(model: BuiltModel, node: string, target: ExternalTarget, source: FlowParty, via: string | undefined): Endpoint | undefined {
  if (via !== undefined) return hostEndpointOn(model, node, via);
  const own = model.endpoints.find((e) => e.kind === 'host' && e.node === node && e.interfaceName !== '*' && e.ips.includes(target.address));
  return own ?? policingOf(model, node, undefined, source.ip, false);
}

/** A node's address of `peer`'s family: its InternalIP, else any (what MASQUERADE gives a packet leaving it for `peer`'s node). */
function masqueradeAddress(model: BuiltModel, node: string, peer: string): string | undefined {
  const family = ipVersionOf(peer);
  const addresses = model.nodes.filter((n) => n.name === node).flatMap((n) => n.addresses).filter((a) => ipVersionOf(a.address) === family);
  return (addresses.find((a) => a.type === 'InternalIP') ?? addresses[0])?.address;
}

/** Untracked and pre-DNAT policy of the arrival host endpoint, with the original destination. */
function beforeDnat(model: BuiltModel, hep: Endpoint, flow: Flow, stages: StageTrace[]): string {
  const fs = failsafe(model.felix.failsafeInbound, flow, flow.source.ip);
  if (fs) {
    stages.push({ ...fixed('host-failsafe', hep.id, 'continue', `failsafe inbound port ${fs}: untracked and pre-DNAT policy skipped`), failsafe: fs });
    return 'continue';
  }
  const list: [string, ChainOptions][] = hep.interfaceName !== '*' ? [['host-untracked', UNTRACKED], ['host-prednat', PRE_DNAT]] : [['host-prednat', PRE_DNAT]];
  for (const [name, opts] of list) {
    const s = stageOf(model, name, hep, 'ingress', flow, opts);
    stages.push(s);
    if (s.verdict !== 'continue') return s.verdict;
  }
  return 'continue';
}

const denied = (stages: readonly StageTrace[]): boolean => stages.some((s) => s.verdict === 'deny');

/** The address kube-proxy takes as the node's own (its first InternalIP, else its first address), of `family`. */
function nodeIp(model: BuiltModel, node: string, family: number | undefined): string | undefined {
  const addresses = model.nodes.filter((n) => n.name === node).flatMap((n) => n.addresses).filter((a) => ipVersionOf(a.address) === family);
  return (addresses.find((a) => a.type === 'InternalIP') ?? addresses[0])?.address;
}

/**
 * kube-proxy's firewall for a LoadBalancer IP with loadBalancerSourceRanges (KUBE-FW-*, in nat
 * PREROUTING after Calico's pre-DNAT policy): a source in a range goes on to KUBE-EXT-*; so does the
 * LoadBalancer IP itself as source when a range holds the node's IP (a node reaching its own VIP);
 * anything else is not DNATed and KUBE-PROXY-FIREWALL drops it in filter. Undefined when not used.
 */
function firewallStage(model: BuiltModel, target: ExternalTarget, node: string, source: FlowParty): StageTrace | undefined {
  const ranges = target.service.loadBalancerSourceRanges;
  if (target.kind !== 'loadBalancer' || ranges.length === 0 || source.ip === undefined) return undefined;
  const family = ipVersionOf(source.ip);
  const mine = ranges.filter((r) => CidrMatcher.parse(r).version === family);
  // each family's proxier takes the ranges of its family only (serviceport.go newBaseServiceInfo):
  // with none, it programs no KUBE-FW-* and lets every source of that family through
  if (mine.length === 0) return undefined;
  const hit = mine.find((r) => CidrMatcher.parse(r).contains(source.ip as string));
  if (hit !== undefined) return fixed('kube-proxy-firewall', `node/${node}`, 'continue', `KUBE-FW-*: source ${source.ip} is in loadBalancerSourceRanges ${hit} -> KUBE-EXT-*`);
  const own = nodeIp(model, node, family);
  if (source.ip === target.address && own !== undefined && mine.some((r) => CidrMatcher.parse(r).contains(own))) {
    return fixed('kube-proxy-firewall', `node/${node}`, 'continue', `KUBE-FW-*: the LoadBalancer IP as source, and a range holds the node's IP ${own} -> KUBE-EXT-*`);
  }
  return fixed('kube-proxy-firewall', `node/${node}`, 'deny',
    `KUBE-FW-*: source ${source.ip} is in none of loadBalancerSourceRanges ${ranges.join(', ')}: not DNATed; KUBE-PROXY-FIREWALL drops it`);
}

function backendName(b: ServiceBackend): string {
  return `${b.address}:${b.port}${b.pod ? ` (${b.pod})` : ''}`;
}

/** One backend through one arrival node. */
function judgePath(model: BuiltModel, target: ExternalTarget, node: string, source: FlowParty, backend: ServiceBackend, protocol: number, via: string | undefined): ExternalBackendPath {
  const other = otherFamilyBackend(backend, familyOf(target.address));
  if (other !== undefined) return { backend, node, stages: [], allowed: false, unused: other };
  const local = target.service.externalTrafficPolicy === 'Local';
  if (local && backend.nodeName !== node) {
    return {
      backend, node, stages: [], allowed: false,
      unused: `externalTrafficPolicy Local: the backend is on ${backend.nodeName ?? 'an unknown node'}, not on ${node}; kube-proxy sends external traffic only to local backends (KUBE-SVL-*)`,
    };
  }
  const original: Flow = { source, destination: resolveParty(model, target.address), protocol, port: target.sentPort };
  // a node's own traffic to another node's address: that host's egress policy first
  const stages: StageTrace[] = hostNodeOf(model, source) !== undefined ? [...egressSide(model, original).stages] : [];
  if (denied(stages)) return { backend, node, stages, allowed: false };
  const hep = arrivalEndpoint(model, node, target, source, via);
  let early = 'continue';
  if (hep) early = beforeDnat(model, hep, original, stages);
  else stages.push(fixed('unpoliced', `node/${node}`, 'continue', 'no host endpoint covers the arrival interface: no untracked, pre-DNAT or forward policy'));
  if (early === 'deny') return { backend, node, stages, allowed: false };
  const firewall = firewallStage(model, target, node, source);
  if (firewall) {
    stages.push(firewall);
    if (firewall.verdict === 'deny') return { backend, node, stages, allowed: false };
  }
  const chain = target.kind === 'nodePort' ? 'KUBE-NODEPORTS' : 'KUBE-SERVICES';
  stages.push(fixed('kube-proxy-dnat', `node/${node}`, 'continue',
    `${chain} -> ${local ? 'KUBE-EXT-* -> KUBE-SVL-*' : 'KUBE-EXT-* (marks for masquerade) -> KUBE-SVC-*'} -> KUBE-SEP-*: DNAT ${target.address}:${target.sentPort} to ${backendName(backend)}`));
  const party = resolveParty(model, backend.address);
  const after: Flow = { source, destination: party, protocol, port: backend.port };
  if (hep && early !== 'allow') {
    const f = stageOf(model, 'host-forward', hep, 'ingress', after, FORWARD);
    stages.push(f);
    if (f.verdict === 'deny') return { backend, node, stages, allowed: false };
  }
  const backendNode = party.endpoint?.node ?? backend.nodeName;
  if (backendNode === node) {
    if (party.endpoint) stages.push(stageOf(model, 'workload', party.endpoint, 'ingress', after, NORMAL));
    const star = nodeAllInterfacesEndpoint(model, node);
    if (star && !denied(stages)) stages.push(stageOf(model, 'host-forward', star, 'egress', after, FORWARD));
    if (!local) {
      stages.push(fixed('kube-proxy-snat', `node/${node}`, 'continue',
        'KUBE-POSTROUTING masquerades the marked packet after the filter chains: the backend\'s policy above saw the original source'));
    }
    return { backend, node, stages, allowed: !denied(stages) };
  }
  // the route to another node's pod goes through that node's address: its interface polices it; through
  // a tunnel (or WireGuard) the device's host endpoint does (evaluate/tunnel-source.ts podRouteDevice)
  const device = backendNode !== undefined && party.endpoint?.kind === 'workload' ? podRouteDevice(model, node, backendNode, backend.address) : undefined;
  const peerNode = backendNode !== undefined ? masqueradeAddress(model, backendNode, backend.address) : undefined;
  const out = device !== undefined ? hostEndpointOn(model, node, device)
    : peerNode !== undefined ? policingOf(model, node, undefined, peerNode, false)
      : policingOf(model, node, undefined, backend.address, party.endpoint?.kind === 'workload');
  if (out) {
    const e = stageOf(model, 'host-forward', out, 'egress', after, FORWARD);
    stages.push(e);
    if (e.verdict === 'deny') return { backend, node, stages, allowed: false };
  }
  const snat = masqueradeAddress(model, node, backend.address);
  if (snat === undefined) {
    throw new InputError(`node ${node} has no address of the backend ${backend.address}'s IP family: the source after kube-proxy's masquerade is not known`);
  }
  // a backend of another node's Always pool is routed through the tunnel, whose address MASQUERADE
  // takes (the out device's): the flow as it arrives (evaluate/arrival.ts), as `check` judges host traffic
  const view = arrivalView(model, { source: resolveParty(model, snat), destination: party, protocol, port: backend.port });
  const seen = view.flow.source.ip ?? snat;
  stages.push(fixed('kube-proxy-snat', `node/${node}`, 'continue',
    `KUBE-POSTROUTING masquerades to ${seen} as the packet leaves ${node} for ${backendNode ?? 'the backend'}: the backend's node and policy see ${seen}`
    + (view.note === undefined ? '' : ` (${view.note})`)));
  const remote = ingressSide(model, view.flow);
  stages.push(...remote.stages);
  return { backend, node, stages, allowed: !denied(stages), seenSource: seen };
}

/** Evaluates a flow from `from` (an address outside the cluster's pods) on an external Service path, per arrival node and backend. */
export function evaluateExternalServiceFlow(model: BuiltModel, from: string, target: ExternalTarget, via?: string): ExternalServiceVerdict {
  const protocol = parseProtocol(target.port.protocol);
  const source = resolveParty(model, from, ipVersionOf(target.address));
  if (source.endpoint?.kind === 'workload') {
    throw new InputError(`${from} is a pod: the ${target.kind} path from a pod is not modelled; check the Service's ClusterIP path (--to service/${target.service.namespace}/${target.service.name}) instead`);
  }
  const notes: string[] = [];
  const paths: ExternalBackendPath[] = [];
  for (const node of target.nodes) {
    const here = target.port.backends.map((b) => judgePath(model, target, node, source, b, protocol, via));
    if (target.service.externalTrafficPolicy === 'Local' && here.every((p) => p.unused !== undefined)) {
      notes.push(`externalTrafficPolicy Local: ${node} has no local backend; kube-proxy drops the flow there`);
    }
    paths.push(...here);
  }
  if (target.port.backends.length === 0) notes.push(`no backends (from ${target.service.backendsFrom}): kube-proxy rejects the flow`);
  if (target.kind === 'loadBalancer' && target.nodes.length > 1) notes.push('the load balancer picks the node: each node is judged');
  if (target.kind === 'nodePort' && target.service.loadBalancerSourceRanges.length > 0) {
    notes.push('loadBalancerSourceRanges hold for the LoadBalancer IPs only: kube-proxy does not apply them to the nodePort');
  }
  const affinity = affinityNote(target.service);
  if (affinity) notes.push(affinity);
  notes.push(NOT_MODELLED);
  const used = paths.filter((p) => p.unused === undefined);
  const allowed = used.filter((p) => p.allowed).length;
  const summary: ServiceSummary = allowed === 0 ? 'none' : allowed === used.length ? 'all' : 'some';
  return { target, source: source.id, paths, summary, notes };
}
