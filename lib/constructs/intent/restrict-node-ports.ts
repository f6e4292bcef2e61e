import { Construct } from 'constructs';
import { LabelSelector } from '../vocabulary/label-selector';
import { Port } from '../vocabulary/port';
import { cidrPeers } from './cidr-peers';
import { ibmWorkerPublic } from './ibm-roles';
import { IntentProps } from './intent-props';
import { OrderBands } from './order-bands';
import { emitPolicy } from './emit-policy';
import { PolicyIntent } from './policy-intent';
import { PolicyTarget } from './policy-target';
import { IntentRule } from './rules';
import { collectErrors } from './collect-errors';

/** The Kubernetes NodePort range. */
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

/** Props of {@link RestrictNodePorts}. */
export interface RestrictNodePortsProps extends IntentProps {
  /** Source CIDRs that may still reach every NodePort. @default - none */
  readonly allowedSources?: string[];
  /**
   * NodePorts that stay open to everyone: TCP or UDP ports or ranges inside 30000-32767,
   * e.g. `Port.tcp(30080)`.
   * @default - none
   */
  readonly allowedPorts?: Port[];
  /** The host endpoints (public interfaces) to protect. @default - IBM's `ibm.role == 'worker_public'` */
  readonly hostEndpoints?: LabelSelector;
}

/**
 * Closes the public NodePort range (TCP and UDP 30000-32767) on the workers' public interfaces,
 * except for an allowlist, following IBM Cloud's preDNAT tutorial (`deny-nodeports`).
 *
 * Emits one Calico GlobalNetworkPolicy with `preDNAT: true` and `applyOnForward: true` (Calico
 * requires applyOnForward with preDNAT), types `[Ingress]` (preDNAT policies may not have
 * egress), selecting the public host endpoints, order {@link OrderBands.PRE_DNAT} (1100, as in
 * IBM's tutorial; IBM asks for less than 1800). preDNAT matters: kube-proxy rewrites the NodePort
 * to the pod before normal host endpoint policy runs, so only a preDNAT policy still sees the
 * NodePort. Rules, in order: Allow each allowed port from anywhere; Allow TCP and UDP
 * 30000:32767 from each allowed source; Deny TCP and UDP 30000:32767. preDNAT tiers pass what
 * no rule matches, so other traffic is not affected.
 */
export class RestrictNodePorts extends PolicyIntent {
  constructor(scope: Construct, id: string, props: RestrictNodePortsProps = {}) {
    super(scope, id);
    collectErrors(this, () => {
      const range = [Port.tcpRange(NODE_PORT_MIN, NODE_PORT_MAX), Port.udpRange(NODE_PORT_MIN, NODE_PORT_MAX)];
      const allowedPorts = props.allowedPorts ?? [];
      allowedPorts.forEach(checkNodePort);
      const sources = props.allowedSources ?? [];
      const ingress: IntentRule[] = [
        ...allowedPorts.map((p): IntentRule => ({ action: 'Allow', ports: [p] })),
        ...(sources.length > 0 ? [{ action: 'Allow' as const, peers: cidrPeers(sources), ports: range }] : []),
        { action: 'Deny', ports: range },
      ];
      const target = PolicyTarget.hostEndpoints(props.hostEndpoints ?? ibmWorkerPublic());
      emitPolicy(this, {
        target,
        name: props.name, forceCalico: true, order: OrderBands.PRE_DNAT, preDnat: true, applyOnForward: true,
        ingressTypes: true, egressTypes: false, ingress, egress: [],
      });
    });
  }
}

function checkNodePort(port: Port, index: number): void {
  const match = port.toCalico();
  const ports = match.ports ?? [];
  const bounds = ports.length === 1 ? ports[0].split(':').map(Number) : [];
  const ok = (match.protocol === 'TCP' || match.protocol === 'UDP') && bounds.length > 0
    && bounds.every((n) => Number.isInteger(n) && n >= NODE_PORT_MIN && n <= NODE_PORT_MAX);
  if (!ok) {
    throw new Error(`allowedPorts[${index}]: ${port.toString()} is not a NodePort; allowed: TCP or UDP ports or ranges inside `
      + `${NODE_PORT_MIN}-${NODE_PORT_MAX}, e.g. Port.tcp(30080)`);
  }
}
