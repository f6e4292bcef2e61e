// A hand-written IBM lab-like fixture (fixtures/ibm-lab) on a real kernel: the classic generation
// of the IKS defaults (allow-kubelet-port, TCP 10250) and IBM management subnets stood in for by
// documentation addresses, which the real lab (examples/ibm-lab, current generation, real IBM
// management nets) cannot show. The real lab itself is verified in lab.test.ts. The documented
// effects are observed on the wire, and every probe agrees with the engine.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { ProbeComparison } from '../../lib/verify/compare';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

const DIR = join(__dirname, 'fixtures', 'ibm-lab');
const sources = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort()
  .map((f) => ({ file: `ibm-lab/${f}`, text: readFileSync(join(DIR, f), 'utf8') }));

const INTERNET = '203.0.113.1';
const BAD_CIDR_HOST = '203.0.113.70'; // in deny-bad-cidr's 203.0.113.64/26
const IBM_MGMT = '203.0.113.200'; // in allow-sys-mgmt's 203.0.113.192/26
const PRIVATE_HOST = '198.51.100.1';
const NODE_PUBLIC = '203.0.113.21';
const NODE_PRIVATE = '198.51.100.21';
const FRONTEND = '192.0.2.21';
const BACKEND = '192.0.2.22';
const DB = '192.0.2.23';

describe('kernel verification of the hand-written IBM lab-like fixture (classic generation)', () => {
  kernelIt('public SSH dropped, kubelet and ICMP allowed, private open, guestbook paths as designed, 0 mismatches', async () => {
    const report = await verifyCluster({
      sources,
      node: 'kube-w1',
      peers: { eth1: [INTERNET, BAD_CIDR_HOST, IBM_MGMT], eth0: [PRIVATE_HOST] },
      tcpPorts: [22, 80, 6379, 8080, 10250],
      udpPorts: [53],
    });
    console.log(formatClusterReport(report));
    const all = report.nodes.flatMap((n) => n.comparisons);
    const kernel = (src: string, dst: string, protocol: string, port?: number): boolean => {
      const hit = all.filter((c: ProbeComparison) => c.flow.source.ip === src && c.flow.destination.ip === dst
        && c.flow.protocol === protocol && c.flow.port === port);
      if (hit.length !== 1) throw new Error(`expected one probe ${protocol}/${port} ${src} -> ${dst}, found ${hit.length}`);
      return hit[0].observed;
    };
    // Public interface: SSH dropped (no failsafe 22), kubelet and ICMP allowed, IBM management allowed.
    expect(kernel(INTERNET, NODE_PUBLIC, 'TCP', 22)).toBe(false);
    expect(kernel(INTERNET, NODE_PUBLIC, 'TCP', 10250)).toBe(true);
    expect(kernel(INTERNET, NODE_PUBLIC, 'ICMP')).toBe(true);
    expect(kernel(INTERNET, NODE_PUBLIC, 'UDP', 53)).toBe(false);
    expect(kernel(IBM_MGMT, NODE_PUBLIC, 'TCP', 22)).toBe(true);
    // Private interface: open.
    expect(kernel(PRIVATE_HOST, NODE_PRIVATE, 'TCP', 22)).toBe(true);
    expect(kernel(PRIVATE_HOST, NODE_PRIVATE, 'TCP', 10250)).toBe(true);
    expect(kernel(PRIVATE_HOST, NODE_PRIVATE, 'UDP', 53)).toBe(true);
    // Guestbook: allowed paths.
    expect(kernel(INTERNET, FRONTEND, 'TCP', 80)).toBe(true);
    expect(kernel(FRONTEND, BACKEND, 'TCP', 8080)).toBe(true);
    expect(kernel(BACKEND, DB, 'TCP', 6379)).toBe(true);
    // Guestbook: denied paths.
    expect(kernel(BAD_CIDR_HOST, FRONTEND, 'TCP', 80)).toBe(false);
    expect(kernel(INTERNET, BACKEND, 'TCP', 8080)).toBe(false);
    expect(kernel(FRONTEND, DB, 'TCP', 6379)).toBe(false);
    expect(kernel(DB, BACKEND, 'TCP', 8080)).toBe(false);
    expect(kernel(FRONTEND, BACKEND, 'TCP', 80)).toBe(false);
    expect(report.compared).toBeGreaterThan(300);
    expect(report.mismatches).toBe(0);
  }, 240000);
});
