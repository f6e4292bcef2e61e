import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { CALICO_API_VERSION } from '../../model/resources';
import { CalicoTier } from '../l1/calico-tier';
import { NetsecApiObject } from '../l1/netsec-api-object';
import { OrderBands } from './order-bands';

/** The tier that holds DenyCidr policies. */
export const DENY_TIER_NAME = 'netsec-deny';

/** True for a Calico Tier named `netsec-deny` (by kind: cdk8s makes `instanceof` true for any ApiObject). */
function isDenyTier(c: IConstruct): c is NetsecApiObject {
  return NetsecApiObject.isNetsecApiObject(c) && c.apiVersion === CALICO_API_VERSION && c.kind === 'Tier' && c.name === DENY_TIER_NAME;
}

/**
 * Makes sure the scope's chart has the `netsec-deny` Tier (order {@link OrderBands.DENY_TIER},
 * defaultAction Pass, so that traffic no deny matches goes on to the default tier). One per chart,
 * so that every chart's Calico file applies on its own: the first intent of a chart that needs it
 * creates it there, as construct `NetsecDenyTier`. The app's duplicate check accepts the same Tier
 * in several charts when every definition is identical.
 */
export function ensureDenyTier(scope: IConstruct): NetsecApiObject {
  const chart = Chart.of(scope);
  const existing = chart.node.findAll().find((c): c is NetsecApiObject => isDenyTier(c) && Chart.of(c) === chart);
  if (existing) return existing;
  return new CalicoTier(chart, 'NetsecDenyTier', {
    metadata: { name: DENY_TIER_NAME },
    spec: { order: OrderBands.DENY_TIER, defaultAction: 'Pass' },
  });
}
