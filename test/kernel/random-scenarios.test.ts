// Seeded random scenarios: the rendered plan on a real kernel must agree with the engine on
// every probe. The seeds are fixed so that CI runs the same scenarios every time.
import { generateScenario, scenarioSources } from '../../lib/verify/scenario/generate';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

const SEEDS = [1, 2, 3];

describe('kernel verification of seeded random scenarios', () => {
  for (const seed of SEEDS) {
    kernelIt(`seed ${seed}: every probe agrees with the engine (0 mismatches)`, async () => {
      const scenario = generateScenario(seed);
      const report = await verifyCluster({
        sources: scenarioSources(scenario),
        node: scenario.node,
        peers: scenario.peers,
        tcpPorts: scenario.tcpPorts,
        udpPorts: scenario.udpPorts,
      });
      console.log(`seed ${seed}\n${formatClusterReport(report)}`);
      expect(report.compared).toBeGreaterThan(200);
      expect(report.mismatches).toBe(0);
    }, 240000);
  }
});
