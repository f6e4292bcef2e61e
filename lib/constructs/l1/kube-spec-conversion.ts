// Between the spec KubeNetworkPolicy takes (ports as IntOrString) and the model's (ports as text). Internal.
import { K8sNetworkPolicySpec, NetworkPolicyPort } from '../../model/resources';
import { IntOrString } from './int-or-string';
import { KubeNetworkPolicyPort, KubeNetworkPolicySpec } from './kube-network-policy-spec';

const PORT_ALLOWED = "IntOrString.fromNumber(8080) or IntOrString.fromString('http') (a port number 1-65535 or a named port)";

/**
 * The port as the model's text. Besides an IntOrString, a plain number or string (JavaScript) and
 * an `IntOrString` of cdk8s's generated imports (`{ value }`) are read; anything else is a problem.
 */
function portText(value: unknown, field: string, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (IntOrString.isIntOrString(value)) return value.toString();
  const given = typeof value === 'object' && value !== null && 'value' in value ? (value as { readonly value: unknown }).value : value;
  if (typeof given === 'string') return given;
  if (typeof given === 'number' && Number.isInteger(given)) return String(given);
  problems.push(`${field}: invalid port ${typeof given === 'number' ? String(given) : JSON.stringify(given) ?? String(given)}; allowed: ${PORT_ALLOWED}`);
  return undefined;
}

function portsToModel(ports: readonly KubeNetworkPolicyPort[] | undefined, field: string, problems: string[]): NetworkPolicyPort[] | undefined {
  return ports?.map(({ port, ...rest }, i) => {
    const text = portText(port, `${field}[${i}].port`, problems);
    return text !== undefined ? { ...rest, port: text } : rest;
  });
}

/** The model spec of a KubeNetworkPolicy spec; problems (`spec.ingress[0].ports[1].port: ...`) are appended. */
export function kubeSpecToModel(spec: KubeNetworkPolicySpec, problems: string[]): K8sNetworkPolicySpec {
  const { ingress, egress, ...rest } = spec;
  return {
    ...rest,
    ...(ingress !== undefined ? {
      ingress: ingress.map(({ ports, ...r }, i) => {
        const converted = portsToModel(ports, `spec.ingress[${i}].ports`, problems);
        return { ...r, ...(converted !== undefined ? { ports: converted } : {}) };
      }),
    } : {}),
    ...(egress !== undefined ? {
      egress: egress.map(({ ports, ...r }, i) => {
        const converted = portsToModel(ports, `spec.egress[${i}].ports`, problems);
        return { ...r, ...(converted !== undefined ? { ports: converted } : {}) };
      }),
    } : {}),
  };
}

function portsToKube(list: readonly NetworkPolicyPort[] | undefined): KubeNetworkPolicyPort[] | undefined {
  return list?.map(({ port, ...rest }) => (port !== undefined ? { ...rest, port: IntOrString.fromString(port) } : rest));
}

/** The KubeNetworkPolicy spec of a model spec (what the intents build, or a parsed manifest's). */
export function modelSpecToKube(spec: K8sNetworkPolicySpec): KubeNetworkPolicySpec {
  const { ingress, egress, ...rest } = spec;
  return {
    ...rest,
    ...(ingress !== undefined ? { ingress: ingress.map(({ ports, ...r }) => ({ ...r, ...(ports !== undefined ? { ports: portsToKube(ports) } : {}) })) } : {}),
    ...(egress !== undefined ? { egress: egress.map(({ ports, ...r }) => ({ ...r, ...(ports !== undefined ? { ports: portsToKube(ports) } : {}) })) } : {}),
  };
}
