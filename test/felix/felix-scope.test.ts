// FelixConfiguration as users export it: the fields that change no rule are accepted and dropped (a
// real `calicoctl get felixconfiguration default -o yaml` of an operator install reads clean), a
// misspelt field is an unknown field with the nearest name, and the configurations Felix applies to
// some nodes only (`node.<name>`, or a nodeSelector: calico v3.32.1 felix/calc/config_batcher.go)
// may not set a field that changes rules, since the plan and the engine use one configuration for
// every node.
import * as yaml from 'js-yaml';
import { buildEngineModel, evaluateFlow, parseEngineInputs } from '../../lib/engine';
import { buildFlow } from '../../lib/engine/evaluate/resolve';
import { felixWorld, nodePlan } from './world';

const PODS = [{ name: 'a', ip: '192.0.2.11' }];
const NODE_IP = '198.51.100.10';

/** The `default` FelixConfiguration an operator install (Calico 3.32) shows, with the server's metadata. */
const OPERATOR_DEFAULT = {
  bpfConnectTimeLoadBalancing: 'TCP', bpfHostNetworkedNATWithoutCTLB: 'Enabled', bpfLogLevel: '', floatingIPs: 'Disabled',
  healthPort: 9099, logSeverityScreen: 'Info', nftablesMode: 'Auto', reportingInterval: '0s', vxlanVNI: 4096,
  routeTableRange: { min: 1, max: 250 }, prometheusMetricsEnabled: true, healthTimeoutOverrides: [{ name: 'InternalDataplaneMainLoop', timeout: '1m' }],
};

function read(docs: readonly object[]) {
  return buildEngineModel(parseEngineInputs([
    { file: 'felix.yaml', text: docs.map((d) => yaml.dump(d)).join('---\n') },
  ]));
}
const felixConfig = (name: string, spec: object): object => ({ apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name }, spec });

describe('FelixConfiguration fields that change no rule', () => {
  it("an operator install's default reads without an issue and gives the plan of Felix's defaults", () => {
    expect(nodePlan(felixWorld(PODS, [], OPERATOR_DEFAULT, NODE_IP)).iptables).toBe(nodePlan(felixWorld(PODS, [], undefined, NODE_IP)).iptables);
  });

  it('a misspelt field is an unknown field naming the nearest one; a field Calico does not have (kubeIPVSSupportEnabled) too', () => {
    expect(() => read([felixConfig('default', { iptablesFilterDenyActon: 'Reject' })])).toThrow(
      'felix.yaml#0: spec.iptablesFilterDenyActon: expected one of the 184 fields of this object, got unknown field "iptablesFilterDenyActon" (did you mean "iptablesFilterDenyAction"?)');
    expect(() => read([felixConfig('default', { LogSeverityScreen: 'Info' })])).toThrow('(did you mean "logSeverityScreen"?)');
    expect(() => read([felixConfig('default', { kubeIPVSSupportEnabled: true })])).toThrow(
      'felix.yaml#0: spec.kubeIPVSSupportEnabled: expected one of the 184 fields of this object, got unknown field "kubeIPVSSupportEnabled"');
  });
});

describe('FelixConfigurations for some nodes only', () => {
  it('node.<name> and nodeSelector ones may set fields that change no rule, or the rendered default', () => {
    const model = read([
      felixConfig('node.node-1', { logSeverityScreen: 'Debug', chainInsertMode: 'Insert' }),
      felixConfig('gpu-nodes', { nodeSelector: "pool == 'gpu'", prometheusMetricsEnabled: true }),
    ]);
    expect(model.notes.filter((n) => n.includes('FelixConfiguration'))).toEqual([]);
  });

  it.each([
    ['node.node-1', { iptablesFilterDenyAction: 'Reject' }, 'spec.iptablesFilterDenyAction', 'a per-node'],
    ['gpu-nodes', { nodeSelector: "pool == 'gpu'", defaultEndpointToHostAction: 'Accept' }, 'spec.defaultEndpointToHostAction', 'a selector-scoped'],
  ])('%s setting a field that changes rules is refused', (name, spec, field, scope) => {
    expect(() => read([felixConfig(name, spec)])).toThrow(`felix.yaml#0: ${field}: not modelled: ${scope} FelixConfiguration setting a field that changes rules `
      + '(the plan and the engine use FelixConfiguration default and --felix for every node)');
  });

  it('nodeSelector is refused on default and node.<name> (the CRD rule) and must be a selector', () => {
    expect(() => read([felixConfig('default', { nodeSelector: 'all()' })])).toThrow(
      "felix.yaml#0: spec.nodeSelector: nodeSelector must not be set on the 'default' or per-node ('node.*') FelixConfiguration (got \"all()\"; allowed: leave it out, or name the FelixConfiguration otherwise)");
    expect(() => read([felixConfig('node.node-1', { nodeSelector: 'all()' })])).toThrow('spec.nodeSelector: nodeSelector must not be set');
    expect(() => read([felixConfig('gpu-nodes', { nodeSelector: "pool == 'gpu" })])).toThrow('spec.nodeSelector: invalid selector');
  });

  it('one that is neither default, node.<name> nor selector-scoped is read by neither Felix nor the engine, and a note says so', () => {
    const model = read([felixConfig('staging', { iptablesFilterDenyAction: 'Reject' })]);
    expect(model.felix.filterDenyAction).toBe('Drop');
    expect(model.notes).toContain('FelixConfiguration staging: not default, node.<name> or scoped by a nodeSelector, so Felix does not read it (nor does the engine)');
  });
});

describe('the engine follows vxlanPort', () => {
  it("a pod's UDP to the VXLAN port is dropped before policy, on Felix's port or the configured one", () => {
    const verdict = (felix: object | undefined, port: number) => {
      const model = felixWorld([{ name: 'a', ip: '192.0.2.11' }, { name: 'b', ip: '192.0.2.12' }], [], felix, NODE_IP);
      return evaluateFlow(model, buildFlow(model, { from: 'app/a', to: 'app/b', protocol: 'UDP', port }));
    };
    expect(verdict(undefined, 4789)).toMatchObject({ allowed: false });
    expect(verdict({ vxlanPort: 8472 }, 4789)).toMatchObject({ allowed: true });
    const dropped = verdict({ vxlanPort: 8472 }, 8472);
    expect(dropped.allowed).toBe(false);
    expect(JSON.stringify(dropped)).toContain('VXLAN (UDP 8472) packets from workloads are dropped before policy');
  });
});
