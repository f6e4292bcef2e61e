// `netsec plan` writes kube-proxy's IPv6 file next to the IPv4 one (issue 12): the fixture's node w1
// has an IPv6 single-stack NodePort, a dual-stack ClusterIP and an IPv4 ClusterIP.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { V6_INVENTORY, V6_MANIFESTS } from '../engine/fixtures/ipv6-services';
import { runNetsec } from '../helpers/run-cli';

test('netsec plan writes w1.kube-proxy.iptables and w1.kube-proxy.ip6tables', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-kp6-'));
  try {
    const m = path.join(dir, 'm.yaml');
    const c = path.join(dir, 'c.yaml');
    fs.writeFileSync(m, V6_MANIFESTS);
    fs.writeFileSync(c, V6_INVENTORY);
    const out = path.join(dir, 'plan');
    const r = await runNetsec('plan', '--manifests', m, '--cluster', c, '--out', out);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).filter((f) => f.includes('kube-proxy')).sort()).toEqual(['w1.kube-proxy.ip6tables', 'w1.kube-proxy.iptables']);
    const v6 = fs.readFileSync(path.join(out, 'w1.kube-proxy.ip6tables'), 'utf8');
    expect(v6).toContain('-A KUBE-SEP-IS2THMWQXBFUBSZM -m comment --comment shop/web6:http -m tcp -p tcp -j DNAT --to-destination [2001:db8:10::11]:8080');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
