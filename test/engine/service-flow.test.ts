// The kube-proxy ClusterIP path (iptables mode) from a pod: kube-proxy's KUBE-SVC-* chain DNATs the
// cluster IP and port to one backend at random, before Calico's filter chains run, so the source's
// egress policy sees the backend's address and target port and the backend's ingress sees the source
// pod. Every backend is judged; the answers below are worked by hand from that order.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildEngineModel, evaluateServiceFlow, parseEngineInputs, resolveServiceTarget } from '../../lib/engine';
import { runNetsec as run } from '../helpers/run-cli';
import {
  EMPTY_SERVICE, LOCKED_POLICY, SERVICE_WORLD_INVENTORY as INVENTORY, TO_WEB_8080, WEB_LOCAL_SERVICE, WEB_SERVICE, clientEgressPolicy, shopService,
} from './fixtures/service-world';

const SERVICES = `${WEB_SERVICE}${WEB_LOCAL_SERVICE}${EMPTY_SERVICE}${shopService('front',
  '{type: NodePort, selector: {app: web}, ports: [{port: 80, targetPort: http, nodePort: 30080}]}')}`;

/** web-2 (tier: locked) takes no ingress; the client may send only what `egress` allows. */
const policies = (egress: string): string => `${LOCKED_POLICY}${clientEgressPolicy(egress)}`;

function answer(egress: string, to: string, port: string): { summary: string; backends: string[] } {
  const model = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${INVENTORY}${SERVICES}${policies(egress)}` }]));
  const v = evaluateServiceFlow(model, 'shop/client', resolveServiceTarget(model.services, to, 'TCP', port));
  return {
    summary: v.summary,
    backends: v.backends.map((b) => `${b.backend.address}:${b.backend.port} ${b.verdict ? (b.verdict.allowed ? 'allow' : 'deny') : 'unused'}`),
  };
}

describe('check a flow to a Service: each backend after kube-proxy DNAT', () => {
  test('egress sees the backend and target port: allowed to web-1, web-2 denied by its own ingress, so some reachable', () => {
    const expected = { summary: 'some', backends: ['192.0.2.10:8080 allow', '192.0.2.11:8080 deny'] };
    expect(answer(TO_WEB_8080, 'service/shop/web', 'http')).toEqual(expected);
    // the same Service by its cluster IP and port number
    expect(answer(TO_WEB_8080, '10.96.0.10', '80')).toEqual(expected);
  });

  test('an egress rule for the Service port 80 never matches: after DNAT the port is 8080', () => {
    expect(answer('{to: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 80}]}', 'service/shop/web', '80'))
      .toEqual({ summary: 'none', backends: ['192.0.2.10:8080 deny', '192.0.2.11:8080 deny'] });
  });

  test('an egress ipBlock for the service range never matches: after DNAT the destination is the pod', () => {
    expect(answer('{to: [{ipBlock: {cidr: 10.96.0.0/12}}]}', 'service/shop/web', 'http').summary).toBe('none');
  });

  test('internalTrafficPolicy Local: kube-proxy uses only the backends on the source\'s node', () => {
    expect(answer(TO_WEB_8080, 'service/shop/web-local', '80')).toEqual({ summary: 'all', backends: ['192.0.2.10:8080 allow', '192.0.2.11:8080 unused'] });
  });

  test('a Service with no backends: none reachable, and the reason is said', () => {
    const model = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${INVENTORY}${SERVICES}` }]));
    const v = evaluateServiceFlow(model, 'shop/client', resolveServiceTarget(model.services, 'service/shop/empty', 'TCP', '80'));
    expect(v.summary).toBe('none');
    expect(v.notes[0]).toBe('no backends (from selector): kube-proxy rejects the flow (KUBE-SERVICES reject for a Service without endpoints)');
  });

  test('a port the Service does not have, or an unknown Service, is an input error naming what exists', () => {
    const model = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${INVENTORY}${SERVICES}` }]));
    expect(() => resolveServiceTarget(model.services, 'service/shop/web', 'TCP', '81'))
      .toThrow('Service shop/web has no TCP port "81"; its ports: http TCP/80');
    expect(() => resolveServiceTarget(model.services, 'service/shop/web', 'UDP', 'http')).toThrow('has no UDP port "http"');
    expect(() => resolveServiceTarget(model.services, 'service/shop/nope', 'TCP', '80'))
      .toThrow('no Service shop/nope in the inputs; Services read: shop/web, shop/web-local, shop/empty, shop/front');
  });
});

describe('netsec check --to service/...', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-svcflow-'));
    fs.writeFileSync(path.join(dir, 'm.yaml'), `${SERVICES}${policies(TO_WEB_8080)}`);
    fs.writeFileSync(path.join(dir, 'cluster.yaml'), INVENTORY);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const check = (...args: string[]): ReturnType<typeof run> =>
    run('check', '--manifests', path.join(dir, 'm.yaml'), '--cluster', path.join(dir, 'cluster.yaml'), '--from', 'shop/client', '--protocol', 'TCP', ...args);

  test('one answer with a verdict and trace per backend, and what is not modelled', async () => {
    const r = await check('--to', 'service/shop/web', '--port', 'http');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('shop/client -> 10.96.0.10:80 TCP (http) = Service shop/web, ClusterIP path: some of 2 backends reachable');
    expect(lines.filter((l) => l.startsWith('backend '))).toEqual([
      'backend 1: 192.0.2.10:8080 (shop/web-1 on w1): ALLOW',
      'backend 2: 192.0.2.11:8080 (shop/web-2 on w2): DENY',
    ]);
    expect(r.out).toContain('  shop/client -> shop/web-1 TCP/8080: ALLOW');
    expect(r.out).toContain('note: not modelled on this path: kube-proxy IPVS and nftables modes');
  });

  test('--expect allow holds only when every backend is reachable', async () => {
    const r = await check('--to', '10.96.0.10', '--port', '80', '--expect', 'allow', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('netsec check: expected allow, got some of the backends reachable');
    const json = JSON.parse(r.out) as { summary: string; backends: { address: string; verdict: { verdict: string } }[] };
    expect(json.summary).toBe('some');
    expect(json.backends.map((b) => `${b.address} ${b.verdict.verdict}`)).toEqual(['192.0.2.10 allow', '192.0.2.11 deny']);
  });

  test('a nodePort to an address that is no node\'s is judged as a flow to that address (the external path is in service-external.test.ts)', async () => {
    const r = await check('--to', '198.51.100.1', '--port', '30080');
    expect(r.out.split('\n')[0]).toBe('shop/client -> 198.51.100.1 TCP/30080: DENY');
  });
});
