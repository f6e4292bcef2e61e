// The qos.projectcalico.org/dscp annotation, read as libcalico-go reads it. Expected values from
// calico v3.32.1 api/pkg/lib/numorstring/numorstring_test.go (the DSCP tables named below) and
// dscp.go AllDSCPValues; the same file and values in v3.31.7.
import * as yaml from 'js-yaml';
import { parseEngineInputs } from '../../../lib/engine';
import { HostEndpoint } from '../../../lib/model/resources';
import { parseDscp } from '../../../lib/model/validate';
import { messages } from './helpers';

describe('parseDscp (numorstring DSCPFromString + Validate)', () => {
  // "NumOrStringDSCP Validate method validates string inputs correctly"
  it.each([
    ['EF', 46], ['AF11', 10], ['CS2', 16], ['0', 0], ['40', 40], ['63', 63],
    // "NumOrStringDSCP FromString is not case-sensitive" and "ToUint8 returns valid values"
    ['cs6', 48], ['Af11', 10], ['ef', 46], ['AF33', 30], ['CS5', 40],
    // Validate trims spaces around a name (strings.TrimSpace); ParseUint takes leading zeros
    [' af43\t', 38], ['DF', 0], ['CS0', 0], ['010', 10],
  ])('accepts %j as %d', (text, value) => {
    expect(parseDscp(text)).toEqual({ value });
  });

  it.each([
    ['64', 'DSCP must be between 0 and 63'], ['120', 'DSCP must be between 0 and 63'],
    ['-1', '-1 is not a valid DSCP value'], ['CS9', 'CS9 is not a valid DSCP value'], ['xxx', 'xxx is not a valid DSCP value'],
    ['', ' is not a valid DSCP value'], [' ', '  is not a valid DSCP value'],
    // ToUint8 gives 0 for BE, but Validate refuses it
    ['BE', 'BE is not a valid DSCP value'],
    // past 8 bits ParseUint fails, so the text is taken as a name; a number is not trimmed
    ['256', '256 is not a valid DSCP value'], [' 10', ' 10 is not a valid DSCP value'], ['+5', '+5 is not a valid DSCP value'],
  ])('refuses %j: %s', (text, problem) => {
    expect(parseDscp(text)).toEqual({ problem });
  });
});

describe('the annotation on a HostEndpoint (hostendpointprocessor.go handleQoSControlsAnnotations)', () => {
  const hep = (dscp: string): HostEndpoint => ({
    apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint',
    metadata: { name: 'h', annotations: { 'qos.projectcalico.org/dscp': dscp } }, spec: { node: 'n1', interfaceName: 'eth0' },
  });
  it('accepts a value Calico accepts and names the field, the value and what is allowed otherwise', () => {
    expect(messages(hep('af21'))).toEqual([]);
    expect(messages(hep('64'))).toEqual([
      'r: metadata.annotations["qos.projectcalico.org/dscp"]: invalid QoS DSCP value: DSCP must be between 0 and 63 (got "64"; allowed: '
      + 'a DSCP number 0-63 or one of DF, EF, AF11, AF12, AF13, AF21, AF22, AF23, AF31, AF32, AF33, AF41, AF42, AF43, CS0, CS1, CS2, CS3, CS4, CS5, CS6 (any case))',
    ]);
  });
});

describe('the annotation on a pod (workload_endpoint_default.go handleQoSControlsAnnotations)', () => {
  const read = (dscp: unknown) => parseEngineInputs([{
    file: 'cluster.yaml', text: yaml.dump({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'app', annotations: { 'qos.projectcalico.org/dscp': dscp } },
      spec: { nodeName: 'n1' }, status: { podIP: '192.0.2.11' },
    }),
  }]);
  it('carries the value into the pod', () => {
    expect(read('EF').pods[0].dscp).toBe(46);
    expect(read('7').pods[0].dscp).toBe(7);
  });
  it('refuses a value Calico refuses, naming file#document, field, value and what is allowed', () => {
    expect(() => read('AF44')).toThrow(
      'cluster.yaml#0: metadata.annotations["qos.projectcalico.org/dscp"]: expected a DSCP number 0-63 or one of DF, EF, AF11, AF12, AF13, AF21, AF22, '
      + 'AF23, AF31, AF32, AF33, AF41, AF42, AF43, CS0, CS1, CS2, CS3, CS4, CS5, CS6 (any case) (Calico: AF44 is not a valid DSCP value), got "AF44"');
    expect(() => read(10)).toThrow(/metadata\.annotations\["qos\.projectcalico\.org\/dscp"\]: expected a string: a DSCP number 0-63/);
  });
});
