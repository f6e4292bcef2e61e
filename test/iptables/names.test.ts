import { endpointChainName, lengthLimitedId, policyChainName, policyId, profileChainName } from '../../lib/iptables/names';

// Expected values: felix/rules/policy_test.go ("should include a chain name comment"), calico-facts 4.2/4.4/4.7.
describe('GetLengthLimitedID chain names', () => {
  it.each([
    ['cali-pi-', 'long-policy-name-that-gets-hashed', 'cali-pi-_ffOMcf6pikpiZ6hgKcW'],
    ['cali-po-', 'long-policy-name-that-gets-hashed', 'cali-po-_ffOMcf6pikpiZ6hgKcW'],
    ['cali-pri-', 'long-policy-name-that-gets-hashed', 'cali-pri-_ffOMcf6pikpiZ6hgKc'],
    ['cali-pro-', 'long-policy-name-that-gets-hashed', 'cali-pro-_ffOMcf6pikpiZ6hgKc'],
    // v3.31 hashes PolicyID.ID() = "<kind>/<name>"; the Felix test leaves the kind empty.
    ['cali-pi-', '/long-policy-name-that-gets-hashed', 'cali-pi-_FJ9yUkNpzshVDh2n7mg'],
    ['cali-tw-', 'cali95aa86cbb2a', 'cali-tw-cali95aa86cbb2a'],
    ['cali-pri-', 'kns.default', 'cali-pri-kns.default'],
    ['cali-fh-', 'eth1', 'cali-fh-eth1'],
    // exactly 28 characters: kept unless the suffix starts with "_"
    ['cali-pi-', 'abcdefghijklmnopqrst', 'cali-pi-abcdefghijklmnopqrst'],
  ])('%s + %s -> %s', (prefix, suffix, expected) => {
    expect(lengthLimitedId(prefix, suffix)).toBe(expected);
  });

  it('hashes a 28-character name whose suffix starts with "_" (clash guard)', () => {
    const name = lengthLimitedId('cali-pi-', '_bcdefghijklmnopqrst');
    expect(name).not.toBe('cali-pi-_bcdefghijklmnopqrst');
    expect(name).toHaveLength(28);
    expect(name.startsWith('cali-pi-_')).toBe(true);
  });

  it('never exceeds 28 characters', () => {
    for (const len of [1, 19, 20, 21, 60, 250]) {
      expect(lengthLimitedId('cali-thfw-', 'x'.repeat(len)).length).toBeLessThanOrEqual(28);
    }
  });

  it('policy IDs name the kind and namespace (3.32, the default)', () => {
    expect(policyId({ kind: 'GlobalNetworkPolicy', tier: 'default', name: 'allow-icmp' })).toBe('gnp/allow-icmp');
    expect(policyId({ kind: 'NetworkPolicy', tier: 'default', name: 'x', namespace: 'prod' })).toBe('knp/prod/x');
    expect(policyId({ kind: 'CalicoNetworkPolicy', tier: 'security', name: 'security.x', namespace: 'prod' }, '3.32')).toBe('np/prod/security.x');
    expect(policyChainName('cali-pi-', 'gnp/allow-icmp')).toBe('cali-pi-gnp/allow-icmp');
    expect(profileChainName('cali-pro-', 'kns.default')).toBe('cali-pro-kns.default');
    expect(endpointChainName('cali-fhfw-', 'eth0')).toBe('cali-fhfw-eth0');
  });
});
