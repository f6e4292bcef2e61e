// Output formats (text, JSON, SARIF 2.1.0), the CLI command and the synth hook.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LINT_RULES, formatJson, formatSarif, formatText, lintChartManifests } from '../../lib/lint';
import { command } from '../../lib/cli/commands/lint';
import { lint } from './helpers';

const BAD = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: to-svc, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{to: [{ipBlock: {cidr: 172.21.0.10/32}}], ports: [{protocol: UDP, port: 53}]}]
`;

describe('catalogue', () => {
  test('ids are unique, NS001.., each with a severity and a one-line rationale', () => {
    expect(new Set(LINT_RULES.map((r) => r.id)).size).toBe(LINT_RULES.length);
    for (const r of LINT_RULES) {
      expect(r.id).toMatch(/^NS\d{3}$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.rationale).not.toContain('\n');
    }
  });
});

describe('formats', () => {
  const findings = lint(BAD, false);
  test('text: one line per finding with location, severity and id, then counts', () => {
    const text = formatText(findings);
    expect(text).toContain('m.yaml#0 (NetworkPolicy shop/to-svc, spec.egress[0].to[0].ipBlock.cidr): error NS010: ');
    expect(text.trim().split('\n').pop()).toBe('1 error(s), 0 warning(s), 0 info');
    expect(formatText([])).toBe('no findings\n');
  });
  test('json: findings, summary and the rules used', () => {
    const json = JSON.parse(formatJson(findings));
    expect(json.summary).toEqual({ error: 1, warning: 0, info: 0 });
    expect(json.findings[0]).toMatchObject({ ruleId: 'NS010', severity: 'error', location: { file: 'm.yaml', documentIndex: 0, name: 'to-svc' } });
    expect(json.rules.map((r: { id: string }) => r.id)).toEqual(['NS010']);
  });
  test('sarif: version 2.1.0, every rule as a descriptor, results with ruleIndex, level and locations', () => {
    const sarif = JSON.parse(formatSarif(findings, '1.2.3'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const run = sarif.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'netsec-lint', version: '1.2.3' });
    expect(run.tool.driver.rules).toHaveLength(LINT_RULES.length);
    expect(run.tool.driver.rules[9]).toMatchObject({ id: 'NS010', defaultConfiguration: { level: 'error' } });
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      ruleId: 'NS010', ruleIndex: 9, level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'm.yaml' } },
        logicalLocations: [{ fullyQualifiedName: 'NetworkPolicy/shop/to-svc#spec.egress[0].to[0].ipBlock.cidr' }] }],
    });
  });
  test('sarif: info maps to note', () => {
    const sarif = JSON.parse(formatSarif([{ ruleId: 'NS004', severity: 'info', message: 'm', location: {} }], '0'));
    expect(sarif.runs[0].results[0].level).toBe('note');
    expect(sarif.runs[0].results[0].locations).toEqual([{}]);
  });
});

describe('netsec lint', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-lint-'));
    fs.writeFileSync(path.join(dir, 'bad.yaml'), BAD);
    fs.writeFileSync(path.join(dir, 'ok.yaml'), BAD.replace('172.21.0.10/32', '198.51.100.0/24'));
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'kind: [');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = command.run(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    return { code, stdout, stderr };
  };
  test('exit 1 when there is an error finding', () => {
    const r = run(['--manifests', path.join(dir, 'bad.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error NS010');
  });
  test('exit 0 when clean; --format json', () => {
    const r = run(['--manifests', path.join(dir, 'ok.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.error).toBe(0);
  });
  test('--format sarif and --service-cidr', () => {
    const r = run(['--manifests', path.join(dir, 'bad.yaml'), '--format', 'sarif', '--service-cidr', '10.96.0.0/12']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs[0].results).toEqual([]);
  });
  test('usage errors throw UsageError (the dispatcher exits 2)', () => {
    expect(() => run([])).toThrow('--manifests is required');
    expect(() => run(['--manifests', 'x', '--format', 'xml'])).toThrow(/--format must be one of text, json, sarif/);
  });
  test('input errors are ManifestError / InputError (the dispatcher exits 2)', () => {
    expect(() => run(['--manifests', path.join(dir, 'broken.yaml')])).toThrow(expect.objectContaining({ name: 'ManifestError' }));
    expect(() => run(['--manifests', path.join(dir, 'missing.yaml')])).toThrow(expect.objectContaining({ name: 'InputError' }));
  });
  test('--rules lists the catalogue', () => {
    const r = run(['--rules']);
    expect(r.stdout.trim().split('\n')).toHaveLength(LINT_RULES.length);
  });
});

describe('lint at synth', () => {
  test('errors and warnings are lines naming the chart path, the resource and the rule', () => {
    const r = lintChartManifests([{
      chartPath: 'app/shop',
      kubernetes: [{
        apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'to-svc', namespace: 'shop' },
        spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '172.21.0.10/32' } }] }] },
      }],
      calico: [{
        apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'no-telnet' },
        spec: { ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [23] } }] },
      }],
    }]);
    expect(r.errors).toEqual([expect.stringMatching(/^app\/shop: NetworkPolicy shop\/to-svc \(spec\.egress\[0\]\.to\[0\]\.ipBlock\.cidr\): \[NS010\] /)]);
    expect(r.warnings).toEqual([expect.stringMatching(/^app\/shop: GlobalNetworkPolicy no-telnet \(spec\.ingress\[0\]\): \[NS011\] /)]);
  });
});
