// NS001 a policy that selects no endpoint; NS002 a rule peer whose selector matches nothing.
// Both need an inventory: without pods every workload selector would match nothing.
import { EntityRule } from '../../model/resources';
import { LintContext } from '../context';
import { finding, isAdminPolicy, isKubernetesPolicy, policyLabel, policyLocation, ruleField, selectionField } from '../finding';
import { LintFinding } from '../types';
import { defineLintRule } from '../rule';

/** NS001: policies whose selector (namespace scoping included) matches no endpoint. */
function policySelectsNothing(ctx: LintContext): LintFinding[] {
  if (!ctx.hasInventory) return [];
  return ctx.policies()
    .filter((p) => !ctx.candidateEndpoints(p).some((e) => p.appliesTo(e)))
    .map((p) => finding(POLICY_SELECTS_NOTHING,
      `${policyLabel(p)} selects no endpoint of the inventory (selector ${JSON.stringify(p.selector || 'all()')}`
      + `${p.namespace ? ` in namespace ${p.namespace}` : ''}); check the labels`,
      policyLocation(p, selectionField(p))));
}

/** NS002: rule sources/destinations whose selector part matches no endpoint and no network set. */
function peerMatchesNothing(ctx: LintContext): LintFinding[] {
  if (!ctx.hasInventory) return [];
  const out: LintFinding[] = [];
  for (const p of ctx.policies()) {
    for (const direction of ['ingress', 'egress'] as const) {
      (p[direction] ?? []).forEach((rule, i) => {
        for (const side of ['source', 'destination'] as const) {
          const entity: EntityRule | undefined = rule[side];
          if (!entity) continue;
          const members = ctx.entityMembers(p, entity);
          if (!members || members.endpoints.length > 0 || members.networkSets.length > 0) continue;
          const what = [
            entity.selector !== undefined ? `selector ${JSON.stringify(entity.selector)}` : '',
            entity.namespaceSelector !== undefined ? `namespaceSelector ${JSON.stringify(entity.namespaceSelector)}` : '',
            entity.serviceAccounts !== undefined ? `serviceAccounts ${JSON.stringify(entity.serviceAccounts)}` : '',
            entity.notSelector ? `notSelector ${JSON.stringify(entity.notSelector)} in namespace ${p.namespace ?? ''}` : '',
          ].filter((s) => s !== '').join(', ');
          out.push(finding(PEER_MATCHES_NOTHING,
            `${policyLabel(p)}: the ${side} of ${direction} rule ${i} (${what}) matches no endpoint or network set of the inventory, so the rule never matches`,
            policyLocation(p, `${ruleField(p, direction, i)}${isKubernetesPolicy(p) || isAdminPolicy(p) ? `, ${side}` : `.${side}`}`)));
        }
      });
    }
  }
  return out;
}

/** NS001. */
export const POLICY_SELECTS_NOTHING = defineLintRule('NS001', 'policy-selects-nothing', 'warning',
  'A policy whose selector matches no endpoint of the inventory enforces nothing, usually a label typo.',
  policySelectsNothing);

/** NS002. */
export const PEER_MATCHES_NOTHING = defineLintRule('NS002', 'peer-matches-nothing', 'warning',
  'A rule peer whose selector matches no endpoint or network set of the inventory never matches, usually a label typo.',
  peerMatchesNothing);
