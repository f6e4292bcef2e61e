/**
 * Syntax checks for the names and labels the vocabulary handles. Internal: each throws an Error
 * that names the caller (`where`), the bad value and what is allowed. The rules themselves are the
 * model's (lib/model/validate/names), so constructs and synth-time validation cannot disagree.
 */
import { isDns1123Label, isDns1123Subdomain, isLabelValue, isQualifiedName } from '../../model/validate/names';

export const DNS1123_LABEL_ALLOWED = 'a DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit';
const DNS1123_SUBDOMAIN_ALLOWED = 'a DNS-1123 subdomain: at most 253 lower-case letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit';
const LABEL_KEY_ALLOWED = 'an optional DNS-1123 subdomain prefix and "/", then a name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
const LABEL_VALUE_ALLOWED = 'empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
/** What a named container port may look like (Kubernetes IANA_SVC_NAME). */
export const PORT_NAME_ALLOWED = 'an IANA service name: 1-15 lower-case letters, digits and "-", with at least one letter, '
  + 'not starting or ending with "-" and without "--"';

/** Throws unless `value` is a DNS-1123 label (namespace names). */
export function checkDns1123Label(where: string, field: string, value: string): void {
  if (!isDns1123Label(value)) {
    throw new Error(`${where}: ${field} ${JSON.stringify(value)} is invalid; allowed: ${DNS1123_LABEL_ALLOWED}`);
  }
}

/** Throws unless `value` is a DNS-1123 subdomain (resource names). */
export function checkDns1123Subdomain(where: string, field: string, value: string): void {
  if (!isDns1123Subdomain(value)) {
    throw new Error(`${where}: ${field} ${JSON.stringify(value)} is invalid; allowed: ${DNS1123_SUBDOMAIN_ALLOWED}`);
  }
}

/** Throws unless `key` is a Kubernetes label key (`[prefix/]name`). */
export function checkLabelKey(where: string, key: string): void {
  if (!isQualifiedName(key)) {
    throw new Error(`${where}: label key ${JSON.stringify(key)} is invalid; allowed: ${LABEL_KEY_ALLOWED}`);
  }
}

/** Throws unless `value` is a Kubernetes label value. */
export function checkLabelValue(where: string, key: string, value: string): void {
  if (!isLabelValue(value)) {
    throw new Error(`${where}: value ${JSON.stringify(value)} of label ${JSON.stringify(key)} is invalid; allowed: ${LABEL_VALUE_ALLOWED}`);
  }
}
