// NetsecApp's `lint` prop: lint runs at synth by default (an error finding stops it), and can be
// switched off for charts that should only be validated at synth.
import { Chart } from 'cdk8s';
import { NetsecApp } from '../../../lib/app';
import { KubeNetworkPolicy } from '../../../lib/constructs/l1';

/** A chart whose only policy sends egress to the Service ClusterIP range (lint NS010, an error). */
function build(app: NetsecApp): void {
  new KubeNetworkPolicy(new Chart(app, 'shop'), 'to-svc', {
    metadata: { name: 'to-svc', namespace: 'shop' },
    spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '172.21.0.10/32' } }] }] },
  });
}

class Quiet extends NetsecApp {
  protected reportWarning(_warning: string): void {
    // not printed in tests
  }
}

test('by default an error finding stops synth, naming the rule', () => {
  const app = new Quiet({ outdir: '/nonexistent-lint-switch' });
  build(app);
  expect(() => app.synthYaml()).toThrow(/\[NS010\]/);
});

test('lint: false synthesises the same chart (validation still runs)', () => {
  const app = new Quiet({ outdir: '/nonexistent-lint-switch', lint: false });
  build(app);
  expect(app.synthYaml()).toContain('cidr: 172.21.0.10/32');
});
