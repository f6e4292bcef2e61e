// The real IBM Cloud lab (examples/ibm-lab, what `npx cdk8s synth` writes) on a real kernel: the
// lab is synthesised in memory, its manifests and inventory are read back as text, and each of the
// three workers' plans is loaded into network namespaces and probed. Every probe must agree with
// the engine (0 mismatches), and the wire shows what the README's section "The lab" documents.
//
// Reach of the harness: it builds one worker at a time with the pods scheduled on that worker,
// the node itself, an internet host behind eth1 and a private-network host behind eth0. Flows
// between pods on different workers (e.g. frontend-1 on worker-1 -> backend-2 on worker-3, backend
// -> db-0 on worker-2) cross two nodes' plans and are out of its reach; the engine-only test
// test/examples/lab.test.ts covers them. The direct probes reach the NodePort on the node's own
// address without kube-proxy's rules: that checks deny-nodeports' preDNAT verdict. verify then
// loads kube-proxy's rules and probes the NodePort through the DNAT to each local frontend pod
// (Service probes, judged on the engine's external path); those are asserted below as well.
//
// Expected values, worked out by hand from what the lab declares:
// - workers: worker-1/2/3, public eth1 203.0.113.11-13, private eth0 198.51.100.11-13; pods:
//   frontend-1 192.0.2.10 and backend-1 192.0.2.11 on worker-1, frontend-2 192.0.2.74 and db-0
//   192.0.2.75 on worker-2, backend-2 192.0.2.138 and kube-system/coredns-1 192.0.2.130 on worker-3.
// - WorkerNodeDefaults (current generation): allow-icmp, allow-bigfix-port (TCP 52311), no kubelet
//   port; FelixConfiguration failsafe ports without TCP 22; allow-all-private-default.
// - IBM public isolation (us-south): allow-ibm-ports-public (in: TCP/UDP 53, 5353, 52311; out: 443,
//   ...), deny-all-outbound-public (1850) before allow-all-outbound (1900); allow-egress-pods-public
//   (every pod may send TCP 443, 10250, UDP 53, ... anywhere).
// - RestrictNodePorts: deny-nodeports (preDNAT, applyOnForward) allows TCP 30080, denies
//   30000-32767 on the public interface. Felix's filter INPUT accepts what mangle PREROUTING already
//   accepted (felix/rules/static.go filterInputChain, acceptAlreadyAccepted), so the preDNAT allow
//   decides for traffic to the node.
// - Felix does not police host -> local pod traffic (static.go filterOutputChain: "We don't
//   currently police host -> endpoint"), and drops pod -> own host traffic after the pod's egress
//   policy (DefaultEndpointToHostAction, default DROP; the lab's FelixConfiguration does not set it).
// - Guestbook: default deny with DNS, internet -> frontend `http` 8080 (ipBlock 0.0.0.0/0, which
//   also covers private addresses), frontend -> backend `api` 9000, backend -> db `postgres` 5432;
//   DenyCidr 203.0.113.224/27 both ways, in the netsec-deny tier before everything else.
import { synthLab } from '../examples/lab-world';
import { NodeVerifyReport } from '../../lib/verify/compare';
import { describeFlow } from '../../lib/verify/flows';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

const { files } = synthLab();
const sources = files.filter((f) => f.path.endsWith('.yaml')).map((f) => ({ file: f.path, text: f.content }));

const INTERNET = '203.0.113.100'; // an ordinary internet address, unrelated to any rule's net
const BAD = '203.0.113.230'; // in the denied CIDR 203.0.113.224/27
const NEAR_BAD = '203.0.113.223'; // the address just below the denied CIDR
const ADMIN = '198.51.100.130'; // in the admin CIDR 198.51.100.128/25
const PRIVATE = '198.51.100.50'; // private network, outside the admin CIDR

const PEERS = { eth1: [INTERNET, BAD, NEAR_BAD], eth0: [ADMIN, PRIVATE] };
const TCP_PORTS = [22, 443, 5432, 8080, 9000, 10250, 30080, 30081, 52311];
const UDP_PORTS = [53];

// Probes per worker, all sent (the cap is above it): stations are 2 pods, 2 node addresses and
// 5 peers. Pod sources: 2 x 8 = 16 pairs; pods as destinations of the 5 peers and of the node
// (from its first address only): 2 x 6 = 12; node <-> peers on the same side: 2 x 3 + 2 x 2 = 10.
// 38 pairs x (9 TCP ports + 1 UDP port + ICMP) = 418.
const PROBES_PER_WORKER = 38 * (TCP_PORTS.length + UDP_PORTS.length + 1);
const MAX_PROBES = 500;

/** One expected wire result: `[source IP, destination IP, protocol, port, kernel lets it through, why]`. */
type Expectation = readonly [string, string, string, number | undefined, boolean, string];

interface LabWorkerCase {
  readonly name: string;
  readonly publicIp: string;
  readonly privateIp: string;
  /** The pods on this worker, by name. */
  readonly pods: { readonly [name: string]: string };
  /** The guestbook paths observable on this worker. */
  readonly guestbook: (pods: { readonly [name: string]: string }) => readonly Expectation[];
}

/** The worker's own interfaces: the same on every worker. */
function interfaceExpectations(w: LabWorkerCase): Expectation[] {
  const P = w.publicIp;
  const Q = w.privateIp;
  const anyPod = Object.values(w.pods)[0];
  return [
    [INTERNET, P, 'TCP', 22, false, 'SSH to the public interface: 22 is not failsafe, no policy allows it'],
    [BAD, P, 'TCP', 22, false, 'SSH to the public interface from the denied CIDR'],
    [INTERNET, P, 'ICMP', undefined, true, 'allow-icmp'],
    [INTERNET, P, 'TCP', 52311, true, 'allow-bigfix-port (current generation)'],
    [INTERNET, P, 'TCP', 10250, false, 'no kubelet port in the current generation'],
    [INTERNET, P, 'UDP', 53, true, 'allow-ibm-ports-public ingress 53'],
    [INTERNET, P, 'TCP', 8080, false, 'end of tier default on the public host endpoint'],
    [INTERNET, P, 'TCP', 30080, true, 'deny-nodeports preDNAT allows the frontend NodePort'],
    [INTERNET, P, 'TCP', 30081, false, 'deny-nodeports preDNAT denies the rest of the NodePort range'],
    [P, INTERNET, 'TCP', 443, true, 'allow-ibm-ports-public egress 443'],
    [P, INTERNET, 'TCP', 22, false, 'deny-all-outbound-public before allow-all-outbound'],
    [P, INTERNET, 'ICMP', undefined, false, 'deny-all-outbound-public'],
    [ADMIN, Q, 'TCP', 22, true, 'SSH from the admin CIDR to the private interface'],
    [PRIVATE, Q, 'TCP', 22, true, 'allow-all-private-default: the private interface is open to all'],
    [PRIVATE, Q, 'TCP', 10250, true, 'private interface open'],
    [PRIVATE, Q, 'TCP', 30081, true, 'deny-nodeports selects only the public host endpoints'],
    [PRIVATE, Q, 'UDP', 53, true, 'private interface open'],
    [PRIVATE, Q, 'ICMP', undefined, true, 'private interface open'],
    [Q, ADMIN, 'TCP', 5432, true, 'private egress open'],
    [Q, anyPod, 'TCP', 22, true, 'host -> local pod is not policed'],
    [anyPod, Q, 'TCP', 10250, false, 'pod -> own host dropped after egress policy (DefaultEndpointToHostAction DROP)'],
  ];
}

const WORKERS: readonly LabWorkerCase[] = [
  {
    name: 'worker-1',
    publicIp: '203.0.113.11',
    privateIp: '198.51.100.11',
    pods: { frontend: '192.0.2.10', backend: '192.0.2.11' },
    guestbook: ({ frontend: fe, backend: be }) => [
      [INTERNET, fe, 'TCP', 8080, true, 'frontend-from-internet'],
      [NEAR_BAD, fe, 'TCP', 8080, true, 'just outside the denied CIDR'],
      [BAD, fe, 'TCP', 8080, false, 'DenyCidr ingress'],
      [ADMIN, fe, 'TCP', 8080, true, 'ipBlock 0.0.0.0/0 covers private addresses too'],
      [INTERNET, fe, 'TCP', 9000, false, 'frontend ingress: http only'],
      [fe, be, 'TCP', 9000, true, 'frontend -> backend api, allowed at both ends'],
      [fe, be, 'TCP', 8080, false, 'frontend egress: backend api only'],
      [be, fe, 'TCP', 8080, false, 'backend egress: db postgres only'],
      [INTERNET, be, 'TCP', 9000, false, 'backend ingress: frontend only'],
      [ADMIN, be, 'TCP', 9000, false, 'backend ingress: frontend only'],
      [fe, INTERNET, 'TCP', 443, true, 'allow-egress-pods-public'],
      [fe, BAD, 'TCP', 443, false, 'DenyCidr egress, before the IBM allow'],
      [fe, INTERNET, 'TCP', 8080, false, 'default deny egress'],
    ],
  },
  {
    name: 'worker-2',
    publicIp: '203.0.113.12',
    privateIp: '198.51.100.12',
    pods: { frontend: '192.0.2.74', db: '192.0.2.75' },
    guestbook: ({ frontend: fe, db }) => [
      [INTERNET, fe, 'TCP', 8080, true, 'frontend-from-internet'],
      [BAD, fe, 'TCP', 8080, false, 'DenyCidr ingress'],
      [fe, db, 'TCP', 5432, false, 'db only from the backend, even on the same node'],
      [INTERNET, db, 'TCP', 5432, false, 'db ingress: backend only'],
      [db, fe, 'TCP', 8080, false, 'db egress: DNS and the IBM ports only'],
      [db, INTERNET, 'TCP', 443, true, 'allow-egress-pods-public'],
      [db, BAD, 'TCP', 443, false, 'DenyCidr egress'],
    ],
  },
  {
    name: 'worker-3',
    publicIp: '203.0.113.13',
    privateIp: '198.51.100.13',
    pods: { backend: '192.0.2.138', dns: '192.0.2.130' },
    guestbook: ({ backend: be, dns }) => [
      [be, dns, 'UDP', 53, true, 'default deny keeps DNS to kube-dns'],
      [be, dns, 'TCP', 9000, false, 'backend egress: db postgres only'],
      [dns, be, 'TCP', 9000, false, 'backend ingress: frontend only'],
      [INTERNET, be, 'TCP', 9000, false, 'backend ingress: frontend only'],
      [INTERNET, dns, 'TCP', 30080, true, 'no policy on coredns; allow-node-port-dnat forwards to pods'],
      [INTERNET, dns, 'TCP', 30081, false, 'deny-nodeports (applyOnForward) also covers forwarded traffic'],
      [be, INTERNET, 'TCP', 443, true, 'allow-egress-pods-public'],
      [be, BAD, 'TCP', 443, false, 'DenyCidr egress'],
    ],
  },
];

/** The one probe of this flow on this worker: its description and whether the kernel let it through. */
function probeOf(report: NodeVerifyReport, src: string, dst: string, protocol: string, port: number | undefined): { flow: string; kernel: string } {
  const hit = report.comparisons.filter((c) => c.flow.service === undefined && c.flow.source.ip === src && c.flow.destination.ip === dst
    && c.flow.protocol === protocol && c.flow.port === port);
  if (hit.length !== 1) throw new Error(`${report.node}: expected one probe ${protocol}/${port} ${src} -> ${dst}, found ${hit.length}`);
  return { flow: describeFlow(hit[0].flow), kernel: hit[0].observed ? 'allowed' : 'denied' };
}

const totals = { workers: 0, compared: 0, mismatches: 0 };

describe('kernel verification of the real lab (examples/ibm-lab), worker by worker', () => {
  for (const w of WORKERS) {
    kernelIt(`${w.name}: public SSH dropped, ICMP and 52311 allowed, kubelet closed, private open, guestbook paths as designed, 0 mismatches`, async () => {
      const report = await verifyCluster({
        sources, node: w.name, peers: PEERS, tcpPorts: TCP_PORTS, udpPorts: UDP_PORTS, maxProbes: MAX_PROBES,
      });
      console.log(formatClusterReport(report));
      totals.workers += 1;
      totals.compared += report.compared;
      totals.mismatches += report.mismatches;
      const node = report.nodes[0];
      expect(report.nodes.map((n) => n.node)).toEqual([w.name]);
      const pods = node.comparisons.filter((c) => c.flow.destination.role === 'workload').map((c) => c.flow.destination.ip);
      expect([...new Set(pods)].sort()).toEqual(Object.values(w.pods).sort());

      for (const [src, dst, protocol, port, allowed, why] of [...interfaceExpectations(w), ...w.guestbook(w.pods)]) {
        const probe = probeOf(node, src, dst, protocol, port);
        expect({ ...probe, why }).toEqual({ flow: probe.flow, kernel: allowed ? 'allowed' : 'denied', why });
      }
      // the direct probes; the probes to the frontend's NodePort through kube-proxy come on top
      expect(node.comparisons.filter((c) => c.flow.service === undefined).length).toBe(PROBES_PER_WORKER);
      // through kube-proxy (externalTrafficPolicy Local): the internet reaches a local frontend pod
      // on 30080, the denied CIDR does not; a worker without a frontend pod has no Service probe
      const viaService = (src: string): boolean[] => node.comparisons
        .filter((c) => c.flow.service !== undefined && c.flow.source.ip === src && c.flow.destination.ip === w.publicIp && c.flow.port === 30080)
        .map((c) => c.observed);
      const frontends = w.pods.frontend !== undefined ? 1 : 0;
      expect(viaService(INTERNET)).toEqual(Array(frontends).fill(true));
      expect(viaService(BAD)).toEqual(Array(frontends).fill(false));
      expect(report.mismatches).toBe(0);
    }, 240000);
  }

  afterAll(() => {
    if (totals.workers > 0) {
      console.log(`lab: ${totals.workers} workers, compared ${totals.compared} probes, ${totals.mismatches} mismatches`);
    }
  });
});
