// A rule's source or destination, compiled once: selectors parsed, CIDRs parsed, ports parsed.
import { PortSpec, parsePortSpec } from '../../model/net';
import { EntityRule, ServiceMatch, StringMap } from '../../model/resources';
import { Selector } from '../../model/selector';
import { InputError } from '../input/errors';
import { CidrMatcher } from './address-match';
import { compileNamespaceSelector, compileSelector } from './compile-selector';
import { Party } from './party';

/** A compiled EntityRule of a policy (namespace scoping of namespaced policies included). */
export class CompiledEntity {
  public readonly nets?: readonly CidrMatcher[];
  public readonly notNets?: readonly CidrMatcher[];
  public readonly ports?: readonly PortSpec[];
  public readonly notPorts?: readonly PortSpec[];
  /** True when the entity has a selector part (selector, namespace scope, service accounts). */
  public readonly hasLabelPart: boolean;
  public readonly notSelector?: Selector;
  /** The Service a `services` match names, and on which side of the rule it stands. @default - none */
  public readonly service?: { readonly match: ServiceMatch; readonly side: 'source' | 'destination' };
  private readonly namespaceSelector?: Selector;
  /** Set when the entity only selects endpoints of this namespace (a namespaced policy's selector without a namespaceSelector). @default - any namespace */
  public readonly ownNamespace?: string;
  private readonly selector?: Selector;
  private readonly saNames?: readonly string[];
  private readonly saSelector?: Selector;
  private readonly positiveCache = new Map<string, boolean>();
  private readonly negativeCache = new Map<string, boolean>();

  /** `where` names the file, document and field for errors; `side` is the entity's place in its rule. */
  constructor(rule: EntityRule, policyNamespace: string | undefined, where: string, side: 'source' | 'destination' = 'source') {
    const cidr = (n: string): CidrMatcher => CidrMatcher.parse(n);
    const port = (p: string): PortSpec => parsePortSpec(String(p));
    this.nets = parseList(rule.nets, `${where}.nets`, cidr);
    this.notNets = parseList(rule.notNets, `${where}.notNets`, cidr);
    this.ports = parseList(rule.ports, `${where}.ports`, port);
    this.notPorts = parseList(rule.notPorts, `${where}.notPorts`, port);
    if (rule.services) this.service = { match: rule.services, side };
    if (rule.selector) this.selector = compileSelector(rule.selector, `${where}.selector`);
    if (rule.notSelector) this.notSelector = compileSelector(rule.notSelector, `${where}.notSelector`);
    if (rule.serviceAccounts) {
      this.saNames = rule.serviceAccounts.names && rule.serviceAccounts.names.length > 0 ? rule.serviceAccounts.names : undefined;
      if (rule.serviceAccounts.selector) {
        this.saSelector = compileSelector(rule.serviceAccounts.selector, `${where}.serviceAccounts.selector`);
      }
    }
    const hasSelectors = this.selector !== undefined || this.saNames !== undefined || this.saSelector !== undefined;
    if (rule.namespaceSelector) {
      this.namespaceSelector = compileNamespaceSelector(rule.namespaceSelector, `${where}.namespaceSelector`);
    } else if (policyNamespace !== undefined && (hasSelectors || this.notSelector !== undefined)) {
      this.ownNamespace = policyNamespace;
    }
    this.hasLabelPart = hasSelectors || this.namespaceSelector !== undefined || this.ownNamespace !== undefined;
  }

  /** The label part (namespace scope, service accounts, selector) matches the party. */
  public labelPartMatches(party: Party): boolean {
    let v = this.positiveCache.get(party.labelKey);
    if (v === undefined) {
      v = this.computePositive(party);
      this.positiveCache.set(party.labelKey, v);
    }
    return v;
  }

  /**
   * The party is a member of the rule's one positive IP set: the label part with the notSelector
   * folded in, `(label part) && (!(notSelector))`, as Felix's combineMatchesIfPossible
   * (felix/calc/rule_scanner.go) builds it whenever there is a label part.
   */
  public setMatches(party: Party): boolean {
    return this.labelPartMatches(party) && !this.notSelectorMatches(party);
  }

  /** The notSelector matches the party (unscoped, as Calico renders it). */
  public notSelectorMatches(party: Party): boolean {
    if (!this.notSelector) return false;
    let v = this.negativeCache.get(party.labelKey);
    if (v === undefined) {
      v = this.notSelector.matches(party.selectorLabels);
      this.negativeCache.set(party.labelKey, v);
    }
    return v;
  }

  /**
   * The namespace scope (the policy's own namespace, the namespaceSelector) admits a party of this
   * namespace, with these namespace labels: a part of the label part that reads nothing else.
   */
  public scopeMatches(namespace: string | undefined, namespaceLabels: StringMap): boolean {
    if (this.ownNamespace !== undefined && namespace !== this.ownNamespace) return false;
    return !(this.namespaceSelector && !this.namespaceSelector.matches(namespaceLabels));
  }

  private computePositive(party: Party): boolean {
    if (!this.scopeMatches(party.namespace, party.namespaceLabels)) return false;
    if (this.saNames && (party.serviceAccount === undefined || !this.saNames.includes(party.serviceAccount))) return false;
    if (this.saSelector && !this.saSelector.matches(party.serviceAccountLabels)) return false;
    if (this.selector && !this.selector.matches(party.selectorLabels)) return false;
    return true;
  }
}

/** Each item parsed; undefined for a missing or empty list; a parse error becomes an InputError naming `field[i]`. */
function parseList<T>(list: readonly string[] | undefined, field: string, parse: (item: string) => T): T[] | undefined {
  if (!list || list.length === 0) return undefined;
  return list.map((item, i) => {
    try {
      return parse(item);
    } catch (e) {
      throw new InputError(`${field}[${i}]: ${(e as Error).message}`);
    }
  });
}
