// Issue 14 item 6: the packed package in a project set up the way `cdk8s init typescript-app`
// sets one up (its tsconfig, taken from cdk8s-cli's template: CommonJS module resolution, which
// ignores package.json `exports`). cdk8s and constructs are peer dependencies; the matcher types
// resolve and type-check, the matchers run
// under Jest with `cdk8s-netsec/testing/setup`, `cdk8s synth` writes the documented layout, and the
// tarball carries the LICENSE.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = (p: string): string => path.join(ROOT, 'node_modules', ...p.split('/'));
const env = { ...process.env, CDK8S_CHECK_UPGRADE: 'false', CI: 'true' };

const MAIN = `import { Chart } from 'cdk8s';
import { DefaultDeny, NetsecApp, PolicyTarget } from 'cdk8s-netsec';

const app = new NetsecApp();
new DefaultDeny(new Chart(app, 'shop'), 'default-deny', { target: PolicyTarget.namespace('shop'), allowDns: true });
app.synth();
`;

const TEST = `import { Chart, Testing } from 'cdk8s';
import { AllowFromPods, DefaultDeny, LabelSelector, PolicyTarget, Port } from 'cdk8s-netsec';
import 'cdk8s-netsec/testing';

const INVENTORY = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'frontend', namespace: 'shop', labels: { app: 'frontend' } }, spec: { nodeName: 'n1' }, status: { podIP: '192.0.2.10' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'backend', namespace: 'shop', labels: { app: 'backend' } }, spec: { nodeName: 'n1' }, status: { podIP: '192.0.2.11' } },
];

test('the frontend reaches the backend on 8080 only', () => {
  const chart = new Chart(Testing.app(), 'shop');
  new DefaultDeny(chart, 'default-deny', { target: PolicyTarget.namespace('shop'), egress: false });
  new AllowFromPods(chart, 'backend-from-frontend', {
    target: PolicyTarget.pods('shop', LabelSelector.of({ app: 'backend' })), fromPods: LabelSelector.of({ app: 'frontend' }), ports: [Port.tcp(8080)],
  });
  expect(chart).toAllow({ from: 'shop/frontend', to: 'shop/backend', port: Port.tcp(8080) }, INVENTORY);
  expect(chart).toDeny({ from: 'shop/frontend', to: 'shop/backend', port: Port.tcp(22) }, INVENTORY);
});
`;

const JEST_CONFIG = `module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.test.ts'],
  transform: { '^.+\\\\.ts$': [${JSON.stringify(BIN('ts-jest'))}, { diagnostics: false }] },
  setupFilesAfterEnv: ['cdk8s-netsec/testing/setup'],
};
`;

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
  } catch (e) {
    const out = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${out.stdout ?? ''}\n${out.stderr ?? ''}`);
  }
}

describe('a consumer project shaped by cdk8s init', () => {
  test('peer dependencies, matcher types, Jest with the setup file, cdk8s synth; the tarball has a LICENSE', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-consumer-'));
    try {
      if (!fs.existsSync(path.join(ROOT, 'build', 'index.js'))) run('npm', ['run', 'build'], ROOT);
      const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
      expect(packed[0].files.map((f) => f.path)).toContain('LICENSE');

      const project = path.join(work, 'shop');
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'shop', version: '1.0.0', private: true }));
      run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(work, packed[0].filename)], project);

      // cdk8s and constructs are peer dependencies, as construct libraries declare them: one copy, the app's
      const installed = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'cdk8s-netsec', 'package.json'), 'utf8')) as
        { dependencies?: { [key: string]: string }; peerDependencies?: { [key: string]: string } };
      expect(Object.keys(installed.peerDependencies ?? {}).sort()).toEqual(['cdk8s', 'constructs']);
      expect(Object.keys(installed.dependencies ?? {}).filter((d) => d === 'cdk8s' || d === 'constructs')).toEqual([]);
      expect(fs.existsSync(path.join(project, 'node_modules', 'cdk8s', 'package.json'))).toBe(true);
      expect(fs.existsSync(path.join(project, 'node_modules', 'cdk8s-netsec', 'node_modules', 'cdk8s'))).toBe(false);

      // cdk8s init's tsconfig, as the CLI's template writes it; the types come from this repo's @types
      const tsconfig = JSON.parse(fs.readFileSync(BIN('cdk8s-cli/templates/typescript-app/tsconfig.json'), 'utf8')) as { compilerOptions: { [key: string]: unknown } };
      expect(tsconfig.compilerOptions.module).toBe('CommonJS');
      expect(tsconfig.compilerOptions.moduleResolution).toBeUndefined(); // node10: package.json `exports` is not read
      tsconfig.compilerOptions = { ...tsconfig.compilerOptions, noEmit: true, typeRoots: [BIN('@types')], types: ['node', 'jest'] };
      fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
      fs.writeFileSync(path.join(project, 'main.ts'), MAIN);
      fs.writeFileSync(path.join(project, 'shop.test.ts'), TEST);
      fs.writeFileSync(path.join(project, 'jest.config.js'), JEST_CONFIG);
      fs.writeFileSync(path.join(project, 'cdk8s.yaml'), `language: typescript\napp: node -r ${BIN('ts-node/register/transpile-only')} main.ts\n`);

      run(process.execPath, [BIN('typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
      expect(run(process.execPath, [BIN('jest/bin/jest.js'), '--ci', '--config', 'jest.config.js'], project)).toBeDefined();
      run(process.execPath, [BIN('cdk8s-cli/bin/cdk8s'), 'synth'], project);
      expect(fs.readdirSync(path.join(project, 'dist')).sort()).toEqual(['.netsec-synth', 'kubernetes']);
      expect(fs.readFileSync(path.join(project, 'dist', 'kubernetes', 'shop.k8s.yaml'), 'utf8')).toContain('name: default-deny\n');
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 300000);
});
