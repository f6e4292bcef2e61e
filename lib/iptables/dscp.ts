// QoS DSCP in the mangle table, as Felix v3.31.7 and v3.32.1 program it in iptables mode
// (felix/dataplane/linux/dscp_mgr.go, felix/rules/dscp.go, static.go StaticManglePostroutingChain):
// `cali-egress-dscp` holds one rule per local endpoint (pod or HostEndpoint) with the
// qos.projectcalico.org/dscp annotation and an address of the IP version, `--source <addresses>`
// (the endpoint's addresses without their prefix length, comma-joined) then `DSCP --set-dscp <n>`,
// sorted by that address text; the chain is always there, empty without such an endpoint.
// `cali-POSTROUTING`'s first rule jumps to it for sources in `dscp-src-net` (every such address)
// not going to `network-ip-pools` or `this-host`. DSCP marks packets; it decides no verdict.
import { Endpoint } from '../engine';
import { ipNumToString, ipVersionOf, toIpNum } from '../model/net';
import { IpVersion } from './match';
import * as m from './match';
import { Chain, Rule, rule } from './rule';

const CHAIN_EGRESS_DSCP = 'cali-egress-dscp';
/** rule_defs.go IPSetIDDSCPEndpoints. */
export const DSCP_SOURCES = 'dscp-src-net';

/** One rule of `cali-egress-dscp` (rules.DSCPRule). */
interface DscpRule {
  /** The source addresses, comma-joined, as Felix joins them. */
  readonly srcAddrs: string;
  readonly value: number;
  /** The endpoint's ID, for the comment. */
  readonly endpoint: string;
}

/** An address without its prefix length, as Go prints it (dscp_mgr.go removeSubnetMask). */
function plainAddress(text: string): string {
  const addr = text.split('/')[0];
  const ip = toIpNum(addr);
  return ip ? ipNumToString(ip) : addr;
}

/** The endpoint's addresses of the IP version, in its order. */
function addressesOf(e: Endpoint, version: IpVersion): string[] {
  return e.ips.map(plainAddress).filter((a) => ipVersionOf(a) === version);
}

/**
 * Of the node's endpoints (every one Felix gets: all of the node's pods and host endpoints, whatever
 * their interface), those with a DSCP value and an address of the IP version (dscp_mgr.go skips an
 * endpoint without one: "no address provided").
 */
function dscpEndpoints(nodeEndpoints: readonly Endpoint[], version: IpVersion): Endpoint[] {
  return nodeEndpoints.filter((e) => e.dscp !== undefined && addressesOf(e, version).length > 0);
}

/** The chain's rules, sorted as dscpManager.CompleteDeferredWork sorts them (by the address text, bytewise). */
function dscpRules(nodeEndpoints: readonly Endpoint[], version: IpVersion): DscpRule[] {
  const rules = dscpEndpoints(nodeEndpoints, version).map((e) => ({ srcAddrs: addressesOf(e, version).join(','), value: e.dscp ?? 0, endpoint: e.id }));
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return rules.sort((a, b) => cmp(a.srcAddrs, b.srcAddrs) || a.value - b.value || cmp(a.endpoint, b.endpoint));
}

/** `cali-egress-dscp` of the node (EgressDSCPChain): `--source <addrs> --jump DSCP --set-dscp <n>` per endpoint. */
export function egressDscpChain(nodeEndpoints: readonly Endpoint[], version: IpVersion): Chain {
  return {
    name: CHAIN_EGRESS_DSCP,
    rules: dscpRules(nodeEndpoints, version).map((r) => rule([m.sourceNet(r.srcAddrs)], m.setDscp(r.value), `DSCP ${r.value} for ${r.endpoint}`)),
  };
}

/** The members of `dscp-src-net` (dscpManager.updateIPSet): every address of those endpoints, sorted. */
export function dscpSourceMembers(nodeEndpoints: readonly Endpoint[], version: IpVersion): string[] {
  return [...new Set(dscpEndpoints(nodeEndpoints, version).flatMap((e) => addressesOf(e, version)))].sort();
}

/** The names of the sets the jump reads. */
export interface DscpJumpSets {
  readonly dscpSources: string;
  readonly allPools: string;
  readonly thisHost: string;
}

/** `cali-POSTROUTING`'s first rule: DSCP sources not going to a pool or to this host jump to `cali-egress-dscp`. */
export function dscpJumpRule(sets: DscpJumpSets): Rule {
  return rule([m.sourceIpSet(sets.dscpSources), m.notDestIpSet(sets.allPools), m.notDestIpSet(sets.thisHost)], m.jump(CHAIN_EGRESS_DSCP),
    'set dscp for traffic leaving cluster.');
}
