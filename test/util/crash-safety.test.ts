// Issue 14 item 7: output written whole survives a SIGKILL. A run killed while writing leaves a
// temporary folder holding no file that `kubectl apply -R` or `calicoctl apply` reads (.yaml, .yml,
// .json), the output folder as it was, and the next run removes the leftover. The output folder
// and its subfolders get the usual modes under the umask (0755 under 022, 0750 under 027), not 0700.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomically } from '../../lib/util/atomic-write';

const ROOT = path.join(__dirname, '..', '..');
const CHILD = path.join(__dirname, 'crash-child.ts');
const APPLIED = ['.yaml', '.yml', '.json'];
const env = { ...process.env, CDK8S_CHECK_UPGRADE: 'false' };

function synth(outdir: string, mode: string, umask = '022'): void {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', CHILD, outdir, mode, umask], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child synth failed: ${r.stderr}`);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full).map((f) => `${e.name}/${f}`) : [e.name];
  }).sort();
}

/** Starts a synth that stops in the middle of writing; resolves once it said so. */
function startHangingSynth(outdir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', CHILD, outdir, 'hang', '022'], { cwd: ROOT, env });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('the child never reached mid-write')); }, 30000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('mid-write\n')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the child exited (${String(code)}) before mid-write`)); });
  });
}

const mode = (p: string): number => fs.statSync(p).mode & 0o777;
let parent = '';
beforeEach(() => { parent = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-crash-')); });
afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

describe('crash safety', () => {
  test('SIGKILL mid-write: nothing applicable is left, dist/ is intact, the next run cleans up', async () => {
    const outdir = path.join(parent, 'dist');
    synth(outdir, 'old');
    expect(filesUnder(outdir)).toEqual(['.netsec-synth', 'calico/old.calico.yaml', 'kubernetes/old.k8s.yaml']);

    const child = await startHangingSynth(outdir);
    const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const leftovers = fs.readdirSync(parent).filter((n) => n.startsWith('.netsec-tmp-'));
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(new RegExp(`^\\.netsec-tmp-dist-${child.pid}-[0-9a-f]{12}$`));
    const inLeftover = filesUnder(path.join(parent, leftovers[0]));
    expect(inLeftover.length).toBeGreaterThan(0); // it really was killed while writing
    expect(inLeftover.filter((f) => APPLIED.includes(path.extname(f)))).toEqual([]); // what `kubectl apply -R -f <parent>` would read
    expect(filesUnder(outdir)).toEqual(['.netsec-synth', 'calico/old.calico.yaml', 'kubernetes/old.k8s.yaml']);

    synth(outdir, 'new');
    expect(fs.readdirSync(parent)).toEqual(['dist']);
    expect(filesUnder(outdir)).toEqual(['.netsec-synth', 'calico/web.calico.yaml', 'kubernetes/web.k8s.yaml']);
  }, 90000);

  test('a temporary of a run still going (its process alive) is left alone', () => {
    const outdir = path.join(parent, 'dist');
    const live = path.join(parent, `.netsec-tmp-dist-${process.pid}-0123456789ab`);
    fs.mkdirSync(live);
    synth(outdir, 'new');
    expect(fs.existsSync(live)).toBe(true);
  }, 60000);

  test.each([['022', 0o755, 0o644], ['027', 0o750, 0o640]])('under umask %s, folders and files get the umask\'s modes', (umask, dirMode, fileMode) => {
    const outdir = path.join(parent, 'dist');
    synth(outdir, 'new', umask);
    expect(mode(outdir).toString(8)).toBe(dirMode.toString(8));
    expect(mode(path.join(outdir, 'kubernetes')).toString(8)).toBe(dirMode.toString(8));
    expect(mode(path.join(outdir, 'kubernetes', 'web.k8s.yaml')).toString(8)).toBe(fileMode.toString(8));
  }, 60000);

  test('writeFileAtomically removes the partial file a killed run left beside it', () => {
    const file = path.join(parent, 'report.html');
    const stale = path.join(parent, '.netsec-tmp-report.html-4194305-0123456789ab.netsec-partial'); // above Linux's pid_max
    fs.writeFileSync(stale, 'half a report');
    writeFileAtomically(file, '<html></html>\n');
    expect(fs.readdirSync(parent)).toEqual(['report.html']);
  });
});
