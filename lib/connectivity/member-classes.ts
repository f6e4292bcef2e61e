// Classes of the ends of a connection line: endpoints (and external classes) that no verdict can tell
// apart, so that a pair of classes is judged once. A workload's node enters its class only through
// the host class of the node (what its `*` or only host endpoint does to forwarded traffic, the truth
// table's grouping, engine/table/compute-cells.ts); what else the node decides for a pair (both on one
// node, the host endpoint that polices the peer's address, natOutgoing's source address, the tunnel
// address a peer host's traffic to the pod arrives from) is the pair's relation (relationKey).
import {
  BuiltModel, Endpoint, FlowParty, addressTunnel, arrivalView, hostClassKey, hostNodeOf, masqueradedPool, podRouteDevice, policingOf, sendingNode, tunnelsChangePolicing, workloadNodeClassKey,
} from '../engine';
import { hostEndpointOn } from '../engine/evaluate/interfaces';
import { AddressSpace } from './addresses';
import { Party, endpointSignature } from './parties';

/** The relation of two workloads: on one node, on two. */
export const SAME_NODE = 1;
export const OTHER_NODE = 2;

/** A pod address's pool tunnel as a small number (for the relation memo). */
const TUNNEL_BITS = { none: 0, ipip: 1, vxlan: 2, vxlanV6: 3 } as const;

/** Interns strings as small integers. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(key, id);
      this.values.push(key);
    }
    return id;
  }
}

/** The class of each endpoint and external party, and the relation of a workload to a peer. */
export class MemberClasses {
  private readonly classes = new Interner();
  private readonly byEndpoint = new Map<Endpoint, number>();
  private readonly nodeClass = new Map<string, string>();
  private readonly relations = new Interner();
  /** Per peer id: per pod's node, direction and masquerading or pool tunnel (a small integer), the relation id. */
  private readonly relationMemo: (Map<number, number> | undefined)[] = [];
  /** Per pod party: as a source its natOutgoing bit (0 or 1), as a destination its pool's tunnel (TUNNEL_BITS). */
  private readonly poolBits = [new WeakMap<FlowParty, number>(), new WeakMap<FlowParty, number>()];
  private readonly peerIds = new Map<FlowParty, number>();
  private readonly nodeIds = new Map<string, number>();

  constructor(private readonly model: BuiltModel, private readonly spaces: readonly AddressSpace[]) {}

  /** The class of an endpoint: its signature, a workload's node replaced by the node's host class. */
  ofEndpoint(e: Endpoint): number {
    let id = this.byEndpoint.get(e);
    if (id === undefined) {
      // where tunnels change the policing host endpoint, a pod's own pool's tunnel decides its pairs' route
      const route = e.kind === 'workload' && tunnelsChangePolicing(this.model) ? `|t:${e.ips.map((ip) => addressTunnel(this.model, ip) ?? '-').join(',')}` : '';
      const key = e.kind === 'workload' ? `w:${endpointSignature({ ...e, node: '' }, this.spaces)}|${this.hostClassOf(e.node)}${route}`
        : `h:${endpointSignature(e, this.spaces)}`;
      id = this.classes.id(key);
      this.byEndpoint.set(e, id);
    }
    return id;
  }

  /**
   * The class of an external party: the key of its address interval, and the node whose address its
   * representative is (such an address is judged as that node's host, e.g. unpoliced from the node's
   * own host endpoints).
   */
  ofExternal(p: Party): number {
    const ext = p.external as NonNullable<Party['external']>;
    return this.classes.id(`x:${ext.version}:${ext.key}|${hostNodeOf(this.model, { ip: ext.address, id: ext.address }) ?? ''}`);
  }

  private hostClassOf(node: string): string {
    let c = this.nodeClass.get(node);
    if (c === undefined) {
      c = workloadNodeClassKey(this.model, node);
      this.nodeClass.set(node, c);
    }
    return c;
  }

  /**
   * What a pair of a workload endpoint and a peer reads of the workload's node beyond its class:
   * both pods on one node (workload peers); for other peers, per IP version of the pair, whether
   * the peer is the node's own host, the host class of the host endpoint policingOf picks on the
   * workload's node for the peer's address, the masqueraded source natOutgoing gives the pod
   * towards the peer, and the tunnel address the peer's traffic to the pod arrives from. 0 for
   * pairs without a workload (their classes are exact). The parties are the ends' flow parties by
   * IP version (index 4 or 6), for each of the pair's versions.
   */
  relation(a: Endpoint | undefined, b: Endpoint | undefined, versions: readonly number[],
    aParties: readonly (FlowParty | undefined)[], bParties: readonly (FlowParty | undefined)[]): number {
    const aw = a?.kind === 'workload';
    const bw = b?.kind === 'workload';
    if (aw && bw) return a.node === b.node ? SAME_NODE : OTHER_NODE;
    if (!aw && !bw) return 0;
    const pod = (aw ? a : b) as Endpoint;
    const id = (v: number): number => {
      const ap = aParties[v] as FlowParty;
      const bp = bParties[v] as FlowParty;
      return this.versionRelation(pod, aw, aw ? ap : bp, aw ? bp : ap);
    };
    // one version: its key's id; two: the id of both ids (no key holds ';' without '|', so the two never meet)
    return (versions.length === 1 ? id(versions[0]) : this.relations.id(versions.map(id).join(';'))) + 3;
  }

  /** The relation key's id for one IP version (memo by small numbers: peer, then pod's node, direction, masquerading or tunnel). */
  private versionRelation(pod: Endpoint, podIsSource: boolean, podParty: FlowParty, peer: FlowParty): number {
    // the pod's address enters only through natOutgoing (is it in a masqueraded pool) as a source, and
    // through its pool's tunnel (evaluate/tunnel-source.ts) as a destination
    let poolBits = 0;
    if (podParty.ip !== undefined) {
      const bitsMemo = this.poolBits[podIsSource ? 0 : 1];
      const known = bitsMemo.get(podParty);
      poolBits = known ?? (podIsSource ? (masqueradedPool(this.model, podParty.ip) ? 1 : 0) : TUNNEL_BITS[addressTunnel(this.model, podParty.ip) ?? 'none']);
      if (known === undefined) bitsMemo.set(podParty, poolBits);
    }
    let peerId = this.peerIds.get(peer);
    if (peerId === undefined) {
      peerId = this.peerIds.size;
      this.peerIds.set(peer, peerId);
    }
    let nodeId = this.nodeIds.get(pod.node);
    if (nodeId === undefined) {
      nodeId = this.nodeIds.size;
      this.nodeIds.set(pod.node, nodeId);
    }
    let memo = this.relationMemo[peerId];
    if (!memo) {
      memo = new Map();
      this.relationMemo[peerId] = memo;
    }
    const memoKey = (nodeId * 2 + (podIsSource ? 1 : 0)) * 4 + poolBits;
    let id = memo.get(memoKey);
    if (id === undefined) {
      const same = hostNodeOf(this.model, peer) === pod.node;
      // a host's traffic to another node's pod through a tunnel: the device's host endpoints on both
      // nodes police it (sides.ts egressSide and ingressSide); the route's device and their classes
      const from = podIsSource ? undefined : sendingNode(this.model, peer);
      const device = from !== undefined && podParty.ip !== undefined ? podRouteDevice(this.model, from, pod.node, podParty.ip) : undefined;
      const hep = policingOf(this.model, pod.node, undefined, peer.ip, false, device);
      const route = device === undefined || from === undefined ? '' : `${device}:${hostClassKey(this.model, hostEndpointOn(this.model, from, device))}`;
      // the source the destination's side sees (evaluate/arrival.ts): the pod's masqueraded address, or the peer's tunnel address
      const flow = podIsSource ? { source: podParty, destination: peer, protocol: 6, port: 1 } : { source: peer, destination: podParty, protocol: 6, port: 1 };
      const seen = poolBits !== 0 ? arrivalView(this.model, flow).flow.source.ip : undefined;
      const changed = seen === flow.source.ip ? '' : seen ?? '';
      id = this.relations.id(`${same}|${hostClassKey(this.model, hep)}|${changed}|${route}`);
      memo.set(memoKey, id);
    }
    return id;
  }
}
