import {
  CALICO_PROTOCOL_NAMES, Cidr, ICMP_CODE_MAX, ICMP_TYPE_MAX, PROTOCOL_ALLOWED, isIcmpCode, isIcmpType, protocolHasPorts, protocolNumber,
} from '../net';
import { CalicoRule, HttpMatch, IcmpFields } from '../resources';
import { checkAnnotations } from './names';
import { checkEntity } from './entity';
import { Issues, report } from './issue';

const ACTIONS = ['Allow', 'Deny', 'Log', 'Pass'];
const PORTS_MESSAGE = 'rules that specify ports must set protocol to TCP or UDP or SCTP';

function checkProtocol(issues: Issues, field: string, p: string | undefined): void {
  if (p === undefined) return;
  const valid = /^[0-9]+$/.test(p) ? protocolNumber(p) !== undefined : CALICO_PROTOCOL_NAMES.includes(p);
  if (!valid) report(issues, field, p, 'invalid protocol', `${PROTOCOL_ALLOWED} (names are case-sensitive)`);
}

function checkIcmp(issues: Issues, field: string, icmp: IcmpFields | undefined): void {
  if (!icmp) return;
  if (icmp.type !== undefined && !isIcmpType(icmp.type)) {
    report(issues, `${field}.type`, icmp.type, 'ICMP type out of range', `an ICMP type 0-${ICMP_TYPE_MAX}`);
  }
  if (icmp.code !== undefined && !isIcmpCode(icmp.code)) {
    report(issues, `${field}.code`, icmp.code, 'ICMP code out of range', `an ICMP code 0-${ICMP_CODE_MAX}`);
  }
  if (icmp.code !== undefined && icmp.type === undefined) {
    report(issues, `${field}.code`, icmp.code, 'ICMP code specified without an ICMP type', 'a code together with a type');
  }
}

function checkIcmpProtocol(issues: Issues, field: string, rule: CalicoRule): void {
  for (const key of ['icmp', 'notICMP'] as const) {
    if (rule[key] !== undefined && rule.protocol !== 'ICMP' && rule.protocol !== 'ICMPv6') {
      report(issues, `${field}.${key}`, rule[key], 'rules that specify ICMP fields must set protocol to ICMP or ICMPv6',
        'protocol ICMP or ICMPv6 on the same rule');
    }
  }
  for (const key of ['protocol', 'notProtocol'] as const) {
    const p = rule[key];
    if (rule.ipVersion === undefined || p === undefined) continue;
    if (protocolNumber(p) === 1 && rule.ipVersion !== 4) {
      report(issues, `${field}.ipVersion`, rule.ipVersion, `${key} ICMP needs ipVersion 4`, '4, or no ipVersion');
    }
    if (protocolNumber(p) === 58 && rule.ipVersion !== 6) {
      report(issues, `${field}.ipVersion`, rule.ipVersion, `${key} ICMPv6 needs ipVersion 6`, '6, or no ipVersion');
    }
  }
}

function checkPortsNeedProtocol(issues: Issues, field: string, rule: CalicoRule): void {
  if (rule.protocol !== undefined && protocolHasPorts(rule.protocol)) return;
  for (const side of ['source', 'destination'] as const) {
    for (const key of ['ports', 'notPorts'] as const) {
      const list = rule[side]?.[key];
      if (list && list.length > 0) {
        report(issues, `${field}.${side}.${key}`, list, PORTS_MESSAGE, 'protocol TCP, UDP or SCTP (or no ports)');
      }
    }
  }
}

function checkVersions(issues: Issues, field: string, rule: CalicoRule, cidrs: readonly Cidr[]): void {
  const versions = new Set(cidrs.map((c) => c.version));
  if (versions.size > 1) {
    report(issues, field, cidrs.map((c) => c.toString()), 'rule contains both IPv4 and IPv6 CIDRs',
      'CIDRs of one IP version per rule (split the rule in two)');
  }
  if (rule.ipVersion !== undefined && versions.size === 1 && !versions.has(rule.ipVersion)) {
    report(issues, `${field}.ipVersion`, rule.ipVersion, "rule IP version doesn't match CIDR version", `${[...versions][0]}, or no ipVersion`);
  }
}

const HTTP_MAX_ITEMS = 20;
const HTTP_MAX_PATH = 1024;

function checkHttpPaths(issues: Issues, field: string, paths: HttpMatch['paths']): void {
  if (paths && paths.length > HTTP_MAX_ITEMS) report(issues, field, `${paths.length} paths`, 'too many paths', `at most ${HTTP_MAX_ITEMS}`);
  (paths ?? []).forEach((p, i) => {
    const where = `${field}[${i}]`;
    if (p.exact && p.prefix) {
      report(issues, where, p, "both 'exact' and 'prefix' are set", "one of 'exact' or 'prefix'");
      return;
    }
    const v = p.exact || p.prefix;
    const key = p.exact ? 'exact' : 'prefix';
    if (!v) report(issues, where, p, "neither 'exact' nor 'prefix' is set", "one of 'exact' or 'prefix'");
    else if (!v.startsWith('/') || /[? #]/.test(v)) {
      report(issues, `${where}.${key}`, v, 'invalid HTTP path', "a path starting with '/' without '?', '#' or spaces (RFC 3986)");
    } else if (v.length > HTTP_MAX_PATH) {
      report(issues, `${where}.${key}`, `${v.length} characters`, 'HTTP path too long', `at most ${HTTP_MAX_PATH} characters`);
    }
  });
}

/** Calico's HTTP match rules: Allow rules of ingress only, protocol TCP or unset, distinct methods, valid paths. */
function checkHttp(issues: Issues, field: string, rule: CalicoRule, direction: string): void {
  const http = rule.http;
  if (!http) return;
  if (rule.action !== 'Allow') report(issues, `${field}.http`, rule.action, 'HTTP match is only valid on Allow rules', 'action Allow');
  if (rule.protocol !== undefined && protocolNumber(rule.protocol) !== 6) {
    report(issues, `${field}.protocol`, rule.protocol, 'rules with HTTP match must have protocol TCP or unset', 'TCP, or no protocol');
  }
  if (direction === 'egress') report(issues, `${field}.http`, http, 'HTTP match is not allowed in an egress rule', 'http in ingress rules only');
  const methods = http.methods ?? [];
  if (methods.length > HTTP_MAX_ITEMS) report(issues, `${field}.http.methods`, `${methods.length} methods`, 'too many methods', `at most ${HTTP_MAX_ITEMS}`);
  if (new Set(methods).size !== methods.length) report(issues, `${field}.http.methods`, methods, 'duplicate HTTP methods', 'each method at most once');
  checkHttpPaths(issues, `${field}.http.paths`, http.paths);
}

/** Checks one Calico rule; `direction` is `ingress` or `egress` (for the services placement rules). */
export function checkRule(issues: Issues, field: string, rule: CalicoRule, direction: string): void {
  if (!ACTIONS.includes(rule.action)) report(issues, `${field}.action`, rule.action, 'unknown action', ACTIONS.join(', '));
  if (rule.ipVersion !== undefined && rule.ipVersion !== 4 && rule.ipVersion !== 6) {
    report(issues, `${field}.ipVersion`, rule.ipVersion, 'invalid ipVersion', '4 or 6');
  }
  checkProtocol(issues, `${field}.protocol`, rule.protocol);
  checkProtocol(issues, `${field}.notProtocol`, rule.notProtocol);
  checkIcmp(issues, `${field}.icmp`, rule.icmp);
  checkIcmp(issues, `${field}.notICMP`, rule.notICMP);
  checkIcmpProtocol(issues, field, rule);
  checkPortsNeedProtocol(issues, field, rule);
  const cidrs = [
    ...(rule.source ? checkEntity(issues, `${field}.source`, rule.source) : []),
    ...(rule.destination ? checkEntity(issues, `${field}.destination`, rule.destination) : []),
  ];
  checkVersions(issues, field, rule, cidrs);
  checkHttp(issues, field, rule, direction);
  const dest = rule.destination;
  if (dest?.services && ((dest.ports ?? []).length > 0 || (dest.notPorts ?? []).length > 0)) {
    report(issues, `${field}.destination.ports`, dest.ports ?? dest.notPorts, 'cannot specify ports with a service match', 'no ports (the Service ports are used)');
  }
  if (direction === 'egress' && rule.source?.services) {
    report(issues, `${field}.source.services`, rule.source.services, 'services are not allowed in an egress rule source', 'services in the destination');
  }
  if (direction === 'ingress' && dest?.services) {
    report(issues, `${field}.destination.services`, dest.services, 'services are not allowed in an ingress rule destination', 'services in the source');
  }
  checkAnnotations(issues, `${field}.metadata.annotations`, rule.metadata?.annotations);
}
