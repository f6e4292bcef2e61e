// Issue 14 item 4: a dual-stack peer list with ICMP is split into the rules Calico accepts.
// Port.icmp() matches IPv4 only and Port.icmpv6() IPv6 only (Calico refuses a rule mixing a protocol
// with the other version's nets), so each ICMP group gets the peers of its version; other protocols
// get every peer. Port.icmp() is never turned into ICMPv6 (the types differ); an IPv6 CIDR that
// ends up with no rule at all is a synth warning naming what to add. Expected rules worked out by
// hand in Calico's order: protocol groups as given, outside; peers as given, inside.
import { Chart, Testing } from 'cdk8s';
import { NetsecApp } from '../../../lib/app';
import { AllowCidr, PolicyTarget, TrafficDirection } from '../../../lib/constructs/intent';
import { Port } from '../../../lib/constructs/vocabulary';
import { collectSynthWarnings } from '../../../lib/constructs/app/warnings';

const SHOP = PolicyTarget.namespace('shop');
const V4 = '192.0.2.0/24';
const V6 = '2001:db8::/32';

function ingressOf(ports: Port[], direction = TrafficDirection.INGRESS): { chart: Chart; rules: unknown } {
  const chart = new Chart(Testing.app(), 'test');
  new AllowCidr(chart, 'office', { target: SHOP, cidrs: [V4, V6], ports, direction });
  const [policy] = Testing.synth(chart) as { spec: { ingress?: unknown; egress?: unknown } }[];
  return { chart, rules: direction === TrafficDirection.EGRESS ? policy.spec.egress : policy.spec.ingress };
}

describe('dual-stack AllowCidr with ICMP', () => {
  test('TCP 443 from both CIDRs, ICMP from the IPv4 one only; no warning', () => {
    const { chart, rules } = ingressOf([Port.tcp(443), Port.icmp()]);
    expect(rules).toEqual([
      { action: 'Allow', protocol: 'TCP', source: { nets: [V4] }, destination: { ports: [443] } },
      { action: 'Allow', protocol: 'TCP', source: { nets: [V6] }, destination: { ports: [443] } },
      { action: 'Allow', protocol: 'ICMP', source: { nets: [V4] } },
    ]);
    expect(collectSynthWarnings(chart)).toEqual([]);
  });

  test('ICMP and ICMPv6 echo: each to the CIDR of its version', () => {
    const { rules } = ingressOf([Port.icmp(8), Port.icmpv6(128)], TrafficDirection.EGRESS);
    expect(rules).toEqual([
      { action: 'Allow', protocol: 'ICMP', icmp: { type: 8 }, destination: { nets: [V4] } },
      { action: 'Allow', protocol: 'ICMPv6', icmp: { type: 128 }, destination: { nets: [V6] } },
    ]);
  });

  test('ICMP alone: the IPv4 rule, and a warning that the IPv6 CIDR gets none', () => {
    const { chart, rules } = ingressOf([Port.icmp()]);
    expect(rules).toEqual([{ action: 'Allow', protocol: 'ICMP', source: { nets: [V4] } }]);
    expect(collectSynthWarnings(chart)).toEqual([
      'test/office: Peer.cidr("2001:db8::/32") is IPv6 but the rule\'s ports (ICMP) only match IPv4, so no rule is emitted for it; '
      + 'add Port.icmpv6() to match ICMP of IPv6 too',
    ]);
  });

  test('the split policy passes the app validation (Calico\'s rules) and synthesises', () => {
    const app = new NetsecApp({ outdir: '/nonexistent/never-written', iptablesPlan: false });
    new AllowCidr(new Chart(app, 'shop'), 'office', { target: SHOP, cidrs: [V4, V6], ports: [Port.tcp(443), Port.icmp()], direction: TrafficDirection.BOTH });
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(app.synthFiles().map((f) => f.path)).toEqual(['calico/shop.calico.yaml']);
    } finally {
      spy.mockRestore();
    }
  });
});
