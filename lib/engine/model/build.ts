// Builds the EngineModel from the inputs: endpoints, network sets, sorted tiers, profiles, Felix settings.
import {
  CALICO_API_VERSION, CalicoNetworkPolicyResource, EntityRule, FelixConfiguration, GlobalNetworkPolicy, GlobalNetworkSet, HostEndpoint, IpPool,
  K8S_NAMESPACE_NAME_LABEL, K8S_NETWORKING_API_VERSION, NetsecResource, NetworkSet, ServiceMatch, StringMap, Tier,
} from '../../model/resources';
import { describeDefault } from '../../model/defaults';
import {
  AdminConversionResult, adminTiers, convertAdminNetworkPolicy, convertBaselineAdminNetworkPolicy, convertClusterNetworkPolicy,
  convertK8sNetworkPolicy, namespaceProfile, serviceAccountProfile,
} from '../../model/convert';
import { CalicoVersion, DEFAULT_CALICO_VERSION } from '../../model/calico-version';
import { InventoryPod } from '../input/inventory';
import { EngineInputs, SourcedResource } from '../input/load';
import { InputService, servicesNote } from '../input/services';
import { ServiceSetMembers } from '../input/service-members';
import { findMatchedService } from '../input/service-lookup';
import { CompiledEntity } from './entity';
import { hostEndpoint, workloadEndpoint } from './endpoints';
import { natOutgoingNote } from './encapsulation';
import { hostEncryptionNote } from './host-encryption';
import { checkIpv6Support, felixSettings, unusedFelixConfigNotes } from './felix';
import { compareOrderThenName } from './order';
import { EndpointGroups } from './endpoint-groups';
import { NetworkSetParty, networkSetParty } from './party';
import { PolicyImpl } from './policy';
import { CompiledPolicy, CompiledTier, EngineModel, EntityMembers, Endpoint, NetworkSetInfo, Profile } from './types';

/** Calico's DefaultTierOrder: the `default` tier's order when no Tier resource gives one. */
export const DEFAULT_TIER_ORDER = 1_000_000;
/** The profile that allows everything both ways (for host endpoints). */
const DEFAULT_ALLOW_PROFILE = 'projectcalico-default-allow';

const NO_MEMBERS: ServiceSetMembers = { addresses: [], ipPorts: [] };

/** The EngineModel plus what the evaluator needs beyond the contract. */
export interface BuiltModel extends EngineModel {
  readonly tiers: readonly BuiltTier[];
  readonly networkSetParties: readonly NetworkSetParty[];
  /**
   * Every pod of the inventory as read, workload endpoint or not (host-network and finished pods
   * too), with all its container ports.
   */
  readonly pods: readonly InventoryPod[];
  /** The Services read, with their backends per port. */
  readonly services: readonly InputService[];
  /** Notes gathered while building (pods skipped, tiers missing, conversion warnings). */
  readonly notes: readonly string[];
}

/** A tier whose policies are the engine's compiled policies. */
export interface BuiltTier extends CompiledTier {
  readonly policies: readonly PolicyImpl[];
}

/** The enforced defaults filled in on read, as origin sentences (left out when none, so origins stay small). */
function defaultsOf(s: SourcedResource): { defaults?: readonly string[] } {
  const enforced = (s.defaults ?? []).filter((d) => d.enforced !== false);
  return enforced.length > 0 ? { defaults: enforced.map(describeDefault) } : {};
}

/** Builds the model; throws InputError naming file, document and field on bad selectors, CIDRs or ports. */
export function buildEngineModel(inputs: EngineInputs): BuiltModel {
  const notes = [...inputs.notes];
  if (inputs.services && inputs.services.length > 0) notes.push(servicesNote(inputs.services));
  const nsLabels = new Map<string, StringMap>();
  for (const ns of inputs.namespaces) nsLabels.set(ns.name, ns.labels);
  const saLabels = new Map<string, StringMap>();
  for (const sa of inputs.serviceAccounts ?? []) saLabels.set(`${sa.namespace}/${sa.name}`, sa.labels);
  const endpoints: Endpoint[] = [];
  const skipped = new Map<string, number>();
  const skip = (reason: string): void => { skipped.set(reason, (skipped.get(reason) ?? 0) + 1); };
  for (const pod of inputs.pods) {
    if (pod.hostNetwork) {
      notes.push(`pod ${pod.namespace}/${pod.name} uses the host network: not a Calico workload endpoint`);
      skip('host network');
      continue;
    }
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed') {
      notes.push(`pod ${pod.namespace}/${pod.name} has finished (${pod.phase}): skipped`);
      skip(`finished (${pod.phase})`);
      continue;
    }
    if (!nsLabels.has(pod.namespace)) {
      notes.push(`namespace ${pod.namespace} of pod ${pod.namespace}/${pod.name} is not in the inventory: only its ${K8S_NAMESPACE_NAME_LABEL} label is known`);
    }
    // kube-apiserver labels every namespace with its name, so that label is known even without the Namespace
    endpoints.push(workloadEndpoint(pod, nsLabels.get(pod.namespace) ?? { [K8S_NAMESPACE_NAME_LABEL]: pod.namespace },
      pod.serviceAccount ? saLabels.get(`${pod.namespace}/${pod.serviceAccount}`) : undefined));
  }
  if (skipped.size > 0) {
    const total = [...skipped.values()].reduce((a, b) => a + b, 0);
    notes.push(`${total} pod${total === 1 ? '' : 's'} skipped: ${[...skipped].map(([reason, n]) => `${n} ${reason}`).join(', ')}`);
  }
  const byKind = <T>(kind: string, apiVersion: string = CALICO_API_VERSION): { r: T; s: SourcedResource }[] =>
    inputs.resources.filter((s) => s.resource.kind === kind && s.resource.apiVersion === apiVersion)
      .map((s) => ({ r: s.resource as unknown as T, s }));
  for (const { r } of byKind<HostEndpoint>('HostEndpoint')) endpoints.push(hostEndpoint(r));

  const networkSets: NetworkSetInfo[] = [
    ...byKind<GlobalNetworkSet>('GlobalNetworkSet').map(({ r }) => ({
      id: `globalnetworkset/${r.metadata.name}`, name: r.metadata.name, labels: r.metadata.labels ?? {}, nets: r.spec.nets ?? [],
    })),
    ...byKind<NetworkSet>('NetworkSet').map(({ r }) => ({
      id: `networkset/${r.metadata.namespace ?? 'default'}/${r.metadata.name}`, name: r.metadata.name,
      namespace: r.metadata.namespace ?? 'default', labels: r.metadata.labels ?? {}, nets: r.spec.nets ?? [],
    })),
  ];
  const networkSetParties = networkSets.map((s) => networkSetParty(s, s.namespace ? nsLabels.get(s.namespace) : undefined));

  const calicoVersion = inputs.calicoVersion ?? DEFAULT_CALICO_VERSION;
  const policies: PolicyImpl[] = [];
  const where = (s: SourcedResource): string => `${s.file}#${s.documentIndex}`;
  for (const { r, s } of byKind<GlobalNetworkPolicy>('GlobalNetworkPolicy')) {
    policies.push(new PolicyImpl({
      name: r.metadata.name, tier: r.spec.tier ?? 'default', order: r.spec.order, selector: r.spec.selector ?? '',
      namespaceSelector: r.spec.namespaceSelector, serviceAccountSelector: r.spec.serviceAccountSelector,
      types: r.spec.types, ingress: r.spec.ingress, egress: r.spec.egress,
      preDNAT: r.spec.preDNAT === true, doNotTrack: r.spec.doNotTrack === true, applyOnForward: r.spec.applyOnForward === true,
      origin: { file: s.file, documentIndex: s.documentIndex, kind: 'GlobalNetworkPolicy', name: r.metadata.name, ...defaultsOf(s) },
      where: where(s), calicoVersion,
    }));
  }
  const version = calicoVersion;
  const adminKinds = new Set<string>();
  for (const s of inputs.resources) {
    const converted = convertAdminPolicy(s.resource, version, where(s));
    if (converted === undefined) continue;
    adminKinds.add(s.resource.kind);
    for (const w of converted.warnings) notes.push(`${where(s)}: ${w}`);
    const r = converted.policy;
    policies.push(new PolicyImpl({
      name: r.metadata.name, tier: r.spec.tier ?? 'default', order: r.spec.order, selector: r.spec.selector ?? '',
      namespaceSelector: r.spec.namespaceSelector, types: r.spec.types, ingress: r.spec.ingress, egress: r.spec.egress,
      preDNAT: false, doNotTrack: false, applyOnForward: false,
      origin: { file: s.file, documentIndex: s.documentIndex, kind: s.resource.kind, name: s.resource.metadata.name, ...defaultsOf(s) },
      where: where(s), calicoVersion,
    }));
  }
  const namespaced = (r: CalicoNetworkPolicyResource, s: SourcedResource, kind: string, originalName: string): PolicyImpl => {
    const ns = r.metadata.namespace ?? 'default';
    return new PolicyImpl({
      name: r.metadata.name, namespace: ns, tier: r.spec.tier ?? 'default', order: r.spec.order,
      selector: r.spec.selector ?? '', serviceAccountSelector: r.spec.serviceAccountSelector, types: r.spec.types,
      ingress: r.spec.ingress, egress: r.spec.egress, preDNAT: false, doNotTrack: false, applyOnForward: false,
      origin: { file: s.file, documentIndex: s.documentIndex, kind, namespace: ns, name: originalName, ...defaultsOf(s) },
      where: where(s), calicoVersion,
    });
  };
  for (const { r, s } of byKind<CalicoNetworkPolicyResource>('NetworkPolicy')) {
    policies.push(namespaced(r, s, 'CalicoNetworkPolicy', r.metadata.name));
  }
  for (const s of inputs.resources) {
    if (s.resource.apiVersion !== K8S_NETWORKING_API_VERSION || s.resource.kind !== 'NetworkPolicy') continue;
    const k8s = s.resource;
    const { policy, warnings } = convertK8sNetworkPolicy(k8s, calicoVersion);
    for (const w of warnings) notes.push(`${where(s)}: ${w}`);
    policies.push(namespaced(policy, s, 'NetworkPolicy', k8s.metadata.name));
  }

  const tierResources = byKind<Tier>('Tier').map(({ r }) => r);
  const tiers = buildTiers(tierResources, policies, notes, adminKinds.size > 0 ? version : undefined);

  const profiles = new Map<string, Profile>();
  const nsNames = new Set<string>([...nsLabels.keys(), ...endpoints.filter((e) => e.namespace).map((e) => e.namespace as string)]);
  for (const ns of nsNames) profiles.set(`kns.${ns}`, namespaceProfile(ns));
  // every pod's service account exists (admission refuses a pod whose account does not), so its profile is defined
  for (const e of endpoints) {
    if (e.kind === 'workload' && e.serviceAccount) {
      const p = serviceAccountProfile(e.namespace ?? '', e.serviceAccount);
      profiles.set(p.name, p);
    }
  }
  profiles.set(DEFAULT_ALLOW_PROFILE, { name: DEFAULT_ALLOW_PROFILE, ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] });

  const felixConfigs = byKind<FelixConfiguration>('FelixConfiguration');
  const pools = byKind<IpPool>('IPPool');
  const felix = felixSettings(felixConfigs.map(({ r }) => r), inputs.felixOverrides, pools.map(({ r }) => r));
  const felixDefault = felixConfigs.find(({ r }) => r.metadata.name === 'default');
  checkIpv6Support(felix, endpoints, inputs.felixOverrides?.ipv6Support !== undefined || felixDefault === undefined ? '--felix' : `${where(felixDefault.s)}: spec`);
  notes.push(...unusedFelixConfigNotes(felixConfigs.map(({ r }) => r)));
  const natNote = natOutgoingNote(pools.map(({ r }) => r));
  if (natNote) notes.push(natNote);
  const encryptionNote = hostEncryptionNote(felix);
  if (encryptionNote) notes.push(encryptionNote);
  const entityCache = new WeakMap<EntityRule, CompiledEntity>();
  const selectorCache = new Map<string, EntityMembers>();
  const membersCache = new Map<string, EntityMembers>();
  let groups: EndpointGroups | undefined;
  const membersOf = (c: CompiledEntity): EntityMembers => ({
    endpoints: (groups ??= new EndpointGroups(endpoints)).members(c),
    networkSets: networkSetParties.filter((n) => c.setMatches(n.party)).map((n) => n.set),
  });

  return {
    nodes: inputs.nodes,
    endpoints,
    networkSets,
    networkSetParties,
    pods: inputs.pods,
    services: inputs.services ?? [],
    tiers,
    profiles,
    felix,
    calicoVersion,
    notes,
    entityMembers(policy: CompiledPolicy, entity: EntityRule): EntityMembers | undefined {
      let compiled = entityCache.get(entity);
      if (!compiled) {
        compiled = new CompiledEntity(entity, policy.namespace, `${policy.origin.file ?? ''}#${policy.origin.documentIndex ?? ''}`);
        entityCache.set(entity, compiled);
      }
      if (!compiled.hasLabelPart) return undefined;
      // the set reads only these fields and the policy's namespace (which scopes selectors, also
      // when only a notSelector is given): entities that agree on them have the same members
      const key = JSON.stringify([policy.namespace ?? null, entity.selector ?? null, entity.namespaceSelector ?? null,
        entity.serviceAccounts ?? null, entity.notSelector || null]);
      let found = membersCache.get(key);
      if (!found) {
        found = membersOf(compiled);
        membersCache.set(key, found);
      }
      return found;
    },
    serviceMembers(match: ServiceMatch): ServiceSetMembers {
      return findMatchedService(inputs.services ?? [], match)?.setMembers ?? NO_MEMBERS;
    },
    selectorMembers(selector: string): EntityMembers {
      let found = selectorCache.get(selector);
      if (!found) {
        found = membersOf(new CompiledEntity({ selector }, undefined, 'selector'));
        selectorCache.set(selector, found);
      }
      return found;
    },
  };
}

/** An admin policy kind converted as the declared Calico version does; undefined for other kinds. */
function convertAdminPolicy(r: NetsecResource, version: CalicoVersion, where: string): AdminConversionResult | undefined {
  switch (r.kind) {
    case 'AdminNetworkPolicy': return convertAdminNetworkPolicy(r, version, where);
    case 'BaselineAdminNetworkPolicy': return convertBaselineAdminNetworkPolicy(r, version, where);
    case 'ClusterNetworkPolicy': return convertClusterNetworkPolicy(r, version, where);
    default: return undefined;
  }
}

function buildTiers(tierResources: readonly Tier[], policies: readonly PolicyImpl[], notes: string[], adminVersion: CalicoVersion | undefined): BuiltTier[] {
  const defs = new Map<string, { order?: number; defaultAction: string }>();
  for (const t of tierResources) defs.set(t.metadata.name, { order: t.spec.order, defaultAction: t.spec.defaultAction ?? 'Deny' });
  if (!defs.has('default')) defs.set('default', { order: DEFAULT_TIER_ORDER, defaultAction: 'Deny' });
  if (adminVersion !== undefined) {
    // the tiers Calico creates for the admin kinds (clientv3 ensureTierExists), unless a Tier resource gives them
    const { admin, baseline } = adminTiers(adminVersion);
    for (const t of [admin, baseline]) if (!defs.has(t.name)) defs.set(t.name, { order: t.order, defaultAction: t.defaultAction });
  }
  for (const p of policies) {
    if (!defs.has(p.tier)) {
      notes.push(`policy ${p.namespace ? `${p.namespace}/` : ''}${p.name} names tier ${p.tier}, which no Tier resource defines: treated as a tier with no order`);
      defs.set(p.tier, { defaultAction: 'Deny' });
    }
  }
  const tiers: BuiltTier[] = [...defs.entries()].map(([name, d]) => ({
    name,
    order: d.order,
    defaultAction: d.defaultAction,
    policies: policies.filter((p) => p.tier === name)
      .sort((a, b) => compareOrderThenName(a.order, a.sortName, b.order, b.sortName)),
  }));
  return tiers.sort((a, b) => compareOrderThenName(a.order, a.name, b.order, b.name));
}
