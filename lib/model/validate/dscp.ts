// The QoS DSCP annotation of a pod or HostEndpoint, read as Calico reads it: libcalico-go
// (v3.31.7 and v3.32.1 alike) takes `qos.projectcalico.org/dscp` (conversion/constants.go
// AnnotationQoSEgressDSCP) through numorstring.DSCPFromString and DSCP.Validate (api/pkg/lib/
// numorstring/dscp.go): a decimal number (strconv.ParseUint base 10, 8 bits) must be 0-63;
// anything else must be one of the named values, compared after trimming spaces, in any case.
import { Issues, report } from './issue';

export const DSCP_ANNOTATION = 'qos.projectcalico.org/dscp';
export const DSCP_FIELD = `metadata.annotations[${JSON.stringify(DSCP_ANNOTATION)}]`;

/** numorstring.AllDSCPValues. */
const NAMED: ReadonlyMap<string, number> = new Map([
  ['DF', 0], ['EF', 46],
  ['AF11', 10], ['AF12', 12], ['AF13', 14], ['AF21', 18], ['AF22', 20], ['AF23', 22],
  ['AF31', 26], ['AF32', 28], ['AF33', 30], ['AF41', 34], ['AF42', 36], ['AF43', 38],
  ['CS0', 0], ['CS1', 8], ['CS2', 16], ['CS3', 24], ['CS4', 32], ['CS5', 40], ['CS6', 48],
]);

export const DSCP_ALLOWED = `a DSCP number 0-63 or one of ${[...NAMED.keys()].join(', ')} (any case)`;

/** unicode.IsSpace, which Go's strings.TrimSpace trims (JavaScript's `\s` differs: it has U+FEFF, not U+0085). */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');

/** The DSCP value an annotation stands for, or Calico's reason to refuse it. */
export function parseDscp(text: string): { readonly value: number } | { readonly problem: string } {
  // strconv.ParseUint(s, 10, 8): ASCII digits only, no sign, no spaces, at most 255
  if (/^[0-9]+$/.test(text) && Number(text) <= 255) {
    const n = Number(text);
    return n > 63 ? { problem: 'DSCP must be between 0 and 63' } : { value: n };
  }
  const named = NAMED.get(text.replace(TRIM, '').toUpperCase());
  return named === undefined ? { problem: `${text} is not a valid DSCP value` } : { value: named };
}

/** The DSCP annotation of a HostEndpoint: a string Calico accepts. */
export function checkDscpAnnotation(issues: Issues, annotations: { readonly [key: string]: string } | undefined): void {
  const text = annotations?.[DSCP_ANNOTATION];
  if (text === undefined) return;
  const parsed = parseDscp(text);
  if ('problem' in parsed) report(issues, DSCP_FIELD, text, `invalid QoS DSCP value: ${parsed.problem}`, DSCP_ALLOWED);
}
