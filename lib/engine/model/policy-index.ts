// Policies indexed by a label their selector (or namespaceSelector) requires, so that choosing the
// policies of an endpoint tests only those that can select it (applicableTiers in evaluate/chain.ts).
// Each policy sits in one bucket (PolicyImpl.indexRequirement) or, without a requirement, in the
// unindexed list; candidates() returns a superset of the policies that apply, in the list's order.
import { StringMap } from '../../model/resources';
import { Party } from './party';
import { PolicyImpl } from './policy';

interface Bucket {
  /** Positions of the policies that require the label (any value). */
  readonly anyValue: number[];
  /** Positions of the policies that require the label with one value, by value. */
  readonly byValue: Map<string, number[]>;
}

/** The policies of one list (a tier's, for one namespace), indexed by their required label. */
export class PolicyIndex {
  private readonly unindexed: number[] = [];
  private readonly bySelector = new Map<string, Bucket>();
  private readonly byNamespace = new Map<string, Bucket>();

  constructor(private readonly policies: readonly PolicyImpl[]) {
    policies.forEach((p, i) => {
      const req = p.indexRequirement;
      if (!req) {
        this.unindexed.push(i);
        return;
      }
      const buckets = req.labels === 'selector' ? this.bySelector : this.byNamespace;
      let b = buckets.get(req.key);
      if (!b) {
        b = { anyValue: [], byValue: new Map() };
        buckets.set(req.key, b);
      }
      if (req.value === undefined) {
        b.anyValue.push(i);
      } else {
        let list = b.byValue.get(req.value);
        if (!list) {
          list = [];
          b.byValue.set(req.value, list);
        }
        list.push(i);
      }
    });
  }

  /** The policies that can apply to the party (every one that does, maybe more), in list order. */
  public candidates(party: Party): PolicyImpl[] {
    const positions = [...this.unindexed];
    collect(this.bySelector, party.selectorLabels, positions);
    collect(this.byNamespace, party.namespaceLabels, positions);
    positions.sort((a, b) => a - b);
    return positions.map((i) => this.policies[i]);
  }
}

/** Appends the positions of the buckets the labels satisfy (own string-valued labels, as selectors read them). */
function collect(buckets: ReadonlyMap<string, Bucket>, labels: StringMap, out: number[]): void {
  if (buckets.size === 0) return;
  for (const key of Object.keys(labels)) {
    const value: unknown = labels[key];
    if (typeof value !== 'string') continue;
    const b = buckets.get(key);
    if (!b) continue;
    for (const i of b.anyValue) out.push(i);
    const exact = b.byValue.get(value);
    if (exact) for (const i of exact) out.push(i);
  }
}
