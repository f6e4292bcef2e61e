// A ServiceVerdict as text and as JSON: the summary, then each backend's stage and trace.
import { explainJson } from '../explain/json';
import { explainText } from '../explain/text';
import { BackendVerdict, ServiceVerdict } from './evaluate';

function backendName(b: BackendVerdict): string {
  const where = [b.backend.pod, b.backend.nodeName ? `on ${b.backend.nodeName}` : undefined].filter((x) => x !== undefined).join(' ');
  return `${b.backend.address}:${b.backend.port}${where ? ` (${where})` : ''}`;
}

function header(v: ServiceVerdict): string {
  const { service, port, address } = v.target;
  const name = port.name ? ` (${port.name})` : '';
  const to = `${address ?? `service/${service.namespace}/${service.name}`}:${port.port}`;
  const used = v.backends.filter((b) => b.verdict !== undefined).length;
  const unused = v.backends.length - used;
  return `${v.source} -> ${to} ${port.protocol}${name} = Service ${service.namespace}/${service.name}, ClusterIP path: `
    + `${v.summary} of ${used} backend${used === 1 ? '' : 's'} reachable${unused > 0 ? ` (${unused} not used by kube-proxy for this source)` : ''}`;
}

/** The text of `netsec check` for a flow to a Service. */
export function explainServiceText(v: ServiceVerdict): string {
  const lines = [header(v), `  kube-proxy (iptables) DNATs to one backend, target port ${v.target.port.targetPort}; each is judged after DNAT:`];
  v.backends.forEach((b, i) => {
    lines.push(`backend ${i + 1}: ${backendName(b)}: ${b.verdict ? (b.verdict.allowed ? 'ALLOW' : 'DENY') : 'NOT USED'}`);
    if (b.unused) lines.push(`  ${b.unused}`);
    if (b.verdict) lines.push(...explainText(b.verdict).trimEnd().split('\n').map((l) => `  ${l}`));
  });
  for (const n of v.notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}

/** The JSON of `netsec check --format json` for a flow to a Service. */
export function explainServiceJson(v: ServiceVerdict): { readonly [key: string]: unknown } {
  const { service, port, address } = v.target;
  return {
    service: `${service.namespace}/${service.name}`,
    ...(address !== undefined ? { address } : {}),
    port: { ...(port.name ? { name: port.name } : {}), protocol: port.protocol, port: port.port, targetPort: port.targetPort },
    source: v.source,
    summary: v.summary,
    backends: v.backends.map((b) => ({
      address: b.backend.address, port: b.backend.port,
      ...(b.backend.pod ? { pod: b.backend.pod } : {}), ...(b.backend.nodeName ? { node: b.backend.nodeName } : {}),
      ...(b.verdict ? { verdict: explainJson(b.verdict) } : {}), ...(b.unused ? { unused: b.unused } : {}),
    })),
    notes: v.notes,
  };
}
