import { LabelSelector } from '../../../lib/constructs/vocabulary';

describe('LabelSelector', () => {
  test('of() renders matchLabels and the Calico pod form with keys sorted (calico-facts 3.1 case 1)', () => {
    const s = LabelSelector.of({ label2: 'value2', label: 'value' });
    expect(s.toKubernetes()).toEqual({ matchLabels: { label: 'value', label2: 'value2' } });
    expect(s.toCalicoPods()).toBe("projectcalico.org/orchestrator == 'k8s' && label == 'value' && label2 == 'value2'");
    expect(s.toCalico()).toBe("label == 'value' && label2 == 'value2'");
  });

  test('all() is empty: {} for Kubernetes, all() for plain Calico, the orchestrator term for pods', () => {
    const s = LabelSelector.all();
    expect(s.isEmpty()).toBe(true);
    expect(s.toKubernetes()).toEqual({});
    expect(s.toCalico()).toBe('all()');
    expect(s.toCalicoPods()).toBe("projectcalico.org/orchestrator == 'k8s'");
  });

  test('expressions render In / NotIn / Exists / DoesNotExist after the equalities, in the order given', () => {
    const s = LabelSelector.labelIn('k', ['v1', 'v2'])
      .and(LabelSelector.labelDoesNotExist('toast'))
      .and(LabelSelector.of({ app: 'web' }))
      .and(LabelSelector.labelNotIn('env', ['dev']))
      .and(LabelSelector.labelExists('team'));
    expect(s.toKubernetes()).toEqual({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'k', operator: 'In', values: ['v1', 'v2'] },
        { key: 'toast', operator: 'DoesNotExist' },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'team', operator: 'Exists' },
      ],
    });
    expect(s.toCalicoPods()).toBe("projectcalico.org/orchestrator == 'k8s' && app == 'web' && k in { 'v1', 'v2' } "
      + "&& ! has(toast) && env not in { 'dev' } && has(team)");
  });

  test('and() of the same label with the same value is fine; with two values it throws', () => {
    expect(LabelSelector.of({ a: 'x' }).and(LabelSelector.of({ a: 'x' })).toCalico()).toBe("a == 'x'");
    expect(() => LabelSelector.of({ a: 'x' }).and(LabelSelector.of({ a: 'y' })))
      .toThrow('LabelSelector.and: label "a" would have to equal both "x" and "y"');
  });

  test('prefixed keys and empty values are valid', () => {
    expect(LabelSelector.of({ 'ibm.role': 'worker_public', 'example.com/tier': '' }).toCalico())
      .toBe("example.com/tier == '' && ibm.role == 'worker_public'");
  });

  test.each([
    ['bad key', () => LabelSelector.of({ 'has space': 'x' }), 'LabelSelector.of: label key "has space" is invalid; allowed: an optional DNS-1123 subdomain prefix'],
    ['bad value', () => LabelSelector.of({ app: "it's" }), 'LabelSelector.of: value "it\'s" of label "app" is invalid; allowed: empty, or at most 63'],
    ['long value', () => LabelSelector.of({ app: 'x'.repeat(64) }), 'is invalid; allowed: empty, or at most 63'],
    ['empty In', () => LabelSelector.labelIn('k', []), 'LabelSelector.labelIn: label "k" has an empty value list; allowed: at least one value'],
    ['bad Exists key', () => LabelSelector.labelExists('-x'), 'LabelSelector.labelExists: label key "-x" is invalid'],
  ])('rejects %s', (_name, make, message) => {
    expect(make).toThrow(message);
  });
});
