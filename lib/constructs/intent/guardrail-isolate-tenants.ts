import { Construct } from 'constructs';
import { checkDns1123Label } from '../vocabulary/names';
import { IntentProblems, collectErrors } from './collect-errors';
import { GuardrailTier, emitGuardrail, guardrailPriority } from './guardrail-rules';
import { IntentProps } from './intent-props';

/** Props of {@link GuardrailIsolateTenants}. */
export interface GuardrailIsolateTenantsProps extends IntentProps {
  /** The namespace label naming a namespace's tenant, e.g. `tenant`. */
  readonly tenantLabel: string;
  /** The tenants (values of the label), each a DNS-1123 label. */
  readonly tenants: string[];
  /** The tier: Admin (no namespace policy can open it) or Baseline (namespace owners may). @default GuardrailTier.ADMIN */
  readonly tier?: GuardrailTier;
  /** Priority in the tier (0-1000, lower first). @default 40 */
  readonly priority?: number;
}

/**
 * A cluster guardrail: the pods of one tenant's namespaces cannot be reached from another
 * tenant's namespaces. Namespaces without the label are not affected, either way.
 *
 * ClusterNetworkPolicy v1alpha2 has no `sameLabels`/`notSameLabels` (v1alpha1 dropped them
 * before v1alpha2), so the guardrail is written per tenant: `<name>-<tenant>`, subject the
 * namespaces `<tenantLabel>=<tenant>`, one ingress Deny from the namespaces that have the label
 * with another value.
 */
export class GuardrailIsolateTenants extends Construct {
  constructor(scope: Construct, id: string, props: GuardrailIsolateTenantsProps) {
    super(scope, id);
    collectErrors(this, () => {
      const priority = guardrailPriority(props.priority ?? 40);
      if (props.tenants.length === 0) throw new IntentProblems(['tenants: is empty; allowed: at least one tenant']);
      const name = props.name ?? id;
      const key = props.tenantLabel;
      const seen = new Set<string>();
      props.tenants.forEach((tenant, i) => {
        checkDns1123Label(`tenants[${i}]`, 'tenant', tenant);
        if (seen.has(tenant)) throw new IntentProblems([`tenants[${i}]: ${JSON.stringify(tenant)} is listed twice; allowed: each tenant once`]);
        seen.add(tenant);
        emitGuardrail(this, `Tenant-${tenant}`, `${name}-${tenant}`, {
          tier: props.tier ?? GuardrailTier.ADMIN, priority,
          subject: { namespaces: { matchLabels: { [key]: tenant } } },
          ingress: [{
            name: 'deny-other-tenants', action: 'Deny',
            from: [{ namespaces: { matchExpressions: [{ key, operator: 'Exists' }, { key, operator: 'NotIn', values: [tenant] }] } }],
          }],
        });
      });
    });
  }
}
