// `netsec convert`: Kubernetes NetworkPolicies in the Calico form, like `calicoctl convert`.
import { loadEngineInputs, renderConvertedPolicies } from '../../engine';
import { parseArgs, requiredList } from '../args';
import { CliCommand, CliIo } from '../io';

const USAGE = `usage: netsec convert --manifests M...

Prints each Kubernetes NetworkPolicy of the manifests as the projectcalico.org/v3 NetworkPolicy
Calico v3.31 makes of it (name knp.default.<name>, order 1000), as YAML documents.

  --manifests M...   manifest files or folders (other kinds are ignored)
`;

function run(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args, { multi: ['manifests'] });
  const inputs = loadEngineInputs({ manifests: requiredList(parsed, 'manifests') });
  io.stdout(renderConvertedPolicies(inputs.resources));
  return 0;
}

export const command: CliCommand = { usage: USAGE, run };
