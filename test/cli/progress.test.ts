// `netsec table` and `netsec lint` draw progress on stderr when it is a terminal, and never for
// JSON or SARIF output, under CI, or when stderr is not a terminal. The clock is faked so that
// every step counts as slow (progress appears only after a second).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../lib/cli/run';
import { inventory } from '../engine/helpers/world';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: only-a, namespace: x}
spec:
  podSelector: {matchLabels: {app: b}}
  ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}]}]
`;

async function run(tty: boolean, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stderrIsTTY: tty });
  return { code, out, err };
}

describe('progress of table and lint', () => {
  let dir: string;
  let args: string[];
  const savedCi = process.env.CI;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-cli-progress-'));
    fs.writeFileSync(path.join(dir, 'p.yaml'), POLICY);
    fs.writeFileSync(path.join(dir, 'c.yaml'), inventory([
      { ns: 'x', name: 'a', ip: '10.0.1.1', labels: { app: 'a' } },
      { ns: 'x', name: 'b', ip: '10.0.1.2', labels: { app: 'b' } },
    ]));
    args = ['--manifests', path.join(dir, 'p.yaml'), '--cluster', path.join(dir, 'c.yaml')];
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    delete process.env.CI;
    let t = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => (t += 2000));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    if (savedCi === undefined) delete process.env.CI;
    else process.env.CI = savedCi;
  });

  test('table on a terminal: progress on stderr, cleared at the end; stdout as without a terminal', async () => {
    const tty = await run(true, 'table', ...args, '--protocol', 'TCP', '--port', '80');
    const plain = await run(false, 'table', ...args, '--protocol', 'TCP', '--port', '80');
    expect(tty.code).toBe(0);
    expect(tty.out).toBe(plain.out);
    expect(plain.err).toBe('');
    expect(tty.err).toContain('netsec table: computing cells');
    expect(tty.err.endsWith('\r\x1b[K')).toBe(true);
  });

  test('table --format json: no progress even on a terminal', async () => {
    const r = await run(true, 'table', ...args, '--protocol', 'TCP', '--port', '80', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  test('lint on a terminal: progress on stderr, cleared at the end; stdout as without a terminal', async () => {
    const tty = await run(true, 'lint', ...args);
    const plain = await run(false, 'lint', ...args);
    expect(tty.out).toBe(plain.out);
    expect(tty.code).toBe(plain.code);
    expect(plain.err).toBe('');
    expect(tty.err).toContain('netsec lint: checking');
    expect(tty.err.endsWith('\r\x1b[K')).toBe(true);
  });

  test.each(['json', 'sarif'])('lint --format %s: no progress even on a terminal', async (format) => {
    const r = await run(true, 'lint', ...args, '--format', format);
    expect(r.err).toBe('');
  });

  test('under CI: no progress', async () => {
    process.env.CI = 'true';
    expect((await run(true, 'lint', ...args)).err).toBe('');
    expect((await run(true, 'table', ...args, '--protocol', 'TCP', '--port', '80')).err).toBe('');
  });
});
