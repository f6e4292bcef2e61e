// The engine's verdicts for probe flows: each station resolved to the endpoint the engine knows.
import {
  BuiltModel, evaluateExternalServiceFlow, evaluateFlow, evaluateServiceFlow, explainExternalServiceText, explainServiceText, explainText,
  findExternalTarget, FlowParty, resolveParty, resolveServiceTarget,
} from '../engine';
import { familyOf } from './addresses';
import { FlowJudge, ProbeVerdict } from './compare';
import { ProbeFlow, ServiceProbe, Station } from './flows';

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

/**
 * The engine's verdict for the one backend kube-proxy's pinned rules send a Service probe to: the
 * ClusterIP path (evaluate.ts) from a pod, the external path (node-path.ts) from a peer host,
 * through the arrival node whose rules are loaded.
 */
function judgeService(model: BuiltModel, flow: ProbeFlow, probe: ServiceProbe): ProbeVerdict {
  const wrong = (found: string): Error => new Error(`the probe to ${flow.destination.ip}:${flow.port} is for Service ${probe.service}, but the engine finds ${found}`);
  if (probe.kind === 'clusterIP') {
    const target = resolveServiceTarget(model.services, flow.destination.ip, flow.protocol, String(probe.servicePort));
    if (`${target.service.namespace}/${target.service.name}` !== probe.service) throw wrong(`${target.service.namespace}/${target.service.name}`);
    const v = evaluateServiceFlow(model, flow.source.ref, target);
    const b = v.backends[probe.backend];
    return { allowed: b?.verdict?.allowed === true, explanation: explainServiceText(v) };
  }
  const target = findExternalTarget(model, flow.destination.ip, flow.protocol, flow.port);
  const name = target ? `${target.service.namespace}/${target.service.name}` : 'no Service path';
  if (!target || name !== probe.service || target.kind !== probe.kind) throw wrong(target ? `${name} (${target.kind})` : name);
  const v = evaluateExternalServiceFlow(model, flow.source.ip, target, flow.source.side || undefined);
  const path = v.paths.find((p) => p.node === probe.node && p.backend === target.port.backends[probe.backend]);
  return { allowed: path !== undefined && path.unused === undefined && path.allowed, explanation: explainExternalServiceText(v) };
}

/** A judge that asks the engine (evaluateFlow) and explains with its text trace. */
export function engineJudge(model: BuiltModel): FlowJudge {
  return {
    judge(flow: ProbeFlow): ProbeVerdict {
      if (flow.service) return judgeService(model, flow, flow.service);
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
