import { ChartManifests, ISynthOutputProvider, SynthOutputFile } from '../constructs/app/output-provider';
import { renderPlanFiles } from '../iptables/plan-files';
import { PlanLayout } from '../iptables/plan-layout';
import { CalicoVersion } from '../model/calico-version';

/**
 * Writes the precomputed iptables plan, `iptables/<node>.iptables`, `.ipsets` and
 * `.endpoints.json`, for every Node of the app's inventory (WorkerNode constructs and other
 * inventory objects), from the manifests of all charts together: a node enforces every chart's
 * policies. Writes nothing when the app declares no Node.
 */
export class IptablesPlanProvider implements ISynthOutputProvider {
  public readonly providerName = 'iptables plan';

  constructor(private readonly calicoVersion: CalicoVersion, private readonly layout: PlanLayout) {}

  public renderFiles(charts: ChartManifests[]): SynthOutputFile[] {
    const manifests = charts.flatMap((c) => [...c.kubernetes, ...c.calico]);
    const inventory = charts.flatMap((c) => c.inventory);
    if (!inventory.some((o) => o.kind === 'Node')) return [];
    return renderPlanFiles(manifests, inventory, this.calicoVersion, { layout: this.layout });
  }
}
