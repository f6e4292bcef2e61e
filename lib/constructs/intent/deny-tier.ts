import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { CalicoTier } from '../l1/calico-tier';
import { OrderBands } from './order-bands';

/** The tier that holds DenyCidr policies. */
export const DENY_TIER_NAME = 'netsec-deny';

/**
 * Makes sure the app has the `netsec-deny` Tier (order {@link OrderBands.DENY_TIER}, defaultAction
 * Pass, so that traffic no deny matches goes on to the default tier). One per app: the first
 * intent that needs it creates it in its chart, as construct `NetsecDenyTier`.
 */
export function ensureDenyTier(scope: IConstruct): CalicoTier {
  const existing = scope.node.root.node.findAll().find((c): c is CalicoTier => c instanceof CalicoTier && c.name === DENY_TIER_NAME);
  if (existing) return existing;
  return new CalicoTier(Chart.of(scope), 'NetsecDenyTier', {
    metadata: { name: DENY_TIER_NAME },
    spec: { order: OrderBands.DENY_TIER, defaultAction: 'Pass' },
  });
}
