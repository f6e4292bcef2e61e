// Drift of the IBM lab's worker-1 against its own plan, without root: the node's state is the
// plan text itself (read by the same parser, so canonical against canonical), then edited as a
// drifted node would be. The kernel's own spelling of the same rules is test/kernel/drift.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formatDriftText, hasDrift, nodeDrift } from '../../lib/drift';
import { synthLab } from '../examples/lab-world';
import { runNetsec } from '../helpers/run-cli';

const { files } = synthLab();
const text = (path: string): string => files.find((f) => f.path === path)?.content ?? '';
const plan = { iptables: text('iptables/worker-1.iptables'), ipsets: text('iptables/worker-1.ipsets') };
const drift = (iptables: string, ipsets?: string): ReturnType<typeof nodeDrift> => nodeDrift({
  node: 'worker-1', plan, iptablesSave: { file: 'node.save', text: iptables }, ...(ipsets === undefined ? {} : { ipsetSave: { file: 'node.ipset', text: ipsets } }),
});

describe('netsec drift on the lab worker-1', () => {
  it('finds no drift in the plan itself, nor with counters and other owners\' chains added', () => {
    expect(plan.iptables).toContain('cali-pi-gnp/allow-vrrp');
    expect(hasDrift(drift(plan.iptables, plan.ipsets))).toBe(false);
    const withOthers = plan.iptables.split('\n').map((l) => (l.startsWith('-A') ? `[7:420] ${l}` : l)).join('\n')
      .replace('*filter\n', '*filter\n:KUBE-FORWARD - [0:0]\n-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP\n');
    expect(drift(withOthers).rules).toEqual([]);
  });

  it('reports exactly the rules of a removed IBM default policy (allow-vrrp) as missing, each owned by it', () => {
    const lines = plan.iptables.split('\n');
    const vrrp = lines.map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => l.startsWith('-A') && l.includes('allow-vrrp'));
    // by hand from the lab: the policy's ingress and egress chains in filter and its egress chain in
    // mangle (one rule each, protocol 112; mangle holds host endpoints' egress chains only, so the
    // ingress chain is not programmed there), the jumps to them from the filter ingress and egress
    // group chains and from the mangle egress group chain
    expect(vrrp).toHaveLength(6);
    const report = drift(lines.filter((l) => !(l.startsWith('-A') && l.includes('allow-vrrp'))).join('\n'));
    expect(report.rules.map((d) => [d.kind, d.owner, d.planned?.line])).toEqual(
      expect.arrayContaining(vrrp.map(({ n }) => ['missing', 'gnp allow-vrrp', n])));
    expect(report.rules).toHaveLength(6);
  });

  it('plans the ksa profile of each pod: a node without it (as our plans before issue 16) misses exactly its rules', () => {
    // by hand from the lab: worker-1 runs frontend-1 and backend-1 (namespace guestbook, service
    // account `default`, the InventoryPod default), so profile ksa.guestbook.default: per pod and
    // direction a jump and a "return if profile accepted" (8), and the two profile chains with one
    // comment-only rule each (2). `cali-pri-ksa.guestbook.default` is 30 characters: hashed to 28.
    const lines = plan.iptables.split('\n');
    const ksaChains = lines.filter((l) => /^:cali-pr[io]-_\S+ /.test(l)).map((l) => l.slice(1).split(' ')[0]);
    expect(ksaChains).toHaveLength(2);
    const isKsa = (l: string): boolean => l.startsWith('-A') && (l.includes('ksa.guestbook.default') || ksaChains.some((c) => l.includes(` ${c}`)));
    const report = drift(lines.filter((l) => !isKsa(l)).join('\n'));
    expect(report.rules.map((d) => d.kind)).toEqual(Array(10).fill('missing'));
    // the jumps and the profile chains are the profile's; the returns the endpoint chain's
    const [pri, pro] = [ksaChains.find((c) => c.startsWith('cali-pri-')), ksaChains.find((c) => c.startsWith('cali-pro-'))];
    const ksaOwner = 'pro ksa.guestbook.default';
    const endpointRules = (chain: string, profileChain: string | undefined): (string | undefined)[][] => [
      [chain, ksaOwner, `-j ${profileChain}`], [chain, `chain ${chain}`, '-m mark --mark 0x10000/0x10000 -j RETURN']];
    // the veths of guestbook/frontend-1 and guestbook/backend-1 (vethNameForWorkload)
    const ifaces = ['cali0d11fe7b680', 'cali7a721e7185c'];
    expect(report.rules.map((d) => [d.chain, d.owner, d.planned?.key])).toEqual([
      ...ifaces.flatMap((i) => endpointRules(`cali-fw-${i}`, pro)), [pri, ksaOwner, ''], [pro, ksaOwner, ''], ...ifaces.flatMap((i) => endpointRules(`cali-tw-${i}`, pri)),
    ]);
  });

  it('reports a rule the node added, and a planned rule the node holds with another port as changed', () => {
    // the first cali-failsafe-in is mangle's (raw has none: no host endpoint of the lab has untracked policy)
    const changed = plan.iptables
      .replace(/(-A cali-failsafe-in [^\n]*--destination-ports )179 /, '$11790 ')
      .replace('COMMIT', ':cali-extra - [0:0]\n-A cali-extra -s 203.0.113.9 -j ACCEPT\nCOMMIT');
    const report = drift(changed);
    // tables, then chains, in name order
    expect(report.rules.map((d) => [d.kind, d.table, d.chain, d.owner])).toEqual([
      ['changed', 'mangle', 'cali-failsafe-in', 'chain cali-failsafe-in'],
      ['extra', 'raw', 'cali-extra', 'chain cali-extra'],
    ]);
    expect(report.rules[0].planned?.key).toBe('-p 6 -m multiport --dports 179 -j ACCEPT');
    expect(report.rules[0].live?.key).toBe('-p 6 -m multiport --dports 1790 -j ACCEPT');
  });

  it('reports a set member the node lacks and one it has in addition', () => {
    const member = /^add (cali40s:\S+) (\S+)$/m.exec(plan.ipsets);
    expect(member).not.toBeNull();
    const [line, set, addr] = member ?? ['', '', ''];
    const report = drift(plan.iptables, plan.ipsets.replace(`${line}\n`, `add ${set} 198.51.100.99\n`));
    expect(report.rules).toEqual([]);
    expect(report.sets).toEqual([
      { kind: 'missing-member', set, member: addr },
      { kind: 'extra-member', set, member: '198.51.100.99' },
    ]);
  });

  it('shows this-host members apart, as no drift (Felix fills the set from the node\'s live interfaces); the set itself missing is drift', () => {
    // by hand: the plan's this-host of worker-1 holds loopback's 127.0.0.0 and 127.0.0.1; a node
    // without 127.0.0.0 and with a link address the inventory does not know
    expect(plan.ipsets).toContain('add cali40this-host 127.0.0.0\n');
    const live = plan.ipsets.replace('add cali40this-host 127.0.0.0\n', 'add cali40this-host 192.0.2.77\n');
    const report = drift(plan.iptables, live);
    expect(hasDrift(report)).toBe(false);
    expect(report.sets).toEqual([]);
    expect(report.hostAddresses).toEqual([
      { kind: 'missing-member', set: 'cali40this-host', member: '127.0.0.0' },
      { kind: 'extra-member', set: 'cali40this-host', member: '192.0.2.77' },
    ]);
    expect(formatDriftText(report)).toContain([
      '  this-host members (filled from the node\'s live interfaces; the plan knows only the inventory\'s addresses; not drift):',
      '    missing-member cali40this-host 127.0.0.0',
      '    extra-member cali40this-host 192.0.2.77',
    ].join('\n'));
    expect(formatDriftText(report)).toMatch(/^netsec drift: node worker-1: no drift \(.*; 2 this-host member difference\(s\), not drift\)/);
    // another set's member is drift as before; the set gone is drift
    const gone = live.split('\n').filter((l) => !/ cali40this-host( |$)/.test(l)).join('\n');
    const noSet = drift(plan.iptables, gone);
    expect(hasDrift(noSet)).toBe(true);
    expect(noSet.sets).toEqual([{ kind: 'missing-set', set: 'cali40this-host' }]);
    expect(noSet.hostAddresses).toEqual([]);
  });

  describe('the command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netsec-drift-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, content: string): string => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const manifests = files.filter((f) => f.path.endsWith('.yaml') && !f.path.startsWith('inventory/'))
      .map((f) => write(f.path.replace(/\//g, '_'), f.content));
    const cluster = write('inventory.yaml', files.find((f) => f.path.startsWith('inventory/'))?.content ?? '');
    const args = (save: string, ...more: string[]): string[] => ['drift', '--manifests', ...manifests, '--cluster', cluster, '--node', 'worker-1', '--iptables-save', save, ...more];

    it('exits 0 without drift, 1 with drift (text names the policy; JSON lists the rules), 2 on a bad file', async () => {
      const same = await runNetsec(...args(write('same.save', plan.iptables), '--ipset-save', write('same.ipset', plan.ipsets)));
      expect(same.code).toBe(0);
      expect(same.out).toMatch(/^netsec drift: node worker-1: no drift/);
      const otherHost = await runNetsec(...args(write('same2.save', plan.iptables), '--ipset-save',
        write('host.ipset', plan.ipsets.replace('add cali40this-host 127.0.0.1\n', 'add cali40this-host 198.51.100.77\n'))));
      expect(otherHost.code).toBe(0);
      expect(otherHost.out).toContain('extra-member cali40this-host 198.51.100.77');

      const noVrrp = write('novrrp.save', plan.iptables.split('\n').filter((l) => !l.includes('allow-vrrp')).join('\n'));
      const text = await runNetsec(...args(noVrrp));
      expect(text.code).toBe(1);
      expect(text.out).toContain('DRIFT (6 missing, 0 extra, 0 changed rule(s)');
      expect(text.out).toContain('missing (gnp allow-vrrp)');
      expect(text.out).toContain('not compared: ipsets');
      const json = await runNetsec(...args(noVrrp, '--format', 'json'));
      expect(json.code).toBe(1);
      const parsed = JSON.parse(json.out) as { drift: boolean; rules: Array<{ owner: string; kind: string }> };
      expect(parsed.drift).toBe(true);
      expect(new Set(parsed.rules.map((r) => `${r.kind} ${r.owner}`))).toEqual(new Set(['missing gnp allow-vrrp']));

      const bad = await runNetsec(...args(write('bad.save', '*filter\n:INPUT ACCEPT [0:0]\nrubbish\nCOMMIT\n')));
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('bad.save:3: expected a chain declaration');
      const unknown = await runNetsec(...args(noVrrp).map((a) => (a === 'worker-1' ? 'worker-9' : a)));
      expect(unknown.code).toBe(2);
      expect(unknown.err).toContain('--node "worker-9" is not in the inventory');
    }, 60000);
  });
});
