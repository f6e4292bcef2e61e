// The committed API report (api/cdk8s-netsec.api.md) is what the package root exports now, so that
// every change to the construct API shows in review. After an intended change: `npm run api-report`.
import * as fs from 'fs';
import { API_REPORT_FILE, renderApiReport } from '../../scripts/api-report';

test('the committed API report matches the package root (regenerate with `npm run api-report`)', () => {
  const rendered = renderApiReport();
  expect(rendered).toContain('\nclass NetsecApp extends App\n'); // the exports really were read
  expect(fs.readFileSync(API_REPORT_FILE, 'utf8')).toBe(rendered);
});
