// `netsec table`: every pod to every pod for one protocol and port.
import { ExternalAddress, TruthTable, buildTruthTable } from '../../engine';
import { GROUP_CELL_LIMIT, OUTPUT_CELL_LIMIT, checkOutputSize } from '../output/limit';
import { writeGroupJson, writeGroupText, writePodJson, writePodText } from '../output/table';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { progressFor } from '../progress';
import { loadModel, protocolAndPort } from './common';
import { CLUSTER, INPUT_FLAGS, MANIFESTS, PORT, PROTOCOL, formatFlag } from './flags';

export const command = defineCommand({
  name: 'table',
  about: 'Prints whether each pod (row) may open a connection to each pod (column).',
  flags: [
    MANIFESTS,
    CLUSTER,
    PROTOCOL,
    PORT,
    formatFlag(`text (default; '.' allowed, 'X' denied) or json:
{"protocol":"TCP","port":80,"pods":[...],"allowed":{"x/a":{"x/b":true}}}; with
--level groups: {"protocol","port","groups":[{"id":"g1","members":[...]}],
"allowed":{"g1":{"g2":"allowed"}}} (allowed, denied, same-node, other-node)`, ['text', 'json']),
    {
      name: 'level', kind: 'single', value: 'L', choices: ['pods', 'groups'], default: 'pods',
      help: `pods (default): every row to every column; groups: rows folded into groups
with the same verdicts (the size grows with the groups, not the pods)`,
    },
    { name: 'force', kind: 'switch', help: `write a table over ${OUTPUT_CELL_LIMIT.toLocaleString('en-US')} cells (rows x columns; with --level groups
over ${GROUP_CELL_LIMIT.toLocaleString('en-US')} group pairs) anyway` },
    { name: 'host-endpoints', kind: 'switch', help: 'also include host endpoints' },
    { name: 'services', kind: 'switch', help: `also each Service port of the protocol as a column (service/<ns>/<name>:<port>,
by its cluster IP through kube-proxy's DNAT): '.' every backend reachable, 'S' some,
'X' none; pod level only` },
    { name: 'external', kind: 'multi', value: 'NAME=IP', synopsis: 'NAME=IP...', help: 'also include named external addresses' },
  ],
  inputFlags: INPUT_FLAGS,
  column: 24,
  run(parsed, io) {
    const format = parsed.get('format');
    const pp = protocolAndPort(parsed);
    const externalAddresses: ExternalAddress[] = (parsed.list('external') ?? []).map((x) => {
      const m = /^([^=]+)=(.+)$/.exec(x);
      if (!m) throw new UsageError(`--external takes NAME=IP, got ${JSON.stringify(x)}`);
      return { name: m[1], ip: m[2] };
    });
    const level = parsed.get('level');
    const force = parsed.has('force');
    if (parsed.has('services') && level !== 'pods') throw new UsageError('--services needs --level pods (a Service cell is judged per row)');
    const progress = progressFor(io, format === 'json');
    let table: TruthTable;
    try {
      progress.start('netsec table: reading manifests', 1);
      const model = loadModel(parsed, io);
      progress.tick();
      if (level === 'pods') {
        const rows = model.endpoints.filter((e) => e.kind === 'workload' || parsed.has('host-endpoints')).length + externalAddresses.length;
        checkOutputSize('the pod-level table', rows, rows, format === 'json' ? 40 : 2, 'use --level groups', force);
      }
      table = buildTruthTable(model, {
        ...pp, includeHostEndpoints: parsed.has('host-endpoints'), externalAddresses, services: parsed.has('services'),
        onProgress: (done, total) => (done === 0 ? progress.start('netsec table: computing cells', total) : progress.tick()),
      });
    } finally {
      progress.done();
    }
    const sink = (text: string): void => io.stdout(text);
    if (level === 'pods') {
      if (format === 'json') writePodJson(table, sink);
      else writePodText(table, sink);
      return 0;
    }
    const grouped = table.grouped();
    checkOutputSize('the grouped table', grouped.groups.length, grouped.groups.length, format === 'json' ? 20 : 2, 'narrow the input', force, GROUP_CELL_LIMIT);
    if (format === 'json') writeGroupJson(table, grouped, sink);
    else writeGroupText(table, grouped, sink);
    return 0;
  },
});
