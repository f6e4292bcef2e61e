// Services as destination columns of the truth table (`netsec table --services`): one column per
// Service port of the protocol, its cell whether all, some or none of the backends kube-proxy DNATs
// to (iptables mode, KUBE-SVC-* picks one at random) are reachable from the row. The answers are
// worked by hand from the fixture's policies, as in service-flow.test.ts.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildEngineModel, buildTruthTable, parseEngineInputs } from '../../lib/engine';
import { runNetsec as run } from '../helpers/run-cli';
import {
  EMPTY_SERVICE, LOCKED_POLICY, SERVICE_WORLD_INVENTORY as INVENTORY, TO_WEB_8080, WEB_LOCAL_SERVICE, clientEgressPolicy, shopService,
} from './fixtures/service-world';

// The world of fixtures/service-world.ts; here web has a UDP port too, and headless has no cluster IP.
const SERVICES = `${shopService('web',
  '{clusterIP: 10.96.0.10, selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}, {name: dns, port: 53, protocol: UDP, targetPort: 53}]}')}`
  + `${WEB_LOCAL_SERVICE}${EMPTY_SERVICE}${shopService('headless', '{clusterIP: None, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}')}`
  + `${LOCKED_POLICY}${clientEgressPolicy(TO_WEB_8080)}`;

const COLUMNS = ['service/shop/web:80', 'service/shop/web-local:80', 'service/shop/empty:80'];

describe('truth table with Service columns', () => {
  const model = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${INVENTORY}${SERVICES}` }]));

  test('one column per TCP Service port with a cluster IP (the UDP port and the headless Service have none)', () => {
    const t = buildTruthTable(model, { protocol: 'TCP', port: 8080, services: true });
    expect(t.services?.columns.map((c) => c.id)).toEqual(COLUMNS);
    expect(buildTruthTable(model, { protocol: 'UDP', port: 53, services: true }).services?.columns.map((c) => c.id)).toEqual(['service/shop/web:53']);
    expect(buildTruthTable(model, { protocol: 'TCP', port: 8080 }).services).toBeUndefined();
  });

  test('a Service whose cluster IP kube-apiserver allocates has its column too; an ExternalName Service has none', () => {
    const extra = `---
apiVersion: v1
kind: Service
metadata: {name: front, namespace: shop}
spec: {type: NodePort, selector: {app: web}, ports: [{port: 80, targetPort: 8080, nodePort: 30080}]}
---
apiVersion: v1
kind: Service
metadata: {name: elsewhere, namespace: shop}
spec: {type: ExternalName, externalName: db.example.com}
`;
    const m = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${INVENTORY}${SERVICES}${extra}` }]));
    const t = buildTruthTable(m, { protocol: 'TCP', port: 8080, services: true });
    expect(t.services?.columns.map((c) => c.id)).toEqual([...COLUMNS, 'service/shop/front:80']);
    // client's egress allows web:8080, web-2 denies: some, as for the web Service
    expect(t.toJSON().serviceReach?.['shop/client']['service/shop/front:80']).toBe('some');
  });

  test('the cells, worked by hand', () => {
    const t = buildTruthTable(model, { protocol: 'TCP', port: 8080, services: true, externalAddresses: [{ name: 'internet', ip: '203.0.113.10' }] });
    const json = t.toJSON();
    expect(json.services).toEqual(COLUMNS);
    expect(json.serviceReach).toEqual({
      // egress to web on 8080: web-1 allowed, web-2 denies all ingress; web-local: only web-1 is on w1; empty: no backends
      'shop/client': { 'service/shop/web:80': 'some', 'service/shop/web-local:80': 'all', 'service/shop/empty:80': 'none' },
      // web-1 reaches itself, web-2 denies it; web-1 is on w1 so Local uses only itself
      'shop/web-1': { 'service/shop/web:80': 'some', 'service/shop/web-local:80': 'all', 'service/shop/empty:80': 'none' },
      // web-2 reaches web-1 and itself (a pod may reach itself); Local: web-2 is its node's only backend
      'shop/web-2': { 'service/shop/web:80': 'all', 'service/shop/web-local:80': 'all', 'service/shop/empty:80': 'none' },
      // the ClusterIP path is not judged from outside the cluster
      'internet': { 'service/shop/web:80': '-', 'service/shop/web-local:80': '-', 'service/shop/empty:80': '-' },
    });
  });
});

describe('netsec table --services', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-tablesvc-'));
    fs.writeFileSync(path.join(dir, 'm.yaml'), SERVICES);
    fs.writeFileSync(path.join(dir, 'cluster.yaml'), INVENTORY);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const table = (...args: string[]): ReturnType<typeof run> =>
    run('table', '--manifests', path.join(dir, 'm.yaml'), '--cluster', path.join(dir, 'cluster.yaml'), '--protocol', 'TCP', '--port', '8080', ...args);

  test('text: the Service columns after the pods', async () => {
    const r = await table('--services');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(1, 2)).toEqual([
      "Service columns (the TCP ports of each Service, through its cluster IP): '.' every backend reachable, 'S' some, 'X' none, '-' not judged (outside addresses)",
    ]);
    // pods: client -> client, web-1 allowed; -> web-2 denied; then web:80 some, web-local:80 all, empty:80 none
    expect(r.out).toContain('shop/client . . X S . X\n');
    expect(r.out).toContain('shop/web-2  . . . . . X\n');
  });

  test('json: the same text as the table\'s toJSON', async () => {
    const r = await table('--services', '--format', 'json');
    expect(r.code).toBe(0);
    const model = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: SERVICES }, { file: 'c.yaml', text: INVENTORY }]));
    const json = JSON.parse(r.out) as { serviceReach: unknown };
    expect(json.serviceReach).toEqual(buildTruthTable(model, { protocol: 'TCP', port: 8080, services: true }).toJSON().serviceReach);
  });

  test('--services with --level groups is a usage error', async () => {
    const r = await table('--services', '--level', 'groups');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--services needs --level pods (a Service cell is judged per row)');
  });
});
