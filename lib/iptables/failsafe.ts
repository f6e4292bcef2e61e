// Failsafe chains (felix/rules/static.go failsafeInChain / failsafeOutChain).
import { ProtoPort } from '../model/resources';
import { Cidr } from '../model/net';
import * as m from './match';
import { Chain, Rule, rule } from './rule';

export const FAILSAFE_IN = 'cali-failsafe-in';
export const FAILSAFE_OUT = 'cali-failsafe-out';

function entryRule(p: ProtoPort, version: m.IpVersion, dir: 'in' | 'out', sport: boolean, what: string): Rule | undefined {
  const proto = p.protocol.toLowerCase();
  const match = [m.protocolMatch(proto), sport ? m.sourcePorts([{ first: p.port, last: p.port }]) : m.destPorts([{ first: p.port, last: p.port }])];
  if (p.net !== undefined && p.net !== '') {
    const text = p.net.includes('/') ? p.net : `${p.net}/${p.net.includes(':') ? 128 : 32}`;
    const c = Cidr.parse(text);
    if (c.version !== version) return undefined;
    match.push(dir === 'in' ? m.sourceNet(c.toString()) : m.destNet(c.toString()));
  }
  const netText = p.net ? ` net ${p.net}` : '';
  return rule(match, m.ACCEPT, `Failsafe ${what} ${proto}:${p.port}${netText}${sport ? ' (return traffic)' : ''}`);
}

/**
 * `cali-failsafe-in`: accept each inbound entry on its destination port (source-limited by its
 * net). In the raw table, also the outbound entries matched on the source port.
 */
export function failsafeInChain(inbound: readonly ProtoPort[], outbound: readonly ProtoPort[], version: m.IpVersion, raw: boolean): Chain {
  const rules = inbound.map((p) => entryRule(p, version, 'in', false, 'inbound'));
  if (raw) rules.push(...outbound.map((p) => entryRule(p, version, 'in', true, 'outbound')));
  return { name: FAILSAFE_IN, rules: rules.filter((r): r is Rule => r !== undefined) };
}

/** `cali-failsafe-out`: the mirror image (destination-limited nets; raw adds inbound on --sport). */
export function failsafeOutChain(inbound: readonly ProtoPort[], outbound: readonly ProtoPort[], version: m.IpVersion, raw: boolean): Chain {
  const rules = outbound.map((p) => entryRule(p, version, 'out', false, 'outbound'));
  if (raw) rules.push(...inbound.map((p) => entryRule(p, version, 'out', true, 'inbound')));
  return { name: FAILSAFE_OUT, rules: rules.filter((r): r is Rule => r !== undefined) };
}
