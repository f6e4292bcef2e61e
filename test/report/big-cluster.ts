// The report's cluster-size fixture: bench's seeded generator at 200 pods in about 50 Deployments
// (mean 4 replicas), the pods given the ReplicaSet owners a Deployment makes (so they group by
// workload), plus one GlobalNetworkPolicy that allows VRRP (IP protocol 112) between the nodes.
import * as fs from 'fs';
import * as path from 'path';
import { dump } from 'js-yaml';
import { clusterYaml, generateCluster } from '../../bench/generator';
import { inventoryList } from '../../bench/generator/cluster';

export const BIG_SEED = 20260107;

const VRRP_POLICY = {
  apiVersion: 'projectcalico.org/v3',
  kind: 'GlobalNetworkPolicy',
  metadata: { name: 'allow-vrrp-between-nodes' },
  spec: {
    order: 50,
    selector: "node-role == 'worker'",
    types: ['Ingress', 'Egress'],
    ingress: [{ action: 'Allow', protocol: 112 }],
    egress: [{ action: 'Allow', protocol: 112 }],
  },
};

type Doc = { kind?: string; metadata?: { name?: string; labels?: { [k: string]: string }; ownerReferences?: unknown[] } };

/** Writes `manifests.yaml` and `cluster.yaml` into dir and returns their paths. */
export function writeBigCluster(dir: string): { manifests: string; cluster: string } {
  const cluster = generateCluster({ seed: BIG_SEED, pods: 200, policies: 60, meanReplicas: 4 });
  const list = inventoryList(cluster.inventory) as { items: Doc[] };
  for (const item of list.items) {
    const hash = item.metadata?.labels?.['pod-template-hash'];
    const name = item.metadata?.name ?? '';
    if (item.kind !== 'Pod' || hash === undefined) continue;
    // pod `<app>-<hash>-<suffix>` of ReplicaSet `<app>-<hash>` of Deployment `<app>`
    const rs = name.slice(0, name.lastIndexOf('-'));
    item.metadata = { ...item.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs, uid: `uid-${rs}`, controller: true }] };
  }
  const files = { manifests: path.join(dir, 'manifests.yaml'), cluster: path.join(dir, 'cluster.yaml') };
  fs.writeFileSync(files.manifests, `${clusterYaml(cluster).manifests}---\n${dump(VRRP_POLICY)}`);
  fs.writeFileSync(files.cluster, dump(list, { noRefs: true }));
  return files;
}
