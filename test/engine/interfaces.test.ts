// Which host endpoint polices traffic crossing a node interface. Felix dispatches host endpoint
// chains by interface, never by address (felix/rules/dispatch.go: cali-from-hep-forward `-i <iface>`,
// cali-to-hep-forward `-o <iface>`, cali-from-host-endpoint, cali-to-host-endpoint); the raw and
// mangle cali-fh chains jump to cali-failsafe-in first, and the filter cali-FORWARD chain skips only
// cali-from-hep-forward for packets accepted in raw/mangle, running the workload dispatch always
// (felix/rules/static.go, endpoints.go). Expectations are worked out by hand from those chains.
import { buildFlow, evaluateFlow, InputError } from '../../lib/engine';
import { inventory, model } from './helpers/world';

const hep = (name: string, iface: string, ip: string, role: string): string => `apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: ${name}, labels: {ibm.role: ${role}}}
spec: {node: worker-1, interfaceName: ${iface}, expectedIPs: [${ip}]}
---
`;
const gnp = (name: string, spec: string): string => `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: ${name}}
spec:
${spec.split('\n').map((l) => `  ${l}`).join('\n')}
---
`;
const knp = (name: string, ns: string, spec: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: ${ns}}
spec:
${spec.split('\n').map((l) => `  ${l}`).join('\n')}
---
`;

/** worker-1: private 198.51.100.10 (eth0), public 203.0.113.10 (eth1); one pod. */
function cluster(): string {
  const text = inventory([{ ns: 'ops', name: 'pod-0', ip: '192.0.2.11', labels: { app: 'web' }, node: 'worker-1' }]);
  return text.replace(/items:\n/, `items:
  - apiVersion: v1
    kind: Node
    metadata: {name: worker-1, labels: {}}
    status: {addresses: [{type: InternalIP, address: 198.51.100.10}, {type: ExternalIP, address: 203.0.113.10}]}
`);
}

const PRIVATE_HEP = hep('worker-1-private', 'eth0', '198.51.100.10', 'worker_private');
const PUBLIC_HEP = hep('worker-1-public', 'eth1', '203.0.113.10', 'worker_public');
const DENY_FORWARD_PRIVATE = gnp('deny-fwd', "selector: ibm.role == 'worker_private'\napplyOnForward: true\ningress:\n- action: Deny");

function verdict(manifests: string, from: string, to: string, protocol: string, port: number | undefined, via?: string) {
  const m = model(manifests, cluster());
  return evaluateFlow(m, buildFlow(m, { from, to, protocol, port, ...(via ? { via } : {}) }));
}

describe('forwarded traffic is policed by the host endpoint of the interface it crosses (seed 6)', () => {
  const manifests = PRIVATE_HEP + DENY_FORWARD_PRIVATE;

  test('internet traffic arriving on eth1, which has no host endpoint: the eth0 forward policy does not apply', () => {
    const v = verdict(manifests, '203.0.113.1', 'ops/pod-0', 'TCP', 8080, 'eth1');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages.map((s) => s.stage)).toEqual(['workload']);
  });

  test('the same traffic arriving on eth0 meets the eth0 host endpoint\'s forward Deny', () => {
    const v = verdict(manifests, '203.0.113.1', 'ops/pod-0', 'TCP', 8080, 'eth0');
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages.map((s) => [s.stage, s.endpoint, s.verdict]))
      .toEqual([['host-untracked', 'hostendpoint/worker-1-private', 'continue'], ['host-prednat', 'hostendpoint/worker-1-private', 'continue'],
        ['host-forward', 'hostendpoint/worker-1-private', 'deny']]);
  });

  test('default without via: the address is closest to the public Node address, which no host endpoint claims', () => {
    expect(verdict(manifests, '203.0.113.1', 'ops/pod-0', 'TCP', 8080).allowed).toBe(true);
    // 198.51.100.1 is closest to the private address, claimed by the eth0 host endpoint.
    expect(verdict(manifests, '198.51.100.1', 'ops/pod-0', 'TCP', 8080).allowed).toBe(false);
  });

  test('a pod leaving by eth1 meets the eth1 host endpoint\'s forward egress policy, also with two host endpoints (seed 24)', () => {
    const denyOut = gnp('deny-out', "selector: ibm.role == 'worker_public'\napplyOnForward: true\ntypes: [Egress]\negress:\n- action: Deny");
    const manifests2 = PRIVATE_HEP + PUBLIC_HEP + denyOut;
    const out = verdict(manifests2, 'ops/pod-0', '203.0.113.1', 'TCP', 443, 'eth1');
    expect(out.allowed).toBe(false);
    expect(out.egress.stages.map((s) => [s.stage, s.endpoint, s.verdict]))
      .toEqual([['workload', 'ops/pod-0', 'allow'], ['host-forward', 'hostendpoint/worker-1-public', 'deny']]);
    expect(verdict(manifests2, 'ops/pod-0', '198.51.100.1', 'TCP', 443, 'eth0').allowed).toBe(true);
    // Default: 203.0.113.1 is closest to the eth1 host endpoint's expectedIP.
    expect(verdict(manifests2, 'ops/pod-0', '203.0.113.1', 'TCP', 443).allowed).toBe(false);
  });
});

describe('default interface: scope before prefix', () => {
  test('a public address goes to the public interface even when it shares more leading bits with the private address', () => {
    // 8.8.8.8 = 00001000..., private 10.0.0.5 = 00001010... (6 bits shared), public 169.45.1.2 = 10101001... (0 bits).
    const inv = inventory([{ ns: 'ops', name: 'pod-0', ip: '172.30.0.5', node: 'worker-1' }]).replace(/items:\n/, `items:
  - apiVersion: v1
    kind: Node
    metadata: {name: worker-1, labels: {}}
    status: {addresses: [{type: InternalIP, address: 10.0.0.5}, {type: ExternalIP, address: 169.45.1.2}]}
`);
    const manifests = hep('priv', 'eth0', '10.0.0.5', 'worker_private')
      + gnp('deny-fwd', "selector: ibm.role == 'worker_private'\napplyOnForward: true\ningress:\n- action: Deny");
    const m = model(manifests, inv);
    expect(evaluateFlow(m, buildFlow(m, { from: '8.8.8.8', to: 'ops/pod-0', protocol: 'TCP', port: 80 })).allowed).toBe(true);
    expect(evaluateFlow(m, buildFlow(m, { from: '10.1.2.3', to: 'ops/pod-0', protocol: 'TCP', port: 80 })).allowed).toBe(false);
  });
});

describe('the host\'s own traffic follows the interface too', () => {
  const manifests = PRIVATE_HEP + PUBLIC_HEP
    + gnp('private-all', "selector: ibm.role == 'worker_private'\ningress:\n- action: Allow\negress:\n- action: Allow");

  test('to the public address: arriving on eth1, the public host endpoint (no policy, no profile) denies; arriving on eth0, the private one allows', () => {
    expect(verdict(manifests, '198.51.100.1', '203.0.113.10', 'TCP', 80, 'eth1').allowed).toBe(false);
    const v = verdict(manifests, '198.51.100.1', '203.0.113.10', 'TCP', 80, 'eth0');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages.at(-1)?.endpoint).toBe('hostendpoint/worker-1-private');
    // Without via: the host endpoint owning the destination address (the public one).
    expect(verdict(manifests, '198.51.100.1', '203.0.113.10', 'TCP', 80).allowed).toBe(false);
  });

  test('an interface without a host endpoint is not policed, even for an address a host endpoint owns', () => {
    const v = verdict(PUBLIC_HEP, '192.0.2.200', '203.0.113.10', 'TCP', 80, 'eth2');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages.map((s) => s.stage)).toEqual(['unpoliced']);
  });

  test('a Node address without a host endpoint is policed by the host endpoint of the interface given', () => {
    expect(verdict(PRIVATE_HEP, '203.0.113.1', '203.0.113.10', 'TCP', 80).allowed).toBe(true);
    expect(verdict(PRIVATE_HEP, '203.0.113.1', '203.0.113.10', 'TCP', 80, 'eth0').allowed).toBe(false);
  });

  test('buildFlow rejects a via that is no interface name', () => {
    const m = model(PRIVATE_HEP, cluster());
    expect(() => buildFlow(m, { from: '203.0.113.1', to: 'ops/pod-0', protocol: 'TCP', port: 80, via: 'eth 1' })).toThrow(InputError);
    expect(() => buildFlow(m, { from: '203.0.113.1', to: 'ops/pod-0', protocol: 'TCP', port: 80, via: 'eth 1' })).toThrow(/via "eth 1" is not a Linux interface name/);
  });
});

describe('forwarded traffic accepted in raw or mangle still meets the pod\'s own policy (seeds 5, 14, 20)', () => {
  const preAllow = gnp('pre-allow', "selector: ibm.role == 'worker_public'\npreDNAT: true\napplyOnForward: true\ningress:\n- action: Allow");
  const denyAll = knp('deny-all', 'ops', 'podSelector: {}\npolicyTypes: [Ingress]');

  test('preDNAT Allow then a pod default-deny: denied by the pod\'s chain (cali-tw runs whatever the accept mark)', () => {
    const v = verdict(PUBLIC_HEP + preAllow + denyAll, '203.0.113.1', 'ops/pod-0', 'TCP', 8080, 'eth1');
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages.map((s) => [s.stage, s.verdict])).toEqual([['host-untracked', 'continue'], ['host-prednat', 'allow'], ['workload', 'deny']]);
  });

  test('preDNAT Allow skips the forward policy: an applyOnForward Deny on the interface does not apply', () => {
    const fwdDeny = gnp('fwd-deny', "selector: ibm.role == 'worker_public'\napplyOnForward: true\ningress:\n- action: Deny");
    const v = verdict(PUBLIC_HEP + preAllow + fwdDeny, '203.0.113.1', 'ops/pod-0', 'TCP', 8080, 'eth1');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages.map((s) => s.stage)).toEqual(['host-untracked', 'host-prednat', 'workload']);
  });
});

describe('failsafe ports and forwarded traffic (seed 23)', () => {
  const preDeny = gnp('pre-deny', "selector: ibm.role == 'worker_public'\npreDNAT: true\napplyOnForward: true\ningress:\n- action: Deny\n  protocol: TCP");

  test('a failsafe port (tcp:22 by default) skips a preDNAT Deny of forwarded traffic', () => {
    const v = verdict(PUBLIC_HEP + preDeny, '203.0.113.1', 'ops/pod-0', 'TCP', 22, 'eth1');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages.map((s) => [s.stage, s.failsafe])).toEqual([['host-failsafe', 'tcp:22'], ['host-forward', undefined], ['workload', undefined]]);
    expect(verdict(PUBLIC_HEP + preDeny, '203.0.113.1', 'ops/pod-0', 'TCP', 23, 'eth1').allowed).toBe(false);
  });

  test('but not the forward policy: cali-fhfw chains have no failsafe jump', () => {
    const fwdDeny = gnp('fwd-deny', "selector: ibm.role == 'worker_public'\napplyOnForward: true\ningress:\n- action: Deny");
    const v = verdict(PUBLIC_HEP + fwdDeny, '203.0.113.1', 'ops/pod-0', 'TCP', 22, 'eth1');
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages.map((s) => [s.stage, s.verdict])).toEqual([['host-failsafe', 'continue'], ['host-forward', 'deny']]);
  });
});

describe('an all-interfaces (*) host endpoint also covers the pods\' cali interfaces for forwarded traffic', () => {
  // felix/rules/dispatch.go: the * endpoint's chains are the default of cali-from-hep-forward and
  // cali-to-hep-forward, which cali-FORWARD runs for every packet (static.go), pods included
  const STAR = hep('worker-1-auto', '"*"', '198.51.100.10', 'auto');
  const FWD_DENY_81 = gnp('fwd-out', "selector: ibm.role == 'auto'\napplyOnForward: true\ntypes: [Egress]\negress:\n- action: Deny\n  protocol: TCP\n  destination: {ports: [81]}\n- action: Allow");
  const twoPods = (): string => inventory([
    { ns: 'ops', name: 'a', ip: '192.0.2.11', labels: { app: 'a' }, node: 'worker-1' },
    { ns: 'ops', name: 'b', ip: '192.0.2.12', labels: { app: 'b' }, node: 'worker-1' },
  ]);

  test('pod to pod on the node meets the * forward egress policy after the pod\'s own chain', () => {
    const m = model(STAR + FWD_DENY_81, twoPods());
    const denied = evaluateFlow(m, buildFlow(m, { from: 'ops/a', to: 'ops/b', protocol: 'TCP', port: 81 }));
    expect(denied.allowed).toBe(false);
    expect(denied.ingress.stages.map((s) => [s.stage, s.verdict])).toEqual([['workload', 'allow'], ['host-forward', 'deny']]);
    // the forward ingress chain of * has no policy but the endpoint has a forward tier: it leaves the decision to others
    expect(denied.egress.stages.map((s) => [s.stage, s.verdict])).toEqual([['host-prednat', 'continue'], ['host-forward', 'continue'], ['workload', 'allow']]);
    expect(evaluateFlow(m, buildFlow(m, { from: 'ops/a', to: 'ops/b', protocol: 'TCP', port: 80 })).allowed).toBe(true);
  });

  test('without a * endpoint the same pods are not policed by host endpoints', () => {
    const m = model(FWD_DENY_81, twoPods());
    expect(evaluateFlow(m, buildFlow(m, { from: 'ops/a', to: 'ops/b', protocol: 'TCP', port: 81 })).allowed).toBe(true);
  });
});
