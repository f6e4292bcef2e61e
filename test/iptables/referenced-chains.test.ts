// Felix programs a chain only while it is referenced from a built-in chain, directly or through
// programmed chains (felix/iptables/table.go increfChain / maybeIncrefReferredChains). Cases of
// felix/iptables/table_test.go, Describe "after adding a couple of chains": It "nothing should get
// programmed due to lack of references", "nothing should get programmed due to having no path back to
// root chain", and (after "adding an indirect reference from an insert") "both chains should be programmed".
import { referencedChains } from '../../lib/iptables/referenced-chains';
import { Chain, rule } from '../../lib/iptables/rule';
import { renderTable } from '../../lib/iptables/table-text';

const foobar: Chain = { name: 'cali-foobar', rules: [rule([], '--jump ACCEPT'), rule([], '--jump DROP')] };
const bazzbiff: Chain = { name: 'cali-bazzbiff', rules: [rule([], '--jump ACCEPT'), rule([], '--jump DROP')] };
const caliForward: Chain = { name: 'cali-FORWARD', rules: [rule([], '--jump cali-foobar')] };
const names = (cs: readonly Chain[]): string[] => cs.map((c) => c.name);

describe('referencedChains (Felix table.go refcounts)', () => {
  test('nothing is programmed without a reference', () => {
    expect(referencedChains([], [foobar, bazzbiff])).toEqual([]);
  });

  test('a reference from an unreferenced chain programs nothing: no path back to a built-in chain', () => {
    expect(referencedChains([[]], [caliForward, foobar, bazzbiff])).toEqual([]);
  });

  test('a hook in FORWARD to cali-FORWARD programs it and cali-foobar, not cali-bazzbiff; order kept', () => {
    expect(names(referencedChains([[rule([], '--jump cali-FORWARD')]], [foobar, bazzbiff, caliForward]))).toEqual(['cali-foobar', 'cali-FORWARD']);
  });

  test('--goto counts as a reference; a cycle ends', () => {
    const a: Chain = { name: 'cali-a', rules: [rule([], '--goto cali-b')] };
    const b: Chain = { name: 'cali-b', rules: [rule([], '--jump cali-a')] };
    expect(names(referencedChains([[rule([], '--jump cali-a')]], [a, b]))).toEqual(['cali-a', 'cali-b']);
  });
});

describe('renderTable writes only referenced chains', () => {
  test('the unreferenced chain has neither a declaration nor rules', () => {
    const text = renderTable({ table: 'filter', hooks: new Map([['FORWARD', [rule([], '--jump cali-FORWARD')]]]), chains: [caliForward, foobar, bazzbiff] });
    expect(text).toContain(':cali-foobar - [0:0]');
    expect(text).toContain('-A cali-foobar ');
    expect(text).not.toContain('cali-bazzbiff');
  });

  test('a jump to an undeclared chain is still refused, even from an unreferenced chain', () => {
    const stray: Chain = { name: 'cali-stray', rules: [rule([], '--jump cali-missing')] };
    expect(() => renderTable({ table: 'filter', hooks: new Map(), chains: [stray] }))
      .toThrow('table filter: chain cali-stray jumps to undeclared chain cali-missing');
  });
});
