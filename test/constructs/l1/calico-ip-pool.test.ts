import { Chart, Testing } from 'cdk8s';
import { CalicoIpPool } from '../../../lib';

function chart(namespace?: string): Chart {
  return new Chart(Testing.app(), 'infra', namespace ? { namespace } : {});
}

describe('CalicoIpPool', () => {
  test('renders the IPPool, cluster-scoped even in a namespaced chart, fields as given', () => {
    const pool = new CalicoIpPool(chart('apps'), 'pods', {
      metadata: { name: 'default-ipv4-ippool' },
      spec: { cidr: '192.0.2.0/24', ipipMode: 'Always', natOutgoing: true, blockSize: 26 },
    });
    expect(pool.toJson()).toEqual({
      apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'default-ipv4-ippool' },
      spec: { cidr: '192.0.2.0/24', ipipMode: 'Always', natOutgoing: true, blockSize: 26 },
    });
    expect(pool.node.validate()).toEqual([]);
  });

  test('bad fields are reported at synth with the construct path, field, value and what is allowed', () => {
    const pool = new CalicoIpPool(chart(), 'pods', {
      metadata: { name: 'v6' },
      spec: { cidr: '2001:db8::/64', ipipMode: 'Always' },
    });
    expect(pool.node.validate()).toEqual([
      "infra/pods: spec.ipipMode: ipipMode other than 'Never' is not supported on an IPv6 IP pool (got \"Always\"; allowed: Never on an IPv6 pool)",
    ]);
  });
});
