import { ApiObject, Chart, DependencyGraph } from 'cdk8s';
import { IConstruct } from 'constructs';
import { isInventoryObject } from '../../model/resources/inventory';
import { calicoFilePath, inventoryFilePath, kubernetesFilePath } from './output-layout';
import { ChartManifests, SynthOutputFile } from './output-provider';
import { toYamlStream } from './yaml';

/** The API group whose resources go to `calico/<chart>.calico.yaml` (for `calicoctl apply`). */
const CALICO_GROUP = 'projectcalico.org';

/** A chart's manifests and files, or the errors met rendering it. */
interface RenderedChart {
  readonly manifests: ChartManifests;
  readonly files: SynthOutputFile[];
  readonly errors: string[];
}

/** The chart's file stem: the construct ids from the app down to the chart, joined with `-`. */
function chartFileStem(chart: Chart): string {
  return chart.node.scopes.map((s) => s.node.id).filter((id) => id !== '').join('-');
}

/** The API objects whose closest chart is `chart`, in dependency order, else construct order. */
function chartApiObjects(chart: Chart): ApiObject[] {
  return new DependencyGraph(chart.node).topology()
    .filter((c: IConstruct): c is ApiObject => ApiObject.isApiObject(c))
    .filter((o) => Chart.of(o) === chart);
}

function isCalico(obj: { [key: string]: unknown }): boolean {
  return typeof obj.apiVersion === 'string' && obj.apiVersion.split('/')[0] === CALICO_GROUP;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Renders one chart in memory: Kubernetes objects, Calico objects and inventory objects (annotated
 * `netsec.io/inventory: "true"`: nodes, namespaces, pods the chart declares) into separate files,
 * each in its own folder (`output-layout.ts`).
 */
export function renderChart(chart: Chart): RenderedChart {
  const stem = chartFileStem(chart);
  const kubernetes: { [key: string]: unknown }[] = [];
  const calico: { [key: string]: unknown }[] = [];
  const inventory: { [key: string]: unknown }[] = [];
  const errors: string[] = [];
  for (const obj of chartApiObjects(chart)) {
    try {
      const json: unknown = obj.toJson();
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        errors.push(`${obj.node.path}: toJson() returned ${JSON.stringify(json)}; expected an object`);
        continue;
      }
      const record = json as { [key: string]: unknown };
      (isInventoryObject(record) ? inventory : isCalico(record) ? calico : kubernetes).push(record);
    } catch (e) {
      errors.push(errorText(e).includes(obj.node.path) ? errorText(e) : `${obj.node.path}: ${errorText(e)}`);
    }
  }
  const files: SynthOutputFile[] = [];
  if (kubernetes.length > 0) files.push({ path: kubernetesFilePath(stem), content: toYamlStream(kubernetes) });
  if (calico.length > 0) files.push({ path: calicoFilePath(stem), content: toYamlStream(calico) });
  if (inventory.length > 0) files.push({ path: inventoryFilePath(stem), content: toYamlStream(inventory) });
  return { manifests: { chartId: stem, chartPath: chart.node.path, kubernetes, calico, inventory }, files, errors };
}
