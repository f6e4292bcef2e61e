// The engine's verdicts for probe flows: each station resolved to the endpoint the engine knows.
import { BuiltModel, evaluateFlow, explainText, FlowParty, resolveParty } from '../engine';
import { familyOf } from './addresses';
import { FlowJudge, ProbeVerdict } from './compare';
import { ProbeFlow, Station } from './flows';

const PROTOCOLS: { readonly [name: string]: readonly [number, number] } = { TCP: [6, 6], UDP: [17, 17], ICMP: [1, 58], IPIP: [4, 4] };

function party(model: BuiltModel, s: Station): FlowParty {
  // A pod by its id (with the probed address); node and peer addresses by IP, so that a node
  // address that is a host endpoint's expectedIP resolves to that host endpoint.
  if (s.role === 'workload') return { ...resolveParty(model, s.ref, familyOf(s.ip)), ip: s.ip };
  return resolveParty(model, s.ip);
}

/**
 * The node interface the probe really crosses: the side of its node or peer-host end (the
 * topology puts the internet host behind the public interface and the private host behind the
 * private one); undefined for pod-to-pod probes.
 */
function interfaceOf(flow: ProbeFlow): string | undefined {
  return flow.source.side || flow.destination.side || undefined;
}

/** A judge that asks the engine (evaluateFlow) and explains with its text trace. */
export function engineJudge(model: BuiltModel): FlowJudge {
  return {
    judge(flow: ProbeFlow): ProbeVerdict {
      const numbers = PROTOCOLS[flow.protocol];
      if (!numbers) throw new Error(`no protocol number for ${flow.protocol}`);
      const protocol = familyOf(flow.destination.ip) === 6 ? numbers[1] : numbers[0];
      const via = interfaceOf(flow);
      const v = evaluateFlow(model, {
        source: party(model, flow.source), destination: party(model, flow.destination), protocol, port: flow.port,
        ...(via !== undefined ? { via } : {}),
      });
      return { allowed: v.allowed, explanation: explainText(v) };
    },
  };
}
