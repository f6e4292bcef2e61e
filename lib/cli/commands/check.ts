// `netsec check`: the verdict for one flow and the trace of each direction.
import { buildFlow, evaluateFlow, explainJson, explainText } from '../../engine';
import { UsageError, choice, parseArgs, required } from '../args';
import { CliCommand, CliIo } from '../io';
import { FELIX_USAGE, loadModel, protocolAndPort } from './common';

const USAGE = `usage: netsec check --manifests M... --cluster C --from REF --to REF --protocol P [--port N]
                    [--via IFACE] [--expect allow|deny] [--format text|json]

Evaluates one new connection with Calico's semantics and prints the verdict and, for the source's
egress and the destination's ingress, the tiers, policies and rules consulted.

  --manifests M...   manifest files or folders (YAML, JSON, kind: List)
  --cluster C        inventory: kubectl get namespaces,pods,nodes -o yaml (without one, or
                     when it has no pods: one pod per workload manifest)
  --from, --to REF   namespace/pod, hostendpoint/<name> or an IP address
  --protocol P       TCP, UDP, SCTP, ICMP, ICMPv6 or a protocol number
  --port N           destination port (TCP, UDP and SCTP only)
  --via IFACE        the node interface the traffic crosses between the node and the off-node end
                     (arrives on when the source is off the node, leaves by when the destination
                     is): picks the host endpoint that polices forwarded and host traffic, as Felix
                     dispatches by interface. Default: for an off-node address, the interface of the
                     node address (host endpoint expectedIPs, or a Node address without a host
                     endpoint) of the same scope (private or public) sharing the longest prefix with
                     it; for host traffic, the host endpoint owning the node address; else the
                     node's * host endpoint, or its only one
  --expect V         allow or deny: exit 0 when the verdict matches, 1 when it does not
  --format F         text (default) or json
${FELIX_USAGE}

Exit codes: 0 verdict printed (or matches --expect), 1 verdict differs from --expect, 2 usage or input error.
`;

function run(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args, {
    single: ['workload-pool', 'cluster', 'from', 'to', 'protocol', 'port', 'via', 'expect', 'format'],
    multi: ['manifests', 'felix'],
  });
  const format = choice(parsed, 'format', ['text', 'json'], 'text');
  const expect = parsed.values.get('expect');
  if (expect !== undefined && expect !== 'allow' && expect !== 'deny') {
    throw new UsageError(`--expect must be allow or deny, got ${JSON.stringify(expect)}`);
  }
  const from = required(parsed, 'from');
  const to = required(parsed, 'to');
  const pp = protocolAndPort(parsed, required(parsed, 'protocol'));
  const model = loadModel(parsed, io, false);
  const via = parsed.values.get('via');
  const verdict = evaluateFlow(model, buildFlow(model, { from, to, ...pp, ...(via !== undefined ? { via } : {}) }));
  io.stdout(format === 'json' ? `${JSON.stringify(explainJson(verdict), undefined, 2)}\n` : explainText(verdict));
  if (expect === undefined) return 0;
  const got = verdict.allowed ? 'allow' : 'deny';
  if (got === expect) return 0;
  io.stderr(`netsec check: expected ${expect}, got ${got}\n`);
  return 1;
}

export const command: CliCommand = { usage: USAGE, run };
