// What the report shows, independent of how it is drawn (HTML, SVG, Mermaid, DOT).
import { PortKey } from '../diff/ports';

/** One cell of a truth-table matrix. */
export interface MatrixCell {
  readonly allowed: boolean;
  /** The row and column are the same pod. */
  readonly self: boolean;
  /** Hover text: the verdict and what decided each side. */
  readonly title: string;
}

/** The truth table of one protocol and port, rows are sources and columns destinations. */
export interface ReportMatrix {
  readonly port: PortKey;
  readonly ids: readonly string[];
  /** cells[row][column]. */
  readonly cells: readonly (readonly MatrixCell[])[];
}

/** A node of the connectivity graph: a group of endpoints with identical labels in one namespace. */
export interface GraphNode {
  /** `g1`, `g2`, ... in display order (safe for Mermaid and DOT). */
  readonly id: string;
  readonly label: string;
  readonly namespace?: string;
  readonly members: readonly string[];
}

/** Some member of `from` may open connections to some member of `to` on `ports`. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** `TCP/80` texts. */
  readonly ports: readonly string[];
  /** Not every member pair is allowed on every listed port. */
  readonly partial: boolean;
}

/** The connectivity graph. */
export interface ReportGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** One host endpoint of a node. */
export interface HostEndpointSummary {
  readonly name: string;
  readonly interfaceName: string;
  readonly ips: readonly string[];
  /** `tier/name (Ingress, Egress)` of each policy that applies. */
  readonly policies: readonly string[];
  /**
   * Every connection an outside address may open (`TCP 22,179,UDP 68`, `No Connections`), over all
   * protocols and ports, failsafe ports included. @default - unknown (the host endpoint has no IPv4 address)
   */
  readonly openFromOutside?: string;
}

/** A Kubernetes node and its host endpoints. */
export interface NodeSummary {
  readonly name: string;
  readonly addresses: readonly string[];
  readonly hostEndpoints: readonly HostEndpointSummary[];
}

/** One lint finding as shown. */
export interface ReportFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  /** `file#doc kind namespace/name field`. */
  readonly where: string;
}

/** The lint section: findings, or why there are none to show. */
export interface LintSection {
  /** False when lint could not run; `note` says why. */
  readonly available: boolean;
  readonly note: string;
  readonly findings: readonly ReportFinding[];
}

/** Everything on the page. */
export interface ReportData {
  readonly title: string;
  /** One per compared port, in order. */
  readonly matrices: readonly ReportMatrix[];
  readonly graph: ReportGraph;
  readonly nodes: readonly NodeSummary[];
  readonly lint: LintSection;
}
