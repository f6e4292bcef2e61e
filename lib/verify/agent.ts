// Starting listeners and running probe batches with the Python agent inside namespaces.
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import { AGENT_SOURCE } from './agent-source';
import { runCommand, runInNamespace } from './exec';

let pythonPath: string | undefined;

/** The absolute path of python3 (resolved once, so `ip netns exec` needs no shell shims). */
async function findPython(): Promise<string> {
  if (pythonPath === undefined) {
    const out = await runCommand(['python3', '-c', 'import sys; print(sys.executable)'], { timeoutMs: 10000 });
    pythonPath = out.stdout.trim();
  }
  return pythonPath;
}

/** An address and port to listen on. */
export interface ListenAddress {
  readonly ip: string;
  readonly port: number;
}

/** A running listener; `stop` ends it (by its process id). */
export interface Listener {
  readonly ns: string;
  stop(): void;
}

/** Starts a TCP-accept / UDP-echo / IP-in-IP-echo listener in `ns`; resolves once it is bound. */
export async function startListener(
  ns: string, tcp: readonly ListenAddress[], udp: readonly ListenAddress[], lifetimeSeconds: number, ipip: readonly string[] = [],
): Promise<Listener> {
  const python = await findPython();
  const spec = JSON.stringify({
    tcp: tcp.map((a) => [a.ip, a.port]),
    udp: udp.map((a) => [a.ip, a.port]),
    ipip,
    lifetime: lifetimeSeconds,
  });
  const child = spawn('ip', ['netns', 'exec', ns, python, '-c', AGENT_SOURCE, 'serve', spec], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stop = (): void => {
    if (child.exitCode === null && child.pid !== undefined) {
      try { process.kill(child.pid, 'SIGKILL'); } catch { /* already ended */ }
    }
  };
  await waitReady(child, ns, 15000).catch((e: unknown) => {
    stop();
    throw e;
  });
  return { ns, stop };
}

function waitReady(child: ChildProcessWithoutNullStreams, ns: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`listener in ${ns} not ready after ${timeoutMs} ms: ${err}`)), timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`listener in ${ns} exited (code ${code}): ${err.trim()}`));
    });
  });
}

/** One probe for the agent. */
export interface AgentProbe {
  readonly id: string;
  /** `tcp`, `udp`, `icmp` or `ipip` (IP protocol 4, IPv4 only). */
  readonly proto: string;
  readonly src: string;
  readonly dst: string;
  /** 0 for ICMP and IP-in-IP. */
  readonly port: number;
  /** ICMP echo identifier (unique within a batch). */
  readonly ident: number;
}

/** What the agent saw for one probe. */
export interface AgentResult {
  readonly id: string;
  /** True when the connection, echo or ping reply came back. */
  readonly ok: boolean;
  /** `connected`, `echo`, `echo-reply`, `timeout`, `refused` or an error. */
  readonly detail: string;
}

/** Runs probes from namespace `ns`, at most `parallel` at once, each bounded by `timeoutSeconds`. */
export async function runAgentProbes(
  ns: string, probes: readonly AgentProbe[], timeoutSeconds: number, parallel: number,
): Promise<AgentResult[]> {
  if (probes.length === 0) return [];
  const python = await findPython();
  const rounds = Math.ceil(probes.length / parallel);
  const out = await runInNamespace(ns, [python, '-c', AGENT_SOURCE, 'probe'], {
    input: JSON.stringify({ probes, timeout: timeoutSeconds, parallel }),
    timeoutMs: Math.ceil(rounds * timeoutSeconds * 1000 * 1.5) + 15000,
  });
  const parsed = JSON.parse(out.stdout) as { results: AgentResult[] };
  return parsed.results;
}
