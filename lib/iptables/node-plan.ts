// The plan of one node: the tables Felix would program, the IP sets, the endpoint list.
import { EngineModel, Endpoint, FelixSettings, allInterfacesEndpoint } from '../engine';
import { ipVersionOf } from '../model/net';
import { ActionSettings } from './actions';
import { DispatchTarget, HostTargets, dispatchChains, dispatchTarget, FROM_HEP_FORWARD_DISPATCH, FROM_HOST_DISPATCH, FROM_WL_DISPATCH,
  TO_HEP_FORWARD_DISPATCH, TO_HOST_DISPATCH, TO_WL_DISPATCH } from './dispatch';
import { EndpointChainKind, endpointChain } from './endpoint-chains';
import { tiersFor } from './endpoint-policies';
import { natTable, tunnelDevices } from './nat-chains';
import { FAILSAFE_IN, FAILSAFE_OUT, failsafeInChain, failsafeOutChain } from './failsafe';
import { IpSetRegistry } from './ipset-registry';
import { CHAIN_POSTROUTING, manglePostroutingChain } from './mangle-postrouting';
import { DSCP_SOURCES, dscpJumpRule, dscpSourceMembers, egressDscpChain } from './dscp';
import { THIS_HOST, thisHostMembers } from './this-host';
import { groupPolicies, isInlined } from './policy-groups';
import { renderIpSets } from './ipsets';
import { allocateMarks, allocateWireguardMark, hex } from './marks';
import { wireguardIncomingMarkChain } from './wireguard-mark';
import { DEFAULT_PLAN_LAYOUT, PlanLayout, PlanOptions } from './plan-layout';

const DEFAULT_MARK_MASK = 0xffff0000;
import { DROP, IpVersion, REJECT, jump, limitMatch } from './match';
import * as names from './names';
import { Direction, policyChains, profileChain, profileChainComment, profileChains, rulesChain } from './policy-chains';
import { Chain, rule } from './rule';
import * as st from './static-chains';
import { renderTable } from './table-text';
import { sharedChains, sharedGroupChain } from './shared-chains';

/** One endpoint in `<node>.endpoints.json`. */
export interface PlanEndpoint {
  readonly id: string;
  /** `workload` or `host`. */
  readonly kind: string;
  readonly interface: string;
  readonly ips: readonly string[];
}

/** `<node>.endpoints.json`. */
export interface PlanEndpoints {
  readonly node: string;
  readonly endpoints: readonly PlanEndpoint[];
}

/** Everything rendered for one node. */
export interface NodePlan {
  readonly node: string;
  /** iptables-restore input for raw, mangle, filter and nat (IPv4). */
  readonly iptables: string;
  /** ip6tables-restore input, when an endpoint on the node has an IPv6 address. @default - none */
  readonly ip6tables?: string;
  /** ipset restore input (IPv4 and IPv6 sets). */
  readonly ipsets: string;
  readonly endpoints: PlanEndpoints;
}

/**
 * The action settings of one table. IptablesFilterDenyAction Reject renders REJECT in the filter
 * table only: Felix (rule_defs.go NewRenderer) uses it in raw too (the RPF check, untracked deny
 * rules), which the kernel refuses ("REJECT target: only valid in filter table", calico#7914; the
 * proposed fix, calico PR #12036, uses DROP there), so raw and mangle keep DROP.
 */
function actionSettings(felix: FelixSettings, table: 'filter' | 'raw' | 'mangle'): ActionSettings {
  const reject = table === 'filter' && felix.filterDenyAction.toLowerCase() === 'reject';
  const limit = felix.logActionRateLimit;
  const logLimit = limit === undefined ? undefined : limitMatch(limit.rate, limit.burst);
  return {
    marks: allocateMarks(felix.markMask), logPrefix: felix.logPrefix, denyAction: reject ? REJECT : DROP, flowLogs: felix.flowLogs,
    ...(logLimit ? { logLimit } : {}),
  };
}

/**
 * Endpoints of the node that Felix polices: workloads, host endpoints with a named interface, and
 * the node's all-interfaces (`*`) host endpoint (Felix uses one: the lowest name; endpoint_mgr.go).
 */
export function nodeEndpoints(model: EngineModel, node: string): Endpoint[] {
  const all = [...endpointsByNode(model).get(node) ?? []].sort((a, b) => a.id.localeCompare(b.id));
  const wildcard = allInterfacesEndpoint(all);
  return all.filter((e) => e.kind === 'workload' || (e.interfaceName !== '' && e.interfaceName !== '*') || e === wildcard);
}

const byNode = new WeakMap<EngineModel, Map<string | undefined, Endpoint[]>>();

/** The model's endpoints by node, in model order, indexed once per model. */
function endpointsByNode(model: EngineModel): Map<string | undefined, Endpoint[]> {
  let index = byNode.get(model);
  if (!index) {
    index = new Map();
    for (const e of model.endpoints) {
      const list = index.get(e.node);
      if (list) list.push(e);
      else index.set(e.node, [e]);
    }
    byNode.set(model, index);
  }
  return index;
}

interface ChainPrefixes {
  readonly ingress: string;
  readonly egress: string;
}

function prefixes(ep: Endpoint, kind: EndpointChainKind): ChainPrefixes {
  if (ep.kind === 'workload') return { ingress: names.TO_WORKLOAD_PREFIX, egress: names.FROM_WORKLOAD_PREFIX };
  if (kind === 'forward') return { ingress: names.FROM_HOST_FORWARD_PREFIX, egress: names.TO_HOST_FORWARD_PREFIX };
  return { ingress: names.FROM_HOST_PREFIX, egress: names.TO_HOST_PREFIX };
}

/** Builds one table's endpoint, policy and profile chains for one chain kind. */
class TableBuilder {
  public readonly endpointChains: Chain[] = [];
  private readonly policyOrder: string[] = [];
  private readonly policyChainMap = new Map<string, Chain[]>();
  private readonly profileNames = new Set<string>();
  private readonly groupChains = new Map<string, Chain>();
  constructor(
    private readonly model: EngineModel, private readonly reg: IpSetRegistry, private readonly table: 'filter' | 'raw' | 'mangle',
    private readonly layout: PlanLayout, private readonly settings: ActionSettings = actionSettings(model.felix, table),
  ) {}

  /** Adds the endpoint's chain for the direction; returns its name, or undefined when not needed. */
  public add(ep: Endpoint, kind: EndpointChainKind, dir: Direction, onlyIfPolicies: boolean, allowReturns = false): string | undefined {
    const tiers = tiersFor(this.model, ep, kind, dir);
    if (onlyIfPolicies && tiers.length === 0) return undefined;
    return this.addChain(ep, kind, dir, tiers, allowReturns);
  }

  /**
   * Felix's raw table: both chains of a host endpoint that has untracked policy in either direction
   * (HostEndpointToRawChains); returns their names, or undefined when it has none.
   */
  public addUntracked(ep: Endpoint): { readonly ingress: string; readonly egress: string } | undefined {
    const ingress = tiersFor(this.model, ep, 'untracked', 'ingress');
    const egress = tiersFor(this.model, ep, 'untracked', 'egress');
    if (ingress.length === 0 && egress.length === 0) return undefined;
    return { ingress: this.addChain(ep, 'untracked', 'ingress', ingress, false), egress: this.addChain(ep, 'untracked', 'egress', egress, false) };
  }

  private addChain(ep: Endpoint, kind: EndpointChainKind, dir: Direction, tiers: ReturnType<typeof tiersFor>, allowReturns: boolean): string {
    const name = names.endpointChainName(prefixes(ep, kind)[dir], ep.interfaceName);
    const failsafe = ep.kind === 'host' && kind !== 'forward' ? (dir === 'ingress' ? FAILSAFE_IN : FAILSAFE_OUT) : undefined;
    const felix = this.model.felix;
    const fromWorkload = ep.kind === 'workload' && dir === 'egress';
    this.endpointChains.push(endpointChain({
      name, kind, dir, endpoint: ep.id, tiers, profiles: kind === 'normal' ? ep.profiles : [],
      failsafeChain: failsafe, marks: this.settings.marks, denyAction: this.settings.denyAction,
      ...(fromWorkload && !felix.allowVXLANPacketsFromWorkloads ? { dropVxlanPort: felix.vxlanPort } : {}),
      ...(fromWorkload && !felix.allowIPIPPacketsFromWorkloads ? { dropIpip: true } : {}),
      allowReturns, keepInvalid: felix.disableConntrackInvalidCheck, layout: this.layout, flowLogs: felix.flowLogs, hasForwardTiers: kind === 'forward' && (['ingress', 'egress'] as const).some((d) => tiersFor(this.model, ep, kind, d).length > 0),
    }));
    for (const t of tiers) {
      for (const g of groupPolicies(t.tier.name, dir, t.policies)) {
        if (isInlined(g)) continue;
        const chain = sharedGroupChain(this.model, g, this.settings.marks);
        if (!this.groupChains.has(chain.name)) this.groupChains.set(chain.name, chain);
      }
      for (const p of t.policies) {
        const key = `${p.tier}\u0000${p.namespace ?? ''}\u0000${p.name}\u0000${p.origin.kind}`;
        if (!this.policyChainMap.has(key)) {
          this.policyOrder.push(key);
          this.policyChainMap.set(key, sharedChains(p, this.table, this.reg, () => policyChains(p, this.reg, this.settings)));
        }
      }
    }
    if (kind === 'normal') for (const p of ep.profiles) this.profileNames.add(p);
    return name;
  }

  /** Policy group chains in first-use order, policy chains in tier/policy order, then profile chains by name. */
  public ruleChains(): Chain[] {
    const out = [...this.groupChains.values(), ...this.policyOrder.flatMap((k) => this.policyChainMap.get(k) ?? [])];
    for (const name of [...this.profileNames].sort()) {
      const p = this.model.profiles.get(name);
      if (p) out.push(...sharedChains(p, this.table, this.reg, () => profileChains(p, this.reg, this.settings)));
      else {
        for (const dir of ['ingress', 'egress'] as const) {
          out.push(rulesChain(profileChain(name, dir), profileChainComment(name, dir, ' (not defined: accepts nothing)'), []));
        }
      }
    }
    return out;
  }
}

function hook(target: string, why: string): ReturnType<typeof rule> {
  return rule([], jump(target), why);
}

/** The raw, mangle and filter tables of one node for one IP version. */
function renderNodeTables(model: EngineModel, node: string, version: IpVersion, reg: IpSetRegistry, layout: PlanLayout): string {
  const eps = nodeEndpoints(model, node);
  const { failsafeInbound: fin, failsafeOutbound: fout } = model.felix;
  const filterSettings = actionSettings(model.felix, 'filter');
  const marks = filterSettings.marks;
  // static.go: the IP-in-IP host rules are IPv4 only
  const ipip = version === 4 && model.felix.ipipEnabled ? { allHostsSet: reg.allHostsSet(), denyAction: filterSettings.denyAction } : undefined;
  // static.go: VXLAN host rules and NOTRACK, VXLANEnabled for IPv4, VXLANEnabledV6 for IPv6
  const vxlan = (version === 4 ? model.felix.vxlanEnabled : model.felix.vxlanEnabledV6)
    ? { allVxlanSet: reg.allVxlanSet(), port: model.felix.vxlanPort, version, denyAction: filterSettings.denyAction } : undefined;
  // static.go FilterInputChainAllowWG, filterOutputChain: WireguardEnabled for IPv4, WireguardEnabledV6 for IPv6
  const wgDevice = version === 4 ? model.felix.wireguard : model.felix.wireguardV6;
  const wireguard = wgDevice ? { version, port: wgDevice.port } : undefined;
  // static.go StaticRawPreroutingChain: host encryption with either IP version's WireGuard on, in both tables
  const hostEncryption = model.felix.wireguardHostEncryption;

  // filter
  const filter = new TableBuilder(model, reg, 'filter', layout, filterSettings);
  const fromWl: DispatchTarget[] = [];
  const toWl: DispatchTarget[] = [];
  const fromHost = new HostTargets();
  const toHost = new HostTargets();
  const fromFwd = new HostTargets();
  const toFwd = new HostTargets();
  for (const ep of eps) {
    const inName = filter.add(ep, 'normal', 'ingress', false) ?? '';
    const outName = filter.add(ep, 'normal', 'egress', false) ?? '';
    if (ep.kind === 'workload') {
      toWl.push(dispatchTarget(ep, inName));
      fromWl.push(dispatchTarget(ep, outName));
    } else {
      fromHost.add(ep, inName);
      toHost.add(ep, outName);
      fromFwd.add(ep, filter.add(ep, 'forward', 'ingress', false));
      toFwd.add(ep, filter.add(ep, 'forward', 'egress', false));
    }
  }
  const filterText = renderTable({
    table: 'filter',
    hooks: new Map([
      ['INPUT', [hook(st.CHAIN_INPUT, 'Calico input policy')]],
      ['FORWARD', [hook(st.CHAIN_FORWARD, 'Calico forward policy'), ...st.forwardAppendRules(marks)]],
      ['OUTPUT', [hook(st.CHAIN_OUTPUT, 'Calico output policy')]],
    ]),
    chains: [
      st.filterInputChain(marks, ipip, vxlan, wireguard), st.filterOutputChain(marks, ipip, vxlan, wireguard), st.filterForwardChain(marks),
      st.workloadToHostChain(model.felix.defaultEndpointToHostAction, version),
      failsafeInChain(fin, fout, version, false), failsafeOutChain(fin, fout, version, false),
      st.emptyChain(st.CHAIN_CIDR_BLOCK),
      ...dispatchChains(FROM_WL_DISPATCH, true, fromWl, true, { denyAction: filterSettings.denyAction, layout }),
      ...dispatchChains(TO_WL_DISPATCH, false, toWl, true, { denyAction: filterSettings.denyAction, layout }),
      ...fromHost.chains(FROM_HOST_DISPATCH, true, layout), ...toHost.chains(TO_HOST_DISPATCH, false, layout),
      ...fromFwd.chains(FROM_HEP_FORWARD_DISPATCH, true, layout), ...toFwd.chains(TO_HEP_FORWARD_DISPATCH, false, layout),
      ...filter.endpointChains, ...filter.ruleChains(),
    ],
  });

  // raw: untracked policy on host endpoints that have some
  const rawSettings = actionSettings(model.felix, 'raw');
  const raw = new TableBuilder(model, reg, 'raw', layout, rawSettings);
  const rawIn: DispatchTarget[] = [];
  const rawOut: DispatchTarget[] = [];
  const mangle = new TableBuilder(model, reg, 'mangle', layout);
  const mangleIn = new HostTargets();
  const mangleOut = new HostTargets();
  for (const ep of eps.filter((e) => e.kind === 'host')) {
    // Felix ignores doNotTrack policy on an all-interfaces host endpoint (endpoint_mgr.go)
    if (ep.interfaceName !== '*' && layout === 'felix') {
      const both = raw.addUntracked(ep);
      if (both) {
        rawIn.push(dispatchTarget(ep, both.ingress));
        rawOut.push(dispatchTarget(ep, both.egress));
      }
    } else if (ep.interfaceName !== '*') {
      // compact: only the directions with untracked policy
      const ri = raw.add(ep, 'untracked', 'ingress', true);
      const ro = raw.add(ep, 'untracked', 'egress', true);
      if (ri) rawIn.push(dispatchTarget(ep, ri));
      if (ro) rawOut.push(dispatchTarget(ep, ro));
    }
    mangleIn.add(ep, mangle.add(ep, 'preDNAT', 'ingress', true));
    // every host endpoint's egress chain in mangle, with RETURN as the allow action
    // (HostEndpointToMangleEgressChains), for DNATed host traffic (cali-POSTROUTING)
    mangleOut.add(ep, mangle.add(ep, 'normal', 'egress', false, true));
  }
  const rawText = renderTable({
    table: 'raw',
    hooks: new Map([
      ['PREROUTING', [hook(st.CHAIN_PREROUTING, 'Calico raw prerouting')]],
      ['OUTPUT', [hook(st.CHAIN_OUTPUT, 'Calico raw output')]],
    ]),
    chains: [
      st.rawPreroutingChain(marks, rawSettings.denyAction, vxlan?.port, hostEncryption !== undefined), st.rawOutputChain(marks, vxlan?.port), st.emptyChain(st.CHAIN_RPF_SKIP),
      ...(hostEncryption ? [wireguardIncomingMarkChain(hostEncryption, allocateWireguardMark(model.felix.markMask))] : []),
      failsafeInChain(fin, fout, version, true), failsafeOutChain(fin, fout, version, true),
      ...dispatchChains(FROM_HOST_DISPATCH, true, rawIn, false, { layout }), ...dispatchChains(TO_HOST_DISPATCH, false, rawOut, false, { layout }),
      ...raw.endpointChains, ...raw.ruleChains(),
    ],
  });
  // dscp_mgr.go, hostip_mgr.go: the node's own sets, always created
  const onNode = endpointsByNode(model).get(node) ?? [];
  const dscpJump = dscpJumpRule({
    dscpSources: reg.nodeSet(DSCP_SOURCES, 'hash:net', 'dscp-src-net: addresses of the node\'s endpoints with a QoS DSCP annotation',
      dscpSourceMembers(onNode, version)),
    allPools: reg.allPoolsSet(),
    thisHost: reg.nodeSet(THIS_HOST, 'hash:ip', 'this-host: the node\'s addresses (on a node: its live interface addresses; here from the inventory)',
      thisHostMembers(model.nodes.find((n) => n.name === node), onNode, version)),
  });
  const mangleText = renderTable({
    table: 'mangle',
    hooks: new Map([
      ['PREROUTING', [hook(st.CHAIN_PREROUTING, 'Calico mangle prerouting')]],
      ['POSTROUTING', [hook(CHAIN_POSTROUTING, 'Calico mangle postrouting')]],
    ]),
    chains: [
      st.manglePreroutingChain(marks), manglePostroutingChain(marks, dscpJump), egressDscpChain(onNode, version),
      failsafeInChain(fin, fout, version, false), failsafeOutChain(fin, fout, version, false),
      ...mangleIn.chains(FROM_HOST_DISPATCH, true, layout),
      ...mangleOut.chains(TO_HOST_DISPATCH, false, layout, true),
      ...mangle.endpointChains, ...mangle.ruleChains(),
    ],
  });
  const natText = renderTable(natTable({
    masqPoolsSet: reg.masqPoolsSet(), allPoolsSet: reg.allPoolsSet(),
    natOutgoingActive: model.felix.ipPools.some((p) => p.masquerade && ipVersionOf(p.cidr.split('/')[0]) === version),
    settings: model.felix.natOutgoing, ...(model.felix.natOutgoing.excludeHosts ? { allHostsSet: reg.allHostsSet() } : {}),
    tunnelDevices: tunnelDevices(model.felix, model.nodes.find((n) => n.name === node), version),
  }, version));
  const header = [
    `# netsec plan for node ${node}: ${version === 4 ? 'iptables' : 'ip6tables'}-restore input.`,
    `# What Calico Felix (v${model.calicoVersion}, iptables mode, default marks, flow logs ${model.felix.flowLogs ? 'on: NFLOG groups 1 and 2' : 'off'}) would program, with one comment per rule`,
    layout === 'felix'
      ? '# ("cali:<hash> <text>"), in Felix\'s layout (dispatch trees, policy-group chains). Generated; do not edit.'
      : '# ("cali:<hash> <text>"), compact layout: flat dispatch, an accept check every 5 policy jumps (same verdicts as Felix\'s layout). Generated; do not edit.',
    ...(filterSettings.denyAction === REJECT
      ? ['# iptablesFilterDenyAction Reject: REJECT in the filter table; raw keeps DROP (Felix renders REJECT there, which the kernel refuses: calico#7914).']
      : []),
    ...(model.felix.markMask !== DEFAULT_MARK_MASK ? [`# iptablesMarkMask ${hex(model.felix.markMask)}: marks allocated from it, not the default ones.`] : []),
  ];
  return `${[...header, rawText, mangleText, filterText, natText].join('\n')}\n`;
}

function hasVersion(eps: readonly Endpoint[], version: number): boolean {
  return eps.some((e) => e.ips.some((ip) => ipVersionOf(ip.split('/')[0]) === version));
}

/** Renders the plan of one node, in Felix's layout unless `options.layout` says `compact`. Throws when the node is not in the model. */
export function renderNodePlan(model: EngineModel, node: string, options: PlanOptions = {}): NodePlan {
  const layout = options.layout ?? DEFAULT_PLAN_LAYOUT;
  if (!model.nodes.some((n) => n.name === node)) {
    throw new Error(`node ${JSON.stringify(node)} is not in the inventory; known nodes: ${model.nodes.map((n) => n.name).join(', ') || 'none'}`);
  }
  const eps = nodeEndpoints(model, node);
  const reg4 = new IpSetRegistry(model, 4);
  const iptables = renderNodeTables(model, node, 4, reg4, layout);
  let ip6tables: string | undefined;
  const sets = [...reg4.all()];
  if (hasVersion(eps, 6)) {
    const reg6 = new IpSetRegistry(model, 6);
    ip6tables = renderNodeTables(model, node, 6, reg6, layout);
    sets.push(...reg6.all());
  }
  return {
    node, iptables, ip6tables, ipsets: renderIpSets(sets),
    endpoints: {
      node,
      endpoints: eps.map((e) => ({ id: e.id, kind: e.kind, interface: e.interfaceName, ips: [...e.ips] })),
    },
  };
}
