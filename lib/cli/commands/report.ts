// `netsec report`: one self-contained HTML page (host endpoints, lint, the workload matrix, the graph,
// with --pods the pod-level truth tables), or the graph as Mermaid/DOT.
import { buildEngineModel } from '../../engine';
import { defaultPortKeys } from '../../diff/ports';
import { buildReport } from '../../report/build';
import { graphToDot, graphToMermaid } from '../../report/graph-text';
import { reportToHtml } from '../../report/html';
import { writeFileAtomically } from '../../util/atomic-write';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { progressFor } from '../progress';
import { readInputs, portsOption } from './common';
import { CLUSTER, INPUT_FLAGS, MANIFESTS, PORTS, formatFlag } from './flags';

const DEFAULT_TITLE = 'netsec report';

export const command = defineCommand({
  name: 'report',
  about: `Writes one self-contained HTML page: host endpoints per node (what an outside address may open,
failsafe ports included), the cluster guardrails (each admin and baseline tier of
ClusterNetworkPolicies, AdminNetworkPolicies and BaselineAdminNetworkPolicies: every policy's
priority, subject and rule actions, and where Pass hands the decision), lint findings, the workload
matrix (every connection each workload, host endpoint and outside address class may open, over all
protocols and ports, with a protocol and port selector and collapsible namespaces) and the connectivity graph (the internet one of its nodes).
--pods adds a truth table per port over the pods (hover a cell for the deciding rules).
--format mermaid or dot prints the graph alone on stdout.`,
  flags: [
    MANIFESTS,
    CLUSTER,
    { name: 'out', kind: 'single', value: 'FILE', synopsis: 'report.html', help: 'where to write the HTML page (required for --format html)' },
    formatFlag('html (default), mermaid or dot', ['html', 'mermaid', 'dot']),
    PORTS,
    { name: 'pods', kind: 'switch', help: 'also the pod-level truth tables, one per port (--ports), with the deciding rules of every cell' },
    { name: 'title', kind: 'single', value: 'T', default: DEFAULT_TITLE, help: `page title (default "${DEFAULT_TITLE}")` },
  ],
  inputFlags: INPUT_FLAGS,
  footer: 'Exit codes: 0 written, 2 usage or input error.',
  run(parsed, io) {
    const format = parsed.get('format');
    const manifests = parsed.getList('manifests');
    const cluster = parsed.value('cluster');
    const out = parsed.value('out');
    if (format === 'html' && out === undefined) throw new UsageError('--out is required for --format html');
    const requested = portsOption(parsed);
    const inputs = readInputs(parsed, io, manifests, cluster);
    const model = buildEngineModel(inputs);
    const keys = requested ?? defaultPortKeys([model]);
    const data = buildReport(inputs, model, { title: parsed.get('title'), ports: keys, pods: parsed.has('pods'), progress: progressFor(io, false) });
    if (format !== 'html') {
      const text = format === 'mermaid' ? graphToMermaid(data.graph) : graphToDot(data.graph);
      if (out === undefined) io.stdout(text);
      else writeFileAtomically(out, text);
      return 0;
    }
    writeFileAtomically(out ?? '', reportToHtml(data));
    const cells = data.matrices.reduce((n, m) => n + m.ids.length * m.ids.length, 0);
    io.stdout(`netsec report: wrote ${out} (workload matrix of ${data.workloads.parties.length} parties, `
      + `${data.matrices.length} pod-level truth table(s) of ${cells} cells, `
      + `${data.graph.nodes.length} graph nodes, ${data.lint.findings.length} lint finding(s))\n`);
    if (!data.lint.available) io.stderr(`netsec report: ${data.lint.note}\n`);
    return 0;
  },
});
