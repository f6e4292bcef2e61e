// `netsec verify` sends IPv6 Service probes through kube-proxy's ip6tables rules (issue 12): node w1
// of test/engine/fixtures/ipv6-services.ts, every address in 2001:db8::/32 or 192.0.2.0/24. Worked
// out by hand from the fixture (web accepts 8080 from the client pods and from 2001:db8:2::1/128):
// - client-1 -> [2001:db8:96::50]:80 (web6, IPv6 only) and -> [2001:db8:96::51]:81 (dual's IPv6
//   cluster IP): DNATed to web-1 [2001:db8:10::11]:8080 by the ip6tables rules: allowed;
// - 2001:db8:2::1 -> the node's [2001:db8:2::10]:30080 (web6's nodePort, Cluster): allowed by the ipBlock;
// - 2001:db8:2::2 -> the same: denied.
// Before, verify probed IPv4 Service addresses only and sent none of these.
import { ProbeComparison } from '../../lib/verify/compare';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { V6_INVENTORY, V6_MANIFESTS } from '../engine/fixtures/ipv6-services';
import { kernelIt } from './support';

const sources = [{ file: 'c.yaml', text: V6_INVENTORY }, { file: 's.yaml', text: V6_MANIFESTS }];

describe('netsec verify with IPv6 Services, on a real kernel', () => {
  kernelIt('IPv6 ClusterIP and nodePort probes go through kube-proxy\'s ip6tables rules and agree with the engine', async () => {
    const report = await verifyCluster({ sources, node: 'w1', peers: { eth0: ['192.0.2.200', '2001:db8:2::1', '2001:db8:2::2'] }, tcpPorts: [8080], udpPorts: [] });
    console.log(formatClusterReport(report));
    const services = report.nodes.flatMap((n) => n.comparisons).filter((c) => c.flow.service !== undefined);
    const kernel = (src: string, dst: string, port: number): boolean => {
      const hit = services.filter((c: ProbeComparison) => c.flow.source.ip === src && c.flow.destination.ip === dst && c.flow.port === port);
      if (hit.length !== 1) throw new Error(`expected one probe ${src} -> ${dst}:${port}, found ${hit.length}`);
      return hit[0].observed;
    };
    expect(kernel('2001:db8:10::12', '2001:db8:96::50', 80)).toBe(true);
    expect(kernel('2001:db8:10::12', '2001:db8:96::51', 81)).toBe(true);
    expect(kernel('2001:db8:2::1', '2001:db8:2::10', 30080)).toBe(true);
    expect(kernel('2001:db8:2::2', '2001:db8:2::10', 30080)).toBe(false);
    expect(report.mismatches).toBe(0);
  }, 240000);
});
