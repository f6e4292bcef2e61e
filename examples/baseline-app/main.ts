// Two team charts, each starting from the company baseline; `cdk8s synth` writes dist/.
import { Chart } from 'cdk8s';
import { AllowFromPods, LabelSelector, NetsecApp, PolicyTarget, Port } from 'cdk8s-netsec';
import { TeamBaseline } from 'company-netsec-baseline';

const app = new NetsecApp();

const shop = new Chart(app, 'shop');
new TeamBaseline(shop, 'baseline', { namespace: 'shop' });
new AllowFromPods(shop, 'api-from-web', {
  target: PolicyTarget.pods('shop', LabelSelector.of({ app: 'api' })),
  fromPods: LabelSelector.of({ app: 'web' }),
  ports: [Port.tcp(8080)],
});

const billing = new Chart(app, 'billing');
new TeamBaseline(billing, 'baseline', { namespace: 'billing' });

app.synth();
