// The two sides of a flow (evaluate/sides.ts: egressSide, ingressSide) evaluated symbolically: the
// set of connection classes each side allows, stage by stage, with the same branches as the engine
// (which node, which host endpoint, failsafe ports, the encapsulation rules, the ICMPv6 a pod may
// send its host, the source as it arrives: natOutgoing's, the tunnel's) and each policy chain as a
// set (chain-sets.ts). A stage that decides early for some classes takes them out of the classes the
// later stages see; a side allows exactly the classes no stage denies.
import { ipVersionOf } from '../model/net';
import { failsafe } from '../engine/evaluate/sides';
import { hostEndpointOn, nodeAllInterfacesEndpoint } from '../engine/evaluate/interfaces';
import { tunnelInputStage, tunnelOutputStage } from '../engine/evaluate/tunnel-host';
import { encapsulationDropReason, icmpv6AcceptedToHost } from '../engine/evaluate/workload-static';
import {
  BuiltModel, Endpoint, FORWARD, FlowParty, NORMAL, PRE_DNAT, UNTRACKED, allHostsNet, arrivalView, hostNodeOf, podRouteDevice, policingOf, sendingNode,
} from '../engine';
import { ClassBits, and, complementInto, emptyBits, minus, or, orInto } from './class-bits';
import { ChainSetEvaluator, ChainSets, KeyedParty } from './chain-sets';

interface TunnelSets {
  readonly allow: ClassBits;
  readonly deny: ClassBits;
}

const denied = new WeakMap<ChainSets, ClassBits>();

/** The classes a chain denies (once per result: results are shared, so are these). */
function none(sets: ChainSets, full: ClassBits): ClassBits {
  let d = denied.get(sets);
  if (!d) {
    d = minus(full, or(sets.allow, sets.cont));
    denied.set(sets, d);
  }
  return d;
}

/** f(a, b, c), once per triple of shared objects. */
class Memo3<A extends object, B extends object, C extends object, R> {
  private readonly map = new WeakMap<A, WeakMap<B, WeakMap<C, R>>>();

  get(a: A, b: B, c: C, f: () => R): R {
    let mb = this.map.get(a);
    if (!mb) {
      mb = new WeakMap();
      this.map.set(a, mb);
    }
    let mc = mb.get(b);
    if (!mc) {
      mc = new WeakMap();
      mb.set(b, mc);
    }
    let r = mc.get(c);
    if (r === undefined) {
      r = f();
      mc.set(c, r);
    }
    return r;
  }
}

/** Allowed classes per side and per pair. */
export class SideSets {
  private readonly full: ClassBits;
  private readonly encapsulation: ClassBits;
  private readonly icmpv6ToHost: ClassBits;
  private readonly hosts: ReadonlySet<string>;
  private readonly cache = new Map<string, ClassBits>();
  private readonly failsafeIn = new Map<number, ClassBits>();
  private readonly failsafeOut = new Map<number, ClassBits>();
  private readonly tunnelIn = new Map<string, TunnelSets>();
  private readonly combined = new Memo3<ChainSets, ChainSets, ChainSets, ChainSets>();
  private readonly forwardDrops = new Memo3<ClassBits, ChainSets, ChainSets, ClassBits>();

  constructor(private readonly model: BuiltModel, private readonly chains: ChainSetEvaluator) {
    const nobody: FlowParty = { id: '' };
    this.full = chains.full;
    this.encapsulation = chains.where(nobody, nobody, (f) => encapsulationDropReason(model.felix, f) !== undefined);
    this.icmpv6ToHost = chains.where(nobody, nobody, (f) => icmpv6AcceptedToHost(f));
    this.hosts = new Set(allHostsNet(model, 4));
  }

  /** The classes allowed from src to dst: both sides allow (evaluate.ts evaluateFlow). */
  pair(src: KeyedParty, dst: KeyedParty): ClassBits {
    if (src.party.endpoint && src.party.endpoint === dst.party.endpoint) return this.full;
    const egress = this.egress(src, dst);
    // the destination's side sees the flow as it arrives (evaluate/arrival.ts): a natOutgoing pod's traffic to
    // another node's host from the pod's node address, a host's traffic to another node's pod through a tunnel
    // from the host's tunnel address
    const seen = arrivalView(this.model, { source: src.party, destination: dst.party, protocol: 6 }).flow.source;
    const viewed = seen === src.party ? src : { party: seen, key: this.chains.partyKey(`ip:${seen.ip ?? ''}`) };
    return and(egress, this.ingress(viewed, dst));
  }

  private nodeOf(p: FlowParty): string | undefined {
    return p.endpoint ? p.endpoint.node : hostNodeOf(this.model, p);
  }

  private chain(ep: Endpoint, direction: string, opts: typeof NORMAL, src: KeyedParty, dst: KeyedParty): ChainSets {
    return this.chains.chain(ep, direction, opts, src, dst);
  }

  /** The failsafe entries' classes for the peer (`list` inbound or outbound; the peer's address is checked against entry nets). */
  private failsafeSet(inbound: boolean, src: KeyedParty, dst: KeyedParty): ClassBits {
    const peer = inbound ? src : dst;
    const cache = inbound ? this.failsafeIn : this.failsafeOut;
    let b = cache.get(peer.key);
    if (!b) {
      const list = inbound ? this.model.felix.failsafeInbound : this.model.felix.failsafeOutbound;
      b = this.chains.where(src.party, dst.party, (f) => failsafe(list, f, peer.party.ip) !== undefined);
      cache.set(peer.key, b);
    }
    return b;
  }

  /** cali-INPUT's tunnel rules for a packet to a node's own address: the classes they accept and drop. */
  private tunnelInput(src: KeyedParty, dst: KeyedParty): TunnelSets {
    const key = `${dst.party.ip === undefined ? '' : ipVersionOf(dst.party.ip)}|${this.hosts.has(src.party.ip ?? '')}`;
    let r = this.tunnelIn.get(key);
    if (!r) {
      const verdict = (want: string): ClassBits => this.chains.where(src.party, dst.party, (f) => tunnelInputStage(this.model, '', f)?.verdict === want);
      r = { allow: verdict('allow'), deny: verdict('deny') };
      this.tunnelIn.set(key, r);
    }
    return r;
  }

  private tunnelOutput(src: KeyedParty, dst: KeyedParty): ClassBits {
    const key = `to|${dst.party.ip === undefined ? '' : ipVersionOf(dst.party.ip)}|${this.hosts.has(dst.party.ip ?? '')}`;
    let b = this.cache.get(key);
    if (!b) {
      b = this.chains.where(src.party, dst.party, (f) => tunnelOutputStage(this.model, '', f) !== undefined);
      this.cache.set(key, b);
    }
    return b;
  }

  /** Untracked (not for an all-interfaces endpoint) then pre-DNAT (ingress): what they accept, and what goes on (sides.ts rawAndMangle). */
  private rawAndMangle(hep: Endpoint, direction: string, src: KeyedParty, dst: KeyedParty): ChainSets {
    const untracked = hep.interfaceName !== '*' ? this.chain(hep, direction, UNTRACKED, src, dst) : undefined;
    const preDnat = direction === 'ingress' ? this.chain(hep, direction, PRE_DNAT, src, dst) : undefined;
    if (!untracked || !preDnat) return untracked ?? preDnat ?? { allow: emptyBits(this.chains.size), cont: this.full };
    // the pre-DNAT chain sees what the untracked chain left undecided
    return this.combined.get(untracked, preDnat, untracked, () => ({
      allow: or(untracked.allow, and(untracked.cont, preDnat.allow)),
      cont: and(untracked.cont, preDnat.cont),
    }));
  }

  /** Forwarded traffic arriving through a host endpoint (sides.ts forwardedIn): the classes dropped. */
  private forwardedInDenied(hep: Endpoint, src: KeyedParty, dst: KeyedParty): ClassBits {
    const fs = this.failsafeSet(true, src, dst);
    const early = this.rawAndMangle(hep, 'ingress', src, dst);
    const forward = this.chain(hep, 'ingress', FORWARD, src, dst);
    return this.forwardDrops.get(fs, early, forward, () => {
      // a failsafe port skips untracked and pre-DNAT policy, not the forward chain
      const nonFailsafe = minus(this.full, fs);
      const toForward = or(fs, and(nonFailsafe, early.cont));
      return or(and(nonFailsafe, none(early, this.full)), and(toForward, none(forward, this.full)));
    });
  }

  /** The source's side (sides.ts egressSide): the classes it allows. */
  egress(src: KeyedParty, dst: KeyedParty): ClassBits {
    const s = src.party;
    const d = dst.party;
    const ep = s.endpoint;
    const dstNode = this.nodeOf(d);
    if (!ep || ep.kind === 'host') {
      const node = ep ? ep.node : hostNodeOf(this.model, s);
      if (node === undefined || dstNode === node || !ep) return this.full;
      // to another node's pod through a tunnel: the tunnel device's host endpoint (sides.ts egressSide)
      const device = d.endpoint?.kind === 'workload' && dstNode !== undefined ? podRouteDevice(this.model, node, dstNode, d.ip) : undefined;
      const hep = device !== undefined ? hostEndpointOn(this.model, node, device) : ep;
      if (!hep) return this.full;
      const tunnel = this.tunnelOutput(src, dst);
      let live = minus(this.full, this.failsafeSet(false, src, dst));
      let denied = emptyBits(this.chains.size);
      if (hep.interfaceName !== '*') {
        const u = this.chain(hep, 'egress', UNTRACKED, src, dst);
        denied = and(live, none(u, this.full));
        live = and(live, u.cont);
      }
      live = minus(live, tunnel);
      denied = or(denied, and(live, none(this.chain(hep, 'egress', NORMAL, src, dst), this.full)));
      return minus(this.full, denied);
    }
    const star = nodeAllInterfacesEndpoint(this.model, ep.node);
    const toOwnHost = d.endpoint?.kind !== 'workload' && hostNodeOf(this.model, d) === ep.node;
    if (!toOwnHost) {
      // nothing is accepted early on this path: the side allows what no stage drops
      const dropped = star ? this.forwardedInDenied(star, src, dst).slice() : emptyBits(this.chains.size);
      orInto(dropped, this.encapsulation);
      orInto(dropped, none(this.chain(ep, 'egress', NORMAL, src, dst), this.full));
      const route = dstNode !== undefined && d.endpoint?.kind === 'workload' ? podRouteDevice(this.model, ep.node, dstNode, d.ip) : undefined;
      const hep = dstNode !== ep.node ? policingOf(this.model, ep.node, undefined, d.ip, d.endpoint?.kind === 'workload', route) : undefined;
      if (hep) orInto(dropped, none(this.chain(hep, 'egress', FORWARD, src, dst), this.full));
      return complementInto(dropped, this.full);
    }
    // to the pod's own host (its host endpoint or one of its addresses): not forwarded, so no forward chain
    const fromPod = star ? and(minus(this.full, this.failsafeSet(true, src, dst)), none(this.rawAndMangle(star, 'ingress', src, dst), this.full)) : emptyBits(this.chains.size);
    const tunnel = this.tunnelInput(src, dst);
    let denied = or(fromPod, and(minus(this.full, fromPod), tunnel.deny));
    let live = minus(minus(minus(this.full, denied), or(tunnel.allow, tunnel.deny)), this.icmpv6ToHost);
    denied = or(denied, and(live, this.encapsulation));
    live = minus(live, this.encapsulation);
    denied = or(denied, and(live, none(this.chain(ep, 'egress', NORMAL, src, dst), this.full)));
    return minus(this.full, denied);
  }

  /** The destination's side (sides.ts ingressSide) for the flow as it arrives: the classes it allows. */
  ingress(src: KeyedParty, dst: KeyedParty): ClassBits {
    const s = src.party;
    const d = dst.party;
    const ep = d.endpoint;
    const localWorkload = (node: string): boolean => s.endpoint?.kind === 'workload' && s.endpoint.node === node;
    const localHost = (node: string): boolean => hostNodeOf(this.model, s) === node;
    if (ep && ep.kind === 'workload') {
      if (localHost(ep.node)) return this.full;
      // the pod's own chain runs whatever the host endpoint accepted: the side allows what no stage drops
      const from = sendingNode(this.model, s);
      const route = from !== undefined ? podRouteDevice(this.model, from, ep.node, d.ip) : undefined;
      const hep = localWorkload(ep.node) ? undefined : policingOf(this.model, ep.node, undefined, s.ip, s.endpoint?.kind === 'workload', route);
      const dropped = hep ? this.forwardedInDenied(hep, src, dst).slice() : emptyBits(this.chains.size);
      orInto(dropped, none(this.chain(ep, 'ingress', NORMAL, src, dst), this.full));
      // forwarded out of the pod's cali interface: the all-interfaces host endpoint's forward egress chain
      const star = nodeAllInterfacesEndpoint(this.model, ep.node);
      if (star) orInto(dropped, none(this.chain(star, 'egress', FORWARD, src, dst), this.full));
      return complementInto(dropped, this.full);
    }
    const node = ep ? ep.node : hostNodeOf(this.model, d);
    if (node === undefined) return this.full;
    if (localWorkload(node)) {
      return this.model.felix.defaultEndpointToHostAction.toLowerCase() === 'drop' ? this.icmpv6ToHost : this.full;
    }
    if (localHost(node)) return this.full;
    const tunnel = this.tunnelInput(src, dst);
    if (!ep) return minus(this.full, tunnel.deny);
    const live = minus(this.full, this.failsafeSet(true, src, dst));
    const early = this.rawAndMangle(ep, 'ingress', src, dst);
    let denied = and(live, none(early, this.full));
    let rest = minus(live, denied);
    denied = or(denied, and(rest, tunnel.deny));
    rest = minus(rest, or(tunnel.allow, tunnel.deny));
    denied = or(denied, and(and(rest, early.cont), none(this.chain(ep, 'ingress', NORMAL, src, dst), this.full)));
    return minus(this.full, denied);
  }
}
