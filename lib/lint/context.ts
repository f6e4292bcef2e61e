// What every lint rule reads: the engine's model, the parsed resources and the run's options,
// with the indexes the rules share.
import { CompiledPolicy, EngineModel, Endpoint, EntityMembers, InputService, SourcedResource } from '../engine';
import {
  ADMIN_POLICY_V1ALPHA1_API_VERSION, CALICO_API_VERSION, CLUSTER_NETWORK_POLICY_API_VERSION, EntityRule, K8S_NETWORKING_API_VERSION,
  isAdminPolicyResource,
} from '../model/resources';
import { subjectSelectors } from '../model/convert';
import { Cidr } from '../model/net';
import { LintOptions } from './types';


/** The default Service ClusterIP ranges: IKS, then upstream kubeadm. */
export const DEFAULT_SERVICE_CLUSTER_IP_RANGES: readonly string[] = ['172.21.0.0/16', '10.96.0.0/12'];

/** The inputs of one lint run, with the indexes the rules share (built once per run). */
export class LintContext {
  public readonly serviceRanges: readonly Cidr[];
  /** Resources by file, document index, kind and name (a chart's documents share one index at synth). */
  private readonly byDocument = new Map<string, SourcedResource[]>();
  /** Workload endpoints by namespace. */
  private readonly endpointsByNamespace = new Map<string, Endpoint[]>();
  private readonly sources = new Map<CompiledPolicy, SourcedResource | undefined>();
  private readonly members = new Map<string, EntityMembers | undefined>();
  private readonly applied = new Map<CompiledPolicy, ReadonlySet<Endpoint>>();
  private readonly tierViews = new Map<string, readonly (readonly CompiledPolicy[])[]>();
  private allPolicies: readonly CompiledPolicy[] | undefined;
  private hosts: readonly Endpoint[] | undefined;

  constructor(
    public readonly model: EngineModel,
    public readonly resources: readonly SourcedResource[],
    /** True when a cluster inventory (pods, namespaces) was given: rules that count matches need it. */
    public readonly hasInventory: boolean,
    options: LintOptions = {},
    /** The Services read, with their backends. */
    public readonly services: readonly InputService[] = [],
  ) {
    this.serviceRanges = (options.serviceClusterIpRanges ?? DEFAULT_SERVICE_CLUSTER_IP_RANGES).map((r) => Cidr.parse(r));
    for (const s of resources) {
      const key = documentKey(s.file, s.documentIndex, s.resource.apiVersion, s.resource.kind, s.resource.metadata.name);
      const list = this.byDocument.get(key);
      if (list) list.push(s);
      else this.byDocument.set(key, [s]);
    }
    for (const e of model.endpoints) {
      if (e.kind !== 'workload' || e.namespace === undefined) continue;
      const list = this.endpointsByNamespace.get(e.namespace);
      if (list) list.push(e);
      else this.endpointsByNamespace.set(e.namespace, [e]);
    }
  }

  /** Every compiled policy, tiers in order, policies in Felix order within each tier. */
  public policies(): readonly CompiledPolicy[] {
    this.allPolicies ??= this.model.tiers.flatMap((t) => [...t.policies]);
    return this.allPolicies;
  }

  public hostEndpoints(): readonly Endpoint[] {
    this.hosts ??= this.model.endpoints.filter((e) => e.kind === 'host');
    return this.hosts;
  }

  /**
   * The endpoints the policy can apply to: its namespace's workloads for a namespaced policy
   * (appliesTo is false for every other endpoint), every endpoint for a global one.
   */
  public candidateEndpoints(policy: CompiledPolicy): readonly Endpoint[] {
    if (policy.namespace === undefined) return this.model.endpoints;
    return this.endpointsByNamespace.get(policy.namespace) ?? [];
  }

  /** The endpoints the policy applies to (computed once per policy). */
  public appliedEndpoints(policy: CompiledPolicy): ReadonlySet<Endpoint> {
    let set = this.applied.get(policy);
    if (!set) {
      set = new Set(this.candidateEndpoints(policy).filter((e) => policy.appliesTo(e)));
      this.applied.set(policy, set);
    }
    return set;
  }

  /**
   * Per tier (in model order), the tier's policies that can apply to the endpoint, in Felix order:
   * global policies and the policies of the endpoint's namespace. Shared by endpoints of a namespace.
   */
  public tierPoliciesFor(endpoint: Endpoint): readonly (readonly CompiledPolicy[])[] {
    const ns = endpoint.kind === 'workload' ? endpoint.namespace : undefined;
    const key = ns === undefined ? '' : `=${ns}`;
    let view = this.tierViews.get(key);
    if (!view) {
      view = this.model.tiers.map((t) => t.policies.filter((p) => p.namespace === undefined || p.namespace === ns));
      this.tierViews.set(key, view);
    }
    return view;
  }

  /**
   * EngineModel.entityMembers, computed once per distinct label part (the fields it reads:
   * selector, notSelector, serviceAccounts, namespaceSelector, and the policy's namespace).
   */
  public entityMembers(policy: CompiledPolicy, entity: EntityRule): EntityMembers | undefined {
    const key = JSON.stringify([policy.namespace ?? null, entity.selector ?? null, entity.notSelector || null,
      entity.serviceAccounts ?? null, entity.namespaceSelector ?? null]);
    if (this.members.has(key)) return this.members.get(key);
    const m = this.model.entityMembers(policy, entity);
    this.members.set(key, m);
    return m;
  }

  /** The raw resource a compiled policy came from (undefined when it was not read from a file). */
  public sourceOf(policy: CompiledPolicy): SourcedResource | undefined {
    if (this.sources.has(policy)) return this.sources.get(policy);
    const o = policy.origin;
    // Kubernetes and Calico NetworkPolicies share the kind name (and, in a List or a chart, the document index)
    const [apiVersion, kind] = o.kind === 'NetworkPolicy' ? [K8S_NETWORKING_API_VERSION, 'NetworkPolicy']
      : o.kind === 'ClusterNetworkPolicy' ? [CLUSTER_NETWORK_POLICY_API_VERSION, o.kind]
        : o.kind === 'AdminNetworkPolicy' || o.kind === 'BaselineAdminNetworkPolicy' ? [ADMIN_POLICY_V1ALPHA1_API_VERSION, o.kind]
          : [CALICO_API_VERSION, o.kind === 'CalicoNetworkPolicy' ? 'NetworkPolicy' : o.kind];
    const found = o.file === undefined || o.documentIndex === undefined ? undefined
      : this.byDocument.get(documentKey(o.file, o.documentIndex, apiVersion, kind, o.name))
        ?.find((s) => o.namespace === undefined || (s.resource.metadata.namespace ?? 'default') === o.namespace);
    this.sources.set(policy, found);
    return found;
  }

  /**
   * The namespaceSelector Calico gives a converted admin policy (from its subject); undefined when
   * the source document is not known.
   */
  public adminNamespaceSelector(policy: CompiledPolicy): string | undefined {
    const r = this.sourceOf(policy)?.resource;
    return r !== undefined && isAdminPolicyResource(r) ? subjectSelectors(r.spec.subject).namespaceSelector : undefined;
  }

  /** A string field of the policy's raw spec (e.g. `namespaceSelector`), when set. */
  public rawSpecString(policy: CompiledPolicy, key: string): string | undefined {
    const spec = this.sourceOf(policy)?.resource.spec as { readonly [k: string]: unknown } | undefined;
    const v = spec?.[key];
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  }
}

function documentKey(file: string, documentIndex: number, apiVersion: string, kind: string, name: string): string {
  return JSON.stringify([file, documentIndex, apiVersion, kind, name]);
}
