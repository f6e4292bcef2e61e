import { CalicoNetworkPolicyResource, GlobalNetworkSet, Tier } from '../../../lib/model/resources';
import { gnp, knp, messages } from './helpers';

const SUBDOMAIN = "a DNS-1123 subdomain: lower case letters, digits, '-' and '.', starting and ending with a letter or digit";

describe('metadata checks', () => {
  test('names that are not DNS-1123 subdomains', () => {
    expect(messages(gnp({}, 'Allow_All'))).toEqual([`r: metadata.name: name is not a DNS-1123 subdomain (got "Allow_All"; allowed: ${SUBDOMAIN})`]);
    expect(messages(gnp({}, '-x'))).toHaveLength(1);
    expect(messages(gnp({}, 'x.'))).toHaveLength(1);
  });

  test('names over 253 characters', () => {
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`; // 255 characters
    const r = knp({ podSelector: {} });
    expect(messages({ ...r, metadata: { ...r.metadata, name: long } })).toEqual([
      `r: metadata.name: name is longer than 253 characters (got "${long}"; allowed: at most 253 characters)`,
    ]);
    const ok = long.slice(0, 253);
    expect(messages({ ...r, metadata: { ...r.metadata, name: ok } })).toEqual([]);
  });

  test('Calico policy names allow at most one dot (tier prefix)', () => {
    expect(messages(gnp({}, 'platform.allow-dns'))).toEqual([]);
    expect(messages(gnp({}, 'a.b.c'))).toEqual([
      "r: metadata.name: GlobalNetworkPolicy name has more than one dot (got \"a.b.c\"; allowed: a DNS-1123 label, optionally prefixed by '<tier>.')",
    ]);
    const np: CalicoNetworkPolicyResource = { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'knp.default.a.b', namespace: 'n' }, spec: {} };
    expect(messages(np)).toEqual([]);
    // Kubernetes NetworkPolicy names are plain subdomains
    const k = knp({ podSelector: {} });
    expect(messages({ ...k, metadata: { ...k.metadata, name: 'a.b.c' } })).toEqual([]);
  });

  test('Tier names are labels', () => {
    const tier: Tier = { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'a.b' }, spec: {} };
    expect(messages(tier)).toEqual([
      "r: metadata.name: Tier name is not a DNS-1123 label (got \"a.b\"; allowed: a DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)",
    ]);
  });

  test('a namespaced kind without namespace, a cluster-scoped kind with one', () => {
    const k = knp({ podSelector: {} });
    expect(messages({ ...k, metadata: { name: 'p' } })).toEqual([
      "r: metadata.namespace: NetworkPolicy is namespaced and needs a namespace (got nothing; allowed: a DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)",
    ]);
    const g = gnp({});
    expect(messages({ ...g, metadata: { name: 'g', namespace: 'default' } })).toEqual([
      'r: metadata.namespace: GlobalNetworkPolicy is cluster-scoped and cannot have a namespace (got "default"; allowed: no namespace)',
    ]);
    expect(messages({ ...k, metadata: { name: 'p', namespace: 'Team_A' } })).toHaveLength(1);
  });

  test('label keys and values Kubernetes would reject', () => {
    const g = gnp({});
    const labels = {
      'app.kubernetes.io/name': 'web', 'bad key': 'x', 'Example.com/x': 'y', 'a/b/c': 'z', ok: '-bad-', empty: '', long: 'v'.repeat(64),
    };
    const out = messages({ ...g, metadata: { name: 'g', labels } });
    expect(out).toEqual([
      expect.stringMatching(/^r: metadata.labels: invalid label key \(got "bad key"; /),
      expect.stringMatching(/^r: metadata.labels: invalid label key \(got "Example.com\/x"; /),
      expect.stringMatching(/^r: metadata.labels: invalid label key \(got "a\/b\/c"; /),
      expect.stringMatching(/^r: metadata.labels.ok: invalid label value \(got "-bad-"; /),
      expect.stringMatching(/^r: metadata.labels.long: invalid label value \(got "v{64}"; /),
    ]);
  });

  test('network sets may not carry projectcalico.org/namespace', () => {
    const set: GlobalNetworkSet = {
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkSet', metadata: { name: 's', labels: { 'projectcalico.org/namespace': 'x' } }, spec: {},
    };
    expect(messages(set)).toEqual([
      'r: metadata.labels: projectcalico.org/namespace is not a valid label name on network sets (got "projectcalico.org/namespace"; allowed: any other label key)',
    ]);
  });
});
