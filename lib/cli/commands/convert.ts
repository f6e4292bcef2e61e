// `netsec convert`: Kubernetes NetworkPolicies in the Calico form, like `calicoctl convert`.
import { loadEngineInputs, renderConvertedPolicies } from '../../engine';
import { defineCommand } from '../command';
import { calicoVersionOption } from './common';
import { CALICO_VERSION, MANIFESTS } from './flags';

export const command = defineCommand({
  name: 'convert',
  about: `Prints each Kubernetes NetworkPolicy of the manifests as the projectcalico.org/v3 NetworkPolicy
the declared Calico release makes of it (order 1000; 3.32: its own name, tier default; 3.31: name
knp.default.<name>), as YAML documents, each saying which release it followed.`,
  flags: [{ ...MANIFESTS, help: 'manifest files or folders (other kinds are ignored)' }, CALICO_VERSION],
  run(parsed, io) {
    const calicoVersion = calicoVersionOption(parsed);
    const inputs = loadEngineInputs({ manifests: parsed.getList('manifests'), calicoVersion });
    io.stdout(renderConvertedPolicies(inputs.resources, calicoVersion));
    return 0;
  },
});
