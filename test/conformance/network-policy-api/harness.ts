// Runs transcribed network-policy-api conformance cases offline through the engine: the upstream
// cluster (`conformance/base/manifests.yaml`) as an inventory, the case's policy fixture, its
// patches applied in order (persisting into the next subtests, as upstream), and each PokeServer
// evaluated as a flow. See conformance.test.ts for what is transcribed and what is left out.
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { buildEngineModel, buildFlow, evaluateFlow, parseEngineInputs } from '../../../lib/engine';
import { CalicoVersion } from '../../../lib/model/calico-version';

type Api = 'v1alpha1' | 'v1alpha2';
type Protocol = 'TCP' | 'UDP' | 'SCTP';
/** A value that differs between the API versions. */
type PerApi<T> = T | { readonly v1alpha1: T; readonly v1alpha2: T };

const HOUSES = ['gryffindor', 'slytherin', 'hufflepuff', 'ravenclaw'];
/** The namespace of the host-network StatefulSet `centaur` (one pod per node). */
export const FOREST = 'forbidden-forrest';
const PODS: { [house: string]: string } = { gryffindor: 'harry-potter', slytherin: 'draco-malfoy', hufflepuff: 'cedric-diggory', ravenclaw: 'luna-lovegood', [FOREST]: 'centaur' };
const ns = (house: string): string => `network-policy-conformance-${house}`;
/** The pod IP our inventory gives `<house>-<i>` (upstream reads it from the live pod); a centaur has its node's. */
const podIP = (house: string, i: number): string =>
  house === FOREST ? nodeIP(i) : `198.51.100.${10 + HOUSES.indexOf(house) * 10 + i}`;
const nodeIP = (i: number): string => `198.51.100.${200 + i}`;
/**
 * Upstream's HostNetworkPorts: the suite's default range, 8 ports from 34345
 * (conformance/utils/suite/suite.go), filled into the manifests' `{{ index .HostNetworkPorts N }}`.
 */
export const hostNetworkPort = (n: number): number => 34345 + n;
const renderTemplate = (text: string): string =>
  text.replace(/\{\{ index \.HostNetworkPorts (\d) \}\}/g, (_m, n: string) => String(hostNetworkPort(Number(n))));

/**
 * The upstream cluster; `houseLabels` overrides a namespace's `conformance-house` label. With
 * `hostNetwork`, also the two nodes (labelled kubernetes.io/os: linux) and the centaur pods.
 */
function inventory(houseLabels: { readonly [house: string]: string }, hostNetwork: boolean): string {
  const items: unknown[] = [];
  if (hostNetwork) {
    items.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns(FOREST), labels: { 'conformance-house': FOREST } } });
    for (const i of [0, 1]) {
      items.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: `worker-${i}`, labels: { 'kubernetes.io/os': 'linux' } }, status: { addresses: [{ type: 'InternalIP', address: nodeIP(i) }] } });
      items.push({
        apiVersion: 'v1', kind: 'Pod',
        metadata: { name: `centaur-${i}`, namespace: ns(FOREST), labels: { 'conformance-house': FOREST } },
        spec: { nodeName: `worker-${i}`, hostNetwork: true, containers: [{ name: 'c' }] },
        status: { phase: 'Running', podIP: nodeIP(i), podIPs: [{ ip: nodeIP(i) }] },
      });
    }
  }
  HOUSES.forEach((house) => {
    items.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns(house), labels: { 'conformance-house': houseLabels[house] ?? house, 'kubernetes.io/metadata.name': ns(house) } } });
    for (const i of [0, 1]) {
      const ip = podIP(house, i);
      items.push({
        apiVersion: 'v1', kind: 'Pod',
        metadata: { name: `${PODS[house]}-${i}`, namespace: ns(house), labels: { 'conformance-house': house } },
        spec: { nodeName: `worker-${i}`, containers: [{ name: 'c', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] }] },
        status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
      });
    }
  });
  return yaml.dump({ apiVersion: 'v1', kind: 'List', items });
}

type Rule = { name?: string; action: string; [field: string]: unknown };
type Doc = { kind: string; metadata: { name: string }; spec: { priority?: number; ingress?: Rule[]; egress?: Rule[] } };
/** A patch of a subtest: upstream mutates a policy (or a namespace's labels) between pokes. */
type Patch =
  | { readonly swap: 'ingress' | 'egress'; readonly policy: string; readonly i: number; readonly j: number }
  | { readonly setAction: 'ingress' | 'egress'; readonly policy: string; readonly i: number; readonly action: PerApi<string> }
  | { readonly setPriority: number; readonly policy: string }
  /** Insert, at index 0 of the policy's egress, an Allow/Accept rule to the /32 networks of these pods. */
  | { readonly allowNetworksOf: readonly (readonly [string, number])[]; readonly policy: string; readonly name: string }
  /** Replace the rule's ports by one named port (v1alpha1 `ports: [{namedPort}]`, v1alpha2 `protocols: [{destinationNamedPort}]`). */
  | { readonly namedPort: string; readonly gress: 'ingress' | 'egress'; readonly policy: string; readonly i: number }
  | { readonly relabelHouse: string; readonly label: string }
  | { readonly remove: string };
/**
 * One PokeServer: client pod to the server pod's IP, protocol and port, and whether it must
 * connect (per API version where Calico's conversion makes the result differ from upstream's).
 */
export interface Poke { readonly client: readonly [string, number]; readonly server: readonly [string, number]; readonly protocol: Protocol; readonly port: number; readonly allowed: PerApi<boolean> }
/** Patches, then pokes; `only` limits the step to one API version (upstream differs). */
interface Step { readonly patches?: readonly Patch[]; readonly pokes: readonly Poke[]; readonly only?: Api }
interface Subtest extends Step { readonly name: PerApi<string>; readonly then?: readonly Step[] }
export interface Case {
  readonly test: { readonly v1alpha1: string; readonly v1alpha2: string };
  /** The upstream `conformance/tests` file. */
  readonly file: string;
  /** The fixture in v1alpha1/ and v1alpha2/. */
  readonly manifest: string;
  /** The cluster includes the host-network centaur pods and the nodes. @default false */
  readonly hostNetwork?: boolean;
  readonly subtests: readonly Subtest[];
}

export const poke = (client: string, c: number, server: string, s: number, port: number, allowed: PerApi<boolean>, protocol: Protocol = 'TCP'): Poke =>
  ({ client: [client, c], server: [server, s], protocol, port, allowed });

const perApi = <T>(v: PerApi<T>, api: Api): T => (typeof v === 'object' && v !== null && 'v1alpha1' in v ? v[api] : v as T);

interface State { docs: Doc[]; houseLabels: { [house: string]: string } }

function applyPatch(state: State, patch: Patch, api: Api): State {
  if ('remove' in patch) return { ...state, docs: state.docs.filter((d) => d.metadata.name !== patch.remove) };
  if ('relabelHouse' in patch) return { ...state, houseLabels: { ...state.houseLabels, [patch.relabelHouse]: patch.label } };
  const doc = state.docs.find((d) => d.metadata.name === patch.policy && d.kind !== 'NetworkPolicy');
  if (doc === undefined) throw new Error(`no policy ${patch.policy}`);
  if ('swap' in patch) {
    const rules = doc.spec[patch.swap] ?? [];
    [rules[patch.i], rules[patch.j]] = [rules[patch.j], rules[patch.i]];
  } else if ('setAction' in patch) {
    (doc.spec[patch.setAction] ?? [])[patch.i].action = perApi(patch.action, api);
  } else if ('setPriority' in patch) {
    doc.spec.priority = patch.setPriority;
  } else if ('namedPort' in patch) {
    const rule = (doc.spec[patch.gress] ?? [])[patch.i];
    if (api === 'v1alpha1') rule.ports = [{ namedPort: patch.namedPort }];
    else rule.protocols = [{ destinationNamedPort: patch.namedPort }];
  } else {
    const rule: Rule = { name: patch.name, action: api === 'v1alpha1' ? 'Allow' : 'Accept', to: [{ networks: patch.allowNetworksOf.map(([h, i]) => `${podIP(h, i)}/32`) }] };
    doc.spec.egress = [rule, ...(doc.spec.egress ?? [])];
  }
  return state;
}

const VERSIONS: readonly { readonly api: Api; readonly calico: CalicoVersion }[] = [
  { api: 'v1alpha1', calico: '3.31' }, { api: 'v1alpha2', calico: '3.32' },
];

const describePoke = (p: Poke, allowed: PerApi<boolean>, api: Api): string =>
  `${p.client[0]}-${p.client[1]} -> ${p.server[0]}-${p.server[1]} ${p.protocol}/${p.port} ${perApi(allowed, api) ? 'allowed' : 'denied'}`;

/** Declares the jest suites of these cases, for both API versions. */
export function runCases(title: string, cases: readonly Case[]): void {
  for (const { api, calico } of VERSIONS) {
    describe(`${title} ${api} (Calico ${calico})`, () => {
      for (const c of cases) {
        describe(`${c.file} ${c.test[api]}`, () => {
          const fixture = renderTemplate(fs.readFileSync(path.join(__dirname, api, c.manifest), 'utf8'));
          let state: State = { docs: (yaml.loadAll(fixture) as Doc[]).filter((d) => d !== null && d !== undefined), houseLabels: {} };
          c.subtests.forEach((sub) => {
            const steps = [sub, ...(sub.then ?? [])].filter((s) => s.only === undefined || s.only === api);
            // Each step's inputs are fixed now, at declaration, so patches persist in order.
            const runs = steps.map((step) => {
              state = (step.patches ?? []).reduce((s, p) => applyPatch(s, p, api), state);
              return { policies: state.docs.map((d) => yaml.dump(d)).join('---\n'), cluster: inventory(state.houseLabels, c.hostNetwork === true), pokes: step.pokes };
            });
            test(perApi(sub.name, api), () => {
              const actual: string[] = [];
              const expected: string[] = [];
              for (const run of runs) {
                const model = buildEngineModel(parseEngineInputs(
                  [{ file: c.manifest, text: run.policies }, { file: 'cluster.yaml', text: run.cluster }], { calicoVersion: calico }));
                for (const p of run.pokes) {
                  const verdict = evaluateFlow(model, buildFlow(model, {
                    from: `${ns(p.client[0])}/${PODS[p.client[0]]}-${p.client[1]}`, to: podIP(p.server[0], p.server[1]),
                    protocol: p.protocol, port: p.port,
                  }));
                  actual.push(describePoke(p, verdict.allowed, api));
                  expected.push(describePoke(p, p.allowed, api));
                }
              }
              expect(actual).toEqual(expected);
            });
          });
        });
      }
    });
  }
}
