// BitsTable: one value per set of classes, whatever array holds the set.
import { BitsTable, bitsWhere } from '../../lib/connectivity/class-bits';

describe('BitsTable', () => {
  test('equal sets in different arrays share a value; sets that differ in one bit or in length do not', () => {
    const table = new BitsTable<string>();
    let made = 0;
    const get = (size: number, test: (i: number) => boolean, name: string): string => table.get(bitsWhere(size, test), () => {
      made++;
      return name;
    });
    expect(get(70, (i) => i % 3 === 0, 'a')).toBe('a');
    expect(get(70, (i) => i % 3 === 0, 'b')).toBe('a');
    expect(get(70, (i) => i % 3 === 0 && i !== 69, 'c')).toBe('c');
    // 70 and 96 classes are three words; 97 are four, with the same three first words
    expect(get(97, (i) => i % 3 === 0 && i < 70, 'd')).toBe('d');
    expect(get(0, () => true, 'e')).toBe('e');
    expect(get(0, () => false, 'f')).toBe('e');
    expect(made).toBe(4);
  });
});
