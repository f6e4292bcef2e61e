// The package's entry points: the root holds the constructs (the jsii-compiled API), the engine
// entry the analysis API; neither exports the other's things.
import * as engine from '../../lib/engine-entry';
import * as root from '../../lib/index';

describe('entry points', () => {
  test('the root exports the constructs and no engine, lint, iptables, diff or report function', () => {
    expect(Object.keys(root)).toEqual(expect.arrayContaining(['NetsecApp', 'KubeNetworkPolicy', 'CalicoNetworkPolicy', 'LabelSelector', 'PolicyTarget', 'InventoryPod']));
    const names = Object.keys(root);
    for (const name of ['buildEngineModel', 'evaluateFlow', 'lintFiles', 'renderNodePlan', 'semanticDiff', 'buildReport', 'splitPortList', 'vethNameForWorkload', 'ClusterPod']) {
      expect(names).not.toContain(name);
    }
  });

  test('cdk8s-netsec/engine exports the analysis API and no construct', () => {
    const names = Object.keys(engine);
    for (const name of ['loadEngineInputs', 'buildEngineModel', 'evaluateFlow', 'checkFlow', 'buildTruthTable', 'lintFiles', 'formatSarif',
      'renderNodePlan', 'planFilesFromModel', 'semanticDiff', 'diffToText', 'buildReport', 'reportToHtml', 'INVENTORY_ANNOTATION']) {
      expect(typeof engine[name as keyof typeof engine]).not.toBe('undefined');
    }
    for (const name of ['NetsecApp', 'KubeNetworkPolicy', 'LabelSelector', 'PolicyTarget', 'splitPortList', 'vethNameForWorkload']) {
      expect(names).not.toContain(name);
    }
  });
});
