import { createHash } from 'crypto';

/**
 * Calico's `hash.MakeUniqueID(prefix, content)`: `prefix + ":" + base64url(SHA-224(prefix + ":" +
 * content))`, unpadded (libcalico-go/lib/hash/unique_id.go).
 */
export function makeUniqueId(prefix: string, content: string): string {
  const digest = createHash('sha224').update(`${prefix}:${content}`, 'utf8').digest('base64url');
  return `${prefix}:${digest}`;
}
