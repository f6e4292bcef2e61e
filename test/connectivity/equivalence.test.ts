// `connectivity` against a pod-by-pod, port-by-port evaluation (the engine's evaluateFlow, as
// `check` runs it) on seeded random clusters: for every pair of parties, at every port the
// manifests name (and its neighbours), both ends of every printed interval and of the whole port
// range, the listed connection set says allowed exactly when the flow is allowed. Pairs not listed
// must be denied at all of those points. External ranges are probed at their first, last and a
// middle address.
import { computeConnectivity } from '../../lib/connectivity';
import { BuiltModel, Endpoint, FlowParty, buildEngineModel, evaluateFlow, parseEngineInputs } from '../../lib/engine';
import { generateScenario, scenarioSources } from '../../lib/verify/scenario/generate';
import { IPv4 } from 'ip-num';

type Allowed = (protocol: number, port: number | undefined) => boolean;
const NAMES: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132, ICMP: 1, ICMPv6: 58 };

/** Reads `All Connections` or `TCP 1-79,81-65535,UDP 53,ICMP 0,8,protocol 112,protocols 2-5`. */
function parseConn(text: string): Allowed {
  if (text === 'All Connections') return () => true;
  const allowed = new Map<number, [number, number][] | 'all'>();
  let current: { protocols?: [number, number][]; protocol?: number } = {};
  const others: [number, number][] = [];
  const range = (t: string): [number, number] => {
    const [a, b] = t.split('-').map(Number);
    return [a, b ?? a];
  };
  for (const token of text.split(',')) {
    const m = /^(TCP|UDP|SCTP|ICMPv6|ICMP|protocols|protocol)(?: (.*))?$/.exec(token);
    if (m) {
      if (m[1] === 'protocols') {
        others.push(range(m[2]));
        current = { protocols: others };
        allowed.set(-1, 'all');
      } else {
        const n = m[1] === 'protocol' ? Number(m[2]) : NAMES[m[1]];
        current = { protocol: n };
        allowed.set(n, m[1] === 'protocol' || !m[2] ? 'all' : [range(m[2])]);
      }
      continue;
    }
    if (current.protocols) current.protocols.push(range(token));
    else if (current.protocol !== undefined) {
      const list = allowed.get(current.protocol);
      if (Array.isArray(list)) list.push(range(token.split('/')[0]));
    }
  }
  return (protocol, port) => {
    const entry = allowed.get(protocol);
    if (entry === 'all') return true;
    if (entry) return port !== undefined && entry.some(([a, b]) => a <= port && port <= b);
    return allowed.has(-1) && others.some(([a, b]) => a <= protocol && protocol <= b);
  };
}

function addressesOf(name: string): string[] {
  return name.split(',').flatMap((r) => {
    const [lo, hi] = r.includes('/')
      ? (() => {
        const [a, len] = r.split('/');
        const first = IPv4.fromString(a).getValue();
        return [first, first + (1n << BigInt(32 - Number(len))) - 1n];
      })()
      : r.split('-').map((x) => IPv4.fromString(x).getValue());
    return [lo, (lo + hi) / 2n, hi].map((v) => IPv4.fromNumber(v).toString());
  });
}

/** The Node addresses (IPv4) inside the ranges of an external party's name. */
function nodeAddressesIn(model: BuiltModel, name: string): string[] {
  const ranges = name.split(',').map((r) => {
    if (r.includes('/')) {
      const [a, len] = r.split('/');
      const first = IPv4.fromString(a).getValue();
      return [first, first + (1n << BigInt(32 - Number(len))) - 1n];
    }
    return r.split('-').map((x) => IPv4.fromString(x).getValue());
  });
  return model.nodes.flatMap((n) => n.addresses.map((a) => a.address)).filter((ip) => /^\d+\.\d+\.\d+\.\d+$/.test(ip)).filter((ip) => {
    const v = IPv4.fromString(ip).getValue();
    return ranges.some(([lo, hi]) => lo <= v && v <= hi);
  });
}

function probes(model: BuiltModel, conns: string[]): { protocol: number; port?: number }[] {
  const ports = new Set<number>([1, 2, 65534, 65535]);
  for (const t of model.tiers) {
    for (const p of t.policies) {
      for (const r of [...(p.ingress ?? []), ...(p.egress ?? [])]) {
        for (const text of [...(r.destination?.ports ?? []), ...(r.destination?.notPorts ?? [])]) {
          for (const n of text.split(':').map(Number).filter((x) => Number.isInteger(x))) [n - 1, n, n + 1].forEach((x) => ports.add(x));
        }
      }
    }
  }
  for (const e of model.endpoints) for (const n of e.namedPorts) [n.port - 1, n.port, n.port + 1].forEach((x) => ports.add(x));
  for (const f of [...model.felix.failsafeInbound, ...model.felix.failsafeOutbound]) [f.port - 1, f.port, f.port + 1].forEach((x) => ports.add(x));
  for (const c of conns) for (const m of c.matchAll(/(\d+)(?:-(\d+))?/g)) [m[1], m[2]].filter(Boolean).forEach((x) => ports.add(Number(x)));
  const valid = [...ports].filter((p) => p >= 1 && p <= 65535).sort((a, b) => a - b);
  return [6, 17, 132].flatMap((protocol) => valid.map((port): { protocol: number; port?: number } => ({ protocol, port })))
    .concat([1, 4, 47, 112, 255].map((protocol) => ({ protocol })));
}

describe('connectivity equals a flow-by-flow evaluation', () => {
  test.each([1, 2, 3, 4, 5, 6])('random cluster, seed %d', (seed) => {
    const model = buildEngineModel(parseEngineInputs(scenarioSources(generateScenario(seed))));
    const { lines } = computeConnectivity(model);
    expect(lines.length).toBeGreaterThan(0);
    const listed = new Map(lines.map((l) => [`${l.src}\u0000${l.dst}`, l.conn]));
    const byId = new Map<string, Endpoint>(model.endpoints.map((e) => [e.id, e]));
    const externalNames = [...new Set(lines.flatMap((l) => [l.src, l.dst]).filter((n) => !byId.has(n)))];
    const taken = new Set(model.endpoints.flatMap((e) => e.ips));
    const parties = [
      ...model.endpoints.map((e) => ({ name: e.id, at: [{ endpoint: e, ip: e.ips[0], id: e.id } as FlowParty] })),
      // every node address in the range too: a pod reaching its own node's address is workload-to-host
      ...externalNames.map((name) => ({ name, at: [...addressesOf(name), ...nodeAddressesIn(model, name)].filter((ip) => !taken.has(ip)).map((ip): FlowParty => ({ ip, id: ip })) })),
    ];
    const points = probes(model, lines.map((l) => l.conn));
    let checked = 0;
    for (const a of parties) {
      for (const b of parties) {
        if (a === b || (!byId.has(a.name) && !byId.has(b.name))) continue;
        const allowed = parseConn(listed.get(`${a.name}\u0000${b.name}`) ?? 'No Connections');
        for (const src of a.at) {
          for (const dst of b.at) {
            for (const p of points) {
              const v = evaluateFlow(model, { source: src, destination: dst, protocol: p.protocol, ...(p.port !== undefined ? { port: p.port } : {}) });
              if (v.allowed !== allowed(p.protocol, p.port)) {
                throw new Error(`${a.name} => ${b.name} (${src.id} -> ${dst.id}) protocol ${p.protocol} port ${p.port}: `
                  + `evaluateFlow says ${v.allowed}, connectivity says "${listed.get(`${a.name}\u0000${b.name}`) ?? 'No Connections'}"`);
              }
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
