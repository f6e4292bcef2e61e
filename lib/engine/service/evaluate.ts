// The kube-proxy ClusterIP path (iptables mode) from a pod: kube-proxy DNATs the cluster IP and port
// to one backend chosen at random (KUBE-SVC-* statistic rules), so each backend is judged: the
// source's egress policy sees the backend's address and target port (Calico's chains run after
// the nat PREROUTING/OUTPUT DNAT), the backend's ingress policy sees the source pod.
import { evaluateFlow } from '../evaluate/evaluate';
import { buildFlow } from '../evaluate/resolve';
import { FlowVerdict } from '../evaluate/types';
import { ServiceBackend } from '../input/derive-endpoints';
import { InputService } from '../input/services';
import { BuiltModel } from '../model/build';
import { clusterIpFamily, otherFamilyBackend } from './families';
import { ServiceTarget } from './target';

/** How many of the backends kube-proxy sends the flow to are reachable. */
export type ServiceSummary = 'all' | 'some' | 'none';

/** One backend: the flow after DNAT, or why kube-proxy never sends the flow there. */
export interface BackendVerdict {
  readonly backend: ServiceBackend;
  /** The verdict of the flow after DNAT. @default - none: kube-proxy does not use this backend (see `unused`) */
  readonly verdict?: FlowVerdict;
  /** Why kube-proxy does not send this flow to this backend. @default - it does */
  readonly unused?: string;
}

/** The verdict of a flow to a Service port, per backend and summarised. */
export interface ServiceVerdict {
  readonly target: ServiceTarget;
  readonly source: string;
  readonly backends: readonly BackendVerdict[];
  readonly summary: ServiceSummary;
  /** What the answer assumes and what it does not model. */
  readonly notes: readonly string[];
}

/** What this path does not model, said with every answer. */
const NOT_MODELLED = 'not modelled on this path: kube-proxy IPVS and nftables modes, eBPF dataplanes '
  + '(the answer is for kube-proxy iptables mode); masquerading of a pod reaching itself through its Service (hairpin)';

/**
 * sessionAffinity ClientIP: kube-proxy's `-m recent` rules send a client's later connections to the
 * backend its first one reached, for the timeout; the verdict is still per backend (any may be first).
 */
export function affinityNote(service: InputService): string | undefined {
  return service.affinitySeconds === undefined ? undefined
    : `sessionAffinity ClientIP (${service.affinitySeconds} s): kube-proxy keeps each client on the backend its first connection reached (KUBE-SEP-* recent lists); any backend may be first, so each is judged`;
}

/** Evaluates a flow from `from` to the Service port of `target`, once per backend after kube-proxy's DNAT. */
export function evaluateServiceFlow(model: BuiltModel, from: string, target: ServiceTarget, via?: string): ServiceVerdict {
  const { service, port } = target;
  const notes: string[] = [];
  const sourcePod = model.pods.find((p) => `${p.namespace}/${p.name}` === from || p.ips.includes(from));
  const local = service.internalTrafficPolicy === 'Local';
  if (local && !sourcePod?.nodeName) {
    notes.push('internalTrafficPolicy Local: the source\'s node is not known, so every backend is judged as if local');
  }
  const family = clusterIpFamily(target.address, target.named === true, service.clusterIPs, sourcePod?.ips);
  const backends: BackendVerdict[] = port.backends.map((backend) => {
    const other = otherFamilyBackend(backend, family);
    if (other !== undefined) return { backend, unused: other };
    if (local && sourcePod?.nodeName && backend.nodeName !== sourcePod.nodeName) {
      return { backend, unused: `internalTrafficPolicy Local: the backend is on ${backend.nodeName ?? 'an unknown node'}, not on the source's node ${sourcePod.nodeName}; kube-proxy drops the flow when the node has no local backend` };
    }
    const flow = buildFlow(model, { from, to: backend.address, protocol: port.protocol, port: backend.port, ...(via !== undefined ? { via } : {}) });
    return { backend, verdict: evaluateFlow(model, flow) };
  });
  if (port.backends.length === 0) notes.push(`no backends (from ${service.backendsFrom}): kube-proxy rejects the flow (KUBE-SERVICES reject for a Service without endpoints)`);
  const affinity = affinityNote(service);
  if (affinity) notes.push(affinity);
  notes.push(NOT_MODELLED);
  // the summary counts the backends kube-proxy sends this flow to
  const used = backends.filter((b) => b.verdict !== undefined).length;
  const allowed = backends.filter((b) => b.verdict?.allowed === true).length;
  const summary: ServiceSummary = allowed === 0 ? 'none' : allowed === used ? 'all' : 'some';
  return { target, source: from, backends, summary, notes };
}
