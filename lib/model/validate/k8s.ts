import { Cidr } from '../net';
import { K8sNetworkPolicySpec, K8sLabelSelector, NetworkPolicyPeer, NetworkPolicyPort } from '../resources';
import { checkCidr } from './addresses';
import { Issues, report } from './issue';
import { KEY_ALLOWED, VALUE_ALLOWED, checkLabels, isLabelValue, isQualifiedName } from './names';
import { PORT_NAME_SHORT, checkPortNumber, checkPortProtocol, isValidPortName } from './ports';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Checks a Kubernetes label selector: label keys and values, operators and their values. */
export function checkLabelSelector(issues: Issues, field: string, sel: K8sLabelSelector): void {
  checkLabels(issues, `${field}.matchLabels`, sel.matchLabels);
  (sel.matchExpressions ?? []).forEach((req, i) => {
    const where = `${field}.matchExpressions[${i}]`;
    if (!isQualifiedName(req.key)) report(issues, `${where}.key`, req.key, 'invalid label key', KEY_ALLOWED);
    const values = req.values ?? [];
    if (!OPERATORS.includes(req.operator)) {
      report(issues, `${where}.operator`, req.operator, 'unknown operator', OPERATORS.join(', '));
    } else if ((req.operator === 'In' || req.operator === 'NotIn') && values.length === 0) {
      report(issues, `${where}.values`, values, `operator ${req.operator} needs at least one value`, 'a non-empty list of values');
    } else if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && values.length > 0) {
      report(issues, `${where}.values`, values, `operator ${req.operator} takes no values`, 'no values');
    }
    values.forEach((v, j) => {
      if (!isLabelValue(v)) report(issues, `${where}.values[${j}]`, v, 'invalid label value', VALUE_ALLOWED);
    });
  });
}

function checkPeer(issues: Issues, field: string, peer: NetworkPolicyPeer): void {
  if (!peer.podSelector && !peer.namespaceSelector && !peer.ipBlock) {
    report(issues, field, peer, 'a peer needs podSelector, namespaceSelector or ipBlock', 'at least one of them');
  }
  if (peer.ipBlock && (peer.podSelector || peer.namespaceSelector)) {
    report(issues, `${field}.ipBlock`, peer.ipBlock, 'ipBlock cannot be combined with podSelector or namespaceSelector', 'ipBlock alone in its peer');
  }
  if (peer.podSelector) checkLabelSelector(issues, `${field}.podSelector`, peer.podSelector);
  if (peer.namespaceSelector) checkLabelSelector(issues, `${field}.namespaceSelector`, peer.namespaceSelector);
  if (!peer.ipBlock) return;
  const cidr = checkCidr(issues, `${field}.ipBlock.cidr`, peer.ipBlock.cidr, false);
  (peer.ipBlock.except ?? []).forEach((text, i) => {
    const ex = checkCidr(issues, `${field}.ipBlock.except[${i}]`, text, false);
    if (cidr && ex && !isStrictSubset(ex, cidr)) {
      report(issues, `${field}.ipBlock.except[${i}]`, text, `except is not inside cidr ${peer.ipBlock?.cidr}`,
        `a CIDR strictly inside ${cidr.toString()}`);
    }
  });
}

function isStrictSubset(inner: Cidr, outer: Cidr): boolean {
  return outer.contains(inner) && inner.prefixLength > outer.prefixLength;
}

function checkPort(issues: Issues, field: string, p: NetworkPolicyPort): void {
  checkPortProtocol(issues, `${field}.protocol`, p.protocol);
  const numeric = p.port !== undefined && /^[0-9]+$/.test(p.port);
  if (numeric) checkPortNumber(issues, `${field}.port`, Number(p.port));
  else if (p.port !== undefined && !isValidPortName(p.port)) {
    report(issues, `${field}.port`, p.port, 'invalid port name', `a port number 1-65535, or ${PORT_NAME_SHORT}`);
  }
  if (p.endPort === undefined) return;
  if (!numeric) {
    report(issues, `${field}.endPort`, p.endPort, 'endPort needs a numeric port', 'endPort only together with a port number');
  } else if (p.endPort < Number(p.port)) {
    report(issues, `${field}.endPort`, p.endPort, `endPort is below port ${p.port}`, `a port from ${p.port} to 65535`);
  } else if (!Number.isInteger(p.endPort) || p.endPort > 65535) {
    report(issues, `${field}.endPort`, p.endPort, 'port number must be between 1 and 65535', `a port from ${p.port} to 65535`);
  }
}

/** Kubernetes NetworkPolicy spec, as the API server would check it. */
export function checkK8sSpec(issues: Issues, spec: K8sNetworkPolicySpec): void {
  checkLabelSelector(issues, 'spec.podSelector', spec.podSelector);
  const types = spec.policyTypes ?? [];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') report(issues, `spec.policyTypes[${i}]`, t, 'unknown policy type', 'Ingress or Egress');
  });
  if (types.length > 2) report(issues, 'spec.policyTypes', types, 'too many policy types', 'at most Ingress and Egress');
  (spec.ingress ?? []).forEach((rule, i) => {
    (rule.from ?? []).forEach((peer, j) => checkPeer(issues, `spec.ingress[${i}].from[${j}]`, peer));
    (rule.ports ?? []).forEach((p, j) => checkPort(issues, `spec.ingress[${i}].ports[${j}]`, p));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    (rule.to ?? []).forEach((peer, j) => checkPeer(issues, `spec.egress[${i}].to[${j}]`, peer));
    (rule.ports ?? []).forEach((p, j) => checkPort(issues, `spec.egress[${i}].ports[${j}]`, p));
  });
}
