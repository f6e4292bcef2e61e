// `netsec convert`: the Calico form of every Kubernetes NetworkPolicy and admin policy, as YAML documents.
import * as yaml from 'js-yaml';
import { CalicoVersion, DEFAULT_CALICO_VERSION } from '../../model/calico-version';
import { describeDefault } from '../../model/defaults';
import { renderResource } from '../../model/parse';
import { SourcedResource } from '../input/load';
import { K8S_NETWORKING_API_VERSION } from '../../model/resources';
import {
  convertAdminNetworkPolicy, convertBaselineAdminNetworkPolicy, convertClusterNetworkPolicy, convertK8sNetworkPolicy,
} from '../../model/convert';
import { NetsecResource } from '../../model/resources';

/** The Calico form of a Kubernetes or admin policy, or undefined for other kinds. */
function converted(r: NetsecResource, version: CalicoVersion, where: string): { policy: NetsecResource; warnings: readonly string[] } | undefined {
  if (r.apiVersion === K8S_NETWORKING_API_VERSION && r.kind === 'NetworkPolicy') return convertK8sNetworkPolicy(r, version);
  switch (r.kind) {
    case 'AdminNetworkPolicy': return convertAdminNetworkPolicy(r, version, where);
    case 'BaselineAdminNetworkPolicy': return convertBaselineAdminNetworkPolicy(r, version, where);
    case 'ClusterNetworkPolicy': return convertClusterNetworkPolicy(r, version, where);
    default: return undefined;
  }
}

/**
 * Converted policies as YAML documents (separated by `---`), each after comments naming its source,
 * the defaults the API server filled in before conversion, and conversion warnings.
 */
export function renderConvertedPolicies(resources: readonly SourcedResource[], version: CalicoVersion = DEFAULT_CALICO_VERSION): string {
  const docs: string[] = [];
  for (const s of resources) {
    const result = converted(s.resource, version, `${s.file}#${s.documentIndex}`);
    if (result === undefined) continue;
    const { policy, warnings } = result;
    const comments = [
      `# from ${s.file}#${s.documentIndex}, as Calico v${version} converts it\n`,
      ...(s.defaults ?? []).map((d) => `# default: ${describeDefault(d)}\n`),
      ...warnings.map((w) => `# warning: ${s.file}#${s.documentIndex}: ${w}\n`),
    ].join('');
    docs.push(comments + yaml.dump(renderResource(policy), { noRefs: true, lineWidth: -1 }));
  }
  return docs.join('---\n');
}
