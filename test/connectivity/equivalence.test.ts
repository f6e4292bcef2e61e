// `connectivity` against a pod-by-pod, port-by-port evaluation (flow-check.ts) on seeded random
// clusters (lib/verify/scenario: tiers, Allow/Deny/Pass/Log, nets, notNets, ports, notPorts,
// selectors, notSelector, ICMP type 8, host endpoints with preDNAT and doNotTrack policies).
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { generateScenario, scenarioSources } from '../../lib/verify/scenario/generate';
import { checkFlowByFlow } from './flow-check';

describe('connectivity equals a flow-by-flow evaluation', () => {
  test.each([1, 2, 3, 4, 5, 6])('random cluster, seed %d', (seed) => {
    const model = buildEngineModel(parseEngineInputs(scenarioSources(generateScenario(seed))));
    expect(checkFlowByFlow(model)).toBeGreaterThan(1000);
  });
});
