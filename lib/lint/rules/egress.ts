// Egress rules: NS009 default-deny egress without DNS, NS010 egress ipBlock naming the Service range.
import { Cidr, protocolNumber } from '../../model/net';
import { CalicoRule, K8S_NETWORKING_API_VERSION } from '../../model/resources';
import { CompiledPolicy, Endpoint } from '../../engine';
import { nonEmpty } from '../analysis/lists';
import { parseNets } from '../analysis/nets';
import { portListIncludes } from '../analysis/ports';
import { policyEnforces, reach } from '../analysis/reach';
import { LintContext } from '../context';
import { finding, policyLabel, policyLocation, resourceLocation } from '../finding';
import { LintFinding } from '../types';
import { defineLintRule } from '../rule';

const UDP = 17;
const TCP = 6;
const DNS = 53;

/** NS009: endpoints (inventory) or egress policies (no inventory) with egress isolation and no DNS allowed. */
function egressWithoutDns(ctx: LintContext): LintFinding[] {
  return ctx.hasInventory ? byEndpoint(ctx) : byPolicy(ctx);
}

function byEndpoint(ctx: LintContext): LintFinding[] {
  const dnsFailsafe = ctx.model.felix.failsafeOutbound.some((f) => protocolNumber(f.protocol) === UDP && f.port === DNS);
  const groups = new Map<CompiledPolicy, Endpoint[]>();
  for (const e of ctx.model.endpoints) {
    if (e.kind === 'host' && dnsFailsafe) continue;
    const view = ctx.tierPoliciesFor(e);
    const first = firstEnforcing(view, e);
    if (!first) continue;
    if (reach(ctx.model, e, 'egress', UDP, DNS, view) !== 'none' || reach(ctx.model, e, 'egress', TCP, DNS, view) !== 'none') continue;
    const group = groups.get(first);
    if (group) group.push(e);
    else groups.set(first, [e]);
  }
  return [...groups.entries()].map(([p, eps]) => finding(EGRESS_DENY_WITHOUT_DNS,
    `${eps.length} endpoint(s) (${eps.slice(0, 5).map((e) => e.id).join(', ')}${eps.length > 5 ? ', ...' : ''}) have egress policy `
    + `(first: ${policyLabel(p)}) but no policy allows DNS (UDP or TCP 53) to anywhere; allow egress to kube-dns`,
    policyLocation(p)));
}

/** The first policy, tiers in order, that enforces egress for the endpoint. */
function firstEnforcing(view: readonly (readonly CompiledPolicy[])[], e: Endpoint): CompiledPolicy | undefined {
  for (const policies of view) {
    const p = policies.find((q) => policyEnforces(q, e, 'egress'));
    if (p) return p;
  }
  return undefined;
}

function allowsDns(rule: CalicoRule): boolean {
  if (rule.action !== 'Allow') return false;
  if (rule.protocol !== undefined && ![UDP, TCP].includes(protocolNumber(rule.protocol) ?? 0)) return false;
  const ports = nonEmpty(rule.destination?.ports);
  return ports === undefined || ports.some((p) => !/^[0-9:]+$/.test(p)) || portListIncludes(ports, DNS, () => undefined);
}

function byPolicy(ctx: LintContext): LintFinding[] {
  const all = ctx.policies();
  // where DNS is allowed: by some global policy, or by a policy of the namespace
  let globalDns = false;
  const namespacesWithDns = new Set<string>();
  for (const q of all) {
    if (!(q.egress ?? []).some(allowsDns)) continue;
    if (q.namespace === undefined) globalDns = true;
    else namespacesWithDns.add(q.namespace);
  }
  return all
    .filter((p) => p.egress !== undefined && !p.preDNAT && !p.doNotTrack && p.origin.kind !== 'GlobalNetworkPolicy')
    .filter((p) => !globalDns && !(p.namespace !== undefined && namespacesWithDns.has(p.namespace)))
    .map((p) => finding(EGRESS_DENY_WITHOUT_DNS,
      `${policyLabel(p)} makes its pods default-deny for egress, and no policy of namespace ${p.namespace} or global policy allows DNS `
      + '(UDP or TCP 53); allow egress to kube-dns', policyLocation(p)));
}

/**
 * NS010: Kubernetes egress ipBlocks inside a Service ClusterIP range. Calico `nets` are not checked:
 * IBM's own isolation policies name the API server's ClusterIP for host endpoint egress.
 */
function egressToServiceCidr(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  const ranges = new Map<string, Cidr | undefined>();
  const rangeOf = (cidr: string): Cidr | undefined => {
    if (!ranges.has(cidr)) {
      const net = parseNets([cidr])?.[0];
      ranges.set(cidr, net && ctx.serviceRanges.find((r) => r.contains(net)));
    }
    return ranges.get(cidr);
  };
  const check = (cidr: string, loc: LintFinding['location'], who: string): void => {
    const range = rangeOf(cidr);
    if (!range) return;
    out.push(finding(EGRESS_TO_SERVICE_CIDR, `${who}: egress to ${cidr} is inside the Service ClusterIP range ${range.toString()}; kube-proxy `
      + 'rewrites Service IPs to pod IPs before policy runs, so this never matches: select the backing pods instead', loc));
  };
  for (const s of ctx.resources) {
    const r = s.resource;
    if (r.apiVersion === K8S_NETWORKING_API_VERSION && r.kind === 'NetworkPolicy') {
      (r.spec.egress ?? []).forEach((rule, i) => (rule.to ?? []).forEach((peer, j) => {
        if (peer.ipBlock) check(peer.ipBlock.cidr, resourceLocation(s, `spec.egress[${i}].to[${j}].ipBlock.cidr`), `Kubernetes NetworkPolicy ${r.metadata.namespace ?? 'default'}/${r.metadata.name}`);
      }));
    }
  }
  return out;
}

/** NS009. */
export const EGRESS_DENY_WITHOUT_DNS = defineLintRule('NS009', 'egress-deny-without-dns', 'warning',
  'Endpoints whose egress is default-deny without any DNS allow cannot resolve names, which breaks almost every workload.',
  egressWithoutDns);

/** NS010. */
export const EGRESS_TO_SERVICE_CIDR = defineLintRule('NS010', 'egress-to-service-cidr', 'error',
  'kube-proxy rewrites Service ClusterIPs to pod IPs before policy runs, so an egress ipBlock naming the Service range never matches.',
  egressToServiceCidr);
