// A Calico rule with an HTTP match, as Felix programs it: libcalico-go accepts `http` on Allow
// ingress rules (TCP or no protocol), and Felix's rule renderer (felix/rules) has no HTTP match, so
// the kernel allows every TCP connection the rule's L3/L4 fields match; only application layer
// policy's sidecar looks at methods and paths. Expectations worked out by hand from that.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runNetsec as run } from '../helpers/run-cli';


const PODS = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata: {name: shop}
- apiVersion: v1
  kind: Node
  metadata: {name: n1}
  status: {addresses: [{type: InternalIP, address: 192.0.2.1}]}
- apiVersion: v1
  kind: Pod
  metadata: {name: api, namespace: shop, labels: {app: api}}
  spec: {nodeName: n1, containers: [{name: c}]}
  status: {phase: Running, podIP: 192.0.2.10}
- apiVersion: v1
  kind: Pod
  metadata: {name: web, namespace: shop, labels: {app: web}}
  spec: {nodeName: n1, containers: [{name: c}]}
  status: {phase: Running, podIP: 192.0.2.20}
`;

const POLICY = `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: api-get-only, namespace: shop}
spec:
  selector: app == 'api'
  types: [Ingress]
  ingress:
  - action: Allow
    protocol: TCP
    source: {selector: app == 'web'}
    destination: {ports: [8080]}
    http:
      methods: [GET]
      paths: [{prefix: /v1/}]
`;

describe('HTTP match (application layer policy) in Calico rules', () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-http-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('check: the L3/L4 part decides (allow on 8080, deny on 8081) and the trace says the HTTP part is not programmed', async () => {
    const m = write('p.yaml', POLICY);
    const c = write('c.yaml', PODS);
    const allowed = await run('check', '--manifests', m, '--cluster', c, '--from', 'shop/web', '--to', 'shop/api', '--protocol', 'TCP', '--port', '8080', '--expect', 'allow');
    expect(allowed.code).toBe(0);
    expect(allowed.out).toContain('rule 0: its HTTP match (methods GET; paths prefix /v1/) is not programmed by Felix');
    const other = await run('check', '--manifests', m, '--cluster', c, '--from', 'shop/web', '--to', 'shop/api', '--protocol', 'TCP', '--port', '8081', '--expect', 'deny');
    expect(other.code).toBe(0);
    expect(other.out).not.toContain('HTTP match');
  });

  test('lint: NS013 on the rule, naming the http field', async () => {
    const m = write('p.yaml', POLICY);
    const r = await run('lint', '--manifests', m, '--format', 'json');
    const findings = (JSON.parse(r.out) as { findings: { ruleId: string; location: { field?: string }; message: string }[] }).findings
      .filter((f) => f.ruleId === 'NS013');
    expect(findings).toHaveLength(1);
    expect(findings[0].location.field).toBe('spec.ingress[0].http');
    expect(findings[0].message).toContain('Calico NetworkPolicy shop/api-get-only: ingress rule 0');
  });

  test('validate: http on a Deny rule, on UDP, in egress, and a bad path are refused with Calico\'s reasons', async () => {
    const bad = write('bad.yaml', `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: bad}
spec:
  types: [Ingress, Egress]
  ingress:
  - {action: Deny, http: {methods: [GET]}}
  - {action: Allow, protocol: UDP, http: {methods: [GET]}}
  - {action: Allow, http: {paths: [{exact: /a b}]}}
  egress:
  - {action: Allow, http: {methods: [GET, GET]}}
`);
    const r = await run('validate', '--manifests', bad);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain('spec.ingress[0].http: HTTP match is only valid on Allow rules (got "Deny"');
    expect(r.out + r.err).toContain('spec.ingress[1].protocol: rules with HTTP match must have protocol TCP or unset (got "UDP"');
    expect(r.out + r.err).toContain('spec.ingress[2].http.paths[0].exact: invalid HTTP path (got "/a b"');
    expect(r.out + r.err).toContain('spec.egress[0].http: HTTP match is not allowed in an egress rule');
    expect(r.out + r.err).toContain('spec.egress[0].http.methods: duplicate HTTP methods');
  });

  test('the plan renders the rule from its L3/L4 fields, as Felix does: the same plan as without the http match', async () => {
    const c = write('c.yaml', PODS);
    const plan = async (name: string, policy: string): Promise<string> => {
      const out = path.join(dir, name, 'plan');
      const r = await run('plan', '--manifests', write(`${name}/p.yaml`, policy), '--cluster', c, '--out', out);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      // rule comments name the file, and rule ids hash the comment: both set apart
      return fs.readFileSync(path.join(out, 'n1.iptables'), 'utf8').split(`${dir}/${name}/`).join('').replace(/cali:[A-Za-z0-9_-]{16}/g, 'cali:ID');
    };
    const withHttp = await plan('with', POLICY);
    const plain = POLICY.replace(/\n    http:\n.*\n.*\n/, '\n');
    expect(plain).not.toContain('http');
    const without = await plan('without', plain);
    expect(withHttp).toContain('--destination-ports 8080');
    expect(withHttp).toBe(without);
  });
});
