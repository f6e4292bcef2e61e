import { Construct } from 'constructs';
import { K8S_NAMESPACE_NAME_LABEL } from '../../model/resources';
import { collectErrors } from './collect-errors';
import { emitGuardrail, guardrailPriority } from './guardrail-rules';
import { IntentProps } from './intent-props';

/** Props of {@link GuardrailAllowDns}. */
export interface GuardrailAllowDnsProps extends IntentProps {
  /** Priority in the Admin tier (0-1000, lower first). @default 10 */
  readonly priority?: number;
}

const KUBE_DNS = { namespaceSelector: { matchLabels: { [K8S_NAMESPACE_NAME_LABEL]: 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } };
const DNS_PORTS = [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }];

/**
 * A cluster guardrail: every pod can always ask the cluster DNS (pods `k8s-app: kube-dns` in
 * `kube-system`, UDP and TCP 53), whatever the namespace owners' policies say.
 *
 * Two ClusterNetworkPolicies in the Admin tier, both Accept: `<name>` for the egress of every
 * namespace, `<name>-ingress` for the ingress of the DNS pods (so that a baseline or namespace
 * deny at the DNS pods cannot cut it either).
 */
export class GuardrailAllowDns extends Construct {
  constructor(scope: Construct, id: string, props: GuardrailAllowDnsProps = {}) {
    super(scope, id);
    collectErrors(this, () => {
      const priority = guardrailPriority(props.priority ?? 10);
      const name = props.name ?? id;
      emitGuardrail(this, 'Egress', name, {
        tier: 'Admin', priority, subject: { namespaces: {} },
        egress: [{ name: 'allow-kube-dns', action: 'Accept', to: [{ pods: KUBE_DNS }], protocols: DNS_PORTS }],
      });
      emitGuardrail(this, 'Ingress', `${name}-ingress`, {
        tier: 'Admin', priority, subject: { pods: KUBE_DNS },
        ingress: [{ name: 'allow-kube-dns', action: 'Accept', from: [{ namespaces: {} }], protocols: DNS_PORTS }],
      });
    });
  }
}
