// An ExternalServiceVerdict as text and as JSON: the summary, then per arrival node and backend
// every stage in order (pre-DNAT, kube-proxy DNAT, forward, SNAT, the backend's node and policy).
import { stageText } from '../explain/text';
import { ExternalBackendPath, ExternalServiceVerdict } from './node-path';

const KIND_TEXT = { nodePort: 'nodePort', loadBalancer: 'LoadBalancer IP', externalIP: 'external IP' } as const;

function pathName(p: ExternalBackendPath): string {
  const b = p.backend;
  const where = [b.pod, b.nodeName ? `on ${b.nodeName}` : undefined].filter((x) => x !== undefined).join(' ');
  return `via ${p.node} to ${b.address}:${b.port}${where ? ` (${where})` : ''}`;
}

function verdictWord(p: ExternalBackendPath): string {
  return p.unused !== undefined ? 'NOT USED' : p.allowed ? 'ALLOW' : 'DENY';
}

/** The text of `netsec check` for a flow on an external Service path. */
export function explainExternalServiceText(v: ExternalServiceVerdict): string {
  const { service, port, kind, address, sentPort } = v.target;
  const used = v.paths.filter((p) => p.unused === undefined).length;
  const unused = v.paths.length - used;
  const name = port.name ? ` (${port.name})` : '';
  const lines = [
    `${v.source} -> ${address}:${sentPort} ${port.protocol}${name} = Service ${service.namespace}/${service.name}, ${KIND_TEXT[kind]} path `
    + `(externalTrafficPolicy ${service.externalTrafficPolicy ?? 'Cluster'}): ${v.summary} of ${used} backend path${used === 1 ? '' : 's'} reachable`
    + `${unused > 0 ? ` (${unused} not used by kube-proxy)` : ''}`,
  ];
  v.paths.forEach((p, i) => {
    lines.push(`path ${i + 1}: ${pathName(p)}: ${verdictWord(p)}${p.seenSource ? ` (the backend sees source ${p.seenSource})` : ''}`);
    if (p.unused) lines.push(`  ${p.unused}`);
    for (const s of p.stages) lines.push(...stageText(s));
  });
  for (const n of v.notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}

/** The JSON of `netsec check --format json` for a flow on an external Service path. */
export function explainExternalServiceJson(v: ExternalServiceVerdict): { readonly [key: string]: unknown } {
  const { service, port, kind, address, sentPort } = v.target;
  return {
    service: `${service.namespace}/${service.name}`,
    path: kind,
    address,
    port: sentPort,
    servicePort: { ...(port.name ? { name: port.name } : {}), protocol: port.protocol, port: port.port, targetPort: port.targetPort },
    externalTrafficPolicy: service.externalTrafficPolicy ?? 'Cluster',
    source: v.source,
    summary: v.summary,
    paths: v.paths.map((p) => ({
      node: p.node,
      backend: { address: p.backend.address, port: p.backend.port, ...(p.backend.pod ? { pod: p.backend.pod } : {}), ...(p.backend.nodeName ? { node: p.backend.nodeName } : {}) },
      verdict: p.unused !== undefined ? 'unused' : p.allowed ? 'allow' : 'deny',
      ...(p.seenSource ? { seenSource: p.seenSource } : {}),
      ...(p.unused ? { unused: p.unused } : {}),
      stages: p.stages,
    })),
    notes: v.notes,
  };
}
