// The report's "Cluster guardrails" section: the admin and baseline tiers of the sig-network admin
// policy kinds (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy), each policy
// as written (priority, subject, every rule's action, peers and ports) in Felix's order, and where
// a Pass (or the end of an admin tier) hands the decision.
import { BuiltModel, CompiledPolicy, EngineInputs } from '../engine';
import { K8sLabelSelector, NamespacedPodSelector, NetsecResource } from '../model/resources';
import { GuardrailPolicySummary, GuardrailRuleSummary, GuardrailSection, GuardrailTierSummary } from './data';

const ADMIN_KINDS = new Set(['ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);

/** `app=web, tier In (a, b), x Exists`, or `all` for the empty selector. */
function selectorText(s: K8sLabelSelector | undefined): string {
  const parts = [
    ...Object.entries(s?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(s?.matchExpressions ?? []).map((e) => (e.values !== undefined && e.values.length > 0 ? `${e.key} ${e.operator} (${e.values.join(', ')})` : `${e.key} ${e.operator}`)),
  ];
  return parts.length === 0 ? 'all' : parts.join(', ');
}

function podsText(p: NamespacedPodSelector): string {
  return `pods ${selectorText(p.podSelector)} in namespaces ${selectorText(p.namespaceSelector)}`;
}

interface PeerFields {
  readonly namespaces?: K8sLabelSelector;
  readonly pods?: NamespacedPodSelector;
  readonly nodes?: K8sLabelSelector;
  readonly networks?: readonly string[];
  readonly domainNames?: readonly string[];
}

function peerText(p: PeerFields): string {
  const out: string[] = [];
  if (p.namespaces !== undefined) out.push(`namespaces ${selectorText(p.namespaces)}`);
  if (p.pods !== undefined) out.push(podsText(p.pods));
  if (p.nodes !== undefined) out.push(`nodes ${selectorText(p.nodes)}`);
  if (p.networks !== undefined) out.push(`networks ${p.networks.join(', ')}`);
  if (p.domainNames !== undefined) out.push(`domains ${p.domainNames.join(', ')}`);
  return out.length === 0 ? '(no peer)' : out.join('; ');
}

type PortOf = { readonly number?: number; readonly range?: { readonly start: number; readonly end: number } } | undefined;
type ProtocolMatch = { readonly [protocol: string]: { readonly destinationPort?: PortOf } | string | undefined };

/** ClusterNetworkPolicy `protocols` (v1alpha2) or AdminNetworkPolicy `ports` (v1alpha1) as text; `all` when absent. */
function portsText(rule: { readonly protocols?: readonly object[]; readonly ports?: readonly object[] }): string {
  const texts: string[] = [];
  for (const m of (rule.protocols ?? []) as readonly ProtocolMatch[]) {
    for (const [key, value] of Object.entries(m)) {
      if (key === 'destinationNamedPort') texts.push(`port ${String(value)}`);
      else if (typeof value === 'object') {
        const d = value.destinationPort;
        texts.push(d?.number !== undefined ? `${key.toUpperCase()} ${d.number}` : d?.range !== undefined ? `${key.toUpperCase()} ${d.range.start}-${d.range.end}` : key.toUpperCase());
      }
    }
  }
  type AnpPort = { portNumber?: { protocol?: string; port: number }; namedPort?: string; portRange?: { protocol?: string; start: number; end: number } };
  for (const p of (rule.ports ?? []) as readonly AnpPort[]) {
    if (p.portNumber !== undefined) texts.push(`${p.portNumber.protocol ?? 'TCP'} ${p.portNumber.port}`);
    else if (p.portRange !== undefined) texts.push(`${p.portRange.protocol ?? 'TCP'} ${p.portRange.start}-${p.portRange.end}`);
    else if (p.namedPort !== undefined) texts.push(`port ${p.namedPort}`);
  }
  return texts.length === 0 ? 'all' : texts.join(', ');
}

interface AnyAdminSpec {
  readonly priority?: number;
  readonly tier?: string;
  readonly subject: { readonly namespaces?: K8sLabelSelector; readonly pods?: NamespacedPodSelector };
  readonly ingress?: readonly { readonly name?: string; readonly action: string; readonly from: readonly PeerFields[]; readonly protocols?: readonly object[]; readonly ports?: readonly object[] }[];
  readonly egress?: readonly { readonly name?: string; readonly action: string; readonly to: readonly PeerFields[]; readonly protocols?: readonly object[]; readonly ports?: readonly object[] }[];
}

function rulesOf(spec: AnyAdminSpec): GuardrailRuleSummary[] {
  return [
    ...(spec.ingress ?? []).map((r, i) => ({ direction: 'ingress' as const, index: i, name: r.name ?? '', action: r.action, peers: `from ${r.from.map(peerText).join(' | ')}`, ports: portsText(r) })),
    ...(spec.egress ?? []).map((r, i) => ({ direction: 'egress' as const, index: i, name: r.name ?? '', action: r.action, peers: `to ${r.to.map(peerText).join(' | ')}`, ports: portsText(r) })),
  ];
}

function subjectText(s: AnyAdminSpec['subject']): string {
  if (s.namespaces !== undefined) return `namespaces ${selectorText(s.namespaces)}`;
  if (s.pods !== undefined) return podsText(s.pods);
  return '(none)';
}

function summarise(p: CompiledPolicy, resource: NetsecResource): GuardrailPolicySummary {
  const spec = (resource as unknown as { spec: AnyAdminSpec }).spec;
  const baseline = resource.kind === 'BaselineAdminNetworkPolicy' || (resource.kind === 'ClusterNetworkPolicy' && spec.tier === 'Baseline');
  return {
    kind: resource.kind, name: resource.metadata.name ?? p.name, role: baseline ? 'baseline' : 'admin',
    priority: spec.priority, order: p.order, subject: subjectText(spec.subject), rules: rulesOf(spec),
    where: p.origin.file !== undefined ? `${p.origin.file}#${p.origin.documentIndex ?? 0}` : '',
  };
}

/** The guardrail tiers of the model, in Felix's order, with their policies as written. */
export function buildGuardrails(inputs: EngineInputs, model: BuiltModel): GuardrailSection {
  const byDoc = new Map(inputs.resources.map((r) => [`${r.file}#${r.documentIndex}`, r.resource]));
  const tiers: GuardrailTierSummary[] = [];
  model.tiers.forEach((tier, i) => {
    const policies = tier.policies.flatMap((p) => {
      if (!ADMIN_KINDS.has(p.origin.kind)) return [];
      const resource = byDoc.get(`${p.origin.file}#${p.origin.documentIndex}`);
      return resource !== undefined && resource.kind === p.origin.kind ? [summarise(p, resource)] : [];
    });
    if (policies.length === 0) return;
    const role = policies.every((p) => p.role === 'baseline') ? 'baseline' : 'admin';
    const after = model.tiers.slice(i + 1).map((t) => t.name);
    tiers.push({ name: tier.name, order: tier.order, defaultAction: tier.defaultAction, role, policies, handsDownTo: [...after, 'the namespace profiles'] });
  });
  return { tiers };
}
