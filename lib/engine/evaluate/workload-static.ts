// What Felix's static and workload chains decide before and after policy: the encapsulation drops
// of workload egress, the ICMPv6 a workload may always send to its host, and REJECT for filter denies.
import { BuiltModel } from '../model/build';
import { Endpoint, FelixSettings } from '../model/types';
import { Flow, StageTrace } from './types';

/**
 * ICMPv6 types accepted from workloads to the host before egress policy (felix/rules/static.go
 * ICMPv6Filter): multicast listener query, report and done (130-132), router solicitation (133),
 * neighbour solicitation and advertisement (135, 136). The plan's cali-wl-to-host renders these.
 */
export const ICMPV6_FROM_WORKLOADS: readonly number[] = [130, 131, 132, 133, 135, 136];
const ICMPV6 = 58;
const UDP = 17;
/** IP-in-IP, the protocol Felix drops from workloads unless allowed. */
export const IPIP_PROTOCOL = 4;

/** True for ICMPv6 that cali-wl-to-host accepts before the pod's egress policy (MLD, RS, NS, NA). */
export function icmpv6AcceptedToHost(flow: Flow): boolean {
  return flow.protocol === ICMPV6 && ICMPV6_FROM_WORKLOADS.includes(flow.icmpType ?? 128);
}

/** The stage for an ICMPv6 packet cali-wl-to-host accepts. */
export function icmpv6ToHostStage(endpoint: string, flow: Flow): StageTrace {
  return {
    stage: 'workload-to-host', endpoint, tiers: [], verdict: 'allow',
    reason: `ICMPv6 type ${flow.icmpType ?? 128} from a pod to its host is accepted before egress policy (neighbour discovery, router solicitation, multicast listener)`,
  };
}

/**
 * The workload egress drop of VXLAN (UDP to Felix's VXLAN port) or IP-in-IP (protocol 4) packets
 * (endpoints.go endpointIptablesChain, before the tiers), unless FelixConfiguration allows them.
 */
export function encapsulationDrop(model: BuiltModel, ep: Endpoint, flow: Flow): StageTrace | undefined {
  const what = encapsulationDropReason(model.felix, flow);
  return what === undefined ? undefined : withDenyAction(model, { stage: 'workload', endpoint: ep.id, tiers: [], verdict: 'deny', reason: what });
}

/** Why a workload's egress drops the flow's packets as encapsulation, or undefined when it does not. */
export function encapsulationDropReason(f: FelixSettings, flow: Pick<Flow, 'protocol' | 'port'>): string | undefined {
  if (flow.protocol === UDP && flow.port === f.vxlanPort && !f.allowVXLANPacketsFromWorkloads) {
    return `VXLAN (UDP ${f.vxlanPort}) packets from workloads are dropped before policy (allowVXLANPacketsFromWorkloads false)`;
  }
  if (flow.protocol === IPIP_PROTOCOL && !f.allowIPIPPacketsFromWorkloads) {
    return 'IP-in-IP (protocol 4) packets from workloads are dropped before policy (allowIPIPPacketsFromWorkloads false)';
  }
  return undefined;
}

/** Stages whose denies are in the filter table (the others, raw and mangle, and DefaultEndpointToHostAction, DROP). */
const FILTER_STAGES: readonly string[] = ['workload', 'host', 'host-forward'];

/**
 * A filter-table deny under IptablesFilterDenyAction Reject is a REJECT (no `--reject-with`: the
 * kernel answers ICMP or ICMPv6 port unreachable); says so in the stage's reason.
 */
export function withDenyAction(model: BuiltModel, s: StageTrace): StageTrace {
  if (s.verdict !== 'deny' || !FILTER_STAGES.includes(s.stage) || model.felix.filterDenyAction.toLowerCase() !== 'reject') return s;
  return { ...s, reason: `${s.reason}; rejected (iptablesFilterDenyAction Reject: ICMP port unreachable)` };
}
