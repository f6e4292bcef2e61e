// Selector validation uses Selector.parse from lib/model/selector (built by another helper);
// these tests are kept last and in their own file so the rest does not depend on it.
import { CalicoNetworkPolicyResource } from '../../../lib/model/resources';
import { gnp, messages, withRule } from './helpers';

describe('selector checks', () => {
  test('valid selectors, including global() alone as a namespaceSelector', () => {
    expect(messages(gnp({ selector: "ibm.role in { 'worker_public', 'master_public' }", namespaceSelector: 'all()' }))).toEqual([]);
    expect(messages(withRule({ action: 'Allow', source: { namespaceSelector: 'global()', selector: 'has(role)', notSelector: "env == 'dev'" } }))).toEqual([]);
  });

  test('bad selector syntax names the field and the selector', () => {
    const out = messages(gnp({ selector: "role == 'db" }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^r: spec.selector: invalid selector: expected .+ at position \d+ \(got "role == 'db"; allowed: Calico selector syntax, e.g. app == 'web' && has\(tier\)\)$/);
    expect(messages(withRule({ action: 'Allow', destination: { notSelector: 'a ==' } }))[0]).toMatch(/^r: spec.ingress\[0\].destination.notSelector: invalid selector/);
    const np: CalicoNetworkPolicyResource = { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'n' }, spec: { serviceAccountSelector: '&&' } };
    expect(messages(np)[0]).toMatch(/^r: spec.serviceAccountSelector: invalid selector/);
  });

  test('global() outside an EntityRule namespaceSelector, or combined', () => {
    expect(messages(gnp({ selector: 'global()' }))).toEqual([
      'r: spec.selector: global() can only be used in an EntityRule namespaceSelector (got "global()"; allowed: a selector without global())',
    ]);
    expect(messages(withRule({ action: 'Allow', source: { namespaceSelector: 'global() && has(a)' } }))).toEqual([
      'r: spec.ingress[0].source.namespaceSelector: global() cannot be combined with other selectors (got "global() && has(a)"; allowed: global() alone)',
    ]);
  });
});
