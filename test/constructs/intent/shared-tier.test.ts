// Issue 14 item 2: every chart applies on its own. The `netsec-deny` Tier goes into each chart
// that has a DenyCidr (not only the first), the app accepts the same Tier in several charts when
// every definition is identical, and refuses (naming both construct paths) a Tier defined
// differently elsewhere, so a chart's policies never depend on a tier another chart holds.
import { Chart } from 'cdk8s';
import * as yaml from 'js-yaml';
import { NetsecApp } from '../../../lib/app';
import { DenyCidr, PolicyTarget, TrafficDirection } from '../../../lib/constructs/intent';
import { CalicoTier } from '../../../lib/constructs/l1';
import { parseEngineInputs, buildEngineModel } from '../../../lib/engine';

const DENY_TIER = { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'netsec-deny' }, spec: { order: 100, defaultAction: 'Pass' } };

function deny(chart: Chart, id: string, namespace: string, cidr: string): void {
  new DenyCidr(chart, id, { target: PolicyTarget.namespace(namespace), cidrs: [cidr], direction: TrafficDirection.INGRESS });
}

function calicoFiles(app: NetsecApp): Map<string, { kind: string; metadata: { name: string }; spec: { tier?: string } }[]> {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return new Map(app.synthFiles().filter((f) => f.path.endsWith('.calico.yaml'))
      .map((f) => [f.path, yaml.loadAll(f.content) as { kind: string; metadata: { name: string }; spec: { tier?: string } }[]]));
  } finally {
    spy.mockRestore();
  }
}

function synthError(app: NetsecApp): string {
  try {
    app.synthFiles();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected synth to fail');
}

const unwritten = (): NetsecApp => new NetsecApp({ outdir: '/nonexistent/never-written', iptablesPlan: false });

describe('the netsec-deny Tier across charts', () => {
  test('two team charts with a DenyCidr each carry the Tier before their own deny policy', () => {
    const app = unwritten();
    deny(new Chart(app, 'team-a'), 'block-a', 'a', '198.51.100.0/24');
    deny(new Chart(app, 'team-b'), 'block-b', 'b', '192.0.2.0/24');
    const files = calicoFiles(app);
    expect([...files.keys()]).toEqual(['calico/team-a.calico.yaml', 'calico/team-b.calico.yaml']);
    expect(files.get('calico/team-a.calico.yaml')?.map((d) => `${d.kind} ${d.metadata.name}`)).toEqual(['Tier netsec-deny', 'NetworkPolicy netsec-deny.block-a']);
    expect(files.get('calico/team-b.calico.yaml')?.map((d) => `${d.kind} ${d.metadata.name}`)).toEqual(['Tier netsec-deny', 'NetworkPolicy netsec-deny.block-b']);
    expect(files.get('calico/team-b.calico.yaml')?.[0]).toEqual(DENY_TIER);
  });

  test('each chart file alone defines every tier its policies name (the engine notes no missing tier)', () => {
    const app = unwritten();
    new Chart(app, 'platform');
    deny(new Chart(app, 'team-a'), 'block-a', 'a', '198.51.100.0/24');
    deny(new Chart(app, 'team-b'), 'block-b', 'b', '192.0.2.0/24');
    for (const [file, docs] of calicoFiles(app)) {
      const tiers = new Set(docs.filter((d) => d.kind === 'Tier').map((d) => d.metadata.name));
      for (const d of docs) if (d.spec.tier !== undefined) expect(`${file}: ${d.spec.tier} ${tiers.has(d.spec.tier)}`).toBe(`${file}: ${d.spec.tier} true`);
      const model = buildEngineModel(parseEngineInputs([{ file, text: yaml.dump(docs[0]) + '---\n' + yaml.dump(docs[1]) }]));
      expect(model.notes.filter((n) => n.includes('which no Tier resource defines'))).toEqual([]);
    }
  });

  test('a nested chart gets its own Tier too; a second DenyCidr in a chart reuses that chart\'s', () => {
    const app = unwritten();
    const parent = new Chart(app, 'platform');
    const child = new Chart(parent, 'dns');
    deny(parent, 'p1', 'p', '198.51.100.0/24');
    deny(child, 'c1', 'c', '192.0.2.0/24');
    deny(child, 'c2', 'c', '203.0.113.0/24');
    const files = calicoFiles(app);
    expect(files.get('calico/platform.calico.yaml')?.map((d) => d.kind)).toEqual(['Tier', 'NetworkPolicy']);
    expect(files.get('calico/platform-dns.calico.yaml')?.map((d) => d.kind)).toEqual(['Tier', 'NetworkPolicy', 'NetworkPolicy']);
  });

  test('a user Tier netsec-deny with another order in another chart is refused at synth, naming both', () => {
    const app = unwritten();
    new CalicoTier(new Chart(app, 'platform'), 'tier', { metadata: { name: 'netsec-deny' }, spec: { order: 50, defaultAction: 'Pass' } });
    deny(new Chart(app, 'team-a'), 'block-a', 'a', '198.51.100.0/24');
    expect(synthError(app)).toContain('duplicate resource projectcalico.org/Tier/netsec-deny: defined differently by platform/tier and '
      + 'team-a/NetsecDenyTier; allowed: the same Tier in several charts only when every definition is identical');
  });

  test('an identical user Tier in another chart is accepted (same key order or not); two in one chart are not', () => {
    const app = unwritten();
    new CalicoTier(new Chart(app, 'platform'), 'tier', { metadata: { name: 'netsec-deny' }, spec: { defaultAction: 'Pass', order: 100 } });
    deny(new Chart(app, 'team-a'), 'block-a', 'a', '198.51.100.0/24');
    expect(calicoFiles(app).get('calico/team-a.calico.yaml')?.[0]).toEqual(DENY_TIER);

    const twice = unwritten();
    const one = new Chart(twice, 'one');
    new CalicoTier(one, 't1', { metadata: { name: 'security' }, spec: { order: 10 } });
    new CalicoTier(one, 't2', { metadata: { name: 'security' }, spec: { order: 10 } });
    expect(synthError(twice)).toContain('duplicate resource projectcalico.org/Tier/security: defined by one/t1 and one/t2; each resource must be defined once per app');
  });
});
