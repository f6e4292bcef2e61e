// The Felix rules test files (calico v3.32.1 felix/rules/) without a table of their own, each
// case named with the reason it is left out, and a check that the plan stays out of what the case
// needs (so a plan that starts rendering it fails here and gets a table instead). nflogprefix_test.go
// has its table in flow-logs.test.ts.
import { felixWorld, nodePlan } from './world';

const PODS = [{ name: 'a', ip: '192.0.2.11' }];
const NODE_IP = '198.51.100.10';

interface LeftOut {
  readonly file: string;
  readonly cases: readonly string[];
  readonly why: string;
  /** What holds while the cases stay out. */
  readonly check: () => void;
}

const LEFT_OUT: readonly LeftOut[] = [
  {
    file: 'epmark_test.go', cases: ['EndpointMarkMapper initialization', 'EndpointMarkMapper allocation/release', 'EndpointMarkMapper set endpoint mark'],
    why: "the endpoint mark allocator is Felix internals for kube-proxy's IPVS mode (Felix turns it on when it finds the kube-ipvs0 device; no FelixConfiguration field does); the plan models kube-proxy's iptables mode",
    check: () => {
      const text = nodePlan(felixWorld(PODS, [], undefined, NODE_IP)).iptables;
      expect(text).toContain(':cali-FORWARD');
      expect(text).not.toMatch(/cali-forward-check|cali-set-endpoint-mark|--set-mark 0x[0-9a-f]+\/0xff00 /);
    },
  },
];

describe('Felix rules test files left out, and why', () => {
  it.each(LEFT_OUT)('$file ($cases): $why', ({ check }) => {
    check();
  });
});
