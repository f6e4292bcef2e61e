import { CalicoNetworkPolicyResource } from '../../../lib/model/resources';
import { gnp, messages } from './helpers';

describe('policy-level checks', () => {
  test('unknown and repeated types', () => {
    expect(messages(gnp({ types: ['Ingress', 'ingress', 'Ingress'] }))).toEqual([
      'r: spec.types[1]: unknown policy type (got "ingress"; allowed: Ingress or Egress)',
      "r: spec.types[2]: 'Ingress' type specified more than once (got \"Ingress\"; allowed: each type at most once)",
    ]);
  });

  test('preDNAT with egress rules and the Egress type', () => {
    expect(messages(gnp({ preDNAT: true, applyOnForward: true, types: ['Ingress', 'Egress'], egress: [{ action: 'Deny' }] }))).toEqual([
      'r: spec.egress: a preDNAT policy cannot have egress rules (got "1 rules"; allowed: ingress rules only)',
      "r: spec.types[1]: a preDNAT policy cannot have the 'Egress' type (got \"Egress\"; allowed: Ingress only)",
    ]);
  });

  test('preDNAT or doNotTrack without applyOnForward', () => {
    expect(messages(gnp({ preDNAT: true, types: ['Ingress'] }))).toEqual([
      'r: spec.applyOnForward: applyOnForward must be true when preDNAT or doNotTrack is true (got false; allowed: true)',
    ]);
    expect(messages(gnp({ doNotTrack: true, applyOnForward: false }))).toEqual([
      'r: spec.applyOnForward: applyOnForward must be true when preDNAT or doNotTrack is true (got false; allowed: true)',
    ]);
    expect(messages(gnp({ doNotTrack: true, applyOnForward: true, egress: [{ action: 'Allow' }] }))).toEqual([]);
  });

  test('preDNAT together with doNotTrack', () => {
    expect(messages(gnp({ preDNAT: true, doNotTrack: true, applyOnForward: true }))).toEqual([
      'r: spec.preDNAT: preDNAT and doNotTrack cannot both be true (got true; allowed: at most one of preDNAT and doNotTrack)',
    ]);
  });

  test('rules of Calico NetworkPolicies are checked too', () => {
    const np: CalicoNetworkPolicyResource = {
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'n' },
      spec: { egress: [{ action: 'Reject' }] },
    };
    expect(messages(np)).toEqual(['r: spec.egress[0].action: unknown action (got "Reject"; allowed: Allow, Deny, Log, Pass)']);
  });

  test('a GlobalNetworkPolicy service match needs a namespace', () => {
    expect(messages(gnp({ egress: [{ action: 'Allow', destination: { services: { name: 'kubernetes' } } }] }))).toEqual([
      'r: spec.egress[0].destination.services.namespace: must specify a namespace (got nothing; allowed: the namespace of the Service)',
    ]);
  });
});
