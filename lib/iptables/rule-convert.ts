// A Calico rule (as the engine holds it) to the ProtoRule of one IP version, as Felix's
// calc/rule_convert.go and FilterRuleToIPVersion do.
import { CompiledPolicy } from '../engine';
import { CalicoRule, EntityRule, IcmpFields } from '../model/resources';
import { Cidr, PROTOCOL_ALLOWED, parsePortSpec, protocolCanonicalName, protocolNumber, ruleIpVersion } from '../model/net';
import { IpSetRegistry } from './ipset-registry';
import { PortRange } from './ports';
import { EMPTY_SIDE, IcmpMatch, ProtoRule, ProtoSide } from './proto-rule';

/** Felix's protocol token: the lower-case name for named protocols, else the number. */
function protocolToken(p: string): string {
  const n = protocolNumber(p);
  if (n === undefined) throw new Error(`protocol ${JSON.stringify(p)} is not ${PROTOCOL_ALLOWED}`);
  return /^[0-9]+$/.test(p) ? `${n}` : protocolCanonicalName(n).toLowerCase();
}

/** Why a rule renders no iptables rule for this IP version, or undefined when it renders. */
export type Skip = string;

function filterNets(nets: readonly string[] | undefined, version: number, negated: boolean): { nets: string[]; all: boolean } {
  if (!nets || nets.length === 0) return { nets: [], all: false };
  const kept: string[] = [];
  for (const n of nets) {
    const c = Cidr.parseCidrOrIp(n);
    if (c.version !== version) continue;
    if (negated && c.isCatchAll()) return { nets: [], all: true };
    kept.push(c.toString());
  }
  return { nets: kept, all: kept.length === 0 };
}

function icmp(f: IcmpFields | undefined): IcmpMatch | undefined {
  if (!f || f.type === undefined) return undefined;
  return { type: f.type, code: f.code };
}

interface SideResult {
  readonly side?: ProtoSide;
  readonly skip?: Skip;
}

function side(e: EntityRule | undefined, proto: string | undefined, reg: IpSetRegistry, policy: CompiledPolicy | undefined, isDst: boolean): SideResult {
  if (!e) return { side: EMPTY_SIDE };
  const nets = filterNets(e.nets, reg.version, false);
  if (nets.all) return { skip: `no IPv${reg.version} CIDR in nets` };
  const notNets = filterNets(e.notNets, reg.version, true);
  if (notNets.all) return { skip: `notNets has no IPv${reg.version} CIDR or holds a catch-all CIDR (Felix skips such rules)` };
  const ports: PortRange[] = [];
  const notPorts: PortRange[] = [];
  const named: string[] = [];
  const notNamed: string[] = [];
  const protocol = proto ?? '';
  for (const [list, numeric, names] of [[e.ports, ports, named], [e.notPorts, notPorts, notNamed]] as const) {
    for (const text of list ?? []) {
      const spec = parsePortSpec(text);
      if (spec.kind === 'named') names.push(reg.namedPortSet(policy, e, protocol, spec.name ?? ''));
      else numeric.push({ first: spec.min, last: spec.max });
    }
  }
  const ipSets: string[] = [];
  // felix/calc/rule_scanner.go: the named-port sets are already filtered by the positive selector,
  // so the selector set is left out when the side has named ports and no numeric ones
  const selectorSet = ports.length > 0 || named.length === 0 ? reg.selectorSet(policy, e, false) : undefined;
  if (selectorSet !== undefined) ipSets.push(selectorSet);
  // felix/calc/rule_scanner.go: a destination services match is an IP+port set of its own
  // (DstIPPortSets), a source one joins the source selector sets (svcnoport, hash:net)
  const ipPortSets = e.services && isDst ? [reg.serviceSet(e.services, true)] : [];
  if (e.services && !isDst) ipSets.push(reg.serviceSet(e.services, false));
  const notIpSet = reg.selectorSet(policy, e, true);
  return {
    side: {
      nets: nets.nets, notNets: notNets.nets,
      ipSets, notIpSets: notIpSet === undefined ? [] : [notIpSet],
      ports, notPorts, namedPortSets: named, notNamedPortSets: notNamed,
      ...(ipPortSets.length > 0 ? { ipPortSets } : {}),
    },
  };
}

/** The converted rule, or the reason it renders nothing for this IP version. */
export interface Converted {
  readonly rule?: ProtoRule;
  readonly skip?: Skip;
}

/** Converts a rule for `reg.version`; `policy` is undefined for profile rules. */
export function convertRule(r: CalicoRule, reg: IpSetRegistry, policy: CompiledPolicy | undefined): Converted {
  const version = ruleIpVersion(r.ipVersion, r.protocol);
  if (version !== undefined && version !== reg.version) {
    return { skip: r.ipVersion === undefined ? `protocol ${r.protocol ?? ''} is IPv${version} only` : `rule is for IPv${version} only` };
  }
  const protocol = r.protocol === undefined ? undefined : protocolToken(r.protocol);
  const src = side(r.source, protocol, reg, policy, false);
  if (src.skip !== undefined) return { skip: src.skip };
  const dst = side(r.destination, protocol, reg, policy, true);
  if (dst.skip !== undefined) return { skip: dst.skip };
  return {
    rule: {
      action: r.action.toLowerCase(),
      protocol,
      notProtocol: r.notProtocol === undefined ? undefined : protocolToken(r.notProtocol),
      src: src.side ?? EMPTY_SIDE,
      dst: dst.side ?? EMPTY_SIDE,
      icmp: icmp(r.icmp),
      notIcmp: icmp(r.notICMP),
    },
  };
}
