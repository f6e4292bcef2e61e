// The selector Felix groups policies by (and hashes into policy-group chain names): the v1 Selector
// the update processors write. Rows from libcalico-go/lib/backend/syncersv1/updateprocessors at
// v3.32.1: networkpolicyprocessor_test.go and globalnetworkpolicyprocessor_test.go (each It named).
import { felixPolicySelector } from '../../lib/engine/model/felix-selector';

const SEL = "mylabel == 'selectme'";
const SA = "role == 'development'";
const NS = "name == 'testing'";

describe('felixPolicySelector (v1 Selector of updateprocessors)', () => {
  it.each([
    ['NP "should accept a NetworkPolicy with a minimal configuration"', { selector: '', namespace: 'namespace1' }, "projectcalico.org/namespace == 'namespace1'"],
    ['NP "should accept a NetworkPolicy with a ServiceAccountSelector"', { selector: SEL, namespace: 'namespace2', serviceAccountSelector: SA },
      `((mylabel == 'selectme') && projectcalico.org/namespace == 'namespace2') && pcsa.role == "development"`],
    ['NP "should accept a NetworkPolicy with \'all()\' as the ServiceAccountSelector"', { selector: SEL, namespace: 'namespace2', serviceAccountSelector: 'all()' },
      "((mylabel == 'selectme') && projectcalico.org/namespace == 'namespace2') && all()"],
    ['GNP "should accept a GlobalNetworkPolicy with a full configuration"', { selector: SEL }, SEL],
    ['GNP "should accept a GlobalNetworkPolicy with a ServiceAccountSelector"', { selector: SEL, serviceAccountSelector: SA }, `(mylabel == 'selectme') && pcsa.role == "development"`],
    ['GNP "should accept a GlobalNetworkPolicy with \'all()\' as the ServiceAccountSelector"', { selector: SEL, serviceAccountSelector: 'all()' }, "(mylabel == 'selectme') && has(projectcalico.org/serviceaccount)"],
    ['GNP "should accept a GlobalNetworkPolicy with a NamespaceSelector"', { selector: SEL, namespaceSelector: NS }, `(mylabel == 'selectme') && pcns.name == "testing"`],
    ['GNP "should accept a GlobalNetworkPolicy with \'all()\' as the NamespaceSelector"', { selector: SEL, namespaceSelector: 'all()' }, "(mylabel == 'selectme') && has(projectcalico.org/namespace)"],
    ['GNP "should accept a GlobalNetworkPolicy with a ServiceAccountSelector and s NamespaceSelector"', { selector: SEL, namespaceSelector: NS, serviceAccountSelector: SA },
      `((mylabel == 'selectme') && pcns.name == "testing") && pcsa.role == "development"`],
    ['GNP "should accept a GlobalNetworkPolicy without a Selector but with a ServiceAccountSelector"', { selector: '', serviceAccountSelector: SA }, 'pcsa.role == "development"'],
    ['GNP "should accept a GlobalNetworkPolicy without a Selector but with a NamespaceSelector"', { selector: '', namespaceSelector: NS }, 'pcns.name == "testing"'],
    ['GNP "should accept a GlobalNetworkPolicy without a Selector but with a NamespaceSelector and ServiceAccountSelector"', { selector: '', namespaceSelector: NS, serviceAccountSelector: SA },
      '(pcns.name == "testing") && pcsa.role == "development"'],
  ])('%s', (_name, parts, expected) => {
    expect(felixPolicySelector(parts)).toBe(expected);
  });
});
