// IPPool: what Calico's IPPool validation refuses (libcalico-go lib/validator/v3/validator.go
// validateIPPoolSpec and the field validators ipIpMode/vxlanMode; lib/clientv3/ippool.go
// validateAndSetDefaults for the block size range).
import { Cidr } from '../net';
import { IpPoolSpec } from '../resources';
import { checkCidr } from './addresses';
import { Issues, report } from './issue';
import { checkSelector } from './selectors';

/** Calico's encapsulation modes, case-sensitive (validator.go ipipModeRegex, vxlanModeRegex). */
const ENCAP_MODES = ['Always', 'CrossSubnet', 'Never'];
const ALLOWED_USES = ['Workload', 'Tunnel', 'LoadBalancer'];
const ASSIGNMENT_MODES = ['Automatic', 'Manual'];
const LINK_LOCAL = { 4: Cidr.parse('169.254.0.0/16'), 6: Cidr.parse('fe80::/10') } as const;

/** True when the mode turns the encapsulation on (validator.go ipipModeEnabled/vxLanModeEnabled). */
export function encapModeOn(mode: string | undefined): boolean {
  return mode === 'Always' || mode === 'CrossSubnet';
}

function overlaps(a: Cidr, b: Cidr): boolean {
  return a.contains(b) || b.contains(a);
}

function checkBlockSize(issues: Issues, spec: IpPoolSpec, cidr: Cidr): void {
  const [min, max] = cidr.version === 4 ? [20, 32] : [116, 128];
  const size = spec.blockSize ?? (cidr.version === 4 ? 26 : 122);
  if (size < min || size > max) {
    report(issues, 'spec.blockSize', spec.blockSize, `IPv${cidr.version} block size must be between ${min} and ${max}`, `an integer ${min}-${max}`);
  } else if (!spec.disabled && cidr.prefixLength > size) {
    report(issues, 'spec.cidr', spec.cidr, 'IP pool size is too small for use with Calico IPAM: it must be equal to or greater than the block size',
      `a prefix length of at most ${size} (the block size), or disabled: true`);
  }
}

function checkModes(issues: Issues, spec: IpPoolSpec, cidr: Cidr | undefined): void {
  for (const key of ['ipipMode', 'vxlanMode'] as const) {
    const mode = spec[key];
    if (mode !== undefined && !ENCAP_MODES.includes(mode)) report(issues, `spec.${key}`, mode, `invalid ${key}`, ENCAP_MODES.join(', '));
  }
  if (cidr?.version === 6 && encapModeOn(spec.ipipMode)) {
    report(issues, 'spec.ipipMode', spec.ipipMode, "ipipMode other than 'Never' is not supported on an IPv6 IP pool", 'Never on an IPv6 pool');
  }
  if (encapModeOn(spec.ipipMode) && encapModeOn(spec.vxlanMode)) {
    report(issues, 'spec.ipipMode', spec.ipipMode, 'ipipMode and vxlanMode cannot both be enabled on one IP pool',
      'at most one of ipipMode and vxlanMode other than Never');
  }
}

function checkUses(issues: Issues, spec: IpPoolSpec): void {
  const uses = spec.allowedUses ?? [];
  const lb = uses.includes('LoadBalancer');
  uses.forEach((u, i) => {
    if (!ALLOWED_USES.includes(u)) report(issues, `spec.allowedUses[${i}]`, u, 'unknown use', ALLOWED_USES.join(', '));
    else if (lb && u !== 'LoadBalancer') report(issues, `spec.allowedUses[${i}]`, u, 'LoadBalancer cannot be used at the same time as another use', 'LoadBalancer alone');
  });
  if (lb && (encapModeOn(spec.ipipMode) || encapModeOn(spec.vxlanMode))) {
    report(issues, 'spec.ipipMode', spec.ipipMode ?? spec.vxlanMode, 'neither ipipMode nor vxlanMode can be enabled on a LoadBalancer IP pool', 'Never');
  }
  if (lb && spec.nodeSelector !== undefined && spec.nodeSelector !== 'all()') {
    report(issues, 'spec.nodeSelector', spec.nodeSelector, 'a LoadBalancer IP pool must select all nodes', 'all()');
  }
  if (uses.includes('Tunnel') && spec.namespaceSelector !== undefined && spec.namespaceSelector !== '') {
    report(issues, 'spec.namespaceSelector', spec.namespaceSelector, 'a Tunnel IP pool cannot have a namespaceSelector (tunnel addresses are not namespaced)',
      'no namespaceSelector, or allowedUses without Tunnel');
  }
  if (spec.assignmentMode !== undefined && !ASSIGNMENT_MODES.includes(spec.assignmentMode)) {
    report(issues, 'spec.assignmentMode', spec.assignmentMode, 'invalid assignmentMode', ASSIGNMENT_MODES.join(', '));
  }
}

/** IPPool: a strictly masked CIDR outside link-local, block size, modes, uses, selectors. */
export function checkIpPoolSpec(issues: Issues, spec: IpPoolSpec): void {
  const cidr = spec.cidr === '' ? undefined : checkCidr(issues, 'spec.cidr', spec.cidr, false);
  if (spec.cidr === '') report(issues, 'spec.cidr', spec.cidr, 'IPPool CIDR must be specified', 'a CIDR like 192.0.2.0/24');
  if (cidr) {
    const linkLocal = LINK_LOCAL[cidr.version === 4 ? 4 : 6];
    if (overlaps(cidr, linkLocal)) report(issues, 'spec.cidr', spec.cidr, `IP pool overlaps the link-local range ${linkLocal.toString()}`, 'a CIDR outside it');
    checkBlockSize(issues, spec, cidr);
  }
  checkModes(issues, spec, cidr);
  checkUses(issues, spec);
  for (const key of ['nodeSelector', 'namespaceSelector'] as const) checkSelector(issues, `spec.${key}`, spec[key], false);
}
