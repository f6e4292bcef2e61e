// The truth table on a generated cluster (host endpoint on every node, each with its own `node`
// label; Kubernetes and Calico policies, network sets) equals evaluating every pair one by one.
import { clusterYaml, generateCluster } from '../../bench/generator';
import { buildEngineModel, buildTruthTable, evaluateFlow, parseEngineInputs } from '../../lib/engine';

describe('truth table on a generated cluster', () => {
  const cluster = generateCluster({ seed: 7, pods: 240, policies: 80, nodes: 6, hostEndpoints: true });
  const yaml = clusterYaml(cluster);
  const model = buildEngineModel(parseEngineInputs([
    { file: 'manifests.yaml', text: yaml.manifests },
    { file: 'inventory.yaml', text: yaml.inventory },
  ]));

  test.each([8080, 9090, 22])('TCP %i: every pair equals evaluateFlow', (port) => {
    const table = buildTruthTable(model, { protocol: 'TCP', port });
    const byId = new Map(model.endpoints.map((e) => [e.id, e]));
    let mismatches = 0;
    let allowed = 0;
    for (const a of table.ids) {
      const src = byId.get(a);
      for (const b of table.ids) {
        const dst = byId.get(b);
        if (!src || !dst) throw new Error(`unknown row ${a} or ${b}`);
        const v = evaluateFlow(model, {
          source: { endpoint: src, ip: src.ips[0], id: a }, destination: { endpoint: dst, ip: dst.ips[0], id: b }, protocol: 6, port,
        }).allowed;
        if (v !== table.allowed(a, b)) mismatches++;
        if (v) allowed++;
      }
    }
    expect(mismatches).toBe(0);
    // both outcomes occur, and host endpoints do not split groups per node
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(table.ids.length ** 2);
    expect(table.groupCount).toBeLessThan(table.ids.length / 2);
  });
});
