// kube-proxy's IPv6 proxier (issue 12): kube-proxy runs one iptables proxier per IP family, the
// IPv6 one through ip6tables with the same chain names; each takes the Services with a cluster IP
// of its family and the endpoints of that family. Expected lines written by hand from
// pkg/proxy/iptables/proxier.go (syncProxyRules, writeServiceToEndpointRules); the chain hashes are
// sha256 + base32 of "<ns>/<name>[:<port>]<protocol>[<endpoint>]", worked out with Python's
// hashlib/base64 (e.g. shop/web6:httptcp -> A4ZS7IVQTILSWGRZ); the IPv6 endpoint is
// net.JoinHostPort's "[2001:db8:10::11]:8080".
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { planFilesFromModel } from '../../lib/iptables/plan-files';
import { renderKubeProxy } from '../../lib/iptables/kube-proxy';
import { V6_INVENTORY, V6_MANIFESTS } from '../engine/fixtures/ipv6-services';

const model = buildEngineModel(parseEngineInputs([{ file: 'c.yaml', text: V6_INVENTORY }, { file: 's.yaml', text: V6_MANIFESTS }]));
const v6 = renderKubeProxy(model, 'w1', undefined, 6);
const v4 = renderKubeProxy(model, 'w1', undefined, 4);
const rules = (text: string, chain: string): string[] => text.split('\n').filter((l) => l.startsWith(`-A ${chain} `));

describe('kube-proxy\'s ip6tables rules', () => {
  test('the IPv6 single-stack NodePort: cluster IP, nodePort, masquerade for external traffic, the endpoint as [address]:port', () => {
    expect(rules(v6, 'KUBE-SERVICES').filter((l) => l.includes('web6'))).toEqual([
      '-A KUBE-SERVICES -m comment --comment "shop/web6:http cluster IP" -m tcp -p tcp -d 2001:db8:96::50 --dport 80 -j KUBE-SVC-A4ZS7IVQTILSWGRZ',
    ]);
    expect(rules(v6, 'KUBE-NODEPORTS')).toEqual(['-A KUBE-NODEPORTS -m comment --comment shop/web6:http -m tcp -p tcp --dport 30080 -j KUBE-EXT-A4ZS7IVQTILSWGRZ']);
    expect(rules(v6, 'KUBE-EXT-A4ZS7IVQTILSWGRZ')).toEqual([
      '-A KUBE-EXT-A4ZS7IVQTILSWGRZ -m comment --comment "masquerade traffic for shop/web6:http external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-A4ZS7IVQTILSWGRZ -j KUBE-SVC-A4ZS7IVQTILSWGRZ',
    ]);
    expect(rules(v6, 'KUBE-SVC-A4ZS7IVQTILSWGRZ')).toEqual([
      '-A KUBE-SVC-A4ZS7IVQTILSWGRZ -m comment --comment "shop/web6:http -> [2001:db8:10::11]:8080" -j KUBE-SEP-IS2THMWQXBFUBSZM',
    ]);
    expect(rules(v6, 'KUBE-SEP-IS2THMWQXBFUBSZM')).toEqual([
      '-A KUBE-SEP-IS2THMWQXBFUBSZM -m comment --comment shop/web6:http -s 2001:db8:10::11/128 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-IS2THMWQXBFUBSZM -m comment --comment shop/web6:http -m tcp -p tcp -j DNAT --to-destination [2001:db8:10::11]:8080',
    ]);
  });

  test('the nodePorts jump excludes ::1 in IPv6 (proxier.go: localhost nodePorts never work there); IPv4 keeps plain LOCAL', () => {
    const last = (text: string): string | undefined => rules(text, 'KUBE-SERVICES').find((l) => l.includes('-j KUBE-NODEPORTS'));
    expect(last(v6)).toBe('-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS');
    expect(last(v4)).toBe('-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS');
  });

  test('a dual-stack Service is in both files: its IPv6 endpoint in ip6tables, REJECT for its IPv4 cluster IP (no IPv4 endpoint)', () => {
    expect(rules(v6, 'KUBE-SERVICES').filter((l) => l.includes('dual'))).toEqual([
      '-A KUBE-SERVICES -m comment --comment "shop/dual cluster IP" -m tcp -p tcp -d 2001:db8:96::51 --dport 81 -j KUBE-SVC-RSUJP2KGINQS4MBM',
    ]);
    expect(rules(v6, 'KUBE-SVC-RSUJP2KGINQS4MBM')).toEqual([
      '-A KUBE-SVC-RSUJP2KGINQS4MBM -m comment --comment "shop/dual -> [2001:db8:10::11]:8080" -j KUBE-SEP-WUXWRT5X73JGUZLC',
    ]);
    expect(v4).toContain('-A KUBE-SERVICES -m comment --comment "shop/dual has no endpoints" -m tcp -p tcp -d 198.51.100.50 --dport 81 -j REJECT');
    expect(v4).not.toContain('2001:db8');
  });

  test('each proxier leaves out the Services without a cluster IP of its family (servicechangetracker serviceToServiceMap)', () => {
    expect(v6).not.toContain('shop/plain');
    expect(v4).toContain('shop/plain has no endpoints');
    // web6 has no IPv4 cluster IP: no IPv4 nodePort rule either
    expect(v4).not.toContain('web6');
    expect(v4).not.toContain('--dport 30080');
  });

  test('the headers name the family and the other file; no "not rendered" note for IPv6', () => {
    expect(v6.split('\n')[0]).toBe('# kube-proxy\'s rules for node w1 (iptables mode, IPv6: ip6tables), rendered by netsec: NOT Calico\'s and NOT to be applied.');
    expect(v6).toContain('# The Services with an IPv6 cluster IP; the IPv4 ones are in w1.kube-proxy.iptables.');
    expect(v4).toContain('# The Services with an IPv4 cluster IP; the IPv6 ones are in w1.kube-proxy.ip6tables.');
    expect(`${v4}${v6}`).not.toMatch(/Not rendered.*IPv6/);
  });

  test('an IPv6 address written long is rendered as ip6tables-save prints it (compressed)', () => {
    const long = V6_MANIFESTS.replace(/2001:db8:96::50/g, '2001:0db8:0096:0000:0000:0000:0000:0050');
    const m = buildEngineModel(parseEngineInputs([{ file: 'c.yaml', text: V6_INVENTORY }, { file: 's.yaml', text: long }]));
    expect(renderKubeProxy(m, 'w1', undefined, 6)).toContain('-d 2001:db8:96::50 --dport 80 -j KUBE-SVC-A4ZS7IVQTILSWGRZ');
  });

  test('the plan files hold <node>.kube-proxy.ip6tables next to the IPv4 file; an IPv4-only model has none', () => {
    expect(planFilesFromModel(model).map((f) => f.path).filter((p) => p.includes('kube-proxy'))).toEqual(['w1.kube-proxy.iptables', 'w1.kube-proxy.ip6tables']);
    const v4Only = buildEngineModel(parseEngineInputs([{ file: 'c.yaml', text: V6_INVENTORY },
      { file: 's.yaml', text: V6_MANIFESTS.split('---\n').filter((d) => d.includes('name: plain') || d.includes('NetworkPolicy')).join('---\n') }]));
    expect(planFilesFromModel(v4Only).map((f) => f.path).filter((p) => p.includes('kube-proxy'))).toEqual(['w1.kube-proxy.iptables']);
  });
});
