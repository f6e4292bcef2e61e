// Sends the probes: listeners in every destination namespace, then one agent per source namespace,
// a bounded number of namespaces at a time. Listeners are always stopped.
import { AgentProbe, AgentResult, ListenAddress, Listener, runAgentProbes, startListener } from './agent';
import { mapBounded } from './exec';
import { ProbeFlow } from './flows';

/** Options of {@link sendProbes}. */
export interface ProbeOptions {
  /** Seconds each probe may take before it counts as blocked. @default 1.5 */
  readonly timeoutSeconds?: number;
  /** Probes in flight per source namespace. @default 48 */
  readonly parallelPerSource?: number;
  /** Source namespaces probing at once. @default 3 */
  readonly parallelSources?: number;
}

function groupBy<K>(flows: readonly ProbeFlow[], key: (f: ProbeFlow) => K): Map<K, ProbeFlow[]> {
  const out = new Map<K, ProbeFlow[]>();
  for (const f of flows) {
    const k = key(f);
    const list = out.get(k) ?? [];
    list.push(f);
    out.set(k, list);
  }
  return out;
}

function uniqueAddresses(list: ListenAddress[]): ListenAddress[] {
  const seen = new Map<string, ListenAddress>();
  for (const a of list) seen.set(`${a.ip}|${a.port}`, a);
  return [...seen.values()];
}

async function startListeners(flows: readonly ProbeFlow[], lifetimeSeconds: number): Promise<Listener[]> {
  const listeners: Listener[] = [];
  try {
    const at = (f: ProbeFlow): ListenAddress => (f.listen ? { ip: f.listen.ip, port: f.listen.port } : { ip: f.destination.ip, port: f.port ?? 0 });
    for (const [ns, list] of groupBy(flows, (f) => f.listen?.ns ?? f.destination.ns)) {
      const tcp = uniqueAddresses(list.filter((f) => f.protocol === 'TCP').map(at));
      const udp = uniqueAddresses(list.filter((f) => f.protocol === 'UDP').map(at));
      const ipip = [...new Set(list.filter((f) => f.protocol === 'IPIP').map((f) => f.destination.ip))];
      if (tcp.length + udp.length + ipip.length > 0) listeners.push(await startListener(ns, tcp, udp, lifetimeSeconds, ipip));
    }
    return listeners;
  } catch (e) {
    listeners.forEach((l) => l.stop());
    throw e;
  }
}

/** Sends every flow's probe; returns what each saw, by flow id. */
export async function sendProbes(flows: readonly ProbeFlow[], options: ProbeOptions = {}): Promise<Map<string, AgentResult>> {
  const timeout = options.timeoutSeconds ?? 1.5;
  const perSource = options.parallelPerSource ?? 48;
  const bySource = [...groupBy(flows, (f) => f.source.ns).entries()];
  const sourcesAtOnce = options.parallelSources ?? 3;
  const worstCase = Math.ceil(bySource.length / sourcesAtOnce) * Math.max(1, ...bySource.map(([, l]) => Math.ceil(l.length / perSource))) * timeout;
  const listeners = await startListeners(flows, Math.ceil(worstCase * 2) + 60);
  try {
    const results = new Map<string, AgentResult>();
    await mapBounded(bySource, sourcesAtOnce, async ([ns, list]) => {
      const probes: AgentProbe[] = list.map((f, i) => ({
        id: f.id,
        proto: f.protocol.toLowerCase(),
        src: f.source.ip,
        dst: f.destination.ip,
        port: f.port ?? 0,
        ident: 0x4e00 + i,
      }));
      for (const r of await runAgentProbes(ns, probes, timeout, perSource)) results.set(r.id, r);
    });
    return results;
  } finally {
    listeners.forEach((l) => l.stop());
  }
}
