// Which kube-proxy external path a `check --to <address> --port <port>` takes: a node address with a
// Service's nodePort (KUBE-NODEPORTS), or a LoadBalancer ingress IP or external IP with the Service
// port (KUBE-SERVICES "loadbalancer IP" / "external IP" rules), and the nodes it can arrive on.
import { isIpAddress } from '../../model/net';
import { InputService, InputServicePort } from '../input/services';
import { BuiltModel } from '../model/build';
import { familyOf, proxiedIn } from './families';

/** How the flow reaches the Service from outside the cluster network. */
export type ExternalPathKind = 'nodePort' | 'loadBalancer' | 'externalIP';

/** A Service port reached through a node address, a LoadBalancer IP or an external IP. */
export interface ExternalTarget {
  readonly service: InputService;
  readonly port: InputServicePort;
  readonly kind: ExternalPathKind;
  /** The destination as sent (before DNAT). */
  readonly address: string;
  /** The port as sent: the nodePort, or the Service port for a LoadBalancer or external IP. */
  readonly sentPort: number;
  /**
   * The nodes the packet can arrive on: the node owning the address for a nodePort; every node for
   * a LoadBalancer or external IP (the load balancer or the route picks one; each is judged).
   */
  readonly nodes: readonly string[];
}

/** The node whose address (a Node status address or a host endpoint's expectedIPs) `ip` is. */
function nodeOfAddress(model: BuiltModel, ip: string): string | undefined {
  const node = model.nodes.find((n) => n.addresses.some((a) => a.address === ip));
  if (node) return node.name;
  return model.endpoints.find((e) => e.kind === 'host' && e.ips.includes(ip))?.node;
}

/** The nodes of the inventory, by name, once each, in inventory order. */
function allNodes(model: BuiltModel): string[] {
  return [...new Set(model.nodes.map((n) => n.name))];
}

/**
 * The external Service path of a flow to `to` (an IP address) and `port`, or undefined when the
 * address and port are no nodePort, LoadBalancer or external IP of a Service read (of a Service with
 * a cluster IP of the address's family: kube-proxy's other proxier does not program it). LoadBalancer and
 * external IPs come first, as in kube-proxy's KUBE-SERVICES, whose last rule jumps to KUBE-NODEPORTS
 * for destinations local to the node (`-m addrtype --dst-type LOCAL`).
 */
export function findExternalTarget(model: BuiltModel, to: string, protocol: string, port: number | undefined): ExternalTarget | undefined {
  if (port === undefined || !isIpAddress(to)) return undefined;
  const proto = protocol.toUpperCase();
  const node = nodeOfAddress(model, to);
  const family = familyOf(to);
  // each family's proxier programs only the Services with a cluster IP of its family
  const services = model.services.filter((s) => family !== undefined && proxiedIn(s, family));
  for (const service of services) {
    for (const p of service.ports) {
      if (p.protocol !== proto) continue;
      if (p.port === port && service.loadBalancerIPs.includes(to)) {
        return { service, port: p, kind: 'loadBalancer', address: to, sentPort: port, nodes: allNodes(model) };
      }
      if (p.port === port && service.externalIPs.includes(to)) {
        return { service, port: p, kind: 'externalIP', address: to, sentPort: port, nodes: node ? [node] : allNodes(model) };
      }
    }
  }
  if (node === undefined) return undefined;
  for (const service of services) {
    const p = service.ports.find((q) => q.protocol === proto && q.nodePort === port);
    if (p) return { service, port: p, kind: 'nodePort', address: to, sentPort: port, nodes: [node] };
  }
  return undefined;
}
