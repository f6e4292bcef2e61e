// Groups of endpoints with identical label sets in one namespace: the nodes of the connectivity
// graph and the rows of grouped diff output.
import { Endpoint } from '../engine';

/** A group of endpoints that share kind, namespace and labels. */
export interface EndpointGroup {
  /** Stable key (kind, namespace, sorted labels). */
  readonly key: string;
  /** Short display name, e.g. `shop [app=frontend]`. */
  readonly label: string;
  readonly namespace?: string;
  /** Member endpoint ids, sorted. */
  readonly members: readonly string[];
}

/** Labels Calico adds to workloads; left out of group names (the namespace is shown anyway). */
const SYNTHETIC_PREFIX = 'projectcalico.org/';

function ownLabels(e: Endpoint): [string, string][] {
  return Object.keys(e.labels).filter((k) => !k.startsWith(SYNTHETIC_PREFIX)).sort().map((k) => [k, e.labels[k]]);
}

/** The group key of an endpoint. */
export function groupKeyOf(e: Endpoint): string {
  return JSON.stringify([e.kind, e.namespace ?? '', ownLabels(e)]);
}

/** The display name of an endpoint's group. */
export function groupLabelOf(e: Endpoint): string {
  const labels = ownLabels(e).map(([k, v]) => `${k}=${v}`).join(', ');
  const where = e.kind === 'host' ? 'host' : (e.namespace ?? '');
  return `${where} [${labels || 'no labels'}]`;
}

/** Groups the endpoints; groups sorted by label then key, members sorted. */
export function groupEndpoints(endpoints: readonly Endpoint[]): EndpointGroup[] {
  const byKey = new Map<string, { label: string; namespace?: string; members: string[] }>();
  for (const e of endpoints) {
    const key = groupKeyOf(e);
    let g = byKey.get(key);
    if (!g) {
      g = { label: groupLabelOf(e), namespace: e.namespace, members: [] };
      byKey.set(key, g);
    }
    g.members.push(e.id);
  }
  return [...byKey.entries()]
    .map(([key, g]) => ({ key, label: g.label, namespace: g.namespace, members: [...g.members].sort() }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
