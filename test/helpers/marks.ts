// Felix's default mark bits (IptablesMarkMask 0xffff0000), as the plan allocates them.
import { MarkBits, allocateMarks } from '../../lib/iptables/marks';

/** accept 0x10000, pass 0x20000, drop 0x40000, scratch0 0x80000, scratch1 0x100000 (checked in marks-ports.test.ts). */
export const DEFAULT_MARKS: MarkBits = allocateMarks();
