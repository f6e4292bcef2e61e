// Synth of the same Kubernetes NetworkPolicies with cdk8s-netsec (KubeNetworkPolicy + NetsecApp)
// and with cdk8s-plus-34 (NetworkPolicy), in memory (synthYaml), plus an equivalence check.
import { App, Chart } from 'cdk8s';
import * as plus from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import { loadAll } from 'js-yaml';
import { NetsecApp } from '../../lib/app';
import { KubeNetworkPolicy } from '../../lib/constructs';
import { modelSpecToKube } from '../../lib/constructs/l1/kube-spec-conversion';
import { K8sNetworkPolicy, K8sLabelSelector, NetworkPolicyPeer, NetworkPolicyPort } from '../../lib/model/resources';

/** Builds the chart with KubeNetworkPolicy and synthesises it (validation included) to YAML. */
export function netsecSynth(policies: readonly K8sNetworkPolicy[]): string {
  const app = new QuietApp({ outdir: '/nonexistent-bench-outdir' });
  const chart = new Chart(app, 'bench');
  policies.forEach((p) => new KubeNetworkPolicy(chart, p.metadata.name, { metadata: p.metadata, spec: modelSpecToKube(p.spec) }));
  return app.synthYaml();
}

/** A NetsecApp that counts synth warnings instead of printing them (the bench prints a table). */
class QuietApp extends NetsecApp {
  public static lastWarnings = 0;
  protected reportWarning(_warning: string): void {
    QuietApp.lastWarnings++;
  }
}

/** Warnings of the last netsecSynth call, then resets the count. */
export function takeSynthWarningCount(): number {
  const n = QuietApp.lastWarnings;
  QuietApp.lastWarnings = 0;
  return n;
}

/** Builds the same policies with cdk8s-plus-34's NetworkPolicy and synthesises them to YAML. */
export function plusSynth(policies: readonly K8sNetworkPolicy[]): string {
  const app = new App({ outdir: '/nonexistent-bench-outdir' });
  const chart = new Chart(app, 'bench');
  policies.forEach((p) => plusPolicy(chart, p));
  return app.synthYaml();
}

function labels(s: K8sLabelSelector | undefined): { [k: string]: string } {
  if (s?.matchExpressions?.length) throw new Error('bench: matchExpressions are not generated');
  return { ...(s?.matchLabels ?? {}) };
}

function peer(scope: Construct, id: string, p: NetworkPolicyPeer): plus.INetworkPolicyPeer {
  if (p.ipBlock) return plus.NetworkPolicyIpBlock.ipv4(scope, id, p.ipBlock.cidr, p.ipBlock.except);
  const namespaces = p.namespaceSelector ? plus.Namespaces.select(scope, `${id}ns`, { labels: labels(p.namespaceSelector) }) : undefined;
  if (!p.podSelector && namespaces) return namespaces;
  return plus.Pods.select(scope, id, { labels: labels(p.podSelector), namespaces });
}

function ports(list: readonly NetworkPolicyPort[] | undefined): plus.NetworkPolicyPort[] | undefined {
  if (!list) return undefined;
  return list.map((p) => {
    if (p.port !== undefined && !/^\d+$/.test(p.port)) throw new Error('bench: named ports are not generated');
    return plus.NetworkPolicyPort.of({
      protocol: p.protocol === 'UDP' ? plus.NetworkProtocol.UDP : plus.NetworkProtocol.TCP,
      ...(p.port !== undefined ? { port: Number(p.port) } : {}),
      ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
    });
  });
}

function plusPolicy(chart: Chart, p: K8sNetworkPolicy): void {
  const scope = new Construct(chart, p.metadata.name);
  const sel = labels(p.spec.podSelector);
  const types = p.spec.policyTypes ?? [];
  const traffic = (rules: readonly { peers: readonly NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[], dir: string): plus.NetworkPolicyTraffic => ({
    ...(types.includes(dir) && rules.length === 0 ? { default: plus.NetworkPolicyTrafficDefault.DENY } : {}),
    rules: rules.map((r, i) => {
      if (r.peers.length !== 1) throw new Error('bench: generated rules have exactly one peer');
      return { peer: peer(scope, `${dir}${i}`, r.peers[0]), ports: ports(r.ports) };
    }),
  });
  new plus.NetworkPolicy(scope, 'Policy', {
    metadata: { name: p.metadata.name, namespace: p.metadata.namespace, labels: { ...(p.metadata.labels ?? {}) } },
    selector: Object.keys(sel).length ? plus.Pods.select(scope, 'Selector', { labels: sel }) : undefined,
    ingress: traffic((p.spec.ingress ?? []).map((r) => ({ peers: r.from ?? [], ports: r.ports })), 'Ingress'),
    egress: traffic((p.spec.egress ?? []).map((r) => ({ peers: r.to ?? [], ports: r.ports })), 'Egress'),
  });
}

/** Drops empty lists/maps and sorts policyTypes, so both libraries' YAML can be compared. */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(normalise).filter((x) => x !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof v === 'object' && v !== null) {
    const out: { [k: string]: unknown } = {};
    for (const k of Object.keys(v).sort()) {
      let x = normalise((v as { [k: string]: unknown })[k]);
      if (k === 'policyTypes' && Array.isArray(x)) x = [...x].sort();
      if (x !== undefined) out[k] = x;
    }
    // a peer of namespaceSelector plus an empty podSelector is the namespaceSelector alone
    if (out.namespaceSelector !== undefined && JSON.stringify(out.podSelector) === '{}') delete out.podSelector;
    // an empty selector means "all" and must survive as {}
    return out;
  }
  return v;
}

/** Undefined when both YAML streams hold the same policies (after normalise); else the first difference. */
export function compareSynthOutputs(ours: string, theirs: string): string | undefined {
  const byName = (text: string): Map<string, string> => new Map(loadAll(text).filter((d) => d)
    .map((d) => {
      const doc = d as { metadata: { name: string } };
      return [doc.metadata.name, JSON.stringify(normalise(doc))] as [string, string];
    }));
  const a = byName(ours);
  const b = byName(theirs);
  if (a.size !== b.size) return `different policy counts: ${a.size} vs ${b.size}`;
  for (const [name, json] of a) {
    if (b.get(name) !== json) return `${name}: ours ${json} / cdk8s-plus ${b.get(name) ?? 'missing'}`;
  }
  return undefined;
}

