// NetsecApp planLayout: the plan written at synth in Felix's layout by default, the compact one on request.
import { Chart } from 'cdk8s';
import { NetsecApp } from '../../../lib/app';
import { InventoryNamespace, InventoryPod, WorkerNode } from '../../../lib/constructs';
import { IntOrString, KubeNetworkPolicy } from '../../../lib/constructs/l1';
import { PlanLayoutError } from '../../../lib/iptables/plan-layout';

function app(planLayout?: string): NetsecApp {
  const a = new NetsecApp({ outdir: '/nonexistent-netsec-out', planLayout });
  const shop = new Chart(a, 'shop');
  for (const name of ['a', 'b']) {
    new KubeNetworkPolicy(shop, name, {
      metadata: { name: `allow-${name}`, namespace: 'shop' },
      spec: { podSelector: { matchLabels: { app: 'backend' } }, ingress: [{ ports: [{ port: IntOrString.fromNumber(80) }] }] },
    });
  }
  const cluster = new Chart(a, 'cluster');
  const node = new WorkerNode(cluster, 'w1', { name: 'worker-1', publicIp: '203.0.113.11', privateIp: '198.51.100.11' });
  new InventoryNamespace(cluster, 'ns', { name: 'shop' });
  new InventoryPod(cluster, 'be', { name: 'backend-1', namespace: 'shop', labels: { app: 'backend' }, node, ip: '192.0.2.11' });
  return a;
}

const plan = (a: NetsecApp): string => {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return a.synthFiles().find((f) => f.path === 'iptables/worker-1.iptables')?.content ?? '';
  } finally {
    spy.mockRestore();
  }
};

/** The rules of the pod's ingress chain that jump to a policy or group chain or check the accept mark after one. */
const jumps = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('-A cali-tw-') && !l.includes('profile accepted'))
  .map((l) => l.replace(/^-A \S+ -m comment --comment "[^"]*" /, ''))
  .filter((l) => /--jump cali-(?:p|g)[io]-|--mark 0x10000\/0x10000 --jump RETURN/.test(l) && !l.includes('cali-pri-'));

describe('NetsecApp planLayout', () => {
  test("Felix's layout by default: the group jump followed by return-if-accepted", () => {
    const text = plan(app());
    expect(text).toContain("in Felix's layout");
    const j = jumps(text);
    expect(j).toHaveLength(2);
    expect(j[0]).toMatch(/^-m mark --mark 0\/0x20000 --jump cali-gi-/);
    expect(j[1]).toBe('-m mark --mark 0x10000/0x10000 --jump RETURN');
    expect(plan(app('felix'))).toBe(text);
  });

  test('compact: the jump guarded by both marks, the same verdict-bearing chains', () => {
    const text = plan(app('compact'));
    expect(text).toContain('compact layout');
    expect(jumps(text)[0]).toMatch(/^-m mark --mark 0\/0x30000 --jump cali-gi-/);
  });

  test('a bad value is an input error naming the prop and what is allowed', () => {
    expect(() => app('Felix')).toThrow(PlanLayoutError);
    expect(() => app('flat')).toThrow('NetsecApp props.planLayout: plan layout "flat" is not known; allowed: felix, compact');
  });
});
