// Every kind of input error shares one base class: the CLI exits 2 for each by `instanceof`, and each keeps its name.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from '../../lib/cli/args';
import { isInputError } from '../../lib/cli/run';
import { InputError, ValidationError } from '../../lib/engine';
import { NetsecInputError } from '../../lib/model/errors';
import { parseFelixEnv } from '../../lib/model/felix';
import { Cidr } from '../../lib/model/net';
import { ManifestError } from '../../lib/model/parse';
import { Selector } from '../../lib/model/selector';
import { writeOutputAtomically } from '../../lib/util/atomic-write';
import { assertDocumentationAddresses } from '../../lib/verify/addresses';
import { PlanLoadError } from '../../lib/verify/load';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('input errors', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-errors-'));
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'not netsec output');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each<[string, () => unknown]>([
    ['NetError', () => Cidr.parse('10.0.0.0/33')],
    ['SelectorSyntaxError', () => Selector.parse('app ==')],
    ['ManifestError', () => { throw new ManifestError('a.yaml#0', 'spec', '5', 'an object'); }],
    ['InputError', () => parseFelixEnv(['NoSuchSetting=1'])],
    ['InputError', () => { throw new InputError('missing.yaml: no such file'); }],
    ['ValidationError', () => { throw new ValidationError([{ location: 'a.yaml#0', problems: ['spec: bad'] }]); }],
    ['UnsafeAddressError', () => assertDocumentationAddresses('pod x/a', ['10.1.2.3'])],
    ['OutputError', () => writeOutputAtomically(dir, [{ path: 'a.txt', content: '' }])],
    ['UsageError', () => { throw new UsageError('--x is required'); }],
  ])('%s is a NetsecInputError and keeps its name', (name, f) => {
    const e = thrown(f);
    expect(e).toBeInstanceOf(NetsecInputError);
    expect(isInputError(e)).toBe(true);
    expect((e as Error).name).toBe(name);
  });

  test('errors of netsec or the kernel are not input errors', () => {
    expect(isInputError(new PlanLoadError('ipsets', 'refused'))).toBe(false);
    expect(isInputError(new Error('bug'))).toBe(false);
    expect(isInputError(thrown(() => fs.readFileSync(path.join(dir, 'missing'))))).toBe(true);
  });
});
