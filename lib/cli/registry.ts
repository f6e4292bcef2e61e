// Subcommands: name, one-line summary and a lazy loader. Adding one is one line here.
import { CliCommand } from './io';

/** A registered subcommand. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => CliCommand;
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'check', summary: 'is one flow allowed, and which rule decided', load: () => (require('./commands/check') as { command: CliCommand }).command },
  { name: 'connectivity', summary: 'who can reach whom on which protocols and ports (all of them, per workload)', load: () => (require('./commands/connectivity') as { command: CliCommand }).command },
  { name: 'table', summary: 'truth table of every pod to every pod for a protocol and port', load: () => (require('./commands/table') as { command: CliCommand }).command },
  { name: 'convert', summary: 'print the Calico form of Kubernetes NetworkPolicies', load: () => (require('./commands/convert') as { command: CliCommand }).command },
  { name: 'validate', summary: 'check manifests as Calico and the Kubernetes API server would (offline calicoctl validate)', load: () => (require('./commands/validate') as { command: CliCommand }).command },
  { name: 'lint', summary: 'check policies for mistakes (stable rule ids; text, JSON, SARIF)', load: () => (require('./commands/lint') as { command: CliCommand }).command },
  { name: 'diff', summary: 'flows whose verdict changes between two manifest trees', load: () => (require('./commands/diff') as { command: CliCommand }).command },
  { name: 'report', summary: 'self-contained HTML report (truth tables, graph, host endpoints, lint)', load: () => (require('./commands/report') as { command: CliCommand }).command },
  { name: 'plan', summary: 'write each node\'s iptables-restore, ipset and endpoint files', load: () => (require('./commands/plan') as { command: CliCommand }).command },
  { name: 'drift', summary: 'compare a node\'s iptables-save and ipset save output with its plan', load: () => (require('./commands/drift') as { command: CliCommand }).command },
  { name: 'verify', summary: 'load the plan into network namespaces and compare real probes with the engine (root)', load: () => (require('./commands/verify') as { command: CliCommand }).command },
];
