// Services as destination columns of a truth table: one column per Service port of the table's
// protocol (every Service kube-proxy programs: not headless, not ExternalName; its cluster IP may be
// left to kube-apiserver to allocate, the backends are what is judged), its cell the summary of the ClusterIP path from the row (service/evaluate.ts): all, some or
// none of the backends kube-proxy DNATs the flow to are reachable. Outside addresses are not judged:
// the ClusterIP path is the one from pods and from the nodes themselves.
import { BuiltModel } from '../model/build';
import { InputService, InputServicePort } from '../input/services';
import { ServiceSummary, evaluateServiceFlow } from '../service/evaluate';
import { ServiceTarget } from '../service/target';
import { TableRow } from './group-rows';

/** A Service port as a column. */
export interface ServiceColumn {
  /** `service/<ns>/<name>:<port>`. */
  readonly id: string;
  readonly target: ServiceTarget;
}

/** A cell of a Service column: the summary, or `-` for a row the ClusterIP path does not start from. */
export type ServiceCell = ServiceSummary | '-';

/** The Service port's column id. */
export function serviceColumnId(service: InputService, port: InputServicePort): string {
  return `service/${service.namespace}/${service.name}:${port.port}`;
}

/** True for a Service kube-proxy programs a cluster IP for (not headless, not ExternalName). */
export function hasClusterIpPath(service: InputService): boolean {
  return !service.headless && service.type !== 'ExternalName';
}

/** Every Service port of `protocol` (a protocol name) of the Services with a ClusterIP path, in input order. */
export function serviceColumns(model: BuiltModel, protocol: string): ServiceColumn[] {
  const out: ServiceColumn[] = [];
  for (const service of model.services) {
    if (!hasClusterIpPath(service)) continue;
    for (const port of service.ports) {
      if (port.protocol !== protocol) continue;
      const address = service.clusterIPs[0];
      out.push({ id: serviceColumnId(service, port), target: { service, port, ...(address !== undefined ? { address } : {}) } });
    }
  }
  return out;
}

/** The summary of the ClusterIP path from one row to one Service port. */
export function serviceCell(model: BuiltModel, row: TableRow, target: ServiceTarget): ServiceCell {
  const endpoint = row.party.endpoint;
  if (!endpoint) return '-';
  // a row naming an endpoint by its own id starts from that endpoint; other rows by their address
  const from = row.id === endpoint.id ? endpoint.id : row.party.ip ?? endpoint.id;
  return evaluateServiceFlow(model, from, target).summary;
}

/** The Service columns of a table and the cell of every row in each. */
export class ServiceCells {
  constructor(
    public readonly columns: readonly ServiceColumn[],
    /** cells[row][column]. */
    private readonly cells: readonly (readonly ServiceCell[])[],
  ) {}

  /** The cell of row index `a` and column index `c`. */
  public at(a: number, c: number): ServiceCell {
    return this.cells[a][c];
  }
}

/** Judges every row against every Service column. */
export function computeServiceCells(model: BuiltModel, rows: readonly TableRow[], protocol: string): ServiceCells {
  const columns = serviceColumns(model, protocol);
  return new ServiceCells(columns, rows.map((row) => columns.map((c) => serviceCell(model, row, c.target))));
}
