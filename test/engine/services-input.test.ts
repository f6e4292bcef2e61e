// Services, EndpointSlices and Endpoints through the single read path: parse, kube-apiserver's
// defaults, Kubernetes' validation, and the backends kube-proxy would DNAT to. Expectations are
// worked by hand from Kubernetes' documented behaviour (cited per test).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputService, ValidationError, buildEngineModel, loadEngineInputs, parseEngineInputs } from '../../lib/engine';
import { ManifestError } from '../../lib/model/parse';

const pod = (name: string, ns: string, node: string, ip: string, labels: string, ports: string, phase = 'Running'): string => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}, labels: ${labels}}
spec: {nodeName: ${node}, containers: [{name: c, image: i, ports: ${ports}}]}
status: {phase: ${phase}, podIP: ${ip}}
`;

const PODS = [
  pod('web-1', 'shop', 'w1', '192.0.2.10', '{app: web}', '[{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]'),
  // the same port name resolves per pod: web-2 serves http on 8081
  pod('web-2', 'shop', 'w2', '192.0.2.11', '{app: web}', '[{name: http, containerPort: 8081}]'),
  // not Running: the EndpointSlice controller gives it no ready endpoint
  pod('web-3', 'shop', 'w1', '192.0.2.12', '{app: web}', '[{name: http, containerPort: 8080}]', 'Pending'),
  // another namespace: a Service selects pods of its own namespace only
  pod('web-4', 'other', 'w1', '192.0.2.13', '{app: web}', '[{name: http, containerPort: 8080}]'),
  // no container port named http (only a UDP one): no backend of the http port, still one of the numeric port
  pod('web-5', 'shop', 'w2', '192.0.2.14', '{app: web}', '[{name: http, containerPort: 8080, protocol: UDP}]'),
  pod('db-1', 'shop', 'w2', '192.0.2.20', '{app: db}', '[{name: pg, containerPort: 5432}]'),
].join('');

const read = (text: string): ReturnType<typeof parseEngineInputs> => parseEngineInputs([{ file: 'svc.yaml', text }]);
const service = (inputs: ReturnType<typeof parseEngineInputs>, name: string): InputService => {
  const s = (inputs.services ?? []).find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
};
const backends = (s: InputService, port: number): string[] =>
  (s.ports.find((p) => p.port === port)?.backends ?? []).map((b) => `${b.address}:${b.port}@${b.nodeName ?? '?'}/${b.pod ?? '?'}`);

describe('Services read through the single read path', () => {
  test('a ClusterIP Service is read, defaulted and its backends derived from its selector as the endpoints controller would', () => {
    const inputs = read(`apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  clusterIP: 10.96.0.10
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}, {name: metrics, port: 9090, targetPort: 9100}]
${PODS}`);
    expect(inputs.notes.join('\n')).not.toContain('v1/Service');
    const web = service(inputs, 'web');
    // kube-apiserver's defaults: type ClusterIP, protocol TCP, internalTrafficPolicy Cluster; no
    // externalTrafficPolicy on a ClusterIP Service
    expect(web).toMatchObject({
      namespace: 'shop', type: 'ClusterIP', clusterIPs: ['10.96.0.10'], internalTrafficPolicy: 'Cluster', backendsFrom: 'selector', location: 'svc.yaml#0',
    });
    expect(web.externalTrafficPolicy).toBeUndefined();
    expect(web.ports.map((p) => `${p.name}:${p.protocol}/${p.port}->${p.targetPort}`)).toEqual(['http:TCP/80->http', 'metrics:TCP/9090->9100']);
    // targetPort by name: resolved per pod among its TCP container ports (podutil.FindPort)
    expect(backends(web, 80)).toEqual(['192.0.2.10:8080@w1/shop/web-1', '192.0.2.11:8081@w2/shop/web-2']);
    // targetPort by number: every Running selected pod of the namespace
    expect(backends(web, 9090)).toEqual(['192.0.2.10:9100@w1/shop/web-1', '192.0.2.11:9100@w2/shop/web-2', '192.0.2.14:9100@w2/shop/web-5']);
  });

  test('NodePort and LoadBalancer fields: nodePort, externalIPs, status.loadBalancer.ingress, traffic policies, targetPort defaulted to port', () => {
    const inputs = read(`apiVersion: v1
kind: Service
metadata: {name: front, namespace: shop}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: {app: web}
  externalIPs: [198.51.100.7]
  ports: [{port: 8080, nodePort: 30080}]
status: {loadBalancer: {ingress: [{ip: 203.0.113.12}]}}
---
apiVersion: v1
kind: Service
metadata: {name: node, namespace: shop}
spec: {type: NodePort, selector: {app: db}, ports: [{port: 5432, targetPort: pg, nodePort: 30432}]}
${PODS}`);
    const front = service(inputs, 'front');
    expect(front).toMatchObject({
      type: 'LoadBalancer', externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Cluster',
      externalIPs: ['198.51.100.7'], loadBalancerIPs: ['203.0.113.12'], clusterIPs: [],
    });
    // targetPort unset is the port (SetDefaults_Service)
    expect(front.ports).toEqual([expect.objectContaining({ protocol: 'TCP', port: 8080, targetPort: '8080', nodePort: 30080 })]);
    expect(backends(front, 8080)).toEqual(['192.0.2.10:8080@w1/shop/web-1', '192.0.2.11:8080@w2/shop/web-2', '192.0.2.14:8080@w2/shop/web-5']);
    // a NodePort Service gets externalTrafficPolicy Cluster from kube-apiserver
    const node = service(inputs, 'node');
    expect(node).toMatchObject({ type: 'NodePort', externalTrafficPolicy: 'Cluster' });
    expect(backends(node, 5432)).toEqual(['192.0.2.20:5432@w2/shop/db-1']);
  });

  test('EndpointSlices labelled with the Service name win over the selector; kube-proxy takes ready endpoints, matched by port name and protocol', () => {
    const inputs = read(`apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}, {name: dns, port: 53, protocol: UDP}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: web-abc, namespace: shop, labels: {kubernetes.io/service-name: web}}
addressType: IPv4
ports: [{name: http, port: 8443}, {name: dns, port: 5353, protocol: UDP}]
endpoints:
- {addresses: [192.0.2.30, 192.0.2.31], nodeName: w1, targetRef: {kind: Pod, name: a, namespace: shop}}
- {addresses: [192.0.2.32], conditions: {ready: true}}
- {addresses: [192.0.2.33], conditions: {ready: false}}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: other-abc, namespace: shop, labels: {kubernetes.io/service-name: other}}
addressType: IPv4
ports: [{name: http, port: 9999}]
endpoints: [{addresses: [192.0.2.40]}]
${PODS}`);
    const web = service(inputs, 'web');
    expect(web.backendsFrom).toBe('EndpointSlice');
    // unset ready is ready; ready: false is no backend; an endpoint's first address is the one used
    expect(backends(web, 80)).toEqual(['192.0.2.30:8443@w1/shop/a', '192.0.2.32:8443@?/?']);
    expect(backends(web, 53)).toEqual(['192.0.2.30:5353@w1/shop/a', '192.0.2.32:5353@?/?']);
    expect(web.ports[1]).toMatchObject({ name: 'dns', protocol: 'UDP' });
  });

  test('with no ready endpoint kube-proxy falls back to serving terminating ones', () => {
    const inputs = read(`apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: web-1, namespace: shop, labels: {kubernetes.io/service-name: web}}
addressType: IPv4
ports: [{port: 80}]
endpoints:
- {addresses: [192.0.2.50], conditions: {ready: false, serving: true, terminating: true}}
- {addresses: [192.0.2.51], conditions: {ready: false, serving: false, terminating: true}}
- {addresses: [192.0.2.52], conditions: {ready: false}}
`);
    expect(backends(service(inputs, 'web'), 80)).toEqual(['192.0.2.50:80@?/?']);
  });

  test('v1 Endpoints back a Service without a selector: addresses are backends, notReadyAddresses are not', () => {
    const inputs = read(`apiVersion: v1
kind: Service
metadata: {name: ext, namespace: shop}
spec: {ports: [{name: https, port: 443}]}
---
apiVersion: v1
kind: Endpoints
metadata: {name: ext, namespace: shop}
subsets:
- addresses: [{ip: 198.51.100.20, nodeName: w1}]
  notReadyAddresses: [{ip: 198.51.100.21}]
  ports: [{name: https, port: 8443}]
---
apiVersion: v1
kind: Service
metadata: {name: none, namespace: shop}
spec: {selector: {}, ports: [{port: 80}]}
${PODS}`);
    const ext = service(inputs, 'ext');
    expect(ext.backendsFrom).toBe('Endpoints');
    expect(backends(ext, 443)).toEqual(['198.51.100.20:8443@w1/?']);
    // an empty selector is stored as none: the controller makes no endpoints for it
    expect(service(inputs, 'none')).toMatchObject({ backendsFrom: 'none', ports: [expect.objectContaining({ backends: [] })] });
  });

  test('the namespace defaults as kubectl would, and the engine says what it does with Services', () => {
    const inputs = read(`apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`);
    expect(service(inputs, 'web').namespace).toBe('default');
    const model = buildEngineModel(inputs);
    expect(model.notes).toContain("1 Service read (0 port backends); `check --to service/<ns>/<name>` or a cluster IP judges each backend after kube-proxy's DNAT; "
      + "`check --to` a node address and nodePort, or a LoadBalancer or external IP and port, judges kube-proxy's external path per backend");
  });

  test('Services in the manifests meet the pods of --cluster', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-svc-'));
    try {
      fs.writeFileSync(path.join(dir, 'svc.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: shop}\nspec: {selector: {app: db}, ports: [{port: 5432, targetPort: pg}]}\n');
      fs.writeFileSync(path.join(dir, 'cluster.yaml'), PODS);
      const inputs = loadEngineInputs({ manifests: [path.join(dir, 'svc.yaml')], cluster: path.join(dir, 'cluster.yaml') });
      expect(backends(service(inputs, 'db'), 5432)).toEqual(['192.0.2.20:5432@w2/shop/db-1']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Services are validated with Kubernetes rules, every problem named', () => {
  const problems = (text: string): string => {
    try {
      read(text);
    } catch (e) {
      if (e instanceof ValidationError || e instanceof ManifestError) return e.message;
      throw e;
    }
    throw new Error('no error');
  };

  test('ports, names, nodePort, traffic policies and addresses', () => {
    const message = problems(`apiVersion: v1
kind: Service
metadata: {name: 1web, namespace: shop}
spec:
  externalTrafficPolicy: Local
  clusterIP: 10.96.0.300
  ports: [{port: 80, nodePort: 30080, protocol: tcp}, {port: 70000, targetPort: HTTP}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: s, namespace: shop}
addressType: IPv4
endpoints: [{addresses: ["2001:db8::1"]}]
`);
    expect(message.split('\n')).toEqual([
      'svc.yaml#0: '
      + "metadata.name: Service name is not a DNS-1035 label (got \"1web\"; allowed: a DNS-1035 label: lower case letters, digits and '-', starting with a letter, ending with a letter or digit, at most 63 characters); "
      + "spec.ports[0].name: a name is required when there is more than one port (got \"\"; allowed: a DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters); "
      + "spec.ports[1].name: a name is required when there is more than one port (got \"\"; allowed: a DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters); "
      + 'spec.ports[0].protocol: unsupported protocol (got "tcp"; allowed: TCP, UDP or SCTP); '
      + 'spec.ports[0].nodePort: nodePort may not be used when type is ClusterIP (got 30080; allowed: type NodePort or LoadBalancer, or no nodePort); '
      + 'spec.ports[1].port: port number must be between 1 and 65535 (got 70000; allowed: a port number 1-65535); '
      + "spec.ports[1].targetPort: invalid port name (got \"HTTP\"; allowed: at most 15 lower case letters, digits and '-', with at least one letter, no '--', not starting or ending with '-'); "
      + "spec.clusterIP: not an IP address (got \"10.96.0.300\"; allowed: an IPv4 address like 192.0.2.1 or an IPv6 address like 2001:db8::1, 'None' (headless) or empty (allocated)); "
      + 'spec.externalTrafficPolicy: may only be set for externally-accessible Services (got "Local"; allowed: type NodePort or LoadBalancer, or externalIPs)',
      'svc.yaml#1: endpoints[0].addresses[0]: not an IPv4 address (got "2001:db8::1"; allowed: an IPv4 address (the slice\'s addressType))',
    ]);
  });

  test('shape errors name the field: a port without a number, an unknown field', () => {
    expect(problems('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{name: http}]}\n'))
      .toBe('svc.yaml#0: spec.ports[0].port: expected a value (the field is required), got nothing');
    expect(problems('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}], selectr: {}}\n'))
      .toMatch(/^svc\.yaml#0: spec\.selectr: expected one of the fields type, selector, ports, .*, got unknown field "selectr" \(did you mean "selector"\?\)$/);
  });

  test('a valid Service of each type reads without a problem', () => {
    const inputs = read(`apiVersion: v1
kind: Service
metadata: {name: a, namespace: shop}
spec: {type: NodePort, externalTrafficPolicy: Cluster, ports: [{name: http, port: 80, nodePort: 30080}, {name: https, port: 443, nodePort: 30443}]}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: shop}
spec: {clusterIP: None, selector: {app: web}}
---
apiVersion: v1
kind: Service
metadata: {name: c, namespace: shop}
spec: {type: ExternalName, externalName: example.org}
`);
    expect((inputs.services ?? []).map((s) => `${s.name}:${s.type}`)).toEqual(['a:NodePort', 'b:ClusterIP', 'c:ExternalName']);
  });
});
