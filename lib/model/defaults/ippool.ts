// The defaults Calico's API server (libcalico-go lib/clientv3/ippool.go validateAndSetDefaults)
// fills in on an IPPool: both encapsulation modes Never, every node, the block size by IP version,
// the Workload and Tunnel uses and Automatic assignment.
import { ipVersionOf } from '../net';
import { IpPool, IpPoolSpec } from '../resources';
import { AppliedDefault } from './applied';

export function defaultIpPool(pool: IpPool, by: string, out: AppliedDefault[]): IpPool {
  const spec: { -readonly [K in keyof IpPoolSpec]: IpPoolSpec[K] } = { ...pool.spec };
  const set = <K extends keyof IpPoolSpec>(key: K, value: NonNullable<IpPoolSpec[K]>, text: string): void => {
    if (spec[key] !== undefined && spec[key] !== '' && !(Array.isArray(spec[key]) && (spec[key] as unknown[]).length === 0)) return;
    spec[key] = value;
    out.push({ field: `spec.${key}`, value: text, by });
  };
  set('ipipMode', 'Never', 'Never');
  set('vxlanMode', 'Never', 'Never');
  set('nodeSelector', 'all()', 'all()');
  const version = ipVersionOf(pool.spec.cidr.split('/')[0]);
  if (version !== undefined && (spec.blockSize === undefined || spec.blockSize === 0)) {
    spec.blockSize = undefined;
    set('blockSize', version === 4 ? 26 : 122, String(version === 4 ? 26 : 122));
  }
  set('allowedUses', ['Workload', 'Tunnel'], '[Workload, Tunnel]');
  set('assignmentMode', 'Automatic', 'Automatic');
  return { ...pool, spec };
}
