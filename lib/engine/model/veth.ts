// Calico's host-side veth name for a pod (libcalico-go VethNameForWorkload).
import { createHash } from 'crypto';

/** `cali` + the first 11 hex digits of SHA-1 of `<namespace>.<pod>` (15 characters). */
export function vethNameForWorkload(namespace: string, pod: string, prefix = 'cali'): string {
  return prefix + createHash('sha1').update(`${namespace}.${pod}`).digest('hex').slice(0, 11);
}
