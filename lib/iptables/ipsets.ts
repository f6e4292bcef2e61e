// The IP sets a node's rules reference, with members, and their `ipset restore` text.
import { Endpoint, NetworkSetInfo, ServiceSetMembers } from '../engine';
import { ipVersionOf } from '../model/net';
import { IpVersion } from './match';

/** One IP set: `hash:net` (selectors) or `hash:ip,port` (named ports). */
export interface IpSet {
  readonly name: string;
  readonly type: string;
  readonly version: IpVersion;
  /** What the set stands for, for the reviewer. */
  readonly description: string;
  readonly members: readonly string[];
}

function stripHostPrefix(ip: string): string {
  return ip.replace(/\/(32|128)$/, '');
}

/** Addresses of endpoints and nets of network sets, of one IP version, sorted and deduplicated. */
export function selectorMembers(version: IpVersion, endpoints: readonly Endpoint[], sets: readonly NetworkSetInfo[]): string[] {
  const out = new Set<string>();
  for (const e of endpoints) {
    for (const ip of e.ips) if (ipVersionOf(ip.split('/')[0]) === version) out.add(stripHostPrefix(ip));
  }
  for (const s of sets) for (const n of s.nets) if (ipVersionOf(n.split('/')[0]) === version) out.add(n);
  return [...out].sort();
}

/** `ip,proto:port` members for the endpoints' named port `name`/`protocol`. */
export function namedPortMembers(version: IpVersion, endpoints: readonly Endpoint[], protocol: string, name: string): string[] {
  const out = new Set<string>();
  for (const e of endpoints) {
    for (const p of e.namedPorts) {
      if (p.name !== name || p.protocol.toLowerCase() !== protocol) continue;
      for (const ip of e.ips) {
        const addr = stripHostPrefix(ip.split('/')[0]);
        if (ipVersionOf(addr) === version) out.add(`${addr},${protocol}:${p.port}`);
      }
    }
  }
  return [...out].sort();
}

/**
 * A `services` set's members of one IP version: `ip,proto:port` (lower-case protocol, as
 * ipsetmember.MakeIPPortProto renders) for a destination match, the addresses for a source match.
 */
export function serviceMembers(version: IpVersion, members: ServiceSetMembers, includePorts: boolean): string[] {
  const out = new Set<string>();
  if (includePorts) {
    for (const m of members.ipPorts) if (ipVersionOf(m.address) === version) out.add(`${m.address},${m.protocol.toLowerCase()}:${m.port}`);
  } else {
    for (const a of members.addresses) if (ipVersionOf(a.split('/')[0]) === version) out.add(stripHostPrefix(a));
  }
  return [...out].sort();
}

/** Each set's text, once per set object (sets are shared by the nodes of a model). */
const setTexts = new WeakMap<IpSet, string>();

function setText(s: IpSet): string {
  let text = setTexts.get(s);
  if (text === undefined) {
    const family = s.version === 4 ? 'inet' : 'inet6';
    const lines = [`# ${s.description.replace(/[\r\n]/g, ' ')}`, `create ${s.name} ${s.type} family ${family} hashsize 1024 maxelem 1048576`];
    for (const m of s.members) lines.push(`add ${s.name} ${m}`);
    text = `${lines.join('\n')}\n`;
    setTexts.set(s, text);
  }
  return text;
}

/** `ipset restore` input: create then add, sets sorted by name. */
export function renderIpSets(sets: readonly IpSet[]): string {
  return [...sets].sort((a, b) => a.name.localeCompare(b.name)).map(setText).join('');
}
