// kube-proxy's (iptables mode) chain names: a prefix and the first 16 characters of the base32
// (RFC 4648, padded alphabet) of the sha256 of the service port name and protocol, plus the
// endpoint for KUBE-SEP-* (kubernetes/kubernetes pkg/proxy/iptables/proxier.go: portProtoHash,
// servicePortChainName, serviceExternalChainName, servicePortEndpointChainName).
import { createHash } from 'crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 (RFC 4648) of the bytes, without padding (the names use only the first 16 characters). */
function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

const hash16 = (text: string): string => base32(createHash('sha256').update(text).digest()).slice(0, 16);

/** `ns/name:port` (`ns/name` for an unnamed port): kube-proxy's ServicePortName.String(). */
export function servicePortName(namespace: string, name: string, port: string | undefined): string {
  return `${namespace}/${name}${port ? `:${port}` : ''}`;
}

/** The chains of one Service port: KUBE-SVC-*, KUBE-EXT-*, KUBE-SVL-*, KUBE-FW-* share one hash. */
export function servicePortChains(portName: string, protocol: string): { readonly svc: string; readonly ext: string; readonly svl: string; readonly fw: string } {
  const h = hash16(portName + protocol.toLowerCase());
  return { svc: `KUBE-SVC-${h}`, ext: `KUBE-EXT-${h}`, svl: `KUBE-SVL-${h}`, fw: `KUBE-FW-${h}` };
}

/** KUBE-SEP-* of one endpoint (`ip:port`) of a Service port. */
export function endpointChain(portName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(portName + protocol.toLowerCase() + endpoint)}`;
}
