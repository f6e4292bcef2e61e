import { execFileSync, spawnSync } from 'child_process';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { labModel, vethName } from './fixture';

describe('node plan of the lab fixture', () => {
  const plan = renderNodePlan(labModel(), 'worker-1');

  // Reviewed: chains, tiers and ipset members checked by hand against calico-facts section 4.
  it('matches the reviewed snapshot', () => {
    expect(plan.iptables).toMatchSnapshot('iptables');
    expect(plan.ipsets).toMatchSnapshot('ipsets');
  });

  it('is deterministic', () => {
    expect(renderNodePlan(labModel(), 'worker-1')).toEqual(plan);
  });

  it('lists the endpoints with Calico interface names', () => {
    expect(plan.endpoints).toEqual({
      node: 'worker-1',
      endpoints: [
        { id: 'default/db', kind: 'workload', interface: vethName('default', 'db'), ips: ['192.0.2.12'] },
        { id: 'default/web', kind: 'workload', interface: vethName('default', 'web'), ips: ['192.0.2.11'] },
        { id: 'hostendpoint/worker-1-private', kind: 'host', interface: 'eth0', ips: ['198.51.100.10'] },
        { id: 'hostendpoint/worker-1-public', kind: 'host', interface: 'eth1', ips: ['203.0.113.10'] },
      ],
    });
    expect(vethName('default', 'web')).toMatch(/^cali[0-9a-f]{11}$/);
  });

  it('hooks every table into the built-in chains and commits each', () => {
    for (const l of ['-A INPUT ', '-A OUTPUT ', '-A FORWARD ', '-A PREROUTING ', '-A POSTROUTING ']) expect(plan.iptables).toContain(l);
    expect(plan.iptables.match(/^COMMIT$/gm)).toHaveLength(4);
  });

  it('puts untracked policy in raw and preDNAT policy in mangle only', () => {
    const [raw, mangle, filter] = plan.iptables.split(/^\*/m).slice(1);
    expect(raw).toContain('untracked-office');
    expect(mangle).toContain('deny-nodeports');
    expect(filter).not.toContain('untracked-office');
    expect(filter).not.toContain('deny-nodeports');
  });

  it('every rule carries one comment: its hash, then readable text, except the rules Felix renders without one', () => {
    const chains = new Map<string, string[]>();
    for (const l of plan.iptables.split('\n').filter((x) => x.startsWith('-A '))) {
      const name = l.split(' ')[1];
      chains.set(name, [...(chains.get(name) ?? []), l]);
    }
    // Felix gives no comment to: policy and group jumps (named by their target chain), the jumps of a
    // group chain, dispatch gotos, the endpoint chain's mark reset, raw's NOTRACK.
    const bare = /^-A \S+ -m comment --comment "cali:[A-Za-z0-9_-]{16}" (?:-m mark --mark \S+ )?(?:--jump cali-(?:p[io]|g[io])-\S+|--jump MARK --set-mark 0\/0x30000|--jump CT --notrack|(?:--(?:in|out)-interface \S+ )?--goto cali-\S+)$/;
    for (const l of [...chains.values()].flat()) {
      expect(l.match(/-m comment/g)).toHaveLength(1);
      if (/--comment "cali:[A-Za-z0-9_-]{16}"/.test(l)) expect(l).toMatch(bare);
      else expect(l).toMatch(/^-A \S+ -m comment --comment "cali:[A-Za-z0-9_-]{16} [^"]+"/);
      const jump = l.startsWith('-A cali-g') ? null : /--jump (cali-p[io]-\S+)$/.exec(l);
      // the first rule of a policy chain jumped to names the policy
      if (jump) expect((chains.get(jump[1]) ?? [])[0]).toMatch(/--comment "cali:[A-Za-z0-9_-]{16} Policy [^"]+"/);
    }
  });

  it('every rendered policy rule names its policy, direction, rule index and action', () => {
    const ruleLines = plan.iptables.split('\n').filter((l) => /^-A cali-p[io]-/.test(l) && / rule \d+ /.test(l));
    expect(ruleLines.length).toBeGreaterThan(0);
    for (const l of ruleLines) {
      expect(l).toMatch(/--comment "cali:[A-Za-z0-9_-]{16} [^"]*\b(np|gnp|pro) \S+ (ingress|egress) rule \d+ (Allow|Deny|Pass|Log)\b[^"]*"/);
    }
  });

  it('has no IPv6 text for an IPv4-only node', () => {
    expect(plan.ip6tables).toBeUndefined();
  });

  it('rejects an unknown node', () => {
    expect(() => renderNodePlan(labModel(), 'nope')).toThrow(/node "nope" is not in the inventory/);
  });
});

function canUseNetns(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync('iptables-restore', ['--version']).status === 0 && spawnSync('ipset', ['--version']).status === 0
    && spawnSync('ip', ['-V']).status === 0;
}

const kernel = canUseNetns() ? it : it.skip;
kernel('loads with ipset restore and iptables-restore --test in a throwaway namespace (skipped without root, ip, ipset, iptables)', () => {
  const plan = renderNodePlan(labModel(), 'worker-1');
  const ns = `nsec-t-${process.pid}`;
  execFileSync('ip', ['netns', 'add', ns]);
  try {
    execFileSync('ip', ['netns', 'exec', ns, 'ipset', 'restore'], { input: plan.ipsets });
    execFileSync('ip', ['netns', 'exec', ns, 'iptables-restore', '--test'], { input: plan.iptables });
    execFileSync('ip', ['netns', 'exec', ns, 'iptables-restore'], { input: plan.iptables });
    const saved = execFileSync('ip', ['netns', 'exec', ns, 'iptables-save']).toString();
    expect(saved).toContain('cali-fh-eth1');
    execFileSync('ip', ['netns', 'exec', ns, 'iptables-restore'], { input: '*raw\nCOMMIT\n*mangle\nCOMMIT\n*filter\nCOMMIT\n' });
    execFileSync('ip', ['netns', 'exec', ns, 'ipset', 'destroy']);
  } finally {
    execFileSync('ip', ['netns', 'del', ns]);
  }
});
