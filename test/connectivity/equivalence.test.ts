// `connectivity` against a pod-by-pod, port-by-port evaluation (flow-check.ts) on seeded random
// clusters (lib/verify/scenario: tiers, Allow/Deny/Pass/Log, nets, notNets, ports, notPorts,
// selectors, notSelector, ICMP type 8, host endpoints with preDNAT and doNotTrack policies), and the
// same with IP-in-IP and VXLAN pools and a second node (tunnel-scenario.ts: the tunnel source).
import { buildEngineModel, evaluateFlow, parseEngineInputs } from '../../lib/engine';
import { generateScenario, scenarioSources } from '../../lib/verify/scenario/generate';
import { checkFlowByFlow } from './flow-check';
import { tunnelScenarioSources } from './tunnel-scenario';

describe('connectivity equals a flow-by-flow evaluation', () => {
  test.each([1, 2, 3, 4, 5, 6])('random cluster, seed %d', (seed) => {
    const model = buildEngineModel(parseEngineInputs(scenarioSources(generateScenario(seed))));
    expect(checkFlowByFlow(model)).toBeGreaterThan(1000);
  });

  test.each([[7, 0], [8, 1], [9, 2], [10, 3]])('random cluster with tunnel pools, seed %d, variant %d', (seed, variant) => {
    const model = buildEngineModel(parseEngineInputs(tunnelScenarioSources(generateScenario(seed), variant)));
    // worker-2's host reaches the pods of worker-1's IP-in-IP pool from its tunnel address
    const pod = model.endpoints.find((e) => e.ips.includes('192.0.2.11'));
    const v = evaluateFlow(model, { source: { ip: '198.51.100.20', id: '198.51.100.20' }, destination: { endpoint: pod, ip: '192.0.2.11', id: 'pod' }, protocol: 6, port: 80 });
    expect(v.ingress.reason).toContain("arrives from node worker-2's tunnel address 192.0.2.1");
    expect(checkFlowByFlow(model)).toBeGreaterThan(1000);
  });
});
