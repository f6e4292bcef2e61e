// The IBM Cloud lab (examples/ibm-lab): synthesised in memory, read back as YAML text, and checked
// through the engine only. Every expectation is worked out by hand from what the lab declares
// (docs/lab.md walks through the same policies):
// - workers worker-1..3: public eth1 203.0.113.11-13, private eth0 198.51.100.11-13;
// - pods: frontend-1 (worker-1, 192.0.2.10), frontend-2 (worker-2, 192.0.2.74), backend-1
//   (worker-1, 192.0.2.11), backend-2 (worker-3, 192.0.2.138), db-0 (worker-2, 192.0.2.75),
//   kube-system/coredns-1 (worker-3, 192.0.2.130);
// - admin CIDR 198.51.100.128/25, denied CIDR 203.0.113.224/27, frontend NodePort 30080, frontend
//   LoadBalancer frontend-lb at 203.0.113.50 (port 80 -> http, externalTrafficPolicy Local), backend
//   ClusterIP Service at 198.51.100.100 (port 80 -> api).
import * as path from 'path';
import * as yaml from 'js-yaml';
import { Cidr, ipVersionOf } from '../../lib/model/net';
import { LAB_WORKERS } from '../../examples/ibm-lab/addresses';
import { buildTruthTable, evaluateExternalServiceFlow, evaluateServiceFlow, findExternalTarget, resolveServiceTarget } from '../../lib/engine';
import { decidingPolicies, flow, labModel, synthLab } from './lab-world';

const { files, stderr } = synthLab();
const model = labModel(files);

const INTERNET = '203.0.113.100';
const BAD = '203.0.113.230';
const ADMIN = '198.51.100.130';
const PRIVATE_NON_ADMIN = '198.51.100.50';
const W1_PUBLIC = '203.0.113.11';
const W2_PUBLIC = '203.0.113.12';
const W1_PRIVATE = '198.51.100.11';

const allowed = (from: string, to: string, protocol: string, port?: number): boolean => flow(model, from, to, protocol, port).allowed;

describe('synth', () => {
  test('writes the chart files and an iptables plan per worker', () => {
    const paths = files.map((f) => f.path);
    expect(paths.filter((p) => !p.startsWith('iptables/')).sort()).toEqual(['calico/lab.calico.yaml', 'inventory/lab.inventory.yaml', 'kubernetes/lab.k8s.yaml']);
    for (const w of LAB_WORKERS) expect(paths.some((p) => p.startsWith(`iptables/${w.name}.`))).toBe(true);
  });

  test('the IP-in-IP pool (as IBM classic clusters): every worker plan accepts IP-in-IP from the three workers\' private addresses and drops the rest', () => {
    for (const w of LAB_WORKERS) {
      const plan = files.find((f) => f.path.startsWith(`iptables/${w.name}.`) && f.content.includes('*filter'));
      const sets = files.find((f) => f.path.startsWith(`iptables/${w.name}.`) && f.content.includes('create cali40all-hosts-net'));
      expect(plan?.content).toMatch(/-A cali-INPUT -m comment --comment "[^"]*" -p 4 -m set --match-set cali40all-hosts-net src -m addrtype --dst-type LOCAL --jump ACCEPT\n/);
      expect(plan?.content).toMatch(/-A cali-INPUT -m comment --comment "[^"]*" -p 4 --jump DROP\n/);
      expect(plan?.content).toMatch(/-A cali-OUTPUT -m comment --comment "[^"]*" -p 4 -m set --match-set cali40all-hosts-net dst -m addrtype --src-type LOCAL --jump ACCEPT\n/);
      for (const peer of LAB_WORKERS) expect(sets?.content).toContain(`add cali40all-hosts-net ${peer.privateIp}\n`);
    }
    // the engine agrees: worker-2's private address is a Calico host, the admins' network is not
    expect(allowed('198.51.100.12', W1_PRIVATE, '4')).toBe(true);
    expect(allowed(ADMIN, W1_PRIVATE, '4')).toBe(false);
    expect(flow(model, ADMIN, W1_PRIVATE, '4').reason).toContain('IP-in-IP from a non-Calico host');
  });

  test('warns only about the IBM set itself (shadowed rules, open failsafe ports), never about SSH or the lab policies', () => {
    const lines = stderr.split('\n').filter((l) => l !== '');
    for (const line of lines) {
      expect(line).toMatch(/^warning: lab: (GlobalNetworkPolicy allow-ibm-ports-public .*\[NS003\]|FelixConfiguration default .*\[NS007\] failsafe port )/);
      expect(line).not.toMatch(/tcp:22 /);
    }
  });

  test('the inventory alone gives the engine the three nodes, both namespaces and six pods', () => {
    expect(model.nodes.map((n) => n.name)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    const pods = model.endpoints.filter((e) => e.kind === 'workload').map((e) => `${e.id}@${e.node}`).sort();
    expect(pods).toEqual([
      'guestbook/backend-1@worker-1', 'guestbook/backend-2@worker-3', 'guestbook/db-0@worker-2',
      'guestbook/frontend-1@worker-1', 'guestbook/frontend-2@worker-2', 'kube-system/coredns-1@worker-3',
    ]);
    expect(model.endpoints.filter((e) => e.kind === 'host').length).toBe(6);
  });

  test('every address the lab gives a host or pod is in a documentation range', () => {
    const ranges = ['203.0.113.0/24', '198.51.100.0/24', '192.0.2.0/24'].map((c) => Cidr.parse(c));
    const inventory = files.find((f) => f.path === 'inventory/lab.inventory.yaml');
    const ips: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string' && ipVersionOf(v) !== undefined) ips.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
    };
    yaml.loadAll(inventory?.content ?? '').forEach(walk);
    model.endpoints.filter((e) => e.kind === 'host').forEach((e) => ips.push(...e.ips));
    // 3 nodes x 2 addresses; 6 pods x (hostIP, podIP, podIPs[0]); the frontend LoadBalancer's address
    // (spec.loadBalancerIP and status.loadBalancer.ingress[0].ip); 6 host endpoints
    expect(ips.length).toBe(3 * 2 + 6 * 3 + 2 + 6);
    for (const ip of ips) expect(ranges.some((r) => r.containsAddress(ip))).toBe(true);
  });
});

describe('worker interfaces (WorkerNodeDefaults, current generation; AllowSsh)', () => {
  test('SSH from the internet to a public interface is denied: 22 is not a failsafe port and no policy allows it', () => {
    const v = flow(model, INTERNET, W1_PUBLIC, 'TCP', 22);
    expect(v.destination).toBe('hostendpoint/worker-1-worker-public');
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages.some((s) => s.failsafe !== undefined)).toBe(false);
  });

  test('SSH from the admin network to a private interface is allowed, by allow-ssh-admin', () => {
    const v = flow(model, ADMIN, W1_PRIVATE, 'TCP', 22);
    expect(v.destination).toBe('hostendpoint/worker-1-worker-private');
    expect(v.allowed).toBe(true);
    expect(decidingPolicies(v)).toEqual(['ingress:allow-ssh-admin:Allow']);
  });

  test('SSH from elsewhere on the private network is still allowed, by IKS allow-all-private-default', () => {
    const v = flow(model, PRIVATE_NON_ADMIN, W1_PRIVATE, 'TCP', 22);
    expect(v.allowed).toBe(true);
    expect(decidingPolicies(v)).toEqual(['ingress:allow-all-private-default:Allow']);
  });

  test('BigFix (TCP 52311) and ICMP from the internet reach the public interface', () => {
    expect(allowed(INTERNET, W1_PUBLIC, 'TCP', 52311)).toBe(true);
    expect(allowed(INTERNET, W1_PUBLIC, 'ICMP')).toBe(true);
  });

  test('the kubelet port (TCP 10250) is closed to the internet in the current generation, open to IBM management', () => {
    expect(allowed(INTERNET, W1_PUBLIC, 'TCP', 10250)).toBe(false);
    expect(allowed('10.0.64.5', W1_PUBLIC, 'TCP', 10250)).toBe(true);
  });
});

describe('frontend: internet -> NodePort 30080 -> pod port http (8080)', () => {
  test('the frontend NodePort passes the preDNAT allowlist of deny-nodeports', () => {
    const v = flow(model, INTERNET, W2_PUBLIC, 'TCP', 30080);
    expect(v.allowed).toBe(true);
    expect(decidingPolicies(v)).toEqual(['ingress:deny-nodeports:Allow']);
  });

  test('every other NodePort is closed on the public interface, TCP and UDP, by deny-nodeports before DNAT', () => {
    const v = flow(model, INTERNET, W2_PUBLIC, 'TCP', 30081);
    expect(v.allowed).toBe(false);
    expect(decidingPolicies(v)).toEqual(['ingress:deny-nodeports:Deny']);
    expect(v.ingress.stages.map((s) => s.stage)).toEqual(['host-untracked', 'host-prednat']);
    expect(allowed(INTERNET, W2_PUBLIC, 'TCP', 32767)).toBe(false);
    expect(allowed(INTERNET, W2_PUBLIC, 'UDP', 30080)).toBe(false);
  });

  test('after DNAT, the internet reaches both frontend pods on http, and nothing else of them', () => {
    expect(allowed(INTERNET, 'guestbook/frontend-1', 'TCP', 8080)).toBe(true);
    expect(allowed(INTERNET, 'guestbook/frontend-2', 'TCP', 8080)).toBe(true);
    expect(allowed(INTERNET, 'guestbook/frontend-1', 'TCP', 9000)).toBe(false);
  });
});

describe('frontend: internet -> LoadBalancer 203.0.113.50:80 -> pod port http (8080)', () => {
  const LB = '203.0.113.50';
  // Local: each worker with a frontend pod (worker-1: frontend-1, worker-2: frontend-2) DNATs to it
  // alone; worker-3 has none and drops. deny-nodeports (preDNAT) lists only node ports, so port 80 of
  // the LoadBalancer address passes it; allow-node-port-dnat lets the DNATed flow through the host
  // endpoint; frontend-from-internet admits it at the pod; the denied CIDR is dropped by netsec-deny.
  const used = (from: string): string[] => {
    const target = findExternalTarget(model, LB, 'TCP', 80);
    if (target === undefined) throw new Error('no LoadBalancer target for 203.0.113.50:80');
    return evaluateExternalServiceFlow(model, from, target).paths.filter((p) => p.unused === undefined)
      .map((p) => `${p.node}->${p.backend.pod ?? p.backend.address}:${p.allowed ? 'allow' : 'deny'}`);
  };

  test('the address from the inventory is the frontend-lb Service\'s LoadBalancer path, on port 80 only', () => {
    const target = findExternalTarget(model, LB, 'TCP', 80);
    expect(target?.kind).toBe('loadBalancer');
    expect(`${target?.service.namespace}/${target?.service.name}`).toBe('guestbook/frontend-lb');
    expect(target?.service.loadBalancerIPs).toEqual([LB]);
    expect(findExternalTarget(model, LB, 'TCP', 8080)).toBeUndefined();
  });

  test('from the internet, each worker with a frontend pod reaches it; worker-3 has none', () => {
    expect(used(INTERNET)).toEqual(['worker-1->guestbook/frontend-1:allow', 'worker-2->guestbook/frontend-2:allow']);
  });

  test('from the denied CIDR, every path is dropped', () => {
    expect(used(BAD)).toEqual(['worker-1->guestbook/frontend-1:deny', 'worker-2->guestbook/frontend-2:deny']);
  });
});

describe('backend: only from the frontend, on api (9000)', () => {
  test('frontend to backend on api is allowed, on the same node and across nodes', () => {
    expect(allowed('guestbook/frontend-1', 'guestbook/backend-1', 'TCP', 9000)).toBe(true);
    expect(allowed('guestbook/frontend-2', 'guestbook/backend-1', 'TCP', 9000)).toBe(true);
    expect(allowed('guestbook/frontend-1', 'guestbook/backend-2', 'TCP', 9000)).toBe(true);
  });

  test('frontend to backend on another port is denied', () => {
    expect(allowed('guestbook/frontend-1', 'guestbook/backend-1', 'TCP', 8080)).toBe(false);
  });

  test('the internet, the database and other namespaces cannot reach the backend', () => {
    expect(allowed(INTERNET, 'guestbook/backend-1', 'TCP', 9000)).toBe(false);
    expect(allowed('guestbook/db-0', 'guestbook/backend-2', 'TCP', 9000)).toBe(false);
    expect(allowed('kube-system/coredns-1', 'guestbook/backend-2', 'TCP', 9000)).toBe(false);
  });
});

describe('backend ClusterIP Service: 198.51.100.100:80 -> api (9000)', () => {
  const viaService = (from: string): string[] => evaluateServiceFlow(model, from, resolveServiceTarget(model.services, '198.51.100.100', 'TCP', '80'))
    .backends.map((b) => `${b.backend.pod} ${b.verdict?.allowed ? 'allow' : 'deny'}`);

  test('the frontend reaches both backends through it; coredns reaches neither (the backend takes the frontend only)', () => {
    expect(viaService('guestbook/frontend-1')).toEqual(['guestbook/backend-1 allow', 'guestbook/backend-2 allow']);
    expect(viaService('kube-system/coredns-1')).toEqual(['guestbook/backend-1 deny', 'guestbook/backend-2 deny']);
  });

  test('as a truth table column (README section 5): all from the frontends, some from each backend (itself), none from the rest', () => {
    const t = buildTruthTable(model, { protocol: 'TCP', port: 9000, services: true });
    const column = Object.fromEntries(Object.entries(t.toJSON().serviceReach ?? {}).map(([src, row]) => [src, row['service/guestbook/backend:80']]));
    expect(column).toEqual({
      'kube-system/coredns-1': 'none', 'guestbook/frontend-1': 'all', 'guestbook/frontend-2': 'all',
      'guestbook/backend-1': 'some', 'guestbook/backend-2': 'some', 'guestbook/db-0': 'none',
    });
  });
});

describe('database: only from the backend, on postgres (5432)', () => {
  test('backend to db on postgres is allowed', () => {
    expect(allowed('guestbook/backend-1', 'guestbook/db-0', 'TCP', 5432)).toBe(true);
    expect(allowed('guestbook/backend-2', 'guestbook/db-0', 'TCP', 5432)).toBe(true);
  });

  test('the frontend cannot reach the db, even on the same node; neither can the internet', () => {
    const v = flow(model, 'guestbook/frontend-2', 'guestbook/db-0', 'TCP', 5432);
    expect(v.allowed).toBe(false);
    expect(v.egress.allowed).toBe(false); // frontend's own egress: only backend api (and DNS)
    expect(v.ingress.allowed).toBe(false); // db's ingress: only the backend
    expect(allowed(INTERNET, 'guestbook/db-0', 'TCP', 5432)).toBe(false);
  });
});

describe('default deny keeps DNS; IBM public isolation opens pod egress to the ports it lists', () => {
  test('guestbook pods resolve names through kube-dns', () => {
    expect(allowed('guestbook/frontend-1', 'kube-system/coredns-1', 'UDP', 53)).toBe(true);
    expect(allowed('guestbook/db-0', 'kube-system/coredns-1', 'TCP', 53)).toBe(true);
  });

  test('egress to the internet on TCP 443 is allowed by allow-egress-pods-public, on 80 denied', () => {
    const v = flow(model, 'guestbook/backend-1', INTERNET, 'TCP', 443);
    expect(v.allowed).toBe(true);
    expect(decidingPolicies(v)).toEqual(['egress:allow-egress-pods-public:Allow']);
    expect(allowed('guestbook/backend-1', INTERNET, 'TCP', 80)).toBe(false);
  });
});

describe('denied CIDR 203.0.113.224/27 (DenyCidr, tier netsec-deny)', () => {
  test('an address of the denied block cannot reach the frontend, though the internet can', () => {
    const v = flow(model, BAD, 'guestbook/frontend-1', 'TCP', 8080);
    expect(v.allowed).toBe(false);
    // The packet is forwarded in through worker-1's public interface: its host endpoint's
    // applyOnForward policy allow-node-port-dnat lets it through, then the pod's own ingress
    // meets the netsec-deny tier first.
    expect(decidingPolicies(v)).toEqual(['ingress:allow-node-port-dnat:Allow', 'ingress:netsec-deny.deny-bad-block:Deny']);
  });

  test('guestbook pods cannot reach the denied block, even on 443 which IBM otherwise opens', () => {
    const v = flow(model, 'guestbook/backend-1', BAD, 'TCP', 443);
    expect(v.allowed).toBe(false);
    expect(decidingPolicies(v)).toEqual(['egress:netsec-deny.deny-bad-block:Deny']);
  });
});

describe('snapshot (reviewed)', () => {
  test.each(['lab.k8s.yaml', 'lab.calico.yaml', 'lab.inventory.yaml'])('%s', (name) => {
    expect(files.find((f) => path.basename(f.path) === name)?.content).toMatchSnapshot();
  });
});
