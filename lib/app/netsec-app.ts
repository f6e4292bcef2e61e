import { App } from 'cdk8s';
import { isAppliedFilePath } from '../constructs/app/output-layout';
import { ChartManifests, ISynthOutputProvider, SynthOutputFile } from '../constructs/app/output-provider';
import { renderChart } from '../constructs/app/render';
import { constructValidationErrors, duplicateResourceErrors } from '../constructs/app/tree-validation';
import { collectSynthWarnings } from '../constructs/app/warnings';
import { lintChartManifests } from '../lint/synth';
import { CalicoVersion, DEFAULT_CALICO_VERSION, parseCalicoVersion } from '../model/calico-version';
import { DEFAULT_PLAN_LAYOUT, parsePlanLayout } from '../iptables/plan-layout';
import { outputPathProblem, writeOutputAtomically } from '../util/atomic-write';
import { IptablesPlanProvider } from './plan-provider';

/** Props of {@link NetsecApp}. */
export interface NetsecAppProps {
  /**
   * The directory to write output to. It is replaced as a whole on each synth (only when it is
   * empty or was written by NetsecApp before).
   * @default - CDK8S_OUTDIR if set, otherwise 'dist'
   */
  readonly outdir?: string;
  /**
   * Generators of extra output files (for example the iptables plan). More can be added with
   * `addOutputProvider()`.
   * @default - none
   */
  readonly outputProviders?: ISynthOutputProvider[];
  /**
   * Write the precomputed iptables plan (`iptables/<node>.*`) for every Node of the inventory.
   * @default true
   */
  readonly iptablesPlan?: boolean;
  /**
   * Lint the charts at synth: error findings stop synth, warnings are printed. Turn it off for
   * charts so large that synth should only validate, and run `netsec lint --manifests dist/` in CI
   * instead (the same rules, on the written output).
   * @default true
   */
  readonly lint?: boolean;
  /**
   * The Calico release the cluster runs, followed where releases differ: how Kubernetes
   * NetworkPolicies are converted (3.31 names them `knp.default.<name>`), how policies of equal
   * order are ordered, and the plan's chain names. `3.31` or `3.32` (a patch release such as
   * `3.31.7` selects its line); lint and the iptables plan follow it.
   * @default '3.32'
   */
  readonly calicoVersion?: string;
  /**
   * The iptables plan's chain layout. `felix`: Felix's own (interface dispatch trees, a "return if
   * accepted" after every policy jump, policy-group chains), so the plan compares cleanly with a
   * node's `iptables-save`. `compact`: flat dispatch chains, an accept check every 5 policy jumps and
   * no group chains; fewer rules, so it loads faster into test namespaces. Every packet gets the same
   * verdict in both.
   * @default 'felix'
   */
  readonly planLayout?: string;
}

/**
 * A cdk8s App that validates the whole construct tree before writing anything, rejects duplicate
 * resources, and writes per chart `kubernetes/<chart>.k8s.yaml` (for
 * `kubectl apply -f <outdir>/kubernetes/`), `calico/<chart>.calico.yaml` (for
 * `calicoctl apply -f <outdir>/calico/`) and `inventory/<chart>.inventory.yaml` (never applied),
 * plus files from registered output providers (the iptables plan in `iptables/`). Nothing that
 * can be applied sits directly in `outdir`. Output is deterministic and appears whole or not at all.
 */
export class NetsecApp extends App {
  private readonly providers: ISynthOutputProvider[];
  private readonly lintAtSynth: boolean;
  private readonly calicoVersion: CalicoVersion;
  /** Warnings already printed: each is printed once per app, however often it is synthesised (the matchers do it per call). */
  private readonly printedWarnings = new Set<string>();

  constructor(props: NetsecAppProps = {}) {
    super({ outdir: props.outdir });
    this.providers = [...(props.outputProviders ?? [])];
    this.lintAtSynth = props.lint ?? true;
    this.calicoVersion = props.calicoVersion === undefined
      ? DEFAULT_CALICO_VERSION : parseCalicoVersion(props.calicoVersion, 'NetsecApp props.calicoVersion');
    const layout = props.planLayout === undefined ? DEFAULT_PLAN_LAYOUT : parsePlanLayout(props.planLayout, 'NetsecApp props.planLayout');
    if (props.iptablesPlan ?? true) this.providers.push(new IptablesPlanProvider(this.calicoVersion, layout));
  }

  /** Registers a generator of extra output files. */
  public addOutputProvider(provider: ISynthOutputProvider): void {
    this.providers.push(provider);
  }

  /**
   * Validates everything, renders every output file in memory, prints warnings to stderr, then
   * replaces `outdir` with the output. Throws one Error listing every problem, writing nothing.
   */
  public synth(): void {
    writeOutputAtomically(this.outdir, this.synthFiles());
  }

  /** The output as one YAML stream: every chart's Kubernetes then Calico documents. */
  public synthYaml(): string {
    return this.synthFiles()
      .filter((f) => isAppliedFilePath(f.path))
      .map((f) => f.content)
      .join('---\n');
  }

  /**
   * Validates the tree and renders every output file in memory, without writing. Prints the
   * collected warnings (each once per app, however often this runs). Throws one Error listing
   * every problem.
   */
  public synthFiles(): SynthOutputFile[] {
    this.warnOnce(collectSynthWarnings(this));
    const problems = [...constructValidationErrors(this), ...duplicateResourceErrors(this)];
    failIfAny(problems);

    const charts: ChartManifests[] = [];
    const files: SynthOutputFile[] = [];
    for (const chart of this.charts) {
      const rendered = renderChart(chart);
      problems.push(...rendered.errors);
      if (rendered.manifests.kubernetes.length + rendered.manifests.calico.length + rendered.manifests.inventory.length > 0) charts.push(rendered.manifests);
      files.push(...rendered.files);
    }
    failIfAny(problems);

    if (this.lintAtSynth) {
      const lint = lintChartManifests(charts, { calicoVersion: this.calicoVersion });
      this.warnOnce(lint.warnings);
      problems.push(...lint.errors);
      failIfAny(problems);
    }

    for (const provider of this.outputProviders()) {
      try {
        files.push(...provider.renderFiles(structuredClone(charts)));
      } catch (e) {
        problems.push(`output provider '${provider.providerName}': ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    problems.push(...outputFileProblems(files));
    failIfAny(problems);
    return files;
  }

  /** The registered output providers, in registration order. Override to add or filter. */
  protected outputProviders(): ISynthOutputProvider[] {
    return [...this.providers];
  }

  private warnOnce(warnings: readonly string[]): void {
    for (const w of warnings) {
      if (this.printedWarnings.has(w)) continue;
      this.printedWarnings.add(w);
      this.reportWarning(w);
    }
  }

  /** Prints one warning (`<construct path>: <message>`), once per app. Override to redirect. */
  protected reportWarning(warning: string): void {
    process.stderr.write(`warning: ${warning}\n`);
  }
}

function outputFileProblems(files: readonly SynthOutputFile[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const problem = outputPathProblem(f.path);
    if (problem) problems.push(`output file: ${problem}`);
    else if (seen.has(f.path)) problems.push(`output file ${f.path} is produced more than once (two charts or providers share a name)`);
    seen.add(f.path);
  }
  return problems;
}

function failIfAny(problems: readonly string[]): void {
  if (problems.length > 0) {
    throw new Error(`cdk8s-netsec synth failed with ${problems.length} problem(s); nothing was written:\n`
      + problems.map((p) => `  - ${p}`).join('\n'));
  }
}
