import { NetsecResource, StringMap, isClusterScoped, isKubernetesResource } from '../resources';
import { Issues, report } from './issue';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL = new RegExp(`^${LABEL}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
/** Calico: GlobalNetworkPolicy names are a label, optionally `<tier>.<label>`. */
const GNP_NAME = new RegExp(`^(${LABEL}\\.)?${LABEL}$`);
/** Calico: NetworkPolicy names are a label, `<tier>.<label>`, or a `knp.default.`/`ossg.default.` subdomain. */
const NP_NAME = new RegExp(`^((${LABEL})(\\.${LABEL})?|((knp|ossg)\\.default\\.${LABEL}(\\.${LABEL})*))$`);
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** What a resource name may be: the one phrasing, used by validation and the constructs. */
export const SUBDOMAIN_ALLOWED = "a DNS-1123 subdomain: lower case letters, digits, '-' and '.', starting and ending with a letter or digit";
/** What a namespace name may be. */
export const LABEL_ALLOWED = "a DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";
/** What a label or annotation key may be. */
export const KEY_ALLOWED = "an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
/** What a label value may be. */
export const VALUE_ALLOWED = "empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
/** What a Linux (and Calico) interface name may be. */
export const INTERFACE_NAME_ALLOWED = "1-15 letters, digits, '_', '.' or '-'";
const INTERFACE_NAME = /^[a-zA-Z0-9_.-]{1,15}$/;
const MAX_NAME = 253;
const MAX_LABEL = 63;
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** True for an interface name Calico accepts in a HostEndpoint (and Linux can create). */
export function isInterfaceName(name: string): boolean {
  return INTERFACE_NAME.test(name);
}

/** True for a DNS-1123 label (namespace names): at most 63 lower-case letters, digits and '-'. */
export function isDns1123Label(value: string): boolean {
  return value.length <= MAX_LABEL && DNS1123_LABEL.test(value);
}

/** True for a DNS-1123 subdomain (resource names): dot-separated labels, at most 253 characters. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= MAX_NAME && DNS1123_SUBDOMAIN.test(value);
}

/** True for a Kubernetes qualified name (label and annotation keys). */
export function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (parts.length === 2 && !isDns1123Subdomain(parts[0])) return false;
  return name.length <= MAX_LABEL && QUALIFIED_NAME_PART.test(name);
}

export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= MAX_LABEL && QUALIFIED_NAME_PART.test(value));
}

/** Label keys and values Kubernetes would accept. */
export function checkLabels(issues: Issues, field: string, labels: StringMap | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (!isQualifiedName(key)) report(issues, `${field}`, key, 'invalid label key', KEY_ALLOWED);
    if (!isLabelValue(value)) report(issues, `${field}.${key}`, value, 'invalid label value', VALUE_ALLOWED);
  }
}

export function checkAnnotations(issues: Issues, field: string, annotations: StringMap | undefined): void {
  let size = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    if (!isQualifiedName(key.toLowerCase())) report(issues, field, key, 'invalid annotation key', KEY_ALLOWED);
    size += key.length + value.length;
  }
  if (size > MAX_ANNOTATIONS_BYTES) {
    report(issues, field, `${size} bytes`, 'annotations are too large', `at most ${MAX_ANNOTATIONS_BYTES} bytes in total`);
  }
}

function checkName(issues: Issues, r: NetsecResource): void {
  const name = r.metadata.name;
  if (name.length > MAX_NAME) {
    report(issues, 'metadata.name', name, `name is longer than ${MAX_NAME} characters`, `at most ${MAX_NAME} characters`);
  } else if (!DNS1123_SUBDOMAIN.test(name)) {
    report(issues, 'metadata.name', name, 'name is not a DNS-1123 subdomain', SUBDOMAIN_ALLOWED);
  } else if (r.kind === 'Tier' && !isDns1123Label(name)) {
    report(issues, 'metadata.name', name, 'Tier name is not a DNS-1123 label', LABEL_ALLOWED);
  } else if (r.kind === 'GlobalNetworkPolicy' && !GNP_NAME.test(name)) {
    report(issues, 'metadata.name', name, 'GlobalNetworkPolicy name has more than one dot', "a DNS-1123 label, optionally prefixed by '<tier>.'");
  } else if (r.kind === 'NetworkPolicy' && !isKubernetesResource(r) && !NP_NAME.test(name)) {
    report(issues, 'metadata.name', name, 'NetworkPolicy name has more than one dot', "a DNS-1123 label, optionally prefixed by '<tier>.'");
  }
}

function checkNamespace(issues: Issues, r: NetsecResource): void {
  const ns = r.metadata.namespace;
  const clusterScoped = isClusterScoped(r);
  if (clusterScoped && ns !== undefined) {
    report(issues, 'metadata.namespace', ns, `${r.kind} is cluster-scoped and cannot have a namespace`, 'no namespace');
  } else if (!clusterScoped && ns === undefined) {
    report(issues, 'metadata.namespace', ns, `${r.kind} is namespaced and needs a namespace`, LABEL_ALLOWED);
  } else if (ns !== undefined && !isDns1123Label(ns)) {
    report(issues, 'metadata.namespace', ns, 'namespace is not a DNS-1123 label', LABEL_ALLOWED);
  }
}

/** Name, namespace scope, labels and annotations of any resource. */
export function checkMetadata(issues: Issues, r: NetsecResource): void {
  checkName(issues, r);
  checkNamespace(issues, r);
  checkLabels(issues, 'metadata.labels', r.metadata.labels);
  checkAnnotations(issues, 'metadata.annotations', r.metadata.annotations);
  if ((r.kind === 'GlobalNetworkSet' || r.kind === 'NetworkSet') && r.metadata.labels?.['projectcalico.org/namespace'] !== undefined) {
    report(issues, 'metadata.labels', 'projectcalico.org/namespace', 'projectcalico.org/namespace is not a valid label name on network sets', 'any other label key');
  }
}

