// A policy in Calico's form, compiled: selectors and rule entities parsed once.
import { defaultCalicoPolicyTypes } from '../../model/defaults';
import { protocolNumber, ruleIpVersion } from '../../model/net';
import { CalicoRule } from '../../model/resources';
import { Selector } from '../../model/selector';
import { CalicoVersion } from '../../model/calico-version';
import { InputError } from '../input/errors';
import { compileNamespaceSelector, compileSelector } from './compile-selector';
import { CompiledEntity } from './entity';
import { felixPolicySelector } from './felix-selector';
import { felixPolicyKind, policySortKey } from './order';
import { Party, endpointParty } from './party';
import { LabelRequirement, selectorRequirements } from './selector-requirement';
import { CompiledPolicy, Endpoint, PolicyOrigin } from './types';

/** A rule with its parts compiled. */
export interface CompiledRule {
  readonly index: number;
  readonly rule: CalicoRule;
  readonly action: string;
  readonly protocol?: number;
  readonly notProtocol?: number;
  /** The IP version the rule applies to (`ruleIpVersion`: its ipVersion, or implied by protocol ICMP / ICMPv6); undefined for both. */
  readonly ipVersion?: number;
  readonly source: CompiledEntity;
  readonly destination: CompiledEntity;
}

/** The label a policy's index bucket holds it by: required by its selector or by its namespaceSelector. */
export interface IndexRequirement extends LabelRequirement {
  /** Which labels of an endpoint: its own (`selector`) or its namespace's (`namespace`). */
  readonly labels: 'selector' | 'namespace';
}

/**
 * The requirement to index the policy by (policy-index.ts), or undefined: a `k == v` one before a
 * `has(k)` one, the selector's before the namespaceSelector's.
 */
function chooseIndexRequirement(selector: Selector, nsSelector: Selector | undefined): IndexRequirement | undefined {
  const own = selectorRequirements(selector).map((r) => ({ ...r, labels: 'selector' as const }));
  const ns = nsSelector ? selectorRequirements(nsSelector).map((r) => ({ ...r, labels: 'namespace' as const })) : [];
  const all = [...own, ...ns];
  return all.find((r) => r.value !== undefined) ?? all[0];
}

/** What a policy is made from. */
export interface PolicyInput {
  readonly name: string;
  readonly namespace?: string;
  readonly tier: string;
  readonly order?: number;
  readonly selector: string;
  readonly namespaceSelector?: string;
  readonly serviceAccountSelector?: string;
  readonly types?: readonly string[];
  readonly ingress?: readonly CalicoRule[];
  readonly egress?: readonly CalicoRule[];
  readonly preDNAT: boolean;
  readonly doNotTrack: boolean;
  readonly applyOnForward: boolean;
  readonly origin: PolicyOrigin;
  /** Prefix for error messages, e.g. `dist/app.yaml#3`. */
  readonly where: string;
  /** The Calico release whose tie-break key the policy sorts by. */
  readonly calicoVersion: CalicoVersion;
}

/** The engine's CompiledPolicy. */
export class PolicyImpl implements CompiledPolicy {
  public readonly name: string;
  public readonly namespace?: string;
  public readonly tier: string;
  public readonly calicoVersion: CalicoVersion;
  public readonly order?: number;
  public readonly selector: string;
  public readonly selectorKey: string;
  public readonly felixSelector: string;
  public readonly ingress?: readonly CalicoRule[];
  public readonly egress?: readonly CalicoRule[];
  public readonly preDNAT: boolean;
  public readonly doNotTrack: boolean;
  public readonly applyOnForward: boolean;
  public readonly origin: PolicyOrigin;
  public readonly compiledIngress?: readonly CompiledRule[];
  public readonly compiledEgress?: readonly CompiledRule[];
  /** Sort key for equal orders, as the declared Calico release forms it (order.ts policySortKey). */
  public readonly sortName: string;
  /** A label any endpoint the policy applies to carries (PolicyIndex buckets); undefined: none known. */
  public readonly indexRequirement?: IndexRequirement;
  private readonly compiledSelector: Selector;
  private readonly nsSelector?: Selector;
  private readonly saSelector?: Selector;
  private readonly appliesCache = new Map<string, boolean>();

  constructor(input: PolicyInput) {
    this.name = input.name;
    this.namespace = input.namespace;
    this.tier = input.tier;
    this.calicoVersion = input.calicoVersion;
    this.order = input.order;
    this.selector = input.selector;
    this.preDNAT = input.preDNAT;
    this.doNotTrack = input.doNotTrack;
    this.applyOnForward = input.applyOnForward;
    this.origin = input.origin;
    this.sortName = policySortKey(input.calicoVersion, felixPolicyKind(input.origin.kind), input.name, input.namespace);
    this.compiledSelector = compileSelector(input.selector, `${input.where}: spec.selector`);
    if (input.namespaceSelector) {
      this.nsSelector = compileNamespaceSelector(input.namespaceSelector, `${input.where}: spec.namespaceSelector`);
    }
    if (input.serviceAccountSelector) {
      this.saSelector = compileSelector(input.serviceAccountSelector, `${input.where}: spec.serviceAccountSelector`);
    }
    this.indexRequirement = chooseIndexRequirement(this.compiledSelector, this.nsSelector);
    this.selectorKey = [
      this.compiledSelector.toString(), input.namespace === undefined ? '' : `namespace == ${JSON.stringify(input.namespace)}`,
      this.nsSelector ? `ns(${this.nsSelector.toString()})` : '', this.saSelector ? `sa(${this.saSelector.toString()})` : '',
    ].join(' && ');
    this.felixSelector = felixPolicySelector(input);
    const types = input.types && input.types.length > 0 ? input.types
      : defaultCalicoPolicyTypes((input.ingress ?? []).length, (input.egress ?? []).length);
    if (types.includes('Ingress')) {
      this.ingress = input.ingress ?? [];
      this.compiledIngress = this.ingress.map((r, i) => compileRule(r, i, input.namespace, `${input.where}: spec.ingress[${i}]`));
    }
    if (types.includes('Egress')) {
      this.egress = input.egress ?? [];
      this.compiledEgress = this.egress.map((r, i) => compileRule(r, i, input.namespace, `${input.where}: spec.egress[${i}]`));
    }
  }

  /** True when the policy selects the endpoint (namespace scoping included). */
  public appliesTo(endpoint: Endpoint): boolean {
    const party = endpointParty(endpoint);
    let v = this.appliesCache.get(party.labelKey);
    if (v === undefined) {
      v = this.computeApplies(endpoint, party);
      this.appliesCache.set(party.labelKey, v);
    }
    return v;
  }

  private computeApplies(endpoint: Endpoint, party: Party): boolean {
    if (this.namespace !== undefined && (endpoint.kind !== 'workload' || endpoint.namespace !== this.namespace)) return false;
    if (this.nsSelector && !this.nsSelector.matches(party.namespaceLabels)) return false;
    if (this.saSelector && !this.saSelector.matches(party.serviceAccountLabels)) return false;
    return this.compiledSelector.matches(party.selectorLabels);
  }
}

/** Compiles one rule; `where` names the file, document and field for errors. */
export function compileRule(rule: CalicoRule, index: number, namespace: string | undefined, where: string): CompiledRule {
  const proto = (p: string | undefined, name: string): number | undefined => {
    if (p === undefined) return undefined;
    const n = protocolNumber(String(p));
    if (n === undefined) throw new InputError(`${where}.${name}: unknown protocol ${JSON.stringify(p)}`);
    return n;
  };
  if (!['Allow', 'Deny', 'Pass', 'Log'].includes(rule.action)) {
    throw new InputError(`${where}.action: expected Allow, Deny, Pass or Log, got ${JSON.stringify(rule.action)}`);
  }
  return {
    index,
    rule,
    action: rule.action,
    protocol: proto(rule.protocol, 'protocol'),
    notProtocol: proto(rule.notProtocol, 'notProtocol'),
    ipVersion: ruleIpVersion(rule.ipVersion, rule.protocol),
    source: new CompiledEntity(rule.source ?? {}, namespace, `${where}.source`, 'source'),
    destination: new CompiledEntity(rule.destination ?? {}, namespace, `${where}.destination`, 'destination'),
  };
}
