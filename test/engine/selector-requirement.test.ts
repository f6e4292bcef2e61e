// Necessary conditions of selectors (lib/engine/model/selector-requirement.ts), which index policies:
// a wrong requirement would hide a policy from an endpoint it selects, so every case is also checked
// against evaluation over all label sets of two labels with three values each (or absent).
import { Selector } from '../../lib/model/selector';
import { LabelRequirement, selectorRequirements } from '../../lib/engine/model/selector-requirement';

const text = (rs: readonly LabelRequirement[]): string[] => rs.map((r) => (r.value === undefined ? `has(${r.key})` : `${r.key}==${r.value}`)).sort();

const CASES: readonly (readonly [string, string[]])[] = [
  ['all()', []],
  ['', []],
  ['global()', []],
  ['has(a)', ['has(a)']],
  ['!has(a)', []],
  ['a == "x"', ['a==x']],
  ['a != "x"', []],
  ['!a != "x"', ['a==x']],
  ['a in {"x", "y"}', ['has(a)']],
  ['a in {"x"}', ['a==x']],
  ['a not in {"x", "y"}', []],
  ['!a not in {"x", "y"}', ['has(a)']],
  ['a contains "x"', ['has(a)']],
  ['a starts with "x"', ['has(a)']],
  ['a ends with "x"', ['has(a)']],
  ['a == "x" && has(b)', ['a==x', 'has(b)']],
  ['a == "x" || b == "y"', []],
  ['a == "x" || a == "y"', ['has(a)']],
  ['a == "x" || (a == "x" && b == "y")', ['a==x', 'has(a)']],
  ['has(a) || a == "x"', ['has(a)']],
  ['!(a == "x" || has(b))', []],
  ['!(a != "x" || b != "y")', ['a==x', 'b==y']],
  ['!(a != "x" && b != "x")', []],
  ['!(a != "x" && a != "y")', ['has(a)']],
  ['!!has(a)', ['has(a)']],
  ['a != "x" && b == "y"', ['b==y']],
  ['all() && a == "x"', ['a==x']],
  ['all() || a == "x"', []],
];

const VALUES = [undefined, 'x', 'y', 'z'];
const LABEL_SETS = VALUES.flatMap((a) => VALUES.map((b) => ({ ...(a ? { a } : {}), ...(b ? { b } : {}) })));

const holds = (r: LabelRequirement, labels: { readonly [k: string]: string }): boolean => {
  const v = labels[r.key];
  return v !== undefined && (r.value === undefined || v === r.value);
};

describe('selectorRequirements', () => {
  test.each(CASES)('%s requires %j', (sel, expected) => {
    expect(text(selectorRequirements(Selector.parse(sel)))).toEqual([...expected].sort());
  });

  test.each(CASES)('%s: every label set it matches satisfies its requirements', (sel) => {
    const s = Selector.parse(sel);
    const reqs = selectorRequirements(s);
    for (const labels of LABEL_SETS) {
      if (s.matches(labels)) for (const r of reqs) expect({ sel, labels, r, holds: holds(r, labels) }).toEqual({ sel, labels, r, holds: true });
    }
  });
});
