/**
 * Syntax checks for the names and labels the vocabulary handles. Internal: each throws an Error
 * that names the caller (`where`), the bad value and what is allowed.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const LABEL_VALUE = /^(([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?)$/;

export const DNS1123_LABEL_ALLOWED = 'a DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit';
const DNS1123_SUBDOMAIN_ALLOWED = 'a DNS-1123 subdomain: at most 253 lower-case letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit';
const LABEL_KEY_ALLOWED = 'an optional DNS-1123 subdomain prefix and "/", then a name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
const LABEL_VALUE_ALLOWED = 'empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';

/** True when `value` is a DNS-1123 label. */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** Throws unless `value` is a DNS-1123 label (namespace names). */
export function checkDns1123Label(where: string, field: string, value: string): void {
  if (!isDns1123Label(value)) {
    throw new Error(`${where}: ${field} ${JSON.stringify(value)} is invalid; allowed: ${DNS1123_LABEL_ALLOWED}`);
  }
}

/** Throws unless `value` is a DNS-1123 subdomain (resource names). */
export function checkDns1123Subdomain(where: string, field: string, value: string): void {
  if (value.length > 253 || !DNS1123_SUBDOMAIN.test(value)) {
    throw new Error(`${where}: ${field} ${JSON.stringify(value)} is invalid; allowed: ${DNS1123_SUBDOMAIN_ALLOWED}`);
  }
}

/** Throws unless `key` is a Kubernetes label key (`[prefix/]name`). */
export function checkLabelKey(where: string, key: string): void {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefixOk = prefix === undefined || (prefix.length <= 253 && DNS1123_SUBDOMAIN.test(prefix));
  if (!prefixOk || name.length > 63 || !LABEL_NAME.test(name)) {
    throw new Error(`${where}: label key ${JSON.stringify(key)} is invalid; allowed: ${LABEL_KEY_ALLOWED}`);
  }
}

/** Throws unless `value` is a Kubernetes label value. */
export function checkLabelValue(where: string, key: string, value: string): void {
  if (value.length > 63 || !LABEL_VALUE.test(value)) {
    throw new Error(`${where}: value ${JSON.stringify(value)} of label ${JSON.stringify(key)} is invalid; allowed: ${LABEL_VALUE_ALLOWED}`);
  }
}
