// HTML of the report's "Cluster guardrails" section: one table per guardrail tier, in Felix's order.
import { GuardrailPolicySummary, GuardrailSection, GuardrailTierSummary } from './data';
import { esc } from './escape';

const KINDS = 'ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy';

function policyRows(p: GuardrailPolicySummary): string {
  const head = `<td>${esc(p.kind)}</td><td>${esc(p.name)}</td><td>${p.priority ?? '-'}</td><td>${p.order ?? '-'}</td><td>${esc(p.subject)}</td>`;
  if (p.rules.length === 0) return `<tr class="guardrail" data-policy="${esc(p.name)}">${head}<td colspan="4" class="empty">no rules: the tier passes</td></tr>`;
  return p.rules.map((r, i) => {
    const policyCells = i === 0 ? head.replace(/<td>/g, `<td rowspan="${p.rules.length}">`) : '';
    return `<tr class="guardrail" data-policy="${esc(p.name)}">${policyCells}<td>${r.direction} ${r.index}${r.name !== '' ? ` <small>${esc(r.name)}</small>` : ''}</td>`
      + `<td class="action action-${esc(r.action.toLowerCase())}">${esc(r.action)}</td><td>${esc(r.peers)}</td><td>${esc(r.ports)}</td></tr>`;
  }).join('\n');
}

function handsDown(t: GuardrailTierSummary): string {
  const passing = t.policies.flatMap((p) => p.rules.filter((r) => r.action === 'Pass').map((r) => `${p.name} (${r.direction} ${r.index})`));
  const to = t.handsDownTo.join(' → ');
  if (t.role === 'baseline') return `<p class="hands-down">Decides only what the tiers before it left open; the end of the tier (${esc(t.defaultAction)}) leaves it to ${esc(to)}.</p>`;
  return `<p class="hands-down">Pass${passing.length > 0 ? ` (${esc(passing.join(', '))})` : ''} and the end of the tier (${esc(t.defaultAction)}) hand the decision down to ${esc(to)}.</p>`;
}

/** The guardrail tiers, or a labelled empty section. */
export function guardrailsHtml(g: GuardrailSection): string {
  if (g.tiers.length === 0) return `<p class="empty">No ${KINDS} in the inputs.</p>`;
  return g.tiers.map((t) => `<section class="guardrail-tier" data-tier="${esc(t.name)}"><h3>${esc(t.name)} <small>${t.role} tier, order ${t.order ?? '-'}, `
    + `${t.policies.length} ${t.policies.length === 1 ? 'policy' : 'policies'}</small></h3>
${handsDown(t)}
<div class="scroll"><table class="guardrails"><thead><tr><th>Kind</th><th>Name</th><th>Priority</th><th>Calico order</th><th>Subject</th><th>Rule</th><th>Action</th><th>Peers</th><th>Ports</th></tr></thead><tbody>
${t.policies.map(policyRows).join('\n')}
</tbody></table></div></section>`).join('\n');
}
