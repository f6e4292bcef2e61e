// `netsec table` output, written row by row (memory grows with one row, never with the whole table):
// pod level (every row to every column) in text or JSON, or folded into groups of rows with the same
// verdicts (engine GroupedTable).
import { GroupVerdict, GroupedTable, ServiceCell, TruthTable } from '../../engine';
import { ChunkWriter } from './chunks';

const title = (t: TruthTable): string => `${t.protocol}${t.port !== undefined ? `/${t.port}` : ''}`;

/** Column headers: each label on its own line, with `| ` for the columns before it. */
function header(out: ChunkWriter, width: number, labels: readonly string[]): void {
  labels.forEach((id, i) => out.write(`${' '.repeat(width + 1)}${'| '.repeat(i)}${id}\n`));
}

const SERVICE_SYMBOL: { readonly [c in ServiceCell]: string } = { 'all': '.', 'some': 'S', 'none': 'X', '-': '-' };

/** The pod-level text: `.` allowed, `X` denied; Service columns after the pods. */
export function writePodText(t: TruthTable, sink: (text: string) => void): void {
  const out = new ChunkWriter(sink);
  const reach = t.services;
  const services = reach?.columns ?? [];
  const width = Math.max(4, ...t.ids.map((id) => id.length));
  out.write(`${title(t)}: rows are sources, columns destinations\n`);
  if (services.length > 0) {
    out.write(`Service columns (the ${t.protocol} ports of each Service, through its cluster IP): '.' every backend reachable, 'S' some, 'X' none, '-' not judged (outside addresses)\n`);
  }
  header(out, width, [...t.ids, ...services.map((c) => c.id)]);
  const n = t.ids.length;
  const cells: string[] = new Array<string>(n + services.length);
  t.ids.forEach((src, a) => {
    for (let b = 0; b < n; b++) cells[b] = t.allowedAt(a, b) ? '.' : 'X';
    for (let c = 0; c < services.length; c++) cells[n + c] = SERVICE_SYMBOL[reach?.at(a, c) ?? '-'];
    out.write(`${src.padEnd(width)} ${cells.join(' ')}\n`);
  });
  out.end();
}

/** The pod-level JSON, the same text as `JSON.stringify(t.toJSON())` plus a newline, one row at a time. */
export function writePodJson(t: TruthTable, sink: (text: string) => void): void {
  const out = new ChunkWriter(sink);
  const ids = t.ids.map((id) => JSON.stringify(id));
  out.write(`{"protocol":${JSON.stringify(t.protocol)}${t.port !== undefined ? `,"port":${t.port}` : ''},"pods":[${ids.join(',')}],"allowed":{`);
  const n = ids.length;
  const cells: string[] = new Array<string>(n);
  ids.forEach((src, a) => {
    for (let b = 0; b < n; b++) cells[b] = `${ids[b]}:${t.allowedAt(a, b) ? 'true' : 'false'}`;
    out.write(`${a > 0 ? ',' : ''}${src}:{${cells.join(',')}}`);
  });
  out.write('}');
  const services = t.services;
  if (services) {
    const columns = services.columns.map((c) => JSON.stringify(c.id));
    out.write(`,"services":[${columns.join(',')}],"serviceReach":{`);
    ids.forEach((src, a) => {
      out.write(`${a > 0 ? ',' : ''}${src}:{${columns.map((c, i) => `${c}:"${services.at(a, i)}"`).join(',')}}`);
    });
    out.write('}');
  }
  out.write('}\n');
  out.end();
}

const SYMBOL: { readonly [v in GroupVerdict]: string } = { 'allowed': '.', 'denied': 'X', 'same-node': 's', 'other-node': 'o' };
const GROUP_VERDICTS = Object.keys(SYMBOL) as GroupVerdict[];
const SYMBOL_CODE: { readonly [v in GroupVerdict]: number } = {
  'allowed': SYMBOL.allowed.charCodeAt(0), 'denied': SYMBOL.denied.charCodeAt(0),
  'same-node': SYMBOL['same-node'].charCodeAt(0), 'other-node': SYMBOL['other-node'].charCodeAt(0),
};

/** The grouped text: the groups with their rows, then the group matrix. */
export function writeGroupText(t: TruthTable, g: GroupedTable, sink: (text: string) => void): void {
  const out = new ChunkWriter(sink);
  out.write(`${title(t)}: ${t.ids.length} rows in ${g.groups.length} groups with the same verdicts; rows are sources, columns destinations\n`);
  out.write("'.' allowed, 'X' denied, 's' allowed only between pods on one node, 'o' only between pods on different nodes (a pod may always reach itself)\n");
  for (const grp of g.groups) out.write(`${grp.id}: ${grp.members.join(' ')}\n`);
  const labels = g.groups.map((x) => x.id);
  const width = Math.max(4, ...labels.map((id) => id.length));
  header(out, width, labels);
  const n = labels.length;
  // a row's cells as one-byte symbols with a space between (ASCII), filled in place
  const cells = Buffer.alloc(Math.max(0, 2 * n - 1), ' ');
  labels.forEach((id, a) => {
    for (let b = 0; b < n; b++) cells[2 * b] = SYMBOL_CODE[g.verdict(a, b)];
    out.write(`${id.padEnd(width)} ${cells.toString('latin1')}\n`);
  });
  out.end();
}

/** The grouped JSON: `{"protocol","port","groups":[{"id","members"}],"allowed":{"g1":{"g2":"allowed"|"denied"|"same-node"|"other-node"}}}`. */
export function writeGroupJson(t: TruthTable, g: GroupedTable, sink: (text: string) => void): void {
  const out = new ChunkWriter(sink);
  out.write(`{"protocol":${JSON.stringify(t.protocol)}${t.port !== undefined ? `,"port":${t.port}` : ''},"groups":[`);
  g.groups.forEach((grp, i) => out.write(`${i > 0 ? ',' : ''}${JSON.stringify({ id: grp.id, members: grp.members })}`));
  out.write('],"allowed":{');
  const n = g.groups.length;
  const cells: string[] = new Array<string>(n);
  // each column's cell text for each verdict, made once (not a string per cell)
  const cellText = g.groups.map((grp) => new Map(GROUP_VERDICTS.map((v) => [v, `"${grp.id}":"${v}"`])));
  g.groups.forEach((grp, a) => {
    for (let b = 0; b < n; b++) cells[b] = cellText[b].get(g.verdict(a, b)) as string;
    out.write(`${a > 0 ? ',' : ''}"${grp.id}":{${cells.join(',')}}`);
  });
  out.write('}}\n');
  out.end();
}
