// The flow as the destination's side receives it: the one definition of that stage for `check`
// (evaluate.ts), the truth table (through evaluateFlow) and the connectivity map (side-sets.ts). A
// host's traffic to another node's pod through an Always tunnel arrives from the sending node's
// tunnel address (tunnel-source.ts); a natOutgoing pod's traffic to another node's host arrives from
// the pod's node address (nat-outgoing.ts). The two never apply to one flow (the first needs a
// source that is no workload, the second a workload source).
import { ingressView } from './nat-outgoing';
import { tunnelSourceView } from './tunnel-source';
import { Flow } from './types';
import { BuiltModel } from '../model/build';

/** The flow the destination's policy sees, and the note that says why its source changed (undefined when unchanged). */
export function arrivalView(model: BuiltModel, flow: Flow): { readonly flow: Flow; readonly note?: string } {
  return tunnelSourceView(model, flow) ?? ingressView(model, flow);
}
