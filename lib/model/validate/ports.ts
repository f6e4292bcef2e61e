import { NetError, PORT_ALLOWED, isPortNumber, parsePortSpec } from '../net';
import { Issues, report } from './issue';

const PORT_NUMBER_ALLOWED = 'a port number 1-65535';
/** The short form of a port name's rule (what Kubernetes' IANA_SVC_NAME allows). */
export const PORT_NAME_SHORT = "at most 15 lower case letters, digits and '-'";
/** What a named port may be: the one phrasing, used by validation and the constructs. */
export const PORT_NAME_ALLOWED = `${PORT_NAME_SHORT}, with at least one letter, no '--', not starting or ending with '-'`;

/** Kubernetes IANA_SVC_NAME: the rule for named ports in Kubernetes and Calico. */
export function isValidPortName(name: string): boolean {
  return name.length >= 1 && name.length <= 15 && /^[a-z0-9-]+$/.test(name) && /[a-z]/.test(name)
    && !name.includes('--') && !name.startsWith('-') && !name.endsWith('-');
}

/** The protocols a Kubernetes port (policy, Service, container, endpoint) may name. */
const PORT_PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

/** Checks a Kubernetes port protocol is TCP, UDP or SCTP (case-sensitive, as kube-apiserver). */
export function checkPortProtocol(issues: Issues, field: string, protocol: string | undefined): void {
  if (protocol !== undefined && !PORT_PROTOCOLS.includes(protocol)) report(issues, field, protocol, 'unsupported protocol', 'TCP, UDP or SCTP');
}

/** Checks a port number is 1-65535. */
export function checkPortNumber(issues: Issues, field: string, port: number): void {
  if (!isPortNumber(port)) {
    report(issues, field, port, 'port number must be between 1 and 65535', PORT_NUMBER_ALLOWED);
  }
}

/** Checks one Calico `ports` entry: a number 1-65535, a range `min:max` inside it, or a valid port name. */
export function checkPortEntry(issues: Issues, field: string, text: string): void {
  try {
    const spec = parsePortSpec(text);
    if (spec.kind === 'named') {
      if (!isValidPortName(text)) report(issues, field, text, 'invalid port name', PORT_NAME_ALLOWED);
    } else if (spec.min < 1) {
      report(issues, field, text, 'port number must be between 1 and 65535', PORT_ALLOWED.replace('0-65535', '1-65535'));
    }
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    report(issues, field, text, e.reason, PORT_ALLOWED.replace('0-65535', '1-65535'));
  }
}
