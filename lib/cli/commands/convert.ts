// `netsec convert`: Kubernetes NetworkPolicies in the Calico form, like `calicoctl convert`.
import { loadEngineInputs, renderConvertedPolicies } from '../../engine';
import { defineCommand } from '../command';
import { MANIFESTS } from './flags';

export const command = defineCommand({
  name: 'convert',
  about: `Prints each Kubernetes NetworkPolicy of the manifests as the projectcalico.org/v3 NetworkPolicy
Calico v3.31 makes of it (name knp.default.<name>, order 1000), as YAML documents.`,
  flags: [{ ...MANIFESTS, help: 'manifest files or folders (other kinds are ignored)' }],
  run(parsed, io) {
    const inputs = loadEngineInputs({ manifests: parsed.getList('manifests') });
    io.stdout(renderConvertedPolicies(inputs.resources));
    return 0;
  },
});
