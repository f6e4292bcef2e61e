import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Packs the library (building it first when build/ is missing; `npm test` builds before jest),
 * installs the tarball into a fresh TypeScript project, then compiles and runs a small consumer
 * program against it.
 */
const ROOT = path.resolve(__dirname, '../..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const CONSUMER = `
import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { CalicoGlobalNetworkPolicy, KubeNetworkPolicy, NetsecApp } from 'cdk8s-netsec';
import { loadEngineInputs } from 'cdk8s-netsec/engine';

const outdir = process.argv[2];
const app = new NetsecApp({ outdir });
const chart = new Chart(app, 'smoke', { namespace: 'shop' });
new KubeNetworkPolicy(chart, 'deny', { metadata: { name: 'default-deny' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
new CalicoGlobalNetworkPolicy(chart, 'icmp', {
  metadata: { name: 'allow-icmp' },
  spec: { order: 100, selector: 'all()', ingress: [{ action: 'Allow', protocol: 'ICMP' }] },
});
app.synth();
const read = loadEngineInputs({ manifests: [outdir] });
console.log('engine read ' + read.resources.length + ' resources');
console.log(JSON.stringify(fs.readdirSync(outdir).sort()));
`;

/** Runs a command; on failure the error carries its output, so the test report shows why. */
function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' } });
  } catch (e) {
    const out = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${out.stdout ?? ''}\n${out.stderr ?? ''}`);
  }
}

describe('the packed package', () => {
  test('installs into a fresh TypeScript project, compiles and synthesises', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-pack-'));
    try {
      if (!fs.existsSync(path.join(ROOT, 'build', 'index.js'))) run('npm', ['run', 'build'], ROOT);
      const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
      const files = packed[0].files.map((f) => f.path);
      expect(files).toEqual(expect.arrayContaining(['build/index.js', 'build/index.d.ts', 'package.json']));
      expect(files.filter((f) => f.startsWith('test/') || f.startsWith('lib/') || f.endsWith('.test.js'))).toEqual([]);

      const project = path.join(work, 'consumer');
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'netsec-consumer', version: '1.0.0', private: true }));
      run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(work, packed[0].filename)], project);

      fs.writeFileSync(path.join(project, 'main.ts'), CONSUMER);
      fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, outDir: 'out',
          typeRoots: [path.join(ROOT, 'node_modules', '@types')], types: ['node'],
        },
        files: ['main.ts'],
      }));
      run(process.execPath, [TSC, '-p', 'tsconfig.json'], project);

      const outdir = path.join(project, 'dist');
      const listed = run(process.execPath, [path.join(project, 'out', 'main.js'), outdir], project);
      expect(listed).toContain('engine read 2 resources\n'); // the cdk8s-netsec/engine entry resolves, typed
      expect(JSON.parse(listed.trim().split('\n').pop() ?? '')).toEqual(['.netsec-synth', 'calico', 'kubernetes']);
      expect(fs.readFileSync(path.join(outdir, 'kubernetes', 'smoke.k8s.yaml'), 'utf8')).toBe([
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata:',
        '  name: default-deny',
        '  namespace: shop',
        'spec:',
        '  podSelector: {}',
        '  policyTypes:',
        '    - Ingress',
        '',
      ].join('\n'));
      const calico = fs.readFileSync(path.join(outdir, 'calico', 'smoke.calico.yaml'), 'utf8');
      expect(calico).toContain('kind: GlobalNetworkPolicy\n');
      expect(calico).not.toContain('namespace');
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 300000);
});
