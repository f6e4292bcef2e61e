// All-interfaces host endpoints (`interfaceName: "*"`), against Felix's felix/rules/dispatch_test.go
// "host endpoint rendering tests apply on forward, with default interface name" (filter: named
// interfaces first, then a goto to the default endpoint's chain in each of the four host dispatch
// chains), "... preDNAT" (mangle cali-from-host-endpoint), and endpoint_mgr.go (no untracked chains
// for `*`; only one `*` endpoint, the lowest name; its chains are named for Felix's allInterfaces,
// `any-interface-at-all`).
import { dump } from 'js-yaml';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { lengthLimitedId } from '../../lib/iptables/names';

// cali-fhfw-/cali-thfw- + Felix's allInterfaces name is over 28 characters: GetLengthLimitedID hashes it
const FHFW_ALL = lengthLimitedId('cali-fhfw-', 'any-interface-at-all');
const THFW_ALL = lengthLimitedId('cali-thfw-', 'any-interface-at-all');

const hep = (name: string, iface: string, ip: string): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name, labels: { hep: name } },
  spec: { node: 'worker-1', interfaceName: iface, expectedIPs: [ip] },
});
const gnp = (name: string, spec: object): object => ({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name }, spec });
const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '198.51.100.10' }] } };

function plan(docs: readonly object[]): ReturnType<typeof renderNodePlan> {
  const model = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: [node, ...docs].map((d) => dump(d)).join('---\n') }]));
  return renderNodePlan(model, 'worker-1');
}

/** `-A <chain>` rules of one table, without the hash comments: `<match> <action>`. */
function rules(text: string, table: string, chain: string): string[] {
  const body = text.split(`*${table}\n`)[1].split('COMMIT')[0];
  return body.split('\n').filter((l) => l.startsWith(`-A ${chain} `))
    .map((l) => l.slice(`-A ${chain} `.length).replace(/-m comment --comment "[^"]*" ?/, '').trim());
}

describe('all-interfaces host endpoints, as Felix dispatches them', () => {
  const star = hep('auto', '*', '198.51.100.10');
  const eth0 = hep('eth0-hep', 'eth0', '198.51.100.10');

  test('filter: the named interface first, then a goto to the * chain, in all four host dispatch chains', () => {
    const p = plan([star, eth0]);
    expect(rules(p.iptables, 'filter', 'cali-from-host-endpoint')).toEqual(['--in-interface eth0 --goto cali-fh-eth0', '--goto cali-fh-any-interface-at-all']);
    expect(rules(p.iptables, 'filter', 'cali-to-host-endpoint')).toEqual(['--out-interface eth0 --goto cali-th-eth0', '--goto cali-th-any-interface-at-all']);
    expect(rules(p.iptables, 'filter', 'cali-from-hep-forward')).toEqual(['--in-interface eth0 --goto cali-fhfw-eth0', `--goto ${FHFW_ALL}`]);
    expect(rules(p.iptables, 'filter', 'cali-to-hep-forward')).toEqual(['--out-interface eth0 --goto cali-thfw-eth0', `--goto ${THFW_ALL}`]);
    // "nil map": only the * endpoint
    expect(rules(plan([star]).iptables, 'filter', 'cali-from-host-endpoint')).toEqual(['--goto cali-fh-any-interface-at-all']);
    // its normal chain is an ordinary host endpoint chain: failsafe, then no profile: drop
    expect(rules(p.iptables, 'filter', 'cali-fh-any-interface-at-all')).toContain('--jump cali-failsafe-in');
    expect(p.endpoints.endpoints.filter((e) => e.kind === 'host').map((e) => e.interface)).toEqual(['*', 'eth0']);
  });

  test('mangle: the * pre-DNAT chain is the default of cali-from-host-endpoint only when it has pre-DNAT policy', () => {
    expect(rules(plan([star]).iptables, 'mangle', 'cali-from-host-endpoint')).toEqual([]);
    const pre = gnp('pre', { selector: "hep == 'auto'", preDNAT: true, applyOnForward: true, types: ['Ingress'], ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [9] } }] });
    const p = plan([star, pre]);
    expect(rules(p.iptables, 'mangle', 'cali-from-host-endpoint')).toEqual(['--goto cali-fh-any-interface-at-all']);
    expect(rules(p.iptables, 'mangle', 'cali-fh-any-interface-at-all').slice(0, 2)).toEqual([
      '-m conntrack --ctstate RELATED,ESTABLISHED --jump ACCEPT', '-m conntrack --ctstate INVALID --jump DROP',
    ]);
  });

  test('raw: doNotTrack policy on a * endpoint is ignored (no untracked chain, no dispatch)', () => {
    const untracked = gnp('nt', { selector: "hep == 'auto'", doNotTrack: true, applyOnForward: true, types: ['Ingress'], ingress: [{ action: 'Allow' }] });
    const p = plan([star, untracked]);
    expect(rules(p.iptables, 'raw', 'cali-from-host-endpoint')).toEqual([]);
    expect(p.iptables.split('*raw\n')[1].split('COMMIT')[0]).not.toContain('cali-fh-any-interface-at-all');
  });

  test('of several * endpoints on a node, the one with the lowest name', () => {
    const p = plan([hep('b-auto', '*', '198.51.100.10'), hep('a-auto', '*', '198.51.100.10')]);
    expect(p.endpoints.endpoints.filter((e) => e.kind === 'host').map((e) => e.id)).toEqual(['hostendpoint/a-auto']);
  });
});
