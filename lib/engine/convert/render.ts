// `netsec convert`: the Calico form of every Kubernetes NetworkPolicy, as YAML documents.
import * as yaml from 'js-yaml';
import { renderResource } from '../../model/parse';
import { SourcedResource } from '../input/load';
import { convertK8sNetworkPolicy } from './policy';

/** Converted policies as YAML documents (separated by `---`), with conversion warnings as comments. */
export function renderConvertedPolicies(resources: readonly SourcedResource[]): string {
  const docs: string[] = [];
  for (const s of resources) {
    if (s.resource.apiVersion !== 'networking.k8s.io/v1' || s.resource.kind !== 'NetworkPolicy') continue;
    const { policy, warnings } = convertK8sNetworkPolicy(s.resource);
    const comments = warnings.map((w) => `# warning: ${s.file}#${s.documentIndex}: ${w}\n`).join('');
    docs.push(comments + yaml.dump(renderResource(policy), { noRefs: true, lineWidth: -1 }));
  }
  return docs.join('---\n');
}
