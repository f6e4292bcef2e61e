// netsec plan writes each node's files as they are rendered (AtomicOutputDir): the output folder is
// replaced only at commit; before it, and after an abort, it stays exactly as it was.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AtomicOutputDir } from '../../lib/util/atomic-write';

let parent: string;
beforeEach(() => { parent = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-atomic-dir-')); });
afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

const listing = (dir: string): string[] => fs.readdirSync(dir).sort();

test('files written one by one appear in the output folder only at commit, with the marker listing them', () => {
  const out = path.join(parent, 'plan');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, '.netsec-synth'), 'old\n');
  fs.writeFileSync(path.join(out, 'old.iptables'), 'old');
  const dir = new AtomicOutputDir(out);
  dir.write({ path: 'n2.iptables', content: 'b' });
  dir.write({ path: 'n1.iptables', content: 'a' });
  expect(listing(out)).toEqual(['.netsec-synth', 'old.iptables']);
  dir.commit();
  expect(listing(out)).toEqual(['.netsec-synth', 'n1.iptables', 'n2.iptables']);
  expect(fs.readFileSync(path.join(out, 'n1.iptables'), 'utf8')).toBe('a');
  expect(fs.readFileSync(path.join(out, '.netsec-synth'), 'utf8').split('\n').slice(1)).toEqual(['n1.iptables', 'n2.iptables', '']);
  expect(listing(parent)).toEqual(['plan']);
  expect(() => dir.write({ path: 'late', content: '' })).toThrow(/already committed/);
});

test('abort leaves the output folder as it was and removes the temporary', () => {
  const out = path.join(parent, 'plan');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, 'keep.txt'), 'k');
  fs.writeFileSync(path.join(out, '.netsec-synth'), 'old\n');
  const dir = new AtomicOutputDir(out);
  dir.write({ path: 'n1.iptables', content: 'a' });
  dir.abort();
  expect(listing(out)).toEqual(['.netsec-synth', 'keep.txt']);
  expect(listing(parent)).toEqual(['plan']);
});

test('a folder not written by netsec is refused before anything is written', () => {
  const out = path.join(parent, 'mine');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
  expect(() => new AtomicOutputDir(out)).toThrow(/not empty and was not written by cdk8s-netsec/);
  expect(listing(parent)).toEqual(['mine']);
});
