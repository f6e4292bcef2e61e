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

/** An allowed connection set as ranges: what the page's protocol and port selector tests. */
export interface ConnectionSummary {
  /** Every connection (`All Connections`). */
  readonly all: boolean;
  /** The IP versions differ (the set is their union). */
  readonly varies: boolean;
  /** Per protocol number: the allowed TCP, UDP or SCTP port ranges; empty for the whole protocol. */
  readonly protocols: { readonly [protocol: number]: readonly (readonly [number, number])[] };
  /** Protocols (ICMP, ICMPv6) of which only some types or codes are allowed. */
  readonly partial: readonly number[];
  /** Ranges of the other protocol numbers, wholly allowed (`protocols 2-3,5`). */
  readonly others: readonly (readonly [number, number])[];
}

/** One distinct cell value of the workload matrix. */
export interface ConnectionEntry {
  /** The connection set for people, e.g. `TCP 80,443`, `All Connections`, `VRRP (112)`. */
  readonly text: string;
  readonly summary: ConnectionSummary;
  /** The pods of a workload differ: the set is the union, `detail` lists them pod by pod. */
  readonly differsPerPod: boolean;
  /** @default - none */
  readonly detail?: readonly string[];
}

/** A row and column of the workload matrix. */
export interface MatrixParty {
  /** As `netsec connectivity` names it: `ns/name[Kind]`, `ns/pod`, `hostendpoint/<name>`, or address ranges. */
  readonly name: string;
  /** Short label within its group. */
  readonly label: string;
  readonly kind: 'workload' | 'host' | 'external';
  /** Index into WorkloadMatrix.groups. */
  readonly group: number;
  /** Pods of a workload (1 for others). */
  readonly size: number;
}

/** A collapsible group of parties: a namespace, the host endpoints, the outside addresses. */
export interface MatrixGroup {
  readonly name: string;
  readonly kind: 'namespace' | 'host' | 'external';
  /** Indexes into WorkloadMatrix.parties. */
  readonly members: readonly number[];
}

/** Who may open connections to whom, over every protocol and port, at the level of workloads. */
export interface WorkloadMatrix {
  readonly parties: readonly MatrixParty[];
  readonly groups: readonly MatrixGroup[];
  /** Distinct cell values; entry 0 is `No Connections`. */
  readonly entries: readonly ConnectionEntry[];
  /** cells[row][column]: index into entries, or -1 where nothing is judged (a party to itself, outside to outside). */
  readonly cells: readonly (readonly number[])[];
  /** The protocols the connection classes name, beyond TCP, UDP, SCTP, ICMP and ICMPv6 (e.g. 112). */
  readonly protocols: readonly number[];
}

/** A node of the connectivity graph: a party or a collapsed group of the workload matrix. */
export interface GraphNode {
  /** `g1`, `g2`, ... in display order (safe for Mermaid and DOT). */
  readonly id: string;
  readonly label: string;
  readonly namespace?: string;
  readonly members: readonly string[];
}

/** Some member of `from` may open connections to some member of `to`. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** The distinct connection sets of the member pairs (`TCP 80,443`, `All Connections`). */
  readonly ports: readonly string[];
  /** Not every member pair has a connection, or the sets differ. */
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

/** One rule of a guardrail, as written. */
export interface GuardrailRuleSummary {
  readonly direction: 'ingress' | 'egress';
  /** 0-based within its direction. */
  readonly index: number;
  /** The rule's name, or ''. */
  readonly name: string;
  /** As written: `Accept`, `Allow`, `Deny` or `Pass`. */
  readonly action: string;
  /** `from namespaces tenant=a`, `to networks 203.0.113.0/24 | pods ...`. */
  readonly peers: string;
  /** `TCP 80, UDP 53`, or `all`. */
  readonly ports: string;
}

/** One ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy. */
export interface GuardrailPolicySummary {
  readonly kind: string;
  readonly name: string;
  readonly role: 'admin' | 'baseline';
  /** spec.priority as written. @default - none (a BaselineAdminNetworkPolicy) */
  readonly priority?: number;
  /** The Calico order it was converted to. @default - none */
  readonly order?: number;
  /** `namespaces tenant=b`, `pods app=x in namespaces all`. */
  readonly subject: string;
  readonly rules: readonly GuardrailRuleSummary[];
  /** `file#document`, or ''. */
  readonly where: string;
}

/** A Calico tier holding guardrails. */
export interface GuardrailTierSummary {
  readonly name: string;
  /** @default - none */
  readonly order?: number;
  readonly defaultAction: string;
  readonly role: 'admin' | 'baseline';
  /** Policies in Felix's order. */
  readonly policies: readonly GuardrailPolicySummary[];
  /** Where a Pass, or the end of the tier, hands the decision: the tiers after it, then the profiles. */
  readonly handsDownTo: readonly string[];
}

/** The cluster guardrails: empty when the inputs hold none of the admin kinds. */
export interface GuardrailSection {
  readonly tiers: readonly GuardrailTierSummary[];
}

/** Who reaches a Service port through its cluster IP: party names (`netsec connectivity`'s) by summary. */
export interface ServiceReach {
  /** Every backend reachable from every pod of the party. */
  readonly all: readonly string[];
  /** Some backends, or some of the party's pods. */
  readonly some: readonly string[];
  readonly none: readonly string[];
}

/** A destination outside traffic reaches the Service port by (a LoadBalancer, external or node address and port). */
export interface OutsideReach {
  /** `address:port` as sent. */
  readonly to: string;
  readonly summary: 'all' | 'some' | 'none';
}

/** One Service port. */
export interface ReportServicePort {
  /** `http TCP/80 -> http, nodePort 30080`. */
  readonly label: string;
  readonly port: number;
  /** `address:port (ns/pod on node)` of each backend kube-proxy DNATs to. */
  readonly backends: readonly string[];
  readonly fromCluster: ServiceReach;
  /** From the outside address, each external destination of the port; empty when it has none. */
  readonly fromOutside: readonly OutsideReach[];
}

/** A Service with a ClusterIP path (not headless, not ExternalName). */
export interface ReportService {
  /** `ns/name`. */
  readonly name: string;
  readonly type: string;
  /** Cluster IPs (or `cluster IP allocated by kube-apiserver`), then LoadBalancer and external IPs. */
  readonly addresses: readonly string[];
  /** `externalTrafficPolicy Local`, ... */
  readonly policies: readonly string[];
  /** EndpointSlice, Endpoints, selector or none. */
  readonly backendsFrom: string;
  readonly ports: readonly ReportServicePort[];
}

/** Everything on the page. */
export interface ReportData {
  readonly title: string;
  /** The workload matrix over every protocol and port. */
  readonly workloads: WorkloadMatrix;
  /** Pod level, one truth table per compared port, in order; empty unless asked for. */
  readonly matrices: readonly ReportMatrix[];
  /** The ports of the selector's shortcuts (and of the pod-level tables). */
  readonly ports: readonly PortKey[];
  readonly graph: ReportGraph;
  readonly nodes: readonly NodeSummary[];
  /** The Services with a ClusterIP path, in input order. */
  readonly services: readonly ReportService[];
  readonly lint: LintSection;
  readonly guardrails: GuardrailSection;
}
