// A run interrupted by SIGTERM or SIGINT still removes its namespaces (lib/verify/signal-cleanup.ts):
// a child process builds a topology and waits; the signal ends it and no namespace of it is left.
import { spawn } from 'child_process';
import { join } from 'path';
import { listNamespaces } from '../../lib/verify/namespaces';
import { kernelIt } from './support';

const SCRIPT = `
const { buildTopology } = require(${JSON.stringify(join(__dirname, '../../lib/verify/topology'))});
buildTopology({ workloads: [], links: [{ interfaceName: 'eth1', nodeIps: ['203.0.113.10'], peerIps: ['203.0.113.1'] }] })
  .then((t) => { process.stdout.write('BUILT ' + t.tag + '\\n'); setTimeout(() => process.exit(3), 30000); });
`;

async function interrupted(signal: NodeJS.Signals): Promise<{ tag: string; code: number | null }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const tag = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no topology after 40 s: ${err}`)); }, 40000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /BUILT (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  child.kill(signal);
  return { tag, code: await exited };
}

describe('namespaces of an interrupted run', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    kernelIt(`are removed on ${signal}`, async () => {
      const r = await interrupted(signal);
      expect(r.code).toBe(code);
      expect((await listNamespaces()).filter((n) => n.startsWith(`${r.tag}-`))).toEqual([]);
    }, 90000);
  }
});
