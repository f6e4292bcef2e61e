// What a rule's HTTP match means for the verdicts: Felix does not program it (one message for every reader).
import { HttpMatch } from '../../model/resources';

/** `methods GET, PUT; paths exact /a, prefix /b` (or `any request` when the match is empty). */
function describeHttpMatch(http: HttpMatch): string {
  const parts: string[] = [];
  if ((http.methods ?? []).length > 0) parts.push(`methods ${(http.methods ?? []).join(', ')}`);
  const paths = (http.paths ?? []).map((p) => (p.exact !== undefined ? `exact ${p.exact}` : `prefix ${p.prefix ?? ''}`));
  if (paths.length > 0) parts.push(`paths ${paths.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : 'any request';
}

/**
 * Why an Allow rule with an HTTP match allows more than it says: Felix's iptables rules match its
 * L3/L4 fields only; the HTTP part is enforced only by application layer policy's sidecar.
 */
export function httpMatchNote(http: HttpMatch): string {
  return `its HTTP match (${describeHttpMatch(http)}) is not programmed by Felix: the rule allows every TCP connection `
    + 'its L3/L4 fields match; only application layer policy (Dikastes in an Istio sidecar) refuses other requests';
}
