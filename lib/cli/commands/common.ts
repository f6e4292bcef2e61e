// Helpers shared by the engine subcommands: loading the model, protocol and port options.
import { BuiltModel, EngineInputs, buildEngineModel, loadEngineInputs, parseProtocol } from '../../engine';
import { PortKey, parsePortList } from '../../diff/ports';
import { protocolHasPorts } from '../../model/net';
import { ParsedArgs, UsageError, requiredList } from '../args';
import { CliIo } from '../io';

/** The `--felix` help line every engine command shows. */
export const FELIX_USAGE = `  --felix KEY=VALUE...   Felix settings set in calico-node's environment, which win over
                         FelixConfiguration: DefaultEndpointToHostAction (Felix's default DROP; the
                         stock calico-node manifests set ACCEPT), FailsafeInboundHostPorts,
                         FailsafeOutboundHostPorts (e.g. tcp:22,udp:68 or none)
  --workload-pool CIDR   addresses for the pods derived from workload manifests when the inputs
                         hold no pods (default: 198.18.0.0/15, else 100.64.0.0/10, whichever no
                         policy names)`;

/** Reads manifests (and an inventory) with the `--felix` settings; skipped files are warned about on stderr. */
export function readInputs(parsed: ParsedArgs, io: CliIo, manifests: readonly string[], cluster: string | undefined): EngineInputs {
  const inputs = loadEngineInputs({ manifests, cluster, felix: parsed.lists.get('felix'), workloadPool: parsed.values.get('workload-pool') });
  for (const w of inputs.warnings) io.stderr(`warning: ${w}\n`);
  return inputs;
}

/** Loads `--manifests` and `--cluster` into a model; warnings and notes go to stderr. */
export function loadModel(parsed: ParsedArgs, io: CliIo, clusterRequired: boolean): BuiltModel {
  const manifests = requiredList(parsed, 'manifests');
  const cluster = parsed.values.get('cluster');
  if (clusterRequired && cluster === undefined) throw new UsageError('--cluster is required');
  const model = buildEngineModel(readInputs(parsed, io, manifests, cluster));
  for (const note of model.notes) io.stderr(`note: ${note}\n`);
  return model;
}

/** `--protocol` and `--port`: a port is needed for TCP, UDP and SCTP and refused for the others. */
export function protocolAndPort(parsed: ParsedArgs, protocolText: string): { protocol: string; port?: number } {
  let protocol: number;
  try {
    protocol = parseProtocol(protocolText);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const portText = parsed.values.get('port');
  const hasPorts = protocolHasPorts(String(protocol));
  if (portText === undefined) {
    if (hasPorts) throw new UsageError(`--port is required for ${protocolText}`);
    return { protocol: protocolText };
  }
  if (!hasPorts) throw new UsageError(`--port is not allowed for ${protocolText} (only TCP, UDP and SCTP have ports)`);
  if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw new UsageError(`--port must be a number 0-65535, got ${JSON.stringify(portText)}`);
  }
  return { protocol: protocolText, port: Number(portText) };
}

/** `--ports` of `diff` and `report`, parsed (usage error when bad); undefined when not given. */
export function portsOption(parsed: ParsedArgs): PortKey[] | undefined {
  const text = parsed.values.get('ports');
  if (text === undefined) return undefined;
  try {
    return parsePortList(text);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
