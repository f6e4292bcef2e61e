// `netsec lint`: the lint rules over manifests and an optional inventory; text, JSON or SARIF.
import { calicoVersionOption } from './common';
import { LintFinding, formatJson, formatSarif, formatText, lintFiles, LINT_RULES } from '../../lint';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { progressFor } from '../progress';
import { CLUSTER, INPUT_FLAGS, INVENTORY_HELP, MANIFESTS, formatFlag } from './flags';

function toolVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../../package.json') as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const command = defineCommand({
  name: 'lint',
  about: `Checks policies for mistakes: selectors that match nothing, unreachable rules, host endpoint
exposure and lock-out, IBM default policies removed or weakened, egress without DNS, Service
ClusterIP ipBlocks, cluster-wide denies and order ties. Each finding has a stable rule id.`,
  flags: [
    { ...MANIFESTS, help: 'manifest files or folders (YAML, JSON, kind: List)' },
    { ...CLUSTER, help: `${INVENTORY_HELP} (enables NS001, NS002\nand per-pod checks)` },
    formatFlag('text (default), json or sarif (SARIF 2.1.0 for code-scanning UIs)', ['text', 'json', 'sarif']),
    {
      name: 'service-cidr', kind: 'multi', value: 'C...', synopsis: 'CIDR...',
      help: 'Service ClusterIP ranges for NS010 (default 172.21.0.0/16 10.96.0.0/12)',
    },
    { name: 'rules', kind: 'switch', help: 'list the rules and exit' },
  ],
  inputFlags: INPUT_FLAGS,
  column: 25,
  footer: 'Exit codes: 0 no errors (warnings allowed), 1 at least one error finding, 2 usage or input error.',
  run(parsed, io) {
    const format = parsed.get('format');
    if (parsed.has('rules')) {
      io.stdout(format === 'text'
        ? LINT_RULES.map((r) => `${r.id} ${r.name} (${r.severity}): ${r.rationale}\n`).join('')
        : `${JSON.stringify(LINT_RULES, undefined, 2)}\n`);
      return 0;
    }
    const manifests = parsed.getList('manifests');
    const serviceCidrs = parsed.list('service-cidr');
    for (const c of serviceCidrs ?? []) {
      if (!/^[0-9a-fA-F.:]+\/[0-9]{1,3}$/.test(c)) throw new UsageError(`--service-cidr must be CIDRs like 172.21.0.0/16, got ${JSON.stringify(c)}`);
    }
    const progress = progressFor(io, format !== 'text');
    let findings: LintFinding[];
    try {
      findings = lintFiles({
        manifests, cluster: parsed.value('cluster'), serviceClusterIpRanges: serviceCidrs, felix: parsed.list('felix'), workloadPool: parsed.value('workload-pool'),
        calicoVersion: calicoVersionOption(parsed),
        onWarning: (w) => io.stderr(`warning: ${w}\n`),
        onProgress: (done, total) => (done === 0 ? progress.start('netsec lint: checking', total) : progress.tick()),
      });
    } finally {
      progress.done();
    }
    io.stdout(format === 'json' ? formatJson(findings) : format === 'sarif' ? formatSarif(findings, toolVersion()) : formatText(findings));
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
});
