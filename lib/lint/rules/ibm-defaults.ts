// NS008: a removed or weakened IKS default GlobalNetworkPolicy, checked when host endpoints carry
// IBM's `ibm.role` label. The defaults and their key rule follow IBM's published list (see
// docs: allow-all-outbound, allow-icmp, allow-kubelet-port (2018) or allow-bigfix-port,
// allow-node-port-dnat, allow-sys-mgmt, allow-vrrp).
import { protocolNumber } from '../../model/net';
import { CalicoRule } from '../../model/resources';
import { CompiledPolicy, Endpoint } from '../../engine';
import { nonEmpty } from '../analysis/lists';
import { portListIncludes } from '../analysis/ports';
import { LintContext } from '../context';
import { finding, policyLocation } from '../finding';
import { LintFinding } from '../types';
import { defineLintRule } from '../rule';

interface DefaultSpec {
  /** Names that satisfy the default (kubelet or bigfix: either generation). */
  readonly names: readonly string[];
  readonly direction: 'ingress' | 'egress';
  /** What the key rule allows, for messages. */
  readonly allows: string;
  /** The key Allow rule: must be present with no narrower match. */
  readonly keyRule: (r: CalicoRule) => boolean;
  /** The roles the policy must still select. */
  readonly roles: readonly string[];
}

const noPeer = (r: CalicoRule, side: 'source' | 'destination'): boolean => Object.keys(r[side] ?? {}).length === 0;
const onlyPorts = (r: CalicoRule): boolean => Object.keys(r.destination ?? {}).every((k) => k === 'ports');
const portsInclude = (ports: readonly string[] | undefined, port: number): boolean =>
  ports === undefined || portListIncludes(ports, port, () => undefined);
const tcpPort = (port: number) => (r: CalicoRule): boolean => r.protocol !== undefined && protocolNumber(r.protocol) === 6
  && noPeer(r, 'source') && onlyPorts(r) && r.destination?.notPorts === undefined
  && portsInclude(nonEmpty(r.destination?.ports), port);

const PUBLIC = ['worker_public', 'master_public'];
const WORKER_PUBLIC = ['worker_public'];

const DEFAULTS: readonly DefaultSpec[] = [
  { names: ['allow-all-outbound'], direction: 'egress', allows: 'all egress', roles: PUBLIC,
    keyRule: (r) => r.protocol === undefined && r.notProtocol === undefined && noPeer(r, 'source') && noPeer(r, 'destination') },
  { names: ['allow-icmp'], direction: 'ingress', allows: 'ICMP from anywhere', roles: PUBLIC,
    keyRule: (r) => r.protocol !== undefined && protocolNumber(r.protocol) === 1 && r.icmp === undefined && noPeer(r, 'source') },
  { names: ['allow-bigfix-port', 'allow-kubelet-port'], direction: 'ingress', allows: 'TCP 52311 (BigFix) or TCP 10250 (kubelet)',
    roles: PUBLIC, keyRule: (r) => tcpPort(52311)(r) || tcpPort(10250)(r) },
  { names: ['allow-node-port-dnat'], direction: 'ingress', allows: 'ingress to the pods behind NodePorts and load balancers',
    roles: WORKER_PUBLIC, keyRule: (r) => r.protocol === undefined && noPeer(r, 'source') },
  { names: ['allow-sys-mgmt'], direction: 'ingress', allows: 'ingress from the IBM management networks', roles: PUBLIC,
    keyRule: (r) => r.protocol === undefined && (r.source?.nets ?? []).length > 0 },
  { names: ['allow-vrrp'], direction: 'ingress', allows: 'VRRP (IP protocol 112)', roles: WORKER_PUBLIC,
    keyRule: (r) => r.protocol !== undefined && protocolNumber(r.protocol) === 112 && noPeer(r, 'source') },
];

/** NS008 findings. */
function ibmDefaults(ctx: LintContext): LintFinding[] {
  const roleHosts = ctx.hostEndpoints().filter((h) => h.labels['ibm.role'] !== undefined);
  if (roleHosts.length === 0) return [];
  const globals = ctx.policies().filter((p) => p.origin.kind === 'GlobalNetworkPolicy');
  const out: LintFinding[] = [];
  for (const d of DEFAULTS) {
    const wanted = roleHosts.filter((h) => d.roles.includes(h.labels['ibm.role']));
    if (wanted.length === 0) continue;
    const present = globals.filter((p) => d.names.includes(p.name));
    if (present.length === 0) {
      out.push(finding(IBM_DEFAULT_REMOVED_OR_WEAKENED,
        `IBM default GlobalNetworkPolicy ${d.names.join(' or ')} is missing although host endpoints with ibm.role `
        + `${d.roles.join('/')} exist (${wanted[0].name}...); it allows ${d.allows}, and IKS restores it at the next master update`,
        { kind: 'GlobalNetworkPolicy', name: d.names[0] }));
      continue;
    }
    for (const p of present) {
      const problem = weakness(p, d, wanted);
      if (problem) {
        out.push(finding(IBM_DEFAULT_REMOVED_OR_WEAKENED, `IBM default GlobalNetworkPolicy ${p.name} is weakened: ${problem}; IKS restores the default at the next master update`,
          policyLocation(p)));
      }
    }
  }
  return out;
}

function weakness(p: CompiledPolicy, d: DefaultSpec, wanted: readonly Endpoint[]): string | undefined {
  const missed = wanted.filter((h) => !p.appliesTo(h));
  if (missed.length > 0) return `its selector ${JSON.stringify(p.selector)} no longer selects host endpoint ${missed[0].name} (ibm.role ${missed[0].labels['ibm.role']})`;
  const rules = p[d.direction];
  if (rules === undefined) return `it no longer has ${d.direction} in its types`;
  const key = rules.findIndex((r) => r.action === 'Allow' && d.keyRule(r));
  if (key < 0) return `no ${d.direction} rule allows ${d.allows} any more`;
  const blocker = rules.slice(0, key).findIndex((r) => r.action === 'Deny' || r.action === 'Pass');
  if (blocker >= 0) return `${d.direction} rule ${blocker} (${rules[blocker].action}) comes before the rule that allows ${d.allows}`;
  return undefined;
}

/** NS008. */
export const IBM_DEFAULT_REMOVED_OR_WEAKENED = defineLintRule('NS008', 'ibm-default-removed-or-weakened', 'warning',
  'IKS needs its default policies on worker host endpoints and restores them at the next master update, so removing or weakening one breaks the cluster or drifts.',
  ibmDefaults);
