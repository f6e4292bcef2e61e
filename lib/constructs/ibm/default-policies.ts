import { WorkerNodeDefaultsGeneration } from './generation';
import { SEL_PODS, SEL_PUBLIC_ROLES, SEL_WORKER_PRIVATE, SEL_WORKER_PUBLIC } from './roles';
import { PolicyTemplate, allow, gnp, ports } from './rules';

/**
 * The IKS default GlobalNetworkPolicies. IBM creates them in every classic cluster and documents
 * them only in prose; orders and selectors follow IBM's published `calicoctl get gnp -o wide`
 * output where it exists (node-port-dnat 1500, vrrp 1600, icmp 1700, bigfix 1900, sys-mgmt 1950,
 * all-outbound 1900). Choices where IBM publishes nothing are documented on each template.
 */

/** A default policy and why the cluster needs it (used in opt-out warnings). */
export interface DefaultPolicy {
  readonly template: PolicyTemplate;
  readonly purpose: string;
}

/** `allow-all-outbound`: all egress from the public interface (order 1900, from IBM's dump). */
function allowAllOutbound(): DefaultPolicy {
  return {
    template: gnp('allow-all-outbound', { order: 1900, selector: SEL_PUBLIC_ROLES, types: ['Egress'], egress: [allow()] }),
    purpose: 'workers can no longer send anything on their public interface',
  };
}

/** `allow-icmp`: ICMP in (pings, health monitoring). */
function allowIcmp(): DefaultPolicy {
  return {
    template: gnp('allow-icmp', {
      order: 1700, selector: SEL_PUBLIC_ROLES, types: ['Ingress'], ingress: [allow({ protocol: 'ICMP' })],
    }),
    purpose: 'ICMP (ping, infrastructure health monitoring, path MTU discovery) is dropped on the public interface',
  };
}

/**
 * A default policy that lets one TCP port into the public host endpoints. Order 1900 is IBM's for
 * `allow-bigfix-port`; IBM never published the order of `allow-kubelet-port`, which it replaced,
 * so it gets the same slot.
 */
function allowTcpPortIn(name: string, port: number, purpose: string): DefaultPolicy {
  return {
    template: gnp(name, {
      order: 1900, selector: SEL_PUBLIC_ROLES, types: ['Ingress'],
      ingress: [allow({ protocol: 'TCP', destination: { ports: ports(port) } })],
    }),
    purpose,
  };
}

/** `allow-kubelet-port` (2018 set): TCP 10250 in, so `kubectl logs` and `exec` work. */
function allowKubeletPort(): DefaultPolicy {
  return allowTcpPortIn('allow-kubelet-port', 10250,
    'the master cannot reach the kubelet (TCP 10250), so kubectl logs and kubectl exec fail');
}

/** `allow-bigfix-port` (current set): TCP 52311 in, for BigFix worker updates. */
function allowBigfixPort(): DefaultPolicy {
  return allowTcpPortIn('allow-bigfix-port', 52311, 'IBM BigFix (TCP 52311) cannot reach the workers, so worker updates fail');
}

/**
 * `allow-node-port-dnat`: NodePort, LoadBalancer and Ingress traffic to the pods behind them.
 * kube-proxy DNATs before host endpoint policy runs, so the packet's destination is already the
 * pod: the rule allows any destination that is a Kubernetes pod. IBM's exact YAML is not public;
 * `applyOnForward: true` is needed because DNAT-ed traffic is forwarded to the pod, and forwarded
 * traffic through a host endpoint meets only applyOnForward policies.
 */
function allowNodePortDnat(): DefaultPolicy {
  return {
    template: gnp('allow-node-port-dnat', {
      order: 1500, selector: SEL_WORKER_PUBLIC, types: ['Ingress'], applyOnForward: true,
      ingress: [allow({ destination: { selector: SEL_PODS } })],
    }),
    purpose: 'NodePort, LoadBalancer and Ingress services stop being reachable from the public network',
  };
}

/** `allow-sys-mgmt`: in from the IBM infrastructure management subnets. */
function allowSysMgmt(sysMgmtCidrs: string[]): DefaultPolicy {
  return {
    template: gnp('allow-sys-mgmt', {
      order: 1950, selector: SEL_PUBLIC_ROLES, types: ['Ingress'],
      ingress: [allow({ source: { nets: sysMgmtCidrs } })],
    }),
    purpose: 'IBM Cloud infrastructure systems can no longer manage the workers',
  };
}

/**
 * `allow-vrrp`: VRRP (IP protocol 112), used to move load balancer virtual IPs between workers.
 * Both directions (as IBM's `allow-vrrp-private`), so that VRRP adverts still leave the worker when
 * `deny-all-outbound-public` (order 1850) denies other egress.
 */
function allowVrrp(): DefaultPolicy {
  return {
    template: gnp('allow-vrrp', {
      order: 1600, selector: SEL_WORKER_PUBLIC, types: ['Ingress', 'Egress'],
      ingress: [allow({ protocol: '112' })], egress: [allow({ protocol: '112' })],
    }),
    purpose: 'load balancer virtual IPs can no longer fail over between workers (VRRP)',
  };
}

/**
 * `allow-all-private-default` (current set): everything in and out of the private interface.
 * Order 100000: IBM's private isolation set ends with `deny-all-private-default` at 99900 and
 * works only if that deny comes first, so this allow must sort after it.
 */
function allowAllPrivateDefault(): DefaultPolicy {
  return {
    template: gnp('allow-all-private-default', {
      order: 100000, selector: SEL_WORKER_PRIVATE, types: ['Ingress', 'Egress'],
      ingress: [allow()], egress: [allow()],
    }),
    purpose: 'the private host endpoints drop all traffic, which cuts workers off from each other and the master',
  };
}

/** The default policies of a generation, in name order. */
export function defaultPolicies(generation: WorkerNodeDefaultsGeneration, sysMgmtCidrs: string[]): DefaultPolicy[] {
  if (generation === WorkerNodeDefaultsGeneration.CLASSIC_2018) {
    return [allowAllOutbound(), allowIcmp(), allowKubeletPort(), allowNodePortDnat(), allowSysMgmt(sysMgmtCidrs), allowVrrp()];
  }
  return [
    allowAllOutbound(), allowAllPrivateDefault(), allowBigfixPort(), allowIcmp(), allowNodePortDnat(),
    allowSysMgmt(sysMgmtCidrs), allowVrrp(),
  ];
}
