import { Construct } from 'constructs';
import { LabelSelector } from '../vocabulary/label-selector';
import { Port } from '../vocabulary/port';
import { cidrPeers } from './cidr-peers';
import { ibmWorkerPrivate } from './ibm-roles';
import { IntentProps } from './intent-props';
import { OrderBands } from './order-bands';
import { emitPolicy } from './emit-policy';
import { PolicyIntent } from './policy-intent';
import { PolicyTarget } from './policy-target';
import { collectErrors } from './collect-errors';

/** Props of {@link AllowSsh}. */
export interface AllowSshProps extends IntentProps {
  /** Where SSH may come from, e.g. a bastion or the admin network: `['10.0.0.0/8']`. */
  readonly sourceCidrs: string[];
  /** The host endpoints (interfaces) SSH is allowed on. @default - IBM's `ibm.role == 'worker_private'` */
  readonly hostEndpoints?: LabelSelector;
}

/**
 * Allows SSH (TCP 22) into the workers' private interface from the given CIDRs.
 *
 * Emits one Calico GlobalNetworkPolicy (host endpoints are Calico objects) selecting the private
 * host endpoints, types `[Ingress]`, one Allow TCP rule per CIDR to port 22, at order
 * {@link OrderBands.ALLOW}: before IBM's private isolation `deny-all-private-default` (99900).
 * Felix's failsafe ports let TCP 22 into every host endpoint unless the FelixConfiguration's
 * failsafe list leaves 22 out, so this policy decides only once that is done.
 */
export class AllowSsh extends PolicyIntent {
  constructor(scope: Construct, id: string, props: AllowSshProps) {
    super(scope, id);
    collectErrors(this, () => {
      const target = PolicyTarget.hostEndpoints(props.hostEndpoints ?? ibmWorkerPrivate());
      const peers = cidrPeers(props.sourceCidrs);
      emitPolicy(this, {
        target,
        name: props.name, forceCalico: true, order: OrderBands.ALLOW,
        ingressTypes: true, egressTypes: false,
        ingress: [{ action: 'Allow', peers, ports: [Port.tcp(22)] }], egress: [],
      });
    });
  }
}
