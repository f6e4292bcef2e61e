// `netsec drift` against a real kernel: the lab's worker-1 plan is loaded with ipset restore and
// iptables-restore into an own network namespace and read back with iptables-save -c and ipset
// save (the kernel's spelling: short options, base matches first, -p vrrp, --set-xmark, ...).
// Drift must find nothing; then one IBM default policy's rules (allow-vrrp) are deleted in the
// namespace, and one set member, and drift must report exactly those.
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables';
import { CommandResult, runCommand, runInNamespace } from '../../lib/verify/exec';
import { loadPlan } from '../../lib/verify/load';
import { deleteNamespace, newRunTag } from '../../lib/verify/namespaces';
import { trackNamespace, untrackNamespace } from '../../lib/verify/interrupt-cleanup';
import { hasDrift, nodeDrift } from '../../lib/drift';
import { synthLab } from '../examples/lab-world';
import { kernelIt } from './support';

const { files } = synthLab();
const text = (path: string): string => files.find((f) => f.path === path)?.content ?? '';
const plan = { iptables: text('iptables/worker-1.iptables'), ipsets: text('iptables/worker-1.ipsets') };

describe('netsec drift on a real kernel', () => {
  kernelIt('no drift after loading the plan; exactly allow-vrrp\'s rules and the removed set member after deleting them', async () => {
    const ns = `${newRunTag()}-drift`;
    trackNamespace(ns);
    try {
      await runCommand(['ip', 'netns', 'add', ns], { timeoutMs: 10000 });
      await loadPlan(ns, plan);
      const save = async (): Promise<{ iptables: string; ipsets: string }> => {
        const ipt: CommandResult = await runInNamespace(ns, ['iptables-save', '-c'], { timeoutMs: 30000 });
        const sets: CommandResult = await runInNamespace(ns, ['ipset', 'save'], { timeoutMs: 30000 });
        return { iptables: ipt.stdout, ipsets: sets.stdout };
      };
      const drift = (s: { iptables: string; ipsets: string }): ReturnType<typeof nodeDrift> => nodeDrift({
        node: 'worker-1', plan, iptablesSave: { file: 'kernel iptables-save', text: s.iptables }, ipsetSave: { file: 'kernel ipset save', text: s.ipsets },
      });

      const first = await save();
      expect(first.iptables).toContain('-p vrrp'); // the kernel's spelling really differs from the plan's -p 112
      const clean = drift(first);
      expect(clean.rules).toEqual([]);
      expect(clean.sets).toEqual([]);
      expect(hasDrift(clean)).toBe(false);

      // delete every rule of allow-vrrp (its chains' rules and the jumps to them) as a user would,
      // one `iptables -t T -D CHAIN <rule>` per line that names the policy
      const deletions: string[][] = [];
      let table = '';
      for (const line of first.iptables.split('\n')) {
        if (line.startsWith('*')) table = line.slice(1);
        const m = /^(?:\[\d+:\d+\] )?-A (\S+) (.*)$/.exec(line);
        if (m && line.includes('allow-vrrp')) deletions.push([table, m[1], m[2]]);
      }
      expect(deletions.length).toBe(6); // 3 policy-chain rules (filter in and out, mangle out: mangle holds host egress chains only) + 3 jumps, by hand
      for (const [t, chain, rest] of deletions) {
        const words = rest.match(/"(?:[^"\\]|\\.)*"|\S+/g)?.map((w) => (w.startsWith('"') ? w.slice(1, -1) : w)) ?? [];
        await runInNamespace(ns, ['iptables', '-t', t, '-D', chain, ...words], { timeoutMs: 10000 });
      }
      const member = /^add (cali40s:\S+) (\S+)$/m.exec(first.ipsets);
      expect(member).not.toBeNull();
      await runInNamespace(ns, ['ipset', 'del', member?.[1] ?? '', member?.[2] ?? ''], { timeoutMs: 10000 });

      const report = drift(await save());
      expect(report.rules.map((d) => `${d.kind} ${d.owner}`)).toEqual(Array(6).fill('missing gnp allow-vrrp'));
      expect(report.rules.map((d) => `${d.table} ${d.chain}`).sort()).toEqual(deletions.map(([t, c]) => `${t} ${c}`).sort());
      expect(report.sets).toEqual([{ kind: 'missing-member', set: member?.[1], member: member?.[2] }]);
    } finally {
      await deleteNamespace(ns);
      untrackNamespace(ns);
    }
  }, 120000);

  kernelIt('no drift for a dual-stack plan with ICMP, ICMPv6, LOG, sets, negations and port ranges; a deleted IPv6 rule is reported', async () => {
    const file = join(__dirname, 'fixtures', 'drift', 'cluster.yaml');
    const model = buildEngineModel(parseEngineInputs([{ file: 'drift/cluster.yaml', text: readFileSync(file, 'utf8') }]));
    const dual = renderNodePlan(model, 'n1');
    expect(dual.ip6tables).toBeDefined();
    const ns = `${newRunTag()}-drift6`;
    trackNamespace(ns);
    try {
      await runCommand(['ip', 'netns', 'add', ns], { timeoutMs: 10000 });
      await loadPlan(ns, dual);
      const save = async (): Promise<{ v4: string; v6: string; sets: string }> => ({
        v4: (await runInNamespace(ns, ['iptables-save'], { timeoutMs: 30000 })).stdout,
        v6: (await runInNamespace(ns, ['ip6tables-save'], { timeoutMs: 30000 })).stdout,
        sets: (await runInNamespace(ns, ['ipset', 'save'], { timeoutMs: 30000 })).stdout,
      });
      const drift = (s: { v4: string; v6: string; sets: string }): ReturnType<typeof nodeDrift> => nodeDrift({
        node: 'n1', plan: dual, iptablesSave: { file: 'v4', text: s.v4 }, ip6tablesSave: { file: 'v6', text: s.v6 }, ipsetSave: { file: 'sets', text: s.sets },
      });
      const first = await save();
      // the kernel's spellings differ from the plan's (short options, icmp type, protocol names)
      expect(first.v6).toContain('-p ipv6-icmp');
      expect(first.v4).toContain('-m icmp --icmp-type 8/0');
      const clean = drift(first);
      expect(clean.rules).toEqual([]);
      expect(clean.sets).toEqual([]);

      // the ICMPv6 echo-request allow of app/web (the policy's ingress rule 3, by hand from the fixture)
      const line = first.v6.split('\n').find((l) => l.startsWith('-A cali-pi-np/app/web') && l.includes('--icmpv6-type 128'));
      expect(line).toBeDefined();
      const words = (line ?? '').slice(3).match(/"(?:[^"\\]|\\.)*"|\S+/g)?.map((w) => (w.startsWith('"') ? w.slice(1, -1) : w)) ?? [];
      await runInNamespace(ns, ['ip6tables', '-t', 'filter', '-D', ...words], { timeoutMs: 10000 });
      const report = drift(await save());
      expect(report.rules.map((d) => [d.kind, d.family, d.table, d.chain, d.owner])).toEqual([['missing', 'ip6tables', 'filter', 'cali-pi-np/app/web', 'np app/web']]);
      expect(report.rules[0].planned?.comment).toContain('np app/web ingress rule 3 Allow');
    } finally {
      await deleteNamespace(ns);
      untrackNamespace(ns);
    }
  }, 120000);
});
