// The flow-by-flow check of the connectivity map (the engine's evaluateFlow, as `check` runs it):
// for every pair of parties, at every port the manifests name (and its neighbours), both ends of
// every printed interval and of the whole port range, and at every ICMP type and code the rules
// name (and their neighbours), the listed connection set says allowed exactly when the flow is
// allowed. Pairs not listed must be denied at all of those points. External ranges are probed at
// their first, last and a middle address, and at every node address inside them.
import { computeConnectivity } from '../../lib/connectivity';
import { BuiltModel, Endpoint, FlowParty, evaluateFlow } from '../../lib/engine';
import { IPv4 } from 'ip-num';

/** protocol, port (TCP, UDP, SCTP) or ICMP type and code. */
type Allowed = (protocol: number, port: number | undefined, code?: number) => boolean;
const NAMES: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132, ICMP: 1, ICMPv6: 58 };

/** Reads `All Connections` or `TCP 1-79,81-65535,UDP 53,ICMP 0,8,protocol 112,protocols 2-5`. */
function parseConn(text: string): Allowed {
  if (text === 'All Connections') return () => true;
  const allowed = new Map<number, [number, number][] | 'all'>();
  /** ICMP and ICMPv6: per type allowed for some codes only, the codes. */
  const codes = new Map<number, Map<number, [number, number][]>>();
  let current: { protocols?: [number, number][]; protocol?: number } = {};
  const others: [number, number][] = [];
  const range = (t: string): [number, number] => {
    const [a, b] = t.split('-').map(Number);
    return [a, b ?? a];
  };
  /** `ICMP 0,8,3/0-1,4`: whole types first, then type/codes; the tokens after a type/codes are more of its codes. */
  let partial: { protocol: number; type: number } | undefined;
  const item = (protocol: number, t: string): void => {
    const byType = codes.get(protocol) ?? new Map<number, [number, number][]>();
    codes.set(protocol, byType);
    if (t.includes('/')) {
      const [type, code] = t.split('/');
      partial = { protocol, type: Number(type) };
      byType.set(partial.type, [...(byType.get(partial.type) ?? []), range(code)]);
      return;
    }
    if (partial && partial.protocol === protocol) {
      byType.get(partial.type)?.push(range(t));
      return;
    }
    const list = allowed.get(protocol);
    if (Array.isArray(list)) list.push(range(t));
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
        partial = undefined;
        allowed.set(n, m[1] === 'protocol' || !m[2] ? 'all' : []);
        if (m[1] !== 'protocol' && m[2]) item(n, m[2]);
      }
      continue;
    }
    if (current.protocols) current.protocols.push(range(token));
    else if (current.protocol !== undefined) item(current.protocol, token);
  }
  return (protocol, port, code) => {
    const entry = allowed.get(protocol);
    if (entry === 'all') return true;
    const icmp = protocol === 1 || protocol === 58;
    // the engine's defaults for a flow without type and code: echo request, code 0
    const type = port ?? (icmp ? (protocol === 1 ? 8 : 128) : undefined);
    if (entry) {
      if (type !== undefined && entry.some(([a, b]) => a <= type && type <= b)) return true;
      const c = code ?? 0;
      return icmp && type !== undefined && (codes.get(protocol)?.get(type) ?? []).some(([a, b]) => a <= c && c <= b);
    }
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

/** A probe: protocol with a port, or ICMP with a type and code (port holds the type). */
interface Probe {
  readonly protocol: number;
  readonly port?: number;
  readonly code?: number;
}

function probes(model: BuiltModel, conns: string[]): Probe[] {
  const ports = new Set<number>([1, 2, 65534, 65535]);
  const types = new Set<number>([0, 8, 128, 255]);
  const codes = new Set<number>([0, 255]);
  const near = (set: Set<number>, n: number): void => [n - 1, n, n + 1].forEach((x) => set.add(x));
  for (const t of model.tiers) {
    for (const p of t.policies) {
      for (const r of [...(p.ingress ?? []), ...(p.egress ?? [])]) {
        for (const text of [...(r.destination?.ports ?? []), ...(r.destination?.notPorts ?? [])]) {
          for (const n of String(text).split(':').map(Number).filter((x) => Number.isInteger(x))) near(ports, n);
        }
        for (const m of [r.icmp, r.notICMP]) {
          if (m?.type !== undefined) near(types, m.type);
          if (m?.code !== undefined) near(codes, m.code);
        }
      }
    }
  }
  for (const e of model.endpoints) for (const n of e.namedPorts) near(ports, n.port);
  for (const f of [...model.felix.failsafeInbound, ...model.felix.failsafeOutbound]) near(ports, f.port);
  for (const c of conns) for (const m of c.matchAll(/(\d+)(?:-(\d+))?/g)) [m[1], m[2]].filter(Boolean).forEach((x) => ports.add(Number(x)));
  const valid = [...ports].filter((p) => p >= 1 && p <= 65535).sort((a, b) => a - b);
  const icmp = (protocol: number): Probe[] => [...types].filter((t) => t >= 0 && t <= 255)
    .flatMap((type) => [...codes].filter((c) => c >= 0 && c <= 255).map((code) => ({ protocol, port: type, code })));
  return [6, 17, 132].flatMap((protocol) => valid.map((port): Probe => ({ protocol, port })))
    .concat([1, 4, 47, 112, 255].map((protocol) => ({ protocol })), icmp(1));
}

/** Checks the map of the model flow by flow; returns how many flows were checked. */
export function checkFlowByFlow(model: BuiltModel): number {
  const { lines } = computeConnectivity(model);
  if (lines.length === 0) throw new Error('connectivity lists no line');
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
            const icmp = p.protocol === 1 || p.protocol === 58;
            const at = p.port === undefined ? {} : icmp ? { icmpType: p.port, icmpCode: p.code } : { port: p.port };
            const v = evaluateFlow(model, { source: src, destination: dst, protocol: p.protocol, ...at });
            if (v.allowed !== allowed(p.protocol, p.port, p.code)) {
              throw new Error(`${a.name} => ${b.name} (${src.id} -> ${dst.id}) protocol ${p.protocol} port/type ${p.port}${p.code !== undefined ? ` code ${p.code}` : ''}: `
                + `evaluateFlow says ${v.allowed}, connectivity says "${listed.get(`${a.name}\u0000${b.name}`) ?? 'No Connections'}"`);
            }
            checked++;
          }
        }
      }
    }
  }
  return checked;
}
