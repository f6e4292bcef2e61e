// `netsec table`: every pod to every pod for one protocol and port.
import { ExternalAddress, TruthTable, buildTruthTable } from '../../engine';
import { UsageError, choice, parseArgs, required } from '../args';
import { CliCommand, CliIo } from '../io';
import { progressFor } from '../progress';
import { FELIX_USAGE, loadModel, protocolAndPort } from './common';

const USAGE = `usage: netsec table --manifests M... [--cluster C] --protocol P [--port N] [--format text|json]
                    [--host-endpoints] [--external NAME=IP...]

Prints whether each pod (row) may open a connection to each pod (column).

  --manifests M...      manifest files or folders
  --cluster C           inventory: kubectl get namespaces,pods,nodes -o yaml (without one, or
                        when it has no pods: one pod per workload manifest)
  --protocol P          TCP, UDP, SCTP, ICMP, ICMPv6 or a protocol number
  --port N              destination port (TCP, UDP and SCTP only)
  --format F            text (default; '.' allowed, 'X' denied) or json:
                        {"protocol":"TCP","port":80,"pods":[...],"allowed":{"x/a":{"x/b":true}}}
  --host-endpoints      also include host endpoints
  --external NAME=IP    also include named external addresses
${FELIX_USAGE}
`;

function run(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args, {
    single: ['workload-pool', 'cluster', 'protocol', 'port', 'format'],
    multi: ['manifests', 'external', 'felix'],
    switches: ['host-endpoints'],
  });
  const format = choice(parsed, 'format', ['text', 'json'], 'text');
  const pp = protocolAndPort(parsed, required(parsed, 'protocol'));
  const externalAddresses: ExternalAddress[] = (parsed.lists.get('external') ?? []).map((x) => {
    const m = /^([^=]+)=(.+)$/.exec(x);
    if (!m) throw new UsageError(`--external takes NAME=IP, got ${JSON.stringify(x)}`);
    return { name: m[1], ip: m[2] };
  });
  const progress = progressFor(io, format === 'json');
  let table: TruthTable;
  try {
    progress.start('netsec table: reading manifests', 1);
    const model = loadModel(parsed, io, false);
    progress.tick();
    table = buildTruthTable(model, {
      ...pp, includeHostEndpoints: parsed.switches.has('host-endpoints'), externalAddresses,
      onProgress: (done, total) => (done === 0 ? progress.start('netsec table: computing cells', total) : progress.tick()),
    });
  } finally {
    progress.done();
  }
  io.stdout(format === 'json' ? `${JSON.stringify(table.toJSON())}\n` : renderText(table));
  return 0;
}

function renderText(t: TruthTable): string {
  const width = Math.max(4, ...t.ids.map((id) => id.length));
  const lines = [`${t.protocol}${t.port !== undefined ? `/${t.port}` : ''}: rows are sources, columns destinations`];
  t.ids.forEach((id, i) => lines.push(`${' '.repeat(width + 1)}${'| '.repeat(i)}${id}`));
  for (const src of t.ids) {
    lines.push(`${src.padEnd(width)} ${t.ids.map((dst) => (t.allowed(src, dst) ? '.' : 'X')).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export const command: CliCommand = { usage: USAGE, run };
