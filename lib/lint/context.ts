// What every lint rule reads: the engine's model, the parsed resources and the run's options.
import { CompiledPolicy, EngineModel, Endpoint } from '../engine';
import { SourcedResource } from '../engine';
import { Cidr } from '../model/net';
import { LintFinding, LintLocation, LintOptions } from './types';
import { lintRule } from './catalog';

/** The default Service ClusterIP ranges: IKS, then upstream kubeadm. */
export const DEFAULT_SERVICE_CLUSTER_IP_RANGES: readonly string[] = ['172.21.0.0/16', '10.96.0.0/12'];

/** The inputs of one lint run. */
export class LintContext {
  public readonly serviceRanges: readonly Cidr[];

  constructor(
    public readonly model: EngineModel,
    public readonly resources: readonly SourcedResource[],
    /** True when a cluster inventory (pods, namespaces) was given: rules that count matches need it. */
    public readonly hasInventory: boolean,
    options: LintOptions = {},
  ) {
    this.serviceRanges = (options.serviceClusterIpRanges ?? DEFAULT_SERVICE_CLUSTER_IP_RANGES).map((r) => Cidr.parse(r));
  }

  /** Every compiled policy, tiers in order, policies in Felix order within each tier. */
  public policies(): CompiledPolicy[] {
    return this.model.tiers.flatMap((t) => [...t.policies]);
  }

  public hostEndpoints(): Endpoint[] {
    return this.model.endpoints.filter((e) => e.kind === 'host');
  }

  /** The raw resource a compiled policy came from (undefined when it was not read from a file). */
  public sourceOf(policy: CompiledPolicy): SourcedResource | undefined {
    const o = policy.origin;
    const kind = o.kind === 'CalicoNetworkPolicy' ? 'NetworkPolicy' : o.kind;
    return this.resources.find((s) => s.file === o.file && s.documentIndex === o.documentIndex
      && s.resource.kind === kind && s.resource.metadata.name === o.name
      && (o.namespace === undefined || (s.resource.metadata.namespace ?? 'default') === o.namespace));
  }

  /** A string field of the policy's raw spec (e.g. `namespaceSelector`), when set. */
  public rawSpecString(policy: CompiledPolicy, key: string): string | undefined {
    const spec = this.sourceOf(policy)?.resource.spec as { readonly [k: string]: unknown } | undefined;
    const v = spec?.[key];
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  }

  /** True for a policy converted from a Kubernetes NetworkPolicy. */
  public isKubernetesPolicy(policy: CompiledPolicy): boolean {
    return policy.origin.kind === 'NetworkPolicy';
  }
}

/** The location of a policy, optionally a field inside it. */
export function policyLocation(policy: CompiledPolicy, field?: string): LintLocation {
  const o = policy.origin;
  return {
    file: o.file, documentIndex: o.documentIndex, kind: o.kind === 'CalicoNetworkPolicy' ? 'NetworkPolicy' : o.kind,
    namespace: o.namespace, name: o.name, ...(field !== undefined ? { field } : {}),
  };
}

/** The location of a sourced resource. */
export function resourceLocation(s: SourcedResource, field?: string): LintLocation {
  return {
    file: s.file, documentIndex: s.documentIndex, kind: s.resource.kind, namespace: s.resource.metadata.namespace,
    name: s.resource.metadata.name, ...(field !== undefined ? { field } : {}),
  };
}

/** A finding of the rule with the catalogue's severity. */
export function finding(ruleId: string, message: string, location: LintLocation): LintFinding {
  return { ruleId, severity: lintRule(ruleId).severity, message, location };
}

/** How a policy is named in messages: `GlobalNetworkPolicy deny-all` or `NetworkPolicy shop/web`. */
export function policyLabel(policy: CompiledPolicy): string {
  const o = policy.origin;
  const kind = o.kind === 'CalicoNetworkPolicy' ? 'Calico NetworkPolicy' : o.kind === 'NetworkPolicy' ? 'Kubernetes NetworkPolicy' : o.kind;
  return `${kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

/** The field of a rule: `spec.ingress[2]` for Calico policies, `ingress rule 3 as Calico converts it` for Kubernetes ones. */
export function ruleField(ctx: LintContext, policy: CompiledPolicy, direction: string, index: number): string {
  return ctx.isKubernetesPolicy(policy) ? `${direction} rule ${index + 1} as Calico converts it` : `spec.${direction}[${index}]`;
}
