// Cases of Felix's felix/rules/dispatch_test.go (v3.32.1) that a manifest can express, held against
// the plan in Felix's layout (the default), with the compact layout's flat chains beside them. Each
// row names the Felix table and Entry it follows; expected chains are written out from the Felix test.
// Covered: "workload rendering tests" (nil map, single interface, interfaces sharing prefix, multiple
// interfaces sharing multiple prefixes) with pods whose interface names (Calico's hash of the pod)
// fall into the same bins as Felix's names; "host endpoint rendering tests preDNAT" (mangle
// cali-from-host-endpoint), "... untracked" (raw), "... apply on forward" (filter, four chains) and
// "... apply on forward, with default interface name" (an all-interfaces host endpoint; its other
// rows are in test/iptables/all-interfaces.test.ts).
// Left out: "should panic if interface name is empty" (every workload has an interface; a host
// endpoint without interfaceName gets no dispatch rule), "duplicate interface" (two pods cannot get
// one interface name, and two host endpoints on one interface are refused), the kubeIPVSEnabled
// variants (cali-set-endpoint-mark / cali-from-endpoint-mark: kube-proxy's IPVS mode is not
// modelled), nftables verdict maps (iptables mode only) and WorkloadInterfaceAllowChains (not used
// by iptables mode).
import * as yaml from 'js-yaml';
import { BuiltModel, buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { vethNameForWorkload } from '../../lib/engine/model/veth';
import { PlanLayout } from '../../lib/iptables/plan-layout';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { lengthLimitedId } from '../../lib/iptables/names';

// cali-fhfw-/cali-thfw- + Felix's allInterfaces name is over 28 characters: GetLengthLimitedID hashes it
const FHFW_ALL = lengthLimitedId('cali-fhfw-', 'any-interface-at-all');
const THFW_ALL = lengthLimitedId('cali-thfw-', 'any-interface-at-all');

const NODE = 'worker-1';
const DROP = '--jump DROP';

/** `-A <chain>` rules of one table, without the hash comments: `<match> <action>`. */
function rules(text: string, table: string, chain: string): string[] {
  const body = text.split(`*${table}\n`)[1].split('COMMIT')[0];
  return body.split('\n').filter((l) => l.startsWith(`-A ${chain} `))
    .map((l) => l.slice(`-A ${chain} `.length).replace(/-m comment --comment "[^"]*" ?/, '').trim());
}

/** The chains of a table whose names start with `prefix`, in the order declared. */
function chainsNamed(text: string, table: string, prefix: string): string[] {
  const body = text.split(`*${table}\n`)[1].split('COMMIT')[0];
  return body.split('\n').filter((l) => l.startsWith(`:${prefix}`)).map((l) => l.slice(1).split(' ')[0]);
}

function world(pods: readonly string[], docs: readonly object[] = []): BuiltModel {
  const inventory = {
    apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', labels: { 'kubernetes.io/metadata.name': 'app' } } },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE, labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '198.51.100.10' }] } },
      ...pods.map((name, i) => ({
        apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'app', labels: {} }, spec: { nodeName: NODE, containers: [{ name: 'c' }] },
        status: { phase: 'Running', podIP: `192.0.2.${10 + i}`, podIPs: [{ ip: `192.0.2.${10 + i}` }] },
      })),
    ],
  };
  return buildEngineModel(parseEngineInputs([
    { file: 'manifests.yaml', text: docs.map((d) => yaml.dump(d)).join('---\n') || '{}\n' },
    { file: 'cluster.yaml', text: yaml.dump(inventory) },
  ]));
}

const plan = (model: BuiltModel, layout?: PlanLayout): string => renderNodePlan(model, NODE, layout ? { layout } : {}).iptables;

/**
 * Pod names whose interfaces (`cali` + 11 hex characters) fall into bins of the given sizes by the
 * character after `cali`, in bin order (the shape of Felix's names: [1, 2] is cali1234 | cali2333,
 * cali2444). Searched over pod-0, pod-1, ... so the test needs no knowledge of the hash.
 */
function podsInBins(sizes: readonly number[]): string[][] {
  const byChar = new Map<string, string[]>();
  for (let i = 0; i < 2000; i++) {
    const name = `pod-${i}`;
    const c = vethNameForWorkload('app', name)[4];
    byChar.set(c, [...(byChar.get(c) ?? []), name]);
  }
  const chars = [...byChar.keys()].sort();
  // consecutive characters so that the bins are in this order in the sorted names
  return sizes.map((n, i) => (byChar.get(chars[i]) ?? []).slice(0, n));
}

const iface = (pod: string): string => vethNameForWorkload('app', pod);
const nameSort = (xs: string[]): string[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

interface WorkloadCase {
  readonly felix: string;
  /** Bin sizes of the interface names, by the character after `cali`. */
  readonly bins: readonly number[];
}

const WORKLOAD_CASES: readonly WorkloadCase[] = [
  { felix: 'Entry("nil map")', bins: [] },
  { felix: 'Entry("single interface")', bins: [1] },
  { felix: 'Entry("interfaces sharing prefix") (cali1234 | cali2333, cali2444)', bins: [1, 2] },
  { felix: 'Entry("Multiple interfaces sharing multiple prefixes") (cali11-13 | cali21-22)', bins: [3, 2] },
];

describe('dispatch_test.go "workload rendering tests" (WorkloadDispatchChains, kubeIPVSEnabled false)', () => {
  it.each(WORKLOAD_CASES)('$felix', ({ bins }) => {
    const groups = podsInBins(bins);
    const model = world(groups.flat());
    const text = plan(model);
    for (const [root, dirFlag, epPrefix] of [['cali-from-wl-dispatch', '--in-interface', 'cali-fw-'], ['cali-to-wl-dispatch', '--out-interface', 'cali-tw-']] as const) {
      const gotoEp = (pod: string): string => `${dirFlag} ${iface(pod)} --goto ${epPrefix}${iface(pod)}`;
      const expectedRoot: string[] = [];
      const children: string[] = [];
      for (const g of groups) {
        const names = nameSort(g.map(iface));
        const pods = names.map((n) => g.find((p) => iface(p) === n) as string);
        if (g.length === 1) {
          expectedRoot.push(gotoEp(pods[0]));
          continue;
        }
        // "cali-from-wl-dispatch-2": the bin's gotos, then the end rule copied from the root
        const child = `${root}-${names[0][4]}`;
        children.push(child);
        expectedRoot.push(`${dirFlag} cali${names[0][4]}+ --goto ${child}`);
        expect(rules(text, 'filter', child)).toEqual([...pods.map(gotoEp), DROP]);
      }
      expect(rules(text, 'filter', root)).toEqual([...expectedRoot, DROP]);
      // Felix returns the child chains first, then the root
      expect(chainsNamed(text, 'filter', root)).toEqual([...children, root]);
    }
  });

  it('compact layout: one flat chain of gotos for the same pods', () => {
    const groups = podsInBins([3, 2]);
    const text = plan(world(groups.flat()), 'compact');
    const all = nameSort(groups.flat().map(iface));
    expect(chainsNamed(text, 'filter', 'cali-from-wl-dispatch')).toEqual(['cali-from-wl-dispatch']);
    expect(rules(text, 'filter', 'cali-from-wl-dispatch')).toEqual([...all.map((n) => `--in-interface ${n} --goto cali-fw-${n}`), DROP]);
  });
});

const hep = (iface: string, i: number): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: `hep-${iface}`, labels: { hep: 'yes' } },
  spec: { node: NODE, interfaceName: iface, expectedIPs: [`203.0.113.${10 + i}`] },
});
const gnp = (name: string, spec: object): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name }, spec: { selector: "hep == 'yes'", ...spec },
});
const PRE_DNAT = gnp('pre-dnat', { preDNAT: true, applyOnForward: true, types: ['Ingress'], ingress: [{ action: 'Allow' }] });
const UNTRACKED = gnp('untracked', { doNotTrack: true, applyOnForward: true, types: ['Ingress'], ingress: [{ action: 'Allow' }] });

interface HostCase {
  readonly felix: string;
  readonly ifaces: readonly string[];
  /** The root chain, by the second character of the bin (`''` for a single name). */
  readonly root: readonly string[];
  /** Child chains: suffix and members. */
  readonly children: readonly (readonly [string, readonly string[]])[];
}

const HOST_CASES: readonly HostCase[] = [
  { felix: 'Entry("single interface") (eth1234)', ifaces: ['eth1234'], root: ['eth1234'], children: [] },
  { felix: 'Entry("interfaces sharing prefix") (eth1234, eth2333, eth2444)', ifaces: ['eth2444', 'eth1234', 'eth2333'], root: ['eth1234', 'eth2+'], children: [['2', ['eth2333', 'eth2444']]] },
  {
    felix: 'Entry("Multiple interfaces sharing multiple prefixes") (eth11-13, eth21-22)', ifaces: ['eth11', 'eth12', 'eth13', 'eth21', 'eth22'],
    root: ['eth1+', 'eth2+'], children: [['1', ['eth11', 'eth12', 'eth13']], ['2', ['eth21', 'eth22']]],
  },
];

/** The chains Felix expects for one dispatch chain name and endpoint-chain prefix, with `end` rules closing root and children. */
function expectTree(text: string, table: string, root: string, dirFlag: string, epPrefix: string, c: HostCase, end: readonly string[] = []): void {
  const rootRules = c.root.map((x) => (x.endsWith('+')
    ? `${dirFlag} ${x} --goto ${root}-${x[3]}`
    : `${dirFlag} ${x} --goto ${epPrefix}${x}`));
  expect(rules(text, table, root)).toEqual([...rootRules, ...end]);
  for (const [suffix, members] of c.children) {
    expect(rules(text, table, `${root}-${suffix}`)).toEqual([...members.map((m) => `${dirFlag} ${m} --goto ${epPrefix}${m}`), ...end]);
  }
  expect(chainsNamed(text, table, root)).toEqual([...c.children.map(([s]) => `${root}-${s}`), root]);
}

describe('dispatch_test.go "host endpoint rendering tests"', () => {
  it.each(HOST_CASES)('"... apply on forward" (filter: HostDispatchChains(_, "", true)): $felix', (c) => {
    const text = plan(world([], c.ifaces.map(hep)));
    expectTree(text, 'filter', 'cali-from-host-endpoint', '--in-interface', 'cali-fh-', c);
    expectTree(text, 'filter', 'cali-to-host-endpoint', '--out-interface', 'cali-th-', c);
    expectTree(text, 'filter', 'cali-from-hep-forward', '--in-interface', 'cali-fhfw-', c);
    expectTree(text, 'filter', 'cali-to-hep-forward', '--out-interface', 'cali-thfw-', c);
  });

  it.each(HOST_CASES)('"... preDNAT" (mangle: FromHostDispatchChains(_, "")): $felix', (c) => {
    const text = plan(world([], [...c.ifaces.map(hep), PRE_DNAT]));
    expectTree(text, 'mangle', 'cali-from-host-endpoint', '--in-interface', 'cali-fh-', c);
  });

  it.each(HOST_CASES)('"... untracked" (raw: HostDispatchChains(_, "", false), both directions): $felix', (c) => {
    // an ingress-only untracked policy: Felix still renders both raw chains (HostEndpointToRawChains)
    const text = plan(world([], [...c.ifaces.map(hep), UNTRACKED]));
    expectTree(text, 'raw', 'cali-from-host-endpoint', '--in-interface', 'cali-fh-', c);
    expectTree(text, 'raw', 'cali-to-host-endpoint', '--out-interface', 'cali-th-', c);
    expect(chainsNamed(text, 'raw', 'cali-th-eth')).toEqual(expect.arrayContaining(c.ifaces.map((i) => `cali-th-${i}`)));
  });

  it('"Entry(\\"nil map\\")" (no host endpoint): empty host dispatch chains in every table', () => {
    const text = plan(world(['pod-0']));
    for (const chain of ['cali-from-host-endpoint', 'cali-to-host-endpoint', 'cali-from-hep-forward', 'cali-to-hep-forward']) {
      expect(chainsNamed(text, 'filter', chain)).toEqual([chain]);
      expect(rules(text, 'filter', chain)).toEqual([]);
    }
    expect(rules(text, 'raw', 'cali-from-host-endpoint')).toEqual([]);
  });

  it('"... apply on forward, with default interface name": Entry("interfaces sharing prefix"): the goto to the default chain ends root and child chains', () => {
    const c = HOST_CASES[1];
    const star = {
      apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'auto', labels: { hep: 'yes' } },
      spec: { node: NODE, interfaceName: '*', expectedIPs: ['198.51.100.10'] },
    };
    const text = plan(world([], [...c.ifaces.map(hep), star]));
    expectTree(text, 'filter', 'cali-from-host-endpoint', '--in-interface', 'cali-fh-', c, ['--goto cali-fh-any-interface-at-all']);
    expectTree(text, 'filter', 'cali-to-host-endpoint', '--out-interface', 'cali-th-', c, ['--goto cali-th-any-interface-at-all']);
    expectTree(text, 'filter', 'cali-from-hep-forward', '--in-interface', 'cali-fhfw-', c, [`--goto ${FHFW_ALL}`]);
    expectTree(text, 'filter', 'cali-to-hep-forward', '--out-interface', 'cali-thfw-', c, [`--goto ${THFW_ALL}`]);
  });

  it('compact layout: flat host dispatch chains, no child chains', () => {
    const text = plan(world([], HOST_CASES[2].ifaces.map(hep)), 'compact');
    expect(chainsNamed(text, 'filter', 'cali-from-host-endpoint')).toEqual(['cali-from-host-endpoint']);
    expect(rules(text, 'filter', 'cali-from-host-endpoint')).toEqual(HOST_CASES[2].ifaces.map((i) => `--in-interface ${i} --goto cali-fh-${i}`));
  });
});
