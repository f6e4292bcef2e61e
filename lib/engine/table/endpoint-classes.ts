// Classes of workload endpoints for one IP version: the truth table's groups (group-rows.ts, with the
// host class of each endpoint's node), for callers that judge pairs of endpoints themselves (the
// report's workload-to-itself cells). Two pairs whose sources are of one class, whose destinations
// are of one class and that are both on one node (or both across nodes) get the same verdicts.
import { BuiltModel } from '../model/build';
import { Endpoint } from '../model/types';
import { ipFamily } from '../model/address-match';
import { workloadNodeClassKey } from './tunnel-policing';
import { groupRows } from './group-rows';

/** Per endpoint, its class for `version`, or -1 when it is in none (a row the table keeps single: judge its pairs one by one). */
export function endpointClasses(model: BuiltModel, endpoints: readonly Endpoint[], version: number): Int32Array {
  const nodeClass = new Map<string, number>();
  const keys = new Map<string, number>();
  const classOfNode = (node: string): number => {
    let c = nodeClass.get(node);
    if (c === undefined) {
      const key = workloadNodeClassKey(model, node);
      c = keys.get(key);
      if (c === undefined) {
        c = keys.size;
        keys.set(key, c);
      }
      nodeClass.set(node, c);
    }
    return c;
  };
  const rows = endpoints.map((e) => ({ id: e.id, party: { endpoint: e, ip: e.ips.find((ip) => ipFamily(ip) === version), id: e.id } }));
  return groupRows(model, rows, (i) => classOfNode(endpoints[i].node)).rowGroup;
}
