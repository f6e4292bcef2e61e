// Sorts the rows of a truth table into groups of workloads whose verdicts cannot differ (same labels,
// namespace, service account, named ports, profiles, IP version, CIDR memberships, memberships in the
// sets of the Services rules match, the tunnel of the address's pool (another node's host traffic to
// it arrives from that node's tunnel address, evaluate/tunnel-source.ts), and host class of the
// node) and single rows (host endpoints, node
// addresses, external addresses).
import { CidrMatcher, ipFamily, ipv4ToNumber } from '../model/address-match';
import { BuiltModel } from '../model/build';
import { endpointParty } from '../model/party';
import { FlowParty } from '../evaluate/types';
import { serviceMembershipKey } from '../evaluate/service-match';
import { findMatchedService } from '../input/service-lookup';
import { addressTunnel } from '../evaluate/tunnel-source';
import { InputService } from '../input/services';

/** A row of the table. */
export interface TableRow {
  readonly id: string;
  readonly party: FlowParty;
}

/** The CIDRs a verdict can depend on: rule nets and notNets, network set nets, failsafe nets. */
function addressMatchers(model: BuiltModel): CidrMatcher[] {
  const cidrs = new Map<string, CidrMatcher>();
  for (const tier of model.tiers) {
    for (const p of tier.policies) {
      for (const r of [...(p.compiledIngress ?? []), ...(p.compiledEgress ?? [])]) {
        for (const e of [r.source, r.destination]) {
          for (const c of [...(e.nets ?? []), ...(e.notNets ?? [])]) cidrs.set(c.toString(), c);
        }
      }
    }
  }
  for (const s of model.networkSetParties) for (const c of s.nets) cidrs.set(c.toString(), c);
  const out = [...cidrs.values()];
  for (const f of [...model.felix.failsafeInbound, ...model.felix.failsafeOutbound]) {
    if (f.net !== undefined) out.push(CidrMatcher.parse(f.net));
  }
  return out;
}

/** The Services that rules match with `services` (their sets decide those rules, by address). */
function ruleServices(model: BuiltModel): InputService[] {
  const out = new Set<InputService>();
  for (const tier of model.tiers) {
    for (const p of tier.policies) {
      for (const r of [...(p.compiledIngress ?? []), ...(p.compiledEgress ?? [])]) {
        for (const e of [r.source, r.destination]) {
          const service = e.service ? findMatchedService(model.services, e.service.match) : undefined;
          if (service) out.add(service);
        }
      }
    }
  }
  return [...out];
}

/** Rows sorted into groups of interchangeable workloads and singles (see cells.ts). */
export interface Grouping {
  /** Per row: its group, or -1 for a single. */
  readonly rowGroup: Int32Array;
  /** Per row: its single index, or -1. */
  readonly rowSingle: Int32Array;
  /** Rows of each group. */
  readonly members: number[][];
  /** Host class of each group's node. */
  readonly groupClass: number[];
  /** The row of each single. */
  readonly singles: number[];
}

/** The IP version, which matchers contain the address and what the Services' sets hold of it. */
function addressSignature(matchers: readonly CidrMatcher[], services: readonly InputService[], ip: string): string {
  const v4 = ipv4ToNumber(ip);
  let bits = '';
  if (v4 !== undefined) for (const m of matchers) bits += m.containsV4(v4) ? '1' : '0';
  else for (const m of matchers) bits += m.contains(ip) ? '1' : '0';
  const sets = services.map((s) => serviceMembershipKey(s, ip)).join(';');
  return `${ipFamily(ip)}:${bits}:${sets}`;
}

/** Groups workload rows by everything their verdicts read; other rows become singles. */
export function groupRows(model: BuiltModel, rows: readonly TableRow[], classOfRow: (i: number) => number): Grouping {
  const matchers = addressMatchers(model);
  const services = ruleServices(model);
  const nodeAddresses = new Set(model.nodes.flatMap((n) => n.addresses.map((a) => a.address)));
  const groupIds = new Map<string, number>();
  const members: number[][] = [];
  const groupClass: number[] = [];
  const singles: number[] = [];
  const rowGroup = new Int32Array(rows.length).fill(-1);
  const rowSingle = new Int32Array(rows.length).fill(-1);
  rows.forEach((r, i) => {
    const ep = r.party.endpoint;
    const ip = r.party.ip;
    if (!ep || ep.kind === 'host' || (ip !== undefined && nodeAddresses.has(ip))) {
      rowSingle[i] = singles.length;
      singles.push(i);
      return;
    }
    const signature = ip === undefined ? 'none' : addressSignature(matchers, services, ip);
    const cls = classOfRow(i);
    const key = [endpointParty(ep).labelKey, ep.namedPorts.map((np) => `${np.name}/${np.protocol}/${np.port}`).sort().join(','),
      ep.profiles.join(','), cls, signature, addressTunnel(model, ip) ?? '-'].join('\u0001');
    let grp = groupIds.get(key);
    if (grp === undefined) {
      grp = members.length;
      groupIds.set(key, grp);
      members.push([]);
      groupClass.push(cls);
    }
    members[grp].push(i);
    rowGroup[i] = grp;
  });
  return { rowGroup, rowSingle, members, groupClass, singles };
}
