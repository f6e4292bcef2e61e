// Issue 14 item 8: a reusable construct library built on cdk8s-netsec, shared the way a real team
// shares one. examples/company-baseline (its own package.json, tests with the matchers) is built,
// tested and packed against the packed cdk8s-netsec; examples/baseline-app installs both tarballs
// and synthesises two team charts with the cdk8s CLI. Each team chart's Calico file carries the
// netsec-deny Tier its DenyCidr needs, so each applies on its own.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const env = { ...process.env, CDK8S_CHECK_UPGRADE: 'false', CI: 'true' };

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
  } catch (e) {
    const out = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${out.stdout ?? ''}\n${out.stderr ?? ''}`);
  }
}

/** Copies an example folder without what a build or install adds. */
function copyExample(name: string, to: string): void {
  fs.cpSync(path.join(ROOT, 'examples', name), to, { recursive: true, filter: (src) => !/[/\\](node_modules|build|dist)$/.test(src) });
}

const pack = (dir: string, into: string): string =>
  path.join(into, (JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into], dir)) as { filename: string }[])[0].filename);

const INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

test('the company baseline library is built, tested and packed; the app installs it and synthesises team charts that apply on their own', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-library-'));
  try {
    if (!fs.existsSync(path.join(ROOT, 'build', 'index.js'))) run('npm', ['run', 'build'], ROOT);
    const netsec = pack(ROOT, work);

    const lib = path.join(work, 'company-baseline');
    copyExample('company-baseline', lib);
    run('npm', [...INSTALL, '--save-dev', netsec], lib);
    run('npm', ['run', 'build'], lib);
    const tested = run('npx', ['jest', '--ci'], lib);
    expect(tested).toBeDefined();
    const baseline = pack(lib, work);

    const app = path.join(work, 'baseline-app');
    copyExample('baseline-app', app);
    run('npm', [...INSTALL, netsec, baseline], app);
    run('npx', ['tsc', '-p', 'tsconfig.json'], app);
    run('npx', ['cdk8s', 'synth'], app);

    const dist = path.join(app, 'dist');
    const list = (sub: string): string[] => fs.readdirSync(path.join(dist, sub)).sort();
    expect(fs.readdirSync(dist).sort()).toEqual(['.netsec-synth', 'calico', 'kubernetes']);
    expect(list('kubernetes')).toEqual(['billing.k8s.yaml', 'shop.k8s.yaml']);
    expect(list('calico')).toEqual(['billing.calico.yaml', 'shop.calico.yaml']);
    for (const team of ['billing', 'shop']) {
      const calico = fs.readFileSync(path.join(dist, 'calico', `${team}.calico.yaml`), 'utf8');
      expect(calico.indexOf('kind: Tier\n')).toBeGreaterThanOrEqual(0);
      expect(calico.indexOf('kind: Tier\n')).toBeLessThan(calico.indexOf(`name: netsec-deny.blocked`));
      expect(calico).toContain(`namespace: ${team}\n`);
    }
    expect(fs.readFileSync(path.join(dist, 'kubernetes', 'shop.k8s.yaml'), 'utf8')).toContain('name: api-from-web\n');
    // the installed netsec command takes the synth output as it is
    expect(run('npx', ['netsec', 'validate', '--manifests', 'dist/'], app)).toBeDefined();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}, 600000);
