// `netsec lint`: the lint rules over manifests and an optional inventory; text, JSON or SARIF.
import { LintFinding, formatJson, formatSarif, formatText, lintFiles, LINT_RULES } from '../../lint';
import { UsageError, choice, parseArgs, requiredList } from '../args';
import { CliCommand, CliIo } from '../io';
import { FELIX_USAGE } from './common';
import { progressFor } from '../progress';

const USAGE = `usage: netsec lint --manifests M... [--cluster C] [--format text|json|sarif]
                   [--service-cidr CIDR...] [--rules]

Checks policies for mistakes: selectors that match nothing, unreachable rules, host endpoint
exposure and lock-out, IBM default policies removed or weakened, egress without DNS, Service
ClusterIP ipBlocks, cluster-wide denies and order ties. Each finding has a stable rule id.

  --manifests M...       manifest files or folders (YAML, JSON, kind: List)
  --cluster C            inventory: kubectl get namespaces,pods,nodes -o yaml (enables NS001, NS002
                         and per-pod checks)
  --format F             text (default), json or sarif (SARIF 2.1.0 for code-scanning UIs)
  --service-cidr C...    Service ClusterIP ranges for NS010 (default 172.21.0.0/16 10.96.0.0/12)
  --rules                list the rules and exit
${FELIX_USAGE}

Exit codes: 0 no errors (warnings allowed), 1 at least one error finding, 2 usage or input error.
`;

function toolVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../../package.json') as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function run(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args, { single: ['workload-pool', 'cluster', 'format'], multi: ['manifests', 'service-cidr', 'felix'], switches: ['rules'] });
  const format = choice(parsed, 'format', ['text', 'json', 'sarif'], 'text');
  if (parsed.switches.has('rules')) {
    io.stdout(format === 'text'
      ? LINT_RULES.map((r) => `${r.id} ${r.name} (${r.severity}): ${r.rationale}\n`).join('')
      : `${JSON.stringify(LINT_RULES, undefined, 2)}\n`);
    return 0;
  }
  const manifests = requiredList(parsed, 'manifests');
  const serviceCidrs = parsed.lists.get('service-cidr');
  for (const c of serviceCidrs ?? []) {
    if (!/^[0-9a-fA-F.:]+\/[0-9]{1,3}$/.test(c)) throw new UsageError(`--service-cidr must be CIDRs like 172.21.0.0/16, got ${JSON.stringify(c)}`);
  }
  const progress = progressFor(io, format !== 'text');
  let findings: LintFinding[];
  try {
    findings = lintFiles({
      manifests, cluster: parsed.values.get('cluster'), serviceClusterIpRanges: serviceCidrs, felix: parsed.lists.get('felix'), workloadPool: parsed.values.get('workload-pool'),
      onWarning: (w) => io.stderr(`warning: ${w}\n`),
      onProgress: (done, total) => (done === 0 ? progress.start('netsec lint: checking', total) : progress.tick()),
    });
  } finally {
    progress.done();
  }
  io.stdout(format === 'json' ? formatJson(findings) : format === 'sarif' ? formatSarif(findings, toolVersion()) : formatText(findings));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export const command: CliCommand = { usage: USAGE, run };
