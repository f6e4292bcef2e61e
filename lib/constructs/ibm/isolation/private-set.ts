import { IbmRegionFacts } from '../region-facts';
import { PolicyTemplate } from '../rules';
import {
  allowAllWorkersPrivate, allowEgressPodsPrivate, allowIbmPortsPrivate, allowIcmpPrivate, allowPrivateServiceEndpoint,
  allowPrivateServices, allowPrivateServicesPods, allowSysMgmtPrivate, allowVrrpPrivate, denyAllPrivateDefault,
} from './private-policies';

/** The optional policies of the private set (the props of `IbmPrivateNetworkIsolation`, same defaults). */
interface PrivateSetOptions {
  readonly privateServices?: boolean;
  readonly privateServicesPods?: boolean;
}

/** IBM's private network isolation policies of a region (host endpoints aside), in emission order. */
export function privateIsolationSet(facts: IbmRegionFacts, options: PrivateSetOptions): PolicyTemplate[] {
  const templates: PolicyTemplate[] = [
    allowAllWorkersPrivate(),
    allowEgressPodsPrivate(facts),
    allowIbmPortsPrivate(facts),
    allowIcmpPrivate(),
    allowPrivateServiceEndpoint(facts),
    allowSysMgmtPrivate(facts),
    allowVrrpPrivate(),
    denyAllPrivateDefault(),
  ];
  if (options.privateServices) templates.push(allowPrivateServices(facts));
  if (options.privateServicesPods) templates.push(allowPrivateServicesPods(facts));
  return templates;
}
