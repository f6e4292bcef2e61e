import { ManifestError, parseResource } from '../../../lib/model/parse';

const K8S = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'n' } };
const GNP = { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'g' } };

function errorOf(doc: unknown, location = 'dist/x.yaml#2'): ManifestError {
  try {
    parseResource(doc, location);
  } catch (e) {
    if (e instanceof ManifestError) return e;
    throw e;
  }
  throw new Error('expected a ManifestError');
}

describe('parseResource', () => {
  test('unknown kinds give undefined', () => {
    expect(parseResource({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 1 } }, 'f#0')).toBeUndefined();
    expect(parseResource({ apiVersion: 'projectcalico.org/v3', kind: 'BGPConfiguration', metadata: { name: 'p' } }, 'f#0')).toBeUndefined();
  });

  test('an IPPool is read (its encapsulation changes the plan): its spec and cidr are required', () => {
    expect(() => parseResource({ apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'p' } }, 'f#0'))
      .toThrow('f#0: spec: expected a value (the field is required), got nothing');
    expect(() => parseResource({ apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'p' }, spec: { ipipMode: 'Always' } }, 'f#0'))
      .toThrow('spec.cidr');
  });

  test('a policy kind in a group the model does not read is an error, never skipped (fail closed)', () => {
    // the admin policy kinds are read in their own versions only (v1alpha1 ANP/BANP, v1alpha2 CNP)
    for (const [apiVersion, kind] of [['extensions/v1beta1', 'NetworkPolicy'], ['policy.networking.k8s.io/v1alpha2', 'AdminNetworkPolicy'],
      ['policy.networking.k8s.io/v1alpha1', 'ClusterNetworkPolicy'], ['example.com/v1', 'HostEndpoint']]) {
      const e = errorOf({ apiVersion, kind, metadata: { name: 'p' } }, 'f#0');
      expect(e.message).toBe(`f#0: kind: expected a kind the engine reads (networking.k8s.io/v1 NetworkPolicy, or a projectcalico.org/v3 `
        + '(or crd.projectcalico.org/v1) NetworkPolicy, GlobalNetworkPolicy, HostEndpoint, GlobalNetworkSet, NetworkSet, Tier, '
        + 'FelixConfiguration or IPPool, a policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy, or a '
        + `policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy); skipping this one would give wrong answers, got ${apiVersion}/${kind}`);
    }
    // staged policies are not enforced: skipped
    expect(parseResource({ apiVersion: 'projectcalico.org/v3', kind: 'StagedNetworkPolicy', metadata: { name: 'p' } }, 'f#0')).toBeUndefined();
  });

  test("Calico's CRD form (kubectl get -o yaml without the Calico API server) reads as projectcalico.org/v3", () => {
    const r = parseResource({
      apiVersion: 'crd.projectcalico.org/v1', kind: 'GlobalNetworkPolicy',
      metadata: { name: 'default.deny-ssh', annotations: { 'projectcalico.org/metadata': '{}' }, uid: 'u', resourceVersion: '7' },
      spec: { order: 10, selector: 'all()', ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [22] } }] },
    }, 'f#0');
    expect(r?.apiVersion).toBe('projectcalico.org/v3');
    expect(r?.kind).toBe('GlobalNetworkPolicy');
    expect(r?.metadata.name).toBe('default.deny-ssh');
  });

  test('a bad port names document, field and value', () => {
    const e = errorOf({ ...K8S, spec: { podSelector: {}, ingress: [{ ports: [{ port: 80 }, { port: { a: 1 } }] }] } });
    expect(e.message).toBe('dist/x.yaml#2: spec.ingress[0].ports[1].port: expected a port number or name, got {"a":1}');
    expect(e.location).toBe('dist/x.yaml#2');
    expect(e.field).toBe('spec.ingress[0].ports[1].port');
    expect(e.value).toBe('{"a":1}');
  });

  test('a Calico rule port that is an object', () => {
    const e = errorOf({ ...GNP, spec: { ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [80, { x: 1 }] } }] } });
    expect(e.message).toBe('dist/x.yaml#2: spec.ingress[0].destination.ports[1]: expected a port number, range or name, got {"x":1}');
  });

  test('a port list that is a mapping', () => {
    const e = errorOf({ ...K8S, spec: { podSelector: {}, ingress: [{ ports: { port: 80 } }] } });
    expect(e.message).toBe('dist/x.yaml#2: spec.ingress[0].ports: expected a list, got {"port":80}');
  });

  test('unknown fields are rejected with the list of known ones', () => {
    const e = errorOf({ ...GNP, spec: { ingres: [] } });
    expect(e.field).toBe('spec.ingres');
    expect(e.message).toMatch(/^dist\/x.yaml#2: spec.ingres: expected one of the fields tier, order, selector, .*ingress, egress.*, got unknown field "ingres" \(did you mean "ingress"\?\)$/);
  });

  test('required fields', () => {
    expect(errorOf({ ...GNP, metadata: {} }).message).toBe('dist/x.yaml#2: metadata.name: expected a value (the field is required), got nothing');
    expect(errorOf({ ...K8S, spec: {} }).message).toBe('dist/x.yaml#2: spec.podSelector: expected a value (the field is required), got nothing');
    expect(errorOf({ ...GNP, spec: { egress: [{ protocol: 'TCP' }] } }).field).toBe('spec.egress[0].action');
  });

  test('label values must be strings (as kubectl says)', () => {
    const e = errorOf({ ...GNP, metadata: { name: 'g', labels: { 'app.kubernetes.io/version': 2 } } });
    expect(e.message).toBe('dist/x.yaml#2: metadata.labels["app.kubernetes.io/version"]: expected a string (quote numbers and booleans), got 2');
  });

  test('scalars of the wrong type', () => {
    expect(errorOf({ ...GNP, spec: { order: '100' } }).message).toBe('dist/x.yaml#2: spec.order: expected a number, got "100"');
    expect(errorOf({ ...GNP, spec: { preDNAT: 'yes' } }).message).toBe('dist/x.yaml#2: spec.preDNAT: expected true or false, got "yes"');
    expect(errorOf({ ...GNP, spec: { ingress: [{ action: 'Allow', icmp: { type: 8.5 } }] } }).message)
      .toBe('dist/x.yaml#2: spec.ingress[0].icmp.type: expected an integer, got 8.5');
    expect(errorOf({ ...GNP, spec: { ingress: [{ action: 'Allow', protocol: -6 }] } }).field).toBe('spec.ingress[0].protocol');
  });

  test('a document that is not a mapping, or lacks apiVersion/kind', () => {
    expect(errorOf(['a']).message).toBe('dist/x.yaml#2: expected a mapping with apiVersion and kind, got ["a"]');
    expect(errorOf({ kind: 'NetworkPolicy' }).message).toBe('dist/x.yaml#2: apiVersion: expected a non-empty string, got nothing');
  });

  test('long values are shortened in messages', () => {
    const e = errorOf({ ...GNP, spec: { selector: { long: 'x'.repeat(200) } } });
    expect(e.value.length).toBe(80);
    expect(e.value.endsWith('...')).toBe(true);
  });

  test('null means absent; server-filled metadata and status are dropped', () => {
    const r = parseResource({
      ...GNP,
      metadata: { name: 'g', uid: 'u', resourceVersion: '1', creationTimestamp: '2018-12-11T00:00:00Z' },
      spec: { order: null, ingress: [{ action: 'Allow', source: null }] },
      status: {},
    }, 'f#0');
    expect(r).toEqual({ ...GNP, spec: { ingress: [{ action: 'Allow' }] } });
  });

  test('a Calico resource without spec gets an empty spec; integers become strings', () => {
    expect(parseResource({ apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 't' } }, 'f#0'))
      .toEqual({ apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 't' }, spec: {} });
    const r = parseResource({ ...GNP, spec: { ingress: [{ action: 'Allow', protocol: 6, destination: { ports: [80, '8080', 'http', '1:2'] } }] } }, 'f#0');
    expect(r).toEqual({ ...GNP, spec: { ingress: [{ action: 'Allow', protocol: '6', destination: { ports: ['80', '8080', 'http', '1:2'] } }] } });
  });

  test('FelixConfiguration fields outside the model are accepted and dropped', () => {
    const r = parseResource({
      apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' },
      spec: { logSeverityScreen: 'Info', reportingInterval: '0s', logPrefix: 'calico-packet' },
    }, 'f#0');
    expect(r?.spec).toEqual({ logPrefix: 'calico-packet' });
  });
});
