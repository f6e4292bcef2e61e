// The JSON form of a verdict (stable field names; see FlowVerdict).
import { protocolName } from '../evaluate/resolve';
import { FlowVerdict } from '../evaluate/types';

/** A JSON-able object: the verdict, `protocol` as a name, both traces. */
export function explainJson(v: FlowVerdict): { readonly [key: string]: unknown } {
  return {
    verdict: v.allowed ? 'allow' : 'deny',
    source: v.source,
    destination: v.destination,
    protocol: protocolName(v.protocol),
    ...(v.port !== undefined ? { port: v.port } : {}),
    reason: v.reason,
    egress: v.egress,
    ingress: v.ingress,
  };
}
