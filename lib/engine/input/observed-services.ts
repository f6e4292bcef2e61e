// A Service declared in the manifests and, as the cluster reports it, in the inventory (a
// LoadBalancer's address is the cluster's to assign): read as one Service.
import { canonicalJson } from '../../model/canonical-json';
import { quote } from '../../model/quote';
import { INVENTORY_ANNOTATION, Service } from '../../model/resources';
import { InvalidDocument } from './invalid';
import { SourcedServiceResource } from './services';

/** True for a Service read from the inventory (our export marks it). */
export const isObservedService = (s: Service): boolean => s.metadata.annotations?.[INVENTORY_ANNOTATION] === 'true';
const keyOf = (s: Service): string => `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`;

/**
 * The Services with each manifest Service and its inventory copy (annotated `netsec.io/inventory`)
 * made one: the inventory's object (what the cluster holds: the spec with what it allocated, and
 * the status), at the manifest's location. Every spec field the manifest sets must be the same in
 * the inventory copy; where one differs, the inventory document is reported invalid (never one of
 * the two picked). Other documents pass unchanged.
 */
export function mergeObservedServices(read: readonly SourcedServiceResource[], invalid: InvalidDocument[]): SourcedServiceResource[] {
  const observed = new Map<string, SourcedServiceResource>();
  for (const r of read) {
    if (r.resource.kind === 'Service' && isObservedService(r.resource) && !observed.has(keyOf(r.resource))) observed.set(keyOf(r.resource), r);
  }
  const merged = new Set<SourcedServiceResource>();
  const out: SourcedServiceResource[] = [];
  for (const r of read) {
    const s = r.resource;
    const copy = s.kind === 'Service' && !isObservedService(s) ? observed.get(keyOf(s)) : undefined;
    if (copy === undefined || copy.resource.kind !== 'Service' || s.kind !== 'Service') {
      out.push(r);
      continue;
    }
    const problems = differences(s, copy.resource, r.location);
    if (problems.length > 0) {
      invalid.push({ location: copy.location, problems });
      continue;
    }
    merged.add(copy);
    out.push({ resource: copy.resource, location: r.location });
  }
  return out.filter((r) => !merged.has(r));
}

function differences(manifest: Service, copy: Service, location: string): string[] {
  const spec = manifest.spec as { readonly [key: string]: unknown };
  const seen = copy.spec as { readonly [key: string]: unknown };
  return Object.keys(spec).filter((k) => spec[k] !== undefined && canonicalJson(spec[k]) !== canonicalJson(seen[k]))
    .map((k) => `spec.${k}: the inventory copy of Service ${keyOf(manifest)} differs from its manifest (got ${quote(seen[k])}; `
      + `allowed: ${quote(spec[k])}, as ${location} declares it)`);
}
