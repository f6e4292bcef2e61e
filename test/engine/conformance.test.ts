// Runs the upstream Kubernetes e2e truth tables (fixtures/k8s-e2e, copied from the shared corpus)
// through the library, building the inventory the way the corpus README describes.
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { buildEngineModel, buildTruthTable, parseEngineInputs } from '../../lib/engine';

const DIR = path.join(__dirname, 'fixtures', 'k8s-e2e');
type Labels = Record<string, string>;
interface ModelFile {
  namespaces: { name: string; labels: Labels }[];
  pods: { id: string; name: string; namespace: string; ip: string; labels: Labels; containers: { name: string; ports: unknown[] }[] }[];
}
interface Probe { protocol: string; port: number; expected: { columns: string[]; rows: Record<string, string> } }
interface Step { policies: unknown[] | null; modelOverrides?: { namespaceLabels?: Record<string, Labels>; podLabels?: Record<string, Labels> }; probes: Probe[] }
interface Case { id: string; name: string; steps: Step[] }

const clusterModel = yaml.load(fs.readFileSync(path.join(DIR, 'model.yaml'), 'utf8')) as ModelFile;

function inventory(step: Step): string {
  const ns = step.modelOverrides?.namespaceLabels ?? {};
  const pl = step.modelOverrides?.podLabels ?? {};
  const items: unknown[] = clusterModel.namespaces.map((n) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n.name, labels: ns[n.name] ?? n.labels } }));
  items.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' }, status: { addresses: [{ type: 'InternalIP', address: '10.240.0.10' }] } });
  for (const p of clusterModel.pods) {
    items.push({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: p.name, namespace: p.namespace, labels: pl[p.id] ?? p.labels },
      spec: { nodeName: 'worker-1', containers: p.containers }, status: { phase: 'Running', podIP: p.ip, podIPs: [{ ip: p.ip }] },
    });
  }
  return yaml.dump({ apiVersion: 'v1', kind: 'List', items });
}

const cases = fs.readdirSync(path.join(DIR, 'cases')).sort()
  .map((f) => yaml.load(fs.readFileSync(path.join(DIR, 'cases', f), 'utf8')) as Case);

describe('Kubernetes e2e network policy truth tables', () => {
  test('the fixtures are present', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });
  for (const c of cases) {
    c.steps.forEach((step, si) => {
      for (const probe of step.probes) {
        test(`case ${c.id} ${c.name} step ${si + 1} ${probe.protocol}/${probe.port}`, () => {
          const model = buildEngineModel(parseEngineInputs([
            { file: 'policies.yaml', text: yaml.dump({ apiVersion: 'v1', kind: 'List', items: step.policies ?? [] }) },
            { file: 'cluster.yaml', text: inventory(step) },
          ]));
          const table = buildTruthTable(model, { protocol: probe.protocol, port: probe.port }).toJSON();
          const wrong: string[] = [];
          for (const [src, row] of Object.entries(probe.expected.rows)) {
            row.split(/\s+/).forEach((cell, j) => {
              const dst = probe.expected.columns[j];
              if (src === dst) return; // loopback is not scored upstream
              if (table.allowed[src][dst] !== (cell === '.')) wrong.push(`${src}->${dst}`);
            });
          }
          expect(wrong).toEqual([]);
        });
      }
    });
  }
});
