// The port boundaries that can decide the flows between two parties: those of the rules of every
// chain that can run for them (the policies that apply to either endpoint and to the host endpoints
// of either node, in every kind of chain and direction, and their profiles), plus the ports that
// decide whatever the rules (named ports, failsafe entries, VXLAN). Port classes of the whole map
// that no such boundary separates get the same verdict for the pair, so one of them is evaluated.
import { CalicoRule } from '../model/resources';
import {
  ApplicableTier, BuiltModel, Endpoint, FORWARD, FlowParty, NORMAL, PRE_DNAT, UNTRACKED, applicableTiers, hostNodeOf, profileRules, rulesFor,
} from '../engine';
import { Interval } from './intervals';
import { globalPortRanges, rulePortRanges } from './space';

const CHAINS = [NORMAL, FORWARD, UNTRACKED, PRE_DNAT];
const DIRECTIONS = ['ingress', 'egress'];

/** The first port of each range and the port after it. */
function boundariesOf(ranges: readonly Interval[]): Set<bigint> {
  const out = new Set<bigint>();
  for (const [lo, hi] of ranges) {
    out.add(lo);
    out.add(hi + 1n);
  }
  return out;
}

/** Per protocol, the port boundaries of an endpoint's chains and of the global ports; cached. */
export class PairCuts {
  private readonly ofTiers = new WeakMap<readonly ApplicableTier[], Map<number, Set<bigint>>>();
  private readonly ofEndpoint = new Map<Endpoint, Map<number, Set<bigint>>>();
  private readonly global = new Map<number, Set<bigint>>();
  private readonly hostsByNode = new Map<string, Endpoint[]>();

  constructor(private readonly model: BuiltModel) {
    for (const e of model.endpoints) if (e.kind === 'host') this.hostsByNode.set(e.node, [...(this.hostsByNode.get(e.node) ?? []), e]);
  }

  /** The port boundaries (a range's first port, the port after its last) that can decide a flow from src to dst. */
  boundaries(src: FlowParty, dst: FlowParty, protocol: number): Set<bigint> {
    const out = new Set<bigint>(this.globalBoundaries(protocol));
    const endpoints = new Set<Endpoint>();
    for (const p of [src, dst]) {
      if (p.endpoint) endpoints.add(p.endpoint);
      const node = p.endpoint ? p.endpoint.node : hostNodeOf(this.model, p);
      for (const h of node === undefined ? [] : this.hostsByNode.get(node) ?? []) endpoints.add(h);
    }
    for (const e of endpoints) for (const b of this.endpointBoundaries(e, protocol)) out.add(b);
    return out;
  }

  private globalBoundaries(protocol: number): Set<bigint> {
    let b = this.global.get(protocol);
    if (!b) {
      b = boundariesOf(globalPortRanges(this.model, protocol));
      this.global.set(protocol, b);
    }
    return b;
  }

  private endpointBoundaries(e: Endpoint, protocol: number): Set<bigint> {
    let byProtocol = this.ofEndpoint.get(e);
    if (!byProtocol) {
      byProtocol = new Map();
      this.ofEndpoint.set(e, byProtocol);
    }
    let b = byProtocol.get(protocol);
    if (!b) {
      b = new Set();
      for (const direction of DIRECTIONS) {
        for (const opts of CHAINS) for (const x of this.tierBoundaries(applicableTiers(this.model, e, direction, opts), direction, protocol)) b.add(x);
        const profileRuleList: CalicoRule[] = [];
        for (const name of e.profiles) {
          const profile = this.model.profiles.get(name);
          if (profile) profileRuleList.push(...profileRules(profile, direction).map((r) => r.rule));
        }
        for (const x of boundariesOf(rulePortRanges(this.model, profileRuleList, protocol))) b.add(x);
      }
      byProtocol.set(protocol, b);
    }
    return b;
  }

  private tierBoundaries(tiers: readonly ApplicableTier[], direction: string, protocol: number): Set<bigint> {
    let byProtocol = this.ofTiers.get(tiers);
    if (!byProtocol) {
      byProtocol = new Map();
      this.ofTiers.set(tiers, byProtocol);
    }
    const key = protocol * 2 + (direction === 'ingress' ? 0 : 1);
    let b = byProtocol.get(key);
    if (!b) {
      const rules = tiers.flatMap(({ applicable }) => applicable.flatMap((p) => (rulesFor(p, direction) ?? []).map((r) => r.rule)));
      b = boundariesOf(rulePortRanges(this.model, rules, protocol));
      byProtocol.set(key, b);
    }
    return b;
  }
}
