// The cluster part of a generated benchmark: namespaces, workloads (Deployments' pods), nodes, as inventory.
import { Rng } from '../../lib/util/rng';

/** Teams own namespaces; namespace selectors in policies pick namespaces by team or env. */
export const TEAMS = ['payments', 'search', 'identity', 'catalog', 'shipping', 'analytics', 'platform', 'frontend'];
export const ENVS = ['prod', 'staging', 'dev'];
export const TIERS = ['web', 'api', 'worker', 'db', 'cache'];

/** Named container ports by workload tier (every workload also serves metrics on 9090). */
export const TIER_PORTS: { readonly [tier: string]: readonly { name: string; port: number }[] } = {
  web: [{ name: 'http', port: 8080 }],
  api: [{ name: 'http', port: 8080 }, { name: 'grpc', port: 9000 }],
  worker: [],
  db: [{ name: 'postgres', port: 5432 }],
  cache: [{ name: 'redis', port: 6379 }],
};

/** Node InternalIPs are in 10.0.0.0/16; pod IPs in 10.128.0.0/12, one /24 per node. */
export const NODE_CIDR = '10.0.0.0/16';
export const POD_CIDR = '10.128.0.0/12';
const PODS_PER_NODE_MAX = 250;

export interface GenNamespace {
  readonly name: string;
  readonly team: string;
  readonly env: string;
  readonly labels: { readonly [k: string]: string };
}

/** A Deployment: its pods share these labels (including one pod-template-hash). */
export interface Workload {
  readonly namespace: string;
  readonly app: string;
  readonly tier: string;
  readonly labels: { readonly [k: string]: string };
  readonly ports: readonly { name: string; port: number }[];
  readonly replicas: number;
}

export interface GenNode {
  readonly name: string;
  readonly ip: string;
  /** Index of the node's pod /24 in POD_CIDR. */
  readonly index: number;
}

export interface GenPod {
  readonly name: string;
  readonly workload: Workload;
  readonly node: GenNode;
  readonly ip: string;
}

/** Shape of the cluster part. */
export interface ClusterShape {
  readonly namespaces: number;
  readonly pods: number;
  readonly nodes: number;
  /** Pods per Deployment are drawn uniformly from [1, 2 * meanReplicas - 1]. */
  readonly meanReplicas: number;
}

export interface GeneratedInventory {
  readonly namespaces: readonly GenNamespace[];
  readonly workloads: readonly Workload[];
  readonly nodes: readonly GenNode[];
  readonly pods: readonly GenPod[];
}

/** Namespaces (plus kube-system with kube-dns), Deployments until `pods` pods exist, pods spread on nodes. */
export function generateInventory(rng: Rng, shape: ClusterShape): GeneratedInventory {
  if (shape.nodes * PODS_PER_NODE_MAX < shape.pods) {
    throw new Error(`${shape.pods} pods need at least ${Math.ceil(shape.pods / PODS_PER_NODE_MAX)} nodes (${PODS_PER_NODE_MAX} per node)`);
  }
  if (shape.nodes > 4096) throw new Error(`at most 4096 nodes (one pod /24 each in ${POD_CIDR}); got ${shape.nodes}`);
  const namespaces: GenNamespace[] = [namespace('kube-system', 'platform', 'prod')];
  for (let i = 0; i < shape.namespaces; i++) {
    const team = TEAMS[i % TEAMS.length];
    const env = rng.pick(ENVS);
    namespaces.push(namespace(`${team}-${env}-${i}`, team, env));
  }
  const workloads: Workload[] = [{
    namespace: 'kube-system', app: 'kube-dns', tier: 'infra', replicas: 2,
    labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': rng.hex(10) }, ports: [{ name: 'dns', port: 53 }, { name: 'dns-tcp', port: 53 }],
  }];
  let total = 2;
  const apps = namespaces.slice(1);
  for (let i = 0; total < shape.pods; i++) {
    const ns = apps[i % apps.length];
    const tier = rng.pick(TIERS);
    const replicas = Math.min(shape.pods - total, rng.int(1, 2 * shape.meanReplicas - 1));
    const app = `${tier}-${Math.floor(i / apps.length)}`;
    const labels: { [k: string]: string } = { app, tier, team: ns.team, version: `v${rng.int(1, 3)}`, 'pod-template-hash': rng.hex(10) };
    if (rng.chance(0.3)) labels['app.kubernetes.io/part-of'] = `${ns.team}-suite`;
    workloads.push({ namespace: ns.name, app, tier, labels, ports: [...TIER_PORTS[tier], { name: 'metrics', port: 9090 }], replicas });
    total += replicas;
  }
  const nodes: GenNode[] = [];
  for (let i = 0; i < shape.nodes; i++) nodes.push({ name: `worker-${String(i).padStart(4, '0')}`, ip: nodeIp(i), index: i });
  const used = new Array<number>(shape.nodes).fill(0);
  const pods: GenPod[] = [];
  for (const w of workloads) {
    // a ReplicaSet never gives two of its pods one name: a suffix already taken is drawn again (at
    // 100k pods two 5-hex suffixes of one workload do meet, and the reader refuses the duplicate)
    const suffixes = new Set<string>();
    for (let r = 0; r < w.replicas; r++) {
      let n = rng.int(0, shape.nodes - 1);
      while (used[n] >= PODS_PER_NODE_MAX) n = (n + 1) % shape.nodes;
      used[n]++;
      let suffix = rng.hex(5);
      while (suffixes.has(suffix)) suffix = rng.hex(5);
      suffixes.add(suffix);
      pods.push({ name: `${w.app}-${w.labels['pod-template-hash']}-${suffix}`, workload: w, node: nodes[n], ip: podIp(n, used[n]) });
    }
  }
  return { namespaces, workloads, nodes, pods };
}

function namespace(name: string, team: string, env: string): GenNamespace {
  return { name, team, env, labels: { 'kubernetes.io/metadata.name': name, team, env } };
}

function nodeIp(i: number): string {
  return `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

function podIp(nodeIndex: number, slot: number): string {
  return `10.${128 + Math.floor(nodeIndex / 256)}.${nodeIndex % 256}.${slot}`;
}

/** The ReplicaSet of a generated pod `<app>-<hash>-<suffix>`: `<app>-<hash>`. */
function replicaSetOf(p: GenPod): string {
  return `${p.workload.app}-${p.workload.labels['pod-template-hash']}`;
}

/** The inventory as `kubectl get namespaces,pods,nodes -o yaml` prints it: one v1 List. */
export function inventoryList(inv: GeneratedInventory): { [key: string]: unknown } {
  const items: unknown[] = [];
  for (const ns of inv.namespaces) {
    items.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: { ...ns.labels } }, status: { phase: 'Active' } });
  }
  for (const n of inv.nodes) {
    items.push({
      apiVersion: 'v1', kind: 'Node',
      metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, 'node-role.kubernetes.io/worker': '' } },
      status: { addresses: [{ type: 'InternalIP', address: n.ip }, { type: 'Hostname', address: n.name }] },
    });
  }
  for (const p of inv.pods) {
    const w = p.workload;
    items.push({
      apiVersion: 'v1', kind: 'Pod',
      // owned by the Deployment's ReplicaSet `<app>-<hash>`, as the Deployment controller makes them
      metadata: {
        name: p.name, namespace: w.namespace, labels: { ...w.labels },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: replicaSetOf(p), uid: `uid-${replicaSetOf(p)}`, controller: true }],
      },
      spec: {
        nodeName: p.node.name,
        serviceAccountName: w.tier === 'infra' ? 'coredns' : 'default',
        containers: [{
          name: w.app,
          ports: w.ports.map((port) => ({ name: port.name, containerPort: port.port, protocol: port.name === 'dns' ? 'UDP' : 'TCP' })),
        }],
      },
      status: { phase: 'Running', podIP: p.ip, podIPs: [{ ip: p.ip }] },
    });
  }
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
}
