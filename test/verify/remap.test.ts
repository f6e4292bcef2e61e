// verify --remap's address mapping, without root: one to one, into the documentation ranges, with
// containment and disjointness kept, and a clear refusal when the ranges are too small.
import { readFileSync } from 'fs';
import { join } from 'path';
import { Cidr } from '../../lib/model/net';
import { isDocumentationAddress } from '../../lib/verify/addresses';
import { RemapError, remapSources } from '../../lib/verify/remap';

const DIR = join(__dirname, '..', 'kernel', 'fixtures', 'remap');
const sources = ['policies.yaml', 'inventory.yaml'].map((f) => ({ file: f, text: readFileSync(join(DIR, f), 'utf8') }));

describe('remapSources', () => {
  const { sources: out, mapping } = remapSources(sources);
  const to = new Map(mapping);

  it('maps every address and CIDR of the inputs, each to its own documentation prefix', () => {
    expect([...to.keys()].sort()).toEqual(['10.0.0.0/8', '10.1.2.3', '10.1.2.4', '10.240.0.0/16', '10.240.0.5', '169.254.0.0/16', '8.8.8.8/32']);
    const targets = [...to.values()];
    expect(new Set(targets).size).toBe(targets.length);
    for (const t of targets) expect(isDocumentationAddress(t.split('/')[0])).toBe(true);
    expect(to.get('10.1.2.3')).not.toContain('/');
    expect(to.get('8.8.8.8/32')).toMatch(/\/32$/);
  });

  it('keeps containment and disjointness as they were', () => {
    const cidr = (t: string): Cidr => Cidr.parseCidrOrIp(t);
    const originals = [...to.keys()];
    for (const a of originals) {
      for (const b of originals) {
        if (a === b) continue;
        expect([a, b, cidr(to.get(a) ?? '').contains(cidr(to.get(b) ?? ''))]).toEqual([a, b, cidr(a).contains(cidr(b))]);
      }
    }
  });

  it('rewrites the documents and nothing else: no original address is left', () => {
    const text = out.map((s) => s.text).join('\n');
    for (const original of ['10.1.2.3', '10.240.0.5', '8.8.8.8', '169.254.0.0', '10.0.0.0/8']) expect(text).not.toContain(original);
    expect(text).toContain(`cidr: ${to.get('10.0.0.0/8')}`);
    expect(text).toContain('name: deny-dns-and-link-local');
    expect(out.map((s) => s.file)).toEqual(['policies.yaml', 'inventory.yaml']);
  });

  it('leaves 0.0.0.0/0 as it is', () => {
    const r = remapSources([{ file: 'a.yaml', text: 'nets: [0.0.0.0/0, 10.0.0.1]\n' }]);
    expect(r.mapping.map(([a]) => a)).toEqual(['10.0.0.1']);
    expect(r.sources[0].text).toContain('0.0.0.0/0');
  });

  it('refuses, saying why, when the prefixes cannot fit one to one with containment kept', () => {
    // one /16 holding 300 distinct addresses needs a 512-address block: no /24 holds it
    const hosts = Array.from({ length: 300 }, (_, i) => `10.9.${Math.floor(i / 200)}.${(i % 200) + 1}`);
    const text = `nets: [10.9.0.0/16, ${hosts.join(', ')}]\n`;
    expect(() => remapSources([{ file: 'big.yaml', text }])).toThrow(RemapError);
    expect(() => remapSources([{ file: 'big.yaml', text }])).toThrow(/cannot be mapped one to one into 192\.0\.2\.0\/24, 198\.51\.100\.0\/24, 203\.0\.113\.0\/24/);
    // the same 300 addresses without the net around them fit the three /24s
    expect(remapSources([{ file: 'hosts.yaml', text: `nets: [${hosts.join(', ')}]\n` }]).mapping).toHaveLength(300);
  });
});
