// Host endpoint rules: NS005 ingress from everywhere, NS006 lock-out risk, NS007 failsafe overrides policy.
import { Cidr, protocolNumber } from '../../model/net';
import { Endpoint } from '../../engine';
import { parseNets } from '../analysis/nets';
import { reach } from '../analysis/reach';
import { LintContext } from '../context';
import { finding, policyLabel, policyLocation, ruleField } from '../finding';
import { LintFinding } from '../types';
import { defineLintRule } from '../rule';

const TCP = 6;
const KUBELET_PORT = 10250;
const SSH_PORT = 22;

/** NS005: Allow rules from 0.0.0.0/0 or ::/0 in policies that select a host endpoint. */
function worldIngressToHost(ctx: LintContext): LintFinding[] {
  const hosts = ctx.hostEndpoints();
  const out: LintFinding[] = [];
  for (const p of ctx.policies()) {
    const selected = hosts.filter((h) => p.appliesTo(h));
    if (selected.length === 0) continue;
    (p.ingress ?? []).forEach((rule, i) => {
      if (rule.action !== 'Allow') return;
      const src = rule.source ?? {};
      const world = (parseNets(src.nets ?? []) ?? []).filter((n) => n.isCatchAll());
      if (world.length === 0 || (src.notNets ?? []).length > 0) return;
      // a label part narrows the source to labelled endpoints: not the world
      if (src.selector || src.namespaceSelector || src.serviceAccounts !== undefined) return;
      out.push(finding(WORLD_INGRESS_TO_HOST,
        `${policyLabel(p)}: ingress rule ${i} allows ${world.map((n) => n.toString()).join(' and ')} to host endpoint(s) `
        + `${names(selected)}; name the networks that need access instead`,
        policyLocation(p, `${ruleField(p, 'ingress', i)}.source.nets`)));
    });
  }
  return out;
}

/** NS006: host endpoints that nothing lets reach TCP 10250 or TCP 22. */
function hostLockout(ctx: LintContext): LintFinding[] {
  const sshFailsafe = ctx.model.felix.failsafeInbound.some((f) => protocolNumber(f.protocol) === TCP && f.port === SSH_PORT);
  return ctx.hostEndpoints()
    .filter((h) => reach(ctx.model, h, 'ingress', TCP, KUBELET_PORT, ctx.tierPoliciesFor(h)) === 'none'
      && reach(ctx.model, h, 'ingress', TCP, SSH_PORT, ctx.tierPoliciesFor(h)) === 'none')
    .map((h) => finding(HOST_LOCKOUT_RISK,
      `host endpoint ${h.name} (node ${h.node || '?'}): no policy allows the kubelet port (TCP ${KUBELET_PORT}) or SSH (TCP ${SSH_PORT}) from anywhere`
      + (sshFailsafe ? '; only the Felix failsafe keeps SSH open' : ', and SSH is not a failsafe port: lock-out risk'),
      hostLocation(ctx, h)));
}

/** NS007: failsafe inbound ports open to any address on public host endpoints whose policies deny them. */
function failsafeOverridesPolicy(ctx: LintContext): LintFinding[] {
  const publicHosts = ctx.hostEndpoints().filter(isPublicHost);
  const out: LintFinding[] = [];
  for (const f of ctx.model.felix.failsafeInbound) {
    if (f.net !== undefined && !(parseNets([f.net])?.[0]?.isCatchAll() ?? false)) continue;
    const proto = protocolNumber(f.protocol);
    if (proto === undefined) continue;
    const denied = publicHosts.filter((h) => reach(ctx.model, h, 'ingress', proto, f.port, ctx.tierPoliciesFor(h)) !== 'all');
    if (denied.length === 0) continue;
    out.push(finding(FAILSAFE_OVERRIDES_POLICY,
      `failsafe port ${f.protocol.toLowerCase()}:${f.port} accepts traffic from any address on public host endpoint(s) ${names(denied)}, `
      + 'although their policies deny it to some or all sources; limit the failsafe entry with a net or remove it',
      felixLocation(ctx)));
  }
  return out;
}

const PUBLIC_ROLES = ['worker_public', 'master_public'];
const PRIVATE_NETS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16',
  'fc00::/7', 'fe80::/10', '::1/128'].map((n) => Cidr.parse(n));

/** A host endpoint on a public network: IBM's public role label, or an expected IP outside private ranges. */
export function isPublicHost(h: Endpoint): boolean {
  if (PUBLIC_ROLES.includes(h.labels['ibm.role'] ?? '')) return true;
  return h.ips.some((ip) => !PRIVATE_NETS.some((n) => n.containsAddress(ip)));
}

function names(hosts: readonly Endpoint[]): string {
  const shown = hosts.slice(0, 5).map((h) => h.name).join(', ');
  return hosts.length > 5 ? `${shown} and ${hosts.length - 5} more` : shown;
}

function hostLocation(ctx: LintContext, h: Endpoint): LintFinding['location'] {
  const s = ctx.resources.find((r) => r.resource.kind === 'HostEndpoint' && r.resource.metadata.name === h.name);
  return s ? { file: s.file, documentIndex: s.documentIndex, kind: 'HostEndpoint', name: h.name } : { kind: 'HostEndpoint', name: h.name };
}

function felixLocation(ctx: LintContext): LintFinding['location'] {
  const s = ctx.resources.find((r) => r.resource.kind === 'FelixConfiguration' && r.resource.metadata.name === 'default');
  return s
    ? { file: s.file, documentIndex: s.documentIndex, kind: 'FelixConfiguration', name: 'default', field: 'spec.failsafeInboundHostPorts' }
    : { kind: 'FelixConfiguration', name: 'default', field: 'spec.failsafeInboundHostPorts (Felix default)' };
}

/** NS005. */
export const WORLD_INGRESS_TO_HOST = defineLintRule('NS005', 'world-ingress-to-host', 'warning',
  'Allowing ingress from 0.0.0.0/0 or ::/0 to a host endpoint exposes the node itself to every address.',
  worldIngressToHost);

/** NS006. */
export const HOST_LOCKOUT_RISK = defineLintRule('NS006', 'host-lockout-risk', 'warning',
  'A host endpoint that no policy lets reach the kubelet port (TCP 10250) or SSH (TCP 22) from anywhere risks locking operators and the master out.',
  hostLockout);

/** NS007. */
export const FAILSAFE_OVERRIDES_POLICY = defineLintRule('NS007', 'failsafe-overrides-policy', 'warning',
  'Felix failsafe ports are accepted before any policy, so a public host endpoint stays open on ports its policies deny.',
  failsafeOverridesPolicy);
