// Decides whether the real-kernel tests can run here. Outside CI they are skipped (the test name
// says why) when the machine cannot create network namespaces; with CI=true they always run.
import { spawnSync } from 'child_process';

function run(argv: string[]): { ok: boolean; text: string } {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', timeout: 10000 });
  return { ok: r.status === 0, text: `${r.stderr ?? ''}${r.error?.message ?? ''}`.trim() };
}

/** Why the kernel tests cannot run here, or '' when they can. */
function missingSupport(): string {
  if (process.platform !== 'linux') return 'not Linux';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not root';
  for (const tool of [['ip', '-V'], ['iptables-restore', '--version'], ['ipset', '--version'], ['python3', '--version']]) {
    if (!run(tool).ok) return `${tool[0]} not available`;
  }
  const ns = `nsec-${process.pid.toString(36)}-0000-support`;
  const add = run(['ip', 'netns', 'add', ns]);
  run(['ip', 'netns', 'delete', ns]);
  return add.ok ? '' : `cannot create network namespaces (${add.text})`;
}

const reason = missingSupport();
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

/**
 * `it` for a test that needs root and network namespaces. When they are missing: in CI the test
 * runs and fails with the reason; elsewhere it is skipped with the reason in its name.
 */
export function kernelIt(name: string, fn: () => Promise<void>, timeoutMs: number): void {
  if (reason === '') it(name, fn, timeoutMs);
  else if (inCi) it(name, () => { throw new Error(`kernel test cannot run in CI: ${reason}`); });
  else it.skip(`${name} (skipped: ${reason}; needs root, iproute2, iptables, ipset, python3)`, fn);
}
