// `netsec --help` start-up time: a fresh node process each run, median of 5.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { median } from './timing';

/** Median wall time of `node bin/netsec --help` in ms, or an error text. */
export function startupMs(root: string, runs = 5): { ms?: number; error?: string } {
  const bin = path.join(root, 'bin', 'netsec');
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', timeout: 30_000 });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) return { error: `exit ${r.status}: ${(r.stderr || '').trim().split('\n')[0]}` };
    if (i > 0) times.push(ms); // the first run warms the file cache
  }
  return { ms: median(times) };
}
