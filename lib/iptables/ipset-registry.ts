// Collects the IP sets a node's rules reference, naming them as Felix does.
import { CompiledPolicy, EngineModel, EntityMembers, PoolNat, allHostsNet, allVxlanNet } from '../engine';
import { ipVersionOf } from '../model/net';
import { EntityRule, ServiceMatch } from '../model/resources';
import { IpSet, namedPortMembers, selectorMembers, serviceMembers } from './ipsets';
import { entitySelectorText, mainIpSetName, namedPortSetId, notSelectorText, selectorSetId, serviceSetId } from './ipset-names';
import { IpVersion } from './match';

const ALL_HOSTS_NET = 'all-hosts-net';
/** rule_defs.go IPSetIDAllVXLANSourceNets. */
const ALL_VXLAN_NET = 'all-vxlan-net';
/** rule_defs.go IPSetIDAllPools (v3.31 and v3.32: `network-ip-pools`). */
const ALL_POOLS = 'network-ip-pools';
/** rule_defs.go IPSetIDNATOutgoingMasqPools. */
const MASQ_POOLS = 'masq-ipam-pools';

/**
 * Sets already built for a model, by name (the name is a hash of what the members depend on, and the
 * IP version), so that each node's registry reuses them instead of recomputing members per node.
 */
const builtSets = new WeakMap<EngineModel, Map<string, IpSet>>();

/** Resolves selectors to IP set names for one IP version and remembers the sets. */
export class IpSetRegistry {
  private readonly sets = new Map<string, IpSet>();
  private readonly built: Map<string, IpSet>;
  constructor(private readonly model: EngineModel, public readonly version: IpVersion) {
    let built = builtSets.get(model);
    if (!built) {
      built = new Map();
      builtSets.set(model, built);
    }
    this.built = built;
  }

  /** The names `remember` is given while `track` runs. */
  private tracked: string[] | undefined;

  /**
   * Runs `make` and returns what it returns with the names of the model-wide sets it referenced
   * (through `remember`), so that another node's registry can `adopt` them without running it again.
   */
  public track<T>(make: () => T): { readonly value: T; readonly sets: readonly string[] } {
    const outer = this.tracked;
    const sets: string[] = [];
    this.tracked = sets;
    try {
      return { value: make(), sets };
    } finally {
      this.tracked = outer;
      outer?.push(...sets);
    }
  }

  /** Adds sets the model has built already, by name (the `sets` of a `track` on another node's registry). */
  public adopt(names: readonly string[]): void {
    for (const name of names) {
      const set = this.built.get(name);
      if (!set) throw new Error(`IP set ${name}: adopted before it was built for this model`);
      this.tracked?.push(name);
      if (!this.sets.has(name)) this.sets.set(name, set);
    }
  }

  /** Adds the set `name` to this registry, built by `make` unless the model already has it. */
  private remember(name: string, make: () => IpSet): void {
    this.tracked?.push(name);
    if (this.sets.has(name)) return;
    let set = this.built.get(name);
    if (!set) {
      set = make();
      this.built.set(name, set);
    }
    this.sets.set(name, set);
  }

  /** All sets, sorted by name. */
  public all(): IpSet[] {
    return [...this.sets.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private members(policy: CompiledPolicy | undefined, entity: EntityRule): EntityMembers | undefined {
    if (policy === undefined) {
      // Profiles: rules without a policy context; only plain label selectors are supported.
      return undefined;
    }
    return this.model.entityMembers(policy, entity);
  }

  /**
   * The `cali40s:` set for the entity's positive label part (namespace scope, service accounts,
   * selector, with the notSelector folded in), or when `negated` for the notSelector of an entity
   * without a positive part (unscoped, as Calico passes it through); undefined when there is none.
   */
  public selectorSet(policy: CompiledPolicy | undefined, entity: EntityRule, negated: boolean): string | undefined {
    const text = negated ? notSelectorText(entity, policy?.namespace) : entitySelectorText(entity, policy?.namespace);
    if (text === undefined) return undefined;
    const id = selectorSetId(text);
    const name = mainIpSetName(this.version, id);
    this.remember(name, () => {
      const found = negated ? this.model.selectorMembers(entity.notSelector ?? '') : this.members(policy, entity);
      if (found === undefined) {
        throw new Error(`selector ${JSON.stringify(text)}: the engine model gave no members for it`);
      }
      return {
        name, type: 'hash:net', version: this.version, description: `selector ${text}`,
        members: selectorMembers(this.version, found.endpoints, found.networkSets),
      };
    });
    return name;
  }

  /**
   * `cali40all-hosts-net` (rule_defs.go IPSetIDAllHostNets): the nodes' addresses, as the engine
   * judges IP-in-IP host traffic (allHostsNet).
   */
  public allHostsSet(): string {
    return this.fixedSet(ALL_HOSTS_NET, 'all-hosts-net: the nodes\' addresses', () => allHostsNet(this.model, this.version));
  }

  /** `cali40all-vxlan-net`: the VXLAN hosts' addresses, as the engine judges VXLAN host traffic (allVxlanNet). */
  public allVxlanSet(): string {
    return this.fixedSet(ALL_VXLAN_NET, 'all-vxlan-net: the VXLAN hosts\' addresses', () => allVxlanNet(this.model, this.version));
  }

  /**
   * `cali40network-ip-pools`: every IPPool of the IP version but LoadBalancer-only ones (masq_mgr.go);
   * Felix creates it (and the masquerade set) whether or not a pool has natOutgoing.
   */
  public allPoolsSet(): string {
    return this.fixedSet(ALL_POOLS, 'network-ip-pools: the IPPools', () => this.poolCidrs((p) => !p.loadBalancerOnly));
  }

  /** `cali40masq-ipam-pools`: the IPPools of the IP version with natOutgoing (disabled ones too, masq_mgr.go). */
  public masqPoolsSet(): string {
    return this.fixedSet(MASQ_POOLS, 'masq-ipam-pools: the IPPools with natOutgoing', () => this.poolCidrs((p) => p.masquerade));
  }

  private poolCidrs(keep: (p: PoolNat) => boolean): string[] {
    const cidrs = this.model.felix.ipPools.filter((p) => keep(p) && ipVersionOf(p.cidr.split('/')[0]) === this.version).map((p) => p.cidr);
    return [...new Set(cidrs)].sort();
  }

  /**
   * A set whose members depend on the node (`dscp-src-net`, `this-host`): built for this registry
   * only, never shared with other nodes.
   */
  public nodeSet(id: string, type: 'hash:ip' | 'hash:net', description: string, members: readonly string[]): string {
    const name = mainIpSetName(this.version, id);
    if (!this.sets.has(name)) this.sets.set(name, { name, type, version: this.version, description, members });
    return name;
  }

  private fixedSet(id: string, description: string, members: () => string[]): string {
    const name = mainIpSetName(this.version, id);
    this.remember(name, () => ({ name, type: 'hash:net', version: this.version, description, members: members() }));
    return name;
  }

  /** The `cali40n:` set of (IP, port) for a named port of the endpoints the entity selects. */
  public namedPortSet(policy: CompiledPolicy | undefined, entity: EntityRule, protocol: string, portName: string): string {
    const text = entitySelectorText(entity, policy?.namespace) ?? 'all()';
    const id = namedPortSetId(selectorSetId(text), protocol, portName);
    const name = mainIpSetName(this.version, id);
    this.remember(name, () => {
      const found = text === 'all()' ? undefined : this.members(policy, entity);
      const endpoints = found === undefined ? this.model.endpoints : found.endpoints;
      return {
        name, type: 'hash:ip,port', version: this.version,
        description: `named port ${protocol}:${portName} of selector ${text}`,
        members: namedPortMembers(this.version, endpoints, protocol, portName),
      };
    });
    return name;
  }

  /**
   * The set of a `services` match: with `includePorts` (a destination match) `hash:ip,port` of the
   * Service's endpoint addresses and ports, else (a source match) `hash:net` of the addresses.
   */
  public serviceSet(match: ServiceMatch, includePorts: boolean): string {
    const namespace = match.namespace ?? '';
    const service = match.name ?? '';
    const name = mainIpSetName(this.version, serviceSetId(namespace, service, includePorts));
    this.remember(name, () => ({
      name, type: includePorts ? 'hash:ip,port' : 'hash:net', version: this.version,
      description: `${includePorts ? 'endpoints' : 'endpoint addresses'} of Service ${namespace}/${service}`,
      members: serviceMembers(this.version, this.model.serviceMembers(match), includePorts),
    }));
    return name;
  }
}
