// NS005-NS008: host endpoint exposure, lock-out, failsafe ports, IBM defaults.
import * as fs from 'fs';
import * as path from 'path';
import { lint, only } from './helpers';

const hep = (ip: string, extra = '') => `
apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: edge-1, labels: {role: edge}}
spec: {node: worker-1, interfaceName: eth1, expectedIPs: [${ip}]${extra}}
`;
const gnp = (rules: string) => `---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: edge-in}
spec:
  selector: role == 'edge'
  ingress:
${rules}
`;
const HTTPS_FROM = (net: string) => `  - {action: Allow, protocol: TCP, source: {nets: [${net}]}, destination: {ports: [443]}}`;

describe('NS005 world-ingress-to-host', () => {
  test('an Allow from 0.0.0.0/0 to a host endpoint', () => {
    const found = only(lint(hep('10.0.0.9') + gnp(HTTPS_FROM('0.0.0.0/0'))), 'NS005');
    expect(found).toHaveLength(1);
    expect(found[0].location).toMatchObject({ kind: 'GlobalNetworkPolicy', name: 'edge-in', field: 'spec.ingress[0].source.nets' });
    expect(found[0].message).toContain('edge-1');
  });
  test('::/0 counts too', () => {
    expect(only(lint(hep('10.0.0.9') + gnp(HTTPS_FROM('"::/0"'))), 'NS005')).toHaveLength(1);
  });
  test('a named network is fine', () => {
    expect(only(lint(hep('10.0.0.9') + gnp(HTTPS_FROM('198.51.100.0/24'))), 'NS005')).toEqual([]);
  });
  test('0.0.0.0/0 with a source selector is only the labelled endpoints, not the world', () => {
    expect(only(lint(hep('10.0.0.9') + gnp(HTTPS_FROM('0.0.0.0/0').replace('source: {', "source: {selector: app == 'frontend', "))), 'NS005'))
      .toEqual([]);
  });
  test('0.0.0.0/0 in a policy that selects no host endpoint is not this rule', () => {
    const yaml = hep('10.0.0.9') + gnp(HTTPS_FROM('0.0.0.0/0')).replace("role == 'edge'", "app == 'frontend'");
    expect(only(lint(yaml), 'NS005')).toEqual([]);
  });
});

describe('NS006 host-lockout-risk', () => {
  test('policies allow only 443: neither kubelet nor SSH is reachable', () => {
    const found = only(lint(hep('10.0.0.9') + gnp(HTTPS_FROM('0.0.0.0/0'))), 'NS006');
    expect(found).toHaveLength(1);
    expect(found[0].location).toMatchObject({ kind: 'HostEndpoint', name: 'edge-1', file: 'm.yaml' });
    expect(found[0].message).toContain('only the Felix failsafe keeps SSH open');
  });
  test('a host endpoint with no policy and no profile is default deny', () => {
    expect(only(lint(hep('10.0.0.9')), 'NS006')).toHaveLength(1);
  });
  test('an SSH allow with an empty ports list (any port, as Calico reads it) is enough', () => {
    expect(only(lint(hep('10.0.0.9') + gnp('  - {action: Allow, protocol: TCP, destination: {ports: []}}')), 'NS006')).toEqual([]);
  });
  test('SSH allowed from one network is enough', () => {
    const rules = `${HTTPS_FROM('0.0.0.0/0')}\n  - {action: Allow, protocol: TCP, source: {nets: [10.0.0.0/8]}, destination: {ports: [22]}}`;
    expect(only(lint(hep('10.0.0.9') + gnp(rules)), 'NS006')).toEqual([]);
  });
  test('an earlier Deny of all TCP makes a later SSH allow useless', () => {
    const rules = '  - {action: Deny, protocol: TCP}\n  - {action: Allow, protocol: TCP, destination: {ports: [22]}}';
    expect(only(lint(hep('10.0.0.9') + gnp(rules)), 'NS006')).toHaveLength(1);
  });
  test('the projectcalico-default-allow profile allows everything', () => {
    expect(only(lint(hep('10.0.0.9', ', profiles: [projectcalico-default-allow]')), 'NS006')).toEqual([]);
  });
});

describe('NS007 failsafe-overrides-policy', () => {
  test('default failsafe tcp:22 on a public host endpoint whose policies do not allow SSH', () => {
    const found = only(lint(hep('203.0.113.5') + gnp(HTTPS_FROM('198.51.100.0/24'))), 'NS007');
    expect(found.some((f) => f.message.startsWith('failsafe port tcp:22 '))).toBe(true);
    expect(found[0].location).toMatchObject({ kind: 'FelixConfiguration', name: 'default' });
  });
  test('a private host endpoint is not flagged', () => {
    expect(only(lint(hep('10.0.0.9') + gnp(HTTPS_FROM('198.51.100.0/24'))), 'NS007')).toEqual([]);
  });
  test('failsafe entries limited to a net are not flagged', () => {
    const felix = `---
apiVersion: projectcalico.org/v3
kind: FelixConfiguration
metadata: {name: default}
spec:
  failsafeInboundHostPorts: [{protocol: tcp, port: 22, net: 10.0.0.0/8}]
`;
    expect(only(lint(hep('203.0.113.5') + gnp(HTTPS_FROM('198.51.100.0/24')) + felix), 'NS007')).toEqual([]);
  });
  test('a port the policies allow from everywhere is not overridden', () => {
    const felix = `---
apiVersion: projectcalico.org/v3
kind: FelixConfiguration
metadata: {name: default}
spec:
  failsafeInboundHostPorts: [{protocol: tcp, port: 443}]
`;
    expect(only(lint(hep('203.0.113.5') + gnp(HTTPS_FROM('0.0.0.0/0')) + felix), 'NS007')).toEqual([]);
  });
});

const IBM = fs.readFileSync(path.join(__dirname, 'fixtures', 'ibm-defaults.yaml'), 'utf8');
const docs = IBM.split('\n---\n');
const without = (name: string): string => docs.filter((d) => !d.includes(`name: ${name}}`)).join('\n---\n');

describe('NS008 ibm-default-removed-or-weakened', () => {
  test('the full default set is clean', () => {
    expect(only(lint(IBM), 'NS008')).toEqual([]);
  });
  test('a removed default is reported', () => {
    const found = only(lint(without('allow-icmp')), 'NS008');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('allow-icmp is missing');
  });
  test('allow-kubelet-port stands in for allow-bigfix-port (2018 generation)', () => {
    const kubelet = IBM.replace('name: allow-bigfix-port', 'name: allow-kubelet-port').replace('[52311]', '[10250]');
    expect(only(lint(kubelet), 'NS008')).toEqual([]);
    const neither = only(lint(without('allow-bigfix-port')), 'NS008');
    expect(neither[0].message).toContain('allow-bigfix-port or allow-kubelet-port is missing');
  });
  test('a default whose key rule changed is weakened', () => {
    const found = only(lint(IBM.replace('protocol: 112', 'protocol: 50')), 'NS008');
    expect(found).toHaveLength(1);
    expect(found[0].location.name).toBe('allow-vrrp');
    expect(found[0].message).toContain('weakened');
  });
  test('a default whose selector no longer selects the public workers is weakened', () => {
    const found = only(lint(IBM.replace("selector: \"ibm.role in { 'worker_public', 'master_public' }\", types: [Ingress], ingress: [{action: Allow, protocol: ICMP}]",
      "selector: \"ibm.role == 'master_public'\", types: [Ingress], ingress: [{action: Allow, protocol: ICMP}]")), 'NS008');
    expect(found.map((f) => f.location.name)).toEqual(['allow-icmp']);
    expect(found[0].message).toContain('worker-1-public');
  });
  test('no ibm.role host endpoints: nothing is expected', () => {
    expect(only(lint(hep('10.0.0.9')), 'NS008')).toEqual([]);
  });
});
