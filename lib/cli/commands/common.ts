// Helpers shared by the engine subcommands: loading the model, protocol and port options.
import { BuiltModel, EngineInputs, LoadOptions, buildEngineModel, loadEngineInputs, parseProtocol } from '../../engine';
import { PortKey, parsePortList } from '../../diff/ports';
import { CalicoVersion, parseCalicoVersion } from '../../model/calico-version';
import { protocolHasPorts } from '../../model/net';
import { ParsedArgs, UsageError } from '../args';
import { CliIo } from '../io';

/** `--calico-version`, read as a release line (CalicoVersionError, exit 2, when it names none). */
export function calicoVersionOption(parsed: ParsedArgs<'calico-version'>): CalicoVersion {
  return parseCalicoVersion(parsed.get('calico-version'), '--calico-version');
}

/** Reads manifests (and an inventory) with the `--felix` settings and `--calico-version`; skipped files are warned about on stderr. */
export function readInputs(
  parsed: ParsedArgs<'felix' | 'workload-pool' | 'calico-version'>, io: CliIo, manifests: readonly string[], cluster: string | undefined,
): EngineInputs {
  const inputs = loadEngineInputs(loadOptions(parsed, manifests, cluster));
  for (const w of inputs.warnings) io.stderr(`warning: ${w}\n`);
  return inputs;
}

/** What `readInputs` reads: the files with the `--felix`, `--workload-pool` and `--calico-version` settings. */
export function loadOptions(
  parsed: ParsedArgs<'felix' | 'workload-pool' | 'calico-version'>, manifests: readonly string[], cluster: string | undefined,
): LoadOptions {
  return { manifests, cluster, felix: parsed.list('felix'), workloadPool: parsed.value('workload-pool'), calicoVersion: calicoVersionOption(parsed) };
}

/** Loads `--manifests` and `--cluster` (required as the command declares it) into a model; warnings and notes go to stderr. */
export function loadModel(parsed: ParsedArgs<'manifests' | 'cluster' | 'felix' | 'workload-pool' | 'calico-version'>, io: CliIo): BuiltModel {
  const manifests = parsed.getList('manifests');
  const model = buildEngineModel(readInputs(parsed, io, manifests, parsed.value('cluster')));
  for (const note of model.notes) io.stderr(`note: ${note}\n`);
  return model;
}

/** `--protocol` and `--port`: a port is needed for TCP, UDP and SCTP and refused for the others. */
export function protocolAndPort(parsed: ParsedArgs<'protocol' | 'port'>): { protocol: string; port?: number } {
  const protocolText = parsed.get('protocol');
  let protocol: number;
  try {
    protocol = parseProtocol(protocolText);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const portText = parsed.value('port');
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
export function portsOption(parsed: ParsedArgs<'ports'>): PortKey[] | undefined {
  const text = parsed.value('ports');
  if (text === undefined) return undefined;
  try {
    return parsePortList(text);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
