import { clusterYaml, generateCluster, manifestObjects, resolveSpec } from '../../bench/generator';
import { inventoryList } from '../../bench/generator/cluster';
import { Rng } from '../../lib/util/rng';
import { parseEngineInputs } from '../../lib/engine';
import { validateResource } from '../../lib/model/validate';

const SMALL = { seed: 42, pods: 300, policies: 60 };

describe('Rng', () => {
  test('the same seed gives the same sequence, another seed a different one', () => {
    const a = new Rng(1);
    const b = new Rng(1);
    const c = new Rng(2);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
  });

  test('int stays within its inclusive bounds and reaches both ends', () => {
    const r = new Rng(9);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  test('sample returns distinct elements of the list', () => {
    const s = new Rng(5).sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(s).size).toBe(3);
    for (const x of s) expect(['a', 'b', 'c', 'd', 'e']).toContain(x);
    expect(new Rng(5).sample(['a'], 4)).toEqual(['a']);
  });
});

describe('generateCluster', () => {
  test('is deterministic: the same spec gives byte-identical YAML', () => {
    expect(clusterYaml(generateCluster(SMALL))).toEqual(clusterYaml(generateCluster(SMALL)));
  });

  test('another seed gives another cluster of the same shape', () => {
    const a = generateCluster(SMALL);
    const b = generateCluster({ ...SMALL, seed: 43 });
    expect(clusterYaml(a).manifests).not.toEqual(clusterYaml(b).manifests);
    expect(b.inventory.pods).toHaveLength(300);
    expect(b.kubePolicies.length + b.calicoResources.filter((r) => r.kind.endsWith('NetworkPolicy')).length).toBe(60);
  });

  test('has exactly the requested pods and policies, split by calicoShare', () => {
    const c = generateCluster(SMALL);
    expect(c.inventory.pods).toHaveLength(300);
    // 60 * 0.4 = 24 Calico policies, 36 Kubernetes
    expect(c.kubePolicies).toHaveLength(36);
    expect(c.calicoResources.filter((r) => r.kind === 'NetworkPolicy' || r.kind === 'GlobalNetworkPolicy')).toHaveLength(24);
  });

  test('defaults: a namespace and a node per 100 pods (minimum 4 and 3), network sets max(3, P/50)', () => {
    expect(resolveSpec({ seed: 1, pods: 5000, policies: 1000 })).toMatchObject({ namespaces: 50, nodes: 50, networkSets: 20, calicoShare: 0.4, hostEndpoints: true });
    expect(resolveSpec({ seed: 1, pods: 100, policies: 10 })).toMatchObject({ namespaces: 4, nodes: 3, networkSets: 3 });
  });

  test('mixes every kind the issue names', () => {
    const kinds = new Set(manifestObjects(generateCluster(SMALL)).map((d) => `${String(d.apiVersion)}/${String(d.kind)}`));
    expect([...kinds].sort()).toEqual([
      'networking.k8s.io/v1/NetworkPolicy',
      'projectcalico.org/v3/GlobalNetworkPolicy', 'projectcalico.org/v3/GlobalNetworkSet', 'projectcalico.org/v3/HostEndpoint',
      'projectcalico.org/v3/NetworkPolicy', 'projectcalico.org/v3/NetworkSet', 'projectcalico.org/v3/Tier',
    ]);
  });

  test('without host endpoints there are no HostEndpoints and no host policies', () => {
    const c = generateCluster({ ...SMALL, hostEndpoints: false });
    expect(c.calicoResources.some((r) => r.kind === 'HostEndpoint')).toBe(false);
    expect(c.calicoResources.some((r) => r.kind === 'GlobalNetworkPolicy' && r.spec.applyOnForward)).toBe(false);
  });

  test('every generated resource passes the model validation', () => {
    const c = generateCluster(SMALL);
    const problems = [...c.kubePolicies, ...c.calicoResources].flatMap((r) => validateResource(r).map((i) => `${r.metadata.name}: ${JSON.stringify(i)}`));
    expect(problems).toEqual([]);
  });

  test('Kubernetes rules have one peer and numeric ports (what cdk8s-plus can express)', () => {
    for (const p of generateCluster({ ...SMALL, calicoShare: 0 }).kubePolicies) {
      for (const r of [...(p.spec.ingress ?? []).map((x) => ({ peers: x.from, ports: x.ports })), ...(p.spec.egress ?? []).map((x) => ({ peers: x.to, ports: x.ports }))]) {
        expect(r.peers).toHaveLength(1);
        for (const port of r.ports ?? []) expect(port.port).toMatch(/^\d+$/);
      }
    }
  });

  test('pods of one Deployment share labels; label sets overlap across Deployments', () => {
    const c = generateCluster(SMALL);
    const byApp = new Map<string, Set<string>>();
    for (const p of c.inventory.pods) {
      const key = `${p.workload.namespace}/${p.workload.app}`;
      byApp.set(key, (byApp.get(key) ?? new Set()).add(JSON.stringify(p.workload.labels)));
    }
    for (const sets of byApp.values()) expect(sets.size).toBe(1);
    // tier and team values are shared by many Deployments
    const tiers = new Set(c.inventory.workloads.map((w) => w.labels.tier));
    expect(tiers.size).toBeLessThan(c.inventory.workloads.length / 2);
  });

  test('pod IPs are unique, inside 10.128.0.0/12 and in their node\'s /24', () => {
    const c = generateCluster(SMALL);
    const ips = c.inventory.pods.map((p) => p.ip);
    expect(new Set(ips).size).toBe(ips.length);
    for (const p of c.inventory.pods) {
      const [a, b, cc] = p.ip.split('.').map(Number);
      expect(a).toBe(10);
      expect(b).toBeGreaterThanOrEqual(128);
      expect(b).toBeLessThan(144);
      expect((b - 128) * 256 + cc).toBe(p.node.index);
    }
  });

  test('refuses more pods than the nodes can hold (250 each)', () => {
    expect(() => generateCluster({ seed: 1, pods: 1000, policies: 1, nodes: 3 })).toThrow(/1000 pods need at least 4 nodes/);
  });
});

describe('inventory and manifests as YAML', () => {
  test('the inventory is one v1 List of Namespaces, Nodes and Pods', () => {
    const c = generateCluster(SMALL);
    const list = inventoryList(c.inventory) as { kind: string; items: { kind: string }[] };
    expect(list.kind).toBe('List');
    const count = (k: string): number => list.items.filter((i) => i.kind === k).length;
    expect(count('Pod')).toBe(300);
    expect(count('Node')).toBe(c.inventory.nodes.length);
    expect(count('Namespace')).toBe(c.inventory.namespaces.length);
  });

  test('the engine reads the YAML back: every pod, node, namespace and resource, no notes', () => {
    const c = generateCluster(SMALL);
    const y = clusterYaml(c);
    const inputs = parseEngineInputs([{ file: 'm.yaml', text: y.manifests }, { file: 'inv.yaml', text: y.inventory }]);
    expect(inputs.pods).toHaveLength(300);
    expect(inputs.nodes).toHaveLength(c.inventory.nodes.length);
    expect(inputs.namespaces).toHaveLength(c.inventory.namespaces.length);
    expect(inputs.resources).toHaveLength(c.kubePolicies.length + c.calicoResources.length);
    expect(inputs.notes).toEqual([]);
    const pod = inputs.pods.find((p) => p.name === c.inventory.pods[0].name);
    expect(pod?.ips).toEqual([c.inventory.pods[0].ip]);
    expect(pod?.nodeName).toBe(c.inventory.pods[0].node.name);
  });
});
