// libcalico-go SimplifyPorts: merge numeric ports into ranges, named ports first.
import { parsePortSpec } from '../../model/net';

/**
 * Returns the minimal list of ranges covering the numeric ports, after the named ports (kept in
 * their order). With at most one numeric port the input is returned unchanged, as Calico does.
 */
export function simplifyPorts(ports: readonly string[]): string[] {
  if (ports.length <= 1) return [...ports];
  const named: string[] = [];
  const numbers: number[] = [];
  for (const p of ports) {
    const spec = parsePortSpec(p);
    if (spec.kind === 'named') {
      named.push(p);
    } else {
      for (let i = spec.min; i <= spec.max; i++) numbers.push(i);
    }
  }
  if (numbers.length <= 1) return [...ports];
  numbers.sort((a, b) => a - b);
  const out = [...named];
  let i = 0;
  while (i < numbers.length) {
    const first = numbers[i];
    let last = first;
    i++;
    while (i < numbers.length && numbers[i] <= last + 1) {
      last = numbers[i];
      i++;
    }
    out.push(first === last ? `${first}` : `${first}:${last}`);
  }
  return out;
}
