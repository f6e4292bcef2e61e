// Splitting port lists into multiport matches (felix/rules/policy.go SplitPortList).

/** An inclusive port range; a single port has first === last. */
export interface PortRange {
  readonly first: number;
  readonly last: number;
}

/** iptables' multiport module has 15 slots; a range takes 2. */
const MULTIPORT_SLOTS = 15;

/** Groups the ranges, in order, so no group needs more than 15 multiport slots. */
export function splitPortList(ports: readonly PortRange[]): PortRange[][] {
  const splits: PortRange[][] = [];
  let current: PortRange[] = [];
  let free = MULTIPORT_SLOTS;
  for (const p of ports) {
    const need = p.first === p.last ? 1 : 2;
    if (free < need) {
      splits.push(current);
      current = [];
      free = MULTIPORT_SLOTS;
    }
    current.push(p);
    free -= need;
  }
  if (current.length > 0) splits.push(current);
  return splits;
}

/** `10:12,20:30,8080`. */
export function portListText(ports: readonly PortRange[]): string {
  return ports.map((p) => (p.first === p.last ? `${p.first}` : `${p.first}:${p.last}`)).join(',');
}
