// Hand-made TCP segments for kernel tests: a Python 3 raw-socket sender (any flag combination,
// e.g. SYN+FIN, which conntrack classes INVALID) and a receiver that reports which of them the
// node's TCP layer was handed (a raw IPPROTO_TCP socket sees a segment only after netfilter INPUT).
// Both run inside a test namespace and are bounded in time.
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import { runInNamespace } from '../../lib/verify/exec';

const SOURCE = String.raw`
import json, select, socket, struct, sys, time

def csum(b):
    if len(b) % 2:
        b += b'\0'
    t = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    t = (t >> 16) + (t & 0xffff)
    t += t >> 16
    return ~t & 0xffff

def send(src, dst, segments):
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP)
    s.bind((src, 0))
    for sport, dport, flags in segments:
        hdr = struct.pack('!HHIIBBHHH', sport, dport, 1000, 0, 5 << 4, flags, 64240, 0, 0)
        pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack('!BBH', 0, 6, len(hdr))
        hdr = hdr[:16] + struct.pack('!H', csum(pseudo + hdr)) + hdr[18:]
        s.sendto(hdr, (dst, 0))
        time.sleep(0.05)
    s.close()

def receive(peer, seconds):
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP)
    sys.stdout.write('READY\n'); sys.stdout.flush()
    seen = []
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([s, sys.stdin], [], [], 0.2)
        if sys.stdin in r:
            break
        if s in r:
            data, addr = s.recvfrom(4096)
            if addr[0] != peer:
                continue
            off = (data[0] & 0x0f) * 4
            sport, dport = struct.unpack('!HH', data[off:off + 4])
            seen.append([sport, dport, data[off + 13]])
    sys.stdout.write(json.dumps(seen) + '\n')

if sys.argv[1] == 'send':
    send(sys.argv[2], sys.argv[3], json.loads(sys.argv[4]))
else:
    receive(sys.argv[2], float(sys.argv[3]))
`;

/** TCP flag bits. */
export const FIN = 0x01;
export const SYN = 0x02;

/** One segment: source port, destination port, flags. */
export type Segment = readonly [number, number, number];

/** A receiver in `ns` for segments from `peer`; `stop` ends it and returns what arrived. */
export interface Receiver {
  stop(): Promise<Segment[]>;
}

/** Starts the receiver in `ns`, bounded by `seconds`; resolves once its socket is open. */
export function startReceiver(ns: string, peer: string, seconds: number): Promise<Receiver> {
  const child: ChildProcessWithoutNullStreams = spawn('ip', ['netns', 'exec', ns, 'python3', '-c', SOURCE, 'receive', peer, String(seconds)]);
  let out = '';
  const done = new Promise<Segment[]>((resolve, reject) => {
    child.on('close', () => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as Segment[]);
      } catch {
        reject(new Error(`receiver in ${ns} printed ${JSON.stringify(out)}`));
      }
    });
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`receiver in ${ns} not ready`)), 10000);
    child.stdout.on('data', (d: Buffer) => {
      const before = out;
      out += d.toString();
      if (!before.includes('READY') && out.includes('READY')) {
        clearTimeout(timer);
        resolve({ stop: () => { child.stdin.end(); return done; } });
      }
    });
  });
}

/** Sends the segments from `src` (in `ns`) to `dst`. */
export async function sendSegments(ns: string, src: string, dst: string, segments: readonly Segment[]): Promise<void> {
  await runInNamespace(ns, ['python3', '-c', SOURCE, 'send', src, dst, JSON.stringify(segments)], { timeoutMs: 15000 });
}
