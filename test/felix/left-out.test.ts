// The Felix rules test files (calico v3.32.1 felix/rules/) without a table of their own, each
// case named with the reason it is left out, and a check that the plan stays out of what the case
// needs (so a plan that starts rendering it fails here and gets a table instead). nflogprefix_test.go
// has its table in flow-logs.test.ts.
import { felixWorld } from './world';

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
    why: 'the endpoint mark allocator is Felix internals used by IPVS; kubeIPVSSupportEnabled is refused',
    check: () => expect(() => felixWorld(PODS, [], { kubeIPVSSupportEnabled: true }, NODE_IP)).toThrow(/spec\.kubeIPVSSupportEnabled: not modelled/),
  },
];

describe('Felix rules test files left out, and why', () => {
  it.each(LEFT_OUT)('$file ($cases): $why', ({ check }) => {
    check();
  });
});
