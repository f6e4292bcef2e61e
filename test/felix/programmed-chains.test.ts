// Chains Felix hands to a table but does not program, because nothing reachable from a built-in
// chain refers to them (felix/iptables/table.go: a chain is written only while referenced). Felix
// gives both chains of every active policy to raw, mangle and filter (dataplane/linux/policy_mgr.go,
// ActivePolicyUpdate: "The iptables layer will avoid programming it if it is not actually used"),
// and the failsafe chains to raw and filter (rules/static.go StaticRawTableChains,
// StaticFilterTableChains); only endpoint chains refer to them. Both layouts.
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { NODE, felixWorld } from './world';

const PODS = [{ name: 'a', ip: '192.0.2.11', labels: { app: 'a' } }];
const NODE_IP = '198.51.100.10';
const gnp = (name: string, order: number, selector: string, spec: object): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name }, spec: { order, selector, ...spec },
});
const HEP = { apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'eth0', labels: { hep: 'yes' } }, spec: { node: NODE, interfaceName: 'eth0', expectedIPs: [NODE_IP] } };

/** The chains declared in one table of the plan. */
function declared(text: string, table: string): string[] {
  const start = text.indexOf(`*${table}\n`);
  const body = text.slice(start, text.indexOf('\nCOMMIT', start));
  return body.split('\n').filter((l) => l.startsWith(':')).map((l) => l.slice(1).split(' ')[0]);
}

describe.each(['felix', 'compact'] as const)('chains no programmed chain refers to are left out (%s layout)', (layout) => {
  const plan = (docs: object[]): string => renderNodePlan(felixWorld(PODS, docs, undefined, NODE_IP), NODE, { layout }).iptables;

  test('an ingress-only policy has its ingress chain only; an egress-only policy its egress chain only', () => {
    const text = plan([gnp('in-only', 1, 'all()', { types: ['Ingress'], ingress: [{ action: 'Allow' }] }),
      gnp('out-only', 2, 'all()', { types: ['Egress'], egress: [{ action: 'Allow' }] })]);
    const filter = declared(text, 'filter');
    expect(filter).toContain('cali-pi-gnp/in-only');
    expect(filter).not.toContain('cali-po-gnp/in-only');
    expect(filter).toContain('cali-po-gnp/out-only');
    expect(filter).not.toContain('cali-pi-gnp/out-only');
    expect(text).not.toContain('cali-po-gnp/in-only');
    expect(text).not.toContain('cali-pi-gnp/out-only');
  });

  test('mangle holds a host endpoint\'s egress policy chains only (HostEndpointToMangleEgressChains), not its ingress ones', () => {
    const text = plan([HEP, gnp('h', 1, "hep == 'yes'", { types: ['Ingress', 'Egress'], ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] })]);
    expect(declared(text, 'filter')).toEqual(expect.arrayContaining(['cali-pi-gnp/h', 'cali-po-gnp/h', 'cali-failsafe-in', 'cali-failsafe-out']));
    const mangle = declared(text, 'mangle');
    expect(mangle).toContain('cali-th-eth0');
    expect(mangle).toContain('cali-po-gnp/h');
    expect(mangle).not.toContain('cali-pi-gnp/h');
  });

  test('raw has no failsafe chains while no host endpoint has untracked policy; they come with it', () => {
    const tracked = plan([HEP, gnp('h', 1, "hep == 'yes'", { types: ['Ingress'], ingress: [{ action: 'Allow' }] })]);
    expect(declared(tracked, 'raw')).not.toContain('cali-failsafe-in');
    expect(declared(tracked, 'raw')).not.toContain('cali-failsafe-out');
    const untracked = plan([HEP, gnp('u', 1, "hep == 'yes'", { doNotTrack: true, applyOnForward: true, types: ['Ingress', 'Egress'], ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] })]);
    expect(declared(untracked, 'raw')).toEqual(expect.arrayContaining(['cali-fh-eth0', 'cali-th-eth0', 'cali-failsafe-in', 'cali-failsafe-out']));
  });

  test('a workload-only node has no failsafe chains in filter either (only host endpoint chains refer to them)', () => {
    const text = plan([gnp('in-only', 1, 'all()', { types: ['Ingress'], ingress: [{ action: 'Allow' }] })]);
    expect(declared(text, 'filter')).not.toContain('cali-failsafe-in');
    expect(text).not.toContain('cali-failsafe');
  });
});
