// The Felix rules test files (calico v3.32.1 felix/rules/) without a table of their own, each
// case named with the reason it is left out, and a check that the plan stays out of what the case
// needs (so a plan that starts rendering it fails here and gets a table instead).
import { felixWorld, nodePlan } from './world';

const PODS = [{ name: 'a', ip: '192.0.2.11' }];
const NODE_IP = '198.51.100.10';

const plan = (): ReturnType<typeof nodePlan> => nodePlan(felixWorld(PODS, [], undefined, NODE_IP));

interface LeftOut {
  readonly file: string;
  readonly cases: readonly string[];
  readonly why: string;
  /** What holds while the cases stay out. */
  readonly check: () => void;
}

const LEFT_OUT: readonly LeftOut[] = [
  {
    file: 'nflogprefix_test.go', cases: ['NFLOG prefix construction tests (all three tables)'],
    why: 'NFLOG prefixes are for flow logs, which the plan does not render',
    check: () => expect(plan().iptables).not.toContain('NFLOG'),
  },
  {
    file: 'epmark_test.go', cases: ['EndpointMarkMapper initialization', 'EndpointMarkMapper allocation/release', 'EndpointMarkMapper set endpoint mark'],
    why: 'the endpoint mark allocator is Felix internals used by IPVS; kubeIPVSSupportEnabled is refused',
    check: () => expect(() => felixWorld(PODS, [], { kubeIPVSSupportEnabled: true }, NODE_IP)).toThrow(/spec\.kubeIPVSSupportEnabled: not modelled/),
  },
];

describe('Felix rules test files left out, and why', () => {
  it.each(LEFT_OUT)('$file ($cases): $why', ({ check }) => {
    check();
  });
});
