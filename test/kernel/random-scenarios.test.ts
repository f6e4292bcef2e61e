// Seeded random scenarios: the rendered plan on a real kernel must agree with the engine on
// every probe. The seeds are fixed so that CI runs the same scenarios every time.
import { generateScenario, scenarioSources } from '../../lib/verify/scenario/generate';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

interface SeedCase {
  readonly seed: number;
  /** Probe cap (the default is 900); regression seeds use fewer probes to keep the run short. */
  readonly maxProbes?: number;
  /** The bug a seed exposed before it was fixed (regression seeds). */
  readonly exposed?: string;
}

const NOT_SELECTOR = 'renderer: a namespaced rule with only a notSelector lacked the positive own-namespace set';
const VIA = 'engine: forwarded traffic was policed by a host endpoint of another interface';
const EARLY_ACCEPT = 'engine: a preDNAT/untracked allow of forwarded traffic skipped the pod\'s own policy';
const FAILSAFE = 'engine: failsafe ports did not skip untracked/preDNAT policy of forwarded traffic';

const SEEDS: readonly SeedCase[] = [
  { seed: 1 }, { seed: 2 }, { seed: 3 },
  { seed: 5, maxProbes: 300, exposed: EARLY_ACCEPT },
  { seed: 6, maxProbes: 300, exposed: VIA },
  { seed: 9, maxProbes: 300, exposed: NOT_SELECTOR },
  { seed: 10, maxProbes: 300, exposed: NOT_SELECTOR },
  { seed: 13, exposed: NOT_SELECTOR },
  { seed: 14, maxProbes: 300, exposed: `${NOT_SELECTOR}; ${EARLY_ACCEPT}` },
  { seed: 20, maxProbes: 300, exposed: EARLY_ACCEPT },
  { seed: 21, maxProbes: 300, exposed: VIA },
  { seed: 23, maxProbes: 300, exposed: `${EARLY_ACCEPT}; ${FAILSAFE}` },
  { seed: 24, maxProbes: 300, exposed: VIA },
];

describe('kernel verification of seeded random scenarios', () => {
  for (const c of SEEDS) {
    const why = c.exposed ? ` (regression: ${c.exposed})` : '';
    kernelIt(`seed ${c.seed}: every probe agrees with the engine (0 mismatches)${why}`, async () => {
      const scenario = generateScenario(c.seed);
      const report = await verifyCluster({
        sources: scenarioSources(scenario),
        node: scenario.node,
        peers: scenario.peers,
        tcpPorts: scenario.tcpPorts,
        udpPorts: scenario.udpPorts,
        ...(c.maxProbes !== undefined ? { maxProbes: c.maxProbes } : {}),
      });
      console.log(`seed ${c.seed}\n${formatClusterReport(report)}`);
      expect(report.compared).toBeGreaterThan(200);
      expect(report.mismatches).toBe(0);
    }, 240000);
  }
});
