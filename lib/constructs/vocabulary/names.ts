/**
 * Syntax checks for the names and labels the vocabulary handles. Internal: each throws an Error
 * that names the caller (`where`), the bad value and what is allowed. The rules themselves are the
 * model's (lib/model/validate/names), so constructs and synth-time validation cannot disagree.
 */
import {
  KEY_ALLOWED, LABEL_ALLOWED, SUBDOMAIN_ALLOWED, VALUE_ALLOWED, isDns1123Label, isDns1123Subdomain, isLabelValue, isQualifiedName,
} from '../../model/validate/names';
import { PORT_NAME_ALLOWED as MODEL_PORT_NAME_ALLOWED } from '../../model/validate/ports';

/** What a named container port may look like (Kubernetes IANA_SVC_NAME), in the model's words. */
export const PORT_NAME_ALLOWED = `an IANA service name: ${MODEL_PORT_NAME_ALLOWED}`;

/** Throws unless `value` is a DNS-1123 label (namespace names). */
export function checkDns1123Label(where: string, field: string, value: string): void {
  if (!isDns1123Label(value)) {
    throw new Error(`${where}: ${field} ${JSON.stringify(value)} is invalid; allowed: ${LABEL_ALLOWED}`);
  }
}

/** Throws unless `value` is a DNS-1123 subdomain (resource names). */
export function checkDns1123Subdomain(where: string, field: string, value: string): void {
  if (!isDns1123Subdomain(value)) {
    throw new Error(`${where}: ${field} ${JSON.stringify(value)} is invalid; allowed: ${SUBDOMAIN_ALLOWED}`);
  }
}

/** Throws unless `key` is a Kubernetes label key (`[prefix/]name`). */
export function checkLabelKey(where: string, key: string): void {
  if (!isQualifiedName(key)) {
    throw new Error(`${where}: label key ${JSON.stringify(key)} is invalid; allowed: ${KEY_ALLOWED}`);
  }
}

/** Throws unless `value` is a Kubernetes label value. */
export function checkLabelValue(where: string, key: string, value: string): void {
  if (!isLabelValue(value)) {
    throw new Error(`${where}: value ${JSON.stringify(value)} of label ${JSON.stringify(key)} is invalid; allowed: ${VALUE_ALLOWED}`);
  }
}
