// IP set IDs and dataplane names (libcalico-go hash.MakeUniqueID, felix/ipsets NameForMainIPSet).
import { EntityRule } from '../model/resources';
import { Selector } from '../model/selector';
import { IpVersion } from './match';
import { makeUniqueId } from '../model/selector/unique-id';

/** Felix's MaxIPSetNameLength. */
const MAX_IPSET_NAME_LENGTH = 31;

/** `cali40s:...` / `cali60n:...`: `cali` + version + `0` + ID, cut to 31 characters. */
export function mainIpSetName(version: IpVersion, id: string): string {
  return `cali${version}0${id}`.slice(0, MAX_IPSET_NAME_LENGTH);
}

function canonical(text: string): string {
  try {
    return Selector.parse(text).toString();
  } catch {
    // The selector library is optional here: the text as written still gives a stable ID.
    return text;
  }
}

/**
 * The selector an entity's positive label part stands for, as Calico's update processor
 * (getEndpointSelector in libcalico-go updateprocessors/rules.go) combines it: namespace scope
 * (the namespaceSelector with its `pcns.` meaning, or the policy's own namespace for a namespaced
 * policy), service accounts and the selector, ANDed. The namespace scope is added as soon as one of
 * selector, notSelector, namespaceSelector or service accounts is set, so a namespaced policy's
 * rule with only a notSelector still gets the positive `projectcalico.org/namespace == '<ns>'` set.
 * A notSelector is folded in as `(positive) && (!(notSelector))`. undefined when there is no
 * positive label part. Namespace and service-account selectors are
 * written as `pcns(...)`/`pcsa(...)` rather than prefixed label by label, so IDs of such rules are
 * stable but differ from Felix's.
 */
export function entitySelectorText(entity: EntityRule, policyNamespace?: string): string | undefined {
  const selector = entity.selector ?? '';
  const ns = entity.namespaceSelector ?? '';
  const sa = entity.serviceAccounts;
  const hasSa = sa !== undefined && ((sa.names?.length ?? 0) > 0 || (sa.selector ?? '') !== '');
  const hasNot = (entity.notSelector ?? '') !== '';
  const scoped = ns !== '' || (policyNamespace !== undefined && policyNamespace !== '' && (selector !== '' || hasSa || hasNot));
  if (selector === '' && !hasSa && !scoped) return undefined;
  const parts: string[] = [];
  if (ns !== '') parts.push(`pcns(${ns})`);
  else if (scoped) parts.push(`projectcalico.org/namespace == '${policyNamespace}'`);
  if (hasSa && sa) {
    if ((sa.names?.length ?? 0) > 0) {
      parts.push(`pcsa.projectcalico.org/name in { ${[...(sa.names ?? [])].sort().map((n) => `'${n}'`).join(', ')} }`);
    }
    if ((sa.selector ?? '') !== '') parts.push(`pcsa(${sa.selector})`);
  }
  if (selector !== '') parts.push(canonical(selector));
  const positive = parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' && ');
  // Felix folds the notSelector into the positive selector (felix/calc/rule_scanner.go
  // combineMatchesIfPossible): one set, no negated one
  return hasNot ? canonical(`(${positive}) && (!(${entity.notSelector ?? ''}))`) : positive;
}

/**
 * The selector of an entity's negated set: its notSelector, never namespace-scoped, only when the
 * entity has no positive label part (otherwise entitySelectorText folds it in).
 */
export function notSelectorText(entity: EntityRule, policyNamespace?: string): string | undefined {
  if ((entity.notSelector ?? '') === '' || entitySelectorText(entity, policyNamespace) !== undefined) return undefined;
  return canonical(entity.notSelector ?? '');
}

/** Selector set ID: `s:` + hash of the selector text. */
export function selectorSetId(selectorText: string): string {
  return makeUniqueId('s', selectorText);
}

/** Named-port set ID: MakeUniqueID("n", selectorID + "," + protocol + "," + port name). */
export function namedPortSetId(selectorId: string, protocol: string, portName: string): string {
  return makeUniqueId('n', `${selectorId},${protocol},${portName}`);
}

/**
 * A `services` match's set ID (felix/calc/rule_scanner.go IPSetData.UniqueID): MakeUniqueID("svc",
 * "<namespace>/<name>") for a destination match (endpoint address and port), "svcnoport" for a
 * source match (addresses only).
 */
export function serviceSetId(namespace: string, name: string, includePorts: boolean): string {
  return makeUniqueId(includePorts ? 'svc' : 'svcnoport', `${namespace}/${name}`);
}
