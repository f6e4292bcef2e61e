// The eight ways real users' files were mis-read (each gave ALLOW where the cluster denies, or an
// empty answer with exit 0), written as a new user would have them: hand-written YAML, kubectl and
// calicoctl exports. Every expectation was worked out by hand from the Kubernetes and Calico docs.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runNetsec as run } from '../helpers/run-cli';


/** Two pods in namespace shop, a (192.0.2.10) and b (192.0.2.20), as `kubectl get pods -o yaml` prints them: a PodList of kind-less items. */
const PODS = `apiVersion: v1
kind: PodList
items:
- metadata: {name: a, namespace: shop, labels: {app: a}}
  spec: {nodeName: n1, containers: [{name: c, ports: [{containerPort: 80, name: http}]}]}
  status: {phase: Running, podIP: 192.0.2.10}
- metadata: {name: b, namespace: shop, labels: {app: b}}
  spec: {nodeName: n1, containers: [{name: c}]}
  status: {phase: Running, podIP: 192.0.2.20}
`;

describe('real manifests as users have them', () => {
  let dir: string;
  let cluster: string;
  const write = (name: string, text: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-real-'));
    cluster = write('cluster.yaml', PODS);
  });
  afterAll(() => { if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true }); });

  test('1. an egress section without policyTypes restricts egress (kube-apiserver defaults policyTypes to [Ingress, Egress])', async () => {
    const p = write('m1/egress.yaml', `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: a-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: a}}
  egress: [{ports: [{port: 53, protocol: UDP}]}]
`);
    const denied = await run('check', '--manifests', p, '--cluster', cluster, '--from', 'shop/a', '--to', 'shop/b', '--protocol', 'TCP', '--port', '80', '--expect', 'deny');
    expect(denied.code).toBe(0);
    expect(denied.out).toContain('spec.policyTypes defaulted to [Ingress, Egress] (kube-apiserver)');
    // and the ingress half applies too: nothing may reach a now
    const inbound = await run('check', '--manifests', p, '--cluster', cluster, '--from', 'shop/b', '--to', 'shop/a', '--protocol', 'TCP', '--port', '80', '--expect', 'deny');
    expect(inbound.code).toBe(0);
    const converted = await run('convert', '--manifests', p);
    expect(converted.out).toContain('types:\n    - Ingress\n    - Egress');
    expect(converted.out).toContain('# default: spec.policyTypes defaulted to [Ingress, Egress] (kube-apiserver)');
  });

  test('2. typed Lists, kind-less items, Lists in Lists and the crd.projectcalico.org/v1 form are read, not skipped', async () => {
    const np = write('m2/np-list.yaml', `apiVersion: networking.k8s.io/v1
kind: NetworkPolicyList
items:
- metadata: {name: deny-b, namespace: shop}
  spec: {podSelector: {matchLabels: {app: b}}, policyTypes: [Ingress]}
`);
    const gnp = write('m2/gnp-list.yaml', `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicyList
items:
- apiVersion: projectcalico.org/v3
  kind: GlobalNetworkPolicy
  metadata: {name: deny-b}
  spec: {selector: app == 'b', types: [Ingress], ingress: [{action: Deny}]}
`);
    const nested = write('m2/nested.yaml', `apiVersion: v1
kind: List
items:
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicyList
  items:
  - metadata: {name: deny-b, namespace: shop}
    spec: {podSelector: {matchLabels: {app: b}}}
`);
    const crd = write('m2/crd.yaml', `apiVersion: crd.projectcalico.org/v1
kind: GlobalNetworkPolicy
metadata:
  name: default.deny-b
  annotations: {projectcalico.org/metadata: '{"creationTimestamp":null}'}
  resourceVersion: "123"
  uid: 0f3e
spec: {tier: default, selector: app == 'b', types: [Ingress], ingress: [{action: Deny}]}
`);
    for (const file of [np, gnp, nested, crd]) {
      const r = await run('check', '--manifests', file, '--cluster', cluster, '--from', 'shop/a', '--to', 'shop/b', '--protocol', 'TCP', '--port', '80', '--expect', 'deny');
      expect({ file: path.basename(file), code: r.code }).toEqual({ file: path.basename(file), code: 0 });
      expect(r.err).not.toContain('skipped');
    }
    // convert printed nothing for a typed list
    expect((await run('convert', '--manifests', np, '--calico-version', '3.31')).out).toContain('name: knp.default.deny-b\n  namespace: shop');
    // a policy kind the declared Calico version (3.32 by default) does not convert is an error (exit 2), never a note
    const anp = write('m2/anp.yaml', `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: guard}
spec: {priority: 10, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}
`);
    const refused = await run('lint', '--manifests', anp);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${anp}#0: kind: policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy is not converted by Calico 3.32`);
  });

  test('3. the read path validates: each bad field is refused (exit 2) with file#document, field, value and what is allowed', async () => {
    const cases: [string, string, string][] = [
      ['ipBlock garbage', "ingress: [{from: [{ipBlock: {cidr: garbage}}]}]", 'spec.ingress[0].from[0].ipBlock.cidr: invalid CIDR (got "garbage"'],
      ['ipBlock 1.2.3', "ingress: [{from: [{ipBlock: {cidr: 1.2.3}}]}]", 'spec.ingress[0].from[0].ipBlock.cidr: invalid CIDR (got "1.2.3"'],
      ['prefix /33', "ingress: [{from: [{ipBlock: {cidr: 192.0.2.0/33}}]}]", 'spec.ingress[0].from[0].ipBlock.cidr: CIDR prefix out of range (got "192.0.2.0/33"'],
      ['operator Equals', "ingress: [{from: [{podSelector: {matchExpressions: [{key: app, operator: Equals, values: [a]}]}}]}]",
        'spec.ingress[0].from[0].podSelector.matchExpressions[0].operator: unknown operator (got "Equals"; allowed: In, NotIn, Exists, DoesNotExist)'],
      ['lowercase tcp', "ingress: [{ports: [{protocol: tcp, port: 80}]}]", 'spec.ingress[0].ports[0].protocol: unsupported protocol (got "tcp"; allowed: TCP, UDP or SCTP)'],
      ['port 70000', "ingress: [{ports: [{protocol: TCP, port: 70000}]}]", 'spec.ingress[0].ports[0].port: port number must be between 1 and 65535 (got 70000'],
      ['endPort below port', "ingress: [{ports: [{protocol: TCP, port: 90, endPort: 80}]}]", 'spec.ingress[0].ports[0].endPort: endPort is below port 90 (got 80'],
      ['policyTypes Bogus', "policyTypes: [Bogus]", 'spec.policyTypes[0]: unknown policy type (got "Bogus"; allowed: Ingress or Egress)'],
    ];
    for (const [name, spec, expected] of cases) {
      const file = write(`m3/${name.replace(/[^a-z0-9]+/gi, '-')}.yaml`, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  podSelector: {}
  ${spec}
`);
      const r = await run('check', '--manifests', file, '--cluster', cluster, '--from', 'shop/a', '--to', 'shop/b', '--protocol', 'TCP', '--port', '80');
      expect({ name, code: r.code }).toEqual({ name, code: 2 });
      expect(r.err).toContain(`${file}#0: ${expected}`);
      const v = await run('validate', '--manifests', file);
      expect({ name, code: v.code }).toEqual({ name, code: 2 });
      expect(v.out).toContain(`${file}#0: ${expected}`);
    }
    const calico = write('m3/calico.yaml', `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: Bad_Name}
spec:
  selector: global() || all()
  ingress: [{action: Allow, source: {nets: [192.0.2.1/24]}}]
`);
    const v = await run('validate', '--manifests', calico);
    expect(v.code).toBe(2);
    expect(v.out).toContain(`${calico}#0: metadata.name: name is not a DNS-1123 subdomain (got "Bad_Name"`);
    expect(v.out).toContain('spec.selector: global() can only be used in an EntityRule namespaceSelector (got "global() || all()"');
    expect(v.out).toContain('spec.ingress[0].source.nets[0]: CIDR has host bits set (got "192.0.2.1/24"; allowed: the network address, 192.0.2.0/24)');
    expect(v.out.trim().split('\n')).toHaveLength(1); // one line per invalid document
  });

  test('4. bare IP addresses in nets, notNets and network sets are /32s, as Calico reads them', async () => {
    const p = write('m4/ips.yaml', `apiVersion: projectcalico.org/v3
kind: GlobalNetworkSet
metadata: {name: blocked, labels: {list: blocked}}
spec: {nets: [203.0.113.7]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: deny-listed}
spec:
  selector: app == 'a'
  types: [Ingress]
  ingress: [{action: Deny, source: {selector: list == 'blocked'}}, {action: Deny, source: {nets: [203.0.113.8]}}, {action: Allow}]
`);
    const check = (from: string): Promise<{ code: number; out: string; err: string }> =>
      run('check', '--manifests', p, '--cluster', cluster, '--from', from, '--to', 'shop/a', '--protocol', 'TCP', '--port', '80');
    expect((await check('203.0.113.7')).out).toMatch(/: DENY\n/);
    expect((await check('203.0.113.8')).out).toMatch(/: DENY\n/);
    expect((await check('203.0.113.9')).out).toMatch(/: ALLOW\n/);
    expect((await run('validate', '--manifests', p)).code).toBe(0);
  });

  test('5. a folder with non-manifest files loads (one warning each); diff takes files and folders', async () => {
    write('m5/app.k8s.yaml', `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-b, namespace: shop}
spec: {podSelector: {matchLabels: {app: b}}}
`);
    write('m5/iptables/n1.endpoints.json', JSON.stringify({ node: 'n1', endpoints: [{ id: 'shop/a', kind: 'workload' }] }));
    write('m5/expected.json', JSON.stringify([{ from: 'shop/a', to: 'shop/b', verdict: 'deny' }]));
    const r = await run('lint', '--manifests', path.join(dir, 'm5'));
    expect(r.code).toBe(0);
    expect(r.err).toContain(`warning: ${path.join(dir, 'm5', 'expected.json')}: skipped: not a Kubernetes manifest`);
    expect(r.err).toContain(`warning: ${path.join(dir, 'm5', 'iptables', 'n1.endpoints.json')}: skipped: not a Kubernetes manifest`);
    const allowAll = write('m5b/allow.yaml', `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-b, namespace: shop}
spec: {podSelector: {matchLabels: {app: b}}, ingress: [{}]}
`);
    const extra = write('m5b/extra.yaml', `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: other, namespace: shop}
spec: {podSelector: {matchLabels: {app: nothing}}}
`);
    const diff = await run('diff', '--before', path.join(dir, 'm5'), '--after', allowAll, extra, '--cluster', cluster, '--ports', 'TCP/80', '--format', 'json');
    expect(diff.code).toBe(1); // a -> b on TCP 80 opens
    const opened = (JSON.parse(diff.out) as { opened: { from: string; to: string }[] }).opened;
    expect(opened.map((o) => `${o.from} -> ${o.to}`)).toContain('shop/a -> shop/b');
  });

  test('6. Helm-style folder (Deployments, Services, NetworkPolicies, a Calico GlobalNetworkPolicy) answers with no --cluster', async () => {
    const helm = path.join(dir, 'm6');
    write('m6/templates/frontend.yaml', `apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: web}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080, name: http}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: frontend, namespace: web}
spec: {selector: {app: frontend}, ports: [{port: 80, targetPort: http}]}
`);
    write('m6/templates/backend.yaml', `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: data}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: postgres, ports: [{containerPort: 5432, name: pg}]}]}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup, namespace: data}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: backup}}
        spec: {containers: [{name: b, image: busybox}], restartPolicy: OnFailure}
`);
    write('m6/templates/policies.yaml', `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-from-backup, namespace: data}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: backup}}}], ports: [{port: pg}]}]
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: deny-external-db}
spec:
  selector: app == 'db'
  types: [Ingress]
  ingress: [{action: Deny, source: {nets: [198.51.100.0/24]}}]
`);
    const check = async (from: string, to: string, port: string): Promise<string> => {
      const r = await run('check', '--manifests', helm, '--from', from, '--to', to, '--protocol', 'TCP', '--port', port);
      expect(r.code).toBe(0);
      return r.out.split('\n')[0];
    };
    // the backup job reaches the database on the named port pg = 5432, and on nothing else
    expect(await check('data/backup[CronJob]', 'data/db[StatefulSet]', '5432')).toMatch(/ALLOW$/);
    expect(await check('data/backup[CronJob]', 'data/db[StatefulSet]', '5433')).toMatch(/DENY$/);
    expect(await check('web/frontend[Deployment]', 'data/db[StatefulSet]', '5432')).toMatch(/DENY$/);
    // the frontend has no policy: open
    expect(await check('data/db[StatefulSet]', 'web/frontend[Deployment]', '8080')).toMatch(/ALLOW$/);
    // the address-based deny applies, and no derived pod sits in 198.51.100.0/24
    expect(await check('198.51.100.9', 'data/db[StatefulSet]', '5432')).toMatch(/DENY$/);
    const r = await run('check', '--manifests', helm, '--from', 'data/backup[CronJob]', '--to', 'data/db[StatefulSet]', '--protocol', 'TCP', '--port', '5432');
    expect(r.err).toContain('3 endpoints derived from workload manifests');
    expect(r.err).toContain('addresses from 198.18.0.0/15, which no policy names');
    const table = await run('table', '--manifests', helm, '--protocol', 'TCP', '--port', '5432', '--format', 'json');
    expect(table.code).toBe(0);
    expect(table.out).toContain('data/backup[CronJob]');
    // a pool the policies name is refused
    const bad = await run('check', '--manifests', helm, '--workload-pool', '198.51.100.0/25', '--from', 'data/backup[CronJob]',
      '--to', 'data/db[StatefulSet]', '--protocol', 'TCP', '--port', '5432');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--workload-pool 198.51.100.0/25: overlaps a CIDR the policies name');
  });

  test('7. robustness: deep selectors, bidi characters and invalid UTF-8 give clear errors', async () => {
    const deep = write('m7/deep.yaml', `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: deep}
spec: {selector: "${'('.repeat(3000)}a == 'b'${')'.repeat(3000)}"}
`);
    const d = await run('validate', '--manifests', deep);
    expect(d.code).toBe(2);
    expect(d.out).toContain(`${deep}#0: spec.selector: invalid selector: expected parentheses and negations nested at most 128 deep at position 128`);
    const bidi = write('m7/bidi.yaml', `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: "evil\u202Eexe"}
`);
    const b = await run('validate', '--manifests', bidi);
    expect(b.code).toBe(2);
    expect(b.out).toContain('(got "evil\\u202eexe"');
    expect(b.out).not.toContain('\u202E');
    const latin1 = write('m7/latin1.yaml', Buffer.concat([Buffer.from('apiVersion: v1\nkind: Namespace\nmetadata: {name: caf'), Buffer.from([0xe9]), Buffer.from('}\n')]));
    const u = await run('validate', '--manifests', latin1);
    expect(u.code).toBe(2);
    expect(u.err).toContain(`${latin1}: byte offset 51: not valid UTF-8 (got byte 0xe9)`);
  });

  test('8. --felix gives settings calico-node takes from its environment (DefaultEndpointToHostAction)', async () => {
    const hep = write('m8/hep.yaml', `apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: n1-eth0, labels: {role: node}}
spec: {node: n1, interfaceName: eth0, expectedIPs: [198.51.100.1]}
`);
    const nodes = write('m8/nodes.yaml', `${PODS}---
apiVersion: v1
kind: Node
metadata: {name: n1}
status: {addresses: [{type: InternalIP, address: 198.51.100.1}]}
`);
    const toHost = (...extra: string[]): Promise<{ code: number; out: string; err: string }> => run('check', '--manifests', hep, '--cluster', nodes,
      '--from', 'shop/a', '--to', 'hostendpoint/n1-eth0', '--protocol', 'TCP', '--port', '9100', ...extra);
    expect((await toHost()).out).toMatch(/: DENY\n/); // Felix's built-in default is Drop
    expect((await toHost('--felix', 'DefaultEndpointToHostAction=ACCEPT')).out).toMatch(/: ALLOW\n/); // the stock manifests' value
    const bad = await toHost('--felix', 'DefaultEndpointToHostAction=MAYBE');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--felix DefaultEndpointToHostAction: got "MAYBE"; allowed: DROP, ACCEPT or RETURN');
  });
});
