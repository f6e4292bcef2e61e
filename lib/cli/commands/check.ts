// `netsec check`: the verdict for one flow and the trace of each direction.
import {
  buildFlow, evaluateExternalServiceFlow, evaluateFlow, evaluateServiceFlow, explainExternalServiceJson, explainExternalServiceText,
  explainJson, explainServiceJson, explainServiceText, explainText, findExternalTarget, namesService, parseProtocol, protocolName,
  resolveServiceTarget,
} from '../../engine';
import { canonicalAddress } from '../../model/net';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import { loadModel, protocolAndPort } from './common';
import { CLUSTER, INPUT_FLAGS, MANIFESTS, PORT, PROTOCOL, formatFlag } from './flags';

export const command = defineCommand({
  name: 'check',
  about: `Evaluates one new connection with Calico's semantics and prints the verdict and, for the source's
egress and the destination's ingress, the tiers, policies and rules consulted. QoS DSCP marking (the
qos.projectcalico.org/dscp annotation) is rendered in the plan and changes no verdict.`,
  flags: [
    { ...MANIFESTS, help: 'manifest files or folders (YAML, JSON, kind: List)' },
    CLUSTER,
    { name: 'from', kind: 'single', value: 'REF', required: true, help: 'namespace/pod, hostendpoint/<name> or an IP address' },
    {
      name: 'to', kind: 'single', value: 'REF', required: true,
      help: `namespace/pod, hostendpoint/<name>, an IP address, or service/<namespace>/<name>
(or a Service's cluster IP): then each backend is judged after kube-proxy's
DNAT, and --port may name the Service port. A node address with a nodePort,
or a LoadBalancer or external IP with the Service port, takes kube-proxy's
external path: pre-DNAT policy, DNAT to each backend, forward policy, SNAT
(externalTrafficPolicy Cluster), the backend's policy`,
    },
    PROTOCOL,
    PORT,
    {
      name: 'via', kind: 'single', value: 'IFACE',
      help: `the node interface the traffic crosses between the node and the off-node end
(arrives on when the source is off the node, leaves by when the destination
is): picks the host endpoint that polices forwarded and host traffic, as Felix
dispatches by interface. Default: for an off-node address, the interface of the
node address (host endpoint expectedIPs, or a Node address without a host
endpoint) of the same scope (private or public) sharing the longest prefix with
it; for host traffic, the host endpoint owning the node address; else the
node's * host endpoint, or its only one`,
    },
    { name: 'expect', kind: 'single', value: 'V', synopsis: 'allow|deny', help: 'allow or deny: exit 0 when the verdict matches, 1 when it does not' },
    formatFlag('text (default) or json', ['text', 'json']),
  ],
  inputFlags: INPUT_FLAGS,
  footer: 'Exit codes: 0 verdict printed (or matches --expect), 1 verdict differs from --expect, 2 usage or input error.',
  run(parsed, io) {
    const format = parsed.get('format');
    const expect = parsed.value('expect');
    if (expect !== undefined && expect !== 'allow' && expect !== 'deny') {
      throw new UsageError(`--expect must be allow or deny, got ${JSON.stringify(expect)}`);
    }
    const from = canonicalAddress(parsed.get('from'));
    const to = canonicalAddress(parsed.get('to'));
    const portText = parsed.value('port');
    const namedServicePort = to.startsWith('service/') && portText !== undefined && !/^[0-9]+$/.test(portText);
    const pp = namedServicePort ? { protocol: parsed.get('protocol') } : protocolAndPort(parsed);
    const model = loadModel(parsed, io);
    const via = parsed.value('via');
    if (namesService(model.services, to)) {
      const target = resolveServiceTarget(model.services, to, protocolName(parseProtocol(pp.protocol)), portText ?? '');
      const v = evaluateServiceFlow(model, from, target, via);
      io.stdout(format === 'json' ? `${JSON.stringify(explainServiceJson(v), undefined, 2)}\n` : explainServiceText(v));
      // allow: every backend reachable; deny: none is
      if (expect === undefined || (expect === 'allow' ? v.summary === 'all' : v.summary === 'none')) return 0;
      io.stderr(`netsec check: expected ${expect}, got ${v.summary} of the backends reachable\n`);
      return 1;
    }
    const external = findExternalTarget(model, to, protocolName(parseProtocol(pp.protocol)), pp.port);
    if (external) {
      const v = evaluateExternalServiceFlow(model, from, external, via);
      io.stdout(format === 'json' ? `${JSON.stringify(explainExternalServiceJson(v), undefined, 2)}\n` : explainExternalServiceText(v));
      if (expect === undefined || (expect === 'allow' ? v.summary === 'all' : v.summary === 'none')) return 0;
      io.stderr(`netsec check: expected ${expect}, got ${v.summary} of the backend paths reachable\n`);
      return 1;
    }
    const verdict = evaluateFlow(model, buildFlow(model, { from, to, ...pp, ...(via !== undefined ? { via } : {}) }));
    io.stdout(format === 'json' ? `${JSON.stringify(explainJson(verdict), undefined, 2)}\n` : explainText(verdict));
    if (expect === undefined) return 0;
    const got = verdict.allowed ? 'allow' : 'deny';
    if (got === expect) return 0;
    io.stderr(`netsec check: expected ${expect}, got ${got}\n`);
    return 1;
  },
});
