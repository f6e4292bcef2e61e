import { Construct } from 'constructs';
import { LabelSelector } from '../vocabulary/label-selector';
import { Peer } from '../vocabulary/peer';
import { EngineChoiceProps } from './intent-props';
import { kubeDnsEgressRule } from './kube-dns';
import { OrderBands } from './order-bands';
import { emitPolicy } from './emit-policy';
import { PolicyIntent } from './policy-intent';
import { PolicyTarget } from './policy-target';
import { IntentRule } from './rules';
import { collectErrors } from './collect-errors';

/** Props of {@link IsolateNamespace}. */
export interface IsolateNamespaceProps extends EngineChoiceProps {
  /** The namespace to isolate. */
  readonly namespace: string;
  /** Other namespaces whose pods may still connect in. @default - none */
  readonly allowFromNamespaces?: string[];
  /** Also keep the namespace's pods from connecting out of it. @default false */
  readonly isolateEgress?: boolean;
  /** With `isolateEgress`, still allow egress to the cluster DNS (kube-dns, UDP/TCP 53). @default true */
  readonly allowDns?: boolean;
}

/**
 * Lets the pods of a namespace talk only among themselves (plus listed namespaces).
 *
 * Emits one policy selecting every pod of the namespace: ingress Allow from the namespace's own
 * pods and from each of `allowFromNamespaces`; with `isolateEgress`, also egress Allow to the
 * namespace's own pods (and to kube-dns when `allowDns`). Everything else in the governed
 * directions is denied by isolation. Kubernetes NetworkPolicy unless `forceCalico` (then a Calico
 * NetworkPolicy at order {@link OrderBands.ALLOW}).
 */
export class IsolateNamespace extends PolicyIntent {
  constructor(scope: Construct, id: string, props: IsolateNamespaceProps) {
    super(scope, id);
    collectErrors(this, () => {
      const isolateEgress = props.isolateEgress ?? false;
      const allowDns = props.allowDns ?? true;
      const target = PolicyTarget.namespace(props.namespace);
      const ingressPeers = [Peer.pods(LabelSelector.all()), ...(props.allowFromNamespaces ?? []).map((ns) => Peer.namespace(ns))];
      const egress: IntentRule[] = !isolateEgress ? []
        : [{ action: 'Allow', peers: [Peer.pods(LabelSelector.all())] }, ...(allowDns ? [kubeDnsEgressRule()] : [])];
      emitPolicy(this, {
        target, name: props.name, forceCalico: props.forceCalico ?? false, order: OrderBands.ALLOW,
        ingressTypes: true, egressTypes: isolateEgress,
        ingress: [{ action: 'Allow', peers: ingressPeers }], egress,
      });
    });
  }
}
