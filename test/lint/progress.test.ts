// lintFiles tells a listener how far it is (the CLI draws progress from it on a terminal).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintFiles } from '../../lib/lint';
import { INVENTORY } from './helpers';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: nothing, namespace: shop}
spec: {podSelector: {matchLabels: {app: nobody}}, ingress: [{}]}
`;

describe('lintFiles progress', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-lint-progress-'));
    fs.writeFileSync(path.join(dir, 'p.yaml'), POLICY);
    fs.writeFileSync(path.join(dir, 'inv.yaml'), INVENTORY);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('0 first, then one step each for reading, building the model and the 16 rules; findings unchanged', () => {
    const options = { manifests: [path.join(dir, 'p.yaml')], cluster: path.join(dir, 'inv.yaml') };
    const seen: string[] = [];
    const heard = lintFiles({ ...options, onProgress: (done, total) => seen.push(`${done}/${total}`) });
    // worked out by hand: one check per rule, NS001 to NS016: 16, plus reading and building the model
    expect(seen).toEqual(Array.from({ length: 19 }, (_, i) => `${i}/18`));
    expect(heard).toEqual(lintFiles(options));
    expect(heard.map((f) => f.ruleId)).toContain('NS001');
  });

  test('an unreadable file stops after the first call', () => {
    const seen: number[] = [];
    expect(() => lintFiles({ manifests: [path.join(dir, 'missing.yaml')], onProgress: (done) => seen.push(done) })).toThrow(/no such file/);
    expect(seen).toEqual([0]);
  });
});
