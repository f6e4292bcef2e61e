/** The synthesised manifests of one chart, as plain objects (copies: changing them changes nothing). */
export interface ChartManifests {
  /** The chart's output file stem: its construct id (ids joined with `-` for nested charts). */
  readonly chartId: string;
  /** The chart's construct path. */
  readonly chartPath: string;
  /** The objects of `kubernetes/<chartId>.k8s.yaml`, in output order. */
  readonly kubernetes: { [key: string]: unknown }[];
  /** The objects of `calico/<chartId>.calico.yaml` (group `projectcalico.org`), in output order. */
  readonly calico: { [key: string]: unknown }[];
  /** The objects of `inventory/<chartId>.inventory.yaml` (Nodes, Namespaces, Pods the chart declares). */
  readonly inventory: { [key: string]: unknown }[];
}

/** One generated file. */
export interface SynthOutputFile {
  /** Path relative to the output directory, `/`-separated, e.g. `iptables/worker-1.iptables`. */
  readonly path: string;
  /** The whole file content. */
  readonly content: string;
}

/**
 * Generates extra output files from the synthesised manifests (for example the iptables plan).
 * Register with `NetsecApp.addOutputProvider()` or the `outputProviders` prop.
 */
export interface ISynthOutputProvider {
  /** A short name used in error messages, e.g. `iptables plan`. */
  readonly providerName: string;
  /**
   * Returns the files to write. May throw: the error is reported with the provider name and
   * nothing is written.
   */
  renderFiles(charts: ChartManifests[]): SynthOutputFile[];
}
