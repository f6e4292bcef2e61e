import * as fs from 'fs';
import * as path from 'path';
import { loadYamlDocuments, parseResource } from '../../../lib/model/parse';
import { formatIssue, validateResource } from '../../../lib/model/validate';

// The parse fixtures are valid policies (IBM style and one of every kind): validation finds nothing.
test.each(['ibm-style-public.yaml', 'canonical-mix.yaml'])('%s validates cleanly', (name) => {
  const file = path.join(__dirname, '..', 'parse', 'fixtures', name);
  const found: string[] = [];
  for (const { index, doc } of loadYamlDocuments(fs.readFileSync(file, 'utf8'), name)) {
    const r = parseResource(doc, `${name}#${index}`);
    if (r) found.push(...validateResource(r).map((i) => formatIssue(`${name}#${index}`, i)));
  }
  expect(found).toEqual([]);
});
