import { Construct } from 'constructs';
import { CalicoGlobalNetworkPolicy, CalicoNetworkPolicy } from '../l1';
import { PolicyTemplate } from './rules';

/** Turns policy templates into L1 constructs under `scope`, one child per policy, ids = names. */
export function emitPolicies(scope: Construct, templates: PolicyTemplate[]): void {
  for (const t of templates) {
    if (t.kind === 'NetworkPolicy') {
      new CalicoNetworkPolicy(scope, `${t.namespace}-${t.name}`, {
        metadata: { name: t.name, namespace: t.namespace },
        spec: t.spec,
      });
    } else {
      new CalicoGlobalNetworkPolicy(scope, t.name, { metadata: { name: t.name }, spec: t.spec });
    }
  }
}
