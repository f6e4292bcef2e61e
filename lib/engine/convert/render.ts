// `netsec convert`: the Calico form of every Kubernetes NetworkPolicy, as YAML documents.
import * as yaml from 'js-yaml';
import { CalicoVersion, DEFAULT_CALICO_VERSION } from '../../model/calico-version';
import { describeDefault } from '../../model/defaults';
import { renderResource } from '../../model/parse';
import { SourcedResource } from '../input/load';
import { K8S_NETWORKING_API_VERSION } from '../../model/resources';
import { convertK8sNetworkPolicy } from '../../model/convert';

/**
 * Converted policies as YAML documents (separated by `---`), each after comments naming its source,
 * the defaults the API server filled in before conversion, and conversion warnings.
 */
export function renderConvertedPolicies(resources: readonly SourcedResource[], version: CalicoVersion = DEFAULT_CALICO_VERSION): string {
  const docs: string[] = [];
  for (const s of resources) {
    if (s.resource.apiVersion !== K8S_NETWORKING_API_VERSION || s.resource.kind !== 'NetworkPolicy') continue;
    const { policy, warnings } = convertK8sNetworkPolicy(s.resource, version);
    const comments = [
      `# from ${s.file}#${s.documentIndex}, as Calico v${version} converts it\n`,
      ...(s.defaults ?? []).map((d) => `# default: ${describeDefault(d)}\n`),
      ...warnings.map((w) => `# warning: ${s.file}#${s.documentIndex}: ${w}\n`),
    ].join('');
    docs.push(comments + yaml.dump(renderResource(policy), { noRefs: true, lineWidth: -1 }));
  }
  return docs.join('---\n');
}
