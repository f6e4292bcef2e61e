// An interrupted run (SIGINT or SIGTERM while its namespaces exist) removes them before it exits.
import { spawn } from 'child_process';
import { join } from 'path';
import { listNamespaces } from '../../lib/verify/namespaces';
import { kernelIt } from './support';

const SCRIPT = join(__dirname, 'fixtures', 'interrupt', 'hold-topology.ts');

function holdAndInterrupt(signal: NodeJS.Signals): Promise<{ code: number | null; pid: number; ready: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no READY within 60 s: ${err}`));
    }, 60000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n') && out.startsWith('READY')) child.kill(signal);
    });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, pid: child.pid ?? -1, ready: out.trim() });
    });
  });
}

describe('interrupted kernel runs', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    kernelIt(`${signal} while the topology exists: every namespace of the run is removed, exit ${signal === 'SIGINT' ? 130 : 143}`, async () => {
      const r = await holdAndInterrupt(signal);
      expect(r.ready).toMatch(/^READY nsec-[0-9a-z]+-[0-9a-f]{4}-node$/);
      expect(r.code).toBe(signal === 'SIGINT' ? 130 : 143);
      const prefix = `nsec-${r.pid.toString(36)}-`;
      expect((await listNamespaces()).filter((n) => n.startsWith(prefix))).toEqual([]);
    }, 90000);
  }
});
