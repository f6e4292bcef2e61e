import { IbmRegionFacts } from '../region-facts';
import { PolicyTemplate } from '../rules';
import {
  allowEgressPodsPublic, allowIbmPortsPublic, allowK8sMasterToDashboard, allowKonnectivity, allowPublicServiceEndpoint,
  allowPublicServices, allowPublicServicesPods, denyAllOutboundPublic, openShiftPolicies,
} from './public-policies';

/** The optional policies of the public set (the props of `IbmPublicNetworkIsolation`, same defaults). */
interface PublicSetOptions {
  readonly publicServices?: boolean;
  readonly publicServicesPods?: boolean;
  readonly kubernetesDashboard?: boolean;
  readonly openShift?: boolean;
}

/** IBM's public network isolation set of a region, in emission order. */
export function publicIsolationSet(facts: IbmRegionFacts, options: PublicSetOptions): PolicyTemplate[] {
  const templates: PolicyTemplate[] = [
    allowEgressPodsPublic(facts),
    allowIbmPortsPublic(facts),
    allowPublicServiceEndpoint(facts),
    denyAllOutboundPublic(),
    allowKonnectivity(),
  ];
  if (options.kubernetesDashboard ?? true) templates.push(allowK8sMasterToDashboard());
  if (options.openShift) templates.push(...openShiftPolicies());
  if (options.publicServices) templates.push(allowPublicServices(facts));
  if (options.publicServicesPods) templates.push(allowPublicServicesPods(facts));
  return templates;
}
