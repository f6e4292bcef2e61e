// Policy, profile and policy-group chains rendered once per model: a policy's chains in a table depend only on the
// policy, the table's action settings (from the model's Felix settings) and the IP version, never on
// the node, so every node after the first reuses them and the IP sets they reference.
import { EngineModel } from '../engine';
import { MarkBits } from './marks';
import { PolicyGroup, policyGroupChain, policyGroupChainName } from './policy-groups';
import { Chain } from './rule';
import { IpSetRegistry } from './ipset-registry';

interface Rendered {
  readonly chains: Chain[];
  readonly sets: readonly string[];
}

const rendered = new WeakMap<object, Map<string, Rendered>>();

/**
 * The chains `render` makes for `owner` (a policy or profile of the model) in `table`, made once per
 * (owner, table, IP version); the IP sets they reference are added to `reg` each time.
 */
export function sharedChains(owner: object, table: string, reg: IpSetRegistry, render: () => Chain[]): Chain[] {
  let byTable = rendered.get(owner);
  if (!byTable) {
    byTable = new Map();
    rendered.set(owner, byTable);
  }
  const key = `${table}|${reg.version}`;
  let done = byTable.get(key);
  if (done) {
    reg.adopt(done.sets);
  } else {
    const { value, sets } = reg.track(render);
    done = { chains: value, sets };
    byTable.set(key, done);
  }
  return done.chains;
}

const groupChains = new WeakMap<EngineModel, Map<string, Chain>>();

/**
 * A policy group's chain (`cali-gi-`/`cali-go-`), made once per model, name and verdict marks: the
 * name is Felix's hash of the group's policies, so chains of one name have the same rules on every
 * node (and their text is rendered once).
 */
export function sharedGroupChain(model: EngineModel, g: PolicyGroup, marks: MarkBits): Chain {
  let byName = groupChains.get(model);
  if (!byName) {
    byName = new Map();
    groupChains.set(model, byName);
  }
  const key = `${policyGroupChainName(g)}|${marks.pass}/${marks.accept}`;
  let chain = byName.get(key);
  if (!chain) {
    chain = policyGroupChain(g, marks);
    byName.set(key, chain);
  }
  return chain;
}
