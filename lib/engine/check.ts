// One call for the common case: load files, build the model, evaluate one flow.
import { FlowVerdict } from './evaluate/types';
import { buildFlow } from './evaluate/resolve';
import { evaluateFlow } from './evaluate/evaluate';
import { loadEngineInputs } from './input/load';
import { buildEngineModel } from './model/build';

/** Options of checkFlow. */
export interface CheckOptions {
  /** Manifest files or folders. */
  readonly manifests: readonly string[];
  /** The inventory file. @default - none */
  readonly cluster?: string;
  /** `namespace/pod`, `hostendpoint/<name>` or an IP address. */
  readonly from: string;
  /** `namespace/pod`, `hostendpoint/<name>` or an IP address. */
  readonly to: string;
  /** TCP, UDP, SCTP, ICMP, ICMPv6 or a number. */
  readonly protocol: string;
  /** @default - none */
  readonly port?: number;
  /**
   * The node interface the traffic crosses between the node and its off-node end.
   * @default - chosen from the addresses (see `Flow.via`)
   */
  readonly via?: string;
}

/** Reads the files and evaluates the flow. */
export function checkFlow(options: CheckOptions): FlowVerdict {
  const model = buildEngineModel(loadEngineInputs({ manifests: options.manifests, cluster: options.cluster }));
  return evaluateFlow(model, buildFlow(model, options));
}
