// `netsec table` output: the streamed pod-level JSON is the same text as the whole-table JSON, the
// grouped form agrees with every pod pair, and a pod-level table over the cell limit is refused.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { clusterYaml, generateCluster } from '../../bench/generator';
import { runCli } from '../../lib/cli/run';
import { OUTPUT_CELL_LIMIT } from '../../lib/cli/output/limit';
import { writeGroupJson, writeGroupText, writePodJson, writePodText } from '../../lib/cli/output/table';
import { buildEngineModel, buildTruthTable, parseEngineInputs } from '../../lib/engine';
import { PodDef, inventory } from '../engine/helpers/world';

function collect(write: (sink: (t: string) => void) => void): { text: string; chunks: number[] } {
  const chunks: string[] = [];
  write((t) => chunks.push(t));
  return { text: chunks.join(''), chunks: chunks.map((c) => c.length) };
}

describe('table output on a generated cluster (host endpoints and external addresses included)', () => {
  const cluster = generateCluster({ seed: 7, pods: 240, policies: 80, nodes: 6, hostEndpoints: true });
  const yaml = clusterYaml(cluster);
  const model = buildEngineModel(parseEngineInputs([
    { file: 'manifests.yaml', text: yaml.manifests },
    { file: 'inventory.yaml', text: yaml.inventory },
  ]));
  const table = buildTruthTable(model, {
    protocol: 'TCP', port: 8080, includeHostEndpoints: true,
    externalAddresses: [{ name: 'internet', ip: '203.0.113.7' }, { name: 'first-pod', ip: model.endpoints.find((e) => e.kind === 'workload')?.ips[0] ?? '' }],
  });

  test('streamed pod-level JSON is the whole-table JSON, byte for byte, written in bounded chunks', () => {
    const { text, chunks } = collect((sink) => writePodJson(table, sink));
    expect(text).toBe(`${JSON.stringify(table.toJSON())}\n`);
    expect(JSON.parse(text)).toEqual(table.toJSON());
    // 250 rows of about 250 entries: several chunks, none much larger than 64 KiB plus one row
    expect(chunks.length).toBeGreaterThan(5);
    const row = Math.max(...table.ids.map((id) => id.length + 8)) * table.ids.length;
    expect(Math.max(...chunks)).toBeLessThan(64 * 1024 + row);
  });

  test('pod-level text: a header line per column, then one line per row with the verdict of each pair', () => {
    const lines = collect((sink) => writePodText(table, sink)).text.split('\n');
    const n = table.ids.length;
    expect(lines[0]).toBe('TCP/8080: rows are sources, columns destinations');
    expect(lines).toHaveLength(1 + n + n + 1);
    expect(lines[n + 1 + n]).toBe('');
    table.ids.forEach((src, a) => {
      const cells = lines[1 + n + a].slice(lines[1 + n + a].length - (2 * n - 1)).split(' ');
      expect(lines[1 + n + a].startsWith(src)).toBe(true);
      expect(cells.map((c) => c === '.')).toEqual(table.ids.map((dst) => table.allowed(src, dst)));
    });
  });

  test('grouped: the groups cover every row once, and every pair of rows agrees with its groups\' verdict', () => {
    const g = table.grouped();
    const groupOf = new Map<string, number>();
    g.groups.forEach((grp, i) => grp.members.forEach((m) => {
      expect(groupOf.has(m)).toBe(false);
      groupOf.set(m, i);
    }));
    expect([...groupOf.keys()].sort()).toEqual([...table.ids].sort());
    // host endpoints see each node apart (their own node differs), so workload groups split by node a little
    expect(g.groups.length).toBeLessThan(table.ids.length * 0.6);
    const nodeOf = new Map<string, string | undefined>(model.endpoints.map((e) => [e.id, e.node]));
    const seen = new Set<string>();
    let bad = 0;
    for (const a of table.ids) {
      for (const b of table.ids) {
        if (a === b) continue;
        const v = g.verdict(groupOf.get(a) as number, groupOf.get(b) as number);
        seen.add(v);
        const sameNode = nodeOf.get(a) !== undefined && nodeOf.get(a) === nodeOf.get(b);
        const expected = v === 'allowed' ? true : v === 'denied' ? false : v === 'same-node' ? sameNode : !sameNode;
        if (table.allowed(a, b) !== expected) bad++;
      }
    }
    expect(bad).toBe(0);
    expect(seen.has('allowed') && seen.has('denied')).toBe(true);
  });

  test('grouped JSON is valid and lists every group pair; grouped text has a line per group and per row', () => {
    const g = table.grouped();
    const j = JSON.parse(collect((sink) => writeGroupJson(table, g, sink)).text) as { groups: { id: string; members: string[] }[]; allowed: { [k: string]: { [k: string]: string } } };
    expect(j.groups.map((x) => x.id)).toEqual(g.groups.map((x) => x.id));
    expect(Object.keys(j.allowed)).toHaveLength(g.groups.length);
    expect(j.allowed.g1.g2).toBe(g.verdict(0, 1));
    const text = collect((sink) => writeGroupText(table, g, sink)).text.split('\n');
    expect(text).toHaveLength(2 + 3 * g.groups.length + 1);
    expect(text[2]).toBe(`g1: ${g.groups[0].members.join(' ')}`);
  });
});

describe('netsec table: size limit and levels', () => {
  let dir: string;
  const run = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const code = await runCli(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
    return { code, out, err };
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-table-limit-'));
    // 2,001 pods: 4,004,001 cells, just over the limit; two label values
    const pods: PodDef[] = Array.from({ length: 2001 }, (_, i) => ({ ns: 'x', name: `p${i}`, ip: `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`, labels: { app: i % 2 === 0 ? 'a' : 'b' } }));
    fs.writeFileSync(path.join(dir, 'c.yaml'), inventory(pods));
    fs.writeFileSync(path.join(dir, 'p.yaml'), `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: only-a, namespace: x}
spec:
  podSelector: {matchLabels: {app: b}}
  ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}]}]
`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = (): string[] => ['--manifests', path.join(dir, 'p.yaml'), '--cluster', path.join(dir, 'c.yaml'), '--protocol', 'TCP', '--port', '80'];

  test('a pod-level table over the limit is refused with the size and the ways out; nothing written', async () => {
    expect(2001 * 2001).toBeGreaterThan(OUTPUT_CELL_LIMIT);
    const r = await run('table', ...files(), '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('netsec table: the pod-level table would have 2,001 rows x 2,001 columns = 4,004,001 cells (about 160 MB), '
      + 'over the limit of 4,000,000 cells; use --level groups, or add --force to write it anyway\n');
  });

  test('--level groups writes the two groups; --force writes the pod-level table', async () => {
    const g = await run('table', ...files(), '--level', 'groups', '--format', 'json');
    expect(g.code).toBe(0);
    const j = JSON.parse(g.out) as { groups: { id: string; members: string[] }[]; allowed: unknown };
    expect(j.groups.map((x) => [x.id, x.members.length])).toEqual([['g1', 1001], ['g2', 1000]]);
    // b admits only a on port 80; a has no policy
    expect(j.allowed).toEqual({ g1: { g1: 'allowed', g2: 'allowed' }, g2: { g1: 'allowed', g2: 'denied' } });
    const f = await run('table', ...files(), '--force');
    expect(f.code).toBe(0);
    expect(f.out.split('\n')).toHaveLength(1 + 2001 + 2001 + 1);
  });
});
