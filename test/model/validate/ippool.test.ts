// IPPool validation held against Calico's own cases: libcalico-go/lib/validator/v3/validator_test.go
// at calico v3.32.1 (the Entry names quoted; each case's spec as upstream wrote it), and the block
// size range of libcalico-go/lib/clientv3/ippool.go validateAndSetDefaults.
import { applyDefaults } from '../../../lib/model/defaults';
import { IpPool, IpPoolSpec } from '../../../lib/model/resources';
import { messages } from './helpers';

function pool(spec: IpPoolSpec): IpPool {
  return { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pool.name' }, spec };
}

// validator_test.go's nets
const netv4_3 = '1.2.3.0/26';
const netv4_4 = '1.0.0.0/10';
const netv4_5 = '1.2.3.0/27';
const netv6_1 = 'aabb:aabb::ffff/128';
const netv6_3 = 'aabb:aabb::0000/122';
const netv6_4 = 'aa00:0000::0000/10';

const CASES: readonly [string, IpPoolSpec, boolean][] = [
  ['should accept IP pool with IPv4 CIDR /26', { cidr: netv4_3 }, true],
  ['should accept IP pool with IPv4 CIDR /10', { cidr: netv4_4 }, true],
  ['should accept IP pool with IPv6 CIDR /122', { cidr: netv6_3, ipipMode: 'Never', vxlanMode: 'Never' }, true],
  ['should accept IP pool with IPv6 CIDR /10', { cidr: netv6_4, ipipMode: 'Never', vxlanMode: 'Never' }, true],
  ['should accept a disabled IP pool with IPv4 CIDR /27', { cidr: netv4_5, disabled: true }, true],
  ['should reject IP pool with IPv4 CIDR /27', { cidr: netv4_5 }, false],
  ['should reject IP pool with IPv4 CIDR /33', { cidr: '1.2.3.4/33' }, false],
  ['should reject IP pool with IPv6 CIDR /129', { cidr: 'aa:bb::/129' }, false],
  ['should reject IPIPMode \'Always\' for IPv6 pool', { cidr: netv6_1, ipipMode: 'Always', vxlanMode: 'Never' }, false],
  ['should reject VXLANMode \'Always\' for IPv6 pool', { cidr: netv6_1, vxlanMode: 'Always', ipipMode: 'Never' }, false],
  ['should reject IPv4 pool with a CIDR range overlapping with Link Local range', { cidr: '169.254.5.0/24' }, false],
  ['should reject IPv6 pool with a CIDR range overlapping with Link Local range', { cidr: 'fe80::/120' }, false],
  ['should accept IP pool with valid allowed uses', { cidr: netv4_4, allowedUses: ['Workload', 'Tunnel'] }, true],
  ['should reject IP pool with invalid allowed uses combination', { cidr: netv4_4, allowedUses: ['LoadBalancer', 'Tunnel'] }, false],
  ['should reject IP pool with invalid allowed uses', { cidr: netv4_4, allowedUses: ['Garbage'] }, false],
  ['should reject IP pool with LoadBlancer and VXLAN mode enabled', { cidr: netv4_4, allowedUses: ['LoadBalancer'], vxlanMode: 'Always' }, false],
  ['should reject IP pool with LoadBlancer and IPIP mode enabled', { cidr: netv4_4, allowedUses: ['LoadBalancer'], ipipMode: 'Always' }, false],
  ['should reject IP pool with LoadBlancer and nodeSelector other than all()', { cidr: netv4_4, allowedUses: ['LoadBalancer'], nodeSelector: '!all()' }, false],
  ['should reject IP pool with Tunnel allowedUse and namespaceSelector', { cidr: netv4_4, allowedUses: ['Tunnel'], namespaceSelector: 'all()' }, false],
  ['should accept IP pool with Tunnel allowedUse and no namespaceSelector', { cidr: netv4_4, allowedUses: ['Tunnel'] }, true],
  ['should reject IP pool with invalid nodeSelector (global)', { cidr: netv4_4, nodeSelector: 'global()' }, false],
  ['should allow a valid nodeSelector', { cidr: netv4_3, nodeSelector: 'foo == "bar"' }, true],
  ['should disallow a invalid nodeSelector', { cidr: netv4_3, nodeSelector: 'this is not valid selector syntax' }, false],
  ['should accept IPPool with no IPIP mode specified', { cidr: '1.2.3.0/24' }, true],
  ['should accept IPIP mode Never (api)', { cidr: '1.2.3.0/24', ipipMode: 'Never', vxlanMode: 'Never' }, true],
  ['should accept IPIP mode Always', { cidr: '1.2.3.0/24', ipipMode: 'Always' }, true],
  ['should accept IPIP mode CrossSubnet', { cidr: '1.2.3.0/24', ipipMode: 'CrossSubnet' }, true],
  ['should reject IPIP mode badVal', { cidr: '1.2.3.0/24', ipipMode: 'badVal' }, false],
  ['should reject IPIP mode never (lower case)', { cidr: '1.2.3.0/24', ipipMode: 'never' }, false],
  ['should reject IPIP mode and VXLAN mode', { cidr: '1.2.3.0/24', ipipMode: 'Always', vxlanMode: 'Always' }, false],
  ['should accept VXLAN mode Always', { cidr: '1.2.3.0/24', vxlanMode: 'Always' }, true],
  ['should accept VXLAN mode CrossSubnet', { cidr: '1.2.3.0/24', vxlanMode: 'CrossSubnet' }, true],
  ['should reject VXLAN mode never', { cidr: '1.2.3.0/24', vxlanMode: 'never' }, false],
  ['should reject VXLAN mode badVal', { cidr: '1.2.3.0/24', vxlanMode: 'badVal' }, false],
];

describe('IPPool validation (validator_test.go, calico v3.32.1)', () => {
  it.each(CASES)('%s', (_name, spec, valid) => {
    expect(messages(pool(spec)).length === 0).toBe(valid);
  });

  it('messages name the field, the value and what is allowed', () => {
    expect(messages(pool({ cidr: '198.51.100.0/24', ipipMode: 'always' }))).toEqual([
      'r: spec.ipipMode: invalid ipipMode (got "always"; allowed: Always, CrossSubnet, Never)',
    ]);
    expect(messages(pool({ cidr: '198.51.100.1/24' }))).toEqual([
      'r: spec.cidr: CIDR has host bits set (got "198.51.100.1/24"; allowed: the network address, 198.51.100.0/24)',
    ]);
    expect(messages(pool({ cidr: '198.51.100.0/24', blockSize: 19 }))).toEqual([
      'r: spec.blockSize: IPv4 block size must be between 20 and 32 (got 19; allowed: an integer 20-32)',
    ]);
    expect(messages(pool({ cidr: '198.51.100.0/24', ipipMode: 'Always', vxlanMode: 'CrossSubnet' }))).toEqual([
      'r: spec.ipipMode: ipipMode and vxlanMode cannot both be enabled on one IP pool (got "Always"; allowed: at most one of ipipMode and vxlanMode other than Never)',
    ]);
  });

  it('defaults as the Calico API server fills them (clientv3/ippool.go): modes Never, all nodes, block size by version, Workload and Tunnel', () => {
    const v4 = applyDefaults(pool({ cidr: '198.51.100.0/24', ipipMode: 'Always' }));
    expect(v4.resource.kind === 'IPPool' && v4.resource.spec).toEqual({
      cidr: '198.51.100.0/24', ipipMode: 'Always', vxlanMode: 'Never', nodeSelector: 'all()', blockSize: 26,
      allowedUses: ['Workload', 'Tunnel'], assignmentMode: 'Automatic',
    });
    expect(v4.defaults.map((d) => d.field)).toEqual(['spec.vxlanMode', 'spec.nodeSelector', 'spec.blockSize', 'spec.allowedUses', 'spec.assignmentMode']);
    const v6 = applyDefaults(pool({ cidr: '2001:db8::/64' }));
    expect(v6.resource.kind === 'IPPool' && v6.resource.spec.blockSize).toBe(122);
    expect(v6.resource.metadata.namespace).toBeUndefined();
  });
});
