// The ends of the connectivity map: workloads (pods grouped by owner), host endpoints, and the
// external address classes; and the signature that says when two endpoints are judged alike.
import { ipVersionOf } from '../model/net';
import { BuiltModel, Endpoint } from '../engine';
import { AddressSpace, addressText } from './addresses';
import { Interval } from './intervals';

/** One end of a connection line. */
export interface Party {
  /** `ns/name[Kind]`, `ns/pod`, `hostendpoint/<name>`, or an address range such as `0.0.0.0-9.255.255.255`. */
  readonly name: string;
  readonly kind: 'workload' | 'host' | 'external';
  /** Workloads and host endpoints: their endpoints. */
  readonly endpoints: readonly Endpoint[];
  /** External classes: the IP version and the address intervals covered. */
  readonly external?: {
    readonly version: number;
    readonly intervals: readonly Interval[];
    readonly address: string;
    /** AddressSpace.keys of the class: externals with equal keys get equal verdicts. */
    readonly key: string;
  };
}

/**
 * Everything evaluation reads of an endpoint: two endpoints with the same signature get the same
 * verdicts towards everything else. The address enters as the class it falls in.
 */
export function endpointSignature(e: Endpoint, spaces: readonly AddressSpace[]): string {
  const ipClasses = e.ips.map((ip) => {
    const space = spaces.find((s) => s.version === ipVersionOf(ip));
    return space ? `${space.version}:${space.keys[space.indexOf(ip)]}` : ip;
  });
  return JSON.stringify([e.kind, e.namespace, e.labels, e.namespaceLabels, e.serviceAccount, e.serviceAccountLabels, e.node, e.interfaceName === '*' ? '*' : e.kind,
    e.namedPorts, e.profiles, ipClasses]);
}

/** Workloads (by owner, else the pod), then host endpoints, each sorted by name. */
export function endpointParties(model: BuiltModel): Party[] {
  const workloads = new Map<string, Endpoint[]>();
  const hosts: Party[] = [];
  for (const e of model.endpoints) {
    if (e.kind === 'host') {
      hosts.push({ name: e.id, kind: 'host', endpoints: [e] });
      continue;
    }
    const key = e.workload ?? e.id;
    workloads.set(key, [...(workloads.get(key) ?? []), e]);
  }
  const byName = (a: Party, b: Party): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...[...workloads.entries()].map(([name, endpoints]): Party => ({ name, kind: 'workload', endpoints })).sort(byName),
    ...hosts.sort(byName)];
}

/** One party per address interval that holds an address no endpoint has (that address is judged). */
export function externalParties(model: BuiltModel, spaces: readonly AddressSpace[]): Party[] {
  const taken = new Set(model.endpoints.flatMap((e) => e.ips));
  const out: Party[] = [];
  for (const space of spaces) {
    for (const [index, interval] of space.intervals.entries()) {
      let address: string | undefined;
      // the first address not an endpoint's (a bounded search: endpoints are finitely many)
      for (let v = interval[0]; v <= interval[1] && v <= interval[0] + BigInt(taken.size); v++) {
        const text = addressText(space.version, v);
        if (!taken.has(text)) {
          address = text;
          break;
        }
      }
      if (address) out.push({ name: '', kind: 'external', endpoints: [], external: { version: space.version, intervals: [interval], address, key: space.keys[index] } });
    }
  }
  return out;
}
