// `netsec table`: every pod to every pod for one protocol and port.
import { ExternalAddress, TruthTable, buildTruthTable } from '../../engine';
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
{"protocol":"TCP","port":80,"pods":[...],"allowed":{"x/a":{"x/b":true}}}`, ['text', 'json']),
    { name: 'host-endpoints', kind: 'switch', help: 'also include host endpoints' },
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
    const progress = progressFor(io, format === 'json');
    let table: TruthTable;
    try {
      progress.start('netsec table: reading manifests', 1);
      const model = loadModel(parsed, io);
      progress.tick();
      table = buildTruthTable(model, {
        ...pp, includeHostEndpoints: parsed.has('host-endpoints'), externalAddresses,
        onProgress: (done, total) => (done === 0 ? progress.start('netsec table: computing cells', total) : progress.tick()),
      });
    } finally {
      progress.done();
    }
    io.stdout(format === 'json' ? `${JSON.stringify(table.toJSON())}\n` : renderText(table));
    return 0;
  },
});

function renderText(t: TruthTable): string {
  const width = Math.max(4, ...t.ids.map((id) => id.length));
  const lines = [`${t.protocol}${t.port !== undefined ? `/${t.port}` : ''}: rows are sources, columns destinations`];
  t.ids.forEach((id, i) => lines.push(`${' '.repeat(width + 1)}${'| '.repeat(i)}${id}`));
  for (const src of t.ids) {
    lines.push(`${src.padEnd(width)} ${t.ids.map((dst) => (t.allowed(src, dst) ? '.' : 'X')).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}
