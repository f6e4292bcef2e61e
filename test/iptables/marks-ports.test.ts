import { allCalicoMarkBits, allocateMarks, allocateWireguardMark, hex } from '../../lib/iptables/marks';
import { DEFAULT_MARKS } from '../helpers/marks';
import { PortRange, splitPortList } from '../../lib/iptables/ports';

describe('mark allocation', () => {
  it('gives Felix defaults from 0xffff0000', () => {
    expect(DEFAULT_MARKS).toEqual({ accept: 0x10000, pass: 0x20000, drop: 0x40000, scratch0: 0x80000, scratch1: 0x100000 });
    expect(hex(allCalicoMarkBits(DEFAULT_MARKS))).toBe('0x1b0000');
  });
  it('takes the lowest free bits in order', () => {
    expect(allocateMarks(0xff0)).toEqual({ accept: 0x10, pass: 0x20, drop: 0x40, scratch0: 0x80, scratch1: 0x100 });
  });
  it('rejects a mask with fewer than 5 bits', () => {
    expect(() => allocateMarks(0xf)).toThrow(/fewer than 5 bits/);
  });
  it('the WireGuard mark is the sixth free bit (driver.go allocates it after scratch1)', () => {
    expect(allocateWireguardMark()).toBe(0x200000);
    expect(allocateWireguardMark(0xff0)).toBe(0x200);
    expect(allocateWireguardMark(0x11111111)).toBe(0x100000);
    expect(() => allocateWireguardMark(0x1f)).toThrow(/fewer than 6 bits/);
  });
});

const singles = (from: number, to: number): PortRange[] => Array.from({ length: to - from + 1 }, (_, i) => ({ first: from + i, last: from + i }));
const r = (first: number, last: number): PortRange => ({ first, last });
const ranges7 = [r(1, 2), r(3, 4), r(5, 6), r(7, 8), r(9, 10), r(11, 12), r(13, 14)];

// Cases of felix/rules/policy_test.go "Port split tests".
describe('splitPortList', () => {
  it.each<[string, PortRange[], PortRange[][]]>([
    ['empty input', [], []],
    ['single input', [r(1, 1)], [[r(1, 1)]]],
    ['range input', [r(1, 10)], [[r(1, 10)]]],
    ['exactly 15 single ports give one split', singles(1, 15), [singles(1, 15)]],
    ['16 single ports give two splits', singles(1, 16), [singles(1, 15), [r(16, 16)]]],
    ['ranges count for 2 slots', [...ranges7, r(15, 15)], [[...ranges7, r(15, 15)]]],
    ['a range straggling 15-16 goes to the next group', [...ranges7, r(15, 16)], [ranges7, [r(15, 16)]]],
    ['further splits in the right place',
      [...ranges7, r(15, 16), r(21, 22), r(23, 24), r(23, 26), r(27, 28), r(29, 210), r(211, 212), r(213, 214), r(215, 216)],
      [ranges7, [r(15, 16), r(21, 22), r(23, 24), r(23, 26), r(27, 28), r(29, 210), r(211, 212)], [r(213, 214), r(215, 216)]]],
  ])('%s', (_name, input, expected) => {
    expect(splitPortList(input)).toEqual(expected);
  });
});
