// The flow that stands for a connection class: its protocol with the first port (or ICMP type and
// code) of the class. Every verdict is constant on a class (space.ts), so this flow's is the class's.
import { Flow, FlowParty } from '../engine';
import { ConnectionClass } from './space';

export function flowFor(src: FlowParty, dst: FlowParty, c: ConnectionClass): Flow {
  const first = c.range ? Number(c.range[0]) : undefined;
  if (c.protocol === 1 || c.protocol === 58) {
    return { source: src, destination: dst, protocol: c.protocol, ...(first !== undefined ? { icmpType: first } : {}), ...(c.codes ? { icmpCode: Number(c.codes[0]) } : {}) };
  }
  return { source: src, destination: dst, protocol: c.protocol, ...(first !== undefined ? { port: first } : {}) };
}
