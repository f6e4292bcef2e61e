// Walks a rendered iptables-restore `filter` table for one packet and counts the rules it is tested
// against: a small interpreter of the matches and targets the plan uses (interfaces, marks,
// conntrack state, protocol, addresses, ipsets, ports). Unknown matches count as "no match" and are reported.

interface Packet {
  readonly inIface: string;
  readonly outIface: string;
  readonly src: string;
  readonly dst: string;
  /** `tcp`, `udp`, ... */
  readonly proto: string;
  readonly dport: number;
  readonly sport: number;
}

/** Result of a walk. */
export interface WalkResult {
  /** Rules tested (matched or not), over every chain visited. */
  readonly rulesTested: number;
  readonly verdict: string;
  readonly chainsVisited: number;
  /** Match options the walker does not understand (treated as no match). */
  readonly unknown: readonly string[];
}

type Rules = Map<string, string[][]>;

/** Parses the `*filter` section of an iptables-restore file into chain -> tokenised rules. */
export function parseFilterTable(text: string): Rules {
  const chains: Rules = new Map();
  let inFilter = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('*')) inFilter = line === '*filter';
    else if (!inFilter) continue;
    else if (line.startsWith(':')) chains.set(line.slice(1).split(' ')[0], []);
    else if (line.startsWith('-A ')) {
      const tokens = tokenise(line);
      const rules = chains.get(tokens[1]) ?? [];
      rules.push(tokens.slice(2));
      chains.set(tokens[1], rules);
    }
  }
  return chains;
}

function tokenise(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) out.push(m[1] !== undefined ? m[1] : m[2]);
  return out;
}

/** IP set name -> members (`ip`, `net`, or `ip,proto:port`), from an `ipset restore` file. */
export function parseIpSets(text: string): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const [cmd, name, member] = line.split(' ');
    if (cmd === 'create') sets.set(name, []);
    else if (cmd === 'add') sets.get(name)?.push(member);
  }
  return sets;
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((a, o) => (a * 256) + Number(o), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/');
  const len = bits === undefined ? 32 : Number(bits);
  if (ip.includes(':') || net.includes(':')) return false;
  const size = 2 ** (32 - len);
  return Math.floor(ipToInt(ip) / size) === Math.floor(ipToInt(net) / size);
}

function ifaceMatch(pattern: string, iface: string): boolean {
  return pattern.endsWith('+') ? iface.startsWith(pattern.slice(0, -1)) : iface === pattern;
}

function portIn(list: string, port: number): boolean {
  return list.split(',').some((p) => {
    const [a, b] = p.split(':').map(Number);
    return b === undefined ? port === a : port >= a && port <= b;
  });
}

function parseMark(s: string): [number, number] {
  const [v, m] = s.split('/');
  return [Number(v), m === undefined ? 0xffffffff : Number(m)];
}

class Walker {
  public tested = 0;
  public chains = 0;
  public mark = 0;
  public readonly unknown = new Set<string>();
  constructor(private readonly rules: Rules, private readonly sets: Map<string, string[]>, private readonly pkt: Packet) {}

  private setMatch(name: string, dirs: string): boolean {
    const members = this.sets.get(name) ?? [];
    const parts = dirs.split(',');
    const addr = parts[0] === 'src' ? this.pkt.src : this.pkt.dst;
    const port = parts[1] === 'src' ? this.pkt.sport : this.pkt.dport;
    return members.some((m) => {
      const [a, pp] = m.split(',');
      if (pp !== undefined) return a === addr && pp === `${this.pkt.proto}:${port}`;
      return a.includes('/') ? inCidr(addr, a) : a === addr;
    });
  }

  /** True when every match of the rule holds; returns [matched, target tokens]. */
  private matches(r: readonly string[]): [boolean, string[]] {
    let ok = true;
    let target: string[] = [];
    for (let i = 0; i < r.length; i++) {
      let neg = false;
      if (r[i] === '!') { neg = true; i++; }
      const opt = r[i];
      const arg = r[i + 1];
      let res: boolean | undefined;
      switch (opt) {
        case '-m': case '--match': case '--comment': i++; continue;
        case '--jump': case '-j': case '--goto': case '-g': target = r.slice(i); i = r.length; continue;
        case '--in-interface': case '-i': res = ifaceMatch(arg, this.pkt.inIface); i++; break;
        case '--out-interface': case '-o': res = ifaceMatch(arg, this.pkt.outIface); i++; break;
        case '--mark': { const [v, m] = parseMark(arg); res = ((this.mark & m) >>> 0) === v; i++; break; }
        case '--ctstate': res = arg.split(',').includes('NEW'); i++; break;
        case '--protocol': case '-p': res = arg === this.pkt.proto || arg === 'all'; i++; break;
        case '--source': case '-s': res = inCidr(this.pkt.src, arg); i++; break;
        case '--destination': case '-d': res = inCidr(this.pkt.dst, arg); i++; break;
        case '--match-set': if (r[i + 1] === '!') { neg = !neg; i++; } res = this.setMatch(r[i + 1], r[i + 2]); i += 2; break;
        case '--destination-ports': case '--dports': case '--destination-port': case '--dport': res = portIn(arg, this.pkt.dport); i++; break;
        case '--source-ports': case '--sports': case '--source-port': case '--sport': res = portIn(arg, this.pkt.sport); i++; break;
        default: this.unknown.add(opt); res = false; if (arg !== undefined && !arg.startsWith('-')) i++;
      }
      if (neg) res = !res;
      if (!res) ok = false;
    }
    return [ok, target];
  }

  /** Runs a chain; returns a terminal verdict or undefined when it falls off the end / RETURNs. */
  public run(chain: string, depth = 0): string | undefined {
    if (depth > 50) throw new Error(`chain depth > 50 at ${chain}`);
    this.chains++;
    for (const r of this.rules.get(chain) ?? []) {
      this.tested++;
      const [ok, target] = this.matches(r);
      if (!ok || target.length === 0) continue;
      const [kind, name] = target;
      if (name === 'ACCEPT' || name === 'DROP' || name === 'REJECT') return name;
      if (name === 'RETURN') return undefined;
      if (name === 'MARK') {
        const [v, m] = parseMark(target[3]);
        this.mark = ((this.mark & ~m) | v) >>> 0;
        continue;
      }
      if (name === 'LOG' || name === 'NFLOG') continue;
      const v = this.run(name, depth + 1);
      if (v !== undefined) return v;
      if (kind === '--goto' || kind === '-g') return undefined;
    }
    return undefined;
  }
}

/** Walks the FORWARD chain of the filter table for a new connection; the chain policy is ACCEPT. */
export function walkForward(rules: Rules, sets: Map<string, string[]>, pkt: Packet): WalkResult {
  const w = new Walker(rules, sets, pkt);
  const verdict = w.run('FORWARD') ?? 'ACCEPT';
  return { rulesTested: w.tested, verdict, chainsVisited: w.chains, unknown: [...w.unknown] };
}
