// The README's promises: its first example is the file examples/quickstart/main.ts, and it synthesises.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function firstTypeScriptBlockAfter(heading: string): string {
  const start = README.indexOf(heading);
  const open = README.indexOf('```ts\n', start) + '```ts\n'.length;
  return README.slice(open, README.indexOf('```\n', open));
}

test('the README starts with the synth and test commands', () => {
  const firstBlock = README.slice(README.indexOf('```sh\n') + 6, README.indexOf('```\n'));
  expect(firstBlock).toContain('npm ci && npx cdk8s synth');
  expect(firstBlock).toContain('npm test');
  expect(README.indexOf('```sh\n')).toBeLessThan(40);
});

test('the first chart example is examples/quickstart/main.ts with the package import', () => {
  const file = fs.readFileSync(path.join(ROOT, 'examples', 'quickstart', 'main.ts'), 'utf8');
  const body = file.slice(file.indexOf('\n') + 1).replace("from '../../lib';", "from 'cdk8s-netsec';");
  expect(body).toBe(firstTypeScriptBlockAfter('## A first chart'));
});

test('the first chart example synthesises the files the README lists', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-readme-'));
  try {
    execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'examples', 'quickstart', 'main.ts')], {
      cwd: ROOT, env: { ...process.env, CDK8S_OUTDIR: outdir, CDK8S_CHECK_UPGRADE: 'false' }, stdio: 'pipe',
    });
    const files = fs.readdirSync(outdir).filter((f) => !f.startsWith('.')).sort();
    expect(files).toEqual(['calico', 'inventory', 'iptables', 'kubernetes']);
    expect(fs.readdirSync(path.join(outdir, 'iptables')).sort())
      .toEqual(['worker-1.endpoints.json', 'worker-1.ipsets', 'worker-1.iptables']);
    expect(fs.readFileSync(path.join(outdir, 'kubernetes', 'shop.k8s.yaml'), 'utf8')).toContain('name: backend-from-frontend');
    expect(fs.readFileSync(path.join(outdir, 'calico', 'shop.calico.yaml'), 'utf8')).toContain('name: worker-1-worker-public');
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
