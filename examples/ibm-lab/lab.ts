import { App, Chart } from 'cdk8s';
import { labDeniedCidr } from './denied-cidr';
import { labGuestbookPolicies } from './guestbook-policies';
import { labGuestbookWorkloads } from './guestbook-workloads';
import { labGuardrails } from './guardrails';
import { labKubeSystem } from './kube-system';
import { labNodes } from './nodes';
import { labPlatform } from './platform';

/** The chart id, hence the file names: `dist/kubernetes/lab.k8s.yaml`, `dist/calico/lab.calico.yaml`, `dist/inventory/lab.inventory.yaml`. */
const LAB_CHART_ID = 'lab';

/**
 * Adds the whole lab to `app` as one chart: nodes, platform defaults, kube-system inventory,
 * guestbook (workloads and policies), denied CIDR, the platform's guardrails (ClusterNetworkPolicies).
 */
export function buildLab(app: App): Chart {
  const chart = new Chart(app, LAB_CHART_ID);
  const nodes = labNodes(chart);
  labPlatform(chart, nodes);
  labKubeSystem(chart, nodes);
  labGuestbookWorkloads(chart, nodes);
  labGuestbookPolicies(chart);
  labDeniedCidr(chart);
  labGuardrails(chart);
  return chart;
}
