// How a finding's location is named in text: the document and the resource.
import { LintLocation } from '../types';

/** `file#index` (or `file` when there is no document index); undefined without a file. */
export function documentName(l: LintLocation): string | undefined {
  if (l.file === undefined) return undefined;
  return l.documentIndex !== undefined ? `${l.file}#${l.documentIndex}` : l.file;
}

/** `Kind namespace/name` (or `Kind name` when not namespaced); undefined without a kind and name. */
export function resourceName(l: LintLocation): string | undefined {
  return l.kind && l.name ? `${l.kind} ${l.namespace ? `${l.namespace}/` : ''}${l.name}` : undefined;
}
