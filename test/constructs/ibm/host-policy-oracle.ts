import { Cidr } from '../../../lib/model/net';
import { Manifest } from './helpers';

/**
 * A deliberately small oracle for the tests: does Calico let a packet INTO a host endpoint?
 * Implements only what the IKS defaults use, per calico-facts §2 (Felix): failsafe inbound ports
 * first; then the default tier's policies that select the endpoint, sorted by order then name, first
 * matching Allow/Deny wins; if some policy selected the endpoint and none matched, drop at end of
 * tier; if none selected it, no profile allows it, so drop. An interface without a host endpoint is
 * not policed by Calico. Selectors: only `k == 'v'` and `k in { 'a', 'b' }` (else it throws).
 */
export interface InboundPacket {
  readonly protocol: string;
  readonly port?: number;
  readonly sourceIp: string;
}

type Rec = { [k: string]: unknown };

function matchesSelector(selector: string, labels: { [k: string]: string }): boolean {
  let m = /^([\w./-]+) == '([^']*)'$/.exec(selector);
  if (m) return labels[m[1]] === m[2];
  m = /^([\w./-]+) in \{ (.*) \}$/.exec(selector);
  if (m) {
    const values = m[2].split(',').map(s => s.trim().replace(/^'|'$/g, ''));
    return m[1] in labels && values.includes(labels[m[1]]);
  }
  throw new Error(`oracle: unsupported selector ${selector}`);
}

function ruleMatches(rule: Rec, p: InboundPacket, hostLabels: { [k: string]: string }): boolean {
  if (rule.protocol !== undefined && String(rule.protocol) !== p.protocol) return false;
  const src = (rule.source ?? {}) as Rec;
  const dst = (rule.destination ?? {}) as Rec;
  if (Array.isArray(src.nets) && !src.nets.some(n => Cidr.parse(String(n)).containsAddress(p.sourceIp))) return false;
  if (src.selector !== undefined) return false; // sources here are outside hosts, never Calico endpoints
  if (Array.isArray(dst.ports) && !dst.ports.some(x => Number(x) === p.port)) return false;
  if (typeof dst.selector === 'string' && !matchesSelector(dst.selector, hostLabels)) return false;
  for (const k of ['notNets', 'notPorts', 'notSelector', 'namespaceSelector', 'serviceAccounts', 'services']) {
    if (src[k] !== undefined || dst[k] !== undefined) throw new Error(`oracle: unsupported field ${k}`);
  }
  return true;
}

/** 'allow' or 'deny' for a packet arriving on `iface` of `node`. */
export function inboundVerdict(manifests: Manifest[], node: string, iface: string, p: InboundPacket): string {
  const hep = manifests.find(m => m.kind === 'HostEndpoint'
    && (m.spec as Rec).node === node && (m.spec as Rec).interfaceName === iface);
  if (!hep) return 'allow';
  const felix = manifests.find(m => m.kind === 'FelixConfiguration' && (m.metadata as Rec).name === 'default');
  const failsafe = felix ? ((felix.spec as Rec).failsafeInboundHostPorts as Rec[] | undefined) : undefined;
  const felixDefault = [22, 179, 2379, 2380, 5473, 6443, 6666, 6667].map(port => ({ protocol: 'tcp', port }))
    .concat([{ protocol: 'udp', port: 68 }]);
  for (const f of failsafe ?? felixDefault) {
    if (String(f.protocol).toUpperCase() === p.protocol && f.port === p.port) return 'allow';
  }
  const labels = ((hep.metadata as Rec).labels ?? {}) as { [k: string]: string };
  const policies = manifests
    .filter(m => m.kind === 'GlobalNetworkPolicy')
    .filter(m => ((m.spec as Rec).types as string[]).includes('Ingress'))
    .filter(m => matchesSelector(String((m.spec as Rec).selector), labels))
    .sort((a, b) => Number((a.spec as Rec).order) - Number((b.spec as Rec).order)
      || String((a.metadata as Rec).name).localeCompare(String((b.metadata as Rec).name)));
  for (const pol of policies) {
    for (const rule of ((pol.spec as Rec).ingress ?? []) as Rec[]) {
      if (ruleMatches(rule, p, labels)) return rule.action === 'Allow' ? 'allow' : 'deny';
    }
  }
  return 'deny';
}
