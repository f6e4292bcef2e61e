// Issue 14 item 3: intents do not throw at construction. Every problem of every intent (each bad
// CIDR of a list too) is listed at synth with its construct path, together with the L1 problems,
// and nothing is written.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { NetsecApp } from '../../../lib/app';
import { AllowCidr, DefaultDeny, DenyCidr, PolicyTarget, TrafficDirection } from '../../../lib/constructs/intent';
import { KubeNetworkPolicy } from '../../../lib/constructs/l1';

const SHOP = PolicyTarget.namespace('shop');

function badIntents(chart: Chart): void {
  new AllowCidr(chart, 'office', { target: SHOP, cidrs: ['192.0.2.1/24', '300.0.0.0/8'] });
  new DefaultDeny(chart, 'dd', { target: SHOP, egress: false, allowDns: true });
  new DenyCidr(chart, 'Block', { target: SHOP, cidrs: ['198.51.100.0/24'], direction: TrafficDirection.INGRESS });
}

describe('intent problems are collected at synth', () => {
  test('constructing intents with bad props does not throw', () => {
    const chart = new Chart(Testing.app(), 'shop');
    expect(() => badIntents(chart)).not.toThrow();
  });

  test('NetsecApp lists every problem of every intent and the L1 one, with construct paths, and writes nothing', () => {
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-collect-')), 'dist');
    const app = new NetsecApp({ outdir });
    const chart = new Chart(app, 'shop');
    badIntents(chart);
    new KubeNetworkPolicy(chart, 'np', {
      metadata: { name: 'np', namespace: 'shop' },
      spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: 'garbage' } }] }] },
    });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    expect(message).toContain('cdk8s-netsec synth failed with 5 problem(s); nothing was written:');
    expect(message).toContain('  - shop/office: cidrs[0]: Peer.cidr("192.0.2.1/24"): cidr "192.0.2.1/24" is not in canonical network form; allowed: "192.0.2.0/24"\n');
    expect(message).toContain('  - shop/office: cidrs[1]: Peer.cidr("300.0.0.0/8"): cidr is invalid: ');
    expect(message).toContain('  - shop/dd: allowDns is true but egress is false; allowed: allowDns only when egress is denied\n');
    expect(message).toContain('  - shop/Block: name (taken from the construct id; set the `name` prop to choose another) "Block" is invalid; allowed: ');
    expect(message).toContain('shop/np: spec.ingress[0].from[0].ipBlock.cidr: invalid CIDR (got "garbage"');
    expect(fs.existsSync(outdir)).toBe(false);
    fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
  });

  test('a plain cdk8s synth (what Testing.synth and the matchers run) refuses them too', () => {
    const chart = new Chart(Testing.app(), 'shop');
    badIntents(chart);
    expect(() => Testing.synth(chart)).toThrow(/shop\/dd: allowDns is true but egress is false/);
  });

  test('a failed intent emits nothing, and its resource getter says why', () => {
    const chart = new Chart(Testing.app(), 'shop');
    const bad = new AllowCidr(chart, 'office', { target: SHOP, cidrs: [] });
    expect(bad.node.tryFindChild('Resource')).toBeUndefined();
    expect(() => bad.resource).toThrow('shop/office: the intent has no policy (not emitted yet, or its props have problems, which synth lists)');
  });
});
