// Endpoints grouped by what selectors read (their party's label key), and by namespace: a selector
// is tested once per group, not once per endpoint, and a namespace-scoped one only against the
// groups of its namespace. Members come back in the endpoints' own order.
import { CompiledEntity } from './entity';
import { Party, endpointParty } from './party';
import { Endpoint } from './types';

interface Group {
  readonly party: Party;
  /** Positions in the endpoint list, ascending. */
  readonly indices: number[];
}

/** The endpoints of a model, grouped once. */
export class EndpointGroups {
  private readonly all: Group[] = [];
  private readonly byNamespace = new Map<string | undefined, Group[]>();

  constructor(private readonly endpoints: readonly Endpoint[]) {
    const byKey = new Map<string, Group>();
    endpoints.forEach((e, i) => {
      const party = endpointParty(e);
      let g = byKey.get(party.labelKey);
      if (!g) {
        g = { party, indices: [] };
        byKey.set(party.labelKey, g);
        this.all.push(g);
        const list = this.byNamespace.get(party.namespace);
        if (list) list.push(g);
        else this.byNamespace.set(party.namespace, [g]);
      }
      g.indices.push(i);
    });
  }

  /** The endpoints in the entity's set (label part with the notSelector folded in), in list order. */
  public members(c: CompiledEntity): Endpoint[] {
    const candidates = c.ownNamespace !== undefined ? this.byNamespace.get(c.ownNamespace) ?? [] : this.all;
    const picked: number[] = [];
    for (const g of candidates) {
      if (c.setMatches(g.party)) for (const i of g.indices) picked.push(i);
    }
    picked.sort((a, b) => a - b);
    return picked.map((i) => this.endpoints[i]);
  }
}
