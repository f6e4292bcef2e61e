// `netsec report`: one self-contained HTML page (matrices, graph, host endpoints, lint), or the graph as Mermaid/DOT.
import { buildEngineModel } from '../../engine';
import { defaultPortKeys } from '../../diff/ports';
import { buildReport } from '../../report/build';
import { graphToDot, graphToMermaid } from '../../report/graph-text';
import { reportToHtml } from '../../report/html';
import { UsageError, choice, parseArgs, requiredList } from '../args';
import { writeFileAtomically } from '../../util/atomic-write';
import { CliCommand, CliIo } from '../io';
import { progressFor } from '../progress';
import { FELIX_USAGE, readInputs, portsOption } from './common';

const USAGE = `usage: netsec report --manifests M... [--cluster C] [--out report.html]
                     [--format html|mermaid|dot] [--ports P,...] [--title T]

Writes one self-contained HTML page: a truth table per port (hover a cell for the deciding rules),
a connectivity graph of pod groups (same namespace and labels), host endpoints per node and lint
findings. --format mermaid or dot prints the graph alone on stdout.

  --manifests M...   manifest files or folders
  --cluster C        inventory: kubectl get namespaces,pods,nodes -o yaml (without one, or
                     when it has no pods: one pod per workload manifest)
  --out FILE         where to write the HTML page (required for --format html)
  --format F         html (default), mermaid or dot
  --ports P,...      e.g. TCP/80,UDP/53,ICMP (default: every port and protocol that the policies or
                     the inventory's container ports name)
  --title T          page title (default "netsec report")
${FELIX_USAGE}

Exit codes: 0 written, 2 usage or input error.
`;

function run(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args, { single: ['workload-pool', 'cluster', 'out', 'format', 'ports', 'title'], multi: ['manifests', 'felix'] });
  const format = choice(parsed, 'format', ['html', 'mermaid', 'dot'], 'html');
  const manifests = requiredList(parsed, 'manifests');
  const cluster = parsed.values.get('cluster');
  const out = parsed.values.get('out');
  if (format === 'html' && out === undefined) throw new UsageError('--out is required for --format html');
  const requested = portsOption(parsed);
  const inputs = readInputs(parsed, io, manifests, cluster);
  const model = buildEngineModel(inputs);
  const keys = requested ?? defaultPortKeys([model]);
  const data = buildReport(inputs, model, { title: parsed.values.get('title') ?? 'netsec report', ports: keys, progress: progressFor(io, false) });
  if (format !== 'html') {
    const text = format === 'mermaid' ? graphToMermaid(data.graph) : graphToDot(data.graph);
    if (out === undefined) io.stdout(text);
    else writeFileAtomically(out, text);
    return 0;
  }
  writeFileAtomically(out ?? '', reportToHtml(data));
  const cells = data.matrices.reduce((n, m) => n + m.ids.length * m.ids.length, 0);
  io.stdout(`netsec report: wrote ${out} (${data.matrices.length} truth table(s), ${cells} cells, `
    + `${data.graph.nodes.length} groups, ${data.lint.findings.length} lint finding(s))\n`);
  if (!data.lint.available) io.stderr(`netsec report: ${data.lint.note}\n`);
  return 0;
}

export const command: CliCommand = { usage: USAGE, run };
