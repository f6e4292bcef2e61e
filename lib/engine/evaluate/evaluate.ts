// A flow's verdict: allowed iff the source's egress side and the destination's ingress side both allow.
import { BuiltModel } from '../model/build';
import { arrivalView } from './arrival';
import { withNatNote } from './nat-outgoing';
import { egressSide, ingressSide } from './sides';
import { DirectionTrace, Flow, FlowVerdict } from './types';

/** Options of evaluateFlow. */
export interface EvaluateOptions {
  /** Skip the destination's side when the source's side denies (truth tables). @default false */
  readonly stopAtFirstDeny?: boolean;
}

/** Evaluates the flow with Calico's semantics and returns the verdict with both traces. */
export function evaluateFlow(model: BuiltModel, flow: Flow, options: EvaluateOptions = {}): FlowVerdict {
  const base = { source: flow.source.id, destination: flow.destination.id, protocol: flow.protocol, port: flow.port };
  if (flow.source.endpoint && flow.source.endpoint === flow.destination.endpoint) {
    const self = (direction: string): DirectionTrace => ({
      direction, endpoint: flow.source.id, stages: [], allowed: true, reason: 'an endpoint reaching itself is always allowed',
    });
    return { ...base, allowed: true, egress: self('egress'), ingress: self('ingress'), reason: 'an endpoint reaching itself is always allowed' };
  }
  const egress = egressSide(model, flow);
  // the destination's side sees a natOutgoing pod's traffic to another node's host from the pod's node
  // address, and a host's traffic to another node's pod through a tunnel from the host's tunnel address
  const view = arrivalView(model, flow);
  const ingress = egress.allowed || !options.stopAtFirstDeny ? withNatNote(ingressSide(model, view.flow), view.note) : skipped(flow.destination.id);
  const allowed = egress.allowed && ingress.allowed;
  const reason = !egress.allowed ? `denied at the source's egress: ${egress.reason}`
    : !ingress.allowed ? `denied at the destination's ingress: ${ingress.reason}`
      : 'allowed by both the source\'s egress and the destination\'s ingress';
  return { ...base, allowed, egress, ingress, reason };
}

function skipped(id: string): DirectionTrace {
  return { direction: 'ingress', endpoint: id, stages: [], allowed: false, reason: 'not reached: the source\'s egress denied the flow' };
}
